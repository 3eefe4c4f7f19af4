import { expect, oneEvent } from '@open-wc/testing';
import { type Fake, TOKEN, click, fakeFetch, html, overview, portal, text, until } from './helpers.js';

describe('<creem-portal> states', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
  });
  afterEach(() => net.restore());

  it('shows an error with a retry that loads again', async () => {
    net.on('GET /overview', { status: 500, error: 'Internal', message: ['Boom'] }, 500);
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`, false);
    const err = await oneEvent(el, 'creem-error');
    expect(err.detail).to.deep.equal({ status: 500, message: 'Boom' });
    await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'error state');
    expect(text(el)).to.contain('Something went wrong. Boom');
    await expect(el).to.be.accessible();
    net.on('GET /overview', overview());
    await click(el, 'Try again');
    await until(() => text(el).includes('Pro'), 'loaded after retry');
  });

  it('says when it is offline, and retries when the connection is back', async () => {
    net.on('GET /overview', {}, 0);
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`, false);
    await until(() => text(el).includes('You appear to be offline.'), 'offline state');
    await expect(el).to.be.accessible();
    net.on('GET /overview', overview());
    window.dispatchEvent(new Event('online'));
    await until(() => text(el).includes('Pro'), 'loaded when online');
  });

  it('shows an error with retry for payments', async () => {
    net.on('GET /overview', overview());
    net.on('GET /transactions', {}, 0);
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en" view="payments"></creem-portal>`, false);
    await until(() => text(el).includes('You appear to be offline.'), 'offline payments');
    net.on('GET /transactions', { items: [] });
    await click(el, 'Try again');
    await until(() => text(el).includes('No payments yet.'), 'loaded after retry');
  });
});
