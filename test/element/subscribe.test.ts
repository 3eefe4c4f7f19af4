import { expect } from '@open-wc/testing';
import { type Fake, TOKEN, button, click, fakeFetch, html, overview, portal, product, subscription, text, until } from './helpers.js';

/** A window.open stand-in: the real one would open a window the test cannot close like a customer would. */
function fakePopup() {
  const opened: { url?: string; name?: string; features?: string } = {};
  const win = { closed: false, location: { href: '' }, close: () => (win.closed = true) };
  const real = window.open;
  window.open = ((url?: string, name?: string, features?: string) => (Object.assign(opened, { url, name, features }), win as unknown as Window)) as typeof window.open;
  return { win, opened, restore: () => (window.open = real) };
}

describe('<creem-portal> subscribe again', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    sessionStorage.clear();
  });
  afterEach(() => net.restore());

  const ended = subscription({ status: 'canceled', canceled_at: '2026-10-01T00:00:00.000Z', next_transaction_date: null });

  it('offers the plans once every subscription has ended, accessibly; not while one is live', async () => {
    net.on('GET /overview', overview({ subscriptions: [ended], plans: [product(), product({ id: 'prod_team', name: 'Team', price: 4999, description: 'For <b>teams</b>' })] }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    const t = text(el);
    expect(t).to.contain('Choose a plan');
    expect(t).to.contain('All your subscriptions have ended. Choose a plan to subscribe again.');
    expect(t).to.contain('€49.99 per month');
    expect(t).to.contain('For <b>teams</b>', 'a description is text, never HTML');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    const subscribe = [...el.shadowRoot!.querySelectorAll('button')].filter((b) => b.textContent!.includes('Subscribe'));
    expect(subscribe).to.have.length(2);
    // Each button says which plan it is for.
    expect(el.shadowRoot!.getElementById(subscribe[1].getAttribute('aria-describedby')!)!.textContent).to.equal('Team');
    await expect(el).to.be.accessible();

    net.on('GET /overview', overview({ subscriptions: [ended, subscription({ id: 'sub_2' })] }));
    el.token = `${TOKEN}x`;
    await until(() => text(el).includes('Manage subscription'), 'the live one');
    expect(text(el)).not.to.contain('Choose a plan');
    expect(button(el, 'Subscribe')).to.equal(undefined);
  });

  it('a customer with none yet is offered them too, under the empty state', async () => {
    net.on('GET /overview', overview({ subscriptions: [] }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    expect(text(el)).to.contain('You have no subscriptions yet.');
    expect(text(el)).to.contain('Choose a plan');
    expect(text(el)).not.to.contain('have ended');
  });

  it('in a popup: asks for a checkout back to this page, opens it, and announces the new subscription once the popup closes', async () => {
    net.on('GET /overview', overview({ subscriptions: [ended] }));
    net.on('POST /checkouts', { checkout_id: 'ch_1', checkout_url: 'http://127.0.0.1:9/checkout/ch_1' }, 201);
    const popup = fakePopup();
    try {
      const el = await portal(html`<creem-portal token=${TOKEN} locale="en" checkout-target="popup"></creem-portal>`);
      await click(el, 'Subscribe');
      await until(() => popup.win.location.href, 'the checkout opened');
      expect(popup.win.location.href).to.equal('http://127.0.0.1:9/checkout/ch_1');
      expect(popup.opened.name).to.equal('creem-checkout');
      const back = new URL(net.last('POST /checkouts')!.body.return_url);
      expect(back.origin + back.pathname).to.equal(location.origin + location.pathname);
      expect(back.searchParams.get('creem_checkout'), 'marked as the popup’s return').to.equal('popup');
      expect(net.last('POST /checkouts')!.body.product_id).to.equal('prod_pro');

      const fresh = subscription({ id: 'sub_new', created_at: '2026-12-01T00:00:00.000Z' });
      net.on('GET /overview', overview({ subscriptions: [fresh, ended] }));
      const created = new Promise<CustomEvent>((r) => el.addEventListener('creem-subscription-created', (e) => r(e as CustomEvent), { once: true }));
      const ready: Event[] = [];
      el.addEventListener('creem-ready', (e) => ready.push(e));
      // The popup, back on this page, names the new subscription over the same-origin channel.
      const channel = new BroadcastChannel('creem-portal:checkout');
      channel.postMessage({ subscription_id: 'sub_new' });
      channel.close();
      const e = await created;
      expect(e.bubbles && e.composed).to.equal(true);
      expect(e.detail.subscription.id).to.equal('sub_new');
      await until(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('You are subscribed to Pro.'), 'announced');
      expect(text(el)).to.contain('Manage subscription');
      expect(text(el)).not.to.contain('Choose a plan');
      expect(ready, 'refreshed in place, not loaded again').to.have.length(0);
    } finally {
      popup.restore();
    }
  });

  it('the return URL is this page without its fragment (the server drops an earlier checkout’s redirect parameters)', async () => {
    const here = location.href;
    history.replaceState(null, '', `${location.pathname}?keep=1&creem_checkout=popup#frag`);
    try {
      net.on('GET /overview', overview({ subscriptions: [ended] }));
      net.on('POST /checkouts', { status: 400, error: 'Bad Request', message: ['stop here'] }, 400);
      const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
      await click(el, 'Subscribe');
      await until(() => net.last('POST /checkouts'), 'asked');
      expect(net.last('POST /checkouts')!.body.return_url).to.equal(`${location.origin}${location.pathname}?keep=1`);
    } finally {
      history.replaceState(null, '', here);
    }
  });

  it('a refused checkout is said in place, and the popup opened for it is closed again', async () => {
    net.on('GET /overview', overview({ subscriptions: [ended] }));
    net.on('POST /checkouts', { status: 409, error: 'Conflict', message: ['You already have a subscription: change its plan instead of starting another.'] }, 409);
    const popup = fakePopup();
    try {
      const el = await portal(html`<creem-portal token=${TOKEN} locale="en" checkout-target="popup"></creem-portal>`);
      await click(el, 'Subscribe');
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error');
      expect(text(el)).to.contain('You already have a subscription');
      expect(popup.win.closed).to.equal(true);
      expect(popup.win.location.href).to.equal('');
    } finally {
      popup.restore();
    }
  });

  it('says the plans, and the new subscription on coming back in this tab, in the customer’s language', async () => {
    net.on('GET /overview', overview({ subscriptions: [ended] }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="de"></creem-portal>`);
    await until(() => text(el).includes('Tarif auswählen'), 'German catalog');
    expect(text(el)).to.contain('Alle Ihre Abonnements sind beendet. Wählen Sie einen Tarif, um erneut zu abonnieren.');
    expect(button(el, 'Abonnieren')).not.to.equal(undefined);
    el.remove();

    // As the click left it before the page went to the checkout: the subscriptions there were.
    sessionStorage.setItem('creem-portal:checkout', JSON.stringify({ customer: 'cust_1', ids: [ended.id], at: Date.now() }));
    net.on('GET /overview', overview({ subscriptions: [subscription({ id: 'sub_new' }), ended] }));
    const back = await portal(html`<creem-portal token=${TOKEN} locale="de"></creem-portal>`);
    await until(() => back.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('Sie haben Pro abonniert.'), 'announced in German');
    expect(sessionStorage.getItem('creem-portal:checkout'), 'the note is spent').to.equal(null);
  });

  it('looks for a return from a checkout only once the first screen is drawn', async () => {
    sessionStorage.setItem('creem-portal:checkout', JSON.stringify({ customer: 'cust_1', ids: [ended.id], at: Date.now() }));
    net.on('GET /overview', overview({ subscriptions: [subscription({ id: 'sub_new' }), ended] }));
    // What the shadow root showed when the note was first read (a page's first read costs it a millisecond or two).
    const shown: number[] = [];
    const read = Storage.prototype.getItem;
    Storage.prototype.getItem = function (this: Storage, key: string) {
      if (key === 'creem-portal:checkout') shown.push(document.querySelector('creem-portal')?.shadowRoot?.querySelectorAll('[part~="item"]').length ?? -1);
      return read.call(this, key);
    };
    try {
      const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
      await until(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('You are subscribed to Pro.'), 'announced');
    } finally {
      Storage.prototype.getItem = read;
    }
    expect(shown[0], 'subscriptions on screen at the first read').to.equal(2);
  });
});
