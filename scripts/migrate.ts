/**
 * `npm run migrate`: brings the PostgreSQL schema at DATABASE_URL (and DATABASE_SCHEMA) up to this
 * server's, without starting a server, e.g. as a deploy step before the new processes start. The
 * server does the same on start; doing it first keeps a long migration out of the start-up.
 */
import pg from 'pg';
import { ConfigError, loadConfig } from '../server/config.js';
import { migrate } from '../server/store/postgres/migrate.js';
import { describeDatabase, redact } from './database-url.js';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function main(): Promise<string> {
  const config = loadConfig();
  if (!config.database) throw new ConfigError('DATABASE_URL is not set: there is nothing to migrate (lowdb keeps no schema).');
  const { url, schema } = config.database;
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5000, ...(schema ? { options: `-c search_path=${ident(schema)}` } : {}) });
  pool.on('error', () => undefined);
  try {
    const { applied, version } = await migrate(pool, schema).catch((e: unknown) => {
      throw new Error(`${describeDatabase(url, schema)}: ${redact(e instanceof Error ? e.message : String(e), url)}`);
    });
    const where = describeDatabase(url, schema);
    return applied.length > 0 ? `${where}: applied ${applied.join(', ')}; now at version ${version}` : `${where}: up to date at version ${version}`;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

main().then(
  (line) => process.stdout.write(`migrate: ${line}\n`),
  (e: unknown) => {
    // One line, whatever failed: the config's own lines are joined too.
    process.stderr.write(`migrate failed: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')}\n`);
    process.exit(1);
  },
);
