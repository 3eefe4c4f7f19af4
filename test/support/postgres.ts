/**
 * The PostgreSQL that tests use: TEST_DATABASE_URL (the test runner creates a database of its own
 * per run, and drops it after), else the machine's local server's `test` database.
 */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}
