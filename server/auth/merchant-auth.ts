import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '../ids.js';
import type { AppDeps } from '../env.js';
import type { Merchant, Mode } from '../store/schema.js';
import { forbidden } from '../domain/errors.js';

const DENIED = () => forbidden('Forbidden: missing or invalid API key.');

/**
 * A merchant API key → its merchant and mode. The key is looked up by its sha256 (the store keeps
 * only hashes), then compared in constant time. Missing, malformed and unknown keys are refused alike.
 */
export async function authenticateApiKey(deps: Pick<AppDeps, 'store' | 'companion'>, key: string): Promise<{ merchant: Merchant; mode: Mode }> {
  const { store, companion } = deps;
  // Companion mode: the merchant's backend uses its Creem key here too; nothing else opens this API.
  if (companion) {
    if (!/^creem_(test_)?[A-Za-z0-9_-]{8,200}$/.test(key) || !companion.isOwnKey(key)) throw DENIED();
    const merchant = await store.get('merchants', companion.merchant.id);
    if (!merchant) throw DENIED();
    return { merchant, mode: companion.mode };
  }
  if (!/^creem_(test_)?[A-Za-z0-9_-]{16,128}$/.test(key)) throw DENIED();
  const hash = sha256(key);
  const record = await store.findOneBy('api_keys', 'hash', hash);
  if (!record || !timingSafeEqual(Buffer.from(record.hash, 'hex'), Buffer.from(hash, 'hex'))) throw DENIED();
  const mode = key.startsWith('creem_test_') ? 'test' : 'prod';
  if (record.mode !== mode) throw DENIED();
  const merchant = await store.get('merchants', record.merchant_id);
  if (!merchant) throw DENIED();
  return { merchant, mode };
}
