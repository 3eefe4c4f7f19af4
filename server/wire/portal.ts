import type { Store } from '../store/store.js';
import type { Customer, CustomerRequest, Merchant, Product, Subscription, Transaction } from '../store/schema.js';
import type { ChangePreview as DomainChangePreview } from '../domain/subscriptions.js';
import type {
  ChangePreview,
  PortalCustomer,
  PortalMerchant,
  PortalProduct,
  PortalSubscription,
  PortalTransaction,
} from '../../widget/portal-api.js';

/** Records → the portal API's wire format (widget/portal-api.ts). Only what the customer may see. */

export const portalProduct = (p: Product): PortalProduct => ({
  id: p.id,
  name: p.name,
  description: p.description,
  price: p.price,
  currency: p.currency,
  billing_period: p.billing_period,
});

export function portalSubscription(store: Pick<Store, 'get'>, s: Subscription): PortalSubscription {
  const product = store.get('products', s.product_id)!;
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

export const portalMerchant = (m: Merchant): PortalMerchant => ({
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
    refund: m.settings.refund,
  },
});

/** A pending request the merchant has since settled by refunding through the merchant API shows as refunded. */
function refundRequestStatus(status: CustomerRequest['status'], t: Transaction): 'pending' | 'refunded' | 'declined' {
  if (status === 'refunded' || (status === 'pending' && t.status === 'refunded')) return 'refunded';
  return status === 'declined' ? 'declined' : 'pending';
}

export function portalTransaction(store: Pick<Store, 'get' | 'findBy'>, t: Transaction): PortalTransaction {
  const request = store
    .findBy('customer_requests', 'transaction_id', t.id)
    .filter((r) => r.kind === 'refund')
    .at(-1);
  return {
    id: t.id,
    order_id: t.order_id,
    subscription_id: t.subscription_id,
    product_name: store.get('products', t.product_id)?.name ?? null,
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

export const portalChangePreview = (p: DomainChangePreview): ChangePreview => ({
  currency: p.currency,
  charge_today: p.charge_today,
  credit_today: p.credit_today,
  net_today: p.net_today,
  tax_today: p.tax_today,
  total_today: p.total_today,
  next_charge_amount: p.next_charge_amount,
  next_charge_total: p.next_charge_total,
  next_charge_date: p.next_charge_date,
  product: portalProduct(p.product),
  units: p.units,
});
