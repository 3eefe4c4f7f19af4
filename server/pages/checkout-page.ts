import { html, safeUrl, type SafeHtml } from './html.js';
import { page } from './layout.js';
import { csrfField } from './sign-in-pages.js';
import type { Locale } from '../../contract/locales.js';
import { text as t } from '../texts/index.js';
import type { TextKey } from '../texts/en.js';
import type { Merchant, Product } from '../store/schema.js';
import { amountsOf, type OpenCheckout } from '../domain/checkouts.js';

const money = (locale: Locale, cents: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);

const PERIOD_TEXT: Record<Product['billing_period'], TextKey> = {
  'every-month': 'pricePerMonth',
  'every-three-months': 'pricePerThreeMonths',
  'every-six-months': 'pricePerSixMonths',
  'every-year': 'pricePerYear',
  once: 'priceOnce',
};

export interface CheckoutForm {
  email?: string;
  name?: string;
  /** A text key: why the last attempt was refused, and the field it is about. */
  error?: { key: TextKey; field: 'email' | 'card' | 'expiry' | 'cvc' };
}

/** One labelled input; an error about it is announced with it and links to it. */
function field(id: string, label: string, attrs: SafeHtml, error: string | undefined) {
  return html`<label for="${id}">${label}</label>
<input id="${id}" name="${id}" ${attrs}${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}`;
}

/**
 * The hosted test checkout: what is bought and what it costs now, then a card form that takes
 * Creem's test cards. Works without script; every value is escaped by `html`.
 */
export function checkoutPage(
  locale: Locale,
  merchant: Merchant,
  { checkout, product, customer, discount }: OpenCheckout,
  action: string,
  csrf: string,
  form: CheckoutForm = {},
): SafeHtml {
  const name = product.name;
  const title = t(locale, product.billing_type === 'recurring' ? 'checkoutSubscribe' : 'checkoutBuy', { product: name });
  const { subtotal, discount: off, tax, total } = amountsOf(product, checkout.units, discount);
  const unit = money(locale, product.price, product.currency);
  const trial = product.billing_type === 'recurring' ? (product.trial_period_days ?? 0) : 0;
  const known = customer?.email ?? checkout.customer_email ?? undefined;
  const err = (f: NonNullable<CheckoutForm['error']>['field']) => (form.error?.field === f ? t(locale, form.error.key) : undefined);
  const image = safeUrl(product.image_url, ['https:']);
  return page({
    locale,
    merchant,
    title,
    body: html`<h1>${title}</h1>
${image ? html`<img class="product" src="${image}" alt="">` : ''}
${product.description ? html`<p>${product.description}</p>` : ''}
<p class="notice" role="note">${t(locale, 'checkoutTestMode')}</p>
<dl class="summary">
<dt>${name}</dt><dd>${t(locale, PERIOD_TEXT[product.billing_period], { price: unit })}</dd>
${checkout.units > 1 ? html`<dt>${t(locale, 'checkoutQuantity')}</dt><dd>${checkout.units}</dd>` : ''}
${trial ? html`<dt></dt><dd>${t(locale, 'checkoutTrial', { count: trial })}</dd>` : ''}
<dt>${t(locale, 'checkoutSubtotal')}</dt><dd>${money(locale, subtotal, product.currency)}</dd>
${discount && off > 0 ? html`<dt>${t(locale, 'checkoutDiscount', { code: discount.code })}</dt><dd>−${money(locale, off, product.currency)}</dd>` : ''}
<dt>${t(locale, 'checkoutTax')}</dt><dd>${money(locale, tax, product.currency)}</dd>
<dt>${t(locale, 'checkoutTotal')}</dt><dd><strong>${money(locale, total, product.currency)}</strong></dd>
</dl>
${form.error ? html`<p role="alert">${t(locale, form.error.key)}</p>` : ''}
<form method="post" action="${action}" novalidate>
${csrfField(csrf)}
<input type="hidden" name="lang" value="${locale}">
<input type="hidden" name="total" value="${total}">
${field('email', t(locale, 'emailLabel'), known ? html`type="email" value="${known}" readonly` : html`type="email" autocomplete="email" required maxlength="320" value="${form.email ?? ''}"`, err('email'))}
${field('name', t(locale, 'nameLabel'), html`type="text" autocomplete="cc-name" maxlength="200" value="${form.name ?? customer?.name ?? ''}"`, undefined)}
${field('card', t(locale, 'cardLabel'), html`type="text" inputmode="numeric" autocomplete="cc-number" required maxlength="23" dir="ltr"`, err('card'))}
${field('expiry', t(locale, 'expiryLabel'), html`type="text" inputmode="numeric" autocomplete="cc-exp" required maxlength="7" placeholder="MM/YY" dir="ltr"`, err('expiry'))}
${field('cvc', t(locale, 'cvcLabel'), html`type="text" inputmode="numeric" autocomplete="cc-csc" required maxlength="4" dir="ltr"`, err('cvc'))}
<button type="submit">${trial ? t(locale, 'trialButton') : t(locale, 'payButton', { amount: money(locale, total, product.currency) })}</button>
</form>`,
  });
}

/** After paying, when the checkout has no success_url to go back to: the merchant's own site, if known. */
export function paidPage(locale: Locale, merchant: Merchant, product: Product | undefined, email: string): SafeHtml {
  const site = safeUrl(merchant.settings.allowed_origins[0]);
  return page({
    locale,
    merchant,
    title: t(locale, 'paidTitle'),
    body: html`<h1>${t(locale, 'paidTitle')}</h1>
<p role="status">${t(locale, 'paidBody', { product: product?.name ?? '', email })}</p>
${site ? html`<p><a href="${site}">${t(locale, 'backToMerchant', { merchant: merchant.settings.brand.name })}</a></p>` : ''}`,
  });
}

/** An unknown, expired or no-longer-sold checkout. */
export function checkoutGonePage(locale: Locale, merchant: Merchant | undefined): SafeHtml {
  return page({
    locale,
    merchant,
    title: t(locale, 'checkoutGoneTitle'),
    body: html`<h1>${t(locale, 'checkoutGoneTitle')}</h1>
<p>${t(locale, 'checkoutGoneBody', { merchant: merchant?.settings.brand.name ?? '' })}</p>`,
  });
}
