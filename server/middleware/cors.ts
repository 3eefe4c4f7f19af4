import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { originAllowedAnywhere } from '../auth/portal-auth.js';

/**
 * CORS for the portal API: the exact origin is echoed only when some merchant allows it (the
 * token check then pins it to the token's merchant); no credentials, explicit headers. Built
 * once; the allow-list is read from the store on each request, so settings changes apply at once.
 */
export function portalCors(deps: Pick<AppDeps, 'store'>): MiddlewareHandler<AppEnv> {
  return cors({
    origin: async (origin) => (origin && (await originAllowedAnywhere(deps.store, origin)) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['x-request-id'],
    maxAge: 600,
    credentials: false,
  });
}
