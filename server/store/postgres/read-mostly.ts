import pg from 'pg';
import type { CollectionName } from '../schema.js';
import { deepFreeze } from '../freeze.js';

/**
 * Collections nearly every request reads (the caller's API key, its merchant and settings, the
 * origins merchants allow; every change's webhook endpoints) and that change rarely. Each process
 * keeps them in memory.
 */
export const READ_MOSTLY: readonly CollectionName[] = ['merchants', 'api_keys', 'webhook_endpoints'];

/**
 * Read-mostly collections a transaction may also read from memory. Which endpoints an event goes
 * to is read, never decided upon: an endpoint added or removed while the event is recorded gets it
 * or not, as it would a moment either side, and no invariant stands on it. Merchants and API keys
 * stay in the transaction's snapshot, where SERIALIZABLE guards what a change decides from them.
 */
export const READ_MOSTLY_IN_TX: readonly CollectionName[] = ['webhook_endpoints'];

/** The channel the triggers of migrations 006 and 007 notify on; the payload is JSON `[schema, table, id]` (id null: the whole table). */
const CHANNEL = 'creem_read_mostly';

type Doc = { id: string } & Record<string, unknown>;
interface Row {
  seq: number;
  doc: Doc;
}

export interface Written {
  c: CollectionName;
  id: string;
  /** null: deleted. */
  doc: Doc | null;
}

/** After a lost connection: wait this long (doubling up to the most) before listening again. */
const RETRY_MS = { first: 200, most: 5000 };
/**
 * A connection that dies without a word (a NAT or load balancer dropping it while idle) fires no
 * event: the listener asks the database something this often, and gives up on it after the timeout.
 */
const HEARTBEAT_MS = 10_000;
const QUERY_TIMEOUT_MS = 5_000;

const keyOf = (c: CollectionName, id: string) => `${c}\u0000${id}`;

/**
 * The read-mostly collections in memory, kept current across processes. Every committed change to
 * them notifies (a trigger, so writes from anywhere count), and the listener reads that row again.
 * A change made by this process is applied as soon as it commits, before its answer is sent, and
 * read again after, so the database has the last word (its `seq`, a newer write from elsewhere).
 * Re-reads run one at a time on the listening connection, in the order they were asked for, so a
 * later one never loses to an earlier one. While the connection is down, or loading, `ready` is
 * false and reads go to the database: on reconnecting it listens first, loads everything, then
 * reads again every row notified meanwhile.
 */
export class ReadMostly {
  private rows = new Map<CollectionName, Map<string, Row>>();
  private client: pg.Client | undefined;
  private schema = '';
  private listening = false;
  private closed = false;
  private retryMs = RETRY_MS.first;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Rows to read again (null id: the whole table), in order; drained one at a time once loaded. */
  private queue: { c: CollectionName; id: string | null }[] = [];
  private draining = false;
  /** Per row: how many local commits were applied; a re-read that started before one is older than it. */
  private local = new Map<string, number>();
  /** Where this process's own new rows go until their re-read brings the real seq. */
  private nextLocalSeq = Number.MAX_SAFE_INTEGER / 2;
  /** Built on first use and dropped on any change to the collection: changes are rare, reads are not. */
  private derived = new Map<string, unknown>();

  constructor(private readonly config: pg.ClientConfig) {}

  get ready(): boolean {
    return this.listening && !this.closed;
  }

  serves(c: CollectionName): boolean {
    return this.ready && READ_MOSTLY.includes(c);
  }

  /** Starts listening; resolves once the first load is done or has failed (then it retries by itself). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect() {
    if (this.closed) return;
    const client = new pg.Client({ ...this.config, keepAlive: true, query_timeout: QUERY_TIMEOUT_MS });
    this.client = client;
    const lost = () => this.lost(client);
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.notified(n.payload);
    });
    try {
      await client.connect();
      this.schema = (await client.query('SELECT current_schema() AS s')).rows[0].s as string;
      // Listen first, then load: a change committed in between is both loaded and notified.
      await client.query(`LISTEN ${CHANNEL}`);
      // What was queued before this load is in it.
      this.queue = [];
      const rows = new Map<CollectionName, Map<string, Row>>();
      for (const c of READ_MOSTLY) {
        const r = await client.query(`SELECT seq, doc FROM ${c} ORDER BY seq`);
        rows.set(c, new Map(r.rows.map((row) => [row.doc.id as string, { seq: Number(row.seq), doc: deepFreeze(row.doc as Doc) }])));
      }
      if (this.client !== client) return;
      this.rows = rows;
      this.derived.clear();
      // A change notified during the load may be newer than what it read: read those again before serving.
      while (this.client === client && this.queue.length) await this.apply(client, this.queue.shift()!);
      if (this.client !== client) return;
      this.listening = true;
      this.retryMs = RETRY_MS.first;
      this.heartbeat = setInterval(() => this.enqueue({ c: READ_MOSTLY[0]!, id: '' }), HEARTBEAT_MS);
      this.heartbeat.unref();
      this.drain();
    } catch {
      lost();
    }
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.listening = false;
    this.client = undefined;
    clearInterval(this.heartbeat);
    void client.end().catch(() => undefined);
    this.later();
  }

  private later() {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(RETRY_MS.most, this.retryMs * 2);
  }

  private notified(payload: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    if (!Array.isArray(parsed)) return;
    const [schema, c, id] = parsed as [unknown, CollectionName, unknown];
    if (schema !== this.schema || !READ_MOSTLY.includes(c) || (id !== null && typeof id !== 'string')) return;
    this.enqueue({ c, id });
  }

  private enqueue(item: { c: CollectionName; id: string | null }) {
    this.queue.push(item);
    this.drain();
  }

  /** One re-read at a time, in order; only while loaded (a load supersedes what was queued before it). */
  private drain() {
    if (this.draining || !this.listening) return;
    const client = this.client;
    if (!client) return;
    this.draining = true;
    void (async () => {
      try {
        while (this.listening && this.client === client && this.queue.length) await this.apply(client, this.queue.shift()!);
      } catch {
        this.lost(client);
      } finally {
        this.draining = false;
      }
      if (this.queue.length) this.drain();
    })();
  }

