import { test } from 'node:test';
import { fuzzEveryRoute } from '../support/fuzz-run.js';

/** The fast slice for `npm test`; test/stress/fuzz.test.ts runs ≥ 10,000 cases. */
const TOTAL_CASES = Number(process.env.FUZZ_CASES ?? 1_800);

test('every route answers generated hostile requests without a 5xx, with Creem errors, and refusals change nothing', async (t) => {
  await fuzzEveryRoute(t, TOTAL_CASES, 25);
});
