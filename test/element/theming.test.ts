import { expect } from '@open-wc/testing';
import { type Fake, TOKEN, fakeFetch, html, overview, portal } from './helpers.js';

/** What the README's "Make it look like your site" promises: the page's own CSS reaches in through custom properties and parts. */
describe('<creem-portal> theming', () => {
  let net: Fake;
  let sheet: HTMLStyleElement;
  beforeEach(() => {
    net = fakeFetch();
    sheet = document.createElement('style');
    sheet.textContent = `
      creem-portal.themed { --creem-portal-accent: rgb(225, 29, 72); --creem-portal-radius: 12px; }
      creem-portal.themed::part(button) { letter-spacing: 3px; }
      creem-portal.themed::part(item) { outline: 2px solid rgb(1, 2, 3); }
      creem-portal.themed::part(badge) { border-radius: 999px; }
      creem-portal.themed::part(item) button { letter-spacing: 9px; }
    `;
    document.head.append(sheet);
  });
  afterEach(() => {
    sheet.remove();
    net.restore();
  });

  it('takes custom properties and ::part() rules from the page stylesheet', async () => {
    net.on('GET /overview', overview());
    const el = await portal(html`<creem-portal class="themed" token=${TOKEN} locale="en"></creem-portal>`);
    const root = el.shadowRoot!;
    const item = root.querySelector('[part~="item"]')!;
    const badge = root.querySelector('[part~="badge"]')!;
    const buttons = [...root.querySelectorAll('[part~="button"]')];
    expect(buttons.length).to.be.greaterThan(0);
    for (const b of buttons) expect(getComputedStyle(b).letterSpacing).to.equal('3px');
    expect(getComputedStyle(item).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(badge).borderTopLeftRadius).to.equal('999px');
    const primary = root.querySelector('.primary, [part~="button"].primary') ?? buttons[0];
    expect(getComputedStyle(primary).getPropertyValue('--creem-portal-accent').trim()).to.equal('rgb(225, 29, 72)');
  });
});
