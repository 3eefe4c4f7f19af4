import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../errors.js';
import { sha256 } from '../ids.js';
import { storeAnswer, storedAnswer } from '../domain/idempotency.js';
import type { AppEnv } from '../env.js';

export { IDEMPOTENCY_TTL_MS } from '../domain/idempotency.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Answers that carry a live credential (a widget token, a single-use portal link) are never stored
 * for replay: the data file keeps only hashes of credentials, and a replayed link would already be
 * spent. A retry of these simply mints a fresh one, which is harmless.
 */
const CREDENTIAL_PATHS = /^\/v1\/(customers\/billing|widget-tokens)\/?$/;

/**
 * `Idempotency-Key` on merchant API POSTs, scoped per merchant. The first successful answer is
 * stored; the same key with the same method, path, mode and body replays it (`Idempotent-Replayed:
 * true`), with anything else it is a 422. Errors are not stored: they changed nothing, so a retry
 * simply runs again. A second request with a key whose first request is still running gets a 409
 * rather than running twice. Runs after API-key auth (it needs the merchant).
 */
export function idempotency() {
  const inFlight = new Set<string>();
  return createMiddleware<AppEnv>(async function idempotency(c, next) {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY.test(key)) throw new ApiError(400, ['Idempotency-Key must be 1 to 255 visible ASCII characters.']);
    if (CREDENTIAL_PATHS.test(c.req.path)) return next();
    const { deps } = c.var;
    const merchantId = c.var.merchant.id;
    const id = `${merchantId}:${key}`;
    // Hono caches the text, so the route's JSON validator still reads the same body.
    const body = await c.req.text();
    const fingerprint = sha256(JSON.stringify([c.var.mode, c.req.method, c.req.path, body]));
    const now = deps.clock();
    const prior = await storedAnswer(deps, id, now);
    if (prior) {
      if (prior.fingerprint !== fingerprint) {
        throw new ApiError(422, [`Idempotency-Key "${key}" was already used with a different request; use a new key for a new request.`]);
      }
      c.header('Idempotent-Replayed', 'true');
      return c.json(prior.body as object, prior.status as ContentfulStatusCode);
    }
    if (inFlight.has(id)) throw new ApiError(409, [`A request with Idempotency-Key "${key}" is still in progress; retry shortly.`]);
    inFlight.add(id);
    try {
      await next();
      const res = c.res;
      if (res.status >= 200 && res.status < 300 && (res.headers.get('content-type') ?? '').includes('application/json')) {
        const answer = await res.clone().json();
        await storeAnswer(deps, { id, merchant_id: merchantId, fingerprint, status: res.status, body: answer, created_at: now });
      }
    } finally {
      inFlight.delete(id);
    }
  });
}
