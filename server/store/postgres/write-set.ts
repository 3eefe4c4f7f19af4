import type { CollectionName } from '../schema.js';
import { deepFreeze } from '../freeze.js';

type Doc = { id: string };
interface Pending {
  c: CollectionName;
  id: string;
  /** null: deleted. */
  doc: Doc | null;
}

export interface Statement {
  text: string;
  values: unknown[];
}

const keyOf = (c: CollectionName, id: string) => `${c}\u0000${id}`;

/**
 * One transaction's view of the records it touched: what it read by id (a SERIALIZABLE snapshot
 * answers the same every time, so it is asked once) and what it wrote but has not sent yet. Writes
 * go to the database together, in one statement, when a query could see them or at COMMIT: a
 * change that writes a subscription, its event and its delivery costs one round trip, not three.
 */
export class WriteSet {
  private readonly known = new Map<string, Doc | null>();
  private pending = new Map<string, Pending>();

  /** The record as this transaction knows it (null: absent), or undefined: ask the database. */
  lookup(c: CollectionName, id: string): Doc | null | undefined {
    return this.known.get(keyOf(c, id));
  }

  /** What the database answered, unless the transaction has meanwhile written that record itself. */
  remember<T extends Doc>(c: CollectionName, id: string, doc: T | undefined): T | undefined {
    const key = keyOf(c, id);
    if (this.known.has(key)) return (this.known.get(key) ?? undefined) as T | undefined;
    this.known.set(key, doc ? deepFreeze(doc) : null);
    return doc;
  }

  /** Writes to this collection wait to be sent: a query on it must come after them. */
  hasPending(c: CollectionName): boolean {
    for (const p of this.pending.values()) if (p.c === c) return true;
    return false;
  }

  /**
   * True when a deletion of this record is waiting: it must reach the database first, so that the
   * record written again goes last in its collection's order, as a new one.
   */
  mustSendBeforePut(c: CollectionName, id: string): boolean {
    return this.pending.get(keyOf(c, id))?.doc === null;
  }

  put(c: CollectionName, doc: Doc) {
    const key = keyOf(c, doc.id);
    deepFreeze(doc);
    this.known.set(key, doc);
    // A second write of one record replaces the first in place: one row, first place kept.
    const waiting = this.pending.get(key);
    if (waiting) waiting.doc = doc;
    else this.pending.set(key, { c, id: doc.id, doc });
  }

  delete(c: CollectionName, id: string) {
    const key = keyOf(c, id);
    this.known.set(key, null);
    this.pending.delete(key);
    this.pending.set(key, { c, id, doc: null });
  }

  /** The statement that sends every waiting write (null when none wait); they are then sent. */
  drain(): Statement | null {
    if (this.pending.size === 0) return null;
    const byTable = new Map<CollectionName, { puts: Doc[]; deletes: string[] }>();
    for (const p of this.pending.values()) {
      const t = byTable.get(p.c) ?? { puts: [], deletes: [] };
      byTable.set(p.c, t);
      if (p.doc) t.puts.push(p.doc);
      else t.deletes.push(p.id);
    }
    this.pending = new Map();
    const values: unknown[] = [];
    const param = (v: unknown) => `$${values.push(v)}`;
    const parts: string[] = [];
    for (const [c, { puts, deletes }] of byTable) {
      if (puts.length === 1) {
        parts.push(`INSERT INTO ${c} (id, doc) VALUES (${param(puts[0]!.id)}, ${param(JSON.stringify(puts[0]))}) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`);
      } else if (puts.length > 1) {
        // In the order they were written: that is the order of `seq`, the collection's order.
        parts.push(
          `INSERT INTO ${c} (id, doc) SELECT u.id, u.doc FROM unnest(${param(puts.map((d) => d.id))}::text[], ${param(puts.map((d) => JSON.stringify(d)))}::jsonb[]) WITH ORDINALITY AS u(id, doc, n) ORDER BY u.n ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`,
        );
      }
      if (deletes.length) parts.push(`DELETE FROM ${c} WHERE id = ANY(${param(deletes)}::text[])`);
    }
    // Several tables at once: data-modifying WITH parts all run, in one statement.
    const text = parts.length === 1 ? parts[0]! : `WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(', ')} SELECT 1`;
    return { text, values };
  }
}
