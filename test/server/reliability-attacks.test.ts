import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { serve } from '@hono/node-server';
import { createFuzzWorld, memoryImage, RIVAL_ORIGIN, DEMO_KEY, type FuzzWorld } from '../support/fuzz-world.js';
import { discoverRoutes, type FuzzRoute } from '../support/fuzz-routes.js';
import { validish, encode, type IdPools } from '../support/fuzz-inputs.js';
import { isCreemError, stored } from '../support/server.js';

const PAYLOADS = ['<script>alert("xss")</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(document.cookie)'];
const RAW_MARKERS = [/<script>alert/i, /<img src=x onerror/i, /href=["']?javascript:/i];

async function send(world: FuzzWorld, method: string, path: string, opts: { body?: unknown; token?: string; key?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  else if (opts.key !== null) headers['x-api-key'] = opts.key ?? DEMO_KEY;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await world.t.app.request(`http://127.0.0.1${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, text, json, headers: res.headers };
}

/** Records added or changed between two store images (one JSON string per record). */
function changedRecords(before: string, after: string): string[] {
  const b = new Set((JSON.parse(before) as unknown[][]).flat().map((r) => JSON.stringify(r)));
  return (JSON.parse(after) as unknown[][]).flat().map((r) => JSON.stringify(r)).filter((r) => !b.has(r));
}

/** The Creem error's messages with every id written as `<id>`, to compare two refusals. */
const messagesOf = (res: { json: any }) => (Array.isArray(res.json?.message) ? res.json.message.map((m: string) => m.replace(/\b[a-z]+_[A-Za-z0-9]{22}\b/g, '<id>')) : null);

/** Rewrites each of `ids` as an id of the same kind that does not exist. */
function withMissingIds(ids: string[]): (text: string) => string {
  const missing = new Map(ids.map((id, i) => [id, `${id.slice(0, id.indexOf('_') + 1)}${String(i + 1).padStart(22, '0')}`]));
  return (text) => ids.reduce((out, id) => out.split(id).join(missing.get(id)!), text);
}

/** Routes that take nothing but ids have one right answer to a foreign one: 404, as for an id that does not exist. */
function answerToForeignIds(route: FuzzRoute): number | null {
  if (route.body || route.query.length > 0 || route.pathParams.length === 0) return null;
  // The hosted email-change forms check their CSRF token before they read the code.
  if (route.path.startsWith('/portal/email/') && route.method === 'POST') return 403;
  return 404;
}

test("no route reveals or touches another customer's, merchant's or mode's objects by id", async (t) => {
  const probe = await createFuzzWorld();
  const routes = (await discoverRoutes((p) => Promise.resolve(probe.t.app.request(p)))).filter((r) => r.documented && r.auth !== 'none');
  await probe.t.close();
  let attempts = 0;
  let exactly = 0;
  let twins = 0;
  // One world for all routes: whatever a route does to the caller's own objects, foreign ones must stay as they are.
  const world = await createFuzzWorld();
  for (const route of routes) {
    await t.test(`${route.method} ${route.path}`, async () => {
      {
        const { ids } = world;
        const foreign = [
          ...(route.auth === 'widget-token' ? [...ids.otherCustomer.customers, ...ids.otherCustomer.subscriptions, ...ids.otherCustomer.transactions, ...ids.otherCustomer.orders] : []),
          ...Object.values(ids.rival).flat(),
          ...Object.values(ids.live).flat(),
        ];
        const pools: IdPools = { own: foreign, foreign };
        const samples = fc.sample(
          fc.record({
            params: fc.tuple(...route.pathParams.map(() => fc.constantFrom(...foreign))),
            query: fc.tuple(...route.query.map((q) => validish(q.schema, pools, q.name))),
            body: route.body ? validish(route.body, pools) : fc.constant(undefined),
          }),
          { numRuns: route.pathParams.length > 0 || /_id"/.test(JSON.stringify(route.body ?? {})) ? 12 : 4, seed: 42 },
        );
        for (const s of samples) {
          let i = 0;
          let path = route.path.replace(/\{\w+\}/g, () => encode(s.params[i++]));
          const q = route.query.map((p, k) => [p.name, s.query[k]] as const).filter(([, v]) => v !== undefined && v !== null);
          if (q.length) path += '?' + q.map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');
          const before = await memoryImage(world.t);
          const token = route.auth === 'widget-token' ? await world.token() : undefined;
          const res = await send(world, route.method, path, { body: s.body, token });
          attempts++;
          assert.ok(res.status < 500, `${route.method} ${path} → ${res.status} ${res.text.slice(0, 200)}`);
          const exact = answerToForeignIds(route);
          if (exact !== null) {
            exactly++;
            assert.equal(res.status, exact, `${route.method} ${path} → ${res.status} ${res.text.slice(0, 200)}`);
          }
          // A foreign id gets exactly the answer of an id that does not exist: same status, same messages.
          const used = foreign.filter((id) => path.includes(id) || JSON.stringify(s.body ?? null).includes(id));
          if (used.length > 0) {
            twins++;
            const missing = withMissingIds(used);
            const twin = await send(world, route.method, missing(path), { body: s.body === undefined ? undefined : JSON.parse(missing(JSON.stringify(s.body))), token });
            const shown = `${route.method} ${path} ${JSON.stringify(s.body)?.slice(0, 200)}`;
            assert.equal(res.status, twin.status, `${shown}: foreign ids → ${res.status} ${res.text.slice(0, 200)}, ids that do not exist → ${twin.status} ${twin.text.slice(0, 200)}`);
            if (res.status >= 400) assert.deepEqual(messagesOf(res), messagesOf(twin), shown);
          }
          if (res.status < 300) {
            const leaked = foreign.filter((id) => res.text.includes(id));
            assert.deepEqual(leaked, [], `${route.method} ${path} ${JSON.stringify(s.body)} answered ${res.status} with foreign ids`);
          } else if (!(res.headers.get('content-type') ?? '').includes('text/html')) {
            assert.ok(isCreemError(res.json, res.status), res.text.slice(0, 200));
          }
          const touched = changedRecords(before, await memoryImage(world.t)).filter((r) => foreign.some((id) => r.includes(id)));
          assert.deepEqual(touched, [], `${route.method} ${path} changed a foreign object`);
        }
      }
    });
  }
  await world.t.close();
  t.diagnostic(`cross-tenant: ${attempts} requests over ${routes.length} routes; ${exactly} held to one exact status, ${twins} answered as for ids that do not exist`);
});

test('markup in names, reasons and support messages is stored and returned verbatim as JSON strings', async () => {
  const world = await createFuzzWorld();
  try {
    const token = await world.token();
    const [script, img, js] = PAYLOADS;
    const patched = await send(world, 'PATCH', '/v1/customers', { body: { customer_id: world.customerId, name: img } });
    assert.equal(patched.status, 200, patched.text);
    const overview = await send(world, 'GET', '/portal/api/overview', { token });
    assert.equal(overview.json.customer.name, img);

    const subs = await Promise.all(world.ids.own.subscriptions.map((id) => world.t.deps.store.get('subscriptions', id)));
    const sub = subs.find((s) => s!.status === 'active')!.id;
    const cancel = await send(world, 'POST', `/portal/api/subscriptions/${sub}/cancel`, { token, body: { mode: 'scheduled', reason: 'other', comment: `${script} ${js}` } });
    assert.equal(cancel.status, 200, cancel.text);
    const support = await send(world, 'POST', '/portal/api/support', { token, body: { subject: script, message: `${img}\n${js}` } });
    assert.equal(support.status, 201, support.text);

    const disk = await stored(world.t);
    assert.equal(disk.collections.customers.find((c: any) => c.id === world.customerId).name, img);
    assert.equal(disk.collections.subscriptions.find((s: any) => s.id === sub).cancel_comment, `${script} ${js}`);
    const request = disk.collections.customer_requests.find((r: any) => r.reference === support.json.reference);
    assert.deepEqual([request.fields.subject, request.fields.message], [script, `${img}\n${js}`]);
    // The webhook the merchant receives carries the same text, unaltered.
    const event = disk.collections.webhook_events.find((e: any) => JSON.stringify(e.object).includes(support.json.reference));
    assert.ok(JSON.stringify(event.object).includes(JSON.stringify(script).slice(1, -1)));
  } finally {
    await world.t.close();
  }
});

test('every HTML the server renders (emails, dev mailbox, hosted pages) escapes stored markup', async (t) => {
  const world = await createFuzzWorld();
  try {
    const store = world.t.deps.store;
    const merchant = (await store.get('merchants', world.merchantId))!;
    // A careless merchant config and a hostile customer: the brand name and customer name carry markup.
    await store.transact(async (tx) => {
      await tx.put('merchants', { ...merchant, name: merchant.name, settings: { ...merchant.settings, brand: { ...merchant.settings.brand, name: `Acme ${PAYLOADS[0]}` } } });
    });
    const token = await world.token();
    await send(world, 'PATCH', '/v1/customers', { body: { customer_id: world.customerId, name: PAYLOADS[1] } });
    const support = await send(world, 'POST', '/portal/api/support', { token, body: { subject: PAYLOADS[0], message: `${PAYLOADS[1]} ${PAYLOADS[2]}` } });
    assert.equal(support.status, 201, support.text);

    const mails = await store.all('mailbox');
    assert.ok(mails.length > 0, 'the support request sent a mail');
    for (const m of mails) {
      for (const marker of RAW_MARKERS) assert.doesNotMatch(m.html, marker, `mail "${m.subject}" renders markup raw`);
    }
    const supportMail = mails.find((m) => m.subject.includes(support.json.reference))!;
    assert.match(supportMail.html, /&lt;script&gt;alert/, 'the subject is shown, escaped');
    assert.match(supportMail.html, /&lt;img src=x onerror=alert\(1\)&gt;/, 'the message is shown, escaped');
    assert.ok(supportMail.text.includes(PAYLOADS[1]), 'the plain-text part keeps the text as written');

    const pages: string[] = [];
    const mailbox = await send(world, 'GET', '/dev/mailbox', { key: null });
    if (mailbox.status === 200) {
      pages.push(mailbox.text);
      assert.match(mailbox.text, /&lt;script&gt;alert/);
    } else t.diagnostic(`/dev/mailbox answered ${mailbox.status}: not mounted in this build`);
    const messages = await send(world, 'GET', '/dev/mailbox/messages', { key: null });
    if (messages.status === 200) assert.ok(messages.json.some((m: any) => m.text.includes(PAYLOADS[1])), 'the JSON outbox returns the text verbatim');
    // Hosted pages that name the merchant: a portal link and an email confirmation, with unknown codes.
    for (const p of ['/portal/link/not-a-code', '/portal/email/confirm/not-a-code', '/portal/sign-in']) {
      const page = await send(world, 'GET', p, { key: null });
      if ((page.headers.get('content-type') ?? '').includes('text/html')) pages.push(page.text);
    }
    for (const page of pages) for (const marker of RAW_MARKERS) assert.doesNotMatch(page, marker);
  } finally {
    await world.t.close();
  }
});

test('the portal API answers no CORS to origins the merchant has not allowed, and the merchant API none at all', async () => {
  const world = await createFuzzWorld();
  try {
    const token = await world.token();
    const evil = 'https://evil.example';
    const preflight = await world.t.app.request('http://127.0.0.1/portal/api/overview', {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);

    const cross = await send(world, 'GET', '/portal/api/overview', { token, headers: { origin: evil } });
    assert.equal(cross.status, 403);
    assert.ok(isCreemError(cross.json, 403));
    assert.equal(cross.headers.get('access-control-allow-origin'), null);

    // Another merchant's allowed origin is not this merchant's: the token refuses it.
    const rivalPage = await send(world, 'GET', '/portal/api/overview', { token, headers: { origin: RIVAL_ORIGIN } });
    assert.equal(rivalPage.status, 403);

    const own = new URL(world.t.deps.config.publicUrl).origin;
    const allowed = await send(world, 'GET', '/portal/api/overview', { token, headers: { origin: own } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), own);

    for (const origin of [evil, own]) {
      const v1 = await send(world, 'GET', `/v1/customers?customer_id=${world.customerId}`, { headers: { origin } });
      assert.equal(v1.headers.get('access-control-allow-origin'), null, `merchant API answered CORS to ${origin}`);
    }
  } finally {
    await world.t.close();
  }
});

test('an API key in the query string is ignored', async () => {
  const world = await createFuzzWorld();
  try {
    for (const q of ['x-api-key', 'api_key', 'apiKey', 'key']) {
      const res = await send(world, 'GET', `/v1/customers?customer_id=${world.customerId}&${q}=${DEMO_KEY}`, { key: null });
      assert.equal(res.status, 403, `${q} in the query was accepted`);
      assert.ok(isCreemError(res.json, 403));
    }
    const token = await world.token();
    const portal = await send(world, 'GET', `/portal/api/overview?token=${token}&access_token=${token}`, { key: null });
    assert.equal(portal.status, 401);
  } finally {
    await world.t.close();
  }
});

/** Raw HTTP over a real socket, so Content-Length and chunking are exactly what we say. */
function rawRequest(port: number, path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    (async () => {
      for (const c of chunks) {
        if (!req.write(c)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => undefined);
  });
}

test('oversized bodies are refused with 413, declared or chunked, and change nothing', async () => {
  const world = await createFuzzWorld();
  const server = serve({ fetch: world.t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  try {
    const before = await stored(world.t);
    const big = Buffer.from(JSON.stringify({ subject: 'Big', message: 'm'.repeat(100_000) }));
    const token = await world.token();
    const sub = world.ids.own.subscriptions[0];
    const cases: [string, Record<string, string>][] = [
      ['/portal/api/support', { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(big.length) }],
      ['/portal/api/support', { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }],
      [`/v1/subscriptions/${sub}/cancel`, { 'x-api-key': DEMO_KEY, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }],
    ];
    for (const [path, headers] of cases) {
      const chunks = headers['transfer-encoding'] ? Array.from({ length: Math.ceil(big.length / 4096) }, (_, i) => big.subarray(i * 4096, (i + 1) * 4096)) : [big];
      const res = await rawRequest(port, path, headers, chunks);
      assert.equal(res.status, 413, `${path} ${JSON.stringify(headers)} → ${res.status} ${res.body.slice(0, 200)}`);
      assert.ok(isCreemError(JSON.parse(res.body), 413));
    }
    assert.deepEqual(await stored(world.t), before);
  } finally {
    await new Promise((r) => server.close(r));
    await world.t.close();
  }
});

