import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { CreemPortalElement } from '../../widget/creem-portal.js';
import { type Fake, TOKEN, click, fakeFetch, html, overview, portal, subscription, transaction, until } from './helpers.js';

/** Every control in the shadow root is at least 24 × 24 CSS pixels (WCAG 2.2 target size). */
function smallTargets(el: CreemPortalElement) {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')]
    .filter((c) => c.getClientRects().length)
    .map((c) => [c, c.getBoundingClientRect()] as const)
    .filter(([, r]) => r.width < 24 || r.height < 24)
    .map(([c, r]) => `${c.outerHTML.slice(0, 60)} ${r.width}×${r.height}`);
}

describe('<creem-portal> layout, motion and target size', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview({ subscriptions: [subscription(), subscription({ id: 'sub_2', status: 'scheduled_cancel' })] }));
    net.on('GET /transactions', { items: [transaction()] });
  });
  afterEach(async () => {
    net.restore();
    await setViewport({ width: 1024, height: 768 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('keeps every control at least 24px in every view and sheet step', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    expect(smallTargets(el)).to.deep.equal([]);
    await click(el, 'Manage subscription');
    expect(smallTargets(el)).to.deep.equal([]);
    await click(el, 'Cancel subscription');
    expect(smallTargets(el)).to.deep.equal([]);
    await click(el, 'Close');
    await click(el, 'Payments');
    await until(() => el.shadowRoot!.querySelector('table'), 'payments');
    expect(smallTargets(el)).to.deep.equal([]);
    await click(el, 'Details');
    expect(smallTargets(el)).to.deep.equal([]);
    await click(el, 'Close');
    await click(el, 'Billing details');
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('opens the sheet at the side on wide screens and full screen on narrow ones', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    const sheet = el.shadowRoot!.querySelector<HTMLElement>('[part~=sheet]')!;
    expect(sheet.getBoundingClientRect().width).to.be.below(innerWidth);
    await click(el, 'Close');
    await setViewport({ width: 360, height: 640 });
    await click(el, 'Manage subscription');
    const narrow = el.shadowRoot!.querySelector<HTMLElement>('[part~=sheet]')!.getBoundingClientRect();
    expect(narrow.width).to.equal(innerWidth);
    expect(narrow.height).to.equal(innerHeight);
    await expect(el).to.be.accessible();
  });

  it('does not animate when the user prefers reduced motion', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~=sheet]')!).animationName).to.equal('slide');
    await click(el, 'Close');
    await emulateMedia({ reducedMotion: 'reduce' });
    await click(el, 'Manage subscription');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~=sheet]')!).animationName).to.equal('none');
  });
});
