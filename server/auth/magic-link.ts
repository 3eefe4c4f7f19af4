import type { AppDeps } from '../env.js';
import type { Customer, Merchant } from '../store/schema.js';
import type { StoreReader } from '../store/interface.js';
import { createSignInCode, LINK_CODE_TTL_MS } from './sign-in-codes.js';

type Deps = Pick<AppDeps, 'store' | 'clock' | 'notify'>;

export interface MagicLinkRequest {
  merchant: Merchant;
  /** Trimmed, lower-case. */
  email: string;
  returnUrl?: string;
  locale?: string;
}

/**
 * The customer an email signs in as, for this merchant. A live-mode customer wins over a test-mode
 * one with the same address: a real customer never lands in test data by accident.
 */
export async function customerForEmail(r: StoreReader, merchantId: string, email: string): Promise<Customer | undefined> {
  const matches = (await r.findBy('customers', 'email', email)).filter((c) => c.merchant_id === merchantId);
  return matches.find((c) => c.mode === 'prod') ?? matches.find((c) => c.mode === 'test');
}

/**
 * Issues a magic link and emails it, for a known address; for an unknown one does nothing. The
 * caller answers the request before calling this, so both cases look and time the same.
 * Returns whether a mail was sent.
 */
export async function sendMagicLink(deps: Deps, req: MagicLinkRequest): Promise<boolean> {
  const customer = await customerForEmail(deps.store, req.merchant.id, req.email);
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
