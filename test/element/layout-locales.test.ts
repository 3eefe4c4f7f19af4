import { expect, fixture } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { LOCALES, negotiate } from '../../contract/locales.js';
import type { ChangePreview } from '../../contract/portal.js';
import type { CreemPortalElement } from '../../widget/creem-portal.js';
import { type Fake, TOKEN, fakeFetch, html, overview, portal, product, realFetch, transaction, until } from './helpers.js';

// Issue 18: at 320 px every view and sheet step holds in every locale, with each catalog as it is today
// (untranslated ones are English copies, so they pass through the same checks as they fill in).

const RTL = ['ar', 'he', 'fa', 'ur'];
/** Boxes that cut their text on purpose with an ellipsis; anything else clipped is a bug. */
const ELLIPSIS_ALLOWED = new Set<string>([]);

const preview: ChangePreview = {
  currency: 'EUR', charge_today: 2500, credit_today: 1000, net_today: 1500, tax_today: 300, total_today: 1800,
  next_charge_amount: 4999, next_charge_total: 5999, next_charge_date: '2026-12-01T00:00:00.000Z',
  product: product({ id: 'prod_team', name: 'Team', price: 4999 }), units: 1,
};

const visible = (e: Element) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const describeEl = (e: Element) => `<${e.localName}${e.getAttribute('part') ? ` part=${e.getAttribute('part')}` : ''}${e.className ? ` class=${e.className}` : ''}> "${(e.textContent ?? '').trim().slice(0, 30)}"`;

/** Every layout fault in what the element shows now, as readable lines. */
function faults(el: CreemPortalElement, where: string): string[] {
  const root = el.shadowRoot!;
  const out: string[] = [];
  const boxes = [el as Element, ...root.querySelectorAll('[part~=sheet], [part~=base]')].filter(visible);
  for (const b of boxes) if (b.scrollWidth > b.clientWidth + 1) out.push(`${where}: ${describeEl(b)} scrolls sideways ${b.scrollWidth} > ${b.clientWidth}`);
  // An open sheet covers the page behind it (which is inert then): measure what the customer sees.
  const scope = root.querySelector('[part~=sheet]') ?? root;
  const frame = (root.querySelector('[part~=sheet]') ?? root.querySelector('[part~=base]') ?? el).getBoundingClientRect();
  // `.sr` is the visually hidden text for screen readers: clipped to 1 px on purpose.
  const all = [...scope.querySelectorAll('*')].filter(visible).filter((e) => !e.closest('.sr'));
  for (const e of all) {
    const hasText = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!hasText) continue;
    const r = e.getBoundingClientRect();
    const parent = (e.parentElement ?? e).getBoundingClientRect();
    const box = { left: Math.max(frame.left, parent.left), right: Math.min(frame.right, parent.right) };
    if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`${where}: ${describeEl(e)} sticks out [${r.left | 0},${r.right | 0}] of [${box.left | 0},${box.right | 0}]`);
  }
  for (const e of all) {
    const s = getComputedStyle(e);
    if (!/hidden|clip/.test(s.overflowX) || e.scrollWidth <= e.clientWidth + 1) continue;
    if (s.textOverflow === 'ellipsis' && ELLIPSIS_ALLOWED.has(e.getAttribute('part') ?? e.className)) continue;
    if (e.localName === 'select' || e.localName === 'input' || e.localName === 'textarea') continue;
    out.push(`${where}: ${describeEl(e)} clips ${e.scrollWidth} > ${e.clientWidth}`);
  }
  const controls = [...scope.querySelectorAll('button, a[href], input, select, textarea, label')].filter(visible).filter((c) => !(c.localName === 'input' && (c as HTMLInputElement).type === 'radio' && c.closest('label')));
  for (let i = 0; i < controls.length; i++)
    for (let j = i + 1; j < controls.length; j++) {
      const [a, b] = [controls[i], controls[j]];
      if (a.contains(b) || b.contains(a) || (a.localName === 'label' && (a as HTMLLabelElement).control === b) || (b.localName === 'label' && (b as HTMLLabelElement).control === a)) continue;
      const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
      const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (w > 1 && h > 1) out.push(`${where}: ${describeEl(a)} overlaps ${describeEl(b)} by ${w | 0}×${h | 0}`);
    }
  return out;
}

