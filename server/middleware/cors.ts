import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { originAllowedAnywhere } from '../auth/portal-auth.js';

const ALLOW_METHODS = 'GET,POST,PATCH,OPTIONS';
const ALLOW_HEADERS = 'Authorization,Content-Type,Idempotency-Key';
const MAX_AGE = '600';

/**
 * CORS for the portal API: the exact origin is echoed only when some merchant allows it (the
 * token check then pins it to the token's merchant); no credentials, explicit headers. The
 * allow-list is read from the store on each request, so settings changes apply at once.
 *
 * The same answers as hono/cors with these options, written here because of how that one adds
 * them: it appends `Vary` after the route has answered, which makes Hono copy the finished
 * response (its body becomes a stream Node then reads back), a quarter of what a portal answer
 * costs. Here every header is set before the route runs, so the route's own response carries them.
 */
export function portalCors(deps: Pick<AppDeps, 'store'>): MiddlewareHandler<AppEnv> {
  return async function portalCors(c, next) {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && origin !== '' && (await originAllowedAnywhere(deps.store, origin));
    if (c.req.method === 'OPTIONS') {
      const headers: Record<string, string> = {
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Expose-Headers': 'x-request-id',
        'Access-Control-Max-Age': MAX_AGE,
        Vary: 'Origin, Access-Control-Request-Headers',
      };
      if (allowed) headers['Access-Control-Allow-Origin'] = origin;
      for (const [k, v] of Object.entries(headers)) c.header(k, v);
      return c.body(null, 204);
    }
    if (allowed) c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'x-request-id');
    c.header('Vary', 'Origin');
    await next();
  };
}
