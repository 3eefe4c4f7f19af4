import type { CollectionName, Collections, IndexedField } from './schema.js';

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

export interface Store extends StoreReader {
  readonly engine: string;
  transact<T>(change: (tx: Tx) => Promise<T>): Promise<T>;
  /** Waits for every pending commit, then lets the data go (file lock, connections). */
  close(): Promise<void>;
}

/** A commit could not be made durable; nothing of it was kept. */
export class StoreWriteError extends Error {}
/** The store cannot be reached right now (database down); nothing was changed. */
export class StoreUnavailableError extends Error {}
/** The stored data cannot be read as a store of this server; it was left untouched. */
export class StoreCorruptError extends Error {}
