import { defineConfig, type Plugin } from 'vite';
import { minify } from 'terser';
import { INTERNAL_NAMES } from './scripts/internal-names.mjs';

type Kind = 'html' | 'css' | null;

/** Collapse the indentation inside a template's static text: html keeps one space, css drops what it can (comments, last semicolons, leading zeros). */
function squash(text: string, kind: Kind) {
  // A line break before a tag's closing `>` or `/>` is no text: it goes; elsewhere it is one space.
  if (kind === 'html') return text.replace(/\s*\n\s*(\/?>)/g, '$1').replace(/\s*\n\s*/g, ' ');
  if (kind === 'css')
    return text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{}:;,>]) ?/g, '$1')
      .replace(/;}/g, '}')
      .replace(/([^\w.])0\.(\d)/g, '$1.$2');
  return text;
}

/** Read a template literal body from `pos` (just after the backtick) to its closing backtick. */
function readTemplate(code: string, pos: number, kind: Kind): [string, number] {
  let out = '';
  let chunk = '';
  while (pos < code.length) {
    const c = code[pos];
    if (c === '\\') {
      chunk += c + code[pos + 1];
      pos += 2;
    } else if (c === '`') {
      return [`${out}${squash(chunk, kind)}\``, pos + 1];
    } else if (c === '$' && code[pos + 1] === '{') {
      out += `${squash(chunk, kind)}\${`;
      chunk = '';
      const [expr, end] = readExpression(code, pos + 2);
      out += expr;
      pos = end;
    } else {
      chunk += c;
      pos++;
    }
  }
  throw new Error('unterminated template');
}

/** Read a `${…}` expression up to its closing brace, minifying nested html`/css` templates. */
function readExpression(code: string, pos: number): [string, number] {
  let out = '';
  let depth = 0;
  while (pos < code.length) {
    const c = code[pos];
    if (c === '`') {
      const [body, end] = readTemplate(code, pos + 1, (/\b(html|css)$/.exec(out)?.[1] as Kind) ?? null);
      out += `\`${body}`;
      pos = end;
    } else if (c === "'" || c === '"') {
      let end = pos + 1;
      while (code[end] !== c) end += code[end] === '\\' ? 2 : 1;
      out += code.slice(pos, end + 1);
      pos = end + 1;
    } else {
      if (c === '{') depth++;
      if (c === '}' && depth-- === 0) return [`${out}}`, pos + 1];
      out += c;
      pos++;
    }
  }
  throw new Error('unterminated expression');
}

/** Strip template indentation from Lit html`…`/css`…` literals: a few hundred bytes off the gzip budget. */
export function minifyTemplates(code: string) {
  let out = '';
  let last = 0;
  const tag = /\b(html|css)`/g;
  for (let m = tag.exec(code); m; m = tag.exec(code)) {
    const [body, end] = readTemplate(code, m.index + m[0].length, m[1] as Kind);
    out += code.slice(last, m.index + m[0].length) + body;
    last = tag.lastIndex = end;
  }
  return out + code.slice(last);
}

const litTemplates = (): Plugin => ({
  name: 'creem-minify-lit-templates',
  enforce: 'pre',
  transform(code, id) {
    return /\/widget\/.*\.ts$/.test(id) ? { code: minifyTemplates(code), map: null } : undefined;
  },
});

/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment): compile every function
 * when the bundle loads rather than on its first call. The element's first screen calls most of
 * them, and compiling them then sat between the overview's answer and the first screen.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Terser's repeated passes after Rolldown's minifier find about 0.4 KB gzip more to take out of each bundle. */
const finalPass = (): Plugin => ({
  name: 'creem-terser-final-pass',
  apply: 'build',
  async generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const out = await minify(chunk.code, { ecma: 2020, module: chunk.fileName.endsWith('.mjs'), compress: { passes: 3 }, mangle: true });
      chunk.code = COMPILE_HINT + (out.code ?? chunk.code);
    }
  },
});

// Two bundles of the element, Lit inside: a classic script (IIFE) and an ES module.
export default defineConfig({
  plugins: [litTemplates(), finalPass()],
  build: {
    target: 'es2022',
    minify: true,
    sourcemap: false,
    // dist/ is shared (the demo builds into dist/demo): overwrite our files, delete nothing.
    emptyOutDir: false,
    lib: {
      entry: 'widget/creem-portal.ts',
      name: 'CreemPortal',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'es' ? 'creem-portal.mjs' : 'creem-portal.js'),
    },
    // Vite leaves whitespace in library ES output; minify both bundles fully, the element's internal property names too.
    rolldownOptions: { output: { generatedCode: { symbols: false }, minify: { compress: true, mangle: true, codegen: true, mangleProps: { include: new RegExp(`^(${INTERNAL_NAMES.join('|')})$`) } } } },
  },
});
