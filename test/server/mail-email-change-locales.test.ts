import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, call, customerByEmail, tokenFor, type TestApp } from '../support/server.js';
import { merchantOf, updateMerchant } from './signin-helpers.js';
import { changedMail, changeRequestedMail, confirmNewAddressMail } from '../../server/mail/email-change-mails.js';
import { text as emailChangeText, type TextKey } from '../../server/texts/index.js';
import { en } from '../../server/texts/en.js';
import { LOCALES, TRANSLATED, textDirection, type Locale } from '../../contract/locales.js';

const EMAIL_CHANGE_KEYS = (Object.keys(en) as TextKey[]).slice(Object.keys(en).indexOf('confirmSubject'));
import type { Merchant } from '../../server/store/schema.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const URL_ = 'https://portal.example/portal/email/confirm/abc';
const MAILS = {
  'confirm new address': (locale: Locale, merchant: Merchant) => confirmNewAddressMail({ locale, merchant, hours: 24, url: URL_ }),
  'change requested': (locale: Locale, merchant: Merchant) => changeRequestedMail({ locale, merchant, hours: 24, masked: 'n***@example.com', url: URL_ }),
  changed: (locale: Locale, merchant: Merchant) => changedMail({ locale, merchant, hours: 24, masked: 'n***@example.com', url: URL_ }),
};

/** Each mail's subject in each language for the demo brand, written out: a broken catalogue or renderer fails here. */
const SUBJECTS: Record<keyof typeof MAILS, Partial<Record<Locale, string>>> = {
  'confirm new address': {
    en: 'Confirm your new email address for Acme Cloud',
    de: 'Bestätigen Sie Ihre neue E-Mail-Adresse für Acme Cloud',
    fr: 'Confirmez votre nouvelle adresse e-mail pour Acme Cloud',
    es: 'Confirme su nueva dirección de correo para Acme Cloud',
    it: 'Confermi il Suo nuovo indirizzo email per Acme Cloud',
    'pt-BR': 'Confirme seu novo e-mail para Acme Cloud',
    nl: 'Bevestig uw nieuwe e-mailadres voor Acme Cloud',
    pl: 'Potwierdź nowy adres e-mail w Acme Cloud',
    ja: 'Acme Cloud の新しいメールアドレスを確認してください',
    ar: 'أكّد بريدك الإلكتروني الجديد لدى Acme Cloud',
  },
  'change requested': {
    en: 'Your Acme Cloud email address is being changed',
    de: 'Die E-Mail-Adresse Ihres Acme Cloud-Kontos wird geändert',
    fr: "L'adresse e-mail de votre compte Acme Cloud va être modifiée",
    es: 'Se está cambiando su correo de Acme Cloud',
    it: "L'indirizzo email del Suo account Acme Cloud sta per cambiare",
    'pt-BR': 'O e-mail da sua conta Acme Cloud está sendo alterado',
    nl: 'Het e-mailadres van uw Acme Cloud-account wordt gewijzigd',
    pl: 'Adres e-mail Twojego konta Acme Cloud jest zmieniany',
    ja: 'Acme Cloud のメールアドレスが変更されようとしています',
    ar: 'يجري تغيير بريدك الإلكتروني في Acme Cloud',
  },
  changed: {
    en: 'Your Acme Cloud email address was changed',
    de: 'Die E-Mail-Adresse Ihres Acme Cloud-Kontos wurde geändert',
    fr: "L'adresse e-mail de votre compte Acme Cloud a été modifiée",
    es: 'Se ha cambiado su correo de Acme Cloud',
    it: "L'indirizzo email del Suo account Acme Cloud è stato cambiato",
    'pt-BR': 'O e-mail da sua conta Acme Cloud foi alterado',
    nl: 'Het e-mailadres van uw Acme Cloud-account is gewijzigd',
    pl: 'Adres e-mail Twojego konta Acme Cloud został zmieniony',
    ja: 'Acme Cloud のメールアドレスが変更されました',
    ar: 'تم تغيير بريدك الإلكتروني في Acme Cloud',
  },
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every translated language has the email-change texts, each with the same placeholders as English', () => {
  for (const locale of TRANSLATED) {
    for (const key of EMAIL_CHANGE_KEYS) {
      const text = emailChangeText(locale, key);
      assert.ok(text.trim(), `${locale}.${key} is not empty`);
      assert.deepEqual(placeholders(text), placeholders(emailChangeText('en', key)), `${locale}.${key} keeps the placeholders`);
    }
  }
});

for (const name of Object.keys(MAILS) as (keyof typeof MAILS)[]) {
  const render = MAILS[name];
  test(`the ${name} mail renders in every translated language, each with its own subject`, async () => {
    const merchant = await merchantOf(t);
    const english = render('en', merchant).subject;
    for (const locale of TRANSLATED) {
      const mail = render(locale, merchant);
      // The languages written out above are checked word for word; every other one is its own text, naming the merchant.
      if (SUBJECTS[name][locale] !== undefined) assert.equal(mail.subject, SUBJECTS[name][locale], `${locale} subject`);
      else if (locale !== 'en-GB') assert.ok(mail.subject !== english && mail.subject.includes('Acme Cloud'), `${locale} subject: ${mail.subject}`);
      assert.match(mail.html, new RegExp(`<html lang="${locale}" dir="${textDirection(locale)}">`));
      assert.ok(mail.text.includes(URL_) && mail.html.includes(URL_), `${locale} carries the link`);
      assert.ok(!/\{\w+\}/.test(mail.text + mail.subject), `${locale} leaves no placeholder unfilled`);
      if (name !== 'confirm new address') assert.ok(mail.text.includes('n***@example.com'), `${locale} shows the masked address`);
    }
  });
}

