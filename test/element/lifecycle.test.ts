import { expect, fixture } from '@open-wc/testing';
import { type Call, type Fake, TOKEN, fakeFetch, realFetch, html, jwt, overview, portal, product, subscription, text, until } from './helpers.js';

/** A same-origin iframe whose fetch is the test's fake, with `body` written before any script runs. */
async function frame(net: Fake, body: string) {
  const f = document.createElement('iframe');
  document.body.append(f);
  const w = f.contentWindow as Window & typeof globalThis;
  w.fetch = window.fetch;
  const errors: unknown[] = [];
  w.addEventListener('error', (e) => errors.push(e.message));
  w.document.open();
  w.document.write(body);
  w.document.close();
  void net;
  return { f, w, errors };
}

describe('<creem-portal> lifecycle', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  it('upgrades an element that was in the page before the module loaded', async () => {
    const { f, w, errors } = await frame(net, `<creem-portal token="${TOKEN}" locale="en"></creem-portal>`);
    const el = w.document.querySelector('creem-portal')!;
    expect(el.shadowRoot).to.equal(null);
    const s = w.document.createElement('script');
    s.type = 'module';
    s.src = new URL('../../widget/creem-portal.ts', import.meta.url).href;
    w.document.head.append(s);
    await until(() => el.shadowRoot && text(el).includes('Pro'), 'upgraded and loaded');
    expect(errors).to.deep.equal([]);
    f.remove();
  });

  it('defines the tag once when the classic script is included twice', async function () {
    const bundle = new URL('/dist/creem-portal.js', location.href).href;
    if (!(await realFetch(bundle, { method: 'HEAD' }).then((r) => r.ok, () => false))) throw new Error('run `npm run build` first: dist/creem-portal.js is missing');
    const { f, w, errors } = await frame(
      net,
      `<creem-portal token="${TOKEN}" locale="en"></creem-portal><script src="${bundle}"></script><script src="${bundle}"></script>`,
    );
    const el = w.document.querySelector('creem-portal')!;
    await until(() => el.shadowRoot && text(el).includes('Pro'), 'bundle rendered');
    expect(errors).to.deep.equal([]);
    expect(w.customElements.get('creem-portal')).to.exist;
    f.remove();
  });

  it('defines once when the module is evaluated twice', async () => {
    await import(/* @vite-ignore */ new URL('../../widget/creem-portal.ts?again', import.meta.url).href);
    expect(customElements.get('creem-portal')).to.exist;
  });

  it('shows each element its own customer', async () => {
    const a = jwt(900, { sub: 'cust_a' });
    const b = jwt(900, { sub: 'cust_b' });
    net.on('GET /overview', (c: Call) =>
      c.headers.get('authorization') === `Bearer ${a}`
        ? overview({ subscriptions: [subscription({ product: product({ name: 'Alpha plan' }) })] })
        : overview({ subscriptions: [subscription({ product: product({ name: 'Beta plan' }) })] }),
    );
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <creem-portal token=${a} locale="en"></creem-portal><creem-portal token=${b} locale="en"></creem-portal>
    </div>`);
    const [ea, eb] = wrap.querySelectorAll('creem-portal');
    await until(() => text(ea).includes('Alpha plan') && text(eb).includes('Beta plan'), 'both loaded');
    expect(text(ea)).not.to.contain('Beta plan');
    expect(text(eb)).not.to.contain('Alpha plan');
  });

  it('reloads from the new server when api-base changes', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} api-base="https://one.example"></creem-portal>`);
    expect(net.last()!.url).to.equal('https://one.example/portal/api/overview');
    el.setAttribute('api-base', 'https://two.example/');
    await until(() => net.last()!.url === 'https://two.example/portal/api/overview', 'second server');
    await until(() => text(el).includes('Pro'), 'reloaded');
  });

  it('aborts in-flight requests and clears timers on disconnect, and loads again when re-added', async () => {
    let signal: AbortSignal | null | undefined;
    net.on('GET /overview', (c: Call) => {
      signal = c.signal;
      return new Promise(() => {});
    });
    const expired: Event[] = [];
    const el = await portal(html`<creem-portal token=${jwt(1)}></creem-portal>`, false);
    el.addEventListener('creem-token-expired', (e) => expired.push(e));
    await until(() => signal, 'request started');
    const parent = el.parentElement!;
    el.remove();
    expect(signal!.aborted).to.equal(true);
    await new Promise((r) => setTimeout(r, 1600));
    expect(expired, 'no expiry timer after disconnect').to.have.length(0);

    net.on('GET /overview', overview());
    el.token = TOKEN;
    parent.append(el);
    await until(() => text(el).includes('Pro'), 're-rendered');
  });

  it('removes its window listeners on disconnect', async () => {
    // Offline first: the element's `online` listener loads again only after a failure.
    net.on('GET /overview', {}, 0);
    const overviews = () => net.calls.filter((c) => c.path === '/overview').length;
    const failed = () => !el.shadowRoot!.querySelector('.skeleton') && text(el).includes('You appear to be offline.');
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`, false);
    await until(failed, 'offline state');
    // Connected, coming back online loads again: the listener is there to be removed.
    window.dispatchEvent(new Event('online'));
    await until(() => overviews() === 2, 'a reload when back online');
    await until(failed, 'offline state again');
    el.remove();
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(overviews(), 'no reload after disconnect').to.equal(2);
  });

  it('keeps the token out of attributes it did not get and out of storage', async () => {
    const fetched = jwt(900, { n: 'from-token-url' });
    net.on('GET /t', { token: fetched });
    const el = await portal(html`<creem-portal token-url="/t" locale="en"></creem-portal>`);
    await until(() => text(el).includes('Pro'), 'loaded');
    expect(net.last('GET /overview')!.headers.get('authorization'), 'the fetched token is in use').to.equal(`Bearer ${fetched}`);
    expect(el.hasAttribute('token')).to.equal(false);
    expect([...el.attributes].map((a) => a.value).join(' ')).not.to.contain(fetched);
    expect(el.token).to.equal(undefined);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain(fetched);
    expect(document.cookie).not.to.contain(fetched);
    expect(JSON.stringify(history.state ?? null) + location.href).not.to.contain(fetched);
  });
});
