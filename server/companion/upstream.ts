import { randomUUID } from 'node:crypto';
import { Creem } from 'creem';
import { APIError, ConnectionError, RequestAbortedError, RequestTimeoutError, ResponseValidationError, SDKValidationError } from 'creem/models/errors';
import type { Logger } from '../log.js';
import { conflict, invalid, notFound } from '../domain/errors.js';
import { UpstreamError } from '../portal-backend/errors.js';
import type { CompanionConfig } from '../config.js';

/** Per-call options the SDK takes as its last argument. */
export interface CallOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
}

export interface Upstream {
  readonly sdk: Creem;
  /** A read: `what` names the object for a 404 ("Subscription"). */
  read<T>(what: string, call: (o: CallOptions) => Promise<T>): Promise<T>;
  /**
   * A write, with an Idempotency-Key so a retried request cannot apply twice. When the outcome is
   * unknown (no answer in time, connection dropped), `settled` re-reads: a value means the change
   * did happen, and that is the answer; undefined means it did not, and the fault is reported.
   */
  write<T>(what: string, call: (o: CallOptions) => Promise<T>, settled?: () => Promise<T | undefined>): Promise<T>;
}

/** Creem's error body carries `message: string[]`; anything else is summarised, never echoed raw. */
function upstreamMessage(e: APIError): string {
  try {
    const body = JSON.parse(e.body) as { message?: unknown };
    const list = Array.isArray(body.message) ? body.message : typeof body.message === 'string' ? [body.message] : [];
    const text = list.filter((m): m is string => typeof m === 'string').join(' ').slice(0, 300);
    if (text) return text;
  } catch {
    // not JSON
  }
  return `Creem answered ${e.statusCode}.`;
}

const retryAfter = (e: APIError) => {
  const v = Number(e.headers.get('retry-after'));
  return Number.isFinite(v) && v > 0 ? Math.min(Math.ceil(v), 3600) : 5;
};

/** An SDK failure → what the portal tells its caller. The API key is in no message. */
export function translate(e: unknown, what: string, log: Logger): Error {
  if (e instanceof APIError) {
    const s = e.statusCode;
    if (s === 404) return notFound(what);
    if (s === 409) return conflict(upstreamMessage(e));
    if (s === 400 || s === 422) return invalid(upstreamMessage(e));
    if (s === 429) return new UpstreamError(503, 'Creem is busy right now; please try again shortly.', retryAfter(e));
    if (s === 401 || s === 403) {
      log.error('creem refused the api key', { status: s });
      return new UpstreamError(502, "Creem refused this portal's credentials; the merchant has been told.");
    }
    if (s >= 200 && s < 300) return new UpstreamError(502, 'Creem answered in a form this portal does not understand.');
    return new UpstreamError(502, `Creem could not complete the request (${s}); please try again shortly.`);
  }
  if (e instanceof RequestTimeoutError) return new UpstreamError(504, 'Creem did not answer in time; please try again.');
  if (e instanceof ConnectionError || e instanceof RequestAbortedError) return new UpstreamError(503, 'Creem cannot be reached right now; please try again shortly.', 5);
  if (e instanceof ResponseValidationError || e instanceof SyntaxError) return new UpstreamError(502, 'Creem answered in a form this portal does not understand.');
  if (e instanceof SDKValidationError) return invalid(e.message.slice(0, 300));
  return e instanceof Error ? e : new Error(String(e));
}

/** Whether a failed write may still have been applied (the request may have reached Creem). */
const outcomeUnknown = (e: unknown) => e instanceof RequestTimeoutError || e instanceof ConnectionError || e instanceof RequestAbortedError || (e instanceof APIError && e.statusCode >= 500);

/** Creem's official SDK as the upstream client: our timeouts, no SDK retries, every error translated. */
export function createUpstream(config: CompanionConfig, log: Logger): Upstream {
  const sdk = new Creem({
    apiKey: config.apiKey,
    serverURL: config.apiUrl,
    timeoutMs: config.timeoutMs,
    retryConfig: { strategy: 'none' },
  });
  const base: CallOptions = { timeoutMs: config.timeoutMs };
  return {
    sdk,
    async read(what, call) {
      try {
        return await call(base);
      } catch (e) {
        throw translate(e, what, log);
      }
    },
    async write(what, call, settled) {
      const options = { ...base, headers: { 'Idempotency-Key': `portal-${randomUUID()}` } };
      try {
        return await call(options);
      } catch (e) {
        if (settled && outcomeUnknown(e)) {
          log.info('creem write outcome unknown; re-reading', { what });
          const after = await settled().catch(() => undefined);
          if (after !== undefined) return after;
        }
        throw translate(e, what, log);
      }
    },
  };
}
