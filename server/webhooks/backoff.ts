const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Waits before retry n (after failed attempt n): Creem's 30 s, 1 min, 5 min, 1 h, then hourly. */
const STEPS = [30 * SECOND, MINUTE, 5 * MINUTE, HOUR];

/** Attempts in all, the first included: about 8 hours of retries before a delivery is given up. */
export const MAX_ATTEMPTS = 12;

/** ±10 %, so deliveries that failed together (one endpoint down) do not all retry in the same second. */
const JITTER = 0.1;

/**
 * Delay before the next attempt after `attempts` failed ones, or null when the budget is spent.
 * `random` is injectable so tests can pin the jitter.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = STEPS[Math.min(attempts, STEPS.length) - 1] ?? STEPS[0];
  return Math.round(base * (1 + JITTER * (2 * random() - 1)));
}
