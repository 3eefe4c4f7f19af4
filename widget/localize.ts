import type { ReactiveControllerHost } from 'lit';
import { messageKey } from './message-key.js';

/**
 * The element's message runtime: msg() of a source string, or of str`Ends on ${date}`, gives the
 * active catalog's translation of the English source text (`Ends on {0}`), the source itself when
 * the catalog has none. A few dozen lines instead of @lit/localize's runtime, whose id hashing and
 * template machinery cost the bundle about 0.5 KB gzip; the call sites and catalogs are the same.
 */

/** A message with values, as str`…` makes it; keyed by its text with `{0}`, `{1}`… for the values. */
export interface Template {
  strings: readonly string[];
  values: unknown[];
}

/** A count's message by plural category (Intl.PluralRules); English has `one` and `other`. */
export type PluralForms = { [C in Intl.LDMLPluralRule]?: string } & { other: string };

/** As fetched: keyed by messageKey() of the English source text. */
export type Catalog = Record<string, string | PluralForms>;

export const str = (strings: TemplateStringsArray, ...values: unknown[]): Template => ({ strings, values });

let catalog: Catalog = {};
const hosts = new Set<ReactiveControllerHost>();

/** `{0}`, `{1}`… replaced by the values, in one pass: a value that itself holds `{1}` stays as it is. */
export const fill = (text: string, values: unknown[]) => text.replace(/\{(\d+)\}/g, (_, i: string) => String(values[+i]));

// A message's source text and catalog key, by its literal (a call site's strings are the same object each time): a list renders hundreds.
const keys = new Map<string | readonly string[], [source: string, key: string]>();

export function msg(message: string | Template): string {
  const literal = typeof message === 'string' ? message : message.strings;
  let known = keys.get(literal);
  if (!known) {
    const source = typeof literal === 'string' ? literal : literal.map((s, i) => (i ? `{${i - 1}}${s}` : s)).join('');
    keys.set(literal, (known = [source, messageKey(source)]));
  }
  const [key, id] = known;
  const text = catalog[id];
  const chosen = typeof text === 'string' ? text : key;
  return typeof message === 'string' ? chosen : fill(chosen, message.values);
}

/** The active catalog's entry for a source text (a plural entry is an object of forms). */
export const entry = (key: string) => catalog[messageKey(key)];

/** Re-renders the host whenever the active catalog changes, while it is connected. */
export function updateWhenLocaleChanges(host: ReactiveControllerHost) {
  host.addController({ hostConnected: () => hosts.add(host), hostDisconnected: () => hosts.delete(host) });
}

let wanted = 'en';
let current = 'en';

/**
 * Makes `locale`'s catalog the active one once it has loaded (English needs none). A catalog that
 * fails to load leaves the previous one active; of two calls in flight the later one wins.
 */
export async function setLocale(locale: string, load: (locale: string) => Promise<Catalog>): Promise<void> {
  wanted = locale;
  if (locale === current) return;
  let next: Catalog = {};
  try {
    if (locale !== 'en') next = await load(locale);
  } catch {
    return;
  }
  if (wanted !== locale) return;
  catalog = next;
  current = locale;
  for (const host of hosts) host.requestUpdate();
}
