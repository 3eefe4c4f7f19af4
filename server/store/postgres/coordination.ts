import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Coordination, WindowLimit } from '../interface.js';
import { STAMP_TTL_MS } from '../memory-coordination.js';
import { slide, windowEnds } from '../sliding-window.js';
import { checkout } from './pool.js';

/** Keys name addresses and emails: the tables keep only their hashes. */
const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

/** The store's own wrapper: a lost connection becomes StoreUnavailableError. */
type Guard = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Coordination in tables, for every process on the database. Each step is one statement or a
 * short READ COMMITTED transaction holding the one row it changes, so concurrent hits on a key
 * queue on that row instead of failing and retrying.
 */
export class PostgresCoordination implements Coordination {
  constructor(
    private readonly pool: pg.Pool,
    private readonly guard: Guard,
  ) {}

  private query(text: string, values: unknown[]) {
    return this.guard(() => this.pool.query(text, values));
  }

  private withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      const { client, release } = await checkout(this.pool);
      let failed = false;
      try {
        return await work(client);
      } catch (e) {
        failed = true;
        throw e;
      } finally {
        // A client that failed mid-transaction may have lost its connection: it is not reused.
        release(failed);
      }
    });
  }

  hit(key: string, limit: WindowLimit, now: number, countRefused: boolean) {
    const id = hashed(key);
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(`INSERT INTO rate_windows (id, hits, ends_at) VALUES ($1, '{}', 0) ON CONFLICT (id) DO NOTHING`, [id]);
        const row = await client.query('SELECT hits FROM rate_windows WHERE id = $1 FOR UPDATE', [id]);
        const before = (row.rows[0].hits as string[]).map(Number);
        const { hits, verdict } = slide(before, limit, now, countRefused);
        await client.query('UPDATE rate_windows SET hits = $2, ends_at = $3 WHERE id = $1', [id, hits, windowEnds(hits, limit)]);
        await client.query('COMMIT');
        return verdict;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  acquire(key: string, now: number, ms: number) {
    const holder = randomUUID();
    return this.guard(async () => {
      const r = await this.pool.query(
        `INSERT INTO leases (id, holder, until) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until WHERE leases.until <= $4
         RETURNING holder`,
        [hashed(key), holder, now + ms, now],
      );
      return r.rowCount === 1 ? holder : null;
    });
  }

  async release(key: string, holder: string) {
    await this.query('DELETE FROM leases WHERE id = $1 AND holder = $2', [hashed(key), holder]);
  }

  async stamp(key: string) {
    const r = await this.query('SELECT stamp FROM stamps WHERE id = $1', [hashed(key)]);
    return (r.rows[0]?.stamp as string | undefined) ?? '';
  }

  async bump(key: string, now: number) {
    await this.query('INSERT INTO stamps (id, stamp, at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET stamp = EXCLUDED.stamp, at = EXCLUDED.at', [hashed(key), randomUUID(), now]);
  }

  async sweep(now: number) {
    const windows = await this.query('DELETE FROM rate_windows WHERE ends_at <= $1', [now]);
    const leases = await this.query('DELETE FROM leases WHERE until <= $1', [now]);
    const stamps = await this.query('DELETE FROM stamps WHERE at <= $1', [now - STAMP_TTL_MS]);
    return (windows.rowCount ?? 0) + (leases.rowCount ?? 0) + (stamps.rowCount ?? 0);
  }
}
