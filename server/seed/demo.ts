import { newId, randomToken, sha256 } from '../ids.js';
import { iso } from '../clock.js';
import { addPeriod } from '../domain/periods.js';
import type { Store, Tx } from '../store/interface.js';
import type { BillingPeriod, Currency, Customer, Merchant, Product, Subscription, SubscriptionStatus } from '../store/schema.js';
import { newCustomer } from '../domain/customers.js';
import { newProduct } from '../domain/products.js';
import { recordPayment } from '../domain/payments.js';
import type { DemoSite } from '../demo-site.js';

export const DEMO_MERCHANT_NAME = 'Acme Cloud';
const DAY = 86_400_000;

export interface SeedOptions {
  publicUrl: string;
  allowedOrigins: string[];
  now: number;
}

export async function demoMerchant({ store }: { store: Store }): Promise<Merchant | undefined> {
  return (await store.all('merchants')).find((m) => m.name === DEMO_MERCHANT_NAME);
}

/** The demo merchant's customers, for the demo site's sign-in list. */
export const demoCustomers = ({ store }: { store: Store }, merchant: Merchant) => store.findBy('customers', 'merchant_id', merchant.id);

/** One of the demo merchant's customers, or undefined. */
export async function demoCustomer(deps: { store: Store }, id: string): Promise<Customer | undefined> {
  const [merchant, customer] = await Promise.all([demoMerchant(deps), deps.store.get('customers', id)]);
  return merchant && customer?.merchant_id === merchant.id ? customer : undefined;
}

/**
 * Gives the demo merchant a test key (the given one, or a new random one) and returns it. Looked
 * up and added in one commit, so processes starting together on one database add it once.
 */
export async function ensureDemoKey(store: Store, key: string | undefined, now: number): Promise<string> {
  const apiKey = key ?? `creem_test_${randomToken(32)}`;
  const hash = sha256(apiKey);
  if (await store.findOneBy('api_keys', 'hash', hash)) return apiKey;
  await store.transact(async (tx) => {
    const merchant = (await tx.all('merchants')).find((m) => m.name === DEMO_MERCHANT_NAME)!;
    if (await tx.findOneBy('api_keys', 'hash', hash)) return;
    await tx.put('api_keys', { id: newId('key'), merchant_id: merchant.id, mode: 'test', hash, hint: apiKey.slice(0, 15), created_at: iso(now) });
  });
  return apiKey;
}

/**
 * Adds the server's own origin and DEMO_ALLOWED_ORIGINS to the demo merchant's allowed origins,
 * also on a store seeded by an earlier start (seeding itself happens only once). Read and written
 * in one commit: two processes adding different origins keep both.
 */
export async function ensureDemoOrigins(store: Store, opts: { publicUrl: string; allowedOrigins: string[] }): Promise<void> {
  const wanted = [new URL(opts.publicUrl).origin, ...opts.allowedOrigins];
  const current = await demoMerchant({ store });
  if (!current || wanted.every((o) => current.settings.allowed_origins.includes(o))) return;
  await store.transact(async (tx) => {
    const merchant = (await tx.all('merchants')).find((m) => m.name === DEMO_MERCHANT_NAME);
    if (!merchant) return;
    const missing = wanted.filter((o) => !merchant.settings.allowed_origins.includes(o));
    if (missing.length === 0) return;
    await tx.put('merchants', { ...merchant, settings: { ...merchant.settings, allowed_origins: [...merchant.settings.allowed_origins, ...new Set(missing)] } });
  });
}

