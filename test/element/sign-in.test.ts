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

  it('names the account of a creem_code from the fragment and exchanges it only on Continue', async () => {
    const session = jwt(3600);
    net.on('POST /session/preview', { email_hint: 'a***@example.com', merchant_name: 'Acme Cloud' });
    net.on('POST /session/exchange', { token: session, expires_at: new Date(Date.now() + 3600e3).toISOString(), customer_id: 'cust_1' });
    net.on('GET /overview', overview());
    history.replaceState(null, '', '#tab=2&creem_code=abc123');
    const storage = localStorage.length;
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    // A page elsewhere may send the visitor here with a link to another account, and mail scanners
    // run scripts: nothing is spent before the customer has seen whose account it is.
    await until(() => text(el).includes('Continue as a***@example.com'), 'asks first');
    expect(text(el)).to.contain('Sign in to Acme Cloud');
    expect(net.calls[0].path).to.equal('/session/preview');
    expect(net.calls[0].body).to.deep.equal({ code: 'abc123' });
    expect(net.last('POST /session/exchange')).to.equal(undefined);
    expect(location.hash).to.equal('#tab=2');
    await expect(el).to.be.accessible();

    await click(el, 'Continue as a***@example.com');
    await until(() => text(el).includes('Pro'), 'signed in');
    expect(net.last('POST /session/exchange')!.body).to.deep.equal({ code: 'abc123' });
    expect(net.last('GET /overview')!.headers.get('authorization')).to.equal(`Bearer ${session}`);
    expect(localStorage.length).to.equal(storage);
    expect(document.cookie).not.to.contain(session);
  });

  it('a visitor who declines the account spends nothing and gets the sign-in form', async () => {
    net.on('POST /session/preview', { email_hint: 'm***@evil.example', merchant_name: 'Acme Cloud' });
    history.replaceState(null, '', '#creem_code=theirs');
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    await until(() => text(el).includes('Continue as m***@evil.example'), 'asks first');
    await click(el, 'Use another email');
    await until(() => el.shadowRoot!.querySelector('[name=email]'), 'the sign-in form');
    expect(net.last('POST /session/exchange')).to.equal(undefined);
    expect(location.hash).to.equal('');
  });

  it('asks in the customer\'s language, with the address kept left to right in Arabic', async () => {
    net.on('POST /session/preview', { email_hint: 'a***@example.com', merchant_name: 'Acme Cloud' });
    history.replaceState(null, '', '#creem_code=abc123');
    const el = await portal(html`<creem-portal merchant="mer_1" locale="ar"></creem-portal>`);
    await until(() => text(el).includes('a***@example.com') && !text(el).includes('Continue as'), 'asks in Arabic');
    expect(el.shadowRoot!.querySelector('bdi')?.textContent).to.equal('a***@example.com');
    await expect(el).to.be.accessible();
  });

  it('offers a new link when the code has expired', async () => {
    net.on('POST /session/preview', { status: 400, error: 'Bad Request', message: ['Code expired'] }, 400);
    history.replaceState(null, '', '#creem_code=old');
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    await until(() => text(el).includes('This sign-in link has expired'), 'expired link');
    expect(location.hash).to.equal('');
    expect(el.shadowRoot!.querySelector('[name=email]')).to.exist;
  });

  it('treats a mangled code in the fragment as an expired link instead of failing to start', async () => {
    net.on('POST /session/preview', { status: 400, error: 'Bad Request', message: ['This sign-in link has expired or was already used.'] }, 400);
    history.replaceState(null, '', '#creem_code=%E0%A4%A');
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    await until(() => text(el).includes('This sign-in link has expired'), 'expired link');
    expect(net.last('POST /session/preview')!.body).to.deep.equal({ code: '%E0%A4%A' });
    expect(location.hash).to.equal('');
  });
});
