import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId, randomToken } from '../../server/ids.js';

/**
 * Ids, token ids and references come from randomToken, which hands out bytes from a pool the
 * CSPRNG refills a few kilobytes at a time. Each byte must be used once, across refills too, and
 * every base62 character must stay equally likely.
 */

const BASE62 = /^[0-9A-Za-z]+$/;

test('tokens have the asked length in base62 and never repeat, across many pool refills', () => {
  const seen = new Set<string>();
  // 20,000 tokens of 22 characters draw ~470 KB: over a hundred refills of the pool.
  for (let i = 0; i < 20_000; i++) {
    const token = randomToken();
    assert.equal(token.length, 22);
    assert.match(token, BASE62);
    assert.ok(!seen.has(token), `repeated: ${token}`);
    seen.add(token);
  }
  for (const length of [1, 8, 16, 32, 100, 5000]) {
    const token = randomToken(length);
    assert.equal(token.length, length);
    assert.match(token, BASE62);
  }
  assert.match(newId('sub'), /^sub_[0-9A-Za-z]{22}$/);
});

test('no stretch of a token repeats in the next one (no byte is handed out twice)', () => {
  // Shared 8-character runs between consecutive tokens would mean reused pool bytes.
  let previous = randomToken(64);
  for (let i = 0; i < 5_000; i++) {
    const next = randomToken(64);
    for (let at = 0; at + 8 <= 64; at += 8) assert.ok(!previous.includes(next.slice(at, at + 8)), `${previous} / ${next}`);
    previous = next;
  }
});

test('every base62 character is equally likely (chi-squared over 620,000 characters)', () => {
  const counts = new Map<string, number>();
  for (const c of randomToken(620_000)) counts.set(c, (counts.get(c) ?? 0) + 1);
  assert.equal(counts.size, 62);
  const expected = 10_000;
  let chi = 0;
  for (const n of counts.values()) chi += (n - expected) ** 2 / expected;
  // 61 degrees of freedom: above 110 happens by chance about once in 10,000 runs. A modulo bias
  // (bytes 248-255 kept) puts the first eight characters ~3 % high: chi-squared in the hundreds.
  assert.ok(chi < 110, `chi-squared ${chi.toFixed(1)}`);
});
