import { expect } from '@open-wc/testing';
import { type Fake, TOKEN, fakeFetch, html, overview, portal, text, until } from './helpers.js';

/** Per locale: the "Manage subscription" button and the price line as the catalog and Intl should render them. */
const cases: [locale: string, manage: string, perMonth: (price: string) => string][] = [
  ['de', 'Abonnement verwalten', (p) => `${p} pro Monat`],
  ['fr', 'Gérer l’abonnement', (p) => `${p} par mois`],
  ['es', 'Gestionar suscripción', (p) => `${p} al mes`],
  ['it', 'Gestisci abbonamento', (p) => `${p} al mese`],
  ['pt-BR', 'Gerenciar assinatura', (p) => `${p} por mês`],
  ['nl', 'Abonnement beheren', (p) => `${p} per maand`],
  ['pl', 'Zarządzaj subskrypcją', (p) => `${p} miesięcznie`],
  ['ja', 'サブスクリプションを管理', (p) => `月額 ${p}`],
  ['ar', 'إدارة الاشتراك', (p) => `${p} شهريًا`],
];

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('<creem-portal> localization', () => {
  let net: Fake;
  beforeEach(() => {
    net = fakeFetch();
    net.on('GET /overview', overview());
  });
  afterEach(() => net.restore());

  for (const [locale, manage, perMonth] of cases) {
    it(`renders ${locale} text, money and dates`, async () => {
      const el = await portal(html`<creem-portal token=${TOKEN} locale=${locale}></creem-portal>`);
      await until(() => text(el).includes(manage), `${locale} catalog`);
      const price = squash(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(19.99));
      const date = squash(new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date('2026-12-01T00:00:00Z')));
      const t = squash(text(el));
      expect(t).to.contain(squash(perMonth(price)));
      expect(t).to.contain(date);
      const base = el.shadowRoot!.querySelector('[part=base]')!;
      expect(base.getAttribute('lang')).to.equal(locale);
      expect(base.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      // Only the active catalog is fetched.
      expect(net.calls.filter((c) => c.path.startsWith('/widget/locales/')).map((c) => c.path)).to.deep.equal([`/widget/locales/${locale}.json`]);
      await expect(el).to.be.accessible();
    });
  }

  it('falls back to <html lang>, then English, and follows a locale change', async () => {
    document.documentElement.lang = 'de-AT';
    try {
      const el = await portal(html`<creem-portal token=${TOKEN}></creem-portal>`);
      await until(() => text(el).includes('Abonnement verwalten'), 'German from <html lang>');
      el.locale = 'en';
      await until(() => text(el).includes('Manage subscription'), 'back to English');
      el.locale = 'xx';
      await el.updateComplete;
      expect(text(el)).to.contain('Manage subscription');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('formats numbers and dates in the regional variant asked for', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en-GB"></creem-portal>`);
    expect(text(el)).to.contain('Next charge on 1 Dec 2026');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('en-GB');
    expect(net.calls.filter((c) => c.path.startsWith('/widget/locales/'))).to.have.length(0);
  });

  it('keeps English when a catalog cannot be loaded', async () => {
    net.on('GET /widget/locales/fr.json', {}, 0);
    const el = await portal(html`<creem-portal token=${TOKEN} locale="fr"></creem-portal>`);
    await until(() => net.last('GET /widget/locales/fr.json'), 'catalog request');
    await el.updateComplete;
    expect(text(el)).to.contain('Manage subscription');
    el.locale = 'en';
  });
});
