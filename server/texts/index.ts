import type { Locale } from '../../contract/locales.js';
import { en, type Catalog, type TextKey } from './en.js';
import { de } from './de.js';
import { fr } from './fr.js';
import { es } from './es.js';
import { it } from './it.js';
import { ptBR } from './pt-BR.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { ja } from './ja.js';
import { ar } from './ar.js';

export type { TextKey };

/** One catalog per locale of the shared list (contract/locales.ts): a locale added there must be added here. */
const CATALOGS = { en, de, fr, es, it, 'pt-BR': ptBR, nl, pl, ja, ar } satisfies Record<Locale, Catalog>;

export const catalogOf = (locale: Locale): Catalog => CATALOGS[locale];

type Vars = Record<string, string | number>;
const fill = (text: string, vars: Vars) => text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));

/** The text in `locale` with its placeholders filled (plain text). */
export function text(locale: Locale, key: TextKey, vars: Vars = {}): string {
  return fill(CATALOGS[locale][key], vars);
}

/**
 * The text split around one placeholder, the rest filled: `[before, after]`, so a page can set
 * that value apart (in <strong>) while every piece stays plain text for the `html` tag to escape.
 * Splitting before filling means a value that itself contains "{email}" cannot move the split.
 */
export function textAround(locale: Locale, key: TextKey, placeholder: string, vars: Vars = {}): [string, string] {
  const [before, ...after] = CATALOGS[locale][key].split(`{${placeholder}}`);
  return [fill(before, vars), fill(after.join(`{${placeholder}}`), vars)];
}
