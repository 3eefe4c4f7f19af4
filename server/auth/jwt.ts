import { SignJWT, jwtVerify, decodeProtectedHeader, errors, type JWTPayload } from 'jose';
import { randomToken } from '../ids.js';
import { unauthorized } from '../errors.js';
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
    .sign(key.secret);
}

/**
 * Verifies algorithm, key (by kid, rotation grace included), signature, issuer, audience and
 * expiry, and requires exp/iat/jti/sub. Every failure is the same 401: a client learns nothing
 * about which check failed.
 */
export async function verifyJwt(keys: TokenKeys, issuer: string, audience: string, token: string, nowMs: number): Promise<JWTPayload> {
  try {
    const { kid, alg } = decodeProtectedHeader(token);
    if (alg !== ALGORITHM) throw invalid();
    const key = typeof kid === 'string' ? keys.find(kid, nowMs) : undefined;
    if (!key) throw invalid();
    const { payload } = await jwtVerify(token, key.secret, {
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

export const invalid = () => unauthorized('The token is invalid or expired.');
