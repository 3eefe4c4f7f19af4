import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHILD_DEMO_KEY, expectStartFailure, startServer } from '../support/child-server.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'creem-start-'));

// PORT=0 lets the OS choose; without PUBLIC_URL, what the server names itself must be where it listens.
test('PORT=0 without PUBLIC_URL: the seeded origins, checkout URLs and banner name the port the OS chose', async () => {
  const dir = tempDir();
  const server = await startServer({ dataFile: path.join(dir, 'db.json') });
  try {
    assert.match(server.stdout(), new RegExp(`running at ${server.url}/`));
    const key = { 'x-api-key': CHILD_DEMO_KEY, 'content-type': 'application/json' };
    const products = await (await fetch(`${server.url}/v1/products/search`, { headers: key })).json();
    const plan = products.items.find((p: { billing_type: string }) => p.billing_type === 'recurring');
    const res = await fetch(`${server.url}/v1/checkouts`, { method: 'POST', headers: key, body: JSON.stringify({ product_id: plan.id }) });
    assert.equal(res.status, 200);
    const checkout = await res.json();
    assert.ok(checkout.checkout_url.startsWith(`${server.url}/`), checkout.checkout_url);
    assert.equal((await fetch(checkout.checkout_url)).status, 200, 'the checkout page is where its URL says');
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'db.json'), 'utf8'));
    const merchant = data.collections.merchants[0];
    assert.deepEqual(merchant.settings.allowed_origins, [server.url], 'the demo merchant allows this server’s own origin, not port 0');
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a port already taken: one clear message, exit 1, and the data file left unlocked', async () => {
  const dir = tempDir();
  const first = await startServer({ dataFile: path.join(dir, 'a.json') });
  try {
    const port = new URL(first.url).port;
    const failure = await expectStartFailure({ dataFile: path.join(dir, 'b.json'), env: { PORT: port } });
    assert.equal(failure.code, 1);
    assert.match(failure.err, new RegExp(`cannot start: 127\\.0\\.0\\.1:${port} cannot be listened on \\(EADDRINUSE\\)`));
    assert.doesNotMatch(failure.err, /\n\s+at /, 'no stack trace');
    assert.ok(!fs.existsSync(path.join(dir, 'b.json.lock')), 'the store it opened was closed again');
  } finally {
    await first.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
