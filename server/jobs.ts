import { rollOverDue } from './domain/renewals.js';
import { purgeExpiredIdempotency } from './domain/idempotency.js';
import { forgetExpiredCheckoutKeys, resealCheckoutKeys } from './domain/checkouts.js';
import type { AppDeps } from './env.js';

export const RENEWAL_INTERVAL_MS = 60_000;
export const PURGE_INTERVAL_MS = 60 * 60_000;

/**
 * The server's clockwork: period roll-over (renewals, scheduled cancels taking effect) once a
 * minute and at start, so a restart catches up at once; expired idempotency answers, the sealed keys of
 * expired checkouts (and those of open ones sealed under a retired signing key), rate-limit windows and leases hourly.
 * A failing run is logged and retried on the next tick, never fatal. Returns a stop function
 * that waits for a run in progress.
 */
export function startJobs(deps: Pick<AppDeps, 'store' | 'clock' | 'log' | 'keys'>, opts: { renewals: boolean } = { renewals: true }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = (name: string, job: () => Promise<number>) => {
    running = running
      .then(job)
      .then((n) => n > 0 && deps.log.info(`${name} done`, { count: n }))
      .catch((e: unknown) => deps.log.error(`${name} failed`, { error: e instanceof Error ? e.message : String(e) }));
  };
  const renew = () => run('renewals', () => rollOverDue(deps, deps.clock()));
  const purge = () => {
    run('idempotency purge', () => purgeExpiredIdempotency(deps, deps.clock()));
    run('expired checkout keys', () => forgetExpiredCheckoutKeys(deps, deps.clock()));
    run('checkout keys sealed again', () => resealCheckoutKeys(deps, deps.clock()));
  };
  const sweep = () => run('coordination sweep', () => deps.store.coordination.sweep(deps.clock()));
  if (opts.renewals) renew();
  purge();
  const timers = [...(opts.renewals ? [setInterval(renew, RENEWAL_INTERVAL_MS)] : []), setInterval(purge, PURGE_INTERVAL_MS), setInterval(sweep, PURGE_INTERVAL_MS)];
  return async () => {
    for (const t of timers) clearInterval(t);
    await running;
  };
}
