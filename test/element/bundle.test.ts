import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { INTERNAL_NAMES } from '../../scripts/internal-names.mjs';
import { realFetch } from './helpers.js';

describe('<creem-portal> bundles', () => {
  // The element imports only the contract's types and plain values: zod's runtime is the server's.
  for (const file of ['creem-portal.js', 'creem-portal.mjs']) {
    it(`ships ${file} without zod, the compile hint on its first line`, async () => {
      const res = await realFetch(new URL(`/dist/${file}`, location.href));
      if (!res.ok) throw new Error(`run \`npm run build\` first: dist/${file} is missing`);
      const code = await res.text();
      expect(code).to.contain('creem-portal');
      for (const mark of ['ZodError', '$ZodType', '_zod', 'zod']) expect(code.includes(mark), `${file} contains "${mark}"`).to.equal(false);
      // V8's compile hint must be the file's first line to count (the minifier would drop a comment it saw).
      expect(code.startsWith('//# allFunctionsCalledOnLoad\n'), `${file} starts with the compile hint`).to.equal(true);
    });
  }

  // The build renames the element's internal property names (scripts/internal-names.mjs): none may
  // be a property the browser or Lit defines, or the renamed code would miss it.
  it('renames only names no browser or Lit object has', async () => {
    const builtIns = [
      window, document, navigator, location, history, Intl, JSON, Math, Object, Array, Promise,
      HTMLElement, HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement, HTMLFormElement, HTMLButtonElement,
      HTMLAnchorElement, HTMLDataListElement, HTMLOptionElement, ShadowRoot, Event, CustomEvent, KeyboardEvent,
      SubmitEvent, Response, Request, Headers, URL, AbortController, AbortSignal, CSSStyleSheet, FormData,
      Intl.NumberFormat, Intl.DateTimeFormat, Intl.PluralRules, Intl.DisplayNames, Intl.Collator, Intl.Locale,
      Intl.RelativeTimeFormat, Map, Set, String, Error, LitElement,
    ];
    const has = (name: string) => builtIns.some((o) => name in o || (typeof o === 'function' && o.prototype && name in o.prototype));
    expect(INTERNAL_NAMES.filter(has)).to.deep.equal([]);
    const code = await (await realFetch(new URL('/dist/creem-portal.js', location.href))).text();
    // Read or written as a property (`.busy`, `{busy:`), anywhere: nothing left under the old name.
    expect(INTERNAL_NAMES.filter((n) => new RegExp(`[.{,]${n}\\b(?!-)`).test(code)), 'renamed in the bundle').to.deep.equal([]);
  });
});
