import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/interface.js';
import type { WebhookDelivery } from '../store/schema.js';
import { webhookEventBody } from '../wire/webhook.js';
import { assertPublicUrl, type Lookup } from './address-guard.js';
import { deliveryTarget, dueDeliveries, recordOutcome, type Outcome } from './outbox.js';
import { deliveryHeaders } from './sign.js';
import { fetchTransport, guardedTransport, type Transport } from './transport.js';

/** Runs `run` after `ms`; returns a cancel function. Injectable so tests control time. */
export type Schedule = (run: () => void, ms: number) => () => void;

const defaultSchedule: Schedule = (run, ms) => {
  const t = setTimeout(run, ms);
  t.unref();
  return () => clearTimeout(t);
};

export interface WebhookWorkerOptions {
  store: Store;
  clock: Clock;
  log: Logger;
  /** config.allowPrivateWebhooks: when false, every delivery re-checks that the host is public, at connect time. */
  allowPrivate: boolean;
  /** Tests only: stands in for the network. Without it the guarded node:http(s) transport is used. */
  transport?: Transport;
  /** Tests only: a fetch-compatible stand-in, adapted to a Transport. */
  fetch?: typeof fetch;
  schedule?: Schedule;
  lookup?: Lookup;
  /** Per attempt, connect to last byte; at most 15 s. */
  timeoutMs?: number;
  /** How often `start()` looks for due deliveries. */
  pollMs?: number;
  /** Attempts in flight at once, so one slow endpoint does not hold up the rest. */
  concurrency?: number;
  /** Due deliveries taken per tick; the next tick follows at once when the batch was full. */
  batchSize?: number;
  random?: () => number;
}

export interface TickResult {
  attempted: number;
  delivered: number;
  /** Failed and scheduled for another attempt. */
  retrying: number;
  /** Failed for the last time. */
  gaveUp: number;
}

export interface WebhookWorker {
  start(): void;
  /** Stops polling and waits for attempts in flight to be recorded. */
  stop(): Promise<void>;
  /** Sends every delivery due now; resolves when their outcomes are on disk. */
  tick(): Promise<TickResult>;
}

const MAX_TIMEOUT_MS = 15_000;

/**
 * Delivers the outbox. Deliveries live in the store, so a restart resumes whatever was pending: an
 * attempt cut off by a crash is simply sent again (at least once; the `webhook-id` header lets
 * receivers drop duplicates). Redirects are never followed, so a public URL cannot bounce a
 * signed request to an internal address.
 */
export function createWebhookWorker(opts: WebhookWorkerOptions): WebhookWorker {
  const { store, clock, log } = opts;
  const send: Transport = opts.transport ?? (opts.fetch ? fetchTransport(opts.fetch) : guardedTransport({ allowPrivate: opts.allowPrivate, lookup: opts.lookup }));
  const schedule = opts.schedule ?? defaultSchedule;
  const timeoutMs = Math.min(opts.timeoutMs ?? 10_000, MAX_TIMEOUT_MS);
  const pollMs = opts.pollMs ?? 1000;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const batchSize = Math.max(1, opts.batchSize ?? 100);
  const random = opts.random ?? Math.random;

  let running: Promise<TickResult> | null = null;
  let started = false;
  // Bumped by stop(), so a loop still finishing its tick after a stop/start does not run twice.
  let generation = 0;
  let cancelTimer: (() => void) | null = null;

  async function attempt(d: WebhookDelivery): Promise<Outcome> {
    const target = await deliveryTarget(store, d);
    if (!target) return { status: null, error: 'endpoint or event no longer exists', ms: 0 };
    const { endpoint, event } = target;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      // An early, clear refusal; the transport checks again at connect time, which is what counts.
      await assertPublicUrl(new URL(endpoint.url), { allowPrivate: opts.allowPrivate, lookup: opts.lookup });
      const body = webhookEventBody(event);
      const headers = deliveryHeaders({ secret: endpoint.secret, eventId: event.id, body, now: clock() });
      const res = await send({ url: endpoint.url, headers, body, timeoutMs });
      if (res.status >= 200 && res.status < 300) return { status: res.status, error: null, ms: elapsed() };
      const error = res.status >= 300 && res.status < 400 ? `redirect to ${(res.location ?? '?').slice(0, 200)} not followed` : `HTTP ${res.status}`;
      return { status: res.status, error, ms: elapsed() };
    } catch (e) {
      const err = e as Error & { code?: string; cause?: { code?: string } };
      const code = err.code ?? err.cause?.code;
      const error =
        err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${err.message}${code && !err.message.includes(code) ? ` (${code})` : ''}`;
      return { status: null, error, ms: elapsed() };
    }
  }

  async function runTick(): Promise<TickResult> {
    const result: TickResult = { attempted: 0, delivered: 0, retrying: 0, gaveUp: 0 };
    const queue = await dueDeliveries(store, clock(), batchSize);
    const lane = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const outcome = await attempt(d);
        result.attempted++;
        try {
          const kind = await recordOutcome(store, d, outcome, clock(), random);
          if (kind) result[kind]++;
          (outcome.error ? log.info : log.debug)('webhook attempt', { delivery_id: d.id, event_id: d.event_id, endpoint_id: d.endpoint_id, status: outcome.status, error: outcome.error, ms: outcome.ms, outcome: kind });
        } catch (e) {
          // Not on disk: the delivery stays pending and is sent again (receivers dedupe by webhook-id).
          log.error('webhook outcome not saved', { delivery_id: d.id, error: (e as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return result;
  }

  function tick(): Promise<TickResult> {
    // One tick at a time: a second caller joins the running one instead of sending twice.
    running ??= runTick().finally(() => {
      running = null;
    });
    return running;
  }

  async function loop(gen: number) {
    cancelTimer = null;
    if (!started || gen !== generation) return;
    let full = false;
    try {
      full = (await tick()).attempted >= batchSize;
    } catch (e) {
      log.error('webhook tick failed', { error: e instanceof Error ? e.stack : String(e) });
    }
    if (started && gen === generation) cancelTimer = schedule(() => void loop(gen), full ? 0 : pollMs);
  }

  return {
    start() {
      if (started) return;
      started = true;
      const gen = generation;
      cancelTimer = schedule(() => void loop(gen), 0);
    },
    async stop() {
      started = false;
      generation++;
      cancelTimer?.();
      cancelTimer = null;
      if (running) await running.catch(() => undefined);
    },
    tick,
  };
}
