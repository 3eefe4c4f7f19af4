import type { AppDeps } from '../env.js';
import type { Customer, Merchant } from '../store/schema.js';
import { createSignInCode, LINK_CODE_TTL_MS } from './sign-in-codes.js';
import { signInMail } from '../mail/templates.js';
import { matchLocale } from '../mail/messages.js';

type Deps = Pick<AppDeps, 'store' | 'mailer' | 'clock' | 'config'>;

export interface MagicLinkRequest {
  merchant: Merchant;
  /** Trimmed, lower-case. */
  email: string;
  returnUrl?: string;
  locale?: string;
}

/** Emails are stored lower-case; compare the same way. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * The customer an email signs in as, for this merchant. A live-mode customer wins over a test-mode
 * one with the same address: a real customer never lands in test data by accident.
 */
export function customerForEmail(store: Deps['store'], merchantId: string, email: string): Customer | undefined {
  const matches = store.findBy('customers', 'email', email).filter((c) => c.merchant_id === merchantId);
  return matches.find((c) => c.mode === 'prod') ?? matches.find((c) => c.mode === 'test');
}

/**
 * Where the mailed link lands: the page it was asked from when that page's origin is one the
 * merchant allows (the element there exchanges the code), else the hosted `/portal/magic` page.
 * The code always rides in the fragment, which browsers never send to a server or in a Referer.
 */
export function magicLinkBase(merchant: Merchant, publicUrl: string, returnUrl: string | undefined): string {
  if (returnUrl) {
    try {
      const url = new URL(returnUrl);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && merchant.settings.allowed_origins.includes(url.origin)) {
        url.hash = '';
        return url.href;
      }
    } catch {
      // not a URL: fall through to the hosted page
    }
  }
  return `${publicUrl}/portal/magic`;
}

/**
 * Issues a magic link and emails it, for a known address; for an unknown one does nothing. The
 * caller answers the request before calling this, so both cases look and time the same.
 * Returns whether a mail was sent.
 */
export async function sendMagicLink(deps: Deps, req: MagicLinkRequest): Promise<boolean> {
  const { store } = deps;
  const customer = customerForEmail(store, req.merchant.id, req.email);
  if (!customer) return false;
  const now = deps.clock();
  const code = await store.transact((tx) =>
    createSignInCode(
      tx,
      store,
      { merchantId: req.merchant.id, mode: customer.mode, customerId: customer.id, kind: 'magic_link', ttlMs: LINK_CODE_TTL_MS },
      now,
    ),
  );
  const url = `${magicLinkBase(req.merchant, deps.config.publicUrl, req.returnUrl)}#creem_code=${code}`;
  const locale = matchLocale(req.locale, customer.locale);
  const mail = signInMail({ locale, merchant: req.merchant, url, minutes: LINK_CODE_TTL_MS / 60_000 });
  await deps.mailer.send({
    to: customer.email,
    ...mail,
    fromName: req.merchant.settings.brand.name,
    replyTo: req.merchant.settings.support_email ?? undefined,
    sensitive: true,
  });
  return true;
}

/**
 * Answers first, works after: the lookup, the code and the mail happen on a later turn of the
 * event loop, so a known and an unknown address get the same response in the same time.
 */
export function scheduleMagicLink(deps: Deps & Pick<AppDeps, 'log'>, req: MagicLinkRequest): void {
  setImmediate(() => {
    sendMagicLink(deps, req).catch((e) => {
      deps.log.error('magic link failed', { merchant_id: req.merchant.id, error: e instanceof Error ? e.message : String(e) });
    });
  });
}
