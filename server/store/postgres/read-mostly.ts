import pg from 'pg';
import type { CollectionName } from '../schema.js';
import { deepFreeze } from '../freeze.js';

/**
 * Collections nearly every request reads (the caller's API key, its merchant and settings, the
 * origins merchants allow) and that change rarely. Each process keeps them in memory.
 */
export const READ_MOSTLY: readonly CollectionName[] = ['merchants', 'api_keys'];

/** The channel migration 006's triggers notify on; the payload is `schema table id`. */
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
 * The read-mostly collections in memory, kept current across processes: every committed change to
 * them notifies (a trigger, so writes from anywhere count), and the listener re-reads that row. A
 * change made by this process is applied as soon as it commits, before its answer is sent. While
 * the listening connection is down, `ready` is false and reads go to the database, so a change
 * missed meanwhile is never served: on reconnecting it listens first, then loads everything again.
 */
export class ReadMostly {
  private rows = new Map<CollectionName, Map<string, Row>>();
  private client: pg.Client | undefined;
  private schema = '';
  private listening = false;
  private closed = false;
  private retryMs = RETRY_MS.first;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by this process's own commits: a re-read that started before one is older than it. */
  private changes = new Map<string, number>();
  /** Where this process's own new rows go until their notification brings the real seq. */
  private nextLocalSeq = Number.MAX_SAFE_INTEGER / 2;

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
    const client = new pg.Client(this.config);
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.client = undefined;
      void client.end().catch(() => undefined);
      this.later();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) void this.reread(client, n.payload).catch(lost);
    });
    try {
      await client.connect();
      this.schema = (await client.query('SELECT current_schema() AS s')).rows[0].s as string;
      // Listen first, then load: a change committed in between is both loaded and notified.
      await client.query(`LISTEN ${CHANNEL}`);
      const rows = new Map<CollectionName, Map<string, Row>>();
      for (const c of READ_MOSTLY) {
        const r = await client.query(`SELECT seq, doc FROM ${c} ORDER BY seq`);
        rows.set(c, new Map(r.rows.map((row) => [row.doc.id as string, { seq: Number(row.seq), doc: deepFreeze(row.doc as Doc) }])));
      }
      if (this.client !== client) return;
      this.rows = rows;
      this.derived.clear();
      this.listening = true;
      this.retryMs = RETRY_MS.first;
    } catch {
      lost();
    }
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

  private async reread(client: pg.Client, payload: string) {
    const [schema, c, id] = payload.split(' ') as [string, CollectionName, string];
    if (schema !== this.schema || !READ_MOSTLY.includes(c) || !id) return;
    const key = `${c} ${id}`;
    const before = this.changes.get(key) ?? 0;
    // On the listening connection: re-reads answer in the order the notifications came.
    const r = await client.query(`SELECT seq, doc FROM ${c} WHERE id = $1`, [id]);
    // This process committed a change of its own meanwhile: it is at least as new as this read.
    if ((this.changes.get(key) ?? 0) !== before) return;
    const table = this.rows.get(c)!;
    this.changed(c);
    const row = r.rows[0];
    if (!row) table.delete(id);
    else table.set(id, { seq: Number(row.seq), doc: deepFreeze(row.doc as Doc) });
  }

  /** What a transaction of this process wrote, once committed. */
  applyCommitted(written: Written[]) {
    for (const w of written) {
      const key = `${w.c} ${w.id}`;
      this.changes.set(key, (this.changes.get(key) ?? 0) + 1);
      const table = this.rows.get(w.c);
      if (!table) continue;
      this.changed(w.c);
      if (!w.doc) table.delete(w.id);
      else table.set(w.id, { seq: table.get(w.id)?.seq ?? this.nextLocalSeq++, doc: w.doc });
    }
  }

  /** Built on first use and dropped on any change to the collection: changes are rare, reads are not. */
  private derived = new Map<string, unknown>();

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
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
