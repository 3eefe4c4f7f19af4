import { randomBytes } from 'node:crypto';
import type { Store } from '../store/interface.js';
import type { WidgetKey } from '../store/schema.js';
import { randomToken } from '../ids.js';
import { ROTATION_GRACE_MS, type SigningKey, type TokenKeys } from './keys.js';

const SECRET_BYTES = 32;
/** Other processes' rotations reach this one at the latest after this long (and at once on an unknown kid). */
const REFRESH_MS = 60_000;

const toKey = (k: WidgetKey): SigningKey => ({ kid: k.id, secret: Buffer.from(k.secret, 'base64url'), created_at: k.created_at, retired_at: k.retired_at });
const usable = (k: { retired_at: number | null }, at: number) => k.retired_at === null || at - k.retired_at < ROTATION_GRACE_MS;

/**
 * Widget-token keys kept in the store (PostgreSQL: every process of the deployment shares them), so a
 * token minted by one process verifies on every other. The first process to start makes the key;
 * a rotation anywhere retires the current key with the grace period, and the others learn of it on
 * their next refresh, or at once when they meet a token with the new kid.
 */
export async function sharedKeys(store: Store, now: number): Promise<TokenKeys & { stop(): void }> {
  const ensure = () =>
    store.transact(async (tx) => {
      const all = await tx.all('widget_keys');
      if (all.some((k) => k.retired_at === null)) return;
      await tx.put('widget_keys', { id: randomToken(16), secret: randomBytes(SECRET_BYTES).toString('base64url'), created_at: now, retired_at: null });
    });
  let keys: SigningKey[] = [];
  const load = async () => {
    const all = (await store.all('widget_keys')).map(toKey).sort((a, b) => a.created_at - b.created_at);
    if (all.length > 0) keys = all;
  };
  await ensure();
  await load();
  let refreshing: Promise<void> | null = null;
  const refresh = () => (refreshing ??= load().finally(() => (refreshing = null)));
  const timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_MS);
  timer.unref();
  return {
    current: () => keys.filter((k) => k.retired_at === null).at(-1) ?? keys[keys.length - 1],
    find: (kid, at) => keys.find((k) => k.kid === kid && usable(k, at)),
    async rotate(at) {
      await store.transact(async (tx) => {
        for (const k of await tx.all('widget_keys')) {
          if (!usable(k, at)) await tx.delete('widget_keys', k.id);
          else if (k.retired_at === null) await tx.put('widget_keys', { ...k, retired_at: at });
        }
        await tx.put('widget_keys', { id: randomToken(16), secret: randomBytes(SECRET_BYTES).toString('base64url'), created_at: at, retired_at: null });
      });
      await load();
      return keys.filter((k) => k.retired_at === null).at(-1)!;
    },
    refresh,
    stop: () => clearInterval(timer),
  };
}
