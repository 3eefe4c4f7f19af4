import type { CollectionName, Collections, IndexedField, MailMessage, WebhookDelivery } from './schema.js';

/**
 * The store every domain rule runs on, whatever engine holds the data (lowdb in a file, or
 * PostgreSQL). Everything is async, so an engine that talks to a server fits the same signatures.
 *
 * A change is `transact(async (tx) => …)`: reads through `tx` see the transaction's own writes and
 * are isolated from concurrent transactions (no read-modify-write race between requests), and the
 * whole change becomes visible and durable at once, or not at all. `transact` resolves only once
 * the change is durable; the callback must do nothing but store calls (no mail, no network), and
 * may be run more than once by an engine that retries a conflicting transaction.
 *
 * Records come back as plain data that must not be mutated; a change is a new object passed to
 * `tx.put`. `findBy` only works on the fields in INDEXES, and answers in insertion order.
 */
export type Rec<K extends CollectionName> = Collections[K];

/** A value an indexed field holds. */
export type IndexValue = string | number | boolean | null;

export interface StoreReader {
  get<K extends CollectionName>(c: K, id: string): Promise<Rec<K> | undefined>;
  findBy<K extends CollectionName>(c: K, field: IndexedField<K>, value: IndexValue): Promise<Rec<K>[]>;
  findOneBy<K extends CollectionName>(c: K, field: IndexedField<K>, value: IndexValue): Promise<Rec<K> | undefined>;
  /** Every record of a collection, in insertion order: for small collections and maintenance jobs only. */
  all<K extends CollectionName>(c: K): Promise<Rec<K>[]>;
  count(c: CollectionName): Promise<number>;
}

export interface Tx extends StoreReader {
  put<K extends CollectionName>(c: K, record: Rec<K>): Promise<Rec<K>>;
  delete(c: CollectionName, id: string): Promise<void>;
}

/** A sliding window's limit: at most `max` hits in any `windowMs`. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** What a hit was told: allowed, or refused until the window has room again. */
export interface HitVerdict {
  ok: boolean;
  retryAfterMs: number;
}

/**
 * Short-lived state every process on one store must agree on, that is no record of the business:
 * rate-limit windows, leases on work in flight, and version stamps that tell a process its cached
 * reads are stale. An engine for one process (lowdb, whose file lock admits one) keeps it in
 * memory; PostgreSQL keeps it in tables, so several processes count and lease as one.
 */
export interface Coordination {
  /**
   * Counts a hit on `key` at `now` in a sliding window, and says whether it was within `limit`.
   * With `countRefused` a refused hit counts too (hammering keeps the window shut); without, only
   * allowed hits count.
   */
  hit(key: string, limit: WindowLimit, now: number, countRefused: boolean): Promise<HitVerdict>;
  /** Holds `key` until `now + ms` unless someone else holds it: a holder token, or null when taken. */
  acquire(key: string, now: number, ms: number): Promise<string | null>;
  /** Lets `key` go, if `holder` still holds it. */
  release(key: string, holder: string): Promise<void>;
  /** The current stamp of `key` ('' when never bumped); a new bump never brings back an old stamp. */
  stamp(key: string): Promise<string>;
  /** Gives `key` a fresh stamp, which every process then sees. */
  bump(key: string, now: number): Promise<void>;
  /** Forgets windows, leases and stamps that no longer matter by `now`. Returns how many went. */
  sweep(now: number): Promise<number>;
}

/**
 * The dev outbox's mails that carry a live code (never in production), kept apart from the
 * records, which hold only hashes of codes: the newest `keep`, oldest first.
 */
export interface SecretMail {
  add(message: MailMessage, keep: number): Promise<void>;
  list(): Promise<MailMessage[]>;
}

export interface Store extends StoreReader {
  readonly engine: string;
  readonly coordination: Coordination;
  /** An engine shared by several processes keeps them itself; without it they go in a file beside the data file. */
  readonly secretMail?: SecretMail;
  transact<T>(change: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Up to `limit` pending webhook deliveries due by `now`, to HTTP endpoints that are enabled, that no
   * worker holds: each is held (`claimed_until`) until `now + leaseMs`, so across processes every
   * attempt is made by one worker. Oldest due first.
   */
  claimDueDeliveries(now: number, leaseMs: number, limit: number): Promise<WebhookDelivery[]>;
  /** Waits for every pending commit, then lets the data go (file lock, connections). */
  close(): Promise<void>;
}

/** A commit could not be made durable; nothing of it was kept. */
export class StoreWriteError extends Error {}
/** The store cannot be reached right now (database down); nothing was changed. */
export class StoreUnavailableError extends Error {}
/**
 * The database went away after a change was sent to be committed and before it said so: the
 * change may have been kept or not, and nobody can tell until it is read back.
 */
export class StoreOutcomeUnknownError extends StoreUnavailableError {}
/** The stored data cannot be read as a store of this server; it was left untouched. */
export class StoreCorruptError extends Error {}
