import { html, safeColor, safeUrl, onColor, type SafeHtml } from '../pages/html.js';
import { textDirection, type Locale } from '../../contract/locales.js';
import { text } from '../texts/index.js';
import type { Merchant } from '../store/schema.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface BrandedMailInput {
  locale: Locale;
  merchant: Merchant;
  subject: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  /** Shown under the button, smaller. */
  footnotes?: string[];
}

/**
 * A short transactional email in the merchant's colours, as HTML (inline styles: mail clients
 * drop stylesheets) and plain text. Every value is escaped; the logo shows only from https.
 */
export function brandedMail(input: BrandedMailInput): RenderedMail {
  const { locale, merchant } = input;
  const brand = merchant.settings.brand;
  const color = safeColor(brand.color);
  const logo = safeUrl(brand.logo_url, ['https:']);
  const support = merchant.settings.support_email;
  const footnotes = input.footnotes ?? [];
  const supportLine = support ? text(locale, 'support', { email: support }) : null;
  const button = input.button && safeUrl(input.button.url) ? { ...input.button, url: safeUrl(input.button.url)! } : undefined;

  const body: SafeHtml = html`<!doctype html>
<html lang="${locale}" dir="${textDirection(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${input.subject}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111318">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#ffffff;border-radius:12px;border-top:6px solid ${color}">
<tr><td style="padding:28px 32px 8px">
${logo ? html`<img src="${logo}" alt="${brand.name}" height="32" style="display:block;height:32px;margin-bottom:16px">` : html`<p style="margin:0 0 16px;font-size:18px;font-weight:600;color:${color}">${brand.name}</p>`}
${input.paragraphs.map((p) => html`<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${p}</p>`)}
${button ? html`<p style="margin:24px 0"><a href="${button.url}" style="display:inline-block;padding:12px 24px;border-radius:8px;background:${color};color:${onColor(color)};font-weight:600;text-decoration:none">${button.label}</a></p>` : ''}
</td></tr>
<tr><td style="padding:0 32px 28px">
${footnotes.map((f) => html`<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#5b616e">${f}</p>`)}
${button ? html`<p style="margin:0 0 8px;font-size:12px;line-height:1.5;color:#5b616e;word-break:break-all">${text(locale, 'copy')}<br>${button.url}</p>` : ''}
${supportLine ? html`<p style="margin:0;font-size:13px;line-height:1.5;color:#5b616e">${supportLine}</p>` : ''}
</td></tr>
</table></td></tr></table>
</body></html>`;

  const plain = [brand.name, '', ...input.paragraphs.flatMap((p) => [p, '']), ...(button ? [`${button.label}: ${button.url}`, ''] : []), ...footnotes, ...(supportLine ? ['', supportLine] : [])].join('\n');
  return { subject: input.subject, text: plain, html: body.value };
}

/** The magic-link / portal-link email. */
export function signInMail(opts: { locale: Locale; merchant: Merchant; url: string; minutes: number }): RenderedMail {
  const { locale, merchant } = opts;
  const name = merchant.settings.brand.name;
  return brandedMail({
    locale,
    merchant,
    subject: text(locale, 'subject', { merchant: name }),
    paragraphs: [text(locale, 'intro', { merchant: name, count: opts.minutes })],
    button: { label: text(locale, 'button'), url: opts.url },
    footnotes: [text(locale, 'ignore')],
  });
}
