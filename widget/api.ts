import { msg } from './localize.js';
import type { ApiErrorBody } from '../contract/portal.js';

/** A failed portal API call: `status` 0 with `offline` when the network never answered. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly offline = false,
  ) {
    super(message);
  }
}

/** What to tell the customer about a failed request. */
export function describeError(e: unknown): string {
  if ((e instanceof ApiError && e.offline) || !navigator.onLine) return msg('You appear to be offline. Check your connection and try again.');
  // The server could not reach what it stands in front of (502, 503, 504): nothing the customer did, nothing changed.
  if (e instanceof ApiError && e.status >= 502 && e.status <= 504) return msg('The billing service is not answering right now. Nothing was changed. Please try again in a moment.');
  return [msg('Something went wrong.'), e instanceof ApiError ? e.message : ''].join(' ').trim();
}

/** One portal API request; JSON in, JSON out, Creem's error body turned into an ApiError. */
export async function request<T>(
  base: string,
  token: string | undefined,
  method: string,
  path: string,
  body: unknown,
  signal: AbortSignal,
  /** The language the element shows: the server sends the customer's mails in it. */
  lang: string,
): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': lang };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${base}/portal/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      signal,
    });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new ApiError(0, String(e), true);
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, ([] as string[]).concat((data as ApiErrorBody).message ?? []).join(' '));
  return data as T;
}

/** An https: URL or one on this page's origin, else undefined: nothing else becomes a link. */
export function safeUrl(url: string | null | undefined, page: { href: string; origin: string } = location): string | undefined {
  try {
    const u = new URL(url!, page.href);
    // An opaque origin ("null": sandboxed frames, file:) matches every other opaque URL,
    // javascript: included, so "same origin" only counts for a real http(s) origin.
    const sameOrigin = page.origin !== 'null' && /^https?:$/.test(u.protocol) && u.origin === page.origin;
    return u.protocol === 'https:' || sameOrigin ? u.href : undefined;
  } catch {
    return undefined;
  }
}
