import type { CollectionName } from '../schema.js';
import type { Tables } from './tables.js';

type AnyRecord = { id: string } & Record<string, unknown>;

/**
 * A transaction's writes, kept apart until it commits: nobody else sees a change half made, and a
 * transaction that throws leaves nothing behind. Reads through the transaction see the committed
 * tables with these writes laid over them (a deleted record is `null`).
 */
export class WriteSet {
  /** The latest state of each record this transaction wrote, for its own reads. */
  private readonly changes = new Map<CollectionName, Map<string, AnyRecord | null>>();
  /** Every write in order, replayed at commit: a record deleted and put again goes last, as it would outside a transaction. */
  readonly log: { c: CollectionName; id: string; record: AnyRecord | null }[] = [];

  constructor(private readonly tables: Tables) {}

  put(c: CollectionName, record: AnyRecord) {
    this.of(c).set(record.id, record);
    this.log.push({ c, id: record.id, record });
  }

  delete(c: CollectionName, id: string) {
    this.of(c).set(id, null);
    this.log.push({ c, id, record: null });
  }

  get(c: CollectionName, id: string): AnyRecord | undefined {
    const mine = this.changes.get(c);
    if (mine?.has(id)) return mine.get(id) ?? undefined;
    return this.tables.get(c, id);
  }

  /** The committed matches with this transaction's changes applied; records it added or moved into the match come last. */
  findBy(c: CollectionName, field: string, value: unknown): AnyRecord[] {
    return this.overlay(c, this.tables.findBy(c, field, value), (r) => r[field] === value);
  }

  all(c: CollectionName): AnyRecord[] {
    return this.overlay(c, this.tables.all(c), () => true);
  }

  count(c: CollectionName): number {
    const mine = this.changes.get(c);
    if (!mine) return this.tables.count(c);
    let n = this.tables.count(c);
    for (const [id, r] of mine) {
      const existed = this.tables.get(c, id) !== undefined;
      if (existed && r === null) n--;
      if (!existed && r !== null) n++;
    }
    return n;
  }

  private overlay(c: CollectionName, base: AnyRecord[], matches: (r: AnyRecord) => boolean): AnyRecord[] {
    const mine = this.changes.get(c);
    if (!mine) return base;
    const out: AnyRecord[] = [];
    const seen = new Set<string>();
    for (const r of base) {
      seen.add(r.id);
      const next = mine.has(r.id) ? mine.get(r.id) : r;
      if (next && matches(next)) out.push(next);
    }
    for (const [id, r] of mine) if (r && !seen.has(id) && matches(r)) out.push(r);
    return out;
  }

  private of(c: CollectionName) {
    let m = this.changes.get(c);
    if (!m) this.changes.set(c, (m = new Map()));
    return m;
  }
}
