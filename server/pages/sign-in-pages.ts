import { html, type SafeHtml } from './html.js';
import { page } from './layout.js';
import type { Locale } from '../../contract/locales.js';
import { text as t, textAround } from '../texts/index.js';
import type { Merchant } from '../store/schema.js';
import { SIGN_IN_LINK_MINUTES as MINUTES } from '../../contract/values.js';

/** The hidden CSRF field every hosted POST form carries (double submit with the /portal cookie). */
export const csrfField = (token: string) => html`<input type="hidden" name="csrf" value="${token}">`;

/** The email form that asks for a new sign-in link (posts to /portal/login, works without script). */
function emailForm(locale: Locale, merchant: Merchant, submit: string, csrf: string): SafeHtml {
  return html`<form method="post" action="/portal/login">
${csrfField(csrf)}
<input type="hidden" name="merchant" value="${merchant.id}">
<input type="hidden" name="lang" value="${locale}">
<label for="email">${t(locale, 'emailLabel')}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="320">
<button type="submit">${submit}</button>
</form>`;
}

/** GET/HEAD /portal/link/:code: asks before spending the code, because mail scanners open links. */
export function linkPage(locale: Locale, merchant: Merchant, action: string, csrf: string): SafeHtml {
  const name = merchant.settings.brand.name;
  return page({
    locale,
    merchant,
    title: t(locale, 'linkTitle', { merchant: name }),
    body: html`<h1>${t(locale, 'linkTitle', { merchant: name })}</h1>
<p>${t(locale, 'linkBody')}</p>
<form method="post" action="${action}">${csrfField(csrf)}<button type="submit">${t(locale, 'continue')}</button></form>`,
  });
}

/** A used, expired or unknown code, wherever it was opened: one page, with a way to get a new link. */
export function expiredPage(locale: Locale, merchant: Merchant | undefined, csrf: string): SafeHtml {
  return page({
    locale,
    merchant,
    title: t(locale, 'expiredTitle'),
    body: html`<h1>${t(locale, 'expiredTitle')}</h1>
${merchant ? html`<p>${t(locale, 'expiredBody', { count: MINUTES })}</p>${emailForm(locale, merchant, t(locale, 'sendNew'), csrf)}` : html`<p>${t(locale, 'unknownMerchant')}</p>`}`,
  });
}

export function loginPage(locale: Locale, merchant: Merchant, csrf: string, notice?: string): SafeHtml {
  const name = merchant.settings.brand.name;
  return page({
    locale,
    merchant,
    title: t(locale, 'loginTitle', { merchant: name }),
    body: html`<h1>${t(locale, 'loginTitle', { merchant: name })}</h1>
${notice ? html`<p role="alert">${notice}</p>` : ''}
<p>${t(locale, 'loginBody')}</p>
${emailForm(locale, merchant, t(locale, 'sendLink'), csrf)}`,
  });
}

/** Shown after a login form post, whether or not the address is known. */
export function sentPage(locale: Locale, merchant: Merchant, email: string): SafeHtml {
  return page({
    locale,
    merchant,
    title: t(locale, 'sentTitle'),
    body: html`<h1>${t(locale, 'sentTitle')}</h1>
<p role="status">${t(locale, 'sentBody', { email, count: MINUTES })}</p>`,
  });
}

export function unknownMerchantPage(locale: Locale): SafeHtml {
  return page({ locale, title: t(locale, 'expiredTitle'), body: html`<p>${t(locale, 'unknownMerchant')}</p>` });
}

/**
 * /portal/magic: a script moves the code from the fragment into a POST back to this page, which
 * answers with `magicConfirmPage`. Nothing is spent on the way.
 */
export function magicPage(locale: Locale, csrf: string): SafeHtml {
  return page({
    locale,
    title: t(locale, 'signingIn'),
    scripts: [{ src: '/portal/assets/magic.js' }],
    body: html`<h1>${t(locale, 'signingIn')}</h1>
<form id="redeem" method="post" action="/portal/magic">${csrfField(csrf)}<input type="hidden" name="code" value=""></form>
<noscript><p>${t(locale, 'noscript')}</p></noscript>`,
  });
}

/**
 * Names the account a magic link signs in as, and waits for the customer: only this button's post
 * spends the code (a page elsewhere may send a visitor to a link for another account, and mail
 * scanners run scripts). The code sits in the form, as on the portal link page; the page is never
 * cached and sends no referrer.
 */
export function magicConfirmPage(locale: Locale, merchant: Merchant, emailHint: string, code: string, csrf: string): SafeHtml {
  const title = t(locale, 'loginTitle', { merchant: merchant.settings.brand.name });
  const [before, after] = textAround(locale, 'continueAs', 'masked');
  return page({
    locale,
    merchant,
    title,
    body: html`<h1>${title}</h1>
<p>${t(locale, 'magicConfirmBody')}</p>
<form method="post" action="/portal/session">${csrfField(csrf)}<input type="hidden" name="code" value="${code}"><button type="submit">${before}<bdi>${emailHint}</bdi>${after}</button></form>`,
  });
}

/** The hosted portal: the same element merchants embed, fed by the session cookie through token-url. */
export function portalPage(locale: Locale, merchant: Merchant, csrf: string): SafeHtml {
  return page({
    locale,
    merchant,
    wide: true,
    title: merchant.settings.brand.name,
    scripts: [{ src: '/widget/creem-portal.mjs', module: true }],
    headerEnd: html`<form method="post" action="/portal/logout">${csrfField(csrf)}<button class="link" type="submit">${t(locale, 'signOut')}</button></form>`,
    body: html`<creem-portal token-url="/portal/session/token" locale="${locale}" merchant="${merchant.id}"></creem-portal>`,
  });
}

/** The hosted portal without a (valid) session. */
export function signedOutPage(locale: Locale, merchant: Merchant | undefined, csrf: string): SafeHtml {
  if (!merchant) return page({ locale, title: t(locale, 'sessionEnded'), body: html`<p>${t(locale, 'sessionEnded')}</p><p>${t(locale, 'unknownMerchant')}</p>` });
  return loginPage(locale, merchant, csrf, t(locale, 'sessionEnded'));
}

export function tooManyPage(locale: Locale, merchant: Merchant, csrf: string): SafeHtml {
  return loginPage(locale, merchant, csrf, t(locale, 'tooMany'));
}

/**
 * A form post without its page's CSRF token (another site's form, or a page opened before the
 * cookie was cleared). English only: the sign-in catalogue has no entry for it yet.
 */
export function forbiddenPage(locale: Locale): SafeHtml {
  const title = t(locale, 'forbiddenTitle');
  return page({
    locale,
    title,
    body: html`<h1>${title}</h1>
<p role="alert">${t(locale, 'forbiddenBody')}</p>`,
  });
}
