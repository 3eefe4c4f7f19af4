import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import {
  COLLECTIONS,
  INDEXES,
  SCHEMA_VERSION,
  type CollectionName,
  type Collections,
  type DataFileShape,
} from './schema.js';
import { acquireLock } from './lock.js';
import { RecordBlocks } from './record-blocks.js';
import { ChunkedJsonFile, type StoreDocument } from './chunked-json-file.js';

export class StoreCorruptError extends Error {}
/** A commit could not reach the disk; the in-memory state was rolled back. */
export class StoreWriteError extends Error {}

type Rec<K extends CollectionName> = Collections[K];
type Undo = () => void;

/** Records are frozen: a change is a new object passed to `tx.put`, so every commit can be undone. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface Tx {
  get<K extends CollectionName>(c: K, id: string): Rec<K> | undefined;
  put<K extends CollectionName>(c: K, record: Rec<K>): Rec<K>;
  delete<K extends CollectionName>(c: K, id: string): void;
}

interface Pending {
  undo: Undo[];
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * The only module that touches lowdb. All records live in memory (maps by id plus secondary
 * indices); lowdb writes the whole document atomically (temp file + rename).
 *
 * Writes use group commit: `transact` applies its change in memory synchronously (so there is no
 * read-modify-write race between requests), then waits until a file write that includes it has
 * finished. Changes arriving while a write runs are written together by the next one, so one
 * file write serves many requests. If a write fails, every change not yet on disk is undone and
 * each waiting caller gets a StoreWriteError: nothing is acknowledged that is not on disk.
 *
 * The file stays one compact JSON document (byte for byte `JSON.stringify` of the data), but it is
 * written from encodings cached per block of records (RecordBlocks): a commit re-encodes only the
 * blocks it touched. A whole-store stringify per commit cost ~50 ms of blocked event loop at 10k
 * subscriptions and capped durable writes near 20/s (see bench/ and docs/performance.md).
 */
