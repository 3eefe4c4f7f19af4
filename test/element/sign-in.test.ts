import { expect } from '@open-wc/testing';
import { type Fake, click, fakeFetch, html, jwt, overview, portal, text, until } from './helpers.js';

describe('<creem-portal> sign-in', () => {
  let net: Fake;
  let home: string;
  beforeEach(() => {
    net = fakeFetch();
    home = location.href;
  });
  afterEach(() => {
    net.restore();
    history.replaceState(null, '', home);
  });

  it('asks for an email and sends a magic link', async () => {
    net.on('POST /magic-link', {}, 202);
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    expect(text(el)).to.contain('Sign in to manage your subscriptions');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLInputElement>('[name=email]')!.value = 'ada@example.com';
    await click(el, 'Email me a sign-in link');
    await until(() => text(el).includes('We sent a sign-in link to ada@example.com.'), 'check your email');
    const call = net.last('POST /magic-link')!;
    expect(call.body).to.deep.equal({ merchant_id: 'mer_1', email: 'ada@example.com', return_url: location.href.split('#')[0], locale: 'en' });
    expect(call.headers.has('authorization')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('exchanges a creem_code from the fragment, keeps the token in memory and cleans the address bar', async () => {
    const session = jwt(3600);
    net.on('POST /session/exchange', { token: session, expires_at: new Date(Date.now() + 3600e3).toISOString(), customer_id: 'cust_1' });
    net.on('GET /overview', overview());
    history.replaceState(null, '', '#tab=2&creem_code=abc123');
    const storage = localStorage.length;
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    await until(() => text(el).includes('Pro'), 'signed in');
    expect(net.calls[0].path).to.equal('/session/exchange');
    expect(net.calls[0].body).to.deep.equal({ code: 'abc123' });
    expect(net.last('GET /overview')!.headers.get('authorization')).to.equal(`Bearer ${session}`);
    expect(location.hash).to.equal('#tab=2');
    expect(localStorage.length).to.equal(storage);
    expect(document.cookie).not.to.contain(session);
  });

  it('offers a new link when the code has expired', async () => {
    net.on('POST /session/exchange', { status: 401, error: 'Unauthorized', message: ['Code expired'] }, 401);
    history.replaceState(null, '', '#creem_code=old');
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    await until(() => text(el).includes('This sign-in link has expired'), 'expired link');
    expect(location.hash).to.equal('');
    expect(el.shadowRoot!.querySelector('[name=email]')).to.exist;
  });

  it('treats a mangled code in the fragment as an expired link instead of failing to start', async () => {
    net.on('POST /session/exchange', { status: 400, error: 'Bad Request', message: ['This sign-in link has expired or was already used.'] }, 400);
    history.replaceState(null, '', '#creem_code=%E0%A4%A');
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    await until(() => text(el).includes('This sign-in link has expired'), 'expired link');
    expect(net.last('POST /session/exchange')!.body).to.deep.equal({ code: '%E0%A4%A' });
    expect(location.hash).to.equal('');
  });
});
