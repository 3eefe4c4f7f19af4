// Copies the message catalogs (widget/locales/<locale>.json, keyed by the English source text) to
// dist/locales/. A message in widget/ that a catalog lacks fails (exit 1); one a catalog no longer uses warns.
// The element fetches the active catalog at run time from `${api-base}/widget/locales/<locale>.json`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'widget/locales');
const out = join(root, 'dist/locales');

/** Every msg() source string in widget/, with `${expr}` written as `{0}`, `{1}`… */
export function extractMessages(dir = join(root, 'widget')) {
  const found = new Set();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const code = readFileSync(p, 'utf8');
        const re = /\bmsg\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|str`((?:[^`\\]|\\.)*)`)/g;
        for (const m of code.matchAll(re)) {
          if (m[3] !== undefined) {
            let i = 0;
            found.add(m[3].replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, () => `{${i++}}`));
          } else found.add((m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
        }
      }
    }
  };
  walk(dir);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (existsSync(src)) {
    const messages = extractMessages();
    mkdirSync(out, { recursive: true });
    for (const file of readdirSync(src).filter((f) => f.endsWith('.json'))) {
      const catalog = JSON.parse(readFileSync(join(src, file), 'utf8'));
      const missing = [...messages].filter((m) => !(m in catalog));
      const unused = Object.keys(catalog).filter((k) => !messages.has(k));
      // A customer-visible string without its translation fails the build; an unused one only warns.
      if (missing.length) {
        console.error(`${file}: ${missing.length} missing: ${missing.join(' | ')}`);
        process.exitCode = 1;
      }
      if (unused.length) console.warn(`${file}: ${unused.length} unused: ${unused.join(' | ')}`);
      // Compact: only what the element reads.
      const used = Object.fromEntries(Object.entries(catalog).filter(([k]) => messages.has(k)));
      writeFileSync(join(out, file), JSON.stringify(used));
    }
  }
}
