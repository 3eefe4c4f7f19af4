import type { HitVerdict, WindowLimit } from './interface.js';

/**
 * One hit on a sliding window, as a pure step both engines share: the hits still in the window
 * (plus this one when it counts) and the verdict. At most twice `max` hits are kept: enough to
 * know when the window opens again.
 */
export function slide(hits: readonly number[], limit: WindowLimit, now: number, countRefused: boolean): { hits: number[]; verdict: HitVerdict } {
  const since = now - limit.windowMs;
  const recent = hits.filter((t) => t > since);
  const ok = recent.length < limit.max;
  if (ok || countRefused) recent.push(now);
  const kept = recent.slice(-limit.max * 2);
  // The window has room again once the oldest of the last `max` hits has left it.
  const oldest = kept[Math.max(0, kept.length - limit.max)];
  return { hits: kept, verdict: { ok, retryAfterMs: ok ? 0 : Math.max(1, oldest + limit.windowMs - now) } };
}

/** When a window kept as `hits` stops mattering: its newest hit has left it. */
export const windowEnds = (hits: readonly number[], limit: WindowLimit) => (hits.length ? Math.max(...hits) : 0) + limit.windowMs;
