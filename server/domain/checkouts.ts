import { createHash } from 'node:crypto';
import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { StoreReader, Tx } from '../store/interface.js';
import type { Checkout, Customer, Discount, License, Order, Product, Subscription, Transaction } from '../store/schema.js';
import type { TokenKeys } from '../auth/keys.js';
import { seal, sealedUnder, unseal } from '../auth/seal.js';
import type { DomainDeps } from './deps.js';
import { conflict, invalid, notFound } from './errors.js';
import { inScope, type Scope } from './scope.js';
import { getCustomer, newCustomer, normalizeEmail } from './customers.js';
import { addPeriod } from './periods.js';
import { amountOff, appliedDiscount, findDiscount, refusalOf } from './discounts.js';
import { issueLicense } from './licenses.js';
import { putOrder, recordPayment, taxOn } from './payments.js';
import { recordEvent, saveSubscription } from './events.js';
import { orderView, subscriptionView, type SubscriptionView } from './views.js';

/** A checkout nobody paid is no longer open after a day, as on Creem. */
export const CHECKOUT_TTL_MS = 24 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

export interface CheckoutInput {
  productId: string;
  units: number;
  requestId?: string;
  successUrl?: string;
  customer?: { id?: string; email?: string };
  metadata?: Checkout['metadata'];
  discountCode?: string;
}

export const isOpen = (c: Checkout, now: number) => c.status === 'pending' && Date.parse(c.expires_at) > now;

/** The product a checkout sells, if it is still for sale in the checkout's merchant and mode. */
async function onSale(r: StoreReader, scope: Scope, productId: string): Promise<Product | undefined> {
  const p = await r.get('products', productId);
  return p && inScope(scope, p) && p.status === 'active' ? p : undefined;
}

/**
 * A pending checkout for one of the merchant's active products. `apiKey` is the key the request
 * came with: sealed into the record, it signs the redirect once the checkout is paid.
 */
export async function createCheckout(deps: DomainDeps & { keys: TokenKeys }, scope: Scope, input: CheckoutInput, apiKey: string | undefined): Promise<Checkout> {
  const now = deps.clock();
  const product = await deps.store.get('products', input.productId);
  if (!product || !inScope(scope, product)) throw notFound('Product');
  if (product.status !== 'active') throw conflict('The product is archived: it can no longer be sold.');
  const customer = input.customer?.id ? await getCustomer(deps.store, scope, input.customer.id) : undefined;
  let discount: Discount | undefined;
  if (input.discountCode !== undefined) {
    discount = await findDiscount(deps.store, scope, { code: input.discountCode }).catch(() => undefined);
    const why = discount ? refusalOf(discount, product, now) : 'no such discount code';
    if (why) throw invalid(`discount_code: ${why}`);
  }
  const checkout: Checkout = {
    id: newId('ch'),
    merchant_id: scope.merchantId,
    mode: scope.mode,
    status: 'pending',
    product_id: product.id,
    units: input.units,
    request_id: input.requestId ?? null,
    success_url: input.successUrl ?? product.default_success_url ?? null,
    customer_id: customer?.id ?? null,
    customer_email: customer ? null : input.customer?.email ? normalizeEmail(input.customer.email) : null,
    metadata: input.metadata ?? {},
    discount_id: discount?.id ?? null,
    // Kept sealed only to sign the redirect to success_url; none given, the redirect goes unsigned.
    sealed_key: apiKey === undefined ? null : seal(deps.keys, apiKey),
    order_id: null,
    subscription_id: null,
    paid_by: null,
    redirect_url: null,
    expires_at: iso(now + CHECKOUT_TTL_MS),
    created_at: iso(now),
    updated_at: iso(now),
  };
  return deps.store.transact((tx) => tx.put('checkouts', checkout));
}

/** A checkout as an API answer shows it; an open one past its time reads as expired. */
export async function findCheckout(deps: DomainDeps, scope: Scope, id: string): Promise<Checkout> {
  const c = await deps.store.get('checkouts', id);
  // Scoped by merchant and mode only: the customer it names (if any) is not the caller.
  if (!c || !inScope(scope, { merchant_id: c.merchant_id, mode: c.mode })) throw notFound('Checkout');
  return c.status === 'pending' && !isOpen(c, deps.clock()) ? { ...c, status: 'expired' } : c;
}

export interface CheckoutView {
  checkout: Checkout;
  discount: Discount | undefined;
  license: License | undefined;
  product: Product | undefined;
  customer: Customer | undefined;
  order: { order: Order; transaction: Transaction | undefined } | undefined;
  subscription: SubscriptionView | undefined;
}

