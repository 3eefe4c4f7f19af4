import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CreemPortalElement } from '../../widget/creem-portal.js';
import { COUNTRIES } from '../../contract/countries.js';
import { type Fake, TOKEN, click, fakeFetch, html, overview, portal, realFetch, text, until } from './helpers.js';

describe('<creem-portal> billing country', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  const open = async (locale = 'en') => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale=${locale} view="billing"></creem-portal>`);
    await until(() => el.shadowRoot!.querySelector('datalist') && el.shadowRoot!.querySelector('h3')!.textContent !== (locale === 'en' ? '' : 'Billing details'), 'the country list and the catalog');
    await el.updateComplete;
    return el;
  };
  const box = (el: CreemPortalElement) => el.shadowRoot!.querySelector<HTMLInputElement>('input[name=country]')!;
  const hint = (el: CreemPortalElement, field: string) => {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[name=${field}]`)!;
    const id = input.getAttribute('aria-describedby');
    return id ? el.shadowRoot!.getElementById(id)?.textContent?.trim() : undefined;
  };
  /** Types into the country box as a person would: focus, select all, type. */
  const type = async (el: CreemPortalElement, value: string) => {
    box(el).focus();
    box(el).select();
    await sendKeys({ type: value });
    await el.updateComplete;
  };

  it('is a labelled combobox offering every country by its name in the customer’s language, sorted their way', async () => {
    const el = await open('de');
    expect(box(el).value).to.equal('Deutschland');
    expect(box(el).labels![0].textContent).to.contain('Land');
    const names = [...el.shadowRoot!.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value);
    expect(names).to.have.length(COUNTRIES.length);
    expect(names).to.include.members(['Deutschland', 'Österreich', 'Vereinigte Staaten', 'Japan', 'Côte d’Ivoire']);
    expect(names).to.deep.equal([...names].sort(new Intl.Collator('de').compare));
    // Ö sorts with O in German, not after Z.
    expect(names.indexOf('Österreich')).to.be.lessThan(names.indexOf('Polen'));
    await expect(el).to.be.accessible();
  });

  it('sends the code of the country chosen by name, and the hints follow it', async () => {
    net.on('PATCH /billing', (c: { body: { country: string } }) => ({ customer: { ...overview().customer, country: c.body.country } }));
    const el = await open('de');
    expect(hint(el, 'postal_code')).to.equal('Zum Beispiel: 10115');
    expect(hint(el, 'tax_id')).to.equal('Zum Beispiel: DE123456789');
    await type(el, 'Frankreich');
    expect(hint(el, 'postal_code')).to.equal('Zum Beispiel: 75001');
    expect(hint(el, 'tax_id')).to.equal('Zum Beispiel: FR12345678901');
    await click(el, 'Speichern');
    await until(() => net.last('PATCH /billing'), 'patch');
    expect(net.last('PATCH /billing')!.body).to.deep.equal({ country: 'FR' });
  });

  it('takes a name whatever its case and accents, the English name autofill may write, or a code', async () => {
    net.on('PATCH /billing', { customer: overview().customer });
    for (const [typed, code] of [['österreich', 'AT'], ['COTE D’IVOIRE', 'CI'], ['Switzerland', 'CH'], ['jp', 'JP']]) {
      const el = await open('de');
      await type(el, typed);
      expect(box(el).validity.valid, typed).to.equal(true);
      await click(el, 'Speichern');
      await until(() => net.last('PATCH /billing')?.body.country === code, `${typed} → ${code}`);
      el.remove();
    }
  });

  it('refuses a name that is not on the list, saying why, and sends nothing', async () => {
    const el = await open('en');
    await type(el, 'Atlantis');
    expect(box(el).validity.valid).to.equal(false);
    expect(box(el).validationMessage).to.equal('Choose a country from the list.');
    await click(el, 'Save');
    expect(net.last('PATCH /billing')).to.equal(undefined);
    // Emptying the box is no choice either way: nothing is sent for the country.
    await type(el, ' ');
    expect(box(el).validity.valid).to.equal(true);
  });

  it('shows no hint for a country the table does not cover', async () => {
    const el = await open('en');
    await type(el, 'Chad');
    expect(hint(el, 'postal_code')).to.equal(undefined);
    expect(hint(el, 'tax_id')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('fetches the list only when the billing form shows, once', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    expect(net.calls.filter((c) => c.path === '/widget/countries.json')).to.have.length(0);
    await click(el, 'Billing details');
    await until(() => el.shadowRoot!.querySelector('datalist'), 'the country list');
    await click(el, 'Subscriptions');
    await click(el, 'Billing details');
    expect(net.calls.filter((c) => c.path === '/widget/countries.json')).to.have.length(1);
  });

  it('shows the country by name where the merchant keeps it read-only', async () => {
    net.on('GET /overview', overview({}, { billing: { editable: ['name'], manage_link: true } }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="ja" view="billing"></creem-portal>`);
    await until(() => text(el).includes('ドイツ'), 'the country in Japanese');
  });

  it('shows a code Intl cannot name (an older record) as it is, rather than failing', async () => {
    const o = overview();
    o.customer.country = 'XYZ1';
    net.on('GET /overview', o);
    const el = await open('en');
    expect(box(el).value).to.equal('XYZ1');
  });

  it('ships no country names in the bundle', async () => {
    const code = await (await realFetch(new URL('/dist/creem-portal.js', location.href))).text();
    for (const name of ['Germany', 'Deutschland', 'Switzerland', 'Côte d’Ivoire', 'Vereinigte']) expect(code.includes(name), name).to.equal(false);
  });
});
