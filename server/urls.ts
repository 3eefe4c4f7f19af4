import type { Merchant } from './store/schema.js';

/**
 * The server's URL layout, in one place: the paths the routes serve and the links mails and
 * answers carry. Every path that carries a secret (a single-use code) is declared here, so the
 * access log can redact them all by one rule.
 */
export const PATHS = {
  portal: '/portal',
  portalLink: '/portal/link/',
  magicLanding: '/portal/magic',
  emailConfirm: '/portal/email/confirm/',
  emailCancel: '/portal/email/cancel/',
  login: '/portal/login',
  checkout: '/portal/checkout/',
} as const;

/** Path prefixes whose next segment is a credential. */
export const SECRET_PATH_PREFIXES = [PATHS.portalLink, PATHS.emailConfirm, PATHS.emailCancel] as const;

/** The fragment parameter a magic link carries its code in: browsers never send a fragment to a server or in a Referer. */
export const MAGIC_CODE_PARAM = 'creem_code';

export interface Urls {
  portalLink(code: string): string;
  emailConfirm(code: string): string;
  emailCancel(code: string): string;
  /** A magic link: the page it was asked from when the merchant allows that origin (its element exchanges the code), else the hosted landing page. */
  magicLink(merchant: Merchant, returnUrl: string | undefined, code: string): string;
  loginPage(merchantId: string): string;
  /** The hosted test checkout page of a checkout session (under /portal, where the hosted forms' CSRF cookie lives). */
  checkout(id: string): string;
}

export function createUrls(publicUrl: string): Urls {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    portalLink: (code) => `${base}${PATHS.portalLink}${code}`,
    emailConfirm: (code) => `${base}${PATHS.emailConfirm}${code}`,
    emailCancel: (code) => `${base}${PATHS.emailCancel}${code}`,
    magicLink: (merchant, returnUrl, code) => `${magicLinkBase(merchant, base, returnUrl)}#${MAGIC_CODE_PARAM}=${code}`,
    loginPage: (merchantId) => `${PATHS.login}?merchant=${encodeURIComponent(merchantId)}`,
    checkout: (id) => `${base}${PATHS.checkout}${encodeURIComponent(id)}`,
  };
}

function magicLinkBase(merchant: Merchant, base: string, returnUrl: string | undefined): string {
  if (returnUrl) {
    try {
      const url = new URL(returnUrl);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && merchant.settings.allowed_origins.includes(url.origin)) {
        url.hash = '';
        return url.href;
      }
    } catch {
      // not a URL: the hosted page it is
    }
  }
  return `${base}${PATHS.magicLanding}`;
}
