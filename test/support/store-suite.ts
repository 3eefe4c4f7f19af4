import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../server/store/interface.js';
import type { Customer } from '../../server/store/schema.js';
import { newCustomer } from '../../server/domain/customers.js';

/** An engine under test: a fresh, empty store, and a way to close it and open the same data again. */
export interface EngineHarness {
  open(): Promise<Store>;
  /** Closes `store` and opens the same data anew (another process would see this). */
  reopen(store: Store): Promise<Store>;
  /** Removes whatever `open` created. */
  cleanup(): Promise<void>;
  /** A second store on the same data at the same time, as another process has it: only engines that allow several. */
  openAnother?(): Promise<Store>;
}

export const customer = (id: string, email = `${id}@example.com`): Customer =>
  newCustomer({ id, merchant_id: 'mer_1', mode: 'test', email, created_at: '2026-01-01T00:00:00.000Z' });

/**
 * The store interface's own rules, written once: every engine (lowdb, PostgreSQL) runs through
 * these with `storeSuite('<engine>', harness)`. The domain relies on exactly these guarantees.
 */
export function storeSuite(engine: string, makeHarness: () => EngineHarness) {
  const withStore = (name: string, body: (store: Store, h: EngineHarness) => Promise<Store | void>) =>
    test(`[${engine}] ${name}`, async () => {
      const h = makeHarness();
      let store = await h.open();
      try {
        store = (await body(store, h)) ?? store;
      } finally {
        await store.close();
        await h.cleanup();
      }
    });

  withStore('a committed write is durable when transact resolves: reopening the data finds it', async (store, h) => {
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    const again = await h.reopen(store);
    assert.equal((await again.get('customers', 'cust_a'))?.email, 'cust_a@example.com');
    return again;
  });

  withStore('a transaction started inside another is refused (it must use the tx it was given), and nothing of it is kept', async (store) => {
    await assert.rejects(
      store.transact(async (tx) => {
        await tx.put('customers', customer('cust_outer'));
        await store.transact((inner) => inner.put('customers', customer('cust_inner')));
      }),
      /called inside a transaction/,
    );
    assert.equal(await store.get('customers', 'cust_outer'), undefined);
    assert.equal(await store.get('customers', 'cust_inner'), undefined);
  });

  withStore('a transaction that throws leaves nothing behind, even after reopening', async (store, h) => {
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    await assert.rejects(
      store.transact(async (tx) => {
        await tx.put('customers', customer('cust_b'));
        await tx.put('customers', { ...customer('cust_a'), name: 'Changed' });
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.equal(await store.get('customers', 'cust_b'), undefined);
    assert.equal((await store.get('customers', 'cust_a'))?.name, null);
    const again = await h.reopen(store);
    assert.equal(await again.get('customers', 'cust_b'), undefined);
    assert.equal((await again.get('customers', 'cust_a'))?.name, null);
    return again;
  });

  withStore('a change that throws while queries it started are still running leaves nothing of them behind', async (store, h) => {
    await assert.rejects(
      store.transact(async (tx) => {
        // Started, never awaited: the transaction must still own them when it ends.
        void tx.all('customers');
        void tx.put('customers', customer('cust_late'));
        throw new Error('refused');
      }),
      /refused/,
    );
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await store.get('customers', 'cust_late'), undefined);
    const again = await h.reopen(store);
    assert.equal(await again.get('customers', 'cust_late'), undefined);
    return again;
  });

  withStore('transact passes the callback\u2019s result through; a transaction that writes nothing also resolves', async (store) => {
    assert.equal(await store.transact(async () => 42), 42);
    assert.deepEqual(await store.transact(async (tx) => (await tx.put('customers', customer('cust_a'))).id), 'cust_a');
  });

  withStore('findBy and findOneBy follow puts, updates and deletes', async (store) => {
    await store.transact((tx) => tx.put('customers', customer('cust_a', 'old@example.com')));
    await store.transact(async (tx) => tx.put('customers', { ...(await tx.get('customers', 'cust_a'))!, email: 'new@example.com' }));
    assert.deepEqual(await store.findBy('customers', 'email', 'old@example.com'), []);
    assert.equal((await store.findOneBy('customers', 'email', 'new@example.com'))?.id, 'cust_a');
    await store.transact((tx) => tx.delete('customers', 'cust_a'));
    assert.deepEqual(await store.findBy('customers', 'email', 'new@example.com'), []);
    assert.equal(await store.get('customers', 'cust_a'), undefined);
    assert.equal(await store.count('customers'), 0);
  });

  withStore('lists keep insertion order; an update keeps its place, a delete and re-insert goes last', async (store) => {
    for (const id of ['cust_1', 'cust_2', 'cust_3']) await store.transact((tx) => tx.put('customers', { ...customer(id), merchant_id: 'mer_x' }));
    await store.transact(async (tx) => tx.put('customers', { ...(await tx.get('customers', 'cust_1'))!, name: 'Updated' }));
    const ids = async () => (await store.findBy('customers', 'merchant_id', 'mer_x')).map((c) => c.id);
    assert.deepEqual(await ids(), ['cust_1', 'cust_2', 'cust_3']);
    assert.deepEqual((await store.all('customers')).map((c) => c.id), ['cust_1', 'cust_2', 'cust_3']);
    await store.transact(async (tx) => {
      await tx.delete('customers', 'cust_2');
      await tx.put('customers', { ...customer('cust_2'), merchant_id: 'mer_x' });
    });
    assert.deepEqual(await ids(), ['cust_1', 'cust_3', 'cust_2']);
  });

  withStore('many writes in one transaction, over several collections, land as written: order, updates in place, a delete and re-insert last', async (store) => {
    for (const id of ['cust_1', 'cust_2']) await store.transact((tx) => tx.put('customers', { ...customer(id), merchant_id: 'mer_x' }));
    await store.transact(async (tx) => {
      await tx.put('customers', { ...customer('cust_3'), merchant_id: 'mer_x' });
      await tx.put('customers', { ...customer('cust_1'), merchant_id: 'mer_x', name: 'First' });
      await tx.put('merchants', { id: 'mer_x', name: 'X' } as never);
      await tx.delete('customers', 'cust_2');
      await tx.put('customers', { ...customer('cust_2'), merchant_id: 'mer_x', name: 'Back' });
      await tx.put('customers', { ...customer('cust_4'), merchant_id: 'mer_x' });
      await tx.put('customers', { ...customer('cust_1'), merchant_id: 'mer_x', name: 'Second' });
      await tx.put('customers', { ...customer('cust_5'), merchant_id: 'mer_x' });
      await tx.delete('customers', 'cust_5');
    });
    const found = await store.findBy('customers', 'merchant_id', 'mer_x');
    assert.deepEqual(
      found.map((c) => [c.id, c.name]),
      [
        ['cust_1', 'Second'],
        ['cust_3', null],
        ['cust_2', 'Back'],
        ['cust_4', null],
      ],
    );
    assert.equal((await store.get('merchants', 'mer_x'))?.name, 'X');
    assert.equal(await store.get('customers', 'cust_5'), undefined);
  });

  withStore('reads by id asked at once, over several collections, each get their own record (or nothing), inside and outside a transaction', async (store) => {
    await store.transact(async (tx) => {
      await tx.put('customers', customer('cust_a'));
      await tx.put('customers', customer('cust_b'));
      await tx.put('merchants', { id: 'mer_x', name: 'X' } as never);
    });
    const ask = (r: Pick<Store, 'get'>) =>
      Promise.all([r.get('customers', 'cust_b'), r.get('merchants', 'mer_x'), r.get('customers', 'cust_none'), r.get('customers', 'cust_a'), r.get('customers', 'cust_b'), r.get('merchants', 'cust_a')]);
    for (const got of [await ask(store), await store.transact((tx) => ask(tx))]) {
      assert.deepEqual(
        got.map((r) => r?.id ?? null),
        ['cust_b', 'mer_x', null, 'cust_a', 'cust_b', null],
      );
    }
  });

  withStore('any text is kept exactly: quotes, backslashes, dollar signs, line breaks, emoji', async (store) => {
    const names = [`O'Brien \\ "quoted" $1 $$ \n\t ☃ 🧾`, `E'\\x41' ''; DROP TABLE customers; --`];
    await store.transact((tx) => tx.put('customers', { ...customer('cust_a'), name: names[0]! }));
    await store.transact(async (tx) => {
      await tx.put('customers', { ...customer('cust_b'), name: names[1]! });
      await tx.put('customers', { ...customer('cust_c'), name: names[0]! });
    });
    assert.deepEqual((await store.all('customers')).map((c) => c.name), [names[0], names[1], names[0]]);
  });

  withStore('reads through a transaction see its own writes', async (store) => {
    await store.transact((tx) => tx.put('customers', { ...customer('cust_a'), merchant_id: 'mer_x' }));
    await store.transact(async (tx) => {
      await tx.put('customers', { ...customer('cust_b'), merchant_id: 'mer_x' });
      await tx.delete('customers', 'cust_a');
      assert.equal(await tx.get('customers', 'cust_a'), undefined);
      assert.equal((await tx.get('customers', 'cust_b'))?.id, 'cust_b');
      assert.deepEqual((await tx.findBy('customers', 'merchant_id', 'mer_x')).map((c) => c.id), ['cust_b']);
      assert.deepEqual((await tx.all('customers')).map((c) => c.id), ['cust_b']);
      assert.equal(await tx.count('customers'), 1);
    });
  });

  withStore('nobody sees a transaction half made: readers outside it see none of its writes until it commits', async (store) => {
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const running = store.transact(async (tx) => {
      await tx.put('customers', customer('cust_b'));
      await tx.put('customers', { ...customer('cust_a'), name: 'Half' });
      wrote();
      await gate;
    });
    await written;
    assert.equal(await store.get('customers', 'cust_b'), undefined, 'an uncommitted insert is invisible');
    assert.equal((await store.get('customers', 'cust_a'))?.name, null, 'an uncommitted update is invisible');
    release();
    await running;
    assert.equal((await store.get('customers', 'cust_b'))?.id, 'cust_b');
    assert.equal((await store.get('customers', 'cust_a'))?.name, 'Half');
  });

  withStore('concurrent read-modify-write transactions lose no update', async (store) => {
    await store.transact((tx) => tx.put('customers', { ...customer('cust_n'), metadata: { n: 0 } }));
    const bumps = 60;
    await Promise.all(
      Array.from({ length: bumps }, () =>
        store.transact(async (tx) => {
          const c = (await tx.get('customers', 'cust_n'))!;
          await tx.put('customers', { ...c, metadata: { n: (c.metadata.n as number) + 1 } });
        }),
      ),
    );
    assert.equal((await store.get('customers', 'cust_n'))!.metadata.n, bumps);
  });

  withStore('concurrent inserts are all kept', async (store, h) => {
    await Promise.all(Array.from({ length: 120 }, (_, i) => store.transact((tx) => tx.put('customers', customer(`cust_${i}`)))));
    const again = await h.reopen(store);
    assert.equal(await again.count('customers'), 120);
    return again;
  });

  withStore('only one of many concurrent "check then change" transactions wins', async (store) => {
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.transact(async (tx) => {
          const c = (await tx.get('customers', 'cust_a'))!;
          if (c.name !== null) throw new Error('already named');
          await tx.put('customers', { ...c, name: `winner ${i}` });
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });

  withStore('a record handed out cannot change the store behind its back', async (store) => {
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    const copy = (await store.get('customers', 'cust_a')) as { name: string | null };
    try {
      copy.name = 'mutated';
    } catch {
      // frozen: refused outright, which is fine too
    }
    assert.equal((await store.get('customers', 'cust_a'))?.name, null);
  });

  withStore('a transaction cannot start another transaction (it would wait for itself)', async (store) => {
    await assert.rejects(store.transact(async () => store.transact(async () => 1)));
    // The store still works afterwards.
    await store.transact((tx) => tx.put('customers', customer('cust_a')));
    assert.ok(await store.get('customers', 'cust_a'));
  });

  const limit = { max: 3, windowMs: 60_000 };

  withStore('coordination: a window allows `max` hits, refuses the next until the oldest leaves it', async (store) => {
    const c = store.coordination;
    for (let i = 0; i < 3; i++) assert.equal((await c.hit('k', limit, 1_000 + i, true)).ok, true);
    // The refused hit counts too: the window has room once two of the four have left it.
    assert.deepEqual(await c.hit('k', limit, 2_000, true), { ok: false, retryAfterMs: 1_001 + 60_000 - 2_000 });
    // Another key has a window of its own.
    assert.equal((await c.hit('other', limit, 2_000, true)).ok, true);
    // Hammering keeps it shut: three refusals at 30 s fill the window again past the first hits' expiry.
    for (let i = 0; i < 3; i++) assert.equal((await c.hit('k', limit, 30_000 + i, true)).ok, false);
    assert.equal((await c.hit('k', limit, 61_500, true)).ok, false);
    assert.equal((await c.hit('k', limit, 91_600, true)).ok, true);
  });

  withStore('coordination: without countRefused, refusals never extend the window', async (store) => {
    const c = store.coordination;
    for (let i = 0; i < 3; i++) await c.hit('k', limit, 1_000, false);
    for (let i = 0; i < 10; i++) assert.equal((await c.hit('k', limit, 30_000 + i, false)).ok, false);
    assert.equal((await c.hit('k', limit, 61_001, false)).ok, true);
  });

  withStore('coordination: a lease has one holder until it is released or runs out', async (store) => {
    const c = store.coordination;
    const first = await c.acquire('job', 1_000, 5_000);
    assert.ok(first);
    assert.equal(await c.acquire('job', 2_000, 5_000), null);
    await c.release('job', 'not-the-holder');
    assert.equal(await c.acquire('job', 2_000, 5_000), null);
    await c.release('job', first);
    const second = await c.acquire('job', 2_000, 5_000);
    assert.ok(second && second !== first);
    // Ran out: someone else may take it, and the old holder's release no longer frees it.
    const third = await c.acquire('job', 7_001, 5_000);
    assert.ok(third);
    await c.release('job', second);
    assert.equal(await c.acquire('job', 7_002, 5_000), null);
  });

  withStore('coordination: a bump gives a stamp never seen before; sweep forgets what ran out', async (store) => {
    const c = store.coordination;
    assert.equal(await c.stamp('cust_a'), '');
    await c.bump('cust_a', 1_000);
    const one = await c.stamp('cust_a');
    await c.bump('cust_a', 2_000);
    const two = await c.stamp('cust_a');
    assert.ok(one && two && one !== two);
    assert.equal(await c.stamp('cust_b'), '');
    await c.hit('k', limit, 1_000, true);
    await c.acquire('job', 1_000, 5_000);
    assert.equal(await c.sweep(10_000), 1, 'the lease ran out; the window and the stamp still matter');
    assert.equal(await c.sweep(1_000 + 60_000), 1, 'then the window');
    assert.equal(await c.stamp('cust_a'), two);
    assert.equal(await c.sweep(2_000 + 24 * 60 * 60_000), 1, 'a day later the stamp');
    assert.equal(await c.stamp('cust_a'), '');
  });

  const shared = makeHarness().openAnother !== undefined;
  test(`[${engine}] coordination is shared by every store on the same data: one budget, one lease holder, one stamp`, { skip: !shared && 'one process per data on this engine' }, async () => {
    const h = makeHarness();
    const a = await h.open();
    const b = await h.openAnother!();
    try {
      const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).coordination.hit('k', { max: 5, windowMs: 60_000 }, 1_000, false)));
      assert.equal(hits.filter((v) => v.ok).length, 5, 'five allowed in all, not five per store');
      const holders = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).coordination.acquire('job', 1_000, 5_000)));
      assert.equal(holders.filter(Boolean).length, 1);
      await a.coordination.bump('cust_a', 1_000);
      assert.equal(await b.coordination.stamp('cust_a'), await a.coordination.stamp('cust_a'));
      assert.notEqual(await b.coordination.stamp('cust_a'), '');
    } finally {
      await b.close();
      await a.close();
      await h.cleanup();
    }
  });
}
