import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CreemPortalElement } from '../../widget/creem-portal.js';
import { type Fake, TOKEN, button, click, fakeFetch, html, overview, portal, subscription, text, until } from './helpers.js';

const active = (el: CreemPortalElement) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Press Tab until the focused control's text (or label) contains `label`. */
async function tabTo(el: CreemPortalElement, label: string) {
  for (let i = 0; i < 30; i++) {
    await sendKeys({ press: 'Tab' });
    const a = active(el);
    if (a && (a.textContent!.includes(label) || a.closest('label')?.textContent!.includes(label))) return a;
  }
  throw new Error(`could not reach "${label}" with Tab`);
}

describe('<creem-portal> cancel', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  it('cancels at period end after a reason and a confirmation that says when', async () => {
    net.on('POST /subscriptions/sub_1/cancel', { subscription: subscription({ status: 'scheduled_cancel', next_transaction_date: null }) });
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    const sheet = el.shadowRoot!.querySelector('[part~=sheet]')!;
    expect(sheet.getAttribute('role')).to.equal('dialog');
    await expect(el).to.be.accessible();
    await click(el, 'Cancel subscription');
    expect(text(el)).to.contain('Why are you canceling?');
    await expect(el).to.be.accessible();
    const reason = el.shadowRoot!.querySelector<HTMLInputElement>('input[value=missing_features]')!;
    reason.click();
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name=comment]')!.value = 'Needs SSO';
    await click(el, 'Continue');
    expect(text(el)).to.contain('Your Pro subscription ends on Dec 1, 2026. You keep access until then');
    await expect(el).to.be.accessible();
    const ev = oneEvent(el, 'creem-subscription-canceled');
    await click(el, 'Confirm cancellation');
    expect((await ev).detail.subscription.status).to.equal('scheduled_cancel');
    const call = net.last('POST /subscriptions/sub_1/cancel')!;
    expect(call.body).to.deep.equal({ mode: 'scheduled', reason: 'missing_features', comment: 'Needs SSO' });
    await until(() => !el.shadowRoot!.querySelector('[part~=sheet]'), 'sheet closed');
    expect(text(el)).to.contain('Ends on Dec 1, 2026');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Pro will end on Dec 1, 2026.');
  });

  it('cancels immediately when chosen and says access ends now', async () => {
    net.on('POST /subscriptions/sub_1/cancel', { subscription: subscription({ status: 'canceled', canceled_at: '2026-11-20T00:00:00.000Z' }) });
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    await click(el, 'Cancel subscription');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=immediate]')!.click();
    await click(el, 'Continue');
    expect(text(el)).to.contain('ends now and you lose access immediately');
    await click(el, 'Confirm cancellation');
    await until(() => text(el).includes('Canceled on Nov 20, 2026'), 'canceled');
    expect(net.last('POST /subscriptions/sub_1/cancel')!.body).to.deep.equal({ mode: 'immediate', reason: 'too_expensive' });
    expect(button(el, 'Manage subscription')).to.equal(undefined);
  });

  it('offers only the merchant’s cancel modes', async () => {
    net.on('GET /overview', overview({}, { cancel_modes: ['scheduled'], allow_pause: false }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    await click(el, 'Cancel subscription');
    expect(el.shadowRoot!.querySelector('input[value=immediate]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input[value=scheduled]')).to.exist;
    expect(button(el, 'Pause instead')).to.equal(undefined);
  });

  it('does nothing when the page prevents creem-request-cancel', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    el.addEventListener('creem-request-cancel', (e) => e.preventDefault(), { once: true });
    await click(el, 'Manage subscription');
    await click(el, 'Cancel subscription');
    await click(el, 'Continue');
    await click(el, 'Confirm cancellation');
    expect(net.last('POST /subscriptions/sub_1/cancel')).to.equal(undefined);
  });

  it('shows the server error in the sheet and fires creem-error', async () => {
    net.on('POST /subscriptions/sub_1/cancel', { status: 409, error: 'Conflict', message: ['Subscription is already canceled'] }, 409);
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    await click(el, 'Cancel subscription');
    await click(el, 'Continue');
    const ev = oneEvent(el, 'creem-error');
    await click(el, 'Confirm cancellation');
    expect((await ev).detail.status).to.equal(409);
    await until(() => el.shadowRoot!.querySelector('[part~=sheet] [role=alert]'), 'error in sheet');
    expect(text(el)).to.contain('Subscription is already canceled');
  });

  it('can be done with the keyboard alone, and the sheet traps and returns focus', async () => {
    net.on('POST /subscriptions/sub_1/cancel', { subscription: subscription({ status: 'scheduled_cancel' }) });
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    const trigger = await tabTo(el, 'Manage subscription');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)!.id).to.equal('sheet-title');
    // Tab cycles inside the sheet.
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      expect(active(el)!.closest('[part~=sheet]'), `focus stays in the sheet (${i})`).to.exist;
    }
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=sheet]')).to.equal(null);
    expect(active(el)).to.equal(trigger);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tabTo(el, 'Cancel subscription');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tabTo(el, 'It is too expensive');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo(el, 'Continue');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tabTo(el, 'Confirm cancellation');
    await sendKeys({ press: 'Enter' });
    await until(() => net.last('POST /subscriptions/sub_1/cancel'), 'cancel request');
    expect(net.last('POST /subscriptions/sub_1/cancel')!.body).to.deep.equal({ mode: 'scheduled', reason: 'missing_features' });
  });
});
