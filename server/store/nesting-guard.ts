import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Catches `store.transact()` called inside a transaction's callback, which must use the tx it
 * was given: lowdb's commit queue would wait for itself, and on PostgreSQL the inner transaction
 * would neither see nor hold the outer one's rows. Knowing "inside" takes AsyncLocalStorage,
 * which on Node 20 hooks every promise the process makes — about a quarter of what a trivial
 * request costs. So the check runs where code is written and tested (the default, and outside
 * production), and production skips it (`openStore`).
 */
export class NestingGuard {
  private readonly inside: AsyncLocalStorage<true> | null;

  constructor(enabled: boolean) {
    this.inside = enabled ? new AsyncLocalStorage<true>() : null;
  }

  /** Throws when called from inside `run`. */
  refuseNested(): void {
    if (this.inside?.getStore()) throw new Error('store.transact() called inside a transaction; use the tx it was given.');
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.inside ? this.inside.run(true, work) : work();
  }
}

export interface StoreChecks {
  /** Refuse a transaction started inside another (default true; production turns it off). */
  checkNesting?: boolean;
}