/** Seeds Acme Cloud with products, customers in every subscription state, and payment history. */
export async function seedDemo(store: Store, opts: SeedOptions): Promise<void> {
  const { now } = opts;
  const at = iso(now - 400 * DAY);
  await store.transact(async (tx) => {
    if ((await tx.count('merchants')) > 0) return;
    const merchant = await tx.put('merchants', {
      id: newId('mer'),
      name: DEMO_MERCHANT_NAME,
      created_at: at,
      settings: {
        allowed_origins: [...new Set([new URL(opts.publicUrl).origin, ...opts.allowedOrigins])],
        brand: { name: DEMO_MERCHANT_NAME, color: '#4f46e5', logo_url: null },
        support_email: 'support@acme-cloud.test',
        default_cancel_mode: 'scheduled',
        cancel_modes: ['scheduled', 'immediate'],
        allow_pause: true,
        allow_plan_switch: true,
        switchable_product_ids: [],
        allow_units_change: true,
        update_behavior: 'proration-charge-immediately',
        refund: { auto_refund_days: 14, allow_requests: true },
        update_payment_method_url: `${opts.publicUrl}/demo/update-card`,
      },
    });
    const product = (name: string, description: string, price: number, currency: Currency, billing_period: BillingPeriod): Promise<Product> =>
      tx.put('products', newProduct({ merchant_id: merchant.id, mode: 'test', name, description, price, currency, billing_period, created_at: at }));
    const starter = await product('Starter', 'For side projects: 3 apps, community support.', 900, 'USD', 'every-month');
    const pro = await product('Pro', 'For growing teams: unlimited apps, priority support.', 2900, 'USD', 'every-month');
    const proYearly = await product('Pro (yearly)', 'Pro, billed yearly: two months free.', 29000, 'EUR', 'every-year');
    // Sold once, never offered as a plan: the emulator's one-time checkout.
    await tx.put('products', newProduct({ merchant_id: merchant.id, mode: 'test', name: 'Onboarding call', description: 'One hour with our team, paid once.', price: 14900, currency: 'USD', billing_period: 'once', billing_type: 'onetime', created_at: at }));

    const customer = (name: string, email: string, country: string, card: string): Promise<Customer> =>
      tx.put(
        'customers',
        newCustomer({
          merchant_id: merchant.id,
          mode: 'test',
          email,
          name,
          country,
          payment_method: { brand: card, last4: String(4242 + email.length * 37).slice(-4), exp_month: 8, exp_year: 2029 },
          created_at: at,
        }),
      );

    const subscribe = async (cust: Customer, prod: Product, status: SubscriptionStatus, startedDaysAgo: number, units = 1) => {
      const started = now - startedDaysAgo * DAY;
      // Walk whole periods from the start up to now, paying each (trials pay nothing yet).
      let start = started;
      let end = addPeriod(start, prod.billing_period);
      const payments: number[] = [];
      while (end <= now && status !== 'trialing') {
        payments.push(start);
        start = end;
        end = addPeriod(start, prod.billing_period);
      }
      if (status !== 'trialing') payments.push(start);
      const sub: Subscription = {
        id: newId('sub'),
        merchant_id: merchant.id,
        mode: 'test',
        customer_id: cust.id,
        product_id: prod.id,
        status,
        items: [{ id: newId('sitem'), product_id: prod.id, price_id: prod.price_id, units, created_at: iso(started), updated_at: iso(started) }],
        current_period_start_date: iso(start),
        current_period_end_date: iso(status === 'trialing' ? started + 14 * DAY : end),
        next_transaction_date: ['active', 'trialing'].includes(status) ? iso(status === 'trialing' ? started + 14 * DAY : end) : null,
        last_transaction_id: null,
        last_transaction_date: null,
        trial_end_date: status === 'trialing' ? iso(started + 14 * DAY) : null,
        canceled_at: status === 'canceled' ? iso(now - 20 * DAY) : null,
        scheduled_action: status === 'scheduled_cancel' ? 'cancel' : null,
        // The demo's paused customer paused herself, so the portal demo can resume her.
        paused_by: status === 'paused' ? 'customer' : null,
        cancel_reason: status === 'canceled' || status === 'scheduled_cancel' ? 'too_expensive' : null,
        cancel_comment: null,
        metadata: {},
        created_at: iso(started),
        updated_at: iso(started),
      };
      let last: string | null = null;
      for (const paidAt of payments) last = await pay(tx, sub, prod, cust, paidAt, units);
      await tx.put('subscriptions', { ...sub, last_transaction_id: last, last_transaction_date: last ? iso(payments.at(-1)!) : null });
    };

    const ada = await customer('Ada Lovelace', 'ada@example.com', 'GB', 'visa');
    await subscribe(ada, pro, 'active', 160, 3);
    await subscribe(ada, starter, 'canceled', 300);
    await subscribe(await customer('Grace Hopper', 'grace@example.com', 'US', 'mastercard'), starter, 'trialing', 3);
    await subscribe(await customer('Linus Example', 'linus@example.com', 'FI', 'visa'), pro, 'scheduled_cancel', 75);
    await subscribe(await customer('Margaret Hamilton', 'margaret@example.com', 'US', 'amex'), starter, 'paused', 50);
    await subscribe(await customer('Jean Müller', 'jean@example.com', 'DE', 'visa'), proYearly, 'active', 200);
    // Every subscription of hers has ended: the portal offers her the plans to subscribe again.
    await subscribe(await customer('Katherine Johnson', 'katherine@example.com', 'US', 'visa'), starter, 'canceled', 120);
  });
}

/** A paid period of the demo history, written the way renewals write one. */
async function pay(tx: Tx, sub: Subscription, prod: Product, cust: Customer, paidAt: number, units: number): Promise<string> {
  const t = await recordPayment(tx, {
    subscription: sub,
    product: prod,
    customer: cust,
    amount: prod.price * units,
    periodStart: paidAt,
    periodEnd: addPeriod(paidAt, prod.billing_period),
    description: `${prod.name} × ${units}`,
    now: paidAt,
  });
  return t.id;
}

/** The demo site over the seeded store: Acme Cloud's customers, minted for with the demo key. */
export function seededDemoSite(store: Store, apiKey: string): DemoSite {
  return {
    apiKey,
    merchantId: async () => (await demoMerchant({ store }))?.id ?? null,
    async customers() {
      const merchant = await demoMerchant({ store });
      return merchant ? (await demoCustomers({ store }, merchant)).map((c) => ({ id: c.id, name: c.name, email: c.email })) : [];
    },
    customer: (id) => demoCustomer({ store }, id),
  };
}
