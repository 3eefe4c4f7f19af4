import { DomainError } from './domain/errors.js';

/** The HTTP layer's error; `app.onError` turns it (and every DomainError) into Creem's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly messages: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(messages.join('; '));
  }
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;

export const badRequest = (...m: string[]) => new ApiError(400, m);
export const unauthorized = (m = 'Unauthorized') => new ApiError(401, [m]);
export const forbidden = (m = 'Forbidden') => new ApiError(403, [m]);
export const notFound = (what: string) => new ApiError(404, [`${what} not found`]);
export const conflict = (m: string) => new ApiError(409, [m]);

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface ErrorBody {
  trace_id: string;
  status: number;
  error: string;
  message: string[];
  timestamp: number;
}

export function errorBody(traceId: string, status: number, messages: string[]): ErrorBody {
  return { trace_id: traceId, status, error: STATUS_TEXT[status] ?? 'Error', message: messages, timestamp: Date.now() };
}

const STATUS_OF: Record<DomainError['kind'], ErrorStatus> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** The one mapping from what the rules refused to what the client is told. */
export function fromDomainError(e: DomainError): ApiError {
  const headers: Record<string, string> = e.retryAfterSeconds !== undefined ? { 'Retry-After': String(e.retryAfterSeconds) } : {};
  return new ApiError(STATUS_OF[e.kind], [e.message], headers);
}
