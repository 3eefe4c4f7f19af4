/**
 * The languages the portal speaks — element, mails and hosted pages alike — and the one function
 * that picks among them. English is the source language. Every locale here has its catalogs
 * (widget/locales/<tag>.json, server/texts/<tag>.ts); `sr` is written in Cyrillic, Serbian's
 * standard script (a Latin-script reader, `sr-Latn` or Montenegro's `sr-ME`, gets it too).
 */
export const LOCALES = [
  'en', 'en-GB', 'de', 'fr', 'fr-CA', 'es', 'es-419', 'it', 'pt-BR', 'pt-PT', 'nl', 'pl', 'ja', 'ar', 'he', 'fa', 'ur',
  'zh-CN', 'zh-TW', 'ko', 'hi', 'bn', 'id', 'ms', 'th', 'vi', 'fil', 'tr', 'ru', 'uk', 'cs', 'sk', 'hu', 'ro', 'bg',
  'el', 'hr', 'sr', 'sl', 'lt', 'lv', 'et', 'fi', 'sv', 'da', 'nb', 'ca', 'sw', 'ta', 'te', 'mr',
] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The locales whose catalogs are translated; the others still hold English copies and are not
 * offered yet (a customer asking for one is served their next choice, else English). Translators
 * add a locale here when its catalogs are done; test/server/catalogs.test.ts then holds it to the
 * full check.
 */
export const TRANSLATED: readonly Locale[] = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'ja', 'ar', 'he', 'fa', 'ur', 'tr', 'ru', 'uk', 'bg', 'sr', 'zh-CN', 'zh-TW', 'ko', 'te', 'mr', 'en-GB', 'fr-CA', 'es-419', 'pt-PT', 'ca', 'sv', 'da', 'nb', 'fi', 'et', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl', 'lt', 'lv', 'ta', 'hi', 'th', 'vi', 'id', 'ms', 'fil', 'bn', 'sw', 'el'];

const RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur'];

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** Latin America and the Caribbean (UN M49 419) and the US: their Spanish is es-419's. */
const LATIN_AMERICA = '419 AR BO BR BZ CL CO CR CU DO EC GT HN MX NI PA PE PR PY SV US UY VE';
/** The US and its territories write US English; English elsewhere follows British usage (CLDR's en-001). */
const US_ENGLISH = 'US AS GU MH MP PR UM VI';

/**
 * The catalog tag closest to one BCP 47 tag (a catalog may not exist for it), and the tag itself
 * in canonical form. Intl canonicalizes old codes (`iw` → he, `in` → id, `tl` → fil) and
 * `maximize()` supplies the script and region a tag leaves out (`zh-HK` → Hant, `pt` → BR).
 */
function pickLocale(raw: string): { locale: string; tag: string } | undefined {
  // A catalog's own tag (a page's lang="de") is that catalog: no Intl.Locale and maximize(), whose
  // data costs a fresh page about 15 ms before the element can send its first request.
  if ((TRANSLATED as readonly string[]).includes(raw)) return { locale: raw, tag: raw };
  let asked: Intl.Locale;
  try {
    asked = new Intl.Locale(raw.trim().replace(/_/g, '-'));
  } catch {
    return undefined; // not a language tag
  }
  // A region is two letters or three digits, so a search in the space-separated lists finds whole codes.
  const { language: l, script, region: r = '?' } = asked.maximize();
  const locale =
    l === 'zh' ? (script === 'Hant' ? 'zh-TW' : 'zh-CN')
    : l === 'pt' ? (r === 'PT' ? 'pt-PT' : 'pt-BR')
    : l === 'es' ? (LATIN_AMERICA.includes(r) ? 'es-419' : 'es')
    : l === 'fr' ? (r === 'CA' ? 'fr-CA' : 'fr')
    : l === 'en' ? (US_ENGLISH.includes(r) ? 'en' : 'en-GB')
    : l === 'no' || l === 'nn' ? 'nb'
    : l;
  return { locale, tag: asked.toString() };
}

/** The catalog closest to one BCP 47 tag, and the tag in canonical form; undefined when no catalog speaks its language. */
export function closestLocale(raw: string): { locale: Locale; tag: string } | undefined {
  const found = pickLocale(raw);
  return found && isLocale(found.locale) ? (found as { locale: Locale; tag: string }) : undefined;
}

/**
 * The first candidate (best first) that a translated catalog speaks, as that catalog and the tag
 * asked for (numbers and dates are formatted in the exact regional variant: `de-AT`, `es-MX`);
 * English when none does.
 */
export function negotiate(...candidates: (string | null | undefined)[]): { locale: Locale; tag: string } {
  const lang = (l: string) => l.split('-')[0];
  for (const raw of candidates) {
    const found = raw ? pickLocale(raw) : undefined;
    // Until a regional catalog is translated, its language's translated one stands in (es-419 → es).
    // (Only TRANSLATED is consulted here, so the element's bundle carries no more than that list.)
    const locale = found && (TRANSLATED.find((l) => l === found.locale) ?? TRANSLATED.find((l) => lang(l) === lang(found.locale)));
    if (found && locale) return { locale, tag: found.tag };
  }
  return { locale: 'en', tag: 'en' };
}

/** The catalog for the candidates, best first (see negotiate). */
export const matchLocale = (...candidates: (string | null | undefined)[]): Locale => negotiate(...candidates).locale;

export const textDirection = (locale: string): 'rtl' | 'ltr' => (RTL_LANGUAGES.includes(locale.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr');

/** Tags of an Accept-Language header, best first. */
export function acceptLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.tag);
}
