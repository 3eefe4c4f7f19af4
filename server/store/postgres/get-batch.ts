import type pg from 'pg';
import type { CollectionName } from '../schema.js';

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
type Doc = { id: string };

interface Waiting {
  c: CollectionName;
  id: string;
  resolve(doc: Doc | undefined): void;
  reject(e: unknown): void;
}

/** A record that names another by id: `field` of a `from` record is the id of a `to` record. */
export interface Reference {
  from: CollectionName;
  field: string;
  to: CollectionName;
}

/**
 * What a change reads next after a subscription, every time: the answer it builds shows the
 * subscription's customer and product.
 */
export const SUBSCRIPTION_REFERENCES: readonly Reference[] = [
  { from: 'subscriptions', field: 'customer_id', to: 'customers' },
  { from: 'subscriptions', field: 'product_id', to: 'products' },
];

export interface GetBatchOptions {
  /** Records to bring along with those asked (see `found`). */
  references?: readonly Reference[];
  /** Where the records brought along go: the caller keeps them for its next reads. */
  found?(c: CollectionName, doc: Doc): void;
}

/**
 * Reads by id asked at once (a view loading a subscription's product, customer and last payment
 * with Promise.all) go to the database as one query: a round trip costs more than the rows. Inside
 * a transaction, the records an asked one references come in the same query, so the change's next
 * reads need no round trip of their own.
 */
export class GetBatch {
  private waiting: Waiting[] = [];

  constructor(
    private readonly query: Query,
    private readonly tableOf: (c: CollectionName) => string,
    private readonly options: GetBatchOptions = {},
  ) {}

  get(c: CollectionName, id: string): Promise<Doc | undefined> {
    return new Promise((resolve, reject) => {
      // Every get of this turn of the event loop joins the first one's query.
      if (this.waiting.push({ c, id, resolve, reject }) === 1) queueMicrotask(() => void this.send());
    });
  }

  private async send() {
    const batch = this.waiting;
    this.waiting = [];
    try {
      const ids = new Map<CollectionName, Set<string>>();
      for (const w of batch) (ids.get(w.c) ?? ids.set(w.c, new Set()).get(w.c)!).add(w.id);
      // In a fixed order of tables, so each mix of tables is one prepared statement.
      const tables = [...ids.keys()].sort();
      const along = (this.options.references ?? []).filter((r) => ids.has(r.from));
      if (batch.length === 1 && !along.length) {
        const { c, id } = batch[0]!;
        const r = await this.query(`SELECT doc FROM ${this.tableOf(c)} WHERE id = $1`, [id]);
        batch[0]!.resolve(r.rows[0]?.doc ?? undefined);
        return;
      }
      // One id of a table is asked with `=`, which PostgreSQL plans in half the time of `= ANY`.
      const asked = tables.map((c) => [...ids.get(c)!]);
      const match = (i: number) => (asked[i]!.length === 1 ? `= $${i + 1}` : `= ANY($${i + 1}::text[])`);
      const parts = tables.map((c, i) => `SELECT ${i} AS t, id, doc FROM ${this.tableOf(c)} WHERE id ${match(i)}`);
      along.forEach((r, k) => {
        const from = tables.indexOf(r.from);
        const referenced = `SELECT doc ->> '${r.field}' FROM ${this.tableOf(r.from)} WHERE id ${match(from)}`;
        parts.push(`SELECT ${tables.length + k} AS t, id, doc FROM ${this.tableOf(r.to)} WHERE id ${asked[from]!.length === 1 ? `= (${referenced})` : `IN (${referenced})`}`);
      });
      const r = await this.query(parts.join(' UNION ALL '), asked.map((list) => (list.length === 1 ? list[0] : list)));
      const found = new Map<string, Doc>();
      for (const row of r.rows) {
        const t = row.t as number;
        if (t < tables.length) found.set(`${tables[t]}\u0000${row.id as string}`, row.doc as Doc);
        else this.options.found?.(along[t - tables.length]!.to, row.doc as Doc);
      }
      // Two asks of one record share it, as on lowdb: records are never changed in place.
      for (const w of batch) w.resolve(found.get(`${w.c}\u0000${w.id}`));
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}
