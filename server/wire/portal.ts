import type { CustomerRequest, Customer, Merchant, Product, Transaction } from '../store/schema.js';
import type { PaymentView, SubscriptionView } from '../domain/views.js';
import type { ChangeQuote } from '../domain/subscription-changes.js';
import type {
  ChangePreview,
  PortalCustomer,
  PortalMerchant,
  PortalProduct,
  PortalSubscription,
  PortalTransaction,
  RefundRequestStatus,
} from '../../contract/portal.js';
import { BILLING_FIELDS } from '../../contract/values.js';
import { seatLimits } from '../domain/portal-actions.js';

/** Records → the portal API's wire format (contract/portal.ts). Only what the customer may see. */

export const portalProduct = (p: Product): PortalProduct => ({
  id: p.id,
  name: p.name,
  description: p.description,
  price: p.price,
  currency: p.currency,
  billing_period: p.billing_period,
});

export function portalSubscription({ subscription: s, product }: SubscriptionView): PortalSubscription {
  if (!product) throw new Error(`Subscription ${s.id} has no product ${s.product_id}`);
  return {
    id: s.id,
    status: s.status,
    product: portalProduct(product),
    units: s.items[0]?.units ?? 1,
    current_period_start_date: s.current_period_start_date,
    current_period_end_date: s.current_period_end_date,
    next_transaction_date: s.next_transaction_date,
    canceled_at: s.canceled_at,
    trial_end_date: s.trial_end_date,
    created_at: s.created_at,
  };
}

export const portalCustomer = (c: Customer): PortalCustomer => ({
  id: c.id,
  email: c.email,
  name: c.name,
  country: c.country,
  address: c.address,
  tax_id: c.tax_id,
  payment_method: c.payment_method,
  pending_email: c.pending_email,
});

/** What the backend behind the portal can do beyond the merchant's settings. */
export interface BackendAbilities {
  /** It can open the payment provider's own customer page (companion mode: Creem's). */
  manageLink: boolean;
}

export const portalMerchant = (m: Merchant, abilities: BackendAbilities): PortalMerchant => ({
  id: m.id,
  name: m.settings.brand.name,
  brand_color: m.settings.brand.color,
  logo_url: m.settings.brand.logo_url,
  support_email: m.settings.support_email,
  update_payment_method_url: m.settings.update_payment_method_url,
  settings: {
    cancel_modes: m.settings.cancel_modes,
    allow_pause: m.settings.allow_pause,
    allow_plan_switch: m.settings.allow_plan_switch,
    allow_units_change: m.settings.allow_units_change,
    units: seatLimits(m),
    refund: m.settings.refund,
    billing: { editable: m.settings.billing_editable ?? [...BILLING_FIELDS], manage_link: abilities.manageLink },
  },
});

/** A pending request the merchant has since settled by refunding through the merchant API shows as refunded. */
function refundRequestStatus(status: CustomerRequest['status'], t: Transaction): RefundRequestStatus {
  if (status === 'refunded' || (status === 'pending' && t.status === 'refunded')) return 'refunded';
  return status === 'declined' ? 'declined' : 'pending';
}

export function portalTransaction({ transaction: t, productName, refundRequest: request }: PaymentView): PortalTransaction {
  return {
    id: t.id,
    order_id: t.order_id,
    subscription_id: t.subscription_id,
    product_name: productName,
    amount: t.amount,
    amount_paid: t.amount_paid,
    tax_amount: t.tax_amount,
    refunded_amount: t.refunded_amount,
    currency: t.currency,
    status: t.status,
    created_at: t.created_at,
    period_start: t.period_start,
    period_end: t.period_end,
    refund_request: request ? { reference: request.reference, status: refundRequestStatus(request.status, t) } : null,
  };
}

export const portalChangePreview = (q: ChangeQuote): ChangePreview => ({
  currency: q.product.currency,
  charge_today: q.chargeToday,
  credit_today: q.creditToday,
  net_today: q.netToday,
  tax_today: q.taxToday,
  total_today: q.totalToday,
  next_charge_amount: q.nextChargeAmount,
  next_charge_total: q.nextChargeTotal,
  next_charge_date: q.nextChargeDate,
  product: portalProduct(q.product),
  units: q.units,
});
