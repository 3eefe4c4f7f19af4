import { createMiddleware } from 'hono/factory';
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../errors.js';
import { sha256 } from '../ids.js';
import type { AppEnv } from '../env.js';

const DENIED = () => new ApiError(403, ['Forbidden: missing or invalid API key.']);

/**
 * Merchant API auth by `x-api-key`. The key is looked up by its sha256 (the store keeps only
 * hashes), then compared in constant time. Missing, malformed and unknown keys get the same 403.
 * A key in the query string is ignored on purpose: it would end up in logs and referrers.
 */
export function apiKeyAuth() {
  return createMiddleware<AppEnv>(async function apiKeyAuth(c, next) {
    const { store } = c.var.deps;
    const key = c.req.header('x-api-key') ?? '';
    if (!/^creem_(test_)?[A-Za-z0-9_-]{16,128}$/.test(key)) throw DENIED();
    const hash = sha256(key);
    const record = store.findOneBy('api_keys', 'hash', hash);
    if (!record || !timingSafeEqual(Buffer.from(record.hash, 'hex'), Buffer.from(hash, 'hex'))) throw DENIED();
    const mode = key.startsWith('creem_test_') ? 'test' : 'prod';
    if (record.mode !== mode) throw DENIED();
    const merchant = store.get('merchants', record.merchant_id);
    if (!merchant) throw DENIED();
    c.set('merchant', merchant);
    c.set('mode', mode);
    c.set('scope', { merchantId: merchant.id, mode });
    await next();
  });
}