export class Store {
  private readonly maps = new Map<CollectionName, RecordBlocks<object>>();
  private readonly indices = new Map<string, Map<unknown, Set<string>>>();
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly db: Low<StoreDocument<DataFileShape>>,
    private readonly releaseLock: () => void,
  ) {}

  static async open(file: string): Promise<Store> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const release = acquireLock(file);
    try {
      const adapter = new ChunkedJsonFile<DataFileShape>(file, (text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (e) {
          throw new StoreCorruptError(
            `The data file ${file} is not valid JSON (${(e as Error).message}). It was left untouched: restore it from a backup, or move it away to start empty.`,
          );
        }
        // lowdb treats a null document as "no file yet"; an existing file must hold a store.
        validateShape(parsed, file);
        return parsed;
      });
      const db = new Low<StoreDocument<DataFileShape>>(adapter, emptyData());
      await db.read();
      validateShape(db.data, file);
      const store = new Store(file, db, release);
      store.load(db.data);
      // The file is rewritten from the blocks at each commit; don't keep a second copy alive.
      db.data = [];
      return store;
    } catch (e) {
      release();
      throw e;
    }
  }

  private load(data: DataFileShape) {
    for (const c of COLLECTIONS) {
      const map = new RecordBlocks<object>();
      this.maps.set(c, map);
      for (const field of INDEXES[c] ?? []) this.indices.set(`${c}.${field}`, new Map());
      for (const rec of data.collections[c] ?? []) {
        const r = deepFreeze(rec) as { id: string };
        map.set(r.id, r);
        this.index(c, undefined, r);
      }
    }
  }

  private index(c: CollectionName, before: unknown, after: unknown) {
    for (const field of INDEXES[c] ?? []) {
      const idx = this.indices.get(`${c}.${field}`)!;
      const b = before as Record<string, unknown> | undefined;
      const a = after as Record<string, unknown> | undefined;
      if (b && a && b[field] === a[field]) continue;
      if (b) {
        const set = idx.get(b[field]);
        set?.delete(b.id as string);
        if (set && set.size === 0) idx.delete(b[field]);
      }
      if (a) {
        let set = idx.get(a[field]);
        if (!set) idx.set(a[field], (set = new Set()));
        set.add(a.id as string);
      }
    }
  }

  get<K extends CollectionName>(c: K, id: string): Rec<K> | undefined {
    return this.maps.get(c)!.get(id) as Rec<K> | undefined;
  }

  /** Every record of a collection, in insertion order. */
  all<K extends CollectionName>(c: K): Rec<K>[] {
    return [...this.maps.get(c)!.values()] as Rec<K>[];
  }

  count(c: CollectionName): number {
    return this.maps.get(c)!.size;
  }

  /** Records whose indexed `field` equals `value` (see INDEXES), in insertion order. */
  findBy<K extends CollectionName>(c: K, field: keyof Rec<K> & string, value: unknown): Rec<K>[] {
    const idx = this.indices.get(`${c}.${field}`);
    if (!idx) throw new Error(`No index on ${c}.${field}`);
    const ids = idx.get(value);
    if (!ids) return [];
    const map = this.maps.get(c)!;
    return [...ids].map((id) => map.get(id) as Rec<K>);
  }

  findOneBy<K extends CollectionName>(c: K, field: keyof Rec<K> & string, value: unknown): Rec<K> | undefined {
    return this.findBy(c, field, value)[0];
  }

  /**
   * Applies `change` in memory now and resolves once it is on disk. `change` must be synchronous
   * and must only throw before its first `put`/`delete` (validate first, then write).
   */
  async transact<T>(change: (tx: Tx) => T): Promise<T> {
    if (this.closed) throw new StoreWriteError('The store is closed.');
    const undo: Undo[] = [];
    const tx: Tx = {
      get: (c, id) => this.get(c, id),
      put: (c, record) => {
        const map = this.maps.get(c)!;
        const id = (record as { id: string }).id;
        const before = map.get(id);
        const after = deepFreeze(record);
        map.set(id, after);
        this.index(c, before, after);
        undo.push(() => {
          if (before === undefined) map.delete(id);
          else map.set(id, before);
          this.index(c, after, before);
        });
        return after;
      },
      delete: (c, id) => {
        const map = this.maps.get(c)!;
        const before = map.get(id);
        if (before === undefined) return;
        map.delete(id);
        this.index(c, before, undefined);
        undo.push(() => {
          map.set(id, before);
          this.index(c, undefined, before);
        });
      },
    };
    let result: T;
    try {
      result = change(tx);
    } catch (e) {
      for (const u of undo.reverse()) u();
      throw e;
    }
    if (undo.length === 0) return result;
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ undo, resolve, reject });
      this.kick();
    });
    return result;
  }

  private kick() {
    if (this.flushing) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = null;
    });
  }

  private async flushLoop() {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        this.db.data = this.encode();
        await this.db.write();
        this.db.data = [];
        for (const p of batch) p.resolve();
      } catch (e) {
        this.db.data = [];
        // Undo every change not on disk, newest first: the failed batch and anything queued behind it.
        const failed = [...batch, ...this.queue];
        this.queue = [];
        for (const p of [...failed].reverse()) for (const u of [...p.undo].reverse()) u();
        const err = new StoreWriteError(`Could not write ${this.file}: ${(e as Error).message}`);
        for (const p of failed) p.reject(err);
      }
    }
  }

  /** The whole document, `{"version":…,"collections":{…}}`, as chunks to write in order. */
  private encode(): Uint8Array[] {
    const out: Uint8Array[] = [Buffer.from(`{"version":${SCHEMA_VERSION},"collections":{`)];
    COLLECTIONS.forEach((c, i) => {
      out.push(Buffer.from(`${i > 0 ? ',' : ''}${JSON.stringify(c)}:[`));
      this.maps.get(c)!.encode(out);
      out.push(Buffer.from(']'));
    });
    out.push(Buffer.from('}}'));
    return out;
  }

  /** Waits for every pending commit, then releases the file lock. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    this.releaseLock();
  }
}

function emptyData(): DataFileShape {
  const collections = {} as DataFileShape['collections'];
  for (const c of COLLECTIONS) (collections as Record<string, unknown[]>)[c] = [];
  return { version: SCHEMA_VERSION, collections };
}

function validateShape(data: unknown, file: string): asserts data is DataFileShape {
  const d = data as Partial<DataFileShape> | null;
  if (!d || typeof d !== 'object' || typeof d.version !== 'number' || !d.collections || typeof d.collections !== 'object') {
    throw new StoreCorruptError(
      `The data file ${file} is not a creem-portal store (no version or collections). It was left untouched: restore it from a backup, or move it away to start empty.`,
    );
  }
  if (d.version > SCHEMA_VERSION) {
    throw new StoreCorruptError(`The data file ${file} has schema version ${d.version}; this server knows up to ${SCHEMA_VERSION}. Upgrade the server.`);
  }
  for (const [name, list] of Object.entries(d.collections)) {
    if (!Array.isArray(list) || list.some((r) => !r || typeof r !== 'object' || typeof (r as { id?: unknown }).id !== 'string')) {
      throw new StoreCorruptError(`The data file ${file} is damaged: collection "${name}" is not a list of records with ids.`);
    }
  }
}
