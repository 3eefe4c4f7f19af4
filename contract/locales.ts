/**
 * The languages the portal speaks — element, mails and hosted pages alike — and the one function
 * that picks among them. English is the source language.
 */
export const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'ja', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

const RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur'];

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/**
 * The first supported locale among the candidates, best first: an exact tag, then the language
 * alone (`pt` → `pt-BR`, `de-AT` → `de`); English when none matches.
 */
export function matchLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const raw of candidates) {
    if (!raw) continue;
    const tag = raw.trim().toLowerCase().replace(/_/g, '-');
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const lang = tag.split('-')[0];
    const byLang = LOCALES.find((l) => l.toLowerCase().split('-')[0] === lang);
    if (byLang) return byLang;
  }
  return 'en';
}

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
