import { isIPv6 } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../env.js';
import type { HitCounter } from '../auth/sign-in-limits.js';

// The counters and the sign-in policy live in auth (no HTTP there); the HTTP side is here.
export { WindowCounter, SIGN_IN_LIMITS, createSignInLimits, magicLinkVerdict } from '../auth/sign-in-limits.js';
export type { HitCounter, Limit, MagicLinkVerdict, SignInLimits } from '../auth/sign-in-limits.js';

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
export function rateLimitByAddress(limiter: HitCounter): MiddlewareHandler<AppEnv> {
  return async function rateLimitByAddress(c, next) {
    const verdict = await limiter.take(clientAddress(c), c.var.deps.clock());
    if (!verdict.ok) throw tooManyRequests(verdict.retryAfterSeconds);
    await next();
  };
}
