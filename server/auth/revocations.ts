import { newId } from '../ids.js';
import type { Store, Tx } from '../store/store.js';

type Reader = Pick<Store, 'findBy'>;

const revocationOf = (store: Reader, merchantId: string, customerId: string) =>
  store.findBy('token_revocations', 'customer_id', customerId).find((r) => r.merchant_id === merchantId);

/** The generation new tokens and sessions of this customer are minted in. */
export function tokenGeneration(store: Reader, merchantId: string, customerId: string): number {
  return revocationOf(store, merchantId, customerId)?.generation ?? 0;
}

/**
 * Ends every outstanding widget token, portal session token and hosted session of a customer
 * (they carry an older generation), and spends the customer's unused portal and magic links.
 * Tokens minted afterwards work at once: no clock comparison, so no same-second ambiguity.
 */
export function revokeCustomerTokens(tx: Tx, store: Reader, merchantId: string, customerId: string, now: number) {
  const previous = revocationOf(store, merchantId, customerId);
  const record = tx.put('token_revocations', {
    id: previous?.id ?? newId('rev'),
    merchant_id: merchantId,
    customer_id: customerId,
    before: Math.floor(now / 1000),
    generation: (previous?.generation ?? 0) + 1,
  });
  for (const code of store.findBy('sign_in_codes', 'customer_id', customerId)) {
    // Email-change links are not sign-ins; the old address's "this wasn't me" link must survive a revocation.
    if (code.merchant_id === merchantId && code.used_at === null && (code.kind === 'portal_link' || code.kind === 'magic_link')) {
      tx.put('sign_in_codes', { ...code, used_at: now });
    }
  }
  return record;
}
