/**
 * A PostgreSQL database of its own for one test run: `create` makes one and prints its URL,
 * `drop <url>` removes it (closing whatever still uses it). The server it lives on is
 * TEST_DATABASE_ADMIN_URL, by default this machine's (127.0.0.1:5432, user postgres).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const admin = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function withAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function main(argv: string[]) {
  const [command, url] = argv;
  if (command === 'create') {
    const name = `creem_portal_test_${process.ppid}_${randomBytes(3).toString('hex')}`;
    await withAdmin((c) => c.query(`CREATE DATABASE ${ident(name)}`));
    const u = new URL(admin);
    u.pathname = `/${name}`;
    process.stdout.write(`${u.toString()}\n`);
  } else if (command === 'drop' && url) {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    if (!name.startsWith('creem_portal_test_')) throw new Error(`refusing to drop ${name}: not a test database`);
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
  } else {
    throw new Error('usage: test-database.ts create | drop <url>');
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`test database: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
