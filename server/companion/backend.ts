import type { Product, Subscription, SubscriptionNote, Transaction } from '../store/schema.js';
import type { CustomerScope, RequestParty } from '../domain/customer-requests.js';
import type { CompanionDeps } from './deps.js';
import { fileRequest, invoiceFields, supportFields } from '../domain/customer-requests.js';
import { forbidden, invalid, notFound, unavailable } from '../domain/errors.js';
import { checkCancelAllowed, seatLimits } from '../domain/portal-actions.js';
import { mailCancelFeedback, recordCancelFeedback } from '../domain/cancel-feedback.js';
import * as rules from '../domain/subscription-rules.js';
import { planChange, quoteChange } from '../domain/subscription-changes.js';
import type { SubscriptionView } from '../domain/views.js';
import { portalChangePreview, portalCustomer, portalMerchant, portalProduct, portalSubscription, portalTransaction } from '../wire/portal.js';
import type { PortalBackend, PortalCaller } from '../portal-backend/backend.js';
import type { CreemAccount } from './creem-account.js';
import { customerRecord } from './mapping.js';
import { requestRefundUpstream } from './refunds.js';
import { checkSubscribe, PORTAL_CHECKOUT_METADATA } from '../domain/subscribe-again.js';

const scopeOf = (c: PortalCaller): CustomerScope => ({ merchantId: c.merchant.id, mode: c.mode, customerId: c.customerId });
const view = (subscription: Subscription, product: Product): SubscriptionView => ({ subscription, product, customer: undefined, lastTransaction: undefined });

/**
 * The portal in front of the merchant's Creem account: every read and change goes to Creem's API
 * through the SDK; this server keeps only what Creem has no place for (who paused, why they
 * canceled, the customer's requests, sessions). Each change first reads the object from Creem and
 * checks it is the caller's — another customer's id is "not found" and nothing is written — then
 * runs the same rules as standalone mode before asking Creem.
 */
