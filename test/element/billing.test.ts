import { expect } from '@open-wc/testing';
import { type Fake, TOKEN, click, fakeFetch, html, overview, portal, text, until } from './helpers.js';

describe('<creem-portal> billing details', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  const open = () => portal(html`<creem-portal token=${TOKEN} locale="en" view="billing"></creem-portal>`);
  const field = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[name=${name}]`)!;

  it('shows the billing details and the card on file', async () => {
    const el = await open();
    expect(field(el, 'name').value).to.equal('Ada Lovelace');
    expect(field(el, 'email').value).to.equal('ada@example.com');
    await until(() => el.shadowRoot!.querySelector('datalist'), 'the country list');
    expect(field(el, 'country').value).to.equal('Germany');
    expect(field(el, 'city').value).to.equal('Berlin');
    expect(text(el)).to.contain('Visa ending in 4242, expires 12/2030');
    const link = el.shadowRoot!.querySelector('a')!;
    expect(link.href).to.equal('https://pay.example.com/update');
    expect(link.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
  });

  it('saves only what changed with PATCH /billing', async () => {
    const o = overview();
    net.on('PATCH /billing', { customer: { ...o.customer, name: 'Ada King', tax_id: 'DE999' } });
    const el = await open();
    field(el, 'name').value = 'Ada King';
    field(el, 'tax_id').value = 'DE999';
    await click(el, 'Save');
    await until(() => net.last('PATCH /billing'), 'patch');
    expect(net.last('PATCH /billing')!.body).to.deep.equal({ name: 'Ada King', tax_id: 'DE999' });
    await until(() => el.shadowRoot!.querySelector('[role=status]')!.textContent!.includes('Billing details saved.'), 'saved');
  });

  it('says a confirmation was sent when the email changes', async () => {
    const o = overview();
    net.on('PATCH /billing', { customer: { ...o.customer, pending_email: 'ada@new.example' } });
    const el = await open();
    field(el, 'email').value = 'ada@new.example';
    field(el, 'country').value = 'fr';
    field(el, 'line2').value = 'Floor 2';
    await click(el, 'Save');
    await until(() => text(el).includes('Confirmation sent to ada@new.example.'), 'pending email');
    expect(net.last('PATCH /billing')!.body).to.deep.equal({
      email: 'ada@new.example',
      country: 'FR',
      address: { line1: 'Main St 1', line2: 'Floor 2', city: 'Berlin', postal_code: '10115', state: null },
    });
    await expect(el).to.be.accessible();
  });

  it('links the payment method update only to https: or same-origin URLs', async () => {
    const o = overview();
    o.merchant.update_payment_method_url = 'javascript:alert(1)';
    net.on('GET /overview', o);
    const el = await open();
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    o.merchant.update_payment_method_url = 'http://evil.example/card';
    el.token = `${TOKEN}2`;
    await until(() => !el.shadowRoot!.querySelector('.skeleton') && el.shadowRoot!.querySelector('form'), 'reloaded');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('says when there is no card on file', async () => {
    const o = overview();
    o.customer.payment_method = null;
    net.on('GET /overview', o);
    const el = await open();
    expect(text(el)).to.contain('No card on file.');
  });
});

describe('<creem-portal> billing details the merchant manages elsewhere (companion mode)', () => {
  let net: Fake;
  const o = overview({}, { billing: { editable: ['name'], manage_link: true } });
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', o);
  });
  afterEach(() => net.restore());

  const open = () => portal(html`<creem-portal token=${TOKEN} locale="en" view="billing"></creem-portal>`);

  it('offers only the editable fields as inputs and shows the rest as text', async () => {
    const el = await open();
    const names = [...el.shadowRoot!.querySelectorAll('input')].map((i) => i.name);
    expect(names).to.deep.equal(['name']);
    const t = text(el);
    expect(t).to.contain('ada@example.com');
    expect(t).to.contain('Main St 1, 10115 Berlin');
    expect(t).to.contain("changed on the payment provider's page");
    await expect(el).to.be.accessible();
  });

  it('sends only the name, never a read-only field', async () => {
    net.on('PATCH /billing', { customer: { ...o.customer, name: 'Ada King' } });
    const el = await open();
    el.shadowRoot!.querySelector<HTMLInputElement>('[name=name]')!.value = 'Ada King';
    await click(el, 'Save');
    await until(() => net.last('PATCH /billing'), 'patch');
    expect(net.last('PATCH /billing')!.body).to.deep.equal({ name: 'Ada King' });
  });

  it('opens the payment page from a fresh link; where the pop-up is blocked it offers the link instead', async () => {
    net.on('POST /billing/manage-link', { url: 'https://creem.example/my-orders/login/abc' });
    const el = await open();
    const opened: string[] = [];
    const realOpen = window.open;
    // The browser blocks it: window.open answers null, as for a pop-up without a user gesture.
    window.open = ((url?: string | URL) => {
      opened.push(String(url));
      return null;
    }) as typeof window.open;
    try {
      await click(el, 'Manage payment details');
      await until(() => el.shadowRoot!.querySelector('a[href="https://creem.example/my-orders/login/abc"]'), 'fallback link');
    } finally {
      window.open = realOpen;
    }
    expect(opened).to.deep.equal(['']);
    expect(net.calls.filter((c) => c.path === '/billing/manage-link')).to.have.length(1);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="https://creem.example/my-orders/login/abc"]')!;
    expect(link.rel).to.contain('noopener');
    expect(link.textContent).to.contain('Open the payment page');
  });
});
