import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createTestApp, isCreemError } from '../support/server.js';
import { listen } from './signin-helpers.js';
import { startCompanionPair } from '../support/companion.js';

/**
 * Issue #16, 5 (DNS rebinding): outside production a page on evil.example whose name is made to
 * resolve to 127.0.0.1 could read /dev/mailbox (live sign-in codes) on a developer's machine: the
 * browser sends `Host: evil.example`. The server answers only the names it is configured for.
 */

/** A GET over a real socket with the Host header we choose (fetch would send the URL's). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('in development a request naming another host is refused with a clear 4xx, and the dev mailbox stays unread', async () => {
  const t = await createTestApp({ env: { PUBLIC_URL: 'http://portal.test:8787' } });
  const server = await listen(t);
  const port = new URL(server.url).port;
  try {
    for (const host of [`evil.example:${port}`, 'evil.example', `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `portal.test.evil.example:${port}`]) {
      for (const path of ['/dev/mailbox/messages', '/dev/mailbox', '/healthz', '/portal/login']) {
        const res = await getWithHost(`${server.url}${path}`, host);
        assert.equal(res.status, 403, `${host} ${path}`);
        const body = JSON.parse(res.body);
        assert.ok(isCreemError(body, 403), res.body);
        assert.match(body.message[0], /host/i);
      }
    }
    // The names it is configured for: PUBLIC_URL's, localhost and loopback (any port).
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'portal.test:8787', 'PORTAL.TEST', `localhost.:${port}`]) {
      const res = await getWithHost(`${server.url}/dev/mailbox/messages`, host);
      assert.equal(res.status, 200, `${host}: ${res.body.slice(0, 200)}`);
    }
    // Verdicts are remembered per authority: asked again, in turns, each keeps its own.
    for (let i = 0; i < 3; i++) {
      assert.equal((await getWithHost(`${server.url}/healthz`, `localhost:${port}`)).status, 200);
      assert.equal((await getWithHost(`${server.url}/healthz`, `evil.example:${port}`)).status, 403);
    }
    // An absolute request target names the host itself, whatever Host says.
    const absolute = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: `http://evil.example:${port}/healthz`, headers: { host: `localhost:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(absolute, 403);
    // app.request() (Host: localhost), as the other tests use it.
    assert.equal((await t.app.request('/dev/mailbox/messages')).status, 200);
  } finally {
    await server.close();
    await t.close();
  }
});

test('in companion mode the same check stands in front of the portal, verdict for verdict', async () => {
  const pair = await startCompanionPair({ env: { PUBLIC_URL: 'http://portal.test:8787' } });
  const server = await listen(pair.t);
  const port = new URL(server.url).port;
  try {
    for (let i = 0; i < 2; i++) {
      for (const path of ['/healthz', '/portal/api/overview']) {
        const refused = await getWithHost(`${server.url}${path}`, `evil.example:${port}`);
        assert.equal(refused.status, 403, `${path}: ${refused.body.slice(0, 200)}`);
        assert.ok(isCreemError(JSON.parse(refused.body), 403), refused.body);
      }
      assert.equal((await getWithHost(`${server.url}/healthz`, `localhost:${port}`)).status, 200);
      assert.equal((await getWithHost(`${server.url}/healthz`, 'portal.test:8787')).status, 200);
    }
  } finally {
    await server.close();
    await pair.close();
  }
});

test('an address literal is answered (no DNS, so nothing to rebind), as on a LAN address', async () => {
  const t = await createTestApp();
  const server = await listen(t);
  try {
    for (const host of ['192.168.1.20:8787', '10.0.0.5', '[fe80::1]:8787']) {
      assert.equal((await getWithHost(`${server.url}/healthz`, host)).status, 200, host);
    }
  } finally {
    await server.close();
    await t.close();
  }
});

test('in production the Host header is the reverse proxy’s business: it is not checked', async () => {
  const t = await createTestApp({ env: { NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example.com' } });
  const server = await listen(t);
  try {
    assert.equal((await getWithHost(`${server.url}/healthz`, 'internal-lb.local')).status, 200);
  } finally {
    await server.close();
    await t.close();
  }
});
