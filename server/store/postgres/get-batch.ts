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

/**
 * Reads by id asked at once (a view loading a subscription's product, customer and last payment
 * with Promise.all) go to the database as one query: a round trip costs more than the rows.
 */
export class GetBatch {
  private waiting: Waiting[] = [];

  constructor(
    private readonly query: Query,
    private readonly tableOf: (c: CollectionName) => string,
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
      if (batch.length === 1) {
        const { c, id } = batch[0]!;
        const r = await this.query(`SELECT doc FROM ${this.tableOf(c)} WHERE id = $1`, [id]);
        batch[0]!.resolve(r.rows[0]?.doc ?? undefined);
        return;
      }
      const ids = new Map<CollectionName, Set<string>>();
      for (const w of batch) (ids.get(w.c) ?? ids.set(w.c, new Set()).get(w.c)!).add(w.id);
      // In a fixed order of tables, so each mix of tables is one prepared statement.
      const tables = [...ids.keys()].sort();
      const text = tables.map((c, i) => `SELECT ${i} AS t, id, doc FROM ${this.tableOf(c)} WHERE id = ANY($${i + 1}::text[])`).join(' UNION ALL ');
      const r = await this.query(text, tables.map((c) => [...ids.get(c)!]));
      const found = new Map<string, Doc>();
      for (const row of r.rows) found.set(`${tables[row.t as number]}\u0000${row.id as string}`, row.doc as Doc);
      // Two asks of one record share it, as on lowdb: records are never changed in place.
      for (const w of batch) w.resolve(found.get(`${w.c}\u0000${w.id}`));
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}
