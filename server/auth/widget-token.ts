import { SignJWT, jwtVerify, decodeProtectedHeader, errors } from 'jose';
import { newId } from '../ids.js';
import { unauthorized } from '../errors.js';
import type { Mode } from '../store/schema.js';
import type { TokenKeys } from './keys.js';

export const TOKEN_AUDIENCE = 'creem-portal';
export const DEFAULT_TTL_SECONDS = 900;
export const MAX_TTL_SECONDS = 3600;

export interface TokenClaims {
  merchantId: string;
  mode: Mode;
  customerId: string;
  /** Origins the token may be used from; empty = the merchant's allowed origins. */
  allowedOrigins: string[];
  /** `widget`: minted by a merchant's backend; `session`: after a portal link or magic link. */
  kind: 'widget' | 'session';
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

export interface MintInput {
  merchantId: string;
  mode: Mode;
  customerId: string;
  allowedOrigins?: string[];
  ttlSeconds?: number;
  kind?: 'widget' | 'session';
}

export async function mintToken(keys: TokenKeys, issuer: string, input: MintInput, nowMs: number) {
  const key = keys.current();
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + Math.min(input.ttlSeconds ?? DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS);
  const token = await new SignJWT({
    mid: input.merchantId,
    mode: input.mode,
    kind: input.kind ?? 'widget',
    ...(input.allowedOrigins?.length ? { origins: input.allowedOrigins } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
    .setIssuer(issuer)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(input.customerId)
    .setJti(newId('code').slice(5))
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key.secret);
  return { token, expiresAt: exp * 1000 };
}

/** Verifies signature (HS256 only), issuer, audience, expiry and the claims we rely on. */
export async function verifyToken(keys: TokenKeys, issuer: string, token: string, nowMs: number): Promise<TokenClaims> {
  try {
    const { kid } = decodeProtectedHeader(token);
    const key = typeof kid === 'string' ? keys.find(kid, nowMs) : undefined;
    if (!key) throw unauthorized('The token is invalid or expired.');
    const { payload } = await jwtVerify(token, key.secret, {
      algorithms: ['HS256'],
      issuer,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      currentDate: new Date(nowMs),
      clockTolerance: 5,
    });
    const { mid, mode, kind, origins } = payload as Record<string, unknown>;
    if (typeof mid !== 'string' || (mode !== 'test' && mode !== 'prod') || (kind !== 'widget' && kind !== 'session')) {
      throw unauthorized('The token is invalid or expired.');
    }
    if (origins !== undefined && (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string'))) {
      throw unauthorized('The token is invalid or expired.');
    }
    return {
      merchantId: mid,
      mode,
      kind,
      customerId: payload.sub!,
      allowedOrigins: (origins as string[] | undefined) ?? [],
      jti: payload.jti!,
      issuedAt: payload.iat!,
      expiresAt: payload.exp! * 1000,
    };
  } catch (e) {
    if (e instanceof errors.JOSEError || e instanceof TypeError || e instanceof SyntaxError) {
      throw unauthorized('The token is invalid or expired.');
    }
    throw e;
  }
}
