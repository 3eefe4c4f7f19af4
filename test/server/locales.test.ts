import assert from 'node:assert/strict';
import test from 'node:test';
import { LOCALES, TRANSLATED, acceptLanguages, closestLocale, negotiate, textDirection } from '../../contract/locales.js';

// The one negotiation the element, the mails and the hosted pages share (contract/locales.ts).

const closest = (tag: string) => closestLocale(tag)?.locale;

test('the portal speaks 51 locales, four of them right to left', () => {
  assert.equal(LOCALES.length, 51);
  assert.equal(new Set(LOCALES).size, 51);
  assert.deepEqual(LOCALES.filter((l) => textDirection(l) === 'rtl'), ['ar', 'he', 'fa', 'ur']);
  for (const l of TRANSLATED) assert.ok(LOCALES.includes(l), `${l} is a locale`);
});

test('every locale matches itself, whatever its case or separator', () => {
  for (const l of LOCALES) {
    assert.equal(closest(l), l);
    assert.equal(closest(l.toUpperCase()), l);
    assert.equal(closest(l.replace('-', '_')), l);
  }
});

const cases: [asked: string, expected: string][] = [
  // Portuguese: Brazil's unless it is Portugal's
  ['pt', 'pt-BR'],
  ['pt-AO', 'pt-BR'],
  ['pt-MZ', 'pt-BR'],
  ['pt-PT', 'pt-PT'],
  // Chinese by script: traditional for Taiwan, Hong Kong and Macau, simplified otherwise
  ['zh', 'zh-CN'],
  ['zh-Hans', 'zh-CN'],
  ['zh-Hans-HK', 'zh-CN'],
  ['zh-SG', 'zh-CN'],
  ['zh-Hant', 'zh-TW'],
  ['zh-Hant-HK', 'zh-TW'],
  ['zh-HK', 'zh-TW'],
  ['zh-MO', 'zh-TW'],
  // Spanish: Latin America's for the Americas, Spain's otherwise
  ['es', 'es'],
  ['es-ES', 'es'],
  ['es-GQ', 'es'],
  ['es-MX', 'es-419'],
  ['es-AR', 'es-419'],
  ['es-CO', 'es-419'],
  ['es-US', 'es-419'],
  ['es-419', 'es-419'],
  // French: Canada's or France's
  ['fr-CA', 'fr-CA'],
  ['fr-BE', 'fr'],
  ['fr-CH', 'fr'],
  // Norwegian
  ['nb-NO', 'nb'],
  ['no', 'nb'],
  ['nn', 'nb'],
  // English: US usage in the US, British everywhere else
  ['en', 'en'],
  ['en-US', 'en'],
  ['en-PR', 'en'],
  ['en-GB', 'en-GB'],
  ['en-AU', 'en-GB'],
  ['en-IE', 'en-GB'],
  ['en-NZ', 'en-GB'],
  ['en-IN', 'en-GB'],
  ['en-CA', 'en-GB'],
  // Old and alternative codes
  ['tl', 'fil'],
  ['fil-PH', 'fil'],
  ['iw', 'he'],
  ['in', 'id'],
  ['mo', 'ro'],
  // Serbian in either script gets the Cyrillic catalog
  ['sr-Latn', 'sr'],
  ['sr-Cyrl', 'sr'],
  ['sr-ME', 'sr'],
  ['sh', 'sr'],
  // A region or script the catalog does not name
  ['de-AT', 'de'],
  ['de-CH', 'de'],
  ['ar-EG', 'ar'],
  ['fa-AF', 'fa'],
  ['ms-SG', 'ms'],
  ['bn-IN', 'bn'],
  ['ta-LK', 'ta'],
  ['sw-KE', 'sw'],
];

test('script- and region-aware fallbacks pick the closest catalog', () => {
  for (const [asked, expected] of cases) assert.equal(closest(asked), expected, asked);
});

test('a language no catalog speaks, or no language tag at all, matches nothing', () => {
  for (const tag of ['ga', 'cy-GB', 'xx', 'tlh', '', ' ', '*', 'de--DE', '12', 'not a tag', 'x-private']) assert.equal(closest(tag), undefined, tag);
});

test('the tag asked for is kept, canonical, for formatting numbers and dates', () => {
  assert.deepEqual(closestLocale('de_at'), { locale: 'de', tag: 'de-AT' });
  assert.deepEqual(closestLocale('es-mx'), { locale: 'es-419', tag: 'es-MX' });
  assert.deepEqual(closestLocale('iw-IL'), { locale: 'he', tag: 'he-IL' });
  assert.deepEqual(closestLocale('zh-hant-hk'), { locale: 'zh-TW', tag: 'zh-Hant-HK' });
});

test('negotiation takes the first candidate a translated catalog speaks, else English', () => {
  assert.deepEqual(negotiate(undefined, null, '', 'xx', 'de-AT', 'fr'), { locale: 'de', tag: 'de-AT' });
  assert.deepEqual(negotiate('ga', 'tlh'), { locale: 'en', tag: 'en' });
  assert.deepEqual(negotiate(), { locale: 'en', tag: 'en' });
  assert.deepEqual(negotiate('pt', 'de'), { locale: 'pt-BR', tag: 'pt' });
});

test('a language no catalog speaks is passed over for the next candidate, else English; a region without its own catalog gets its language\'s', () => {
  assert.ok(!LOCALES.some((l) => l.startsWith('ga') || l.startsWith('cy')), 'Irish and Welsh have no catalog');
  assert.deepEqual(negotiate('ga', 'ja'), { locale: 'ja', tag: 'ja' });
  assert.deepEqual(negotiate('cy-GB', 'ga'), { locale: 'en', tag: 'en' });
  assert.deepEqual(negotiate('de-CH'), { locale: 'de', tag: 'de-CH' });
  assert.equal(TRANSLATED.length, LOCALES.length, 'every catalog is offered');
});

test("a catalog's own tag takes the short way (no Intl.Locale), with the same answer as the long way", () => {
  for (const l of TRANSLATED) {
    // Padded, the tag is not a catalog's exactly, so it goes through Intl.Locale and maximize().
    assert.deepEqual(negotiate(` ${l} `), { locale: l, tag: l }, l);
    assert.deepEqual(negotiate(l), { locale: l, tag: l }, l);
  }
});

test('Accept-Language tags come best first, ties in header order, q=0 dropped', () => {
  assert.deepEqual(acceptLanguages('fr;q=0.5, de-AT, *;q=0.1, en;q=0, pt-BR;q=0.5'), ['de-AT', 'fr', 'pt-BR']);
  assert.deepEqual(acceptLanguages(''), []);
  assert.equal(negotiate(...acceptLanguages('ga, nl-BE;q=0.9, de;q=0.8')).locale, 'nl');
});
