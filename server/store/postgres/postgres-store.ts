import pg from 'pg';
import { COLLECTIONS, indexedFields, type CollectionName } from '../schema.js';
import { StoreOutcomeUnknownError, StoreUnavailableError, StoreWriteError, type Coordination, type Rec, type SecretMail, type Store, type Tx } from '../interface.js';
import { migrate } from './migrate.js';
import { checkout } from './pool.js';
import { PostgresCoordination } from './coordination.js';
import { PostgresSecretMail } from './secret-mail.js';
import { WriteSet } from './write-set.js';
import { inline } from './sql-literal.js';
import { GetBatch, SUBSCRIPTION_REFERENCES, type GetBatchOptions } from './get-batch.js';
import { READ_MOSTLY, READ_MOSTLY_IN_TX, ReadMostly, type Written } from './read-mostly.js';
import { NestingGuard, type StoreChecks } from '../nesting-guard.js';

export interface PostgresOptions extends StoreChecks {
  url: string;
  /** A schema of its own (tests: one per app); default the connection's search_path (`public`). */
  schema?: string;
  /** Connections per process. */
  poolSize?: number;
}

/** SQLSTATEs after which a transaction simply runs again: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 30;

/** Connection-level failures: the database is gone for now (503), not a refused change. */
const UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const TABLES = new Set<string>(COLLECTIONS);
function table(c: CollectionName) {
  if (!TABLES.has(c)) throw new Error(`Unknown collection ${c}`);
  return c;
}
/**
 * Fields found by a scan of their generated column, without an index: writes change them all the
 * time, and an index would make each such write touch every index of its table (see migration 005).
 */
export const UNINDEXED: Partial<Record<CollectionName, readonly string[]>> = { subscriptions: ['status'] };

function column(c: CollectionName, field: string) {
  if (!indexedFields(c).includes(field)) throw new Error(`No index on ${c}.${field}`);
  return field;
}

function codeOf(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: { code?: string } } | undefined;
  return err?.code ?? err?.cause?.code;
}

function unavailable(e: unknown): boolean {
  const code = codeOf(e);
  if (code && UNAVAILABLE.has(code)) return true;
  const message = e instanceof Error ? e.message : '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

const BEGIN = 'BEGIN ISOLATION LEVEL SERIALIZABLE';

/**
 * `text` run as the first statement of a new transaction, or inside the open one (`begun`): one
 * simple-protocol message, so BEGIN costs no round trip of its own. Its answer is the last
 * statement's.
 */
async function withBegin(client: pg.PoolClient, text: string, begun = false): Promise<pg.QueryResult> {
  const r = (await client.query(begun ? text : `${BEGIN}; ${text}`)) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(r) ? r[r.length - 1]! : r;
}

/**
 * The store's statements are few and fixed: each runs as a named prepared statement, parsed and
 * planned once per connection instead of on every call. Past a bound (texts built from many
 * tables at once) they simply run unnamed.
 */
const names = new Map<string, string>();
function prepared(text: string, values?: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name && names.size < 500) names.set(text, (name = `s${names.size}`));
  return name ? { name, text, values } : { text, values };
}

interface Waiting {
  text: string;
  values?: unknown[];
  resolve(r: pg.QueryResult): void;
  reject(e: unknown): void;
}

/**
 * Queries asked together, in one round trip. A lone one inside an open transaction runs as its
 * prepared statement; several (or the first, which opens the transaction) go as one
 * simple-protocol message, and each gets its own statement's answer. Should one fail, the
 * transaction is aborted and all of them fail with it.
 */
async function sendBatch(client: pg.PoolClient, batch: Waiting[], opening: boolean): Promise<void> {
  try {
    if (batch.length === 1 && !opening) {
      const w = batch[0]!;
      w.resolve(await client.query(prepared(w.text, w.values)));
      return;
    }
    const texts = batch.map((w) => inline(w.text, w.values));
    if (opening) texts.unshift(BEGIN);
    const r = (await client.query(texts.join('; '))) as pg.QueryResult | pg.QueryResult[];
    const answers = Array.isArray(r) ? r : [r];
    const skip = opening ? 1 : 0;
    batch.forEach((w, i) => w.resolve(answers[i + skip]!));
  } catch (e) {
    for (const w of batch) w.reject(e);
    throw e;
  }
}

