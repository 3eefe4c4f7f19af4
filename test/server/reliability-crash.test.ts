import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareCrashData, runCrashRounds, crashSummary, startServer, expectStartFailure, http, CHILD_DEMO_KEY } from '../support/child-server.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'creem-crash-'));

test(`kill -9 during concurrent writes, ${ROUNDS} rounds: the file always parses and holds every acknowledged write`, { timeout: 180_000 }, async (t) => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'db.json');
    const pool = await prepareCrashData(file, 400);
    const report = await runCrashRounds(file, ROUNDS, pool);
    t.diagnostic(`crash: ${crashSummary(report)}`);
    const { writes, violations } = report;
    assert.deepEqual(violations.file, [], 'the data file parses after every kill');
    assert.deepEqual(violations.acked, [], 'every write answered 2xx is on disk, whole');
    assert.deepEqual(violations.refused, [], 'no write answered 4xx/5xx left anything on disk');
    assert.deepEqual(violations.notSent, [], 'no write whose connection was refused is on disk');
    assert.deepEqual(violations.unknown, [], 'a write cut off mid-request is on disk whole or not at all');
    assert.equal(report.rounds, ROUNDS);
    assert.ok(writes.merchantCancel.acked > 0 && writes.portalCancel.acked > 0 && writes.token.acked > 0, 'cancels and token mints were acknowledged before the kills');
    assert.ok(writes.support.acked + writes.support.refused > 0, 'support requests were answered');
    assert.ok(Object.values(writes).some((c) => c.unknown > 0), 'kills landed mid-request');
    assert.equal(report.tokensReverified, writes.token.acked, 'every token answered 201 was used again after a restart');
    assert.deepEqual(Object.keys(report.refusals).filter((k) => k !== 'support 429'), [], 'valid writes are refused only by the support rate limit');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the server refuses to start on a half-written data file, says why, and leaves the file untouched', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'db.json');
    await prepareCrashData(file, 3);
    const whole = fs.readFileSync(file);
    for (const broken of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.alloc(0), Buffer.from('{"version":1}'), Buffer.from('[1,2,3]')]) {
      fs.writeFileSync(file, broken);
      const failure = await expectStartFailure({ dataFile: file });
      assert.equal(failure.code, 1);
      assert.match(failure.err, /cannot start: The data file .*db\.json (is not valid JSON|is not a creem-portal store|is damaged)/);
      assert.match(failure.err, /left untouched|damaged/);
      assert.ok(fs.readFileSync(file).equals(broken), 'the broken file is left exactly as it was');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a second server on the same data file refuses to start while the first keeps serving', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  const file = path.join(dir, 'db.json');
  let first: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    first = await startServer({ dataFile: file });
    const failure = await expectStartFailure({ dataFile: file });
    assert.equal(failure.code, 1);
    assert.match(failure.err, new RegExp(`in use by another creem-portal server \\(pid ${first.pid}\\)`));
    const still = await http(first.url, 'GET', '/v1/customers?email=ada%40example.com', { key: CHILD_DEMO_KEY });
    assert.equal(still.status, 200);
  } finally {
    await first?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
