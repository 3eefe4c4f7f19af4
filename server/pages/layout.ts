import { html, safeUrl, type SafeHtml } from './html.js';
import { textDirection, type Locale } from '../../contract/locales.js';
import type { Merchant } from '../store/schema.js';

export interface PageInput {
  locale: Locale;
  title: string;
  merchant?: Merchant;
  body: SafeHtml;
  /** Same-origin script URLs (module or classic). */
  scripts?: { src: string; module?: boolean }[];
  /** Extra markup at the right of the header (a sign-out form). */
  headerEnd?: SafeHtml;
  wide?: boolean;
}

/** The frame of every hosted page: the merchant's name, logo and colour (from a same-origin stylesheet). */
export function page(input: PageInput): SafeHtml {
  const m = input.merchant;
  const logo = safeUrl(m?.settings.brand.logo_url, ['https:']);
  return html`<!doctype html>
<html lang="${input.locale}" dir="${textDirection(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${input.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/portal/assets/page.css">
${m ? html`<link rel="stylesheet" href="/portal/assets/brand/${m.id}.css">` : ''}
${(input.scripts ?? []).map((s) => (s.module ? html`<script type="module" src="${s.src}"></script>` : html`<script src="${s.src}" defer></script>`))}
</head>
<body>
<header class="top">
<span class="brand">${logo ? html`<img src="${logo}" alt="">` : ''}${m?.settings.brand.name ?? ''}</span>
${input.headerEnd ?? ''}
</header>
<main${input.wide ? html` class="wide"` : ''}>
${input.body}
</main>
</body>
</html>
`;
}
