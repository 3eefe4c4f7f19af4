import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { safeUrl } from '../../widget/api.js';
import { type Fake, TOKEN, click, fakeFetch, html, overview, portal, product, subscription, text, transaction, until } from './helpers.js';

const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;

describe('<creem-portal> safety and theming', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
  });
  afterEach(() => net.restore());

  it('renders names from the server as text, never as HTML', async () => {
    const o = overview({ subscriptions: [subscription({ product: product({ name: evil }) })] });
    o.merchant.name = evil;
    o.customer.name = evil;
    net.on('GET /overview', o);
    net.on('GET /transactions', { items: [transaction({ product_name: evil, order_id: evil })] });
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    expect(text(el)).to.contain('<script>');
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    await click(el, 'Manage subscription');
    await click(el, 'Close');
    await click(el, 'Payments');
    await until(() => el.shadowRoot!.querySelector('table'), 'payments');
    await click(el, 'Details');
    await click(el, 'View receipt');
    await click(el, 'Back');
    await click(el, 'Close');
    await click(el, 'Billing details');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name=name]')!.value).to.equal(evil);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('uses the merchant brand colour as the default accent through a custom property', async () => {
    net.on('GET /overview', overview());
    const el = await portal(html`<creem-portal token=${TOKEN}></creem-portal>`);
    expect(el.style.getPropertyValue('--_brand')).to.equal('#0f766e');
    expect(el.style.getPropertyValue('--_brand-fg')).to.equal('#fff');
    const primary = el.shadowRoot!.querySelector('.primary, [part~=button]')!;
    expect(primary).to.exist;
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
  });

  it('ignores a brand colour that is not a hex colour', async () => {
    const o = overview();
    o.merchant.brand_color = 'red;} :host{display:none';
    net.on('GET /overview', o);
    const el = await portal(html`<creem-portal token=${TOKEN}></creem-portal>`);
    expect(el.style.getPropertyValue('--_brand')).to.equal('');
  });

  it('lets the page theme it with --creem-portal-* properties and ::part', async () => {
    net.on('GET /overview', overview());
    const el = await portal(html`<creem-portal token=${TOKEN} style="--creem-portal-bg: rgb(1, 2, 3); --creem-portal-radius: 3px"></creem-portal>`);
    const base = el.shadowRoot!.querySelector('[part=base]')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(base).borderTopLeftRadius).to.equal('3px');
    for (const part of ['base', 'header', 'list', 'item', 'button', 'badge']) {
      expect(el.shadowRoot!.querySelector(`[part~=${part}]`), part).to.exist;
    }
  });

  it('has a dark theme, and auto follows prefers-color-scheme, both accessible', async () => {
    net.on('GET /overview', overview({ subscriptions: [subscription(), subscription({ id: 'sub_2', status: 'scheduled_cancel' })] }));
    const el = await portal(html`<creem-portal token=${TOKEN} theme="dark" locale="en"></creem-portal>`);
    const base = el.shadowRoot!.querySelector('[part=base]')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 24, 29)');
    await expect(el).to.be.accessible();
    await click(el, 'Manage subscription');
    await expect(el).to.be.accessible();
    await click(el, 'Close');
    el.theme = 'auto';
    await el.updateComplete;
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 24, 29)');
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('makes links only of https: URLs or real same-origin http(s) URLs, also on opaque-origin pages', () => {
    const page = { href: 'https://shop.example/account', origin: 'https://shop.example' };
    expect(safeUrl('https://pay.example/card', page)).to.equal('https://pay.example/card');
    expect(safeUrl('/billing/card', page)).to.equal('https://shop.example/billing/card');
    expect(safeUrl('http://evil.example/card', page)).to.equal(undefined);
    expect(safeUrl('javascript:alert(1)', page)).to.equal(undefined);
    // A sandboxed frame or file: page has the opaque origin "null", which javascript: URLs share.
    const opaque = { href: 'about:srcdoc', origin: 'null' };
    expect(safeUrl('javascript:alert(document.domain)', opaque)).to.equal(undefined);
    expect(safeUrl('data:text/html,<script>alert(1)</script>', opaque)).to.equal(undefined);
    expect(safeUrl('https://pay.example/card', opaque)).to.equal('https://pay.example/card');
  });
});
