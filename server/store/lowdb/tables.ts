import { COLLECTIONS, indexedFields, type CollectionName } from '../schema.js';
import { RecordBlocks } from './record-blocks.js';
import { deepFreeze } from '../freeze.js';

type AnyRecord = { id: string } & Record<string, unknown>;
export type Undo = () => void;

/**
 * Every collection in memory: a map by id (kept in encoded blocks for the data file) plus a
 * secondary index per field in INDEXES. Synchronous; the store wraps it in the async interface.
 */
export class Tables {
  readonly maps = new Map<CollectionName, RecordBlocks<AnyRecord>>();
  private readonly indices = new Map<string, Map<unknown, Set<string>>>();

  constructor(data: Partial<Record<CollectionName, unknown[]>>) {
    for (const c of COLLECTIONS) {
      const map = new RecordBlocks<AnyRecord>();
      this.maps.set(c, map);
      for (const field of indexedFields(c)) this.indices.set(`${c}.${field}`, new Map());
      for (const rec of data[c] ?? []) {
        const r = deepFreeze(rec) as AnyRecord;
        map.set(r.id, r);
        this.index(c, undefined, r);
      }
    }
  }

  get(c: CollectionName, id: string): AnyRecord | undefined {
    return this.maps.get(c)!.get(id);
  }

  all(c: CollectionName): AnyRecord[] {
    return [...this.maps.get(c)!.values()];
  }

  count(c: CollectionName): number {
    return this.maps.get(c)!.size;
  }

  findBy(c: CollectionName, field: string, value: unknown): AnyRecord[] {
    const idx = this.indices.get(`${c}.${field}`);
    if (!idx) throw new Error(`No index on ${c}.${field}`);
    const ids = idx.get(value);
    if (!ids) return [];
    const map = this.maps.get(c)!;
    return [...ids].map((id) => map.get(id)!);
  }

  /** Puts (or, with `after` undefined, deletes) one record; returns how to take it back. */
  set(c: CollectionName, id: string, after: AnyRecord | undefined): Undo {
    const map = this.maps.get(c)!;
    const before = map.get(id);
    if (after) map.set(id, after);
    else map.delete(id);
    this.index(c, before, after);
    return () => {
      if (before) map.set(id, before);
      else map.delete(id);
      this.index(c, after, before);
    };
  }

  private index(c: CollectionName, before: AnyRecord | undefined, after: AnyRecord | undefined) {
    for (const field of indexedFields(c)) {
      const idx = this.indices.get(`${c}.${field}`)!;
      if (before && after && before[field] === after[field]) continue;
      if (before) {
        const set = idx.get(before[field]);
        set?.delete(before.id);
        if (set && set.size === 0) idx.delete(before[field]);
      }
      if (after) {
        let set = idx.get(after[field]);
        if (!set) idx.set(after[field], (set = new Set()));
        set.add(after.id);
      }
    }
  }
}