test('Arabic email-change mails are right-to-left', async () => {
  const merchant = await merchantOf(t);
  for (const render of Object.values(MAILS)) {
    const mail = render('ar', merchant);
    assert.ok(mail.html.includes('dir="rtl"'));
    assert.ok(mail.html.includes('lang="ar"'));
  }
});

test('a brand name with markup stays escaped in every language', async () => {
  const base = await merchantOf(t);
  await updateMerchant(t, base.id, (m) => ({ ...m, settings: { ...m.settings, brand: { ...m.settings.brand, name: '<img src=x onerror=alert(1)>' } } }));
  const merchant = await merchantOf(t);
  for (const locale of LOCALES) {
    for (const render of Object.values(MAILS)) {
      const mail = render(locale, merchant);
      assert.ok(!mail.html.includes('<img src=x'), `${locale} escapes the brand`);
    }
  }
});

test("a customer whose locale is 'de' gets the email-change mails in German, end to end", async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  await t.deps.store.transact(async (tx) => await tx.put('customers', { ...ada, locale: 'de' }));
  const res = await call(t, 'PATCH', '/portal/api/billing', { key: null, token: await tokenFor(t, ada.id), body: { email: 'ada.neu@example.com' } });
  assert.equal(res.status, 200);

  const merchant = await merchantOf(t);
  const outbox = (await t.deps.mailer.outbox!());
  const confirm = outbox.find((m) => m.to === 'ada.neu@example.com');
  assert.ok(confirm, 'the new address got a mail');
  assert.equal(confirm.subject, `Bestätigen Sie Ihre neue E-Mail-Adresse für ${merchant.settings.brand.name}`);
  assert.ok(confirm.text.includes('Neue Adresse bestätigen'));
  assert.ok(confirm.html.includes('lang="de"'));
  const notice = outbox.find((m) => m.to === 'ada@example.com');
  assert.ok(notice, 'the old address was told');
  assert.equal(notice.subject, `Die E-Mail-Adresse Ihres ${merchant.settings.brand.name}-Kontos wird geändert`);

  // The page the link opens speaks the same language.
  const code = /\/portal\/email\/confirm\/([A-Za-z0-9_-]+)/.exec(confirm.text)![1];
  const page = await (await t.app.request(`/portal/email/confirm/${code}`, { headers: { 'accept-language': 'en' } })).text();
  assert.ok(page.includes('<html lang="de" dir="ltr">'));
  assert.ok(page.includes('Neue E-Mail-Adresse bestätigen') && page.includes('ada.neu@example.com'));
  assert.ok(!page.includes('ada@example.com'), 'the page still does not show the current address');
});

test('a regional or bare language tag on the customer resolves to a catalogue language', async () => {
  for (const [stored, expected] of [['de-AT', 'de'], ['pt', 'pt-BR'], ['xx', 'en']] as const) {
    const ada = await customerByEmail(t, 'ada@example.com');
    await t.deps.store.transact(async (tx) => await tx.put('customers', { ...ada, locale: stored, pending_email: null }));
    const before = new Set((await t.deps.mailer.outbox!()).map((m) => m.id));
    const to = `ada.${expected.toLowerCase()}@example.com`;
    assert.equal((await call(t, 'PATCH', '/portal/api/billing', { key: null, token: await tokenFor(t, ada.id), body: { email: to } })).status, 200);
    const mail = (await t.deps.mailer.outbox!()).find((m) => !before.has(m.id) && m.to === to)!;
    assert.equal(mail.subject, SUBJECTS['confirm new address'][expected], `${stored} → ${expected}`);
  }
});

test('confirm and cancel pages follow Accept-Language without a stored locale, and ?lang=ar is right-to-left', async () => {
  const ada = await customerByEmail(t, 'ada@example.com');
  await call(t, 'PATCH', '/portal/api/billing', { key: null, token: await tokenFor(t, ada.id), body: { email: 'ada.new@example.com' } });
  const outbox = (await t.deps.mailer.outbox!());
  const confirm = /\/portal\/email\/confirm\/([A-Za-z0-9_-]+)/.exec(outbox.find((m) => m.to === 'ada.new@example.com')!.text)![1];
  const cancel = /\/portal\/email\/cancel\/([A-Za-z0-9_-]+)/.exec(outbox.find((m) => m.to === 'ada@example.com')!.text)![1];

  const fr = await (await t.app.request(`/portal/email/confirm/${confirm}`, { headers: { 'accept-language': 'fr-BE,fr;q=0.9,en;q=0.5' } })).text();
  assert.ok(fr.includes('<html lang="fr" dir="ltr">') && fr.includes('Confirmez votre nouvelle adresse e-mail'));
  // Québec has its own catalog (courriel, not e-mail).
  const frCA = await (await t.app.request(`/portal/email/confirm/${confirm}`, { headers: { 'accept-language': 'fr-CA,fr;q=0.9' } })).text();
  assert.ok(frCA.includes('<html lang="fr-CA" dir="ltr">') && frCA.includes('Confirmez votre nouvelle adresse courriel'));
  const he = await (await t.app.request(`/portal/email/cancel/${cancel}`, { headers: { 'accept-language': 'he-IL' } })).text();
  assert.ok(he.includes('<html lang="he" dir="rtl">'));

  const ar = await (await t.app.request(`/portal/email/cancel/${cancel}?lang=ar`)).text();
  assert.ok(ar.includes('<html lang="ar" dir="rtl">') && ar.includes('هل تريد إلغاء تغيير البريد الإلكتروني؟'));

  const expired = await t.app.request('/portal/email/confirm/nope', { headers: { 'accept-language': 'ja' } });
  assert.equal(expired.status, 404);
  assert.ok((await expired.text()).includes('このリンクは期限切れです'));
});
