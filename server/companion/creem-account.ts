import type { ProductEntity, SubscriptionEntity } from 'creem/models/components';
import type { Customer, Merchant, Mode, Product, Subscription, SubscriptionNote, Transaction } from '../store/schema.js';
import type { ReadCache } from './cache.js';
import type { Upstream } from './upstream.js';
import { customerRecord, productRecord, subscriptionRecord, transactionRecord } from './mapping.js';

const PAGE = 100;
/** A customer with more than this many subscriptions or payments is cut off rather than paged forever. */
const MAX_PAGES = 20;
const PRODUCTS = 'products';

export interface CustomerView {
  subscriptions: Subscription[];
  /** Every product the subscriptions name, by id. */
  products: Map<string, Product>;
}

/**
 * The merchant's Creem account as records: reads through the per-customer cache, writes straight
 * to Creem (each dropping what was cached for that customer). Ownership is checked by the callers
 * against what this returns, before any write.
 */
export class CreemAccount {
  constructor(
    private readonly upstream: Upstream,
    private readonly cache: ReadCache,
    private readonly productCache: ReadCache,
    readonly merchant: Merchant,
    readonly mode: Mode,
    private readonly timeoutMs: number,
    private readonly notes: (customerId: string) => Promise<Map<string, SubscriptionNote>>,
  ) {}

  private get sdk() {
    return this.upstream.sdk;
  }

  /** The customer, or undefined when Creem has none by that id in this mode. */
  customer(id: string): Promise<Customer | undefined> {
    return this.cache.get(id, 'customer', async () => {
      try {
        const c = await this.upstream.read('Customer', (o) => this.sdk.customers.retrieve(id, undefined, o));
        return c.mode !== this.mode ? undefined : customerRecord(c, this.merchant);
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    });
  }

  async customerByEmail(email: string): Promise<Customer | undefined> {
    try {
      const c = await this.upstream.read('Customer', (o) => this.sdk.customers.retrieve(undefined, email, o));
      return c.mode !== this.mode ? undefined : customerRecord(c, this.merchant);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Every product of the account (active and archived), by id. */
  products(): Promise<Map<string, Product>> {
    return this.productCache.get(PRODUCTS, 'all', async () => {
      const all = new Map<string, Product>();
      for (let page = 1; page <= MAX_PAGES; page++) {
        const it = await this.upstream.read('Products', (o) => this.sdk.products.search(page, PAGE, undefined, o));
        for (const p of it.result.items) all.set(p.id, productRecord(p, this.merchant));
        if (it.result.items.length < PAGE || !it.result.pagination.nextPage) break;
      }
      return all;
    });
  }

  /** The customer's subscriptions, newest first, with their products. */
  subscriptionsOf(customerId: string): Promise<CustomerView> {
    return this.cache.get(customerId, 'subscriptions', async () => {
      const [entities, notes] = await Promise.all([this.allSubscriptions(customerId), this.notes(customerId)]);
      const products = new Map<string, Product>();
      const known = entities.some((s) => typeof s.product === 'string') ? await this.products() : undefined;
      for (const s of entities) {
        const p = typeof s.product === 'string' ? known?.get(s.product) : productRecord(s.product as ProductEntity, this.merchant);
        if (p) products.set(p.id, p);
      }
      const subscriptions = entities
        .map((s) => subscriptionRecord(s, this.merchant, notes.get(s.id)))
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id));
      return { subscriptions, products };
    });
  }

  private async allSubscriptions(customerId: string): Promise<SubscriptionEntity[]> {
    const out: SubscriptionEntity[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const list = await this.upstream.read('Customer', (o) => this.sdk.customers.listSubscriptions(customerId, page, PAGE, o));
      out.push(...list.items);
      if (list.items.length < PAGE || !list.pagination.nextPage) break;
    }
    return out;
  }

  /** The customer's payments, newest first. */
  paymentsOf(customerId: string): Promise<Transaction[]> {
    return this.cache.get(customerId, 'payments', async () => {
      const [{ subscriptions, products }, all] = await Promise.all([this.subscriptionsOf(customerId), this.allPayments(customerId)]);
      const productOf = (subId: string) => products.get(subscriptions.find((s) => s.id === subId)?.product_id ?? '');
      return all
        .map((t) => transactionRecord(t, this.merchant, productOf))
        .filter((t) => t.customer_id === customerId)
        .sort((a, b) => b.created_at - a.created_at || a.id.localeCompare(b.id));
    });
  }

  private async allPayments(customerId: string) {
    const out = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const it = await this.upstream.read('Customer', (o) => this.sdk.transactions.search(customerId, undefined, undefined, page, PAGE, o));
      out.push(...it.result.items);
      if (it.result.items.length < PAGE || !it.result.pagination.nextPage) break;
    }
    return out;
  }

  /** One subscription as Creem has it now (never from the cache: a write is about to depend on it). */
  async subscriptionNow(id: string, note: SubscriptionNote | undefined): Promise<{ subscription: Subscription; product: Product | undefined }> {
    const s = await this.upstream.read('Subscription', (o) => this.sdk.subscriptions.get(id, o));
    return this.withProduct(s, note);
  }

  /** A subscription straight from Creem, for checking what a write of unknown outcome did; errors are the caller's. */
  subscriptionEntityNow(id: string): Promise<SubscriptionEntity> {
    return this.sdk.subscriptions.get(id, { timeoutMs: this.timeoutMs });
  }

  async withProduct(s: SubscriptionEntity, note: SubscriptionNote | undefined) {
    const product = typeof s.product === 'string' ? (await this.products()).get(s.product) : productRecord(s.product, this.merchant);
    return { subscription: subscriptionRecord(s, this.merchant, note), product };
  }

  /** One payment as Creem has it now. */
  async transactionNow(id: string): Promise<Transaction> {
    const t = await this.upstream.read('Transaction', (o) => this.sdk.transactions.getById(id, o));
    const owner = t.customer ?? '';
    const { subscriptions, products } = owner ? await this.subscriptionsOf(owner) : { subscriptions: [], products: new Map<string, Product>() };
    return transactionRecord(t, this.merchant, (subId) => products.get(subscriptions.find((s) => s.id === subId)?.product_id ?? ''));
  }

  get writes() {
    return this.upstream;
  }

  get client() {
    return this.sdk;
  }

  forget(customerId: string): Promise<void> {
    return this.cache.invalidate(customerId);
  }

  forgetProducts(): Promise<void> {
    return this.productCache.invalidate(PRODUCTS);
  }
}

function isNotFound(e: unknown) {
  return e instanceof Error && 'kind' in e && (e as { kind: string }).kind === 'not_found';
}
