import { test } from 'node:test';
import { fuzzEveryRoute } from '../support/fuzz-run.js';

/** The long run: at least 10,000 generated requests over every route (more with FUZZ_CASES). */
const TOTAL_CASES = Math.max(10_000, Number(process.env.FUZZ_CASES ?? 12_000));

test('long fuzz: every route, ≥ 10,000 hostile requests, no 5xx, Creem errors, refusals change nothing', { timeout: 60 * 60_000 }, async (t) => {
  await fuzzEveryRoute(t, TOTAL_CASES);
});
