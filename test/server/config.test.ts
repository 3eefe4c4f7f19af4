import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadConfig, ConfigError } from '../../server/config.js';

test('defaults follow the contract', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8787);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.dataFile, path.resolve('./data/db.json'));
  assert.equal(c.publicUrl, 'http://127.0.0.1:8787');
  assert.equal(c.seedDemo, false);
  assert.equal(c.production, false);
});

test('PUBLIC_URL defaults to the port given', () => {
  assert.equal(loadConfig({ PORT: '9000' }).publicUrl, 'http://127.0.0.1:9000');
  assert.equal(loadConfig({ PUBLIC_URL: 'https://billing.example.com/' }).publicUrl, 'https://billing.example.com');
});

test('production turns demo seeding off', () => {
  assert.equal(loadConfig({ SEED: 'demo' }).seedDemo, true);
  assert.equal(loadConfig({ SEED: 'demo', NODE_ENV: 'production' }).seedDemo, false);
});

test('bad values fail with a message naming each variable', () => {
  const bad = { PORT: 'eighty', DEMO_API_KEY: 'creem_live_x', PUBLIC_URL: 'ftp://x', SMTP_URL: 'http://mail' };
  assert.throws(
    () => loadConfig(bad),
    (e: unknown) =>
      e instanceof ConfigError && ['PORT', 'DEMO_API_KEY', 'PUBLIC_URL', 'SMTP_URL'].every((v) => (e as Error).message.includes(v)),
  );
  assert.throws(() => loadConfig({ DEMO_ALLOWED_ORIGINS: 'http://ok.test, not an origin' }), /DEMO_ALLOWED_ORIGINS/);
});
