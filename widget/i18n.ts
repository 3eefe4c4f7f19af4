import type { Locale } from '../contract/locales.js';
import { entry, fill, setLocale, type Catalog, type PluralForms } from './localize.js';

/**
 * Switch the active message catalog: JSON `{ "English source with {0}": "Translation with {0}" }`
 * (a count's entry: `{ "one": …, "few": …, "other": … }`) fetched from beside the bundle, never
 * `import()`ed: the classic-script build would inline every locale. One catalog is active per
 * bundle, so elements on one page share it; numbers and dates follow each element's own locale.
 */
export function useLocale(locale: Locale, base: string): Promise<void> {
  return setLocale(locale, async (l) => {
    const res = await fetch(`${base}/widget/locales/${l}.json`);
    if (!res.ok) throw new Error(l);
    return (await res.json()) as Catalog;
  });
}

// Building an Intl formatter costs far more than using one, and a list formats many rows.
const formatters = new Map<string, object>();
export function formatter<T extends object>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * Builds a locale's money and date formatters ahead, while the first request is in flight: the
 * first of each that a fresh page builds loads Intl's data for the locale (some 25 ms on a slow
 * machine), which would otherwise come between the answer and the first screen.
 */
export function warmFormatters(locale: string) {
  money(0, 'USD', locale);
  day(0, locale);
}

/**
 * The same, once the page is idle after the bundle has loaded: the one-time part of that cost (Intl's
 * setup in a fresh page, ~20 ms here, whatever the locale) is then paid before a portal is shown,
 * where the page loads the bundle first (an app's route, a tab, a dialog). An element that appears
 * at once still warms its own locale while its first request is in flight.
 */
export const warmWhenIdle = (locale: () => string) => (globalThis.requestIdleCallback ?? setTimeout)(() => warmFormatters(locale()));

export const money = (cents: number, currency: string, locale: string) =>
  formatter(`n|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(cents / 100);

export const day = (value: string | number | null | undefined, locale: string) =>
  value == null || value === ''
    ? ''
    : formatter(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(value));

/** "in 3 days", "tomorrow": Intl picks the plural form for each language. */
export function fromNow(value: string, locale: string) {
  const days = Math.round((Date.parse(value) - Date.now()) / 864e5);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/**
 * A message with a count, in the form the language's plural rules choose for `n`: `{0}` is `n`
 * (formatted in `locale`), `{1}`… the further values. Keyed by the English `other` form; a
 * catalog's entry holds one form per category its language has, and a category it lacks falls
 * back to `other`.
 */
export function plural(locale: string, n: number, forms: { one: string; other: string }, ...values: unknown[]): string {
  const found = entry(forms.other);
  const f: PluralForms = typeof found === 'object' ? found : forms;
  const category = formatter(`p|${locale}`, () => new Intl.PluralRules(locale)).select(n);
  return fill(f[category] ?? f.other, [n.toLocaleString(locale), ...values]);
}
