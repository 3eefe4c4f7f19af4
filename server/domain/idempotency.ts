import type { IdempotencyRecord } from '../store/schema.js';
import { StoreOutcomeUnknownError, StoreUnavailableError, StoreWriteError } from '../store/interface.js';
import type { DomainDeps } from './deps.js';
import { inScope, type Scope } from './scope.js';

/** How long an answer is kept for replay. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The answer stored for this merchant's key, while it is still replayable. */
export async function storedAnswer(deps: DomainDeps, id: string, now: number): Promise<IdempotencyRecord | undefined> {
  const prior = await deps.store.get('idempotency', id);
  return prior && now - prior.created_at < IDEMPOTENCY_TTL_MS ? prior : undefined;
}

/**
 * An answer stored before ids carried the mode (`merchant:key`, within the last 24 h): replayed
 * only for the very same request, whose fingerprint holds the mode, so it never blocks the other mode.
 */
export async function legacyAnswer(deps: DomainDeps, id: string, fingerprint: string, now: number): Promise<IdempotencyRecord | undefined> {
  const prior = await storedAnswer(deps, id, now);
  return prior?.fingerprint === fingerprint ? prior : undefined;
}

/** The answer, or before the request runs its pending marker (see IdempotencyRecord.pending). */
export function storeAnswer(deps: DomainDeps, record: IdempotencyRecord): Promise<void> {
  return deps.store.transact(async (tx) => {
    await tx.put('idempotency', record);
  });
}

/**
 * Whether a request that did not succeed certainly changed nothing: refused (4xx), or the store was
 * out of reach before anything was written. Any other 5xx (a COMMIT whose outcome is unknown, an
 * upstream that timed out) may have changed something.
 */
export const changedNothing = (status: number, error: unknown) =>
  status < 500 || error instanceof StoreWriteError || (error instanceof StoreUnavailableError && !(error instanceof StoreOutcomeUnknownError));

/** The pending marker, before the request runs; should storing it end in doubt, it is taken back. */
export async function markPending(deps: DomainDeps, record: IdempotencyRecord): Promise<void> {
  try {
    await storeAnswer(deps, record);
  } catch (e) {
    await forgetPending(deps, record.id).catch(() => undefined);
    throw e;
  }
}

/**
 * The answer of a request whose change is made: should it fail to be stored, the 503 must not
 * say that nothing was changed (the marker stays, so a retry hears the same).
 */
export async function keepAnswer(deps: DomainDeps, record: IdempotencyRecord): Promise<void> {
  try {
    await storeAnswer(deps, record);
  } catch (e) {
    throw new StoreOutcomeUnknownError(`The change was made, but its answer could not be kept for replay: ${(e as Error).message}`, { cause: e });
  }
}

/** A request that changed nothing: its key is free again. */
export function forgetPending(deps: DomainDeps, id: string): Promise<void> {
  return deps.store.transact(async (tx) => {
    if ((await tx.get('idempotency', id))?.pending) await tx.delete('idempotency', id);
  });
}

/** Drops stored answers older than the TTL; meant for the server's periodic timer. Returns how many went. */
export async function purgeExpiredIdempotency(deps: DomainDeps, now: number): Promise<number> {
  return deps.store.transact(async (tx) => {
    const old = (await tx.all('idempotency')).filter((r) => now - r.created_at >= IDEMPOTENCY_TTL_MS);
    for (const r of old) await tx.delete('idempotency', r.id);
    return old.length;
  });
}

/**
 * Secrets never enter an idempotency record: the data file keeps a credential once, where it is
 * needed. A new webhook endpoint's answer is stored with a pointer in place of its signing
 * secret, which `replayedAnswer` reads back from the endpoint.
 */
const SECRET_POINTER = { $secret_of: 'webhook_endpoint' } as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPointer = (v: unknown) => isObject(v) && v.$secret_of === SECRET_POINTER.$secret_of;

/** A license key in an answer (activate, validate, deactivate), kept as a pointer to its license like a webhook secret. */
const KEY_POINTER = { $key_of: 'license' } as const;
const isKeyPointer = (v: unknown) => isObject(v) && v.$key_of === KEY_POINTER.$key_of;

/** What is stored of an answer for replay: a new webhook endpoint's signing secret, or a license key, becomes a pointer. */
export function storableAnswer(body: unknown): unknown {
  if (isObject(body) && body.object === 'license' && typeof body.id === 'string' && typeof body.key === 'string') return { ...body, key: KEY_POINTER };
  // A checkout answers its license keys once paid (never when just created, but the schema allows it).
  if (isObject(body) && body.object === 'checkout' && Array.isArray(body.license_keys)) return { ...body, license_keys: body.license_keys.map(storableAnswer) };
  return isObject(body) && body.object === 'webhook' && typeof body.id === 'string' && typeof body.secret === 'string' ? { ...body, secret: SECRET_POINTER } : body;
}

/** The answer a record holds, as stored: the JSON text, or in older records the parsed answer. */
export const recordedAnswer = (r: IdempotencyRecord): unknown => (r.body_text === undefined ? r.body : JSON.parse(r.body_text));

/** A stored answer as it is replayed: a pointed-to secret is read from the endpoint (and gone with it). */
export async function replayedAnswer(deps: DomainDeps, scope: Scope, body: unknown): Promise<unknown> {
  if (isObject(body) && isKeyPointer(body.key)) {
    const license = await deps.store.get('licenses', String(body.id));
    return { ...body, key: license && inScope({ merchantId: scope.merchantId, mode: scope.mode }, license) ? license.key : null };
  }
  if (isObject(body) && body.object === 'checkout' && Array.isArray(body.license_keys)) {
    return { ...body, license_keys: await Promise.all(body.license_keys.map((l) => replayedAnswer(deps, scope, l))) };
  }
  if (!isObject(body) || !isPointer(body.secret)) return body;
  const endpoint = await deps.store.get('webhook_endpoints', String(body.id));
  if (endpoint && inScope(scope, endpoint)) return { ...body, secret: endpoint.secret };
  const { secret: _gone, ...rest } = body;
  return rest;
}
