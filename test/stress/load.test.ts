import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad, loadSummary } from '../support/child-server.js';

/** The long run: 60 s of mixed traffic at 100 connections (LOAD_SECONDS to change). */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

test(`long load: ${SECONDS} s at 100 connections, 0 errors, only 2xx, every acknowledged write on disk, memory within 2×`, { timeout: 10 * 60_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creem-load-long-'));
  try {
    const r = await runLoad(path.join(dir, 'db.json'), SECONDS, 100);
    t.diagnostic(`load: ${loadSummary(r)}`);
    assert.ok(r.requests > 0, 'requests were answered');
    assert.equal(r.errors, 0, 'connection errors');
    assert.equal(r.timeouts, 0, 'timeouts');
    assert.equal(r.non2xx, 0, 'answers other than 2xx');
    assert.equal(r.ok2xx, r.requests, 'every answered request got a 2xx');
    assert.ok(r.sent - r.requests <= r.connections, `${r.sent - r.requests} requests unanswered at the stop: more than one per connection hung`);
    assert.ok(r.cancels.acked > 0 && r.billing.acked > 0, 'writes of both kinds were acknowledged');
    assert.deepEqual(r.cancels.ackedMissing, [], 'every cancel answered 2xx is canceled in the data file');
    assert.ok(r.cancels.inStore <= r.cancels.sent, 'no subscription was canceled that no request asked to cancel');
    assert.equal(r.billing.echoedWrong, 0, 'every billing update answered with the name it sent');
    assert.ok(r.billing.storedWasSent, 'the stored name is one a billing update sent');
    assert.ok(r.liveAfterMb <= 2 * r.liveBeforeMb, `live memory ${r.liveBeforeMb} MB → ${r.liveAfterMb} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
