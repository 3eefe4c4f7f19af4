import type { Logger } from '../log.js';
import { forbidden } from '../domain/errors.js';
import type { DomainDeps } from '../domain/deps.js';
import type { Notifier } from '../domain/notifier.js';
import type { CustomerScope } from '../domain/customer-requests.js';
import { listCustomerTransactions, requestInvoice, requestSupport } from '../domain/customer-requests.js';
import { requestRefund } from '../domain/refund-policy.js';
import { updateBilling } from '../domain/billing.js';
import { getCustomer, rememberCustomerLocale } from '../domain/customers.js';
import { offeredPlans } from '../domain/products.js';
import { createCheckout } from '../domain/checkouts.js';
import { checkSubscribe, PORTAL_CHECKOUT_METADATA } from '../domain/subscribe-again.js';
import type { TokenKeys } from '../auth/keys.js';
import type { Urls } from '../urls.js';
import { listCustomerSubscriptions } from '../domain/subscriptions.js';
import { cancelAsCustomer, changeAsCustomer, pauseAsCustomer, previewAsCustomer, resumeAsCustomer } from '../domain/portal-actions.js';
import { paymentView, subscriptionView, subscriptionViews, type SubscriptionView } from '../domain/views.js';
import { portalChangePreview, portalCustomer, portalMerchant, portalProduct, portalSubscription, portalTransaction } from '../wire/portal.js';
import type { PortalBackend, PortalCaller } from './backend.js';

const scopeOf = (c: PortalCaller): CustomerScope => ({ merchantId: c.merchant.id, mode: c.mode, customerId: c.customerId });

/** The portal over this server's own store and rules (standalone mode). */
export function localBackend(deps: DomainDeps & { notify: Notifier; log: Logger; keys: TokenKeys; urls: Urls }): PortalBackend {
  const { store } = deps;
  const answer = (view: SubscriptionView) => ({ subscription: portalSubscription(view) });
  return {
    async overview(c) {
      const scope = scopeOf(c);
      const [customer, subs, plans] = await Promise.all([
        getCustomer(store, scope, c.customerId),
        listCustomerSubscriptions(store, scope).then((s) => subscriptionViews(store, s)),
        offeredPlans(store, c.merchant, scope),
      ]);
      return {
        customer: portalCustomer(customer),
        merchant: portalMerchant(c.merchant, { manageLink: false }),
        subscriptions: subs.map(portalSubscription),
        plans: plans.map(portalProduct),
      };
    },
    rememberLocale: (c, locale) => rememberCustomerLocale(deps, scopeOf(c), c.customerId, locale),
    async transactions(c) {
      const list = await listCustomerTransactions(store, scopeOf(c));
      return { items: (await Promise.all(list.map((t) => paymentView(store, t)))).map(portalTransaction) };
    },
    cancel: async (c, id, body) => answer(await cancelAsCustomer(deps, c.merchant, scopeOf(c), id, body)),
    pause: async (c, id) => answer(await pauseAsCustomer(deps, c.merchant, scopeOf(c), id)),
    resume: async (c, id) => answer(await resumeAsCustomer(deps, scopeOf(c), id)),
    preview: async (c, id, body) => portalChangePreview(await previewAsCustomer(deps, c.merchant, scopeOf(c), id, { productId: body.product_id, units: body.units })),
    async change(c, id, body) {
      const { subscription, transaction } = await changeAsCustomer(deps, c.merchant, scopeOf(c), id, { productId: body.product_id, units: body.units });
      return { subscription: portalSubscription(subscription), transaction: transaction ? portalTransaction(transaction) : null };
    },
    async support(c, body) {
      const { request } = await requestSupport(deps, scopeOf(c), { subject: body.subject, message: body.message, transactionId: body.transaction_id });
      return { reference: request.reference };
    },
    async invoice(c, body) {
      const { request } = await requestInvoice(deps, scopeOf(c), { transactionId: body.transaction_id, companyName: body.company_name, address: body.address, taxId: body.tax_id });
      return { reference: request.reference };
    },
    async refund(c, body) {
      const filed = await requestRefund(deps, scopeOf(c), { transactionId: body.transaction_id, reason: body.reason, comment: body.comment });
      return {
        reference: filed.request.reference,
        outcome: filed.outcome,
        refund_amount: filed.amount,
        canceled_subscription: filed.canceled ? portalSubscription(await subscriptionView(store, filed.canceled)) : null,
      };
    },
    async subscribe(c, body) {
      const scope = scopeOf(c);
      const [plans, subs] = await Promise.all([offeredPlans(store, c.merchant, scope), listCustomerSubscriptions(store, scope)]);
      const ok = checkSubscribe(c.merchant, plans, subs, { productId: body.product_id, units: body.units, returnUrl: body.return_url });
      // No merchant API key signs this redirect: the customer comes back to the portal, not to the merchant's backend.
      // The checkout is the merchant's (its product, its customer), not one the customer's scope can see.
      const checkout = await createCheckout(
        deps,
        { merchantId: scope.merchantId, mode: scope.mode },
        { productId: ok.product.id, units: ok.units, successUrl: ok.returnUrl, customer: { id: c.customerId }, metadata: { ...PORTAL_CHECKOUT_METADATA } },
        undefined,
      );
      return { checkout_id: checkout.id, checkout_url: deps.urls.checkout(checkout.id) };
    },
    async manageLink(c) {
      throw forbidden(`${c.merchant.settings.brand.name} manages payment methods here; there is no separate payment page.`);
    },
    async updateBilling(c, body) {
      const customer = await updateBilling(deps, scopeOf(c), {
        name: body.name === undefined ? undefined : body.name || null,
        country: body.country,
        address: body.address,
        taxId: body.tax_id === undefined ? undefined : body.tax_id || null,
        email: body.email,
      });
      return { customer: portalCustomer(customer) };
    },
  };
}
