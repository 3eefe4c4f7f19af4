import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { ApiError } from '../../errors.js';
import { htmlSecurityHeaders } from '../security-headers.js';
import { acceptLanguages, matchLocale, type Locale } from '../../mail/messages.js';
import { safeUrl, type SafeHtml } from '../../pages/html.js';
import type { Merchant } from '../../store/schema.js';

type C = Context<AppEnv>;

/** Sends a hosted page: security headers, never cached (link pages are per-code), the logo's origin allowed. */
export function sendPage(c: C, body: SafeHtml, status: 200 | 400 | 401 | 404 | 410 | 429 = 200, merchant?: Merchant) {
  const logo = safeUrl(merchant?.settings.brand.logo_url, ['https:']);
  htmlSecurityHeaders(c, { img: logo ? [new URL(logo).origin] : [] });
  c.header('Cache-Control', 'no-store');
  return c.html(body.value, status);
}

/** The page language: `?lang=`, then what we know of the customer, then the browser's preferences. */
export function pageLocale(c: C, ...known: (string | null | undefined)[]): Locale {
  return matchLocale(c.req.query('lang'), ...known, ...acceptLanguages(c.req.header('accept-language')));
}

/**
 * Form posts that sign someone in must come from our own pages: otherwise another site could sign
 * a visitor into the attacker's account (login CSRF). Fetch metadata (Sec-Fetch-Site) decides when
 * the browser sends it; otherwise Origin must be ours. Our pages' no-referrer policy makes
 * browsers send `Origin: null` on their own form posts, so "null" alone proves nothing either way.
 */
export function assertSameOriginPost(c: C) {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const own = [new URL(c.var.deps.config.publicUrl).origin, new URL(c.req.url).origin];
  const allowed = site ? site === 'same-origin' || site === 'none' : !origin || origin === 'null' || own.includes(origin);
  if (!allowed) throw new ApiError(403, ['This form can only be sent from its own page.']);
}
