import { timingSafeEqual } from 'node:crypto';
import type { CompanionConfig } from '../config.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/interface.js';
import type { Customer, Merchant, Mode } from '../store/schema.js';
import type { Notifier } from '../domain/notifier.js';
import { sha256 } from '../ids.js';
import type { CustomerDirectory, PortalBackend } from '../portal-backend/backend.js';
import { ReadCache } from './cache.js';
import { CreemAccount } from './creem-account.js';
import { companionBackend } from './backend.js';
import { settingsOf } from './policy.js';
import { createUpstream } from './upstream.js';
import { receiveCreemWebhook, type Received } from './webhook-receiver.js';

/** The one merchant a companion server serves, per mode; its id is public (sign-in pages name it) and carries nothing of the key. */
export const companionMerchantId = (mode: Mode) => `mer_companion${mode === 'test' ? 'test' : 'live'}`;

/** Products belong to the whole account and change rarely: reused this many times longer than a customer's reads. */
const PRODUCT_TTL_FACTOR = 12;

export interface Companion {
  merchant: Merchant;
  mode: Mode;
  portal: PortalBackend;
  customers: CustomerDirectory;
  account: CreemAccount;
  /** x-api-key → whether it is the configured Creem key, compared in constant time against its hash. */
  isOwnKey(key: string): boolean;
  /** Creem's webhooks, when CREEM_WEBHOOK_SECRET is set. */
  receiveWebhook?: (payload: string, headers: Headers) => Promise<Received>;
}

/**
 * Writes the companion merchant (settings from the portal policy) into this server's store, so
 * sessions, sign-in codes, revocations and the customer-request outbox work as in standalone mode.
 */
async function ensureMerchant(store: Store, config: CompanionConfig, now: number): Promise<Merchant> {
  const id = companionMerchantId(config.mode);
  return store.transact(async (tx) => {
    const before = await tx.get('merchants', id);
    return tx.put('merchants', {
      id,
      name: config.policy.brand.name,
      created_at: before?.created_at ?? new Date(now).toISOString(),
      settings: settingsOf(config.policy, config.allowedOrigins),
    });
  });
}

export async function startCompanion(deps: { config: CompanionConfig; store: Store; clock: Clock; log: Logger; notify: Notifier }): Promise<Companion> {
  const { config, store, clock, log } = deps;
  const merchant = await ensureMerchant(store, config, clock());
  const upstream = createUpstream(config, log);
  const notes = async (customerId: string) =>
    new Map((await store.findBy('subscription_notes', 'customer_id', customerId)).filter((n) => n.merchant_id === merchant.id).map((n) => [n.id, n]));
  const account = new CreemAccount(
    upstream,
    new ReadCache(config.cacheMs, clock, store.coordination, 'customers'),
    new ReadCache(config.cacheMs * PRODUCT_TTL_FACTOR, clock, store.coordination, 'products'),
    merchant,
    config.mode,
    config.timeoutMs,
    notes,
  );
  const keyHash = Buffer.from(sha256(config.apiKey), 'hex');
  const customers: CustomerDirectory = {
    byId: async (m, mode, id): Promise<Customer | undefined> => (m.id === merchant.id && mode === config.mode ? account.customer(id) : undefined),
    byEmail: async (m, email) => (m.id === merchant.id ? account.customerByEmail(email) : undefined),
  };
  return {
    merchant,
    mode: config.mode,
    account,
    customers,
    portal: companionBackend({ store, clock, log, notify: deps.notify, account }),
    isOwnKey: (key) => timingSafeEqual(Buffer.from(sha256(key), 'hex'), keyHash),
    receiveWebhook: config.webhookSecret ? (payload, headers) => receiveCreemWebhook(account, config.webhookSecret!, payload, headers) : undefined,
  };
}
