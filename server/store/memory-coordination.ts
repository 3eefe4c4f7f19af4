import { randomUUID } from 'node:crypto';
import type { Coordination, WindowLimit } from './interface.js';
import { slide, windowEnds } from './sliding-window.js';

/** How long a stamp nobody bumped is kept: far longer than any cache keeps a read. */
export const STAMP_TTL_MS = 24 * 60 * 60_000;

/**
 * Coordination for an engine that admits one process: plain maps. Bounded: past `maxKeys` the
 * oldest windows are dropped, so a flood of fresh keys cannot grow it.
 */
export class MemoryCoordination implements Coordination {
  private readonly windows = new Map<string, { hits: number[]; ends: number }>();
  private readonly leases = new Map<string, { holder: string; until: number }>();
  private readonly stamps = new Map<string, { stamp: string; at: number }>();

  constructor(private readonly maxKeys = 50_000) {}

  async hit(key: string, limit: WindowLimit, now: number, countRefused: boolean) {
    const { hits, verdict } = slide(this.windows.get(key)?.hits ?? [], limit, now, countRefused);
    // Re-inserted, so the map's order is least recently hit first.
    this.windows.delete(key);
    this.windows.set(key, { hits, ends: windowEnds(hits, limit) });
    if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
    return verdict;
  }

  async acquire(key: string, now: number, ms: number) {
    const held = this.leases.get(key);
    if (held && held.until > now) return null;
    const holder = randomUUID();
    this.leases.set(key, { holder, until: now + ms });
    return holder;
  }

  async release(key: string, holder: string) {
    if (this.leases.get(key)?.holder === holder) this.leases.delete(key);
  }

  async stamp(key: string) {
    return this.stamps.get(key)?.stamp ?? '';
  }

  async bump(key: string, now: number) {
    this.stamps.delete(key);
    this.stamps.set(key, { stamp: randomUUID(), at: now });
    if (this.stamps.size > this.maxKeys) this.stamps.delete(this.stamps.keys().next().value!);
  }

  async sweep(now: number) {
    let gone = 0;
    for (const [k, w] of this.windows) if (w.ends <= now && this.windows.delete(k)) gone++;
    for (const [k, l] of this.leases) if (l.until <= now && this.leases.delete(k)) gone++;
    for (const [k, s] of this.stamps) if (s.at + STAMP_TTL_MS <= now && this.stamps.delete(k)) gone++;
    return gone;
  }
}
