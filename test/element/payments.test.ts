import { expect, oneEvent } from '@open-wc/testing';
import { type Fake, TOKEN, button, click, fakeFetch, html, overview, portal, subscription, text, transaction, until } from './helpers.js';

const fill = (root: ShadowRoot, name: string, value: string) => {
  const f = root.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name=${name}]`)!;
  f.value = value;
};

describe('<creem-portal> payments', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
    net.on('GET /transactions', { items: [transaction(), transaction({ id: 'tran_2', order_id: 'ord_2', status: 'refunded', amount: 400, amount_paid: 500 })] });
  });
  afterEach(() => net.restore());

  const open = async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en" view="payments"></creem-portal>`);
    await until(() => el.shadowRoot!.querySelector('table'), 'payments table');
    return el;
  };

  it('deep-links to payments and lists date, amount, status and order ID', async () => {
    const el = await open();
    expect(net.calls.map((c) => `${c.method} ${c.path}`)).to.have.members(['GET /overview', 'GET /transactions']);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('Nov 1, 2026').and.contain('€19.99').and.contain('Paid').and.contain('ord_1');
    // The list shows what the customer paid (tax included), not the pre-tax amount.
    expect(rows[1]).to.contain('€5.00').and.contain('Refunded').and.not.contain('€4.00');
    await expect(el).to.be.accessible();
  });

  it('loads payments when the tab is chosen, and shows the empty state', async () => {
    net.on('GET /transactions', { items: [] });
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en"></creem-portal>`);
    expect(net.last('GET /transactions')).to.equal(undefined);
    await click(el, 'Payments');
    await until(() => text(el).includes('No payments yet.'), 'empty payments');
    expect(net.last('GET /transactions')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('copies a clean text block of the payment details', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void (copied = t) }, configurable: true });
    const el = await open();
    await click(el, 'Details');
    await expect(el).to.be.accessible();
    await click(el, 'Copy details');
    await until(() => copied, 'clipboard');
    expect(copied).to.equal('Order ID: ord_1\nTransaction ID: tran_1\nAmount: €19.99\nDate: Nov 1, 2026\nProduct: Pro');
    await until(() => el.shadowRoot!.querySelector('[role=status]')!.textContent!.includes('Payment details copied.'), 'announced');
  });

  it('shows a printable receipt and prints it', async () => {
    let printed = 0;
    const real = window.print;
    window.print = () => void printed++;
    try {
      const el = await open();
      await click(el, 'Details');
      await click(el, 'View receipt');
      expect(el.shadowRoot!.querySelector('#sheet-title')!.textContent).to.equal('Receipt');
      expect(text(el)).to.contain('Acme').and.contain('Tax');
      await expect(el).to.be.accessible();
      await click(el, 'Print');
      expect(printed).to.equal(1);
    } finally {
      window.print = real;
    }
  });

  it('requests an invoice with company, address and tax ID', async () => {
    net.on('POST /invoice-requests', { reference: 'INV-42' }, 201);
    const el = await open();
    await click(el, 'Details');
    await click(el, 'Request invoice');
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    fill(root, 'company_name', 'Analytical Engines Ltd');
    fill(root, 'address', '1 Engine Way\nLondon');
    fill(root, 'tax_id', 'GB123');
    const ev = oneEvent(el, 'creem-invoice-requested');
    await click(el, 'Send request');
    expect((await ev).detail.reference).to.equal('INV-42');
    expect(net.last('POST /invoice-requests')!.body).to.deep.equal({
      transaction_id: 'tran_1',
      company_name: 'Analytical Engines Ltd',
      address: '1 Engine Way\nLondon',
      tax_id: 'GB123',
    });
    await until(() => text(el).includes('Invoice requested. Reference: INV-42'), 'reference');
  });

  it('contacts support and shows the reference number', async () => {
    net.on('POST /support', { reference: 'SUP-7' }, 201);
    const el = await open();
    await click(el, 'Contact support');
    const root = el.shadowRoot!;
    fill(root, 'subject', 'Question');
    fill(root, 'message', 'Hello there');
    await expect(el).to.be.accessible();
    const ev = oneEvent(el, 'creem-support-requested');
    await click(el, 'Send request');
    expect((await ev).detail.reference).to.equal('SUP-7');
    expect(net.last('POST /support')!.body).to.deep.equal({ subject: 'Question', message: 'Hello there' });
    await until(() => text(el).includes('Your reference number is SUP-7.'), 'reference');
  });

  it('requests a refund that is refunded at once', async () => {
    net.on('POST /refund-requests', { reference: 'REF-1', outcome: 'refunded', refund_amount: 1999, canceled_subscription: null }, 201);
    const el = await open();
    await click(el, 'Details');
    await click(el, 'Request refund');
    await expect(el).to.be.accessible();
    fill(el.shadowRoot!, 'reason', 'duplicate');
    fill(el.shadowRoot!, 'comment', 'Paid twice');
    const ev = oneEvent(el, 'creem-refund-requested');
    await click(el, 'Send request');
    expect((await ev).detail).to.include({ outcome: 'refunded', transaction_id: 'tran_1' });
    expect(net.last('POST /refund-requests')!.body).to.deep.equal({ transaction_id: 'tran_1', reason: 'duplicate', comment: 'Paid twice' });
    await until(() => text(el).includes('Refunded €19.99.'), 'outcome');
    expect(text(el)).not.to.contain('is canceled');
  });

  it('warns that refunding the current period ends the subscription, and shows it canceled after', async () => {
    const periodEnd = Date.now() + 10 * 864e5;
    net.on('GET /transactions', { items: [transaction({ period_start: Date.now() - 20 * 864e5, period_end: periodEnd })] });
    const canceled = subscription({ status: 'canceled', canceled_at: new Date().toISOString(), next_transaction_date: null });
    net.on('POST /refund-requests', { reference: 'REF-3', outcome: 'refunded', refund_amount: 1999, canceled_subscription: canceled }, 201);
    const el = await open();
    await click(el, 'Details');
    await click(el, 'Request refund');
    expect(text(el)).to.contain('If this payment is refunded at once, the subscription it paid for ends now.');
    await expect(el).to.be.accessible();
    const ev = oneEvent(el, 'creem-subscription-canceled');
    await click(el, 'Send request');
    expect((await ev).detail.subscription.status).to.equal('canceled');
    await until(() => text(el).includes('Refunded €19.99.') && text(el).includes('Pro is canceled.'), 'outcome with the cancel');
    await click(el, 'Done');
    await click(el, 'Subscriptions');
    await until(() => text(el).includes('Canceled'), 'the list shows the subscription canceled');
  });

  it('sends a refund request to the merchant when not refunded at once', async () => {
    net.on('POST /refund-requests', { reference: 'REF-2', outcome: 'pending', refund_amount: 0, canceled_subscription: null }, 201);
    const el = await open();
    await click(el, 'Details');
    await click(el, 'Request refund');
    await click(el, 'Send request');
    await until(() => text(el).includes('Your request REF-2 was sent to Acme.'), 'outcome');
    expect(net.last('POST /refund-requests')!.body).to.deep.equal({ transaction_id: 'tran_1', reason: 'duplicate' });
    await click(el, 'Done');
    await click(el, 'Details');
    expect(button(el, 'Request refund')).to.equal(undefined);
    expect(text(el)).to.contain('Refund request REF-2');
  });

  it('sends no refund request when the page prevents creem-request-refund', async () => {
    const el = await open();
    el.addEventListener('creem-request-refund', (e) => e.preventDefault(), { once: true });
    await click(el, 'Details');
    await click(el, 'Request refund');
    await click(el, 'Send request');
    expect(net.last('POST /refund-requests')).to.equal(undefined);
  });

  it('hides refund requests when the merchant does not allow them', async () => {
    net.on('GET /overview', overview({}, { refund: { auto_refund_days: 0, allow_requests: false } }));
    const el = await open();
    await click(el, 'Details');
    expect(button(el, 'Request refund')).to.equal(undefined);
  });
});
