import { expect, oneEvent } from '@open-wc/testing';
import { type Call, type Fake, TOKEN, fakeFetch, html, jwt, overview, portal, text, until } from './helpers.js';

describe('<creem-portal> tokens', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  it('fetches the token from token-url with same-origin credentials', async () => {
    const t = jwt(900);
    net.on('GET /my/token', { token: t });
    const el = await portal(html`<creem-portal token-url="/my/token" locale="en"></creem-portal>`);
    await until(() => text(el).includes('Pro'), 'loaded');
    expect(net.calls[0].path).to.equal('/my/token');
    expect(net.last('GET /overview')!.headers.get('authorization')).to.equal(`Bearer ${t}`);
  });

  it('refreshes a token-url token about a minute before it expires', async () => {
    let n = 0;
    net.on('GET /my/token', () => ({ token: jwt(n++ === 0 ? 61 : 900, { n }) }));
    const el = await portal(html`<creem-portal token-url="/my/token"></creem-portal>`);
    await until(() => net.calls.filter((c) => c.path === '/my/token').length === 2, 'refresh', 3000);
    // A refresh swaps the token quietly: no second overview request.
    expect(net.calls.filter((c) => c.path === '/overview')).to.have.length(1);
    el.remove();
  });

  it('refuses a cross-origin token-url', async () => {
    const error = oneEvent(document, 'creem-error');
    const el = await portal(html`<creem-portal token-url="https://evil.example/token" locale="en"></creem-portal>`, false);
    const e = await error;
    await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'error shown');
    expect(e.detail.message).to.contain('same-origin');
    expect(net.calls).to.have.length(0);
  });

  it('fires creem-token-expired on a 401 and reloads with a new token', async () => {
    net.on('GET /overview', { status: 401, error: 'Unauthorized', message: ['Token expired'] }, 401);
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`, false);
    await oneEvent(el, 'creem-token-expired');
    await until(() => text(el).includes('Your session has expired.'), 'expired state');
    await expect(el).to.be.accessible();
    const fresh = jwt(900, { n: 2 });
    net.on('GET /overview', overview());
    el.token = fresh;
    await until(() => text(el).includes('Pro'), 'reloaded');
    expect(net.last('GET /overview')!.headers.get('authorization')).to.equal(`Bearer ${fresh}`);
  });

  it('fires creem-token-expired when a plain token reaches its exp', async () => {
    const el = await portal(html`<creem-portal token=${jwt(1)} locale="en"></creem-portal>`);
    await oneEvent(el, 'creem-token-expired');
    await until(() => text(el).includes('Your session has expired.'), 'expired state');
  });

  it('with token-url, does not loop when a freshly fetched token is refused', async () => {
    let n = 0;
    net.on('GET /my/token', () => ({ token: jwt(900, { n: ++n }) }));
    net.on('GET /overview', (c: Call) =>
      c.headers.get('authorization') === `Bearer ${jwt(900, { n: 1 })}`
        ? new Response(JSON.stringify({ status: 401, error: 'Unauthorized', message: ['revoked'] }), { status: 401 })
        : overview(),
    );
    const expired = oneEvent(document, 'creem-token-expired');
    const el = await portal(html`<creem-portal token-url="/my/token" locale="en"></creem-portal>`, false);
    // Refused seconds after it was fetched: signed out, rather than fetching tokens in a loop.
    await expired;
    await until(() => text(el).includes('Your session has expired.'), 'expired');
    await new Promise((r) => setTimeout(r, 200));
    expect(n).to.equal(1);
  });
});
