import type { IdempotencyRecord } from '../store/schema.js';
import type { DomainDeps } from './deps.js';

/** How long an answer is kept for replay. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The answer stored for this merchant's key, while it is still replayable. */
export async function storedAnswer(deps: DomainDeps, id: string, now: number): Promise<IdempotencyRecord | undefined> {
  const prior = await deps.store.get('idempotency', id);
  return prior && now - prior.created_at < IDEMPOTENCY_TTL_MS ? prior : undefined;
}

export function storeAnswer(deps: DomainDeps, record: IdempotencyRecord): Promise<void> {
  return deps.store.transact(async (tx) => {
    await tx.put('idempotency', record);
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
