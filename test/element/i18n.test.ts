import { expect, fixture } from '@open-wc/testing';
import { LOCALES, TRANSLATED, negotiate } from '../../contract/locales.js';
import { formatter } from '../../widget/i18n.js';
import type { PortalProduct } from '../../contract/portal.js';
import { type Fake, TOKEN, fakeFetch, html, overview, portal, product, subscription, text, until } from './helpers.js';

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

  it("builds the page language's money and date formatters while the page is idle, before any portal asks", async () => {
    await new Promise((idle) => requestIdleCallback(idle));
    const tag = negotiate(document.documentElement.lang, ...navigator.languages).tag;
    const built: string[] = [];
    for (const key of [`n|${tag}|USD`, `d|${tag}`]) formatter(key, () => (built.push(key), {}));
    expect(built, 'formatters built on demand rather than ahead').to.deep.equal([]);
  });

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
      // A language no catalog speaks is passed over for the next candidate: the page's.
      el.locale = 'xx';
      await until(() => text(el).includes('Abonnement verwalten'), 'German again from <html lang>');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('takes the lang of the closest ancestor before the document’s', async () => {
    document.documentElement.lang = 'de';
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="fr-CH"><creem-portal token=${TOKEN}></creem-portal></div>`);
      const el = wrap.querySelector('creem-portal')!;
      await until(() => text(el).includes('Gérer l’abonnement'), 'French from the enclosing lang');
      expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('fr-CH');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('reads a regional tag with the closest catalog and formats in the region asked for', async () => {
    // Mexico reads the Latin-American catalog (es-419), not Spain's.
    const el = await portal(html`<creem-portal token=${TOKEN} locale="es-MX"></creem-portal>`);
    await until(() => text(el).includes('Administrar suscripción'), 'Latin-American Spanish');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('es-MX');
    const price = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'EUR' }).format(19.99);
    expect(squash(text(el))).to.contain(squash(price));
  });

  it('passes over a locale whose catalog is not translated yet (to the browser’s English here), fetching no catalog for it', async () => {
    const waiting = LOCALES.find((l) => !TRANSLATED.some((t) => t.split('-')[0] === l.split('-')[0]));
    if (!waiting) return;
    expect(navigator.languages[0]).to.match(/^en/);
    const el = await portal(html`<creem-portal token=${TOKEN} locale=${waiting}></creem-portal>`);
    expect(text(el)).to.contain('Manage subscription');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal(navigator.languages[0]);
    expect(net.calls.filter((c) => c.path.startsWith('/widget/locales/'))).to.have.length(0);
  });

  it('tells the server the language it shows, so the customer’s mails follow it', async () => {
    const el = await portal(html`<creem-portal token=${TOKEN} locale="pt-BR"></creem-portal>`);
    expect(net.last('GET /overview')!.headers.get('accept-language')).to.equal('pt-BR');
    el.locale = 'de-AT';
    el.token = `${TOKEN}2`;
    await until(() => net.calls.filter((c) => c.path === '/overview').length === 2, 'second overview');
    expect(net.last('GET /overview')!.headers.get('accept-language')).to.equal('de-AT');
  });

  it('counts in the plural forms of the language: Polish has three for whole numbers', async () => {
    const every = (billing_period: PortalProduct['billing_period']) => subscription({ id: `sub_${billing_period}`, product: product({ id: `prod_${billing_period}`, billing_period }) });
    net.on('GET /overview', overview({ subscriptions: [every('every-three-months'), every('every-six-months')] }));
    const el = await portal(html`<creem-portal token=${TOKEN} locale="pl"></creem-portal>`);
    await until(() => text(el).includes('co 3 miesiące'), 'Polish few');
    expect(text(el)).to.contain('co 6 miesięcy');
  });

  it('says in Arabic, with its own plural form, when the sign-in link expires', async () => {
    net.on('POST /magic-link', {}, 202);
    const el = await portal(html`<creem-portal merchant="mer_1" locale="ar"></creem-portal>`);
    await until(() => el.shadowRoot!.querySelector('[name=email]') && text(el).includes('تسجيل'), 'Arabic form');
    el.shadowRoot!.querySelector<HTMLInputElement>('[name=email]')!.value = 'ada@example.com';
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    // Ten is "few" in Arabic (3 to 10): دقائق, not the singular دقيقة of eleven and more.
    await until(() => text(el).includes('تنتهي صلاحيته خلال 10 دقائق.'), 'the expiry in Arabic');
    expect(text(el)).to.contain('ada@example.com');
  });

  it('formats numbers and dates in the regional variant asked for', async () => {
    // British English has a catalog of its own (cancelled, postcode); dates follow the region.
    const el = await portal(html`<creem-portal token=${TOKEN} locale="en-GB"></creem-portal>`);
    await until(() => text(el).includes('Next charge on 1 Dec 2026'), 'British English');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('en-GB');
    expect(net.calls.filter((c) => c.path.startsWith('/widget/locales/')).map((c) => c.path)).to.deep.equal(['/widget/locales/en-GB.json']);
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
