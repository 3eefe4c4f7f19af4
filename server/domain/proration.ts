import type { MerchantSettings } from '../store/schema.js';

export type UpdateBehavior = MerchantSettings['update_behavior'];

export interface ProrateInput {
  oldPrice: number;
  oldUnits: number;
  newPrice: number;
  newUnits: number;
  periodStartMs: number;
  periodEndMs: number;
  nowMs: number;
  behavior: UpdateBehavior;
}

export interface Proration {
  /** Cents given back for the unused part of the old plan. */
  credit: number;
  /** Cents owed for the rest of the period on the new plan. */
  charge: number;
  /** charge − credit: positive is charged now, negative is credited. */
  net: number;
}

/** The unused fraction of the period at `nowMs`, clamped to [0, 1] so a late or early clock never over-credits. */
export function unusedFraction(periodStartMs: number, periodEndMs: number, nowMs: number): number {
  const length = periodEndMs - periodStartMs;
  if (!(length > 0)) return 0;
  return Math.min(1, Math.max(0, (periodEndMs - nowMs) / length));
}

/**
 * Proration of a plan or units change, in integer cents (docs/domain.md). `proration-charge` is
 * Creem's deprecated name for `proration-charge-immediately`; `proration-none` moves no money now.
 */
export function prorate(input: ProrateInput): Proration {
  if (input.behavior === 'proration-none') return { credit: 0, charge: 0, net: 0 };
  const f = unusedFraction(input.periodStartMs, input.periodEndMs, input.nowMs);
  const credit = Math.round(input.oldPrice * input.oldUnits * f);
  const charge = Math.round(input.newPrice * input.newUnits * f);
  return { credit, charge, net: charge - credit };
}
