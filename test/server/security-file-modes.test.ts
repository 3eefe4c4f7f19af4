import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LowdbStore } from '../../server/store/lowdb/lowdb-store.js';
import { ChunkedJsonFile } from '../../server/store/lowdb/chunked-json-file.js';

/**
 * Issue #16, 6: the data file holds webhook signing secrets (and hashes of every credential), so
 * only its owner may read it: 0600, its temp file too, in a 0700 directory when we create it.
 */

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

test('the data file is created 0600, in a directory only its owner can enter, and stays 0600 after writes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-perm-'));
  const file = path.join(dir, 'data', 'db.json');
  const previous = process.umask(0o022); // the usual umask: files 0644 unless asked otherwise
  try {
    const store = await LowdbStore.open(file);
    await store.transact(async (tx) => {
      await tx.put('ended_sessions', { id: 'jti_1', merchant_id: 'mer_1', customer_id: 'cust_1', expires_at: 1 });
    });
    await store.close();
    assert.equal(modeOf(file).toString(8), '600');
    assert.equal(modeOf(path.dirname(file)).toString(8), '700');
  } finally {
    process.umask(previous);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a data file left 0644 by an older version is made 0600 when the store opens it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-perm-'));
  const file = path.join(dir, 'db.json');
  try {
    const first = await LowdbStore.open(file);
    await first.transact(async (tx) => {
      await tx.put('ended_sessions', { id: 'jti_1', merchant_id: 'mer_1', customer_id: 'cust_1', expires_at: 1 });
    });
    await first.close();
    fs.chmodSync(file, 0o644);
    const store = await LowdbStore.open(file);
    assert.equal(modeOf(file).toString(8), '600');
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the data file's temp file is 0600 from the moment it exists, even when one was left 0644", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-portal-perm-'));
  const previous = process.umask(0o022);
  try {
    // The rename onto a directory fails, so the temp file stays behind to be looked at.
    const target = path.join(dir, 'db.json');
    fs.mkdirSync(target);
    const temp = path.join(dir, '.db.json.tmp');
    const adapter = new ChunkedJsonFile(target, JSON.parse);
    await assert.rejects(adapter.write([Buffer.from('{"secret":"whsec_x"}')]));
    assert.equal(modeOf(temp).toString(8), '600');
    fs.chmodSync(temp, 0o644);
    await assert.rejects(adapter.write([Buffer.from('{"secret":"whsec_y"}')]));
    assert.equal(modeOf(temp).toString(8), '600');
  } finally {
    process.umask(previous);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
