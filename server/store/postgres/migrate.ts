import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { StoreCorruptError } from '../interface.js';
import { checkout } from './pool.js';

const DIR = path.join(import.meta.dirname, 'migrations');
/** Any constant shared by every server process: the advisory lock that lets one of them migrate at a time. */
const MIGRATION_LOCK = 7_411_902_215;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files of this folder, in order (`001_collections.sql` → version 1). */
export function migrations(): Migration[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: fs.readFileSync(path.join(DIR, f), 'utf8') }));
}

export class MigrationError extends StoreCorruptError {}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Brings the database's schema up to this server's, each migration in its own transaction, under an
 * advisory lock so that processes starting together migrate once (the others wait, then find
 * nothing to do). The PostgreSQL schema itself (`schema`, when given) is created under the same
 * lock: two concurrent CREATE SCHEMA IF NOT EXISTS both pass the check, and the second fails on
 * pg_namespace's unique index. A database already at a newer version than this server knows is
 * refused: an older server must not write into a schema it does not understand.
 */
export async function migrate(pool: pg.Pool, schema?: string): Promise<{ applied: number[]; version: number }> {
  const { client, release } = await checkout(pool);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set<number>((await client.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version as number));
      const known = migrations();
      const newest = Math.max(0, ...known.map((m) => m.version));
      const ahead = [...done].filter((v) => v > newest);
      if (ahead.length > 0) {
        throw new MigrationError(
          `The database is at schema version ${Math.max(...ahead)}, written by a newer creem-portal; this server knows up to ${newest}. Upgrade the server (it never changes a newer schema).`,
        );
      }
      const applied: number[] = [];
      for (const m of known) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new MigrationError(`Migration ${m.version} (${m.name}) failed: ${(e as Error).message}`);
        }
        applied.push(m.version);
      }
      return { applied, version: newest };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    release();
  }
}
