import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../errors.js';
import { sha256 } from '../ids.js';
import { changedNothing, forgetPending, keepAnswer, legacyAnswer, markPending, recordedAnswer, replayedAnswer, storableAnswer, storedAnswer } from '../domain/idempotency.js';
import type { AppEnv } from '../env.js';

export { IDEMPOTENCY_TTL_MS } from '../domain/idempotency.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** How long a request holds its key at most: longer than any request runs (the upstream times out well before). */
const IN_FLIGHT_MS = 120_000;

/**
 * Answers that carry a live credential (a widget token, a single-use portal link) are never stored
 * for replay: the data file keeps only hashes of credentials, and a replayed link would already be
 * spent. A retry of these simply mints a fresh one, which is harmless. A new webhook endpoint's
 * answer is stored without its signing secret, which a replay reads back from the endpoint
 * (`storableAnswer`); test/server/security-idempotency-secrets.test.ts checks that no other POST
 * documents a credential in its answer.
 */
const CREDENTIAL_PATHS = /^\/v1\/(customers\/billing|widget-tokens)\/?$/;

/**
 * `Idempotency-Key` on merchant API POSTs, scoped per merchant and mode (a test key and a live key
 * never share one). The first successful answer is stored; the same key with the same method,
 * path and body replays it (`Idempotent-Replayed: true`), with anything else it is a 422. Errors
 * are not stored: they changed nothing, so a retry simply runs again. A second request with a key
 * whose first request is still running — on this process or any other on the same store — gets a
 * 409 rather than running twice: the first holds a lease on the key in the store's coordination
 * (IN_FLIGHT_MS at most, should its process die). Before it runs, a pending marker is stored in
 * the key's place: should the change commit and its answer then fail to be stored (or the process
 * die in between), a retry finds the marker and is told the outcome is unknown (409) instead of
 * acting twice. Runs after API-key auth (it needs the merchant).
 */
export function idempotency() {
  return createMiddleware<AppEnv>(async function idempotency(c, next) {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY.test(key)) throw new ApiError(400, ['Idempotency-Key must be 1 to 255 visible ASCII characters.']);
    if (CREDENTIAL_PATHS.test(c.req.path)) return next();
    const { deps } = c.var;
    const merchantId = c.var.merchant.id;
    // A key belongs to one merchant in one mode: test and live are separate worlds.
    const id = `${merchantId}:${c.var.mode}:${key}`;
    // Hono caches the text, so the route's JSON validator still reads the same body.
    const body = await c.req.text();
    const fingerprint = sha256(JSON.stringify([c.var.mode, c.req.method, c.req.path, body]));
    const now = deps.clock();
    /** `leased`: this request holds the key, so a pending marker is no longer anyone's request in flight. */
    const answered = async (leased: boolean) => {
      const prior = (await storedAnswer(deps, id, now)) ?? (await legacyAnswer(deps, `${merchantId}:${key}`, fingerprint, now));
      if (!prior) return null;
      if (prior.fingerprint !== fingerprint) {
        throw new ApiError(422, [`Idempotency-Key "${key}" was already used with a different request; use a new key for a new request.`]);
      }
      if (prior.pending) {
        if (!leased) return null;
        throw new ApiError(409, [
          `The request first sent with Idempotency-Key "${key}" ended without an answer: it may or may not have taken effect. Look up its result before you send it again with a new key.`,
        ]);
      }
      c.header('Idempotent-Replayed', 'true');
      return c.json((await replayedAnswer(deps, c.var.scope, recordedAnswer(prior))) as object, prior.status as ContentfulStatusCode);
    };
    const replay = await answered(false);
    if (replay) return replay;
    const lease = `idempotency:${id}`;
    const holder = await deps.store.coordination.acquire(lease, now, IN_FLIGHT_MS);
    if (!holder) throw new ApiError(409, [`A request with Idempotency-Key "${key}" is still in progress; retry shortly.`]);
    try {
      // The first request may have finished between the look above and taking the lease.
      const late = await answered(true);
      if (late) return late;
      await markPending(deps, { id, merchant_id: merchantId, fingerprint, status: 0, pending: true, created_at: now });
      await next();
      const res = c.res;
      if (res.status >= 200 && res.status < 300 && (res.headers.get('content-type') ?? '').includes('application/json')) {
        const answer = storableAnswer(await res.clone().json());
        await keepAnswer(deps, { id, merchant_id: merchantId, fingerprint, status: res.status, body_text: JSON.stringify(answer), created_at: now });
      } else if (changedNothing(res.status, c.error)) {
        // Otherwise the marker stays: the outcome is unknown.
        await forgetPending(deps, id);
      }
    } finally {
      await deps.store.coordination.release(lease, holder);
    }
  });
}
