import type { Store } from '../store/interface.js';
import { normalizeEmail } from '../domain/customers.js';
import type { CustomerDirectory } from './backend.js';

/** The merchant's customers as this server's store holds them (standalone mode). */
export function localDirectory(store: Store): CustomerDirectory {
  return {
    async byId(merchant, mode, id) {
      const c = await store.get('customers', id);
      return c && c.merchant_id === merchant.id && c.mode === mode ? c : undefined;
    },
    async byEmail(merchant, email) {
      // A real customer never lands in test data by accident: live first.
      const matches = (await store.findBy('customers', 'email', normalizeEmail(email))).filter((c) => c.merchant_id === merchant.id);
      return matches.find((c) => c.mode === 'prod') ?? matches.find((c) => c.mode === 'test');
    },
  };
}
