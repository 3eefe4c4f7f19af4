import { createMiddleware } from 'hono/factory';
import { ApiError, unauthorized } from '../errors.js';
import { verifyToken } from '../auth/widget-token.js';
import type { AppEnv } from '../env.js';

/**
 * Portal API auth by `Authorization: Bearer <widget token>`. Checks the signature and claims,
 * the customer's revocations, and that the calling page's origin is allowed by the merchant and, when the
 * token names origins, by the token too. The scope it sets pins merchant, mode and customer.
 */
export function portalAuth() {
  return createMiddleware<AppEnv>(async function portalAuth(c, next) {
    const { store, keys, config, clock } = c.var.deps;
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(header);
    if (!match) throw unauthorized('A widget token is required (Authorization: Bearer …).');
    const now = clock();
    const claims = await verifyToken(keys, config.publicUrl, match[1], now);
    const merchant = store.get('merchants', claims.merchantId);
    const customer = store.get('customers', claims.customerId);
    if (!merchant || !customer || customer.merchant_id !== merchant.id || customer.mode !== claims.mode) {
      throw unauthorized('The token is invalid or expired.');
    }
    const revoked = store.findBy('token_revocations', 'customer_id', customer.id).some((r) => r.merchant_id === merchant.id && claims.issuedAt <= r.before);
    if (revoked) throw unauthorized('The token has been revoked.');

    const origin = c.req.header('origin');
    if (origin && origin !== new URL(config.publicUrl).origin) {
      const byMerchant = merchant.settings.allowed_origins.includes(origin);
      const byToken = claims.allowedOrigins.length === 0 || claims.allowedOrigins.includes(origin);
      if (!byMerchant || !byToken) throw new ApiError(403, [`This token may not be used from ${origin}.`]);
    }
    c.set('merchant', merchant);
    c.set('mode', claims.mode);
    c.set('scope', { merchantId: merchant.id, mode: claims.mode, customerId: customer.id });
    await next();
  });
}
