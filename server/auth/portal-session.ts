import { unauthenticated } from '../domain/errors.js';
import type { AppDeps } from '../env.js';
import type { Mode } from '../store/schema.js';
import { consumeSignInCode } from './sign-in-codes.js';
import { tokenGeneration } from './revocations.js';
import { signJwt, verifyJwt } from './jwt.js';

/** A portal session lasts one hour from sign-in, however often its tokens are refreshed (docs/domain.md). */
export const SESSION_TTL_SECONDS = 3600;
/** A different audience from widget tokens: the session cookie is never a bearer token, nor the reverse. */
const SESSION_AUDIENCE = 'creem-portal-session';

export interface SignedIn {
  merchantId: string;
  mode: Mode;
  customerId: string;
  generation: number;
}

export interface PortalSession extends SignedIn {
  /** Epoch milliseconds: the absolute end. */
  expiresAt: number;
  /** The session cookie's id, which sign-out puts on the ended list. */
  jti: string;
}

type Deps = Pick<AppDeps, 'store' | 'clock' | 'keys' | 'config' | 'customers'>;

/** Spends a portal-link or magic-link code (once) and says who it signs in. */
export async function redeemSignInCode(deps: Deps, code: string): Promise<SignedIn> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const record = await consumeSignInCode(tx, code, ['portal_link', 'magic_link'], now);
    return {
      merchantId: record.merchant_id,
      mode: record.mode,
      customerId: record.customer_id,
      generation: await tokenGeneration(tx, record.merchant_id, record.customer_id),
    };
  });
}

/** The hosted portal's session cookie value: a signed, self-contained session with an absolute end. */
export async function sealSession(deps: Deps, who: SignedIn): Promise<{ value: string; expiresAt: number }> {
  const iat = Math.floor(deps.clock() / 1000);
  const exp = iat + SESSION_TTL_SECONDS;
  const value = await signJwt(deps.keys, {
    issuer: deps.config.publicUrl,
    audience: SESSION_AUDIENCE,
    subject: who.customerId,
    issuedAt: iat,
    expiresAt: exp,
    claims: { mid: who.merchantId, mode: who.mode, gen: who.generation },
  });
  return { value, expiresAt: exp * 1000 };
}

/** Reads a session cookie: signature, expiry, a customer that still exists, and no revocation since. */
export async function openSession(deps: Deps, value: string | undefined): Promise<PortalSession> {
  if (!value) throw unauthenticated('Not signed in.');
  const now = deps.clock();
  const payload = await verifyJwt(deps.keys, deps.config.publicUrl, SESSION_AUDIENCE, value, now);
  const { mid, mode, gen } = payload as Record<string, unknown>;
  if (payload.exp! - payload.iat! > SESSION_TTL_SECONDS) throw unauthenticated('Not signed in.');
  if (typeof mid !== 'string' || (mode !== 'test' && mode !== 'prod') || !Number.isSafeInteger(gen)) throw unauthenticated('Not signed in.');
  const merchant = await deps.store.get('merchants', mid);
  const customer = merchant && (await deps.customers.byId(merchant, mode, payload.sub!));
  if (!customer) throw unauthenticated('Not signed in.');
  if ((gen as number) < (await tokenGeneration(deps.store, mid, customer.id))) throw unauthenticated('The session has been revoked.');
  if (await deps.store.get('ended_sessions', payload.jti!)) throw unauthenticated('Signed out.');
  return { merchantId: mid, mode, customerId: customer.id, generation: gen as number, expiresAt: payload.exp! * 1000, jti: payload.jti! };
}

/**
 * Sign-out: the session cookie stops working at once, wherever a copy of it is, not only in the
 * browser that deletes it. Other sessions of the customer are untouched. Entries are dropped once
 * the session would have ended anyway, so the list stays as small as the live sessions.
 */
export async function endSession(deps: Deps, session: PortalSession): Promise<void> {
  const now = deps.clock();
  await deps.store.transact(async (tx) => {
    for (const old of await tx.all('ended_sessions')) if (old.expires_at <= now) await tx.delete('ended_sessions', old.id);
    await tx.put('ended_sessions', { id: session.jti, merchant_id: session.merchantId, customer_id: session.customerId, expires_at: session.expiresAt });
  });
}

/** Merchant of a session cookie even when it is no longer valid (to offer that merchant's sign-in form). */
export function sessionMerchantHint(value: string | undefined): string | undefined {
  try {
    const mid = JSON.parse(Buffer.from(value!.split('.')[1], 'base64url').toString('utf8')).mid;
    return typeof mid === 'string' && /^mer_[A-Za-z0-9]{1,64}$/.test(mid) ? mid : undefined;
  } catch {
    return undefined;
  }
}
