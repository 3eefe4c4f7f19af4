import { newId } from '../ids.js';
import type { StoreReader, Tx } from '../store/interface.js';

const revocationOf = async (r: StoreReader, merchantId: string, customerId: string) =>
  (await r.findBy('token_revocations', 'customer_id', customerId)).find((x) => x.merchant_id === merchantId);

/** The generation new tokens and sessions of this customer are minted in. */
export async function tokenGeneration(r: StoreReader, merchantId: string, customerId: string): Promise<number> {
  return (await revocationOf(r, merchantId, customerId))?.generation ?? 0;
}

/**
 * Ends every outstanding widget token, portal session token and hosted session of a customer
 * (they carry an older generation), and spends the customer's unused portal and magic links.
 * Tokens minted afterwards work at once: no clock comparison, so no same-second ambiguity.
 */
export async function revokeCustomerTokens(tx: Tx, merchantId: string, customerId: string, now: number) {
  const previous = await revocationOf(tx, merchantId, customerId);
  const record = await tx.put('token_revocations', {
    id: previous?.id ?? newId('rev'),
    merchant_id: merchantId,
    customer_id: customerId,
    before: Math.floor(now / 1000),
    generation: (previous?.generation ?? 0) + 1,
  });
  for (const code of await tx.findBy('sign_in_codes', 'customer_id', customerId)) {
    // Email-change links are not sign-ins; the old address's "this wasn't me" link must survive a revocation.
    if (code.merchant_id === merchantId && code.used_at === null && (code.kind === 'portal_link' || code.kind === 'magic_link')) {
      await tx.put('sign_in_codes', { ...code, used_at: now });
    }
  }
  return record;
}
