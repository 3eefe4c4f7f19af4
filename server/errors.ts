/** The one error type every layer throws; `app.onError` turns it into Creem's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly messages: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(messages.join('; '));
  }
}

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
  503: 'Service Unavailable',
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
