import { createMiddleware } from 'hono/factory';
import { ApiError, unauthorized } from '../errors.js';
import { verifyToken } from '../auth/widget-token.js';
import { tokenGeneration } from '../auth/revocations.js';
import type { AppEnv } from '../env.js';

/**
 * Portal API auth by `Authorization: Bearer <widget token>`. Checks the signature and claims, the
 * customer's revocations, and the calling page's origin: it must be one the merchant allows (or
 * our own hosted pages) and, when the token names origins, one of those.
 * The scope it sets pins merchant, mode and customer.
 */
export function portalAuth() {
  return createMiddleware<AppEnv>(async function portalAuth(c, next) {
    const { store, keys, config, clock } = c.var.deps;
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(header);
    if (!match) throw unauthorized('A widget token is required (Authorization: Bearer …).');
    const claims = await verifyToken(keys, config.publicUrl, match[1], clock());
    const merchant = store.get('merchants', claims.merchantId);
    const customer = store.get('customers', claims.customerId);
    if (!merchant || !customer || customer.merchant_id !== merchant.id || customer.mode !== claims.mode) {
      throw unauthorized('The token is invalid or expired.');
    }
    if (claims.generation < tokenGeneration(store, merchant.id, customer.id)) throw unauthorized('The token has been revoked.');
    if (claims.sessionId && store.get('ended_sessions', claims.sessionId)) throw unauthorized('Signed out.');

    const origin = c.req.header('origin');
    if (origin) {
      const byMerchant = origin === new URL(config.publicUrl).origin || merchant.settings.allowed_origins.includes(origin);
      const byToken = claims.allowedOrigins.length === 0 || claims.allowedOrigins.includes(origin);
      if (!byMerchant || !byToken) throw new ApiError(403, [`This token may not be used from ${origin}.`]);
    }
    c.set('merchant', merchant);
    c.set('mode', claims.mode);
    c.set('scope', { merchantId: merchant.id, mode: claims.mode, customerId: customer.id });
    await next();
  });
}