/** The reads every view of the store shares, over one way to run a query (the pool, or a transaction's client). */
function readsOver(query: Query, options?: GetBatchOptions) {
  const docs = (r: pg.QueryResult) => r.rows.map((row) => row.doc as never);
  // PostgreSQL text cannot hold U+0000, so no stored value has one: a key with it matches nothing
  // (asking would be an encoding error).
  const unmatchable = (v: unknown) => typeof v === 'string' && v.includes('\0');
  const batch = new GetBatch(query, table, options);
  return {
    async get<K extends CollectionName>(c: K, id: string) {
      if (unmatchable(id)) return undefined;
      return (await batch.get(c, id)) as Rec<K> | undefined;
    },
    async findBy<K extends CollectionName>(c: K, field: string, value: unknown) {
      const col = column(c, field);
      if (unmatchable(value)) return [];
      const r = value === null ? await query(`SELECT doc FROM ${table(c)} WHERE ${col} IS NULL ORDER BY seq`) : await query(`SELECT doc FROM ${table(c)} WHERE ${col} = $1 ORDER BY seq`, [String(value)]);
      return docs(r) as Rec<K>[];
    },
    async findOneBy<K extends CollectionName>(c: K, field: string, value: unknown) {
      const col = column(c, field);
      if (unmatchable(value)) return undefined;
      const r = value === null ? await query(`SELECT doc FROM ${table(c)} WHERE ${col} IS NULL ORDER BY seq LIMIT 1`) : await query(`SELECT doc FROM ${table(c)} WHERE ${col} = $1 ORDER BY seq LIMIT 1`, [String(value)]);
      return (r.rows[0]?.doc ?? undefined) as Rec<K> | undefined;
    },
    async all<K extends CollectionName>(c: K) {
      return docs(await query(`SELECT doc FROM ${table(c)} ORDER BY seq`)) as Rec<K>[];
    },
    async count(c: CollectionName) {
      const r = await query(`SELECT count(*)::int AS n FROM ${table(c)}`);
      return r.rows[0].n as number;
    },
  };
}

/**
 * The store in PostgreSQL, for any number of server processes on one database. Each transaction
 * runs SERIALIZABLE: PostgreSQL refuses any interleaving that a one-at-a-time order would not
 * give, and the transaction runs again from the start (which is why a transaction's callback does
 * nothing but store calls). A change is acknowledged once COMMIT returns, i.e. once it is on disk
 * (synchronous_commit). A lost connection is a StoreUnavailableError (503); the pool reconnects.
 */
