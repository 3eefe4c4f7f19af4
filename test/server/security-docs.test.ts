import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, isCreemError } from '../support/server.js';
import { loadConfig, ConfigError } from '../../server/config.js';

/**
 * Issue #16, 4: Swagger UI at /docs gets the headers every other HTML page has (no framing, a CSP
 * without inline script), and `API_DOCS=off` turns it off; it is off by default in production.
 * That Swagger UI really works under that CSP is checked in Chromium (test/e2e/api-docs.test.ts).
 */

const SECURITY_HEADERS = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy'];

test('/docs is sent with the same security headers as every other HTML page, and no inline script', async () => {
  const t = await createTestApp();
  try {
    const docs = await t.app.request('/docs');
    assert.equal(docs.status, 200);
    const reference = await t.app.request(`/portal/login?merchant=${(await t.deps.store.all('merchants'))[0].id}`);
    for (const h of SECURITY_HEADERS) assert.equal(docs.headers.get(h), reference.headers.get(h), h);
    assert.match(docs.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    assert.doesNotMatch(docs.headers.get('content-security-policy')!, /unsafe-inline|unsafe-eval/);
    assert.equal(docs.headers.get('x-frame-options'), 'DENY');
    const html = await docs.text();
    assert.doesNotMatch(html, /<script>|<script(?![^>]*\ssrc=)[^>]*>/, 'every script is a same-origin file');
    for (const src of [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])) {
      const res = await t.app.request(src);
      assert.equal(res.status, 200, src);
      assert.match(res.headers.get('content-type')!, /javascript/, src);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', src);
    }
  } finally {
    await t.close();
  }
});

test('API_DOCS=off turns Swagger UI off (a 404 in Creem’s body); /openapi.json stays', async () => {
  const t = await createTestApp({ env: { API_DOCS: 'off' } });
  try {
    for (const path of ['/docs', '/docs/', '/docs/assets/docs.js', '/docs/assets/swagger-ui-dist/swagger-ui-bundle.js']) {
      const res = await t.app.request(path);
      assert.equal(res.status, 404, path);
      assert.ok(isCreemError(await res.json(), 404), path);
    }
    assert.equal((await t.app.request('/openapi.json')).status, 200);
  } finally {
    await t.close();
  }
});

test('in production Swagger UI is off unless API_DOCS=on', async () => {
  const off = await createTestApp({ env: { NODE_ENV: 'production' } });
  try {
    assert.equal((await off.app.request('/docs')).status, 404);
    assert.equal((await off.app.request('/docs/assets/swagger-ui-dist/swagger-ui.css')).status, 404);
  } finally {
    await off.close();
  }
  const on = await createTestApp({ env: { NODE_ENV: 'production', API_DOCS: 'on' } });
  try {
    assert.equal((await on.app.request('/docs')).status, 200);
  } finally {
    await on.close();
  }
  assert.equal(loadConfig({}).apiDocs, true);
  assert.equal(loadConfig({ NODE_ENV: 'production' }).apiDocs, false);
  assert.throws(() => loadConfig({ API_DOCS: 'maybe' }), (e: unknown) => e instanceof ConfigError && /API_DOCS/.test((e as Error).message));
});
