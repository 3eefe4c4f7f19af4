import { html, nothing } from 'lit';
import type { CountryData } from '../../contract/countries.js';
import { formatter } from '../i18n.js';
import { msg } from '../localize.js';

/**
 * The billing form's country: a text box with the list of country names in the customer's
 * language (Intl.DisplayNames, so no names ship in the bundle) as its suggestions, which filter as
 * they type; a native combobox, so keyboard and screen readers handle it as they handle any. The
 * form sends the code. The codes and the postal-code and tax-ID examples are fetched
 * (`/widget/countries.json`) when the form first shows; until then the field keeps its value.
 */

export type { CountryData };

/** The country codes and hints (each element asks once, when its billing form first shows). */
export async function loadCountries(base: string): Promise<CountryData> {
  const res = await fetch(`${base}/widget/countries.json`);
  if (!res.ok) throw new Error('countries');
  return res.json() as Promise<CountryData>;
}

const names = (locale: string) => formatter(`r|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' }));

/** Every country as [code, name] in `locale`, in the order that language sorts them. */
const countries = (codes: readonly string[], locale: string) =>
  formatter(`c|${locale}`, () => {
    const order = new Intl.Collator(locale);
    return codes.map((code): [string, string] => [code, names(locale).of(code) ?? code]).sort((a, b) => order.compare(a[1], b[1]));
  });

/** The country's name; a code Intl cannot read (from an older record) as it is. */
export function countryName(code: string | null | undefined, locale: string) {
  try {
    return code ? names(locale).of(code) ?? code : '';
  } catch {
    return code!;
  }
}

/**
 * The code for what was typed: a name on the list (ignoring case and accents) or a code. English
 * names count too: the browser's autofill may write the country in its own language. Before the
 * list has come, none (the box then still holds the country on file, which needs no sending).
 */
export function countryCode(typed: string, locale: string, data: CountryData | undefined): string | undefined {
  const t = typed.trim();
  const same = new Intl.Collator(locale, { sensitivity: 'base' });
  const match = (l: string) => data && countries(data.codes, l).find(([code, name]) => code === t.toUpperCase() || !same.compare(name, t))?.[0];
  return match(locale) ?? match('en');
}

/**
 * The country box and its suggestions. Typing a name that is not on the list makes the field
 * invalid (the browser says why when the form is sent); choosing one tells `picked`, so the
 * postal-code and tax-ID hints can follow.
 */
export function countryField(code: string | null, locale: string, data: CountryData | undefined, picked: (code: string) => void) {
  const check = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const found = countryCode(input.value, locale, data);
    input.setCustomValidity(found || !data || !input.value.trim() ? '' : msg('Choose a country from the list.'));
    if (found) picked(found);
  };
  return html`<label
      >${msg('Country')}<input name="country" list="countries" autocomplete="country-name" .value=${countryName(code, locale)} @input=${check}
    /></label>
    ${data ? html`<datalist id="countries">${countries(data.codes, locale).map(([, name]) => html`<option value=${name}></option>`)}</datalist>` : nothing}`;
}
