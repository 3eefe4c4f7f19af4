import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail, type AddressObject } from 'mailparser';
import { createTestApp, call, isCreemError, type TestApp } from '../support/server.js';
import { createMailer, outboxFileFor } from '../../server/mail/mailer.js';
import { textDirection, TRANSLATED } from '../../contract/locales.js';
import { codeIn, merchantOf, updateMerchant, waitFor } from './signin-helpers.js';

let t: TestApp;
let smtp: SMTPServer;
let port: number;
const received: ParsedMail[] = [];

before(async () => {
  // A real SMTP server on loopback; every message is parsed as a mail client would.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Portal <no-reply@portal.example>' } });
  // The test app's default mailer is the dev outbox; give it the one main.ts builds from SMTP_URL.
  t.deps.mailer = createMailer({ smtpUrl: t.deps.config.smtpUrl, from: t.deps.config.mailFrom, store: t.deps.store, clock: () => t.clock.now, outboxFile: outboxFileFor(t.deps.config.dataFile) });
});
after(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});
beforeEach(() => t.clock.advance(16 * 60_000));

const requestLink = async (email: string, locale?: string) =>
  call(t, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: (await merchantOf(t)).id, email, ...(locale ? { locale } : {}) } });
const nextMail = (to: string, after = received.length) =>
  waitFor(`SMTP mail to ${to}`, () => received.slice(after).find((m) => (m.to as AddressObject).text.includes(to)));
const address = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)!.value[0];

