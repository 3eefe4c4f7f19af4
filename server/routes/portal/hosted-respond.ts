import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import { htmlSecurityHeaders } from '../security-headers.js';
import { acceptLanguages, matchLocale, type Locale } from '../../../contract/locales.js';
import { safeUrl, type SafeHtml } from '../../pages/html.js';
import { forbiddenPage } from '../../pages/sign-in-pages.js';
import type { Merchant } from '../../store/schema.js';

type C = Context<AppEnv>;

/** Sends a hosted page: security headers, never cached (link pages are per-code), the logo's origin allowed. */
export function sendPage(c: C, body: SafeHtml, status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 429 = 200, merchant?: Merchant) {
  const logo = safeUrl(merchant?.settings.brand.logo_url, ['https:']);
  htmlSecurityHeaders(c, { img: logo ? [new URL(logo).origin] : [] });
  c.header('Cache-Control', 'no-store');
  return c.html(body.value, status);
}

/** The page language: `?lang=`, then what we know of the customer, then the browser's preferences. */
export function pageLocale(c: C, ...known: (string | null | undefined)[]): Locale {
  return matchLocale(c.req.query('lang'), ...known, ...acceptLanguages(c.req.header('accept-language')));
}

const CSRF_FIELD = 'csrf';
/** Tokens set during this request, so a page with several forms sets one cookie. */
const issued = new WeakMap<Request, string>();
const CSRF_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Over https the `__Secure-` prefix keeps a plain-http page on a sibling from planting the cookie. */
const csrfCookieName = (c: C) => (c.var.deps.config.publicUrl.startsWith('https:') ? '__Secure-creem_portal_csrf' : 'creem_portal_csrf');

/**
 * The CSRF token for the forms of the page being rendered (double submit: the same random value
 * in a cookie and in each form's hidden field). The browser's existing cookie is reused so that
 * two open tabs both keep working; otherwise a new one is set. HttpOnly: no script needs it, the
 * server writes it into the page. SameSite=Strict and path /portal: no other site's post carries it.
 */
export function formToken(c: C): string {
  const existing = getCookie(c, csrfCookieName(c));
  if (existing && CSRF_SHAPE.test(existing)) return existing;
  const fresh = issued.get(c.req.raw);
  if (fresh) return fresh;
  const token = randomBytes(32).toString('base64url');
  setCookie(c, csrfCookieName(c), token, {
    path: '/portal',
    httpOnly: true,
    secure: c.var.deps.config.publicUrl.startsWith('https:'),
    sameSite: 'Strict',
  });
  issued.set(c.req.raw, token);
  return token;
}


const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Form posts that sign someone in or out, or change an account, must come from our own pages:
 * otherwise another site could sign a visitor into the attacker's account (login CSRF). Cross-site
 * fetch metadata or a foreign Origin is refused outright; beyond that the post must carry the
 * page's CSRF token matching its cookie, which a browser without Sec-Fetch-Site (or a page sending
 * `Origin: null`) cannot fake from another site. Returns the 403 page to send, or undefined.
 */
export async function refuseForeignPost(c: C): Promise<Response | undefined> {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const own = [new URL(c.var.deps.config.publicUrl).origin, new URL(c.req.url).origin];
  const foreign = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== 'null' && !own.includes(origin));
  let sent: unknown;
  if (!foreign && /application\/x-www-form-urlencoded|multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
    // A malformed form body (say, a broken multipart boundary) simply carries no token.
    sent = await c.req.parseBody().then((form) => form[CSRF_FIELD], () => undefined);
  }
  const cookie = getCookie(c, csrfCookieName(c));
  if (!foreign && typeof sent === 'string' && cookie && CSRF_SHAPE.test(cookie) && same(sent, cookie)) return undefined;
  return sendPage(c, forbiddenPage(pageLocale(c)), 403);
}
