import type { Coordination, WindowLimit } from '../store/interface.js';
import { LINK_CODE_TTL_MS } from './sign-in-codes.js';

/**
 * Sign-in's rate limits: the counters and the policy, with no HTTP in them. The windows live in
 * the store's coordination, so every server process on one database counts against one budget
 * (with lowdb's single process, in its memory).
 */

export type Limit = WindowLimit;

export interface Verdict {
  ok: boolean;
  retryAfterSeconds: number;
}

export interface HitCounter {
  readonly limit: Limit;
  /** Counts one attempt, refused or not: hammering keeps the window shut. */
  take(key: string, now: number): Promise<Verdict>;
  /** Counts the attempt only when it is allowed: refusals never extend the window. */
  takeIfFree(key: string, now: number): Promise<Verdict>;
}

/** One named limit over the store's sliding windows. */
export class WindowCounter implements HitCounter {
  constructor(
    private readonly coordination: Coordination,
    private readonly name: string,
    readonly limit: Limit,
  ) {}

  take(key: string, now: number): Promise<Verdict> {
    return this.count(key, now, true);
  }

  takeIfFree(key: string, now: number): Promise<Verdict> {
    return this.count(key, now, false);
  }

  private async count(key: string, now: number, countRefused: boolean): Promise<Verdict> {
    const { ok, retryAfterMs } = await this.coordination.hit(`limit:${this.name}:${key}`, this.limit, now, countRefused);
    return { ok, retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)) };
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

export function createSignInLimits(coordination: Coordination): SignInLimits {
  const counter = (name: keyof SignInLimits) => new WindowCounter(coordination, name, SIGN_IN_LIMITS[name]);
  return {
    magicLinkPerEmail: counter('magicLinkPerEmail'),
    magicLinkPerAddress: counter('magicLinkPerAddress'),
    codePerAddress: counter('codePerAddress'),
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

export async function magicLinkVerdict(limits: SignInLimits, client: string, merchantId: string, email: string, now: number): Promise<MagicLinkVerdict> {
  const byClient = await limits.magicLinkPerAddress.take(client, now);
  if (!byClient.ok) return { kind: 'refused', retryAfterSeconds: byClient.retryAfterSeconds };
  return (await limits.magicLinkPerEmail.takeIfFree(`${merchantId}:${email}`, now)).ok ? { kind: 'send' } : { kind: 'quiet' };
}