describe('<creem-portal> layout at 320 px in every locale', () => {
  let net: Fake;
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 1024, height: 768 }));
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
    net.on('GET /transactions', { items: [transaction()] });
    net.on('POST /subscriptions/sub_1/preview', preview);
  });
  afterEach(() => net.restore());

  it('renders every view and sheet step without overflow, clipping or overlapping controls', async function () {
    this.timeout(LOCALES.length * 4000);
    const found: string[] = [];
    const shownAs: string[] = [];
    for (const locale of LOCALES) {
      const el = await portal(html`<creem-portal token=${TOKEN} locale=${locale}></creem-portal>`);
      // A locale not yet in TRANSLATED is served its next choice, else English: measure what is shown.
      const shown = negotiate(locale).locale;
      shownAs.push(`${locale}→${shown}`);
      // English is the source language: it has no catalog, its messages are the keys.
      const res = shown === 'en' ? undefined : await realFetch(`/widget/locales/${shown}.json`);
      const catalog = (res ? await res.json() : {}) as Record<string, unknown>;
      const t = (s: string) => (typeof catalog[s] === 'string' ? (catalog[s] as string) : s);
      if (shown !== 'en') await until(() => el.shadowRoot!.textContent!.includes(t('Manage subscription')), `${locale} catalog`);
      const find = (label: string) => until(() => [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent!.trim() === t(label) || b.getAttribute('aria-label') === t(label)) ?? [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent!.includes(t(label))), `${locale} "${label}"`);
      const go = async (label: string) => { (await find(label)).click(); await el.updateComplete; await new Promise(requestAnimationFrame); };
      const check = (where: string) => found.push(...faults(el, `${locale} ${where}`));
      await find('Manage subscription');
      check('list');
      await go('Manage subscription');
      check('manage');
      // Right-to-left languages: the sheet is mirrored.
      if (RTL.includes(shown)) {
        const sheet = el.shadowRoot!.querySelector('[part~=sheet]')!;
        expect(getComputedStyle(sheet).direction, `${locale} sheet direction`).to.equal('rtl');
        const close = (await find('Close')).getBoundingClientRect();
        expect(close.left, `${locale} close button on the left`).to.be.below(innerWidth / 2);
      } else {
        const close = (await find('Close')).getBoundingClientRect();
        expect(close.right, `${locale} close button on the right`).to.be.above(innerWidth / 2);
      }
      await go('Cancel subscription');
      check('cancel survey');
      // Buttons side by side follow the reading direction (flex rows mirror; nothing hard-codes left/right),
      // and no arrow glyph that would point the wrong way in right-to-left text.
      const rtl = RTL.includes(shown);
      for (const row of el.shadowRoot!.querySelectorAll('[part~=sheet] .row')) {
        const [a, b] = [...row.querySelectorAll(':scope > button')].map((x) => x.getBoundingClientRect());
        if (a && b && Math.abs(a.top - b.top) < 2) expect(rtl ? a.left > b.left : a.left < b.left, `${locale} button order in a row`).to.equal(true);
      }
      expect(/[←→‹›⟵⟶]/.test(el.shadowRoot!.querySelector('[part~=sheet]')!.textContent!), `${locale} arrow glyph in the sheet`).to.equal(false);
      // Back to the list, then the next step from the sheet's menu.
      const fromMenu = async (action: string, where: string) => {
        await go('Close');
        await go('Manage subscription');
        await go(action);
        check(where);
      };
      await fromMenu('Pause subscription', 'pause offer');
      await fromMenu('Switch plan', 'change plan');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value=prod_team]')!.click();
      await go('Preview change');
      await find('Confirm change');
      check('change preview');
      await fromMenu('Change quantity', 'change seats');
      await go('Close');
      await go('Payments');
      await until(() => el.shadowRoot!.querySelector('table'), `${locale} payments`);
      check('payments');
      await go('Billing details');
      await until(() => el.shadowRoot!.querySelector('form'), `${locale} billing form`);
      check('billing details');
      el.remove();
      const signIn = await fixture<CreemPortalElement>(html`<creem-portal merchant="mer_1" locale=${locale}></creem-portal>`);
      await until(() => signIn.shadowRoot!.querySelector('[name=email]'), `${locale} sign-in`);
      found.push(...faults(signIn, `${locale} sign-in`));
      signIn.remove();
    }
    console.log(`locales shown: ${shownAs.join(' ')}`);
    expect(found).to.deep.equal([]);
  });
});
