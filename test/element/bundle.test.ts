import { expect } from '@open-wc/testing';
import { realFetch } from './helpers.js';

describe('<creem-portal> bundles', () => {
  // The element imports only the contract's types and plain values: zod's runtime is the server's.
  for (const file of ['creem-portal.js', 'creem-portal.mjs']) {
    it(`ships ${file} without zod`, async () => {
      const res = await realFetch(new URL(`/dist/${file}`, location.href));
      if (!res.ok) throw new Error(`run \`npm run build\` first: dist/${file} is missing`);
      const code = await res.text();
      expect(code).to.contain('creem-portal');
      for (const mark of ['ZodError', '$ZodType', '_zod', 'zod']) expect(code.includes(mark), `${file} contains "${mark}"`).to.equal(false);
    });
  }
});
