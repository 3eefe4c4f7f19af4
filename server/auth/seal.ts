import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { TokenKeys } from './keys.js';

/**
 * A secret the store must keep for a while but must not hold readable (a merchant's API key until
 * the checkout it created has signed its redirect): AES-256-GCM under a key derived from the
 * widget signing key, which never lives in the data file. Sealed under the current key and opened
 * under any key still known, so a rotation leaves at most what was sealed before the grace period.
 */
const INFO = 'creem-portal sealed secret v1';

const keyFrom = (secret: Uint8Array) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));

export function seal(keys: TokenKeys, plain: string): string {
  const { kid, secret } = keys.current();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  cipher.setAAD(Buffer.from(kid));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [kid, iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? Buffer.from(p).toString('base64url') : p.toString('base64url'))).join('.');
}

/** The id of the key a sealed secret is sealed under (undefined for a text that is not one). */
export function sealedUnder(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 4 ? Buffer.from(parts[0]!, 'base64url').toString() : undefined;
}

/** The sealed secret, or undefined when its key is gone or the text was altered. */
export function unseal(keys: TokenKeys, sealed: string, now: number): string | undefined {
  const parts = sealed.split('.');
  if (parts.length !== 4) return undefined;
  const [kid, iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer, Buffer];
  const key = keys.find(kid.toString(), now);
  if (!key) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(key.secret), iv);
    decipher.setAAD(kid);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
