import type { CheckoutView } from '../domain/checkouts.js';
import { wireCustomer } from './customer.js';
import { wireDiscount } from './discount.js';
import { wireLicense } from './license.js';
import { wireOrder } from './order.js';
import { wireProduct } from './product.js';
import { wireSubscription } from './subscription.js';

/** Creem's CheckoutEntity, with what it sold expanded once paid; `url` is the hosted page's address. */
export function wireCheckout(v: CheckoutView, url: string) {
  const c = v.checkout;
  return {
    id: c.id,
    mode: c.mode,
    object: 'checkout',
    status: c.status,
    ...(c.request_id ? { request_id: c.request_id } : {}),
    product: v.product ? wireProduct(v.product) : c.product_id,
    units: c.units,
    ...(v.order ? { order: wireOrder(v.order) } : {}),
    ...(v.subscription ? { subscription: wireSubscription(v.subscription) } : {}),
    ...(v.customer ? { customer: wireCustomer(v.customer) } : {}),
    checkout_url: url,
    success_url: c.success_url,
    metadata: c.metadata,
    ...(v.discount ? { discount: wireDiscount(v.discount) } : {}),
    ...(v.license ? { license_keys: [wireLicense(v.license, Date.now())] } : {}),
  };
}

export type WireCheckout = ReturnType<typeof wireCheckout>;
