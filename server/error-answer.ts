import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorBody, fromDomainError } from './errors.js';
import { UpstreamError } from './portal-backend/errors.js';
import { DomainError } from './domain/errors.js';
import { StoreOutcomeUnknownError, StoreUnavailableError, StoreWriteError } from './store/interface.js';
import { redactPath } from './middleware/redact-path.js';
import type { AppEnv } from './env.js';

/**
 * Every thrown error as an answer in Creem's error format: refusals with their status, upstream
 * and store faults as the documented 502/503/504, anything else a 500 that is logged (with the
 * path redacted) and says nothing of its cause.
 */
export function answerError(thrown: Error, c: Context<AppEnv>): Response {
  const { deps } = c.var;
  const traceId = c.var.requestId ?? 'none';
  const err = thrown instanceof DomainError ? fromDomainError(thrown) : thrown;
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(errorBody(traceId, err.status, err.messages), err.status);
  }
  if (err instanceof UpstreamError) {
    deps.log.error('upstream failed', { request_id: traceId, status: err.status, error: err.message });
    if (err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(errorBody(traceId, err.status, [err.message]), err.status);
  }
  if (err instanceof StoreWriteError || err instanceof StoreUnavailableError) {
    deps.log.error('store unavailable', { request_id: traceId, error: err.message });
    c.header('Retry-After', '5');
    return c.json(errorBody(traceId, 503, [storeFaultMessage(err)]), 503);
  }
  if (err instanceof HTTPException) {
    const status = err.status >= 400 && err.status < 500 ? err.status : 500;
    const message = status === 400 && /json/i.test(err.message) ? 'The request body is not valid JSON.' : err.message || 'Bad request';
    return c.json(errorBody(traceId, status, [message]), status as 400);
  }
  deps.log.error('unhandled error', { request_id: traceId, path: redactPath(c.req.path), error: err instanceof Error ? err.stack : String(err) });
  return c.json(errorBody(traceId, 500, ['Internal server error']), 500);
}

/** What a 503 from the store may promise: a lost COMMIT cannot say whether the change was kept. */
function storeFaultMessage(err: StoreWriteError | StoreUnavailableError): string {
  if (err instanceof StoreOutcomeUnknownError) return 'The connection to the database was lost while the change was being saved: it may or may not have been saved. Check before trying again.';
  if (err instanceof StoreUnavailableError) return 'The database cannot be reached right now; nothing was changed. Try again later.';
  return 'The change could not be saved; nothing was changed. Try again later.';
}
