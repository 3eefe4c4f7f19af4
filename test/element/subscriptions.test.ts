import { expect, oneEvent } from '@open-wc/testing';
import { type Fake, TOKEN, button, click, fakeFetch, html, overview, portal, subscription, text, until } from './helpers.js';

describe('<creem-portal> subscriptions', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
  });
  afterEach(() => net.restore());

  it('loads the first screen in one authenticated request', async () => {
    net.on('GET /overview', overview());
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    expect(net.calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['GET /overview']);
    expect(net.calls[0].headers.get('authorization')).to.equal(`Bearer ${TOKEN}`);
    const t = text(el);
    expect(t).to.contain('Pro');
    expect(t).to.contain('€19.99 per month');
    expect(t).to.contain('Active');
    expect(t).to.contain('Next charge on Dec 1, 2026');
    await expect(el).to.be.accessible();
  });

  it('fires creem-ready with the customer and subscriptions', async () => {
    net.on('GET /overview', overview());
    const wait = new Promise<CustomEvent>((r) => document.addEventListener('creem-ready', (e) => r(e), { once: true }));
    await portal(html`<creem-portal token=${TOKEN}></creem-portal>`);
    const e = await wait;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.customer.id).to.equal('cust_1');
    expect(e.detail.subscriptions).to.have.length(1);
  });

  it('shows the end date of a scheduled cancel, trial ends, quantity and the empty state', async () => {
    net.on(
      'GET /overview',
      overview({
        subscriptions: [
          subscription({ status: 'scheduled_cancel', next_transaction_date: null }),
          subscription({
            id: 'sub_2',
            status: 'trialing',
            units: 3,
            trial_end_date: new Date(Date.now() + 3 * 864e5).toISOString(),
          }),
        ],
      }),
    );
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    const t = text(el);
    expect(t).to.contain('Ends on Dec 1, 2026');
    expect(t).to.contain('Trial ends in 3 days');
    expect(t).to.contain('Quantity: 3');
    expect(t).to.contain('€59.97 per month');
    await expect(el).to.be.accessible();

    net.on('GET /overview', overview({ subscriptions: [] }));
    el.token = `${TOKEN}x`;
    await until(() => text(el).includes('You have no subscriptions yet.'), 'empty state');
    await expect(el).to.be.accessible();
  });

  it('draws a quick answer at once, without a skeleton flashing before it', async () => {
    net.on('GET /overview', overview());
    const el = document.createElement('creem-portal');
    el.setAttribute('token', TOKEN);
    let skeletons = 0;
    const seen = new MutationObserver(() => (skeletons += el.shadowRoot!.querySelectorAll('.skeleton').length));
    document.body.append(el);
    seen.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      await until(() => text(el).includes('Pro'), 'loaded');
      expect(skeletons, 'skeletons drawn').to.equal(0);
    } finally {
      seen.disconnect();
      el.remove();
    }
  });

  it('draws nothing for a tenth of a second while the overview is on its way, then a loading skeleton', async () => {
    let release!: () => void;
    net.on('GET /overview', () => new Promise((r) => (release = () => r(overview()))));
    const start = performance.now();
    const el = await portal(html`<creem-portal token=${TOKEN}></creem-portal>`, false);
    expect(el.shadowRoot!.childElementCount, 'nothing drawn at first').to.equal(0);
    await until(() => el.shadowRoot!.querySelector('.skeleton[aria-busy=true]'), 'skeleton');
    expect(performance.now() - start).to.be.at.least(100);
    await expect(el).to.be.accessible();
    release();
    await until(() => text(el).includes('Pro'), 'loaded');
  });

  it('undoes a scheduled cancel with "Keep my subscription"', async () => {
    net.on('GET /overview', overview({ subscriptions: [subscription({ status: 'scheduled_cancel' })] }));
    net.on('POST /subscriptions/sub_1/resume', { subscription: subscription() });
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    expect(text(el)).to.contain('You keep access until then');
    const ev = oneEvent(el, 'creem-subscription-resumed');
    await click(el, 'Keep my subscription');
    expect((await ev).detail.subscription.status).to.equal('active');
    expect(net.last()!.method).to.equal('POST');
    expect(net.last()!.path).to.equal('/subscriptions/sub_1/resume');
    await until(() => !button(el, 'Keep my subscription'), 'banner gone');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Pro is active again.');
  });
});
