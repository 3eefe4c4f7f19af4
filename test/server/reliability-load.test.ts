import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad } from '../support/child-server.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);

test(`${SECONDS} s of mixed reads and writes at 100 connections: no errors, only 2xx, memory within 2×`, { timeout: 120_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-load-'));
  try {
    const r = await runLoad(path.join(dir, 'db.json'), SECONDS, 100);
    t.diagnostic(`load: ${JSON.stringify(r)}`);
    assert.ok(r.requests > 0);
    assert.equal(r.errors, 0);
    assert.equal(r.timeouts, 0);
    assert.equal(r.non2xx, 0);
    assert.ok(r.writes > 0, 'writes were part of the mix');
    assert.ok(r.rssAfterMb <= 2 * r.rssBeforeMb, `memory ${r.rssBeforeMb} MB → ${r.rssAfterMb} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
