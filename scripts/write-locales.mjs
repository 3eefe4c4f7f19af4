// Copies the message catalogs (widget/locales/<locale>.json, keyed by the English source text) to
// dist/locales/, keyed there by messageKey() of that text (widget/message-key.ts), as the element looks them up. A message in widget/ that a catalog lacks fails (exit 1); one a catalog no longer uses warns.
// The element fetches the active catalog at run time from `${api-base}/widget/locales/<locale>.json`, and
// the billing form's country codes and hints (contract/countries.ts) from `${api-base}/widget/countries.json`.
// Run with tsx (`node --import tsx`): it reads the contract's TypeScript.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'widget/locales');
const out = join(root, 'dist/locales');

const QUOTED = String.raw`'((?:[^'\\]|\\.)*)'`;
const unescape = (s) => s.replace(/\\(.)/g, '$1');

/**
 * Every message in widget/, keyed as catalogs key it: `msg()` source strings with `${expr}` written
 * as `{0}`, `{1}`… (value: the same text), and `plural(locale, n, { one: '…', other: '…' }, …)`
 * keyed by the `other` form (value: `{ one, other }`).
 * @returns {Map<string, string | { one: string, other: string }>}
 */
export function extractMessages(dir = join(root, 'widget')) {
  const found = new Map();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const code = readFileSync(p, 'utf8');
        const re = /\bmsg\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|str`((?:[^`\\]|\\.)*)`)/g;
        for (const m of code.matchAll(re)) {
          let key;
          if (m[3] !== undefined) {
            let i = 0;
            key = m[3].replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, () => `{${i++}}`);
          } else key = unescape(m[1] ?? m[2]);
          found.set(key, key);
        }
        const plurals = new RegExp(String.raw`\bplural\([^{]*\{\s*one:\s*${QUOTED},\s*other:\s*${QUOTED},?\s*\}`, 'g');
        for (const m of code.matchAll(plurals)) found.set(unescape(m[2]), { one: unescape(m[1]), other: unescape(m[2]) });
      }
    }
  };
  walk(dir);
  return found;
}

/**
 * A catalog as the element fetches it: only the messages the code uses, keyed by messageKey().
 * @param {Record<string, unknown>} catalog keyed by the English source text
 * @param {Map<string, unknown>} messages what extractMessages() found
 */
export async function shipped(catalog, messages) {
  const { messageKey } = await import('../widget/message-key.ts');
  return Object.fromEntries(Object.entries(catalog).filter(([k]) => messages.has(k)).map(([k, v]) => [messageKey(k), v]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { COUNTRIES, COUNTRY_HINTS } = await import('../contract/countries.ts');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/countries.json'), JSON.stringify({ codes: COUNTRIES, hints: COUNTRY_HINTS }));
  if (existsSync(src)) {
    const messages = extractMessages();
    const { messageKey } = await import('../widget/message-key.ts');
    const keys = new Map();
    for (const m of messages.keys()) {
      const k = messageKey(m);
      if (keys.has(k)) {
        console.error(`two messages have the key ${k}: ${keys.get(k)} | ${m} (reword one)`);
        process.exitCode = 1;
      }
      keys.set(k, m);
    }
    mkdirSync(out, { recursive: true });
    for (const file of readdirSync(src).filter((f) => f.endsWith('.json'))) {
      const catalog = JSON.parse(readFileSync(join(src, file), 'utf8'));
      const missing = [...messages.keys()].filter((m) => !(m in catalog));
      const unused = Object.keys(catalog).filter((k) => !messages.has(k));
      // A customer-visible string without its translation fails the build; an unused one only warns.
      if (missing.length) {
        console.error(`${file}: ${missing.length} missing: ${missing.join(' | ')}`);
        process.exitCode = 1;
      }
      if (unused.length) console.warn(`${file}: ${unused.length} unused: ${unused.join(' | ')}`);
      writeFileSync(join(out, file), JSON.stringify(await shipped(catalog, messages)));
    }
  }
}
