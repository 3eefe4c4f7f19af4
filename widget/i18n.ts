import { configureLocalization, str, type LocaleModule } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { LOCALES, matchLocale, type Locale } from '../contract/locales.js';

/** Catalogs fetched at run time; English is the source and is built in. */
const TARGET_LOCALES = LOCALES.filter((l) => l !== 'en');

let catalogBase = '';
let l10n: ReturnType<typeof configureLocalization> | undefined;

/**
 * The catalog for a BCP 47 tag, and the tag numbers and dates are formatted in: the exact regional
 * variant asked for (en-GB, de-AT…) when the catalog speaks its language, else the catalog's own.
 */
export function resolveLocale(tag: string | null | undefined): { catalog: Locale; format: string } {
  const catalog = matchLocale(tag);
  try {
    const exact = Intl.getCanonicalLocales(tag || catalog)[0];
    const lang = (l: string) => l.toLowerCase().split('-')[0];
    if (lang(exact) === lang(catalog)) return { catalog, format: exact };
  } catch {
    // Not a valid language tag: the catalog's locale it is.
  }
  return { catalog, format: catalog };
}

/**
 * Catalogs are JSON `{ "English source with {0}": "Translation with {0}" }` fetched from beside the bundle.
 * They are fetched, never `import()`ed: the classic-script build would inline every locale.
 */
async function loadCatalog(locale: string): Promise<LocaleModule> {
  const res = await fetch(`${catalogBase}/widget/locales/${locale}.json`);
  if (!res.ok) throw new Error(`locale ${locale}: ${res.status}`);
  const entries = (await res.json()) as Record<string, string>;
  const templates: LocaleModule['templates'] = {};
  for (const [source, text] of Object.entries(entries)) {
    // "Ends on {0}" → strings ["Endet am ", ""], values [0]: the shape msg() gets from str`Ends on ${d}`.
    const parts = text.split(/\{(\d+)\}/);
    const strings = parts.filter((_, i) => i % 2 === 0);
    const order = parts.filter((_, i) => i % 2).map(Number);
    templates[generateMsgId(source.split(/\{\d+\}/), false)] = order.length
      ? str(Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray, ...order)
      : text;
  }
  return { templates };
}

/**
 * Switch the active message catalog. @lit/localize keeps one active locale per bundle, so elements on one
 * page share it; numbers and dates are still formatted in each element's own locale.
 */
export function useLocale(locale: Locale, base: string): Promise<void> {
  catalogBase = base;
  l10n ??= configureLocalization({ sourceLocale: 'en', targetLocales: TARGET_LOCALES, loadLocale: loadCatalog });
  // A catalog that fails to load leaves the previous one (English at worst) active.
  return l10n.setLocale(locale).catch(() => undefined);
}

// Building an Intl formatter costs far more than using one, and a list formats many rows.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

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
