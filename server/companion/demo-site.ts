import type { DemoSite } from '../demo-site.js';
import type { Companion } from './index.js';

/**
 * The demo site in front of a Creem account (`npm run start:companion`): its customers come from
 * Creem, and its backend mints widget tokens with the Creem key, as a merchant's backend would.
 */
export function companionDemoSite(companion: Companion, apiKey: string): DemoSite {
  return {
    apiKey,
    merchantId: async () => companion.merchant.id,
    async customers() {
      const page = await companion.account.writes.read('Customers', (o) => companion.account.client.customers.list(1, 50, o));
      return page.result.items.filter((c) => c.mode === companion.mode).map((c) => ({ id: c.id, name: c.name ?? null, email: c.email }));
    },
    customer: (id) => companion.account.customer(id),
  };
}
