import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareCrashData, runCrashRounds, crashSummary } from '../support/child-server.js';

/** The long run: 200 kill -9 rounds (CRASH_ROUNDS to change). */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 200);

test(`long crash run: ${ROUNDS} kill -9 rounds, every write is on disk as its client was told`, { timeout: 60 * 60_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-crash-long-'));
  try {
    const file = path.join(dir, 'db.json');
    const pool = await prepareCrashData(file, 400);
    const report = await runCrashRounds(file, ROUNDS, pool, (m) => t.diagnostic(m));
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
