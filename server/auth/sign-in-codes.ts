import { randomBytes } from 'node:crypto';
import { newId, sha256 } from '../ids.js';
import { invalid } from '../domain/errors.js';
import type { StoreReader, Tx } from '../store/interface.js';
import type { Mode, SignInCode } from '../store/schema.js';
import { SIGN_IN_LINK_MINUTES } from '../../contract/values.js';

export type CodeKind = SignInCode['kind'];

/** Portal links and magic links live 10 minutes (docs/domain.md). */
export const LINK_CODE_TTL_MS = SIGN_IN_LINK_MINUTES * 60_000;
/** Spent and expired codes are kept a day, so a late click still learns which merchant to ask again. */
const KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;

export const LINK_EXPIRED_MESSAGE = 'This sign-in link has expired or was already used. Request a new one.';

/** 256 random bits, base64url: 43 characters, safe in a URL path or fragment. */
const newCode = () => randomBytes(32).toString('base64url');

export interface NewCode {
  merchantId: string;
  mode: Mode;
  customerId: string;
  kind: CodeKind;
  ttlMs: number;
  /** For email_change: the new address. */
  data?: string | null;
}

/**
 * Stores a new single-use code (only its sha256) and returns the raw code, which exists from
 * then on only in the link sent out. A new magic link or email change supersedes the customer's
 * unused older ones of the same kind. Also drops the customer's long-dead codes.
 */
export async function createSignInCode(tx: Tx, input: NewCode, now: number): Promise<string> {
  const code = newCode();
  const supersedes = input.kind !== 'portal_link';
  for (const old of await tx.findBy('sign_in_codes', 'customer_id', input.customerId)) {
    if (old.expires_at + KEEP_AFTER_EXPIRY_MS < now) await tx.delete('sign_in_codes', old.id);
    else if (supersedes && old.kind === input.kind && old.merchant_id === input.merchantId && old.used_at === null) {
      await tx.put('sign_in_codes', { ...old, used_at: now });
    }
  }
  await tx.put('sign_in_codes', {
    id: newId('code'),
    merchant_id: input.merchantId,
    mode: input.mode,
    customer_id: input.customerId,
    kind: input.kind,
    hash: sha256(code),
    expires_at: now + input.ttlMs,
    used_at: null,
    data: input.data ?? null,
    created_at: now,
  });
  return code;
}

export type CodeCheck =
  | { ok: true; record: SignInCode }
  | { ok: false; reason: 'unknown' | 'used' | 'expired'; record?: SignInCode };

/** Looks a code up without spending it: what GET and HEAD may do (mail scanners open links). */
export async function checkSignInCode(r: StoreReader, code: string, kinds: readonly CodeKind[], now: number): Promise<CodeCheck> {
  const record = code.length <= 512 ? await r.findOneBy('sign_in_codes', 'hash', sha256(code)) : undefined;
  if (!record || !kinds.includes(record.kind)) return { ok: false, reason: 'unknown' };
  if (record.used_at !== null) return { ok: false, reason: 'used', record };
  if (record.expires_at <= now) return { ok: false, reason: 'expired', record };
  return { ok: true, record };
}

/** Spends a code inside the caller's transaction; a used, expired or unknown code is refused before any write. */
export async function consumeSignInCode(tx: Tx, code: string, kinds: readonly CodeKind[], now: number): Promise<SignInCode> {
  const check = await checkSignInCode(tx, code, kinds, now);
  if (!check.ok) throw invalid(LINK_EXPIRED_MESSAGE);
  return tx.put('sign_in_codes', { ...check.record, used_at: now });
}
