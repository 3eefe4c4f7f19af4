/**
 * The system the portal stands in front of (Creem's API, in companion mode) failed or could not
 * be reached; nothing was changed that the customer is told about. Each maps to one documented
 * status: 502 (it answered, but wrongly: 5xx, malformed, refused our key), 503 (unreachable, or
 * busy: `retryAfterSeconds`), 504 (no answer in time).
 */
export class UpstreamError extends Error {
  constructor(
    readonly status: 502 | 503 | 504,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
