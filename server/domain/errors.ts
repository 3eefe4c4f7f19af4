/**
 * What the rules refuse, in their own terms. The domain knows no HTTP: one place
 * (`server/errors.ts`, `fromDomainError`) maps each kind to a status code and Creem's error body.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable',
    message: string,
    /** For `rate_limited`: when asking again can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The input breaks a rule (more than is refundable, a product of another currency…). */
export const invalid = (message: string) => new DomainError('invalid', message);
/** Not signed in, or the credential is bad, expired or revoked. */
export const unauthenticated = (message = 'Unauthorized') => new DomainError('unauthenticated', message);
/** The merchant's policy does not allow it here. */
export const forbidden = (message: string) => new DomainError('forbidden', message);
/** Absent, or outside the caller's scope: the two are never told apart. */
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
/** Not possible in the current state. */
export const conflict = (message: string) => new DomainError('conflict', message);
export const rateLimited = (message: string, retryAfterSeconds: number) => new DomainError('rate_limited', message, retryAfterSeconds);
/** Something the change needs (a mail, a dependency) is unavailable; nothing was applied. */
export const unavailable = (message: string) => new DomainError('unavailable', message);
