import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, isCreemError } from '../support/server.js';

/**
 * Issue #16, 9: in production the demo's backend is off, and so are its pages: the account page
 * at `/` and everything under `/demo/` answer 404 in Creem's body; the widget is still served.
 */

const DEMO_PAGES = ['/', '/demo/', '/demo/index.html', '/demo/demo.js', '/demo/playground.js', '/demo/demo.css', '/demo/favicon.svg', '/demo/react.html', '/demo/api/customers'];

test('in production the demo pages are not served', async () => {
  const t = await createTestApp({ env: { NODE_ENV: 'production' } });
  try {
    for (const path of DEMO_PAGES) {
      for (const method of ['GET', 'HEAD']) {
        const res = await t.app.request(path, { method });
        assert.equal(res.status, 404, `${method} ${path}`);
        if (method === 'GET') assert.ok(isCreemError(await res.json(), 404), path);
      }
    }
    assert.equal((await t.app.request('/healthz')).status, 200);
  } finally {
    await t.close();
  }
});

test('outside production they are, with the page headers', async () => {
  const t = await createTestApp();
  try {
    const page = await t.app.request('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    assert.equal((await t.app.request('/demo/demo.js')).status, 200);
  } finally {
    await t.close();
  }
});