export async function checkoutView(r: StoreReader, checkout: Checkout): Promise<CheckoutView> {
  const customerId = checkout.paid_by ?? checkout.customer_id;
  const [discount, license, product, customer, order, subscription] = await Promise.all([
    checkout.discount_id ? r.get('discounts', checkout.discount_id) : undefined,
    checkout.license_id ? r.get('licenses', checkout.license_id) : undefined,
    r.get('products', checkout.product_id),
    customerId ? r.get('customers', customerId) : undefined,
    checkout.order_id ? r.get('orders', checkout.order_id) : undefined,
    checkout.subscription_id ? r.get('subscriptions', checkout.subscription_id) : undefined,
  ]);
  return {
    checkout,
    discount,
    license,
    product,
    customer,
    order: order && (await orderView(r, order)),
    subscription: subscription && (await subscriptionView(r, subscription)),
  };
}

/** The checkout's discount, if it can still be redeemed on this product. */
async function redeemable(r: StoreReader, c: Checkout, product: Product, now: number): Promise<Discount | undefined> {
  const d = c.discount_id ? await r.get('discounts', c.discount_id) : undefined;
  return d && !refusalOf(d, product, now) ? d : undefined;
}

export interface OpenCheckout {
  checkout: Checkout;
  product: Product;
  customer: Customer | undefined;
  /** Its discount, while redeemable. */
  discount: Discount | undefined;
}

/** What the page needs to show an open checkout: its product, its discount and, when known, who pays. */
export async function openCheckout(deps: DomainDeps, id: string): Promise<OpenCheckout | undefined> {
  const checkout = await deps.store.get('checkouts', id);
  if (!checkout) return undefined;
  const scope = { merchantId: checkout.merchant_id, mode: checkout.mode };
  const product = await onSale(deps.store, scope, checkout.product_id);
  if (!product) return undefined;
  const customer = checkout.customer_id ? await deps.store.get('customers', checkout.customer_id) : undefined;
  return { checkout, product, customer, discount: await redeemable(deps.store, checkout, product, deps.clock()) };
}

const inTrial = (product: Product) => product.billing_type === 'recurring' && !!product.trial_period_days;

/** What the customer pays now: nothing during a trial, else every unit, less the discount, plus tax. */
export function amountsOf(product: Product, units: number, discount?: Pick<Discount, 'type' | 'amount' | 'percentage'>) {
  const subtotal = inTrial(product) ? 0 : product.price * units;
  const off = discount ? amountOff(discount, subtotal) : 0;
  const tax = taxOn(subtotal - off);
  return { subtotal, discount: off, tax, total: subtotal - off + tax };
}


/** The ids Creem's redirect adds to success_url, in its order; then `signature`. */
export const REDIRECT_PARAMS = ['checkout_id', 'order_id', 'customer_id', 'subscription_id', 'product_id', 'request_id', 'signature'] as const;
type RedirectId = Exclude<(typeof REDIRECT_PARAMS)[number], 'signature'>;
const redirectIds = (ids: Record<RedirectId, string | null>): [string, string | null][] =>
  REDIRECT_PARAMS.filter((k): k is RedirectId => k !== 'signature').map((k) => [k, ids[k]]);

/**
 * Creem's redirect: success_url with the checkout's ids, in this order, empty ones left out, then
 * `signature` = hex SHA-256 of `key=value|…|salt={apiKey}` over the same parameters.
 */
export function signedRedirect(successUrl: string, params: [string, string | null | undefined][], apiKey: string | undefined): string {
  const url = new URL(successUrl);
  const kept = params.filter((p): p is [string, string] => typeof p[1] === 'string' && p[1] !== '');
  for (const [k, v] of kept) url.searchParams.append(k, v);
  if (apiKey) {
    const data = [...kept.map(([k, v]) => `${k}=${v}`), `salt=${apiKey}`].join('|');
    url.searchParams.append('signature', createHash('sha256').update(data).digest('hex'));
  }
  return url.href;
}

