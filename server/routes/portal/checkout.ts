import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter } from '../router.js';
import type { AppEnv } from '../../env.js';
import { amountsOf, checkoutView, isOpen, openCheckout, payCheckout, PriceChanged } from '../../domain/checkouts.js';
import { DomainError } from '../../domain/errors.js';
import { normalizeEmail } from '../../domain/customers.js';
import { testCardOutcome } from '../../domain/test-cards.js';
import { checkoutGonePage, checkoutPage, paidPage, type CheckoutForm } from '../../pages/checkout-page.js';
import { wireCheckout } from '../../wire/checkout.js';
import { wireSubscription } from '../../wire/subscription.js';
import { formToken, pageLocale, refuseForeignPost, sendPage } from './hosted-respond.js';

const Params = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const Html = { 'text/html': { schema: z.string() } };
const Form = z.object({
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  card: z.string().max(40).optional(),
  expiry: z.string().max(10).optional(),
  cvc: z.string().max(10).optional(),
  total: z.string().max(20).optional(),
  lang: z.string().max(35).optional(),
  csrf: z.string().max(100).optional(),
});

/**
 * The hosted test checkout a checkout_url opens: GET shows it (and changes nothing), the form's
 * POST pays with a test card. A paid checkout sends the payer back to success_url with Creem's
 * signed parameters; paying it again goes there again and charges nothing.
 */
export const checkoutPages = createRouter();

type C = Context<AppEnv>;

async function show(c: C, id: string, form: CheckoutForm = {}, status: 200 | 400 = 200) {
  const deps = c.var.deps;
  const open = await openCheckout(deps, id);
  const raw = open?.checkout ?? (await deps.store.get('checkouts', id));
  const merchant = raw && (await deps.store.get('merchants', raw.merchant_id));
  const locale = pageLocale(c, open?.customer?.locale);
  if (raw?.status === 'completed' && merchant) {
    const v = await checkoutView(deps.store, raw);
    return sendPage(c, paidPage(locale, merchant, v.product, v.customer?.email ?? ''), 200, merchant);
  }
  if (!open || !merchant || !isOpen(open.checkout, deps.clock())) return sendPage(c, checkoutGonePage(locale, merchant), 410, merchant);
  const page = checkoutPage(locale, merchant, open, `/portal/checkout/${encodeURIComponent(id)}`, formToken(c), form);
  return sendPage(c, page, status, merchant);
}

checkoutPages.openapi(
  createRoute({
    method: 'get',
    path: '/checkout/{id}',
    summary: 'The hosted test checkout page of a checkout session',
    security: [],
    request: { params: Params },
    responses: { 200: { description: 'The checkout, or the paid page', content: Html }, 410: { description: 'Unknown, expired or no longer sold', content: Html } },
  }),
  (c) => show(c, c.req.valid('param').id),
);

checkoutPages.openapi(
  createRoute({
    method: 'post',
    path: '/checkout/{id}',
    summary: "Pay a checkout with one of Creem's test cards",
    security: [],
    request: { params: Params, body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: Form } } } },
    responses: {
      303: { description: 'Paid: to success_url with the signed parameters, or to the paid page' },
      400: { description: 'The card was refused or a field is wrong: the form again, with why', content: Html },
      403: { description: 'Not posted from the checkout page (no matching CSRF token)', content: Html },
      410: { description: 'Unknown, expired or no longer sold', content: Html },
    },
  }),
  async (c) => {
    const refused = await refuseForeignPost(c);
    if (refused) return refused;
    const { id } = c.req.valid('param');
    const f = c.req.valid('form');
    const deps = c.var.deps;
    const open = await openCheckout(deps, id);
    if (!open) return show(c, id);
    const email = open.customer?.email ?? open.checkout.customer_email ?? normalizeEmail(f.email ?? '');
    const kept = { email: f.email, name: f.name };
    if (!z.email().safeParse(email).success) return show(c, id, { ...kept, error: { key: 'emailInvalid', field: 'email' } }, 400);
    const refusal = testCardOutcome(f.card ?? '', f.expiry ?? '', f.cvc ?? '', deps.clock());
    if (refusal) {
      const on = refusal === 'expiryInvalid' || refusal === 'cardExpired' ? 'expiry' : refusal === 'cvcInvalid' || refusal === 'cardCvcWrong' ? 'cvc' : 'card';
      return show(c, id, { ...kept, error: { key: refusal, field: on } }, 400);
    }
    try {
      const expectedTotal = f.total !== undefined && /^\d+$/.test(f.total) ? Number(f.total) : amountsOf(open.product, open.checkout.units, open.discount).total;
      const done = await payCheckout(deps, id, { email, name: (f.name ?? '').trim(), expectedTotal }, {
        checkout: (v) => wireCheckout(v, deps.urls.checkout(v.checkout.id)),
        subscription: wireSubscription,
      });
      return c.redirect(done.redirect_url ?? `/portal/checkout/${encodeURIComponent(id)}`, 303);
    } catch (e) {
      if (e instanceof PriceChanged) return show(c, id, { ...kept, error: { key: 'priceChanged', field: 'card' } }, 400);
      // Expired or sold out between the page and the post.
      if (e instanceof DomainError && e.kind === 'conflict') return show(c, id);
      throw e;
    }
  },
);
