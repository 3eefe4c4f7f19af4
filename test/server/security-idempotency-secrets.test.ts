import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, stored, storedText } from '../support/server.js';

/**
 * Issue #16, 6: no secret is copied into an idempotency record. Answers carrying a widget token or
 * a portal link are not stored at all (a retry mints a fresh one); a new webhook endpoint's answer
 * is stored without its signing secret, which a replay reads back from the endpoint.
 */

test('a webhook secret never enters an idempotency record; the replay still answers it', async () => {
  const t = await createTestApp();
  try {
    const headers = { 'idempotency-key': 'wh-create-1' };
    const body = { url: 'http://127.0.0.1:9/hook', name: 'orders' };
    const first = await call(t, 'POST', '/v1/webhooks', { headers, body });
    assert.equal(first.status, 200, first.text);
    const secret: string = first.json.secret;
    assert.match(secret, /^whsec_/);

    const onDisk = (await stored(t)).collections;
    assert.ok(onDisk.idempotency.length > 0, 'the answer is kept for replay');
    assert.ok(!JSON.stringify(onDisk.idempotency).includes(secret), 'the secret was copied into an idempotency record');
    assert.equal((await storedText(t)).split(secret).length - 1, 1, 'the secret is on disk once: in its endpoint');

    const again = await call(t, 'POST', '/v1/webhooks', { headers, body });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.text, first.text, 'the replay is the first answer, secret included');
    assert.equal((await t.deps.store.all('webhook_endpoints')).length, 1, 'one endpoint, not two');

    // GET …/secret is not a POST: nothing is recorded for it, key or not.
    const count = (await stored(t)).collections.idempotency.length;
    const read = await call(t, 'GET', `/v1/webhooks/${first.json.id}/secret`, { headers: { 'idempotency-key': 'wh-secret-1' } });
    assert.equal(read.json.secret, secret);
    assert.equal((await stored(t)).collections.idempotency.length, count);

    // Once the endpoint is deleted, a replay has no secret to give back.
    assert.equal((await call(t, 'DELETE', `/v1/webhooks/${first.json.id}`)).status, 200);
    const late = await call(t, 'POST', '/v1/webhooks', { headers, body });
    assert.equal(late.headers.get('idempotent-replayed'), 'true');
    assert.equal(late.json.id, first.json.id);
    assert.equal(late.json.secret, undefined);
  } finally {
    await t.close();
  }
});

test('no answer that carries a token, link or secret is stored for replay, on any POST', async () => {
  const t = await createTestApp();
  try {
    const ada = (await customerByEmail(t, 'ada@example.com')).id;
    const token = await call(t, 'POST', '/v1/widget-tokens', { headers: { 'idempotency-key': 'tok-1' }, body: { customer_id: ada } });
    const link = await call(t, 'POST', '/v1/customers/billing', { headers: { 'idempotency-key': 'link-1' }, body: { customer_id: ada } });
    assert.equal(token.status, 201);
    assert.equal(link.status, 200);
    const disk = await storedText(t);
    assert.ok(!disk.includes(token.json.token));
    assert.ok(!disk.includes(link.json.customer_portal_link.split('/').pop()));
    for (const r of (await stored(t)).collections.idempotency) assert.doesNotMatch(r.body_text ?? JSON.stringify(r.body), /whsec_|"token"|customer_portal_link/);
  } finally {
    await t.close();
  }
});

test('no other merchant-API POST documents a credential in its answer (a new one must be handled here first)', async () => {
  const t = await createTestApp();
  try {
    const doc = await (await t.app.request('/openapi.json')).json();
    const CREDENTIAL_FIELDS = /^(secret|token|customer_portal_link|api_key|key)$/;
    // Not stored (a retry mints a fresh one), or stored with the secret (or license key) as a pointer.
    const HANDLED = new Set(['/v1/widget-tokens', '/v1/customers/billing', '/v1/webhooks', '/v1/licenses/activate', '/v1/licenses/validate', '/v1/licenses/deactivate', '/v1/checkouts']);
    const fields = (schema: any, seen = new Set<any>()): string[] => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
      seen.add(schema);
      if (schema.$ref) return fields(doc.components.schemas[schema.$ref.split('/').pop()], seen);
      const own = Object.keys(schema.properties ?? {});
      const nested = [...Object.values(schema.properties ?? {}), schema.items, schema.additionalProperties, ...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
      return [...own, ...nested.flatMap((s) => fields(s, seen))];
    };
    let posts = 0;
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      if (!path.startsWith('/v1/') || !ops.post) continue;
      posts++;
      for (const [status, response] of Object.entries<any>(ops.post.responses)) {
        if (!status.startsWith('2')) continue;
        const found = fields(response.content?.['application/json']?.schema).filter((f) => CREDENTIAL_FIELDS.test(f));
        if (found.length) assert.ok(HANDLED.has(path), `POST ${path} answers ${found.join(', ')}: keep it out of idempotency records (server/domain/idempotency.ts)`);
      }
    }
    assert.ok(posts >= 10, `${posts} POST routes checked`);
  } finally {
    await t.close();
  }
});