export class PostgresStore implements Store {
  readonly engine = 'postgres';
  readonly coordination: Coordination;
  readonly secretMail: SecretMail;
  private readonly reads: ReturnType<typeof readsOver>;
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    private readonly nesting: NestingGuard,
    private readonly readMostly: ReadMostly,
  ) {
    this.reads = readsOver((text, values) => this.run(() => pool.query(prepared(text, values))));
    const guard = <T>(work: () => Promise<T>) => this.run(work);
    this.coordination = new PostgresCoordination(pool, guard);
    this.secretMail = new PostgresSecretMail(pool, guard);
  }

  /** Connects, applies pending migrations (once across processes), and refuses a database from a newer server. */
  static async open(opts: PostgresOptions): Promise<PostgresStore> {
    const connection = {
      connectionString: opts.url,
      connectionTimeoutMillis: 5000,
      ...(opts.schema ? { options: `-c search_path=${ident(opts.schema)}` } : {}),
    };
    const pool = new pg.Pool({ ...connection, max: opts.poolSize ?? 10, idleTimeoutMillis: 30_000 });
    // An idle client that loses its server must not take the process down; the next query reconnects.
    pool.on('error', () => undefined);
    // pg hands a client between the pool's listener and its borrower's; a lost connection can emit in
    // a gap between them, and an 'error' nobody hears ends the process. This one is always there:
    // the loss itself reaches whoever uses the client next, as the error of its query.
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      await migrate(pool, opts.schema);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
    // Named, so an operator can tell the one connection per process that only listens.
    const readMostly = new ReadMostly({ ...connection, application_name: `creem-portal read-mostly${opts.schema ? ` ${opts.schema}` : ''}`.slice(0, 63) });
    await readMostly.start();
    return new PostgresStore(pool, new NestingGuard(opts.checkNesting ?? true), readMostly);
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    // A request still running while the server stops: a 503 to retry elsewhere, not a crash.
    if (this.closed) throw new StoreUnavailableError('The store is closed: this server is stopping.');
    try {
      return await work();
    } catch (e) {
      if (this.closed) throw new StoreUnavailableError('The store is closed: this server is stopping.');
      if (unavailable(e)) throw new StoreUnavailableError(`The database cannot be reached: ${(e as Error).message}`);
      throw e;
    }
  }

  // Outside a transaction, merchants, API keys and webhook endpoints come from memory (see ReadMostly); inside one,
  // from the database, so that SERIALIZABLE sees and guards what the change reads.
  async get<K extends CollectionName>(c: K, id: string) {
    if (this.readMostly.serves(c)) return this.readMostly.get(c, id) as never;
    return this.reads.get(c, id);
  }
  async findBy<K extends CollectionName>(c: K, field: string, value: unknown) {
    if (this.readMostly.serves(c)) return this.readMostly.findBy(c, column(c, field), value) as never;
    return this.reads.findBy(c, field, value);
  }
  async findOneBy<K extends CollectionName>(c: K, field: string, value: unknown) {
    if (this.readMostly.serves(c)) return this.readMostly.findBy(c, column(c, field), value)[0] as never;
    return this.reads.findOneBy(c, field, value);
  }
  async all<K extends CollectionName>(c: K) {
    if (this.readMostly.serves(c)) return this.readMostly.all(c) as never;
    return this.reads.all(c);
  }
  async count(c: CollectionName) {
    if (this.readMostly.serves(c)) return this.readMostly.count(c);
    return this.reads.count(c);
  }

  async transact<T>(change: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreWriteError('The store is closed.');
    this.nesting.refuseNested();
    for (let attempt = 1; ; attempt++) {
      // After a conflict: step aside a little longer each time, holding no connection meanwhile.
      if (attempt > 1) await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));
      const { client, release } = await this.run(() => checkout(this.pool));
      let done = false;
      // Once this attempt is over, its tx refuses: a call left running must not reach the
      // connection, which by then is someone else's.
      let ended = false;
      // The first failure of a query the change started but did not await: it aborted the transaction.
      let failure: { error: unknown } | undefined;
      let broken = false;
      let committing = false;
      // What it writes of the collections every process keeps in memory, applied once committed.
      const readMostly: Written[] = [];
      let turn: Promise<unknown> = Promise.resolve();
      // The transaction opens with its first statement, in the same round trip (see withBegin).
      let begun = false;
      // Queries asked in this turn of the event loop, not yet sent (see flush).
      let waiting: Waiting[] = [];
      try {
        // One connection runs one query at a time, and each costs a round trip: the queries the
        // domain asks at once (Promise.all) wait for the end of this turn of the event loop and go
        // as one simple-protocol message, after those sent before them (pg 9 drops its own queue).
        const flush = () => {
          if (!waiting.length) return;
          const batch = waiting;
          waiting = [];
          const opening = !begun;
          begun = true;
          const mine = turn.then(() => sendBatch(client, batch, opening));
          turn = mine.catch((error) => void (failure ??= { error }));
        };
        const query: Query = (text, values) => {
          if (ended) return Promise.reject(new Error('This transaction has ended: a store call outlived its change.'));
          return new Promise((resolve, reject) => {
            if (waiting.push({ text, values, resolve, reject }) === 1) queueMicrotask(flush);
          });
        };
        const writes = new WriteSet();
        // The collections this change wrote to (none: it only read).
        const written = new Set<CollectionName>();
        const send = async () => {
          const statement = writes.drain();
          if (statement) await query(statement.text, statement.values);
        };
        // A query that could see the transaction's own writes goes after them.
        const seeing = async <T>(c: CollectionName, read: () => Promise<T>) => {
          if (writes.hasPending(c)) await send();
          return read();
        };
        // What a change reads next comes along with the subscription it reads (see GetBatch).
        const reads = readsOver(query, { references: SUBSCRIPTION_REFERENCES, found: (c, doc) => void writes.remember(c, doc.id, doc) });
        const tx: Tx = {
          async get(c, id) {
            const known = writes.lookup(c, id);
            if (known !== undefined) return (known ?? undefined) as never;
            return writes.remember(c, id, await reads.get(c, id));
          },
          findBy: (c, field, value) =>
            // Unless this transaction wrote there: memory has that only once it commits.
            READ_MOSTLY_IN_TX.includes(c) && !written.has(c) && this.readMostly.serves(c)
              ? Promise.resolve(this.readMostly.findBy(c, column(c, field), value) as never)
              : seeing(c, () => reads.findBy(c, field, value)),
          findOneBy: (c, field, value) => seeing(c, () => reads.findOneBy(c, field, value)),
          all: (c) => seeing(c, () => reads.all(c)),
          count: (c) => seeing(c, () => reads.count(c)),
          async put(c, record) {
            if (ended) throw new Error('This transaction has ended: a store call outlived its change.');
            written.add(c);
            if (writes.mustSendBeforePut(c, (record as { id: string }).id)) await send();
            writes.put(table(c), record as { id: string });
            if (READ_MOSTLY.includes(c)) readMostly.push({ c, id: (record as { id: string }).id, doc: record as never });
            return record;
          },
          async delete(c, id) {
            if (ended) throw new Error('This transaction has ended: a store call outlived its change.');
            written.add(c);
            writes.delete(table(c), id);
            if (READ_MOSTLY.includes(c)) readMostly.push({ c, id, doc: null });
          },
        };
        const result = await this.nesting.run(() => change(tx));
        // A change may return while queries it started but did not await are still queued; one that
        // failed aborted the transaction, whatever the change made of it.
        flush();
        await turn;
        if (failure) throw failure.error;
        const last = writes.drain();
        committing = written.size > 0;
        // The last writes and COMMIT in one round trip; a change that asked nothing opened nothing.
        let endedBy: string | undefined;
        if (last) {
          const open = begun;
          // Should it fail, whatever it opened is rolled back below.
          begun = true;
          endedBy = (await withBegin(client, `${inline(last.text, last.values)}; COMMIT`, open)).command;
        } else if (begun) endedBy = (await client.query('COMMIT')).command;
        // PostgreSQL answers COMMIT in an aborted transaction with ROLLBACK, not an error.
        if (endedBy === 'ROLLBACK') throw new StoreWriteError('The database rolled the change back; nothing was changed.');
        done = true;
        this.readMostly.applyCommitted(readMostly);
        return result;
      } catch (e) {
        broken = unavailable(e);
        // Nothing of this transaction may still run on the connection once it is given back.
        for (const w of waiting.splice(0)) w.reject(e);
        await turn;
        if (!done && !broken && begun) await client.query('ROLLBACK').catch(() => undefined);
        const code = codeOf(e);
        // Others are changing the same rows: run it again.
        if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        if (unavailable(e)) {
          // pg refuses a query on a connection it already knows is gone without sending it: then
          // COMMIT never left, and nothing was changed.
          const sent = committing && !/not queryable/i.test((e as Error).message);
          const Lost = sent ? StoreOutcomeUnknownError : StoreUnavailableError;
          throw new Lost(`The database ${sent ? 'was lost during COMMIT' : 'cannot be reached'}: ${(e as Error).message}`);
        }
        if (code && RETRYABLE.has(code)) throw new StoreWriteError(`The change conflicted with others ${MAX_ATTEMPTS} times; nothing was changed.`);
        throw e;
      } finally {
        ended = true;
        // A client whose connection broke is destroyed, not handed to the next caller.
        release(broken);
      }
    }
  }

  /**
   * FOR UPDATE SKIP LOCKED: concurrent workers on other processes each take different rows, and a
   * row one of them is claiming is skipped, not waited for. The claim commits at once.
   */
  async claimDueDeliveries(now: number, leaseMs: number, limit: number) {
    const r = await this.run(() =>
      this.pool.query(
        `UPDATE webhook_deliveries d
            SET doc = jsonb_set(d.doc, '{claimed_until}', to_jsonb($2::bigint))
          WHERE d.id IN (
            SELECT w.id FROM webhook_deliveries w
              JOIN webhook_endpoints e ON e.id = w.doc ->> 'endpoint_id'
             WHERE w.status = 'pending' AND w.next_attempt_at <= $1 AND coalesce(w.claimed_until, 0) <= $1
               AND e.doc ->> 'status' = 'active' AND coalesce(e.doc ->> 'delivery_mode', 'http') <> 'cli'
             ORDER BY w.next_attempt_at
             LIMIT $3
             FOR UPDATE OF w SKIP LOCKED)
        RETURNING d.doc`,
        [now, now + leaseMs, limit],
      ),
    );
    return r.rows.map((row) => row.doc).sort((a, b) => a.next_attempt_at - b.next_attempt_at);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.readMostly.close();
    await this.pool.end();
  }
}
