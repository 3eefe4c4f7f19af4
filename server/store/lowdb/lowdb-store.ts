import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { COLLECTIONS, SCHEMA_VERSION, type CollectionName, type Collections } from '../schema.js';
import { StoreCorruptError, StoreWriteError, type Rec, type Store, type Tx } from '../interface.js';
import { acquireLock } from './lock.js';
import { ChunkedJsonFile, FILE_MODE, type StoreDocument } from './chunked-json-file.js';
import { Tables, type Undo } from './tables.js';
import { deepFreeze } from '../freeze.js';
import { WriteSet } from './write-set.js';
import { MemoryCoordination } from '../memory-coordination.js';
import { NestingGuard, type StoreChecks } from '../nesting-guard.js';
import { UnsyncedRenameError, type FileOps } from '../durable-file.js';

/** What lowdb writes: one compact JSON document. */
export interface DataFileShape {
  version: number;
  collections: { [K in CollectionName]: Collections[K][] };
}

interface Pending {
  undo: Undo[];
  resolve: () => void;
  reject: (e: Error) => void;
}

type AnyRecord = { id: string } & Record<string, unknown>;

/**
 * The embedded engine: every record in memory (maps by id plus secondary indices), the whole
 * store in one JSON file that lowdb writes atomically and durably (temp file, fsync, rename, fsync
 * of the directory: see durable-file.ts). One process per file (a lock file says so).
 *
 * Transactions run one at a time (a queue), so a read-modify-write never races another; their
 * writes are buffered (WriteSet) and applied at once when the callback returns, so nobody sees a
 * change half made. Then group commit: the caller waits until a file write that includes the
 * change has finished (directory fsync included), and changes arriving while a write runs are
 * written together by the next one: a batch pays one write and one pair of fsyncs. If a write fails, every change not yet on disk is undone and each waiting caller gets a
 * StoreWriteError: nothing is acknowledged that is not on disk.
 *
 * The file is written from encodings cached per block of records (RecordBlocks): a commit
 * re-encodes only the blocks it touched (see docs/performance.md).
 */
