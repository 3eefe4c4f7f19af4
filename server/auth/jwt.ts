import { SignJWT, jwtVerify, decodeProtectedHeader, errors, type JWTPayload } from 'jose';
import { randomToken } from '../ids.js';
import { unauthenticated } from '../domain/errors.js';
import type { TokenKeys } from './keys.js';

/** Every token we sign is HS256; anything else (none, RS256, HS512…) is refused before the signature is looked at. */
const ALGORITHM = 'HS256';
const CLOCK_TOLERANCE_S = 5;

export interface SignInput {
  issuer: string;
  audience: string;
  subject: string;
  issuedAt: number;
  expiresAt: number;
  claims: Record<string, unknown>;
}

/** Signs with the current key; times in epoch seconds. */
export async function signJwt(keys: TokenKeys, input: SignInput): Promise<string> {
  const key = keys.current();
  return new SignJWT(input.claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: key.kid })
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setSubject(input.subject)
    .setJti(randomToken(22))
    .setIssuedAt(input.issuedAt)
    .setExpirationTime(input.expiresAt)
    .sign(await cryptoKey(key.secret));
}

/**
 * Verifies algorithm, key (by kid, rotation grace included), signature, issuer, audience and
 * expiry, and requires exp/iat/jti/sub. Every failure is the same 401: a client learns nothing
 * about which check failed.
 */
export async function verifyJwt(keys: TokenKeys, issuer: string, audience: string, token: string, nowMs: number): Promise<JWTPayload> {
  const cache = cacheFor(keys);
  const id = `${issuer}\n${audience}\n${token}`;
  const hit = cache.get(id);
  if (hit) {
    // Same bytes, already verified: only what can change since then is checked again (time, key).
    if (nowMs < (hit.payload.exp! + CLOCK_TOLERANCE_S) * 1000 && keys.find(hit.kid, nowMs)) return hit.payload;
    cache.delete(id);
    throw invalid();
  }
  const payload = await verifyUncached(keys, issuer, audience, token, nowMs);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(id, { payload: Object.freeze(payload), kid: decodeProtectedHeader(token).kid as string });
  return payload;
}

/**
 * Verified tokens, by their exact bytes, per key set. Verifying an HS256 JWT with jose costs about
 * 100 µs, a fifth of a portal request; the element sends the same token many times a minute.
 */
const CACHE_LIMIT = 10_000;
const verified = new WeakMap<TokenKeys, Map<string, { payload: JWTPayload; kid: string }>>();
function cacheFor(keys: TokenKeys) {
  let cache = verified.get(keys);
  if (!cache) verified.set(keys, (cache = new Map()));
  return cache;
}

async function verifyUncached(keys: TokenKeys, issuer: string, audience: string, token: string, nowMs: number): Promise<JWTPayload> {
  try {
    const { kid, alg } = decodeProtectedHeader(token);
    if (alg !== ALGORITHM) throw invalid();
    const key = typeof kid === 'string' ? keys.find(kid, nowMs) : undefined;
    if (!key) throw invalid();
    const { payload } = await jwtVerify(token, await cryptoKey(key.secret), {
      algorithms: [ALGORITHM],
      issuer,
      audience,
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      currentDate: new Date(nowMs),
      clockTolerance: CLOCK_TOLERANCE_S,
    });
    return payload;
  } catch (e) {
    if (e instanceof errors.JOSEError || e instanceof TypeError || e instanceof SyntaxError) throw invalid();
    throw e;
  }
}

/**
 * jose imports a raw secret into WebCrypto on every call; a key is imported once instead. Usage
 * `sign` + `verify` for HS256 only, so the imported key can do nothing else.
 */
const imported = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function cryptoKey(secret: Uint8Array): Promise<CryptoKey> {
  let key = imported.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', Uint8Array.from(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    imported.set(secret, key);
  }
  return key;
}

export const invalid = () => unauthenticated('The token is invalid or expired.');
