import type { Mode } from '../store/schema.js';
import type { TokenKeys } from './keys.js';
import { signJwt, verifyJwt, invalid } from './jwt.js';

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
  /** The customer's token generation when minted; a revocation bumps it (see revocations.ts). */
  generation: number;
  jti: string;
  /** Epoch seconds. */
  issuedAt: number;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Set on tokens minted from a hosted-portal session. */
  sessionId?: string;
}

export interface MintInput {
  merchantId: string;
  mode: Mode;
  customerId: string;
  allowedOrigins?: string[];
  ttlSeconds?: number;
  kind?: 'widget' | 'session';
  generation?: number;
  /** For a token minted from a hosted-portal session: that session's id, so signing out ends it too. */
  sessionId?: string;
}

/** A bearer token for the portal API, bound to merchant + mode + customer (+ origins). */
export async function mintToken(keys: TokenKeys, issuer: string, input: MintInput, nowMs: number) {
  const iat = Math.floor(nowMs / 1000);
  const ttl = Math.max(1, Math.min(input.ttlSeconds ?? DEFAULT_TTL_SECONDS, MAX_TTL_SECONDS));
  const exp = iat + ttl;
  const token = await signJwt(keys, {
    issuer,
    audience: TOKEN_AUDIENCE,
    subject: input.customerId,
    issuedAt: iat,
    expiresAt: exp,
    claims: {
      mid: input.merchantId,
      mode: input.mode,
      kind: input.kind ?? 'widget',
      gen: input.generation ?? 0,
      ...(input.sessionId ? { sid: input.sessionId } : {}),
      ...(input.allowedOrigins?.length ? { origins: input.allowedOrigins } : {}),
    },
  });
  return { token, expiresAt: exp * 1000 };
}

/** Verifies the token (see verifyJwt) and the claims we rely on. */
export async function verifyToken(keys: TokenKeys, issuer: string, token: string, nowMs: number): Promise<TokenClaims> {
  const payload = await verifyJwt(keys, issuer, TOKEN_AUDIENCE, token, nowMs);
  const { mid, mode, kind, origins, gen, sid } = payload as Record<string, unknown>;
  if (typeof mid !== 'string' || (mode !== 'test' && mode !== 'prod') || (kind !== 'widget' && kind !== 'session')) throw invalid();
  if (origins !== undefined && (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string'))) throw invalid();
  if (gen !== undefined && !Number.isSafeInteger(gen)) throw invalid();
  if (sid !== undefined && typeof sid !== 'string') throw invalid();
  // A token living longer than the maximum was not minted by us, whatever its signature says.
  if (payload.exp! - payload.iat! > MAX_TTL_SECONDS) throw invalid();
  return {
    merchantId: mid,
    mode,
    kind,
    customerId: payload.sub!,
    allowedOrigins: (origins as string[] | undefined) ?? [],
    generation: (gen as number | undefined) ?? 0,
    sessionId: sid as string | undefined,
    jti: payload.jti!,
    issuedAt: payload.iat!,
    expiresAt: payload.exp! * 1000,
  };
}
