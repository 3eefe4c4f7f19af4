import type { Locale } from '../../contract/locales.js';
import { en, type Catalog, type PluralText, type TextKey } from './en.js';
import { enGB } from './en-GB.js';
import { de } from './de.js';
import { fr } from './fr.js';
import { frCA } from './fr-CA.js';
import { es } from './es.js';
import { es419 } from './es-419.js';
import { it } from './it.js';
import { ptBR } from './pt-BR.js';
import { ptPT } from './pt-PT.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { ja } from './ja.js';
import { ar } from './ar.js';
import { he } from './he.js';
import { fa } from './fa.js';
import { ur } from './ur.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';
import { ko } from './ko.js';
import { hi } from './hi.js';
import { bn } from './bn.js';
import { id } from './id.js';
import { ms } from './ms.js';
import { th } from './th.js';
import { vi } from './vi.js';
import { fil } from './fil.js';
import { tr } from './tr.js';
import { ru } from './ru.js';
import { uk } from './uk.js';
import { cs } from './cs.js';
import { sk } from './sk.js';
import { hu } from './hu.js';
import { ro } from './ro.js';
import { bg } from './bg.js';
import { el } from './el.js';
import { hr } from './hr.js';
import { sr } from './sr.js';
import { sl } from './sl.js';
import { lt } from './lt.js';
import { lv } from './lv.js';
import { et } from './et.js';
import { fi } from './fi.js';
import { sv } from './sv.js';
import { da } from './da.js';
import { nb } from './nb.js';
import { ca } from './ca.js';
import { sw } from './sw.js';
import { ta } from './ta.js';
import { te } from './te.js';
import { mr } from './mr.js';

export type { TextKey };

/**
 * One catalog per locale of the shared list (contract/locales.ts): a locale added there must be
 * added here. A catalog's file is named by its tag and exports it without the hyphen (zh-CN → zhCN).
 */
const CATALOGS = {
  en, 'en-GB': enGB, de, fr, 'fr-CA': frCA, es, 'es-419': es419, it, 'pt-BR': ptBR, 'pt-PT': ptPT, nl, pl,
  ja, ar, he, fa, ur, 'zh-CN': zhCN, 'zh-TW': zhTW, ko, hi, bn, id, ms, th, vi, fil, tr, ru, uk, cs, sk, hu,
  ro, bg, el, hr, sr, sl, lt, lv, et, fi, sv, da, nb, ca, sw, ta, te, mr,
} satisfies Record<Locale, Catalog>;

export const catalogOf = (locale: Locale): Catalog => CATALOGS[locale];

type Vars = Record<string, string | number>;

const numbers = new Map<Locale, Intl.NumberFormat>();
const plurals = new Map<Locale, Intl.PluralRules>();
function cached<T>(map: Map<Locale, T>, locale: Locale, make: () => T): T {
  let v = map.get(locale);
  if (!v) map.set(locale, (v = make()));
  return v;
}

/** Numbers are written the way the language writes them (Persian and Marathi digits, grouping). */
const fill = (locale: Locale, text: string, vars: Vars) =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(v) : v;
  });

/** The entry's text; for a plural entry, the form the language's plural rules pick for `vars.count`. */
function pick(locale: Locale, key: TextKey, vars: Vars): string {
  const entry = CATALOGS[locale][key];
  if (typeof entry === 'string') return entry;
  const category = cached(plurals, locale, () => new Intl.PluralRules(locale)).select(Number(vars.count));
  return (entry as PluralText)[category] ?? entry.other;
}

/** The text in `locale` with its placeholders filled (plain text). */
export function text(locale: Locale, key: TextKey, vars: Vars = {}): string {
  return fill(locale, pick(locale, key, vars), vars);
}

/**
 * The text split around one placeholder, the rest filled: `[before, after]`, so a page can set
 * that value apart (in <strong>) while every piece stays plain text for the `html` tag to escape.
 * Splitting before filling means a value that itself contains "{email}" cannot move the split.
 */
export function textAround(locale: Locale, key: TextKey, placeholder: string, vars: Vars = {}): [string, string] {
  const [before, ...after] = pick(locale, key, vars).split(`{${placeholder}}`);
  return [fill(locale, before, vars), fill(locale, after.join(`{${placeholder}}`), vars)];
}