async function startSubscription(tx: Tx, c: Checkout, product: Product, customer: Customer, discount: Discount | undefined, now: number): Promise<{ subscription: Subscription; transaction?: Transaction }> {
  const trialDays = product.trial_period_days ?? 0;
  const end = trialDays ? now + trialDays * DAY : addPeriod(now, product.billing_period);
  const base: Subscription = {
    id: newId('sub'),
    merchant_id: c.merchant_id,
    mode: c.mode,
    customer_id: customer.id,
    product_id: product.id,
    status: trialDays ? 'trialing' : 'active',
    items: [{ id: newId('sitem'), product_id: product.id, price_id: product.price_id, units: c.units, created_at: iso(now), updated_at: iso(now) }],
    current_period_start_date: iso(now),
    current_period_end_date: iso(end),
    next_transaction_date: iso(end),
    last_transaction_id: null,
    last_transaction_date: null,
    trial_end_date: trialDays ? iso(end) : null,
    canceled_at: null,
    scheduled_action: null,
    paused_by: null,
    cancel_reason: null,
    cancel_comment: null,
    // Integrations find their own user here (Better Auth, the Next.js adapter: metadata.referenceId).
    metadata: c.metadata,
    // A trial comes first: the discount starts with the first paid period, when the trial ends.
    discount: discount ? appliedDiscount(discount, trialDays ? end : now, product.billing_period, !trialDays) : null,
    created_at: iso(now),
    updated_at: iso(now),
  };
  if (trialDays) return { subscription: base };
  const transaction = await recordPayment(tx, {
    subscription: base,
    product,
    customer,
    amount: product.price * c.units,
    discount: amountsOf(product, c.units, discount).discount,
    periodStart: now,
    periodEnd: end,
    description: product.name,
    now,
  });
  return { subscription: { ...base, last_transaction_id: transaction.id, last_transaction_date: iso(now) }, transaction };
}

async function buyOnce(tx: Tx, c: Checkout, product: Product, customer: Customer, discount: Discount | undefined, now: number): Promise<Transaction> {
  const { subtotal: amount, discount: off, tax } = amountsOf(product, c.units, discount);
  const transactionId = newId('tran');
  const orderId = newId('ord');
  const owned = { merchant_id: c.merchant_id, mode: c.mode, customer_id: customer.id, product_id: product.id };
  await putOrder(tx, owned, product, { id: orderId, transaction_id: transactionId, amount, type: 'onetime' }, now);
  return tx.put('transactions', {
    id: transactionId,
    ...owned,
    subscription_id: null,
    order_id: orderId,
    amount,
    amount_paid: amount - off + tax,
    discount_amount: off,
    tax_amount: tax,
    tax_country: customer.country,
    refunded_amount: 0,
    currency: product.currency,
    status: 'paid',
    type: 'payment',
    description: product.name,
    period_start: null,
    period_end: null,
    created_at: now,
  });
}

/** The customer would pay another amount than the page showed them: show it again. */
export class PriceChanged extends Error {
  constructor() {
    super('The price changed since the checkout page was shown.');
  }
}

export interface Payer {
  email: string;
  name: string;
  /** The total the page showed (cents): when it no longer holds (a discount ran out meanwhile), nothing is paid. */
  expectedTotal?: number;
}

/**
 * Pays an open checkout with a test card that succeeded, in one commit: the customer (found by
 * email, or new), the subscription for a recurring product (with the checkout's metadata) or the
 * order of a one-time one, the first payment unless a trial comes first, the events
 * `checkout.completed`, then `subscription.active` (or `.trialing`) and `subscription.paid`, and
 * the signed redirect. Paying a completed checkout again changes nothing and answers it as it is.
 * `wire` turns the view into the event's object (the routes' wire format; the domain has none).
 */
