import assert from 'node:assert/strict';
import test from 'node:test';
import { LOCALES } from '../../contract/locales.js';
import { COUNTRIES, COUNTRY_HINTS } from '../../contract/countries.js';
import { isCountry } from '../../contract/text.js';
import { BillingUpdate } from '../../contract/portal.js';

// Every two-letter region Intl knows that is not on the list, and why.
const NOT_COUNTRIES = {
  'groupings and placeholders': 'EU EZ UN QO ZZ XA XB',
  'parts of a country, reserved by ISO for other uses': 'AC CP CQ DG EA IC TA',
  'retired codes Intl still names': 'AN BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR',
};

test('the country list is every region Intl names, but for groupings, parts and retired codes: 249 ISO 3166-1 codes and XK', () => {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const named: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) if (names.of(String.fromCharCode(a, b))) named.push(String.fromCharCode(a, b));
  const excluded = new Set(Object.values(NOT_COUNTRIES).join(' ').split(' '));
  assert.deepEqual(COUNTRIES, named.filter((c) => !excluded.has(c)));
  assert.equal(COUNTRIES.length, 250);
  assert.ok(COUNTRIES.includes('XK'));
});

test('the hints are for countries on the list and are values the billing form accepts', () => {
  for (const [code, [postal, taxId]] of Object.entries(COUNTRY_HINTS)) {
    assert.ok(COUNTRIES.includes(code), code);
    const r = BillingUpdate.safeParse({ country: code, tax_id: taxId, address: { line1: 'x', city: 'x', postal_code: postal } });
    assert.ok(r.success, `${code}: ${JSON.stringify(r.error?.issues)}`);
  }
});

test('every country has a name of its own in every language the portal speaks', () => {
  for (const locale of LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of COUNTRIES) assert.ok(names.of(code) && names.of(code) !== code, `${locale} names ${code}`);
  }
});

test('billing accepts real countries only: no EU, UN, pseudo-regions or retired codes', () => {
  for (const code of ['DE', 'US', 'JP', 'XK', 'AQ']) assert.equal(isCountry(code), true, code);
  for (const code of ['EU', 'EZ', 'UN', 'UK', 'ZZ', 'QO', 'XA', 'XB', 'AC', 'DD', 'SU', 'YU', 'BU', 'de', 'D', 'DEU', '']) assert.equal(isCountry(code), false, code);
});
