import { LINK_CODE_TTL_MS } from './sign-in-codes.js';

/**
 * Sign-in's rate limits: the counters and the policy, with no HTTP in them. Counters live in
 * memory today (one server process per data file, see store/lowdb/lock.ts); everything that
 * decides goes through `HitCounter`, so a store-backed counter can replace `RateLimiter` without
 * touching the policy.
 */

export interface Limit {
  max: number;
  windowMs: number;
}

export interface Verdict {
  ok: boolean;
  retryAfterSeconds: number;
}

export interface HitCounter {
  readonly limit: Limit;
  /** Counts one attempt, refused or not: hammering keeps the window shut. */
  take(key: string, now: number): Verdict;
  /** Counts the attempt only when it is allowed: refusals never extend the window. */
  takeIfFree(key: string, now: number): Verdict;
}

/**
 * Sliding-window counter per key, in memory. Bounded: past `maxKeys` the oldest keys are
 * dropped, so a flood of fresh keys cannot grow it.
 */
export class RateLimiter implements HitCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: Limit,
    private readonly maxKeys = 50_000,
  ) {}

  take(key: string, now: number): Verdict {
    return this.count(key, now, true);
  }

  takeIfFree(key: string, now: number): Verdict {
    return this.count(key, now, false);
  }

  private count(key: string, now: number, countRefused: boolean): Verdict {
    const since = now - this.limit.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    const ok = recent.length < this.limit.max;
    if (ok || countRefused) recent.push(now);
    this.hits.delete(key);
    this.hits.set(key, recent.slice(-this.limit.max * 2));
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    const oldest = recent[Math.max(0, recent.length - this.limit.max)];
    return { ok, retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil((oldest + this.limit.windowMs - now) / 1000)) };
  }
}

const MINUTE = 60_000;

/** Sign-in's limits, shared by the API and the hosted forms so neither door doubles the budget. */
export interface SignInLimits {
  /** Magic-link mails per merchant + email address. */
  magicLinkPerEmail: HitCounter;
  /** Magic-link requests per client address (any email). */
  magicLinkPerAddress: HitCounter;
  /** Link and magic-link code redemptions per client address. */
  codePerAddress: HitCounter;
}

export const SIGN_IN_LIMITS = {
  // The window is a link's lifetime: while the address is at its limit, the newest link sent is
  // still alive, and once that one has run out a slot is free again (docs/domain.md).
  magicLinkPerEmail: { max: 5, windowMs: LINK_CODE_TTL_MS },
  magicLinkPerAddress: { max: 20, windowMs: 15 * MINUTE },
  codePerAddress: { max: 30, windowMs: MINUTE },
} as const satisfies Record<keyof SignInLimits, Limit>;

export function createSignInLimits(): SignInLimits {
  return {
    magicLinkPerEmail: new RateLimiter(SIGN_IN_LIMITS.magicLinkPerEmail),
    magicLinkPerAddress: new RateLimiter(SIGN_IN_LIMITS.magicLinkPerAddress),
    codePerAddress: new RateLimiter(SIGN_IN_LIMITS.codePerAddress),
  };
}

/**
 * What to do with one magic-link request:
 * - `refused`: this client asked too often (any addresses); it alone gets the 429.
 * - `quiet`: the address has had its mails for now. The answer is the same 202 as `send`, but no
 *   mail goes out and no code is made, so the newest link already sent is not voided. Only mails
 *   count against the address, never these, so someone spraying requests for an address cannot
 *   keep its window shut: its owner always has a live link or can get one.
 * - `send`: mail a new link.
 */
export type MagicLinkVerdict = { kind: 'send' } | { kind: 'quiet' } | { kind: 'refused'; retryAfterSeconds: number };

export function magicLinkVerdict(limits: SignInLimits, client: string, merchantId: string, email: string, now: number): MagicLinkVerdict {
  const byClient = limits.magicLinkPerAddress.take(client, now);
  if (!byClient.ok) return { kind: 'refused', retryAfterSeconds: byClient.retryAfterSeconds };
  return limits.magicLinkPerEmail.takeIfFree(`${merchantId}:${email}`, now).ok ? { kind: 'send' } : { kind: 'quiet' };
}
