// Writes the catalogs a locale of contract/locales.ts does not have yet, as English copies for a
// translator to fill: widget/locales/<tag>.json and server/texts/<tag>.ts (export named by the tag
// without its hyphen: zh-CN → zhCN). A plural entry gets every category the language needs
// (Intl.PluralRules), each holding the English `one` or `other` form until it is translated.
// Existing files are left alone. Run: node --import tsx scripts/scaffold-locales.ts
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../contract/locales.js';
import { en } from '../server/texts/en.js';
import { extractMessages } from './write-locales.mjs';

const root = new URL('..', import.meta.url).pathname;

type Forms = { one: string; other: string };

/** The forms a language needs, English text in each: `one` where English says one, else `other`. */
function pluralCopy(locale: string, forms: Forms): Record<string, string> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const order = ['zero', 'one', 'two', 'few', 'many', 'other'];
  return Object.fromEntries(
    order.filter((c) => categories.includes(c as Intl.LDMLPluralRule)).map((c) => [c, c === 'one' ? forms.one : forms.other]),
  );
}

/** A TypeScript string literal, in the quotes the other catalogs use. */
const quote = (s: string) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`);

export const exportName = (locale: string) => locale.replace(/-/g, '');

const messages = extractMessages();
for (const locale of LOCALES.filter((l) => l !== 'en')) {
  const element = join(root, 'widget/locales', `${locale}.json`);
  if (!existsSync(element)) {
    const catalog = Object.fromEntries([...messages].map(([key, source]) => [key, typeof source === 'string' ? source : pluralCopy(locale, source)]));
    writeFileSync(element, `${JSON.stringify(catalog, null, 2)}\n`);
    console.log(`wrote ${element}`);
  }
  const server = join(root, 'server/texts', `${locale}.ts`);
  if (!existsSync(server)) {
    const lines = Object.entries(en).map(([key, source]) => {
      if (typeof source === 'string') return `  ${key}: ${quote(source)},`;
      const forms = Object.entries(pluralCopy(locale, source)).map(([c, text]) => `    ${c}: ${quote(text)},`);
      return `  ${key}: {\n${forms.join('\n')}\n  },`;
    });
    const body = [
      `import type { Catalog } from './en.js';`,
      '',
      `/** NOT YET TRANSLATED: an English copy (contract/locales.ts TRANSLATED lists the catalogs that are done). */`,
      `export const ${exportName(locale)}: Catalog = {`,
      ...lines,
      '};',
      '',
    ];
    writeFileSync(server, body.join('\n'));
    console.log(`wrote ${server}`);
  }
}
