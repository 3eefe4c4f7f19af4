import { expect } from '@open-wc/testing';
import { LIMITS } from '../../contract/values.js';
import type { CreemPortalElement } from '../../widget/creem-portal.js';
import { type Fake, TOKEN, click, fakeFetch, html, overview, portal, transaction, until } from './helpers.js';

/** The maxlength of each named field in the shadow root. */
const maxLengths = (el: CreemPortalElement) =>
  Object.fromEntries(
    [...el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name]:not([type=radio]), textarea[name]')].map((f) => [f.name, f.maxLength]),
  );

describe('<creem-portal> input limits', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
    net.on('GET /transactions', { items: [transaction()] });
  });
  afterEach(() => net.restore());

  it('lets no text field take more than the portal API accepts', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    await click(el, 'Cancel subscription');
    expect(maxLengths(el)).to.deep.equal({ comment: LIMITS.cancelComment });
    await click(el, 'Close');

    await click(el, 'Payments');
    await until(() => el.shadowRoot!.querySelector('table'), 'payments');
    await click(el, 'Details');
    await click(el, 'Request invoice');
    expect(maxLengths(el)).to.deep.equal({ company_name: LIMITS.invoiceCompanyName, address: LIMITS.invoiceAddress, tax_id: LIMITS.taxId });
    await click(el, 'Back');
    await click(el, 'Request refund');
    expect(maxLengths(el)).to.deep.equal({ comment: LIMITS.refundComment });
    await click(el, 'Back');
    await click(el, 'Contact support');
    expect(maxLengths(el)).to.deep.equal({ subject: LIMITS.supportSubject, message: LIMITS.supportMessage });
    await click(el, 'Close');

    await click(el, 'Billing details');
    // The country box holds a name from the list; the form sends that country's code (billing.test.ts).
    const billing = maxLengths(el);
    delete billing.country;
    expect(billing).to.deep.equal({
      name: LIMITS.customerName,
      email: LIMITS.email,
      line1: LIMITS.addressLine,
      line2: LIMITS.addressLine,
      postal_code: LIMITS.postalCode,
      city: LIMITS.city,
      state: LIMITS.state,
      tax_id: LIMITS.taxId,
    });
  });

  it("offers exactly the seats the merchant's policy allows", async () => {
    net.on('GET /overview', overview({}, { units: { min: 2, max: 25 } }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    await click(el, 'Manage subscription');
    await click(el, 'Change quantity');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=units]')!;
    expect([input.min, input.max]).to.deep.equal(['2', '25']);
    input.value = '26';
    expect(input.checkValidity()).to.equal(false);
    await click(el, 'Preview change');
    expect(net.last('POST /subscriptions/sub_1/preview'), 'no request beyond the limit').to.equal(undefined);
  });

  it('lets the sign-in email be no longer than an address can be', async () => {
    const el = await portal(html`<creem-portal merchant="mer_1" locale="en"></creem-portal>`);
    expect(maxLengths(el)).to.deep.equal({ email: LIMITS.email });
  });
});
