import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad } from '../support/child-server.js';

/** The long run: 60 s of mixed traffic at 100 connections (LOAD_SECONDS to change). */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

test(`long load: ${SECONDS} s at 100 connections, 0 errors, only 2xx, memory within 2×`, { timeout: 10 * 60_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-load-long-'));
  try {
    const r = await runLoad(path.join(dir, 'db.json'), SECONDS, 100);
    t.diagnostic(`load: ${JSON.stringify(r)}`);
    assert.equal(r.errors, 0);
    assert.equal(r.timeouts, 0);
    assert.equal(r.non2xx, 0);
    assert.ok(r.rssAfterMb <= 2 * r.rssBeforeMb, `memory ${r.rssBeforeMb} MB → ${r.rssAfterMb} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
