import { z } from 'zod';
import { COUNTRIES } from './countries.js';

// Control characters other than newline/tab have no place in anything a person types; in a
// single line not even those (a support subject becomes a mail header).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\t]/;

/** One line of text, trimmed, 1..max characters. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), 'must be a single line of text');

/** Free text that may span lines, trimmed, 1..max characters. */
export const paragraph = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');

/** An optional single line where "" means "none", as a cleared form field sends it. */
export const optionalLine = (max: number) =>
  z
    .union([z.literal(''), line(max)])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** An id with its prefix (`sub_…`), as the server hands them out. */
export const prefixedId = (prefix: string, what: string, max = 64) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,${max}}$`), `must be a ${what} id (${prefix}_…)`);

const countries = new Set(COUNTRIES);
/** An ISO 3166-1 alpha-2 code of a real country (contract/countries.ts): no EU, UN, pseudo-regions or retired codes. */
export const isCountry = (code: string) => countries.has(code);

export const country = () =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code')
    .refine(isCountry, 'is not a known ISO 3166-1 country code');
