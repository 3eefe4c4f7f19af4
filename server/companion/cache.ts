/**
 * Reads from Creem, kept for a few seconds and shared by concurrent callers (one request in
 * flight per key). Keys start with the customer's id, so a write by or about that customer — or
 * a Creem webhook naming them — drops everything cached for them at once. A load that fails is
 * not kept. A ttl of 0 keeps nothing but still joins concurrent identical reads.
 */
export class ReadCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  /** Bumped per owner on invalidation, so a load that started before a write is not stored after it. */
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  get<T>(owner: string, key: string, load: () => Promise<T>): Promise<T> {
    const id = `${owner}\u0000${key}`;
    const hit = this.entries.get(id);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const version = this.versions.get(owner) ?? 0;
    const value = load();
    this.entries.set(id, { at: this.now(), value });
    const forget = () => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    };
    value.then(
      () => {
        if (this.ttlMs === 0 || (this.versions.get(owner) ?? 0) !== version) forget();
      },
      forget,
    );
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Everything cached for `owner` (a customer id, or "products") goes. */
  invalidate(owner: string): void {
    this.versions.set(owner, (this.versions.get(owner) ?? 0) + 1);
    const prefix = `${owner}\u0000`;
    for (const id of [...this.entries.keys()]) if (id.startsWith(prefix)) this.entries.delete(id);
    if (this.versions.size > this.maxEntries) this.versions.delete(this.versions.keys().next().value!);
  }
}
