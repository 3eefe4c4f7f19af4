import type { AppDeps } from '../env.js';
import type { Merchant } from '../store/schema.js';
import { createSignInCode, LINK_CODE_TTL_MS } from './sign-in-codes.js';

type Deps = Pick<AppDeps, 'store' | 'clock' | 'notify' | 'customers'>;

export interface MagicLinkRequest {
  merchant: Merchant;
  /** Trimmed, lower-case. */
  email: string;
  returnUrl?: string;
  locale?: string;
}

/**
 * Issues a magic link and emails it, for a known address; for an unknown one does nothing. The
 * caller answers the request before calling this, so both cases look and time the same.
 * Returns whether a mail was sent.
 */
export async function sendMagicLink(deps: Deps, req: MagicLinkRequest): Promise<boolean> {
  const customer = await deps.customers.byEmail(req.merchant, req.email);
  if (!customer) return false;
  const now = deps.clock();
  const code = await deps.store.transact((tx) =>
    createSignInCode(tx, { merchantId: req.merchant.id, mode: customer.mode, customerId: customer.id, kind: 'magic_link', ttlMs: LINK_CODE_TTL_MS }, now),
  );
  await deps.notify.signInLink({ merchant: req.merchant, customer, code, returnUrl: req.returnUrl, locale: req.locale });
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
