import { randomBytes, createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62 string; 22 characters carry ~131 bits. */
export function randomToken(length = 22): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    // 62 * 4 = 248: drop bytes ≥ 248 so every character is equally likely.
    if (bytes[i] < 248) out += ALPHABET[bytes[i] % 62];
  }
  return out.length === length ? out : out + randomToken(length - out.length);
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
