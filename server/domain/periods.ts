import type { BillingPeriod } from '../store/schema.js';

const MONTHS: Record<BillingPeriod, number> = {
  'every-month': 1,
  'every-three-months': 3,
  'every-six-months': 6,
  'every-year': 12,
  once: 0,
};

/** Calendar months in one billing period (0 for a one-time product). */
export const monthsOf = (period: BillingPeriod) => MONTHS[period];

/** The end of a billing period that starts at `startMs` (calendar months, clamped to month end). */
export const addPeriod = (startMs: number, period: BillingPeriod): number => addMonths(startMs, MONTHS[period]);

/** `months` calendar months after `startMs`, on the same day, clamped to the month's end. */
export function addMonths(startMs: number, months: number): number {
  const d = new Date(startMs);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.getTime();
}
