import { createRoute, z } from '@hono/zod-openapi';
import { html, type SafeHtml } from '../../pages/html.js';
import { page as layout } from '../../pages/layout.js';
import { csrfField } from '../../pages/sign-in-pages.js';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { ApiError } from '../../errors.js';
import { cancelEmailChange, confirmEmailChange, findEmailCancel, findEmailChange } from '../../domain/email-change.js';
import { mailEmailChanged } from '../../domain/billing.js';
import { formToken, refuseForeignPost, sendPage } from './hosted-respond.js';
import type { AppEnv } from '../../env.js';

/**
 * The links in the email-change mails: confirm (sent to the new address) and cancel (sent to the
 * old one). GET only shows a button, because mail scanners open links on their own; the POST from
 * that button (with the page's CSRF token) acts. Pages, not JSON: a person opens them. English
 * only, like the mails (see mail/email-change-mails.ts).
 */
export const emailConfirm = createRouter();

// Any string is accepted here so that a mangled link gets the friendly page, not a JSON 400.
const Params = z.object({ code: z.string().max(200) });
const page = { 'text/html': { schema: z.string() } };
const Form = { body: { content: { 'application/x-www-form-urlencoded': { schema: z.object({ csrf: z.string().max(100).optional() }) } } } };

function render(c: Context<AppEnv>, status: 200 | 404 | 409, merchantId: string | undefined, title: string, body: SafeHtml) {
  const merchant = merchantId ? c.var.deps.store.get('merchants', merchantId) : undefined;
  return sendPage(c, layout({ locale: 'en', merchant, title, body: html`<h1>${title}</h1>\n${body}` }), status, merchant);
}

const brandOf = (c: Context<AppEnv>, merchantId: string) => c.var.deps.store.get('merchants', merchantId)?.settings.brand.name ?? 'your account';
const expired = (c: Context<AppEnv>) =>
  render(c, 404, undefined, 'This link has expired', html`<p>This link is invalid, expired or already used. Ask for a new one from your account page.</p>`);
const button = (c: Context<AppEnv>, label: string) => html`<form method="post">${csrfField(formToken(c))}<button type="submit">${label}</button></form>`;

emailConfirm.openapi(
  createRoute({
    method: 'get',
    path: '/confirm/{code}',
    summary: 'Page asking to confirm a new email address (changes nothing)',
    request: { params: Params },
    responses: { 200: { description: 'Confirm page', content: page }, 404: { description: 'Unknown, used or expired link', content: page } },
  }),
  (c) => {
    const { code } = c.req.valid('param');
    const live = findEmailChange(c.var.deps.store, code, c.var.deps.clock());
    if (!live) return expired(c);
    // Whoever holds the new address is not told the current one.
    return render(
      c,
      200,
      live.customer.merchant_id,
      'Confirm your new email address',
      html`<p>Use <strong>${live.code.data}</strong> for your ${brandOf(c, live.customer.merchant_id)} account?</p>
${button(c, 'Confirm new address')}`,
    );
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
    try {
      const change = await confirmEmailChange(c.var.deps, code);
      await mailEmailChanged(c.var.deps, change);
      const { customer } = change;
      return render(
        c,
        200,
        customer.merchant_id,
        'Email address changed',
        html`<p>Your ${brandOf(c, customer.merchant_id)} account now uses <strong>${customer.email}</strong>. Sign in again with it. You can close this page.</p>`,
      );
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 409)) throw e;
      if (e.status === 404) return expired(c);
      return render(c, 409, undefined, 'Address already in use', html`<p>${e.messages.join(' ')}</p>`);
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
  (c) => {
    const { code } = c.req.valid('param');
    const live = findEmailCancel(c.var.deps.store, code, c.var.deps.clock());
    if (!live) return expired(c);
    const brand = brandOf(c, live.customer.merchant_id);
    return render(
      c,
      200,
      live.customer.merchant_id,
      live.applied ? 'Undo the email change?' : 'Cancel the email change?',
      html`<p>${live.applied ? `Give your ${brand} account back this email address and sign out everyone using it?` : `Stop the change of your ${brand} account's email address and sign out everyone using it?`}</p>
${button(c, live.applied ? "This wasn't me — undo the change" : "This wasn't me — cancel the change")}`,
    );
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
      return render(
        c,
        200,
        customer.merchant_id,
        'Email change cancelled',
        html`<p>Your ${brandOf(c, customer.merchant_id)} account keeps this email address, and everyone who was signed in has been signed out. You can close this page.</p>`,
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return expired(c);
      throw e;
    }
  },
);
