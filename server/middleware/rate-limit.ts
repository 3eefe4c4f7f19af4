import { isIPv6 } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../env.js';

export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Sliding-window counter per key, in memory (one server process per data file, see store/lock.ts).
 * Bounded: past `maxKeys` the oldest keys are dropped, so a flood of fresh keys cannot grow it.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: Limit,
    private readonly maxKeys = 50_000,
  ) {}

  /** Counts one attempt; refused attempts count too, so hammering keeps the window shut. */
  take(key: string, now: number): { ok: boolean; retryAfterSeconds: number } {
    const since = now - this.limit.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    const ok = recent.length < this.limit.max;
    recent.push(now);
    this.hits.delete(key);
    this.hits.set(key, recent.slice(-this.limit.max * 2));
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    const oldest = recent[Math.max(0, recent.length - this.limit.max)];
    return { ok, retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil((oldest + this.limit.windowMs - now) / 1000)) };
  }
}

export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError(429, ['Too many requests. Please wait a few minutes and try again.'], { 'Retry-After': String(retryAfterSeconds) });
}

const normalize = (ip: string) => (ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip);

/** IPv6 clients are counted per /64: one host usually owns the whole prefix. */
function bucketOf(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/**
 * The client's address. X-Forwarded-For counts only when the connection comes from a proxy in
 * TRUSTED_PROXIES; then the nearest address not itself a trusted proxy is the client. Anything
 * else a client sends in that header is ignored, so it cannot pick a fresh rate-limit bucket.
 */
export function clientAddress(c: Context<AppEnv>): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined; // app.request() in tests: no socket
  }
  if (!remote) return 'local';
  const trusted = c.var.deps.config.trustedProxies;
  let ip = normalize(remote);
  if (trusted.includes(ip)) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => normalize(s.trim()))
      .filter(Boolean);
    while (chain.length > 0 && trusted.includes(ip)) ip = chain.pop()!;
  }
  return bucketOf(ip);
}

/** Refuses with 429 (Creem's error body, Retry-After) once a client address passes the limit. */
export function rateLimitByAddress(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async function rateLimitByAddress(c, next) {
    const verdict = limiter.take(clientAddress(c), c.var.deps.clock());
    if (!verdict.ok) throw tooManyRequests(verdict.retryAfterSeconds);
    await next();
  };
}

const MINUTE = 60_000;

/** Sign-in's limits, shared by the API and the hosted forms so neither door doubles the budget. */
export interface SignInLimits {
  /** Magic-link requests per merchant + email address. */
  magicLinkPerEmail: RateLimiter;
  /** Magic-link requests per client address (any email). */
  magicLinkPerAddress: RateLimiter;
  /** Link and magic-link code redemptions per client address. */
  codePerAddress: RateLimiter;
}

export const SIGN_IN_LIMITS = {
  magicLinkPerEmail: { max: 5, windowMs: 15 * MINUTE },
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
 * One magic-link request against both budgets: the client address first, then merchant + email.
 * A request the address limit refuses never reaches the email's budget, so one client spraying
 * requests for someone's address cannot lock that person out of signing in from elsewhere.
 */
export function takeMagicLinkBudget(limits: SignInLimits, address: string, merchantId: string, email: string, now: number) {
  const byAddress = limits.magicLinkPerAddress.take(address, now);
  if (!byAddress.ok) return byAddress;
  return limits.magicLinkPerEmail.take(`${merchantId}:${email}`, now);
}
