import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareCrashData, runCrashRounds } from '../support/child-server.js';

/** The long run: 200 kill -9 rounds (CRASH_ROUNDS to change). */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 200);

test(`long crash run: ${ROUNDS} kill -9 rounds, every acknowledged write survives`, { timeout: 60 * 60_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-crash-long-'));
  try {
    const file = path.join(dir, 'db.json');
    const pool = await prepareCrashData(file, 400);
    const report = await runCrashRounds(file, ROUNDS, pool, (m) => t.diagnostic(m));
    t.diagnostic(`crash: ${JSON.stringify(report)}`);
    assert.equal(report.rounds, ROUNDS);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
