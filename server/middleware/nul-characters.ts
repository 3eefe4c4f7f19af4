import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../env.js';

/** U+0000 in JSON text: `\u0000` after an even run of backslashes (an odd one escapes the backslash itself). */
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;

/**
 * No field accepts U+0000: names, messages and ids are text, and PostgreSQL cannot store the
 * character at all, so either engine would keep a different thing. Refused once, at the edge,
 * with the same 400 on both: in the path or query (`%00`), or in a body, raw, JSON-escaped or
 * form-encoded. Runs after the body limit, so the body it reads is bounded.
 */
export function refuseNulCharacters() {
  return createMiddleware<AppEnv>(async function refuseNulCharacters(c, next) {
    const url = c.req.url;
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS';
    let nul = url.includes('\0') || /%00/i.test(url);
    if (!nul && hasBody && c.req.raw.body) {
      // Hono caches the text: the route's validator reads the same body afterwards.
      const body = await c.req.text();
      const type = c.req.header('content-type') ?? '';
      nul = body.includes('\0') || JSON_NUL.test(body) || (type.includes('application/x-www-form-urlencoded') && /%00/i.test(body));
    }
    if (nul) throw new ApiError(400, ['The request contains a NUL character (U+0000), which no field accepts.']);
    await next();
  });
}