  /** One queued item: a whole table again (null id), a heartbeat (empty id), or one row again. */
  private async apply(client: pg.Client, { c, id }: { c: CollectionName; id: string | null }) {
    if (id === null) await this.reload(client, c);
    else if (id === '') await client.query('SELECT 1');
    else await this.reread(client, c, id);
  }

  private async reread(client: pg.Client, c: CollectionName, id: string) {
    const key = keyOf(c, id);
    const before = this.local.get(key) ?? 0;
    const r = await client.query(`SELECT seq, doc FROM ${c} WHERE id = $1`, [id]);
    // This process committed a change of that row meanwhile: a re-read of it is queued behind this one.
    if ((this.local.get(key) ?? 0) !== before) return;
    this.local.delete(key);
    const table = this.rows.get(c)!;
    this.changed(c);
    const row = r.rows[0];
    if (!row) table.delete(id);
    else table.set(id, { seq: Number(row.seq), doc: deepFreeze(row.doc as Doc) });
  }

  private async reload(client: pg.Client, c: CollectionName) {
    const r = await client.query(`SELECT seq, doc FROM ${c} ORDER BY seq`);
    this.rows.set(c, new Map(r.rows.map((row) => [row.doc.id as string, { seq: Number(row.seq), doc: deepFreeze(row.doc as Doc) }])));
    this.changed(c);
  }

  /** What a transaction of this process wrote, once committed: served at once, then read again. */
  applyCommitted(written: Written[]) {
    for (const w of written) {
      const key = keyOf(w.c, w.id);
      this.local.set(key, (this.local.get(key) ?? 0) + 1);
      const table = this.rows.get(w.c);
      if (table) {
        this.changed(w.c);
        // As the database gives it back: JSON, nothing a round trip would drop or change.
        if (!w.doc) table.delete(w.id);
        else table.set(w.id, { seq: table.get(w.id)?.seq ?? this.nextLocalSeq++, doc: deepFreeze(JSON.parse(JSON.stringify(w.doc)) as Doc) });
      }
      this.enqueue({ c: w.c, id: w.id });
    }
  }

  private changed(c: CollectionName) {
    for (const k of this.derived.keys()) if (k.startsWith(`${c} `)) this.derived.delete(k);
  }

  private ordered(c: CollectionName): Doc[] {
    const key = `${c} `;
    let docs = this.derived.get(key) as Doc[] | undefined;
    if (!docs) this.derived.set(key, (docs = [...this.rows.get(c)!.values()].sort((a, b) => a.seq - b.seq).map((r) => r.doc)));
    return docs;
  }

  /** As the generated column compares: the field's text, or absent/null for null. */
  private index(c: CollectionName, field: string): Map<string | null, Doc[]> {
    const key = `${c} ${field}`;
    let index = this.derived.get(key) as Map<string | null, Doc[]> | undefined;
    if (index) return index;
    index = new Map();
    for (const d of this.ordered(c)) {
      const v = d[field] === undefined || d[field] === null ? null : String(d[field]);
      (index.get(v) ?? index.set(v, []).get(v)!).push(d);
    }
    this.derived.set(key, index);
    return index;
  }

  get(c: CollectionName, id: string): Doc | undefined {
    return this.rows.get(c)!.get(id)?.doc;
  }

  findBy(c: CollectionName, field: string, value: unknown): Doc[] {
    return [...(this.index(c, field).get(value === null ? null : String(value)) ?? [])];
  }

  all(c: CollectionName): Doc[] {
    return [...this.ordered(c)];
  }

  count(c: CollectionName): number {
    return this.rows.get(c)!.size;
  }

  async close() {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