export class LowdbStore implements Store {
  readonly engine = 'lowdb';
  /** The lock file admits one process, so what processes would share can stay in its memory. */
  readonly coordination = new MemoryCoordination();
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;
  private turn: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly db: Low<StoreDocument<DataFileShape>>,
    private readonly tables: Tables,
    private readonly releaseLock: () => void,
    private readonly nesting: NestingGuard,
  ) {}

  /** `fileOps` replaces node:fs/promises for writing the data file (tests observe the writes with it). */
  static async open(file: string, opts: StoreChecks & { fileOps?: FileOps } = {}): Promise<LowdbStore> {
    // A directory we create is the owner's alone; an existing one is left as its owner set it.
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
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
      }, opts.fileOps);
      const db = new Low<StoreDocument<DataFileShape>>(adapter, emptyData());
      await db.read();
      validateShape(db.data, file);
      narrowMode(file);
      const store = new LowdbStore(file, db, new Tables(db.data.collections), release, new NestingGuard(opts.checkNesting ?? true));
      // The file is rewritten from the blocks at each commit; don't keep a second copy alive.
      db.data = [];
      return store;
    } catch (e) {
      release();
      throw e;
    }
  }

  async get<K extends CollectionName>(c: K, id: string) {
    return this.tables.get(c, id) as unknown as Rec<K> | undefined;
  }

  async findBy<K extends CollectionName>(c: K, field: string, value: unknown) {
    return this.tables.findBy(c, field, value) as unknown as Rec<K>[];
  }

  async findOneBy<K extends CollectionName>(c: K, field: string, value: unknown) {
    return this.tables.findBy(c, field, value)[0] as unknown as Rec<K> | undefined;
  }

  async all<K extends CollectionName>(c: K) {
    return this.tables.all(c) as unknown as Rec<K>[];
  }

  async count(c: CollectionName) {
    return this.tables.count(c);
  }

  async transact<T>(change: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreWriteError('The store is closed.');
    // The queue would wait for itself: a transaction must use its tx, never start another.
    this.nesting.refuseNested();
    const release = await this.nextTurn();
    let writes: WriteSet;
    let result: T;
    try {
      writes = new WriteSet(this.tables);
      result = await this.nesting.run(() => change(txOver(writes)));
    } catch (e) {
      release();
      throw e;
    }
    const undo = this.apply(writes);
    release();
    if (undo.length === 0) return result;
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ undo, resolve, reject });
      this.kick();
    });
    return result;
  }

  /** One process holds the file, so a claim is an ordinary transaction. */
  claimDueDeliveries(now: number, leaseMs: number, limit: number) {
    return this.transact(async (tx) => {
      const due = (await tx.findBy('webhook_deliveries', 'status', 'pending'))
        .filter((d) => d.next_attempt_at <= now && (d.claimed_until ?? 0) <= now)
        .sort((a, b) => a.next_attempt_at - b.next_attempt_at);
      const out = [];
      for (const d of due) {
        if (out.length >= limit) break;
        const endpoint = await tx.get('webhook_endpoints', d.endpoint_id);
        // cli deliveries wait for an ack; a disabled endpoint keeps its deliveries until re-enabled.
        if (!endpoint || endpoint.delivery_mode === 'cli' || endpoint.status !== 'active') continue;
        out.push(await tx.put('webhook_deliveries', { ...d, claimed_until: now + leaseMs }));
      }
      return out;
    });
  }

  /** Waits for the transactions ahead, then holds the turn until the returned function is called. */
  private nextTurn(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const ahead = this.turn;
    this.turn = ahead.then(() => mine);
    return ahead.then(() => release);
  }

  private apply(writes: WriteSet): Undo[] {
    const undo: Undo[] = [];
    for (const { c, id, record } of writes.log) undo.push(this.tables.set(c, id, record ?? undefined));
    return undo;
  }

  private kick() {
    if (this.flushing) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = null;
    });
  }

  private async flushLoop() {
    while (this.queue.length > 0) {
      // One turn of the event loop before taking the batch: the callers just acknowledged (and
      // anything else ready to commit) join this write instead of waiting a whole write and fsync
      // for the next one. Without it, writers in flight split into two halves taking turns.
      await new Promise<void>((resolve) => setImmediate(resolve));
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
        // The new file is in place but not durable: put the old state back before saying "nothing was
        // changed", or a reader (or the disk after a crash) would hold a change its caller was refused.
        if (e instanceof UnsyncedRenameError) await this.rewrite();
        const err = new StoreWriteError(`Could not write ${this.file}: ${(e as Error).message}`);
        for (const p of failed) p.reject(err);
      }
    }
  }

  /** Best effort: the disk that just failed may fail again, and the callers are refused either way. */
  private async rewrite() {
    try {
      this.db.data = this.encode();
      await this.db.write();
    } catch {
      // left as it is; the next commit writes the whole state again
    } finally {
      this.db.data = [];
    }
  }

  /** The whole document, `{"version":…,"collections":{…}}`, as chunks to write in order. */
  private encode(): Uint8Array[] {
    const out: Uint8Array[] = [Buffer.from(`{"version":${SCHEMA_VERSION},"collections":{`)];
    COLLECTIONS.forEach((c, i) => {
      out.push(Buffer.from(`${i > 0 ? ',' : ''}${JSON.stringify(c)}:[`));
      this.tables.maps.get(c)!.encode(out);
      out.push(Buffer.from(']'));
    });
    out.push(Buffer.from('}}'));
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.turn;
    while (this.flushing) await this.flushing;
    this.releaseLock();
  }
}

/** The async face of a write set, handed to a transaction's callback. */
function txOver(writes: WriteSet): Tx {
  return {
    get: async (c, id) => writes.get(c, id) as never,
    findBy: async (c, field, value) => writes.findBy(c, field, value) as never,
    findOneBy: async (c, field, value) => writes.findBy(c, field, value)[0] as never,
    all: async (c) => writes.all(c) as never,
    count: async (c) => writes.count(c),
    put: async (c, record) => {
      const frozen = deepFreeze(record) as unknown as AnyRecord;
      writes.put(c, frozen);
      return record;
    },
    delete: async (c, id) => writes.delete(c, id),
  };
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

/**
 * A data file written by an older version may be 0644; it holds webhook signing secrets, so it is
 * narrowed to 0600 as soon as it has been read (commits keep that mode). Best effort: a file owned
 * by another user cannot be changed by us, and is no reason not to start.
 */
function narrowMode(file: string) {
  try {
    if ((fs.statSync(file).mode & 0o777 & ~FILE_MODE) !== 0) fs.chmodSync(file, FILE_MODE);
  } catch {
    // no file yet (an empty store), or not ours to change
  }
}
