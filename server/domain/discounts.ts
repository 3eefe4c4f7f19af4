import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { StoreReader } from '../store/interface.js';
import type { AppliedDiscount, BillingPeriod, Discount, Product } from '../store/schema.js';
import { addMonths, addPeriod } from './periods.js';
import type { DomainDeps } from './deps.js';
import { conflict, invalid, notFound } from './errors.js';
import { inScope, type Scope } from './scope.js';

export interface DiscountInput {
  name: string;
  code?: string;
  type: Discount['type'];
  amount?: number;
  currency?: Discount['currency'];
  percentage?: number;
  expiryDate?: string;
  maxRedemptions?: number;
  duration: Discount['duration'];
  durationInMonths?: number;
  appliesToProducts: string[];
}

const codeKey = (code: string) => code.trim().toUpperCase();

/** A code of 8 letters and digits nobody will misread (no 0/O, 1/I). */
function generatedCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.getRandomValues(new Uint32Array(8)), (n) => alphabet[n % alphabet.length]).join('');
}

export function createDiscount(deps: DomainDeps, scope: Scope, input: DiscountInput): Promise<Discount> {
  if (input.type === 'fixed' && (!input.amount || !input.currency)) throw invalid('amount and currency: a fixed discount needs both');
  if (input.type === 'percentage' && !input.percentage) throw invalid('percentage: a percentage discount needs one');
  if (input.duration === 'repeating' && !input.durationInMonths) throw invalid('duration_in_months: a repeating discount needs it');
  const now = iso(deps.clock());
  const code = input.code?.trim() || generatedCode();
  return deps.store.transact(async (tx) => {
    for (const id of input.appliesToProducts) {
      const p = await tx.get('products', id);
      if (!p || !inScope(scope, p)) throw notFound('Product');
    }
    const taken = (await tx.findBy('discounts', 'code_key', codeKey(code))).some((d) => inScope(scope, d) && d.status !== 'deleted');
    if (taken) throw conflict(`A discount with the code ${code} already exists.`);
    return tx.put('discounts', {
      id: newId('dis'),
      merchant_id: scope.merchantId,
      mode: scope.mode,
      status: 'active',
      name: input.name,
      code,
      code_key: codeKey(code),
      type: input.type,
      amount: input.type === 'fixed' ? input.amount! : null,
      currency: input.type === 'fixed' ? input.currency! : null,
      percentage: input.type === 'percentage' ? input.percentage! : null,
      expiry_date: input.expiryDate ?? null,
      max_redemptions: input.maxRedemptions ?? null,
      duration: input.duration,
      duration_in_months: input.duration === 'repeating' ? input.durationInMonths! : null,
      applies_to_products: [...new Set(input.appliesToProducts)],
      redeem_count: 0,
      created_at: now,
      updated_at: now,
    });
  });
}

export async function findDiscount(r: StoreReader, scope: Scope, by: { id?: string; code?: string }): Promise<Discount> {
  const d = by.id ? await r.get('discounts', by.id) : (await r.findBy('discounts', 'code_key', codeKey(by.code ?? ''))).find((x) => inScope(scope, x) && x.status !== 'deleted');
  if (!d || !inScope(scope, d)) throw notFound('Discount');
  return d;
}

/** The merchant's discounts, newest first; deleted ones only when asked for. */
export async function searchDiscounts(deps: DomainDeps, scope: Scope, deleted = false): Promise<Discount[]> {
  return (await deps.store.findBy('discounts', 'merchant_id', scope.merchantId))
    .filter((d) => inScope(scope, d) && (deleted || d.status !== 'deleted'))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
}

/** Deleted: no longer redeemable; subscriptions that took it keep what they were promised. */
export function deleteDiscount(deps: DomainDeps, scope: Scope, id: string): Promise<Discount> {
  const now = iso(deps.clock());
  return deps.store.transact(async (tx) => {
    const d = await findDiscount(tx, scope, { id });
    if (d.status === 'deleted') return d;
    return tx.put('discounts', { ...d, status: 'deleted', updated_at: now });
  });
}

/** As the API shows it: an active discount past its expiry date reads as expired. */
export const discountStatus = (d: Discount, now: number): 'active' | 'expired' | 'deleted' =>
  d.status === 'active' && d.expiry_date && Date.parse(d.expiry_date) <= now ? 'expired' : d.status;

/** Why this discount cannot be used on this product now, or null when it can. */
export function refusalOf(d: Discount, product: Product, now: number): string | null {
  if (discountStatus(d, now) !== 'active') return 'the discount code is no longer valid';
  if (d.max_redemptions !== null && d.redeem_count >= d.max_redemptions) return 'the discount code has been used up';
  if (d.applies_to_products.length > 0 && !d.applies_to_products.includes(product.id)) return 'the discount code does not apply to this product';
  if (d.type === 'fixed' && d.currency !== product.currency) return `the discount is in ${d.currency}, the product in ${product.currency}`;
  return null;
}

/** Cents off a net amount: never more than the amount itself. */
export function amountOff(d: Pick<Discount, 'type' | 'amount' | 'percentage'>, net: number): number {
  const off = d.type === 'percentage' ? Math.round((net * (d.percentage ?? 0)) / 100) : (d.amount ?? 0);
  return Math.max(0, Math.min(net, off));
}

/**
 * What a new subscription keeps of the discount for its later payments. `firstPaid` is when its
 * first paid period starts (at once, or when its trial ends) and `paidNow` whether that payment is
 * made now: `once` covers that one payment, `repeating` the periods that start within its months
 * of it, `forever` every one. Null when no later payment is covered.
 */
export function appliedDiscount(d: Discount, firstPaid: number, period: BillingPeriod, paidNow: boolean): AppliedDiscount | null {
  const base = { id: d.id, code: d.code, type: d.type, amount: d.amount, percentage: d.percentage };
  if (d.duration === 'forever') return { ...base, until: null };
  const until = d.duration === 'once' ? addPeriod(firstPaid, period) : addMonths(firstPaid, d.duration_in_months ?? 0);
  // Paid now, the first period is already discounted: only later ones count.
  if (paidNow && until <= addPeriod(firstPaid, period)) return null;
  return { ...base, until: iso(until) };
}

/** Whether a subscription's discount covers the payment for the period starting at `start`. */
export function covers(d: AppliedDiscount | null | undefined, start: number): d is AppliedDiscount {
  if (!d) return false;
  if (d.until === undefined) return d.periods_left === null || (d.periods_left ?? 0) > 0;
  return d.until === null || start < Date.parse(d.until);
}

/** The discount a subscription keeps after paying the period that started at `start`. */
export function afterPayment(d: AppliedDiscount | null | undefined, start: number, period: BillingPeriod): AppliedDiscount | null {
  if (!d) return null;
  if (d.until === undefined) return d.periods_left === null || d.periods_left === undefined ? d : d.periods_left > 1 ? { ...d, periods_left: d.periods_left - 1 } : null;
  return covers(d, addPeriod(start, period)) ? d : null;
}
