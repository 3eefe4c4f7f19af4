import type { Coordination } from '../store/interface.js';

/** Where a cache learns that an owner's reads went stale: the store's coordination, so on every process. */
export type Stamps = Pick<Coordination, 'stamp' | 'bump'>;

/**
 * Reads from Creem, kept for a few seconds and shared by concurrent callers (one request in
 * flight per key). Keys start with the customer's id, so a write by or about that customer — or
 * a Creem webhook naming them — drops everything cached for them at once, on every server
 * process of the store: each entry remembers the owner's stamp when its load began, and is used
 * only while the stamp is still the same (one small store read, far cheaper than Creem). A load
 * that fails is not kept. A ttl of 0 keeps nothing but still joins concurrent identical reads.
 */
export class ReadCache {
  private readonly entries = new Map<string, { at: number; stamp: string; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly stamps: Stamps,
    /** Names this cache's stamps apart from another cache's on the same store. */
    private readonly name: string,
    private readonly maxEntries = 10_000,
  ) {}

  private stampKey(owner: string) {
    return `cache:${this.name}:${owner}`;
  }

  async get<T>(owner: string, key: string, load: () => Promise<T>): Promise<T> {
    const id = `${owner}\u0000${key}`;
    const stamp = await this.stamps.stamp(this.stampKey(owner));
    const hit = this.entries.get(id);
    if (hit && hit.stamp === stamp && this.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(id, { at: this.now(), stamp, value });
    const forget = () => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    };
    value.then(() => this.ttlMs === 0 && forget(), forget);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Everything cached for `owner` (a customer id, or "products") goes, here and on every other process. */
  async invalidate(owner: string): Promise<void> {
    await this.stamps.bump(this.stampKey(owner), this.now());
    const prefix = `${owner}\u0000`;
    for (const id of [...this.entries.keys()]) if (id.startsWith(prefix)) this.entries.delete(id);
  }
}
