import { createRoute, z } from '@hono/zod-openapi';
import { html, type SafeHtml } from '../../pages/html.js';
import { page as layout } from '../../pages/layout.js';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import { ApiError } from '../../errors.js';
import { confirmEmailChange, findEmailChange } from '../../domain/email-change.js';
import { htmlSecurityHeaders } from '../security-headers.js';
import type { AppEnv } from '../../env.js';

/**
 * The link in an email-change mail. GET only shows a confirm button, because mail scanners open
 * links on their own; the POST from that button applies the change. Pages, not JSON: a person
 * opens them.
 */
export const emailConfirm = createRouter();

// Any string is accepted here so that a mangled link gets the friendly page, not a JSON 400.
const Params = z.object({ code: z.string().max(200) });
const page = { 'text/html': { schema: z.string() } };

function render(c: Context<AppEnv>, status: 200 | 404 | 409, merchantId: string | undefined, title: string, body: SafeHtml) {
  htmlSecurityHeaders(c);
  c.header('Cache-Control', 'no-store');
  const merchant = merchantId ? c.var.deps.store.get('merchants', merchantId) : undefined;
  return c.html(layout({ locale: 'en', merchant, title, body: html`<h1>${title}</h1>\n${body}` }).value, status);
}

const brandOf = (c: Context<AppEnv>, merchantId: string) => c.var.deps.store.get('merchants', merchantId)?.settings.brand.name ?? 'your account';

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
    if (!live) return render(c, 404, undefined, 'This link has expired', html`<p>This confirmation link is invalid, expired or already used. Ask for a new one from your account page.</p>`);
    return render(
      c,
      200,
      live.customer.merchant_id,
      'Confirm your new email address',
      html`<p>Use <strong>${live.code.data}</strong> instead of ${live.customer.email} for your ${brandOf(c, live.customer.merchant_id)} account?</p>
<form method="post"><button type="submit">Confirm new address</button></form>`,
    );
  },
);

emailConfirm.openapi(
  createRoute({
    method: 'post',
    path: '/confirm/{code}',
    summary: 'Apply a new email address (single use)',
    request: { params: Params },
    responses: {
      200: { description: 'Changed', content: page },
      404: { description: 'Unknown, used or expired link', content: page },
      409: { description: 'The address belongs to another account', content: page },
    },
  }),
  async (c) => {
    const { code } = c.req.valid('param');
    try {
      const customer = await confirmEmailChange(c.var.deps, code);
      return render(c, 200, customer.merchant_id, 'Email address changed', html`<p>Your ${brandOf(c, customer.merchant_id)} account now uses <strong>${customer.email}</strong>. You can close this page.</p>`);
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 409)) throw e;
      const title = e.status === 404 ? 'This link has expired' : 'Address already in use';
      return render(c, e.status, undefined, title, html`<p>${e.messages.join(' ')}</p>`);
    }
  },
);
