import { createRoute, z } from '@hono/zod-openapi';
import { html, type SafeHtml } from '../../pages/html.js';
import { page as layout } from '../../pages/layout.js';
import { csrfField } from '../../pages/sign-in-pages.js';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { DomainError } from '../../domain/errors.js';
import { cancelEmailChange, confirmEmailChange, lookupEmailCancel, lookupEmailChange } from '../../domain/email-change.js';
import { mailEmailChanged } from '../../domain/billing.js';
import { findMerchant } from '../../domain/merchants.js';
import { text, textAround, type TextKey } from '../../texts/index.js';
import type { Locale } from '../../../contract/locales.js';
import { formToken, pageLocale, refuseForeignPost, sendPage } from './hosted-respond.js';
import type { AppEnv } from '../../env.js';
import type { Customer } from '../../store/schema.js';

/**
 * The links in the email-change mails: confirm (sent to the new address) and cancel (sent to the
 * old one). GET only shows a button, because mail scanners open links on their own; the POST from
 * that button (with the page's CSRF token) acts. Pages, not JSON: a person opens them. Their
 * language is the one the mails used (the customer's), unless `?lang=` says otherwise; a link
 * that matches no customer falls back to the browser's Accept-Language.
 */
export const emailConfirm = createRouter();

// Any string is accepted here so that a mangled link gets the friendly page, not a JSON 400.
const Params = z.object({ code: z.string().max(200) });
const page = { 'text/html': { schema: z.string() } };
const Form = { body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ csrf: z.string().max(100).optional() }) } } } };

/** The page for this customer's account (in their language, with their merchant's brand). */
async function render(c: Context<AppEnv>, status: 200 | 409, customer: Customer, title: TextKey, body: (locale: Locale, merchant: string) => SafeHtml) {
  const locale = pageLocale(c, customer.locale);
  const merchant = await findMerchant(c.var.deps, customer.merchant_id);
  const heading = text(locale, title);
  // Merchants are never deleted; the empty name only keeps an impossible case from throwing.
  const content = body(locale, merchant?.settings.brand.name ?? '');
  return sendPage(c, layout({ locale, merchant, title: heading, body: html`<h1>${heading}</h1>\n${content}` }), status, merchant);
}

/** One paragraph of the catalogue with the address set apart; <bdi> keeps it readable inside Arabic text. */
function withAddress(locale: Locale, key: TextKey, email: string, merchant: string): SafeHtml {
  const [before, after] = textAround(locale, key, 'email', { merchant });
  return html`<p>${before}<strong><bdi>${email}</bdi></strong>${after}</p>`;
}

/** No customer to go by: the browser's language. */
function expired(c: Context<AppEnv>) {
  const locale = pageLocale(c);
  const title = text(locale, 'changeExpiredTitle');
  return sendPage(c, layout({ locale, title, body: html`<h1>${title}</h1>\n<p>${text(locale, 'changeExpiredBody')}</p>` }), 404);
}

const button = (c: Context<AppEnv>, label: string) => html`<form method="post">${csrfField(formToken(c))}<button type="submit">${label}</button></form>`;

emailConfirm.openapi(
  createRoute({
    method: 'get',
    path: '/confirm/{code}',
    summary: 'Page asking to confirm a new email address (changes nothing)',
    request: { params: Params },
    responses: { 200: { description: 'Confirm page', content: page }, 404: { description: 'Unknown, used or expired link', content: page } },
  }),
  async (c) => {
    const { code } = c.req.valid('param');
    const live = await lookupEmailChange(c.var.deps, code);
    if (!live) return expired(c);
    // Whoever holds the new address is not told the current one.
    return render(c, 200, live.customer, 'confirmTitle', (locale, merchant) => html`${withAddress(locale, 'confirmQuestion', live.newEmail, merchant)}
${button(c, text(locale, 'confirmButton'))}`);
  },
);

emailConfirm.openapi(
  createRoute({
    method: 'post',
    path: '/confirm/{code}',
    summary: "Apply a new email address (single use); signs out the customer's tokens and sessions",
    request: { params: Params, ...Form },
    responses: {
      200: { description: 'Changed', content: page },
      403: { description: 'Not posted from the confirm page (no matching CSRF token)', content: page },
      404: { description: 'Unknown, used or expired link', content: page },
      409: { description: 'The address belongs to another account', content: page },
    },
  }),
  async (c) => {
    const refused = await refuseForeignPost(c);
    if (refused) return refused;
    const { code } = c.req.valid('param');
    // Looked up first (spending nothing) so that a refusal, too, speaks the customer's language.
    const live = await lookupEmailChange(c.var.deps, code);
    if (!live) return expired(c);
    try {
      const change = await confirmEmailChange(c.var.deps, code);
      await mailEmailChanged(c.var.deps, change);
      const { customer } = change;
      return render(c, 200, customer, 'changedTitle', (locale, merchant) => withAddress(locale, 'changedPage', customer.email, merchant));
    } catch (e) {
      if (!(e instanceof DomainError) || (e.kind !== 'not_found' && e.kind !== 'conflict')) throw e;
      if (e.kind === 'not_found') return expired(c);
      return render(c, 409, live.customer, 'inUseTitle', (locale, merchant) => withAddress(locale, 'inUseBody', live.newEmail, merchant));
    }
  },
);

emailConfirm.openapi(
  createRoute({
    method: 'get',
    path: '/cancel/{code}',
    summary: "Page offering to cancel (or undo) an email change, from the old address (changes nothing)",
    request: { params: Params },
    responses: { 200: { description: 'Cancel page', content: page }, 404: { description: 'Unknown, used or expired link', content: page } },
  }),
  async (c) => {
    const { code } = c.req.valid('param');
    const live = await lookupEmailCancel(c.var.deps, code);
    if (!live) return expired(c);
    return render(c, 200, live.customer, live.applied ? 'undoTitle' : 'cancelTitle', (locale, merchant) => html`<p>${text(locale, live.applied ? 'undoQuestion' : 'cancelQuestion', { merchant })}</p>
${button(c, text(locale, live.applied ? 'undoButton' : 'cancelButton'))}`);
  },
);

emailConfirm.openapi(
  createRoute({
    method: 'post',
    path: '/cancel/{code}',
    summary: "Cancel or undo an email change (single use); signs out the customer's tokens and sessions",
    request: { params: Params, ...Form },
    responses: {
      200: { description: 'Cancelled', content: page },
      403: { description: 'Not posted from the cancel page (no matching CSRF token)', content: page },
      404: { description: 'Unknown, used or expired link', content: page },
    },
  }),
  async (c) => {
    const refused = await refuseForeignPost(c);
    if (refused) return refused;
    const { code } = c.req.valid('param');
    try {
      const customer = await cancelEmailChange(c.var.deps, code);
      return render(c, 200, customer, 'cancelledTitle', (locale, merchant) => html`<p>${text(locale, 'cancelledBody', { merchant })}</p>`);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'not_found') return expired(c);
      throw e;
    }
  },
);
