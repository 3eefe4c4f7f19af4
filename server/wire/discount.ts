import type { Discount } from '../store/schema.js';
import { discountStatus } from '../domain/discounts.js';

/** Creem's DiscountEntity; `now` turns an active discount past its expiry date into `expired`. */
export function wireDiscount(d: Discount, now = Date.now()) {
  return {
    id: d.id,
    mode: d.mode,
    object: 'discount',
    status: discountStatus(d, now),
    name: d.name,
    code: d.code,
    type: d.type,
    ...(d.amount !== null && d.currency !== null ? { amount: d.amount, currency: d.currency } : {}),
    ...(d.percentage !== null ? { percentage: d.percentage } : {}),
    ...(d.expiry_date ? { expiry_date: d.expiry_date } : {}),
    ...(d.max_redemptions !== null ? { max_redemptions: d.max_redemptions } : {}),
    duration: d.duration,
    ...(d.duration_in_months !== null ? { duration_in_months: d.duration_in_months } : {}),
    applies_to_products: d.applies_to_products,
    redeem_count: d.redeem_count,
  };
}
