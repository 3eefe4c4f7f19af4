import { expect } from '@open-wc/testing';
import { type Fake, TOKEN, fakeFetch, overview, realFetch, text, until } from './helpers.js';

describe('<creem-portal> under a strict CSP with Trusted Types', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  it('renders with require-trusted-types-for and only the lit-html policy allowed', async () => {
    const bundle = new URL('/dist/creem-portal.js', location.href).href;
    if (!(await realFetch(bundle, { method: 'HEAD' }).then((r) => r.ok, () => false))) throw new Error('run `npm run build` first: dist/creem-portal.js is missing');
    const f = document.createElement('iframe');
    document.body.append(f);
    const w = f.contentWindow as Window & typeof globalThis;
    w.fetch = window.fetch;
    const violations: string[] = [];
    const errors: string[] = [];
    w.document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    w.addEventListener('error', (e) => errors.push(e.message));
    w.document.open();
    w.document.write(`<!doctype html><html><head>
      <meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types lit-html; style-src 'self'; img-src 'none'; font-src 'none'">
      </head><body><creem-portal token="${TOKEN}" locale="en"></creem-portal><script src="${bundle}"></script></body></html>`);
    w.document.close();
    const el = w.document.querySelector('creem-portal')!;
    await until(() => el.shadowRoot && text(el).includes('Pro'), 'rendered under CSP', 4000);
    (el.shadowRoot!.querySelector('[part~=button]:not([part~=tab])') as HTMLElement).click();
    await until(() => el.shadowRoot!.querySelector('[part~=sheet]'), 'sheet under CSP');
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    f.remove();
  });
});
