import type { Context } from 'hono';
import { ApiError } from '../errors.js';

/** U+0000 in JSON text: `\u0000` after an even run of backslashes (an odd one escapes the backslash itself). */
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;
const REFUSED = 'The request contains a NUL character (U+0000), which no field accepts.';

/**
 * No field accepts U+0000: names, messages and ids are text, and PostgreSQL cannot store the
 * character at all, so either engine would keep a different thing. Refused once, at the edge,
 * with the same 400 on both: in the path or query (`%00`), or in a body, raw, JSON-escaped or
 * form-encoded.
 */
export function refuseNulInUrl(url: string): void {
  if (url.includes('%00') || url.includes('\0')) throw new ApiError(400, [REFUSED]);
}

/** The body half; runs after the body limit, so what it reads is bounded. Hono caches the text for the route's validator. */
export async function refuseNulInBody(c: Context): Promise<void> {
  const body = await c.req.text();
  if (body === '') return;
  const form = (c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded');
  if (body.includes('\0') || JSON_NUL.test(body) || (form && /%00/i.test(body))) throw new ApiError(400, [REFUSED]);
}