export function companionBackend(deps: CompanionDeps): PortalBackend {
  const { account, store } = deps;

  async function party(c: PortalCaller): Promise<RequestParty> {
    const customer = await account.customer(c.customerId);
    if (!customer) throw notFound('Customer');
    return { merchant: c.merchant, customer };
  }

  async function own(c: PortalCaller, id: string) {
    const note = await store.get('subscription_notes', id);
    const { subscription, product } = await account.subscriptionNow(id, note);
    if (subscription.customer_id !== c.customerId || subscription.mode !== c.mode) throw notFound('Subscription');
    if (!product) throw notFound('Product');
    return { subscription, product, note };
  }

  async function ownPayment(c: PortalCaller, id: string): Promise<Transaction> {
    const t = await account.transactionNow(id);
    if (t.customer_id !== c.customerId || t.mode !== c.mode) throw notFound('Transaction');
    return t;
  }

  async function note(c: PortalCaller, id: string, change: Partial<SubscriptionNote>) {
    await store.transact(async (tx) => {
      const before = await tx.get('subscription_notes', id);
      await tx.put('subscription_notes', {
        id,
        merchant_id: c.merchant.id,
        mode: c.mode,
        customer_id: c.customerId,
        paused_by: before?.paused_by ?? null,
        cancel_reason: before?.cancel_reason ?? null,
        cancel_comment: before?.cancel_comment ?? null,
        ...change,
        updated_at: deps.clock(),
      });
    });
  }

  /** After a change: what Creem now says, with the product it had. */
  async function answer(c: PortalCaller, entity: Parameters<CreemAccount['withProduct']>[0], product: Product) {
    await account.forget(c.customerId);
    const after = await account.withProduct(entity, await store.get('subscription_notes', entity.id));
    return { subscription: portalSubscription(view(after.subscription, after.product ?? product)) };
  }

  /** The plans on offer (to switch to, or to subscribe again): the merchant's allow-list of active recurring products. */
  async function plans(c: PortalCaller): Promise<Product[]> {
    const allow = c.merchant.settings.switchable_product_ids;
    return [...(await account.products()).values()].filter(
      (p) => p.status === 'active' && p.billing_type === 'recurring' && p.mode === c.mode && (allow.length === 0 || allow.includes(p.id)),
    );
  }

  async function planFor(c: PortalCaller, id: string, body: { product_id?: string; units?: number }) {
    const { subscription, product } = await own(c, id);
    const s = c.merchant.settings;
    let next = product;
    if (body.product_id !== undefined && body.product_id !== product.id) {
      if (!s.allow_plan_switch) throw forbidden(`${s.brand.name} does not let plans be switched here.`);
      const offered = (await plans(c)).find((p) => p.id === body.product_id);
      if (!offered) throw notFound('Plan');
      next = offered;
    }
    const current = subscription.items[0]?.units ?? 1;
    const units = body.units ?? current;
    if (units !== current) {
      if (!s.allow_units_change) throw forbidden(`${s.brand.name} does not let the number of seats be changed here.`);
      const { min, max } = seatLimits(c.merchant);
      if (units < min || units > max) throw invalid(`Choose between ${min} and ${max} seats.`);
    }
    const plan = planChange(subscription, product, next, units, s.update_behavior, deps.clock());
    const payments = (await account.paymentsOf(c.customerId)).filter((t) => t.subscription_id === subscription.id);
    return { plan, quote: quoteChange(plan, payments), payments };
  }

  return {
    // Creem's customer has no field for it (see PortalBackend.rememberLocale).
    rememberLocale: async () => undefined,
    async overview(c) {
      const [customer, mine, offered] = await Promise.all([account.customer(c.customerId), account.subscriptionsOf(c.customerId), plans(c)]);
      if (!customer) throw notFound('Customer');
      const subscriptions = mine.subscriptions.flatMap((s) => {
        const p = mine.products.get(s.product_id);
        return p ? [portalSubscription(view(s, p))] : [];
      });
      return { customer: portalCustomer(customer), merchant: portalMerchant(c.merchant, { manageLink: true }), subscriptions, plans: offered.map(portalProduct) };
    },

    async transactions(c) {
      const [payments, mine, requests] = await Promise.all([
        account.paymentsOf(c.customerId),
        account.subscriptionsOf(c.customerId),
        store.findBy('customer_requests', 'customer_id', c.customerId),
      ]);
      const productName = (t: Transaction) => mine.products.get(mine.subscriptions.find((s) => s.id === t.subscription_id)?.product_id ?? '')?.name ?? null;
      const latestRefundRequest = (t: Transaction) => requests.filter((r) => r.kind === 'refund' && r.transaction_id === t.id && r.merchant_id === c.merchant.id).at(-1);
      return { items: payments.map((t) => portalTransaction({ transaction: t, productName: productName(t), refundRequest: latestRefundRequest(t) })) };
    },

    async cancel(c, id, body) {
      checkCancelAllowed(c.merchant, body.mode);
      const { subscription, product } = await own(c, id);
      rules.cancel(subscription, { mode: body.mode, onExecute: 'cancel' }, deps.clock());
      const done = body.mode === 'immediate' ? 'canceled' : 'scheduled_cancel';
      const entity = await account.writes.write(
        'Subscription',
        (o) => account.client.subscriptions.cancel(id, { mode: body.mode, onExecute: 'cancel' }, o),
        async () => {
          const now = await account.subscriptionEntityNow(id);
          return now.status === done ? now : undefined;
        },
      );
      const who = await party(c);
      const feedback = { subscriptionId: id, productName: product.name, mode: body.mode, reason: body.reason, comment: body.comment || null };
      await store.transact(async (tx) => {
        const before = await tx.get('subscription_notes', id);
        await tx.put('subscription_notes', {
          id,
          merchant_id: c.merchant.id,
          mode: c.mode,
          customer_id: c.customerId,
          paused_by: before?.paused_by ?? null,
          cancel_reason: body.reason,
          cancel_comment: body.comment || null,
          updated_at: deps.clock(),
        });
        await recordCancelFeedback(tx, scopeOf(c), who, feedback, deps.clock());
      });
      await mailCancelFeedback(deps, who, feedback);
      return answer(c, entity, product);
    },

    async pause(c, id) {
      const s = c.merchant.settings;
      if (!s.allow_pause) throw forbidden(`${s.brand.name} does not let subscriptions be paused here.`);
      const { subscription, product } = await own(c, id);
      rules.pause(subscription, deps.clock(), 'customer');
      const entity = await account.writes.write(
        'Subscription',
        (o) => account.client.subscriptions.pause(id, o),
        async () => {
          const now = await account.subscriptionEntityNow(id);
          return now.status === 'paused' ? now : undefined;
        },
      );
      await note(c, id, { paused_by: 'customer' });
      return answer(c, entity, product);
    },

    async resume(c, id) {
      const { subscription, product } = await own(c, id);
      // A pause this portal did not record as the customer's stays the merchant's to undo (403).
      rules.resume(subscription, deps.clock(), 'customer');
      const entity = await account.writes.write(
        'Subscription',
        (o) => account.client.subscriptions.resume(id, o),
        async () => {
          const now = await account.subscriptionEntityNow(id);
          return now.status === 'active' ? now : undefined;
        },
      );
      await note(c, id, { paused_by: null });
      return answer(c, entity, product);
    },

    async preview(c, id, body) {
      return portalChangePreview((await planFor(c, id, body)).quote);
    },

    async change(c, id, body) {
      const { plan, payments } = await planFor(c, id, body);
      const { sub, product, units } = plan;
      const item = sub.items[0];
      const behavior = c.merchant.settings.update_behavior;
      const reached = (s: { product: unknown; items?: { units?: number | null }[] }) =>
        (typeof s.product === 'string' ? s.product : (s.product as { id: string }).id) === product.id && (s.items?.[0]?.units ?? 1) === units;
      const settled = async () => {
        const now = await account.subscriptionEntityNow(sub.id);
        return reached(now) ? now : undefined;
      };
      const entity =
        units !== (item?.units ?? 1) && item
          ? await account.writes.write(
              'Subscription',
              (o) => account.client.subscriptions.update(sub.id, { items: [{ id: item.id, productId: product.id, units }], updateBehavior: behavior }, o),
              settled,
            )
          : await account.writes.write('Subscription', (o) => account.client.subscriptions.upgrade(sub.id, { productId: product.id, updateBehavior: behavior }, o), settled);
      const { subscription } = await answer(c, entity, product);
      // The payment or refund the change caused: a new payment, or one whose refunded amount grew.
      const before = new Map(payments.map((t) => [t.id, t.refunded_amount]));
      const after = (await account.paymentsOf(c.customerId)).filter((t) => t.subscription_id === sub.id);
      const moved = after.find((t) => !before.has(t.id)) ?? after.find((t) => (before.get(t.id) ?? 0) !== t.refunded_amount);
      return { subscription, transaction: moved ? portalTransaction({ transaction: moved, productName: product.name, refundRequest: undefined }) : null };
    },

    async support(c, body) {
      const t = body.transaction_id ? await ownPayment(c, body.transaction_id) : null;
      const { request } = await fileRequest(deps, scopeOf(c), await party(c), 'support', t, supportFields(body));
      return { reference: request.reference };
    },

    async invoice(c, body) {
      const t = await ownPayment(c, body.transaction_id);
      const fields = invoiceFields(t, { transactionId: t.id, companyName: body.company_name, address: body.address, taxId: body.tax_id });
      const { request } = await fileRequest(deps, scopeOf(c), await party(c), 'invoice', t, fields);
      return { reference: request.reference };
    },

    async refund(c, body) {
      const t = await ownPayment(c, body.transaction_id);
      const result = await requestRefundUpstream(deps, scopeOf(c), await party(c), t, { transactionId: t.id, reason: body.reason, comment: body.comment }, (subId) =>
        own(c, subId),
      );
      await account.forget(c.customerId);
      return {
        reference: result.request.reference,
        outcome: result.outcome,
        refund_amount: result.amount,
        canceled_subscription: result.canceled ? portalSubscription(view(result.canceled.subscription, result.canceled.product)) : null,
      };
    },

    async updateBilling(c, body) {
      const refused = (['email', 'address', 'country', 'tax_id'] as const).filter((k) => body[k] !== undefined);
      if (refused.length > 0) {
        throw forbidden(`${refused.join(', ')} cannot be changed here; use "Manage payment details" to change them with ${c.merchant.settings.brand.name}'s payment provider.`);
      }
      if (body.name === undefined) {
        const customer = await account.customer(c.customerId);
        if (!customer) throw notFound('Customer');
        return { customer: portalCustomer(customer) };
      }
      if (!body.name) throw invalid('name: cannot be empty.');
      const name = body.name;
      const updated = await account.writes.write('Customer', (o) => account.client.customers.update({ customerId: c.customerId, name }, o));
      await account.forget(c.customerId);
      return { customer: portalCustomer(customerRecord(updated, c.merchant)) };
    },

    /** Creem's own checkout, made with the merchant's key for this customer; its webhooks bring the new subscription here. */
    async subscribe(c, body) {
      const [mine, offered] = await Promise.all([account.subscriptionsOf(c.customerId), plans(c)]);
      const ok = checkSubscribe(c.merchant, offered, mine.subscriptions, { productId: body.product_id, units: body.units, returnUrl: body.return_url });
      const checkout = await account.writes.write('Checkout', (o) =>
        account.client.checkouts.create(
          { productId: ok.product.id, units: ok.units, successUrl: ok.returnUrl, customer: { id: c.customerId }, metadata: { ...PORTAL_CHECKOUT_METADATA } },
          o,
        ),
      );
      if (!checkout.checkoutUrl) throw unavailable('Creem made the checkout without a checkout_url.');
      return { checkout_id: checkout.id, checkout_url: checkout.checkoutUrl };
    },

    async manageLink(c) {
      await party(c);
      const links = await account.writes.write('Customer', (o) => account.client.customers.generateBillingLinks({ customerId: c.customerId }, o));
      return { url: links.customerPortalLink };
    },
  };
}