test('a magic link goes out over SMTP as HTML and text, from the merchant, and signs the customer in', async () => {
  const mark = received.length;
  assert.equal((await requestLink('ada@example.com')).status, 202);
  const mail = await nextMail('ada@example.com', mark);
  assert.equal(mail.subject, 'Your sign-in link for Acme Cloud');
  assert.deepEqual(address(mail.from), { name: 'Acme Cloud', address: 'no-reply@portal.example' });
  assert.equal(address(mail.replyTo).address, 'support@acme-cloud.test');
  assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
  assert.ok(mail.text && mail.html, 'both parts');
  const { url, code } = codeIn(mail.text!);
  assert.ok((mail.html as string).includes(`href="${url}#creem_code=${code}"`));
  assert.match(mail.html as string, /border-top:6px solid #4f46e5/);
  assert.match(mail.html as string, /<html lang="en" dir="ltr">/);
  assert.match(mail.text!, /expires in 10 minutes/);
  assert.match(mail.text!, /support@acme-cloud\.test/);

  const exchange = await call(t, 'POST', '/portal/api/session/exchange', { key: null, body: { code } });
  assert.equal(exchange.status, 200);
  // Over SMTP nothing lands in the dev outbox.
  assert.equal(await t.deps.store.count('mailbox'), 0);
  assert.equal(fs.existsSync(outboxFileFor(t.dataFile)), false);
});

/** Each language's sign-in mail, written out: a broken catalogue or renderer fails here. */
const SIGN_IN_MAIL: Record<string, { subject: string; intro: string }> = {
  en: { subject: 'Your sign-in link for Acme Cloud', intro: 'Use the button below to sign in to your Acme Cloud account. The link works once and expires in 10 minutes.' },
  de: { subject: 'Ihr Anmeldelink für Acme Cloud', intro: 'Mit dem Button unten melden Sie sich bei Ihrem Acme Cloud-Konto an. Der Link funktioniert einmal und läuft in 10 Minuten ab.' },
  fr: { subject: 'Votre lien de connexion à Acme Cloud', intro: "Utilisez le bouton ci-dessous pour vous connecter à votre compte Acme Cloud. Le lien ne fonctionne qu'une fois et expire dans 10 minutes." },
  es: { subject: 'Su enlace de acceso a Acme Cloud', intro: 'Use el botón de abajo para acceder a su cuenta de Acme Cloud. El enlace funciona una sola vez y caduca en 10 minutos.' },
  it: { subject: 'Il Suo link di accesso a Acme Cloud', intro: 'Usi il pulsante qui sotto per accedere al Suo account Acme Cloud. Il link funziona una sola volta e scade tra 10 minuti.' },
  'pt-BR': { subject: 'Seu link de acesso para Acme Cloud', intro: 'Use o botão abaixo para entrar na sua conta Acme Cloud. O link funciona uma única vez e expira em 10 minutos.' },
  nl: { subject: 'Uw inloglink voor Acme Cloud', intro: 'Gebruik de knop hieronder om in te loggen op uw Acme Cloud-account. De link werkt één keer en verloopt over 10 minuten.' },
  pl: { subject: 'Twój link logowania do Acme Cloud', intro: 'Kliknij przycisk poniżej, aby zalogować się do konta Acme Cloud. Link działa jeden raz i wygasa za 10 minut.' },
  ja: { subject: 'Acme Cloud のログインリンク', intro: '下のボタンから Acme Cloud のアカウントにログインしてください。リンクは1回だけ使え、10分で期限切れになります。' },
  ar: { subject: 'رابط تسجيل الدخول إلى Acme Cloud', intro: 'استخدم الزر أدناه لتسجيل الدخول إلى حسابك في Acme Cloud. يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 10 دقائق.' },
};

test('the email speaks the customer’s language: en, de, fr, es, it, pt-BR, nl, pl, ja, ar', async () => {
  // Written out word for word for these ten; every other translated language must send its own text.
  assert.ok(Object.keys(SIGN_IN_MAIL).every((l) => (TRANSLATED as readonly string[]).includes(l)), 'every language written out here is offered');
  const subjects = new Set<string>();
  for (const locale of TRANSLATED) {
    t.clock.advance(16 * 60_000);
    const mark = received.length;
    assert.equal((await requestLink('jean@example.com', locale)).status, 202);
    const mail = await nextMail('jean@example.com', mark);
    const expected = SIGN_IN_MAIL[locale as keyof typeof SIGN_IN_MAIL];
    if (expected) assert.equal(mail.subject, expected.subject, locale);
    else if (locale !== 'en-GB') assert.ok(mail.subject !== SIGN_IN_MAIL.en.subject && mail.subject!.includes('Acme Cloud'), `${locale}: ${mail.subject}`);
    if (expected) assert.ok(mail.text!.includes(expected.intro), `${locale} intro: ${mail.text}`);
    assert.ok((mail.html as string).includes(`lang="${locale}" dir="${textDirection(locale)}"`), locale);
    subjects.add(mail.subject!);
  }
  // en-GB's subject is the same sentence as en's.
  assert.equal(subjects.size, TRANSLATED.length - 1, 'a different translation each');
  // Region tags fall back to the language; unknown ones to English.
  for (const [asked, expected] of [['de-AT', 'de'], ['pt', 'pt-BR'], ['fr-BE', 'fr'], ['tlh', 'en']] as const) {
    t.clock.advance(16 * 60_000);
    const mark = received.length;
    await requestLink('jean@example.com', asked);
    assert.equal((await nextMail('jean@example.com', mark)).subject, SIGN_IN_MAIL[expected].subject, asked);
  }
});

test("the customer's stored locale is used when the request names none", async () => {
  const jean = (await t.deps.store.findOneBy('customers', 'email', 'jean@example.com'))!;
  await t.deps.store.transact(async (tx) => await tx.put('customers', { ...jean, locale: 'nl' }));
  const mark = received.length;
  await requestLink('jean@example.com');
  assert.equal((await nextMail('jean@example.com', mark)).subject, 'Uw inloglink voor Acme Cloud');
});

test('merchant-typed brand values are escaped or dropped in the HTML email', async () => {
  const m = await merchantOf(t);
  await updateMerchant(t, m.id, (x) => ({
    ...x,
    settings: {
      ...x.settings,
      brand: { name: 'Evil <script>alert(1)</script> & "Co"', color: 'red;background:url(javascript:alert(1))', logo_url: 'javascript:alert(1)' },
      support_email: '<img src=x onerror=alert(1)>@x.test',
    },
  }));
  try {
    const mark = received.length;
    await requestLink('grace@example.com');
    const mail = await nextMail('grace@example.com', mark);
    const html = mail.html as string;
    assert.doesNotMatch(html, /<script|<img src=x|javascript:/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;@x\.test/);
    assert.match(html, /Evil &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Co&quot;/);
    assert.match(html, /#4f46e5/, 'an invalid colour falls back to the default');
    assert.equal(mail.subject, 'Your sign-in link for Evil <script>alert(1)</script> & "Co"', 'the plain-text subject keeps the name as typed');
  } finally {
    await updateMerchant(t, m.id, () => m);
  }
});

test('an SMTP failure does not change the answer the client sees', async () => {
  const down = await createTestApp();
  try {
    down.deps.mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: down.deps.config.mailFrom, store: down.deps.store, clock: () => down.clock.now, outboxFile: outboxFileFor(down.deps.config.dataFile) });
    const res = await call(down, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: (await merchantOf(down)).id, email: 'ada@example.com' } });
    assert.equal(res.status, 202);
    assert.deepEqual(res.json, { ok: true });
    await new Promise((r) => setTimeout(r, 300));
    const bad = await call(down, 'POST', '/portal/api/magic-link', { key: null, body: { merchant_id: (await merchantOf(down)).id, email: 'nope' } });
    assert.ok(isCreemError(bad.json, 400), 'the server is still answering');
  } finally {
    await down.close();
  }
});
