import { randomFillSync, createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes drawn from the CSPRNG a few kilobytes at a time, each byte used once (as Node's
// randomUUID does): a randomBytes() call per token cost ~2.5 µs, nearly all of it the call.
const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

/** Random base62 string; 22 characters carry ~131 bits. */
export function randomToken(length = 22): string {
  let out = '';
  while (out.length < length) {
    if (used === POOL_BYTES) {
      randomFillSync(pool);
      used = 0;
    }
    const byte = pool[used++];
    // 62 * 4 = 248: drop bytes ≥ 248 so every character is equally likely.
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

export type IdPrefix =
  | 'mer'
  | 'key'
  | 'cust'
  | 'prod'
  | 'pprice'
  | 'sub'
  | 'sitem'
  | 'tran'
  | 'ord'
  | 'ref'
  | 'req'
  | 'wh'
  | 'evt'
  | 'dlv'
  | 'code'
  | 'rev'
  | 'mail'
  | 'ch'
  | 'dis'
  | 'lic'
  | 'lins';

export const newId = (prefix: IdPrefix) => `${prefix}_${randomToken(22)}`;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A short reference a customer can read out to support ("SUP-7K3F9Q"). */
export function newReference(prefix: string): string {
  return `${prefix}-${randomToken(8).toUpperCase().replace(/[01OI]/g, 'X')}`;
}
