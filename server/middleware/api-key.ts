import { createMiddleware } from 'hono/factory';
import { authenticateApiKey } from '../auth/merchant-auth.js';
import type { AppEnv } from '../env.js';

/**
 * Merchant API auth by `x-api-key`. A key in the query string is ignored on purpose: it would end
 * up in logs and referrers.
 */
export function apiKeyAuth() {
  return createMiddleware<AppEnv>(async function apiKeyAuth(c, next) {
    const { merchant, mode } = await authenticateApiKey(c.var.deps, c.req.header('x-api-key') ?? '');
    c.set('merchant', merchant);
    c.set('mode', mode);
    c.set('scope', { merchantId: merchant.id, mode });
    await next();
  });
}
