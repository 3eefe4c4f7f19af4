import { expect, oneEvent } from '@open-wc/testing';
import type { ChangePreview } from '../../contract/portal.js';
import { LIMITS } from '../../contract/values.js';
import { type Fake, TOKEN, button, click, fakeFetch, html, overview, portal, product, subscription, text, until } from './helpers.js';

const preview = (over: Partial<ChangePreview> = {}): ChangePreview => ({
  currency: 'EUR',
  charge_today: 2500,
  credit_today: 1000,
  net_today: 1500,
  tax_today: 300,
  total_today: 1800,
  next_charge_amount: 4999,
  next_charge_total: 5999,
  next_charge_date: '2026-12-01T00:00:00.000Z',
  product: product({ id: 'prod_team', name: 'Team', price: 4999 }),
  units: 1,
  ...over,
});

describe('<creem-portal> pause, resume, switch and quantity', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  const open = () => portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);

  it('pauses after a confirmation', async () => {
    net.on('POST /subscriptions/sub_1/pause', { subscription: subscription({ status: 'paused', next_transaction_date: null }) });
    const el = await open();
    await click(el, 'Manage subscription');
    await click(el, 'Pause subscription');
    expect(text(el)).to.contain('While paused you will not be charged.');
    await expect(el).to.be.accessible();
    const ev = oneEvent(el, 'creem-subscription-paused');
    await click(el, 'Pause subscription');
    expect((await ev).detail.subscription.status).to.equal('paused');
    expect(net.last()!.method).to.equal('POST');
    expect(net.last()!.path).to.equal('/subscriptions/sub_1/pause');
    await until(() => text(el).includes('Paused: no charges until you resume.'), 'paused');
  });

  it('offers to pause instead of canceling', async () => {
    const el = await open();
    await click(el, 'Manage subscription');
    await click(el, 'Cancel subscription');
    await click(el, 'Pause instead');
    expect(el.shadowRoot!.querySelector('#sheet-title')!.textContent).to.equal('Pause subscription');
  });

  it('does not pause when the page prevents creem-request-pause', async () => {
    const el = await open();
    el.addEventListener('creem-request-pause', (e) => e.preventDefault(), { once: true });
    await click(el, 'Manage subscription');
    await click(el, 'Pause subscription');
    await click(el, 'Pause subscription');
    expect(net.last('POST /subscriptions/sub_1/pause')).to.equal(undefined);
  });

  it('resumes a paused subscription', async () => {
    net.on('GET /overview', overview({ subscriptions: [subscription({ status: 'paused' })] }));
    net.on('POST /subscriptions/sub_1/resume', { subscription: subscription() });
    const el = await open();
    await expect(el).to.be.accessible();
    const ev = oneEvent(el, 'creem-subscription-resumed');
    await click(el, 'Resume subscription');
    await ev;
    expect(net.last()!.path).to.equal('/subscriptions/sub_1/resume');
    await until(() => text(el).includes('Next charge on'), 'active again');
  });

  it('switches plan after showing the proration preview', async () => {
    net.on('POST /subscriptions/sub_1/preview', preview());
    net.on('POST /subscriptions/sub_1/change', { subscription: subscription({ product: product({ id: 'prod_team', name: 'Team', price: 4999 }) }), transaction: null });
    const el = await open();
    await click(el, 'Manage subscription');
    await click(el, 'Switch plan');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=prod_team]')!.click();
    await click(el, 'Preview change');
    await until(() => text(el).includes('Charged today'), 'preview');
    expect(net.last('POST /subscriptions/sub_1/preview')!.body).to.deep.equal({ product_id: 'prod_team' });
    const t = text(el);
    // The sentence and the next charge say what really moves: tax included.
    expect(t).to.contain('€25.00').and.contain('€10.00').and.contain('€3.00').and.contain('€59.99 on Dec 1, 2026').and.contain('You will be charged €18.00 today.');
    await expect(el).to.be.accessible();
    const ev = oneEvent(el, 'creem-subscription-changed');
    await click(el, 'Confirm change');
    expect((await ev).detail.subscription.product.name).to.equal('Team');
    expect(net.last('POST /subscriptions/sub_1/change')!.body).to.deep.equal({ product_id: 'prod_team' });
    await until(() => text(el).includes('€49.99 per month'), 'new plan shown');
  });

  it('asks for a plan instead of sending a change without one', async () => {
    const el = await open();
    await click(el, 'Manage subscription');
    await click(el, 'Switch plan');
    // The current plan is shown checked but disabled, so the form carries no plan at all.
    await click(el, 'Preview change');
    const hint = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part~=sheet] [role=alert]'), 'a hint to choose a plan');
    expect(hint.textContent!.trim()).to.equal('Choose the plan to switch to.');
    expect(net.last('POST /subscriptions/sub_1/preview')).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('#sheet-title')!.textContent).to.equal('Switch plan');
    // The plan choice names the hint, so a screen reader reads it with the radio buttons.
    const group = el.shadowRoot!.querySelector('fieldset')!;
    expect(group.getAttribute('aria-describedby')).to.equal(hint.id);
    await expect(el).to.be.accessible();

    net.on('POST /subscriptions/sub_1/preview', preview());
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=prod_team]')!.click();
    await click(el, 'Preview change');
    await until(() => text(el).includes('Charged today'), 'preview once a plan is chosen');
    expect(net.last('POST /subscriptions/sub_1/preview')!.body).to.deep.equal({ product_id: 'prod_team' });
  });

  it('changes the quantity with the same preview, and a credit reads as a refund', async () => {
    net.on('POST /subscriptions/sub_1/preview', preview({ product: product(), units: 2, charge_today: 0, credit_today: 500, net_today: -500, tax_today: -100, total_today: -600 }));
    net.on('POST /subscriptions/sub_1/change', { subscription: subscription({ units: 2 }), transaction: null });
    const el = await open();
    await click(el, 'Manage subscription');
    await click(el, 'Change quantity');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLInputElement>('[name=units]')!.value = '2';
    await click(el, 'Preview change');
    await until(() => text(el).includes('€6.00 will be refunded to your payment method.'), 'credit');
    expect(net.last('POST /subscriptions/sub_1/preview')!.body).to.deep.equal({ units: 2 });
    await click(el, 'Confirm change');
    await until(() => text(el).includes('Quantity: 2'), 'quantity shown');
    expect(net.last('POST /subscriptions/sub_1/change')!.body).to.deep.equal({ units: 2 });
  });

  it('allows no more units than the portal API does', async () => {
    net.on('POST /subscriptions/sub_1/preview', preview({ product: product(), units: LIMITS.maxUnits }));
    const el = await open();
    await click(el, 'Manage subscription');
    await click(el, 'Change quantity');
    const units = el.shadowRoot!.querySelector<HTMLInputElement>('[name=units]')!;
    expect(units.max).to.equal(String(LIMITS.maxUnits));
    units.value = String(LIMITS.maxUnits + 1);
    await click(el, 'Preview change');
    expect(units.validity.rangeOverflow, 'the browser refuses the form').to.equal(true);
    expect(net.last('POST /subscriptions/sub_1/preview')).to.equal(undefined);
    units.value = String(LIMITS.maxUnits);
    await click(el, 'Preview change');
    await until(() => net.last('POST /subscriptions/sub_1/preview'), 'preview at the limit');
    expect(net.last('POST /subscriptions/sub_1/preview')!.body).to.deep.equal({ units: LIMITS.maxUnits });
  });

  it('does not change when the page prevents creem-request-change', async () => {
    net.on('POST /subscriptions/sub_1/preview', preview());
    const el = await open();
    el.addEventListener('creem-request-change', (e) => e.preventDefault(), { once: true });
    await click(el, 'Manage subscription');
    await click(el, 'Switch plan');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=prod_team]')!.click();
    await click(el, 'Preview change');
    await click(el, 'Confirm change');
    expect(net.last('POST /subscriptions/sub_1/change')).to.equal(undefined);
  });

  it('offers only what the merchant allows', async () => {
    net.on('GET /overview', overview({}, { allow_pause: false, allow_plan_switch: false, allow_units_change: false }));
    const el = await open();
    await click(el, 'Manage subscription');
    expect(button(el, 'Switch plan')).to.equal(undefined);
    expect(button(el, 'Change quantity')).to.equal(undefined);
    expect(button(el, 'Pause subscription')).to.equal(undefined);
    expect(button(el, 'Cancel subscription')).to.exist;
  });

  it('opens nothing for a flow it does not know', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en" subscription-id="sub_1" flow="refund"></creem-portal>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=sheet]')).to.equal(null);
    expect(text(el)).to.contain('Manage subscription');
  });

  it('deep-links straight into the cancel flow of one subscription', async () => {
    net.on('GET /overview', overview({ subscriptions: [subscription(), subscription({ id: 'sub_2', product: product({ name: 'Extra' }) })] }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en" subscription-id="sub_2" flow="cancel"></creem-portal>`);
    await until(() => el.shadowRoot!.querySelector('[part~=sheet]'), 'sheet');
    expect(el.shadowRoot!.querySelector('#sheet-title')!.textContent).to.equal('Cancel subscription');
    await click(el, 'Continue');
    expect(text(el)).to.contain('Your Extra subscription ends on');
  });
});
