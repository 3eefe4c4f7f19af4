import assert from 'node:assert/strict';
import test from 'node:test';
import { text, textAround } from '../../server/texts/index.js';

// A server text with a count takes the form the language's plural rules pick for it.

test('English says one minute and ten minutes', () => {
  assert.match(text('en', 'intro', { merchant: 'Acme', count: 1 }), /expires in 1 minute\.$/);
  assert.match(text('en', 'intro', { merchant: 'Acme', count: 10 }), /expires in 10 minutes\.$/);
  assert.match(text('en', 'confirmWithin', { count: 1 }), /^Confirm it within 1 hour;/);
});

test('Polish has a form for one, for two to four and for five and more', () => {
  const expiry = (count: number) => /wygasa za (.+)\.$/.exec(text('pl', 'intro', { merchant: 'Acme', count }))![1];
  assert.deepEqual([1, 2, 4, 5, 10, 12, 22, 25].map(expiry), ['1 minutę', '2 minuty', '4 minuty', '5 minut', '10 minut', '12 minut', '22 minuty', '25 minut']);
});

test('Arabic has six forms: two minutes is the dual, three to ten the plural, eleven and more the singular', () => {
  const expiry = (count: number) => /خلال (.+)\.$/.exec(text('ar', 'intro', { merchant: 'Acme', count }))![1];
  assert.equal(expiry(2), '2 دقيقتين');
  assert.equal(expiry(3), '3 دقائق');
  assert.equal(expiry(10), '10 دقائق');
  assert.equal(expiry(11), '11 دقيقة');
  assert.equal(expiry(100), '100 دقيقة');
});

test('a count is written as the language writes numbers, a plain value as it is', () => {
  assert.match(text('de', 'confirmWithin', { count: 1000 }), /innerhalb von 1\.000 Stunden/);
  assert.match(text('en', 'support', { email: '1000@example.com' }), /1000@example\.com/);
});

test('a plural text splits around a placeholder like any other', () => {
  const [before, after] = textAround('de', 'sentBody', 'email', { count: 10 });
  assert.equal(before, 'Falls zu ');
  assert.equal(after, ' ein Konto existiert, ist ein Anmeldelink unterwegs. Er läuft in 10 Minuten ab.');
});
