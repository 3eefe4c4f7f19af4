import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoreUnavailableError, StoreWriteError, type Store, type Tx } from '../../server/store/interface.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { customer, storeSuite } from '../support/store-suite.js';
import { testDatabaseUrl } from '../support/postgres.js';

const url = testDatabaseUrl();

storeSuite('postgres', () => {
  const schema = `suite_${randomBytes(6).toString('hex')}`;
  return {
    open: () => PostgresStore.open({ url, schema, poolSize: 4 }),
    async reopen(store: Store) {
      await store.close();
      return PostgresStore.open({ url, schema, poolSize: 4 });
    },
    openAnother: () => PostgresStore.open({ url, schema, poolSize: 4 }),
    async cleanup() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
});

test('[postgres] a request still running when the store closes (the server is stopping) gets StoreUnavailableError, a 503', async () => {
  const schema = `closed_${randomBytes(6).toString('hex')}`;
  const store = await PostgresStore.open({ url, schema, poolSize: 2 });
  await store.close();
  await assert.rejects(store.get('customers', 'cust_x'), StoreUnavailableError);
  await assert.rejects(store.coordination.hit('k', { max: 1, windowMs: 1000 }, 0, true), StoreUnavailableError);
  await assert.rejects(store.transact((tx) => tx.put('customers', { id: 'cust_x' } as never)), StoreWriteError);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
});

/** A store in a schema of its own, for one test; dropped afterwards. */
async function withOwnStore(body: (store: PostgresStore) => Promise<void>, poolSize = 2) {
  const schema = `own_${randomBytes(6).toString('hex')}`;
  const store = await PostgresStore.open({ url, schema, poolSize });
  try {
    await body(store);
  } finally {
    await store.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  }
}

test('[postgres] a query the change started without awaiting fails: the transaction fails and keeps nothing, not even what was sent before', async () => {
  await withOwnStore(async (store) => {
    await assert.rejects(
      store.transact(async (tx) => {
        await tx.put('customers', customer('cust_a'));
        await tx.count('customers');
        // PostgreSQL's jsonb refuses U+0000: this write fails in the database, and nobody awaits it.
        void tx.put('customers', { ...customer('cust_b'), name: 'nul \u0000' });
        void tx.count('customers').catch(() => undefined);
      }),
    );
    assert.equal(await store.get('customers', 'cust_a'), undefined);
    assert.equal(await store.count('customers'), 0);
  });
});

test('[postgres] a tx used after its transaction ended is refused and reaches no other transaction', async () => {
  await withOwnStore(async (store) => {
    let leaked: Tx | undefined;
    await store.transact(async (tx) => {
      leaked = tx;
    });
    await assert.rejects(leaked!.put('customers', customer('cust_late')), /has ended/);
    await assert.rejects(leaked!.count('customers'), /has ended/);
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    assert.deepEqual((await store.all('customers')).map((c) => c.id), ['cust_a']);
  }, 1);
});

test('[postgres] a subscription whose status changes is a HOT update where its page has room: it touches no index, so writers to neighbours seldom conflict', { timeout: 30_000 }, async (t) => {
  const schema = `hot_${randomBytes(6).toString('hex')}`;
  const store = await PostgresStore.open({ url, schema, poolSize: 4 });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  t.after(async () => {
    await store.close();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });
  const ids = Array.from({ length: 200 }, (_, i) => `sub_${String(i).padStart(4, '0')}`);
  const record = (id: string, status: string) => ({ id, merchant_id: 'mer_1', customer_id: `cust_${id}`, status, note: 'x'.repeat(300) });
  await store.transact(async (tx) => {
    for (const id of ids) await tx.put('subscriptions', record(id, 'active') as never);
  });
  // Each subscription once, eight at a time, as the cancels of different customers come in.
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map((id) =>
        store.transact(async (tx) => {
          const sub = (await tx.get('subscriptions', id)) as unknown as ReturnType<typeof record>;
          await tx.put('subscriptions', { ...sub, status: 'scheduled_cancel' } as never);
        }),
      ),
    );
  }
  assert.equal((await store.findBy('subscriptions', 'status', 'scheduled_cancel')).length, ids.length);
  // Statistics reach pg_stat_user_tables once the store's connections have been idle a moment.
  let stats = { upd: 0, hot: 0 };
  for (const until = Date.now() + 15_000; stats.upd < ids.length && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const r = await c.query('SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = $2', [schema, 'subscriptions']);
    stats = { upd: Number(r.rows[0]?.upd ?? 0), hot: Number(r.rows[0]?.hot ?? 0) };
  }
  assert.ok(stats.upd >= ids.length, `every status change counted (${stats.upd})`);
  // Pages left full by the insert make the first update of each non-HOT (about half here: a version
  // still visible to a running transaction cannot be pruned); with an index on status, none at all.
  assert.ok(stats.hot >= stats.upd / 4, `a good part of the status changes are HOT updates: ${stats.hot} of ${stats.upd}`);
});

/** What `work` sent to the database, statement by statement (each a round trip), and its answer. */
async function recordingQueries<T>(work: () => Promise<T>): Promise<{ sent: string[]; result: T }> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string };
    sent.push(typeof q === 'string' ? q : q.text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as never;
  try {
    return { sent, result: await work() };
  } finally {
    pg.Client.prototype.query = original;
  }
}