export function payCheckout(
  deps: DomainDeps & { keys: TokenKeys },
  id: string,
  payer: Payer,
  wire: { checkout(v: CheckoutView): unknown; subscription(v: SubscriptionView): unknown },
): Promise<Checkout> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const c = await tx.get('checkouts', id);
    if (!c) throw notFound('Checkout');
    if (c.status === 'completed') return c;
    if (!isOpen(c, now)) throw conflict('This checkout is no longer open.');
    const scope = { merchantId: c.merchant_id, mode: c.mode };
    const product = await onSale(tx, scope, c.product_id);
    if (!product) throw conflict('The product is no longer sold.');
    const discount = c.discount_id ? await redeemable(tx, c, product, now) : undefined;
    if (payer.expectedTotal !== undefined && payer.expectedTotal !== amountsOf(product, c.units, discount).total) throw new PriceChanged();
    if (discount) await tx.put('discounts', { ...discount, redeem_count: discount.redeem_count + 1, updated_at: iso(now) });
    const email = normalizeEmail(payer.email);
    let customer = c.customer_id ? await tx.get('customers', c.customer_id) : (await tx.findBy('customers', 'email', email)).find((x) => inScope(scope, x));
    if (!customer) customer = await tx.put('customers', newCustomer({ merchant_id: c.merchant_id, mode: c.mode, email, name: payer.name || null, created_at: iso(now) }));

    let subscriptionId: string | null = null;
    let orderId: string;
    let started: Subscription | undefined;
    if (product.billing_type === 'recurring') {
      const { subscription, transaction } = await startSubscription(tx, c, product, customer, discount, now);
      started = await tx.put('subscriptions', subscription);
      subscriptionId = subscription.id;
      // The first payment's order; a trial is an order of nothing yet, and Creem still names one
      // (integrations such as the Better Auth plugin record the subscription from it).
      orderId =
        transaction?.order_id ??
        (await putOrder(tx, { ...c, customer_id: customer.id }, product, { id: newId('ord'), transaction_id: null, amount: 0, type: 'recurring' }, now)).id;
    } else {
      orderId = (await buyOnce(tx, c, product, customer, discount, now)).order_id;
    }
    const license = await issueLicense(tx, c, product, customer.id, now);
    const successUrl = c.success_url;
    const apiKey = c.sealed_key ? unseal(deps.keys, c.sealed_key, now) : undefined;
    const redirect = successUrl
      ? signedRedirect(
          successUrl,
          redirectIds({ checkout_id: c.id, order_id: orderId || null, customer_id: customer.id, subscription_id: subscriptionId, product_id: product.id, request_id: c.request_id }),
          apiKey,
        )
      : null;
    const done = await tx.put('checkouts', {
      ...c,
      status: 'completed',
      order_id: orderId || null,
      subscription_id: subscriptionId,
      paid_by: customer.id,
      license_id: license?.id ?? null,
      redirect_url: redirect,
      // Used: the key is not kept a moment longer than it is needed.
      sealed_key: null,
      updated_at: iso(now),
    });
    await recordEvent(tx, { ...scope, eventType: 'checkout.completed', object: wire.checkout(await checkoutView(tx, done)) }, now);
    if (started) {
      await saveSubscription(tx, started, started.status === 'trialing' ? 'subscription.trialing' : 'subscription.active', now);
      if (started.last_transaction_id) await recordEvent(tx, { ...scope, eventType: 'subscription.paid', object: wire.subscription(await subscriptionView(tx, started)) }, now);
    }
    return done;
  });
}

/**
 * Checkouts nobody paid in time give up the API key they were sealed with: nothing will ever be
 * signed with it. Run hourly with the other purges; it reads every checkout (no index on expiry).
 */
export async function forgetExpiredCheckoutKeys(deps: DomainDeps, now: number): Promise<number> {
  const stale = (c: Checkout | undefined): c is Checkout => !!c && c.sealed_key !== null && c.status !== 'completed' && !isOpen(c, now);
  const ids = (await deps.store.all('checkouts')).filter(stale).map((c) => c.id);
  if (ids.length === 0) return 0;
  return deps.store.transact(async (tx) => {
    let n = 0;
    for (const id of ids) {
      const c = await tx.get('checkouts', id);
      if (!stale(c)) continue;
      await tx.put('checkouts', { ...c, status: 'expired', sealed_key: null, updated_at: iso(now) });
      n++;
    }
    return n;
  });
}

/**
 * A checkout stays open for a day, a retired signing key only for its grace period: each hourly
 * purge seals again, under the current key, what open checkouts hold under an older one, so the
 * redirect is still signed when the customer pays after a rotation.
 */
export async function resealCheckoutKeys(deps: DomainDeps & { keys: TokenKeys }, now: number): Promise<number> {
  const kid = deps.keys.current().kid;
  const older = (c: Checkout | undefined): c is Checkout => !!c && c.sealed_key !== null && isOpen(c, now) && sealedUnder(c.sealed_key) !== kid;
  const ids = (await deps.store.all('checkouts')).filter(older).map((c) => c.id);
  if (ids.length === 0) return 0;
  return deps.store.transact(async (tx) => {
    let n = 0;
    for (const id of ids) {
      const c = await tx.get('checkouts', id);
      if (!older(c)) continue;
      const apiKey = unseal(deps.keys, c.sealed_key!, now);
      // Its key already gone: nothing can open it again, so it keeps nothing.
      await tx.put('checkouts', { ...c, sealed_key: apiKey === undefined ? null : seal(deps.keys, apiKey), updated_at: iso(now) });
      n++;
    }
    return n;
  });
}
