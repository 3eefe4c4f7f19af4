import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * CORS for the portal API: the exact origin is echoed only when some merchant allows it (the
 * token check then pins it to the token's merchant); no credentials, explicit headers.
 */
export function portalCors(): MiddlewareHandler<AppEnv> {
  return async function portalCors(c, next) {
    const { store } = c.var.deps;
    const handler = cors({
      origin: (origin) => (store.all('merchants').some((m) => m.settings.allowed_origins.includes(origin)) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['x-request-id'],
      maxAge: 600,
      credentials: false,
    });
    return handler(c, next);
  };
}