test('[postgres] reads a change asks at once share one round trip, and each gets its own answer', async () => {
  await withOwnStore(async (store) => {
    await store.transact(async (tx) => {
      await tx.put('customers', customer('cust_a'));
      await tx.put('customers', customer('cust_b', 'b@example.test'));
    });
    const { sent, result } = await recordingQueries(() =>
      store.transact(async (tx) => {
        const answers = await Promise.all([tx.get('customers', 'cust_a'), tx.findBy('customers', 'email', 'b@example.test'), tx.count('customers')]);
        await tx.put('customers', customer('cust_c'));
        return answers;
      }),
    );
    const [a, byEmail, n] = result;
    assert.equal(a?.id, 'cust_a');
    assert.deepEqual(byEmail.map((c) => c.id), ['cust_b']);
    assert.equal(n, 2);
    // BEGIN with the three reads, then the write with COMMIT.
    assert.equal(sent.length, 2, sent.join('\n---\n'));
    assert.match(sent[0]!, /^BEGIN/);
    assert.match(sent[1]!, /COMMIT$/);
    assert.equal(await store.count('customers'), 3);
  }, 1);
});

test('[postgres] a subscription read in a change brings its customer and product along: the view after it costs no round trip', async () => {
  await withOwnStore(async (store) => {
    const sub = { id: 'sub_a', merchant_id: 'mer_1', customer_id: 'cust_a', product_id: 'prod_a', status: 'active' };
    await store.transact(async (tx) => {
      await tx.put('customers', customer('cust_a'));
      await tx.put('products', { id: 'prod_a', merchant_id: 'mer_1', name: 'Pro' } as never);
      await tx.put('subscriptions', sub as never);
      await tx.put('subscriptions', { ...sub, id: 'sub_orphan', customer_id: 'cust_gone', product_id: 'prod_gone' } as never);
    });
    const { sent, result } = await recordingQueries(() =>
      store.transact(async (tx) => {
        const s = (await tx.get('subscriptions', 'sub_a'))!;
        const [c, p] = await Promise.all([tx.get('customers', s.customer_id), tx.get('products', s.product_id)]);
        await tx.put('subscriptions', { ...s, status: 'canceled' });
        return { c, p };
      }),
    );
    assert.equal(result.c?.email, 'cust_a@example.com');
    assert.equal(result.p?.name, 'Pro');
    assert.equal(sent.length, 2, sent.join('\n---\n'));
    assert.equal((await store.get('subscriptions', 'sub_a'))?.status, 'canceled');
    // What the change wrote itself wins over what came along; a reference to nothing is asked, and is nothing.
    const seen = await store.transact(async (tx) => {
      await tx.put('customers', { ...customer('cust_a'), name: 'Renamed' });
      await tx.get('subscriptions', 'sub_a');
      const orphan = (await tx.get('subscriptions', 'sub_orphan'))!;
      return { own: await tx.get('customers', 'cust_a'), gone: await tx.get('customers', orphan.customer_id) };
    });
    assert.equal(seen.own?.name, 'Renamed');
    assert.equal(seen.gone, undefined);
    // Several subscriptions read at once (an id list, not one id) bring each one's records along.
    await store.transact(async (tx) => {
      await tx.put('customers', customer('cust_b', 'b@example.com'));
      await tx.put('subscriptions', { ...sub, id: 'sub_b', customer_id: 'cust_b' } as never);
    });
    const many = await recordingQueries(() =>
      store.transact(async (tx) => {
        const subs = await Promise.all([tx.get('subscriptions', 'sub_a'), tx.get('subscriptions', 'sub_b')]);
        return Promise.all(subs.flatMap((s) => [tx.get('customers', s!.customer_id), tx.get('products', s!.product_id)]));
      }),
    );
    assert.deepEqual(many.result.map((r) => r?.id), ['cust_a', 'prod_a', 'cust_b', 'prod_a']);
    assert.equal(many.sent.length, 2, many.sent.join('\n---\n'));
  });
});

test('[postgres] the webhook endpoints an event goes to are read from memory, not asked of the database in every change', async () => {
  await withOwnStore(async (store) => {
    const endpoint = { id: 'we_1', merchant_id: 'mer_1', url: 'http://127.0.0.1:9/hook', events: [], secret: 'whsec_x', created_at: '2026-01-01T00:00:00.000Z' };
    await store.transact((tx) => tx.put('webhook_endpoints', endpoint as never));
    const { sent, result: found } = await recordingQueries(() =>
      store.transact(async (tx) => {
        const [endpoints] = await Promise.all([tx.findBy('webhook_endpoints', 'merchant_id', 'mer_1'), tx.get('customers', 'cust_a')]);
        await tx.put('customers', customer('cust_a'));
        return endpoints.map((e) => e.id);
      }),
    );
    assert.deepEqual(found, ['we_1']);
    // Only the listener's own re-read of the endpoint may name the table.
    assert.deepEqual(sent.filter((q) => /FROM webhook_endpoints WHERE merchant_id/.test(q)), [], sent.join('\n---\n'));
  }, 1);
});
