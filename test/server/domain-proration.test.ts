import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { prorate, unusedFraction } from '../../server/domain/proration.js';

const DAY = 86_400_000;
const period = { periodStartMs: 0, periodEndMs: 30 * DAY };

test('halfway through the period: credit half the old price, charge half the new one', () => {
  const r = prorate({ oldPrice: 1000, oldUnits: 1, newPrice: 2000, newUnits: 1, ...period, nowMs: 15 * DAY, behavior: 'proration-charge-immediately' });
  assert.deepEqual(r, { credit: 500, charge: 1000, net: 500 });
});

test('units multiply the price on both sides, and a downgrade gives a negative net', () => {
  const r = prorate({ oldPrice: 2900, oldUnits: 3, newPrice: 900, newUnits: 2, ...period, nowMs: 20 * DAY, behavior: 'proration-charge-immediately' });
  assert.deepEqual(r, { credit: Math.round(8700 / 3), charge: Math.round(1800 / 3), net: Math.round(1800 / 3) - Math.round(8700 / 3) });
  assert.ok(r.net < 0);
});

test('proration-charge (deprecated) behaves like proration-charge-immediately', () => {
  const input = { oldPrice: 1234, oldUnits: 2, newPrice: 4321, newUnits: 1, ...period, nowMs: 7 * DAY } as const;
  assert.deepEqual(prorate({ ...input, behavior: 'proration-charge' }), prorate({ ...input, behavior: 'proration-charge-immediately' }));
});

test('proration-none moves no money now', () => {
  assert.deepEqual(prorate({ oldPrice: 1000, oldUnits: 1, newPrice: 9000, newUnits: 4, ...period, nowMs: DAY, behavior: 'proration-none' }), { credit: 0, charge: 0, net: 0 });
});

test('each amount is rounded to whole cents on its own', () => {
  // f = 1/3: 100/3 = 33.33 → 33, 200/3 = 66.67 → 67; the net is 34, not round(33.33).
  const r = prorate({ oldPrice: 100, oldUnits: 1, newPrice: 200, newUnits: 1, ...period, nowMs: 20 * DAY, behavior: 'proration-charge-immediately' });
  assert.deepEqual(r, { credit: 33, charge: 67, net: 34 });
});

test('the unused fraction is clamped: before the start it is 1, after the end 0, and an empty period is 0', () => {
  assert.equal(unusedFraction(10, 20, 0), 1);
  assert.equal(unusedFraction(10, 20, 25), 0);
  assert.equal(unusedFraction(10, 10, 10), 0);
  assert.equal(unusedFraction(0, 4, 1), 0.75);
});

test('for any prices, units and time: integer cents, net = charge − credit, never more than a full period', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: -40, max: 40 }),
      (oldPrice, oldUnits, newPrice, newUnits, day) => {
        const r = prorate({ oldPrice, oldUnits, newPrice, newUnits, ...period, nowMs: day * DAY, behavior: 'proration-charge-immediately' });
        return (
          Number.isInteger(r.credit) &&
          Number.isInteger(r.charge) &&
          r.net === r.charge - r.credit &&
          r.credit >= 0 &&
          r.credit <= oldPrice * oldUnits &&
          r.charge >= 0 &&
          r.charge <= newPrice * newUnits
        );
      },
    ),
  );
});
