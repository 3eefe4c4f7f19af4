import fs from 'node:fs';
import autocannon from 'autocannon';
import type { ServerInfo } from './server.js';

export interface LoadResult {
  name: string;
  connections: number;
  seconds: number;
  req_per_s: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  /** Answers outside 2xx, and socket errors/timeouts: any of these makes the figure suspect. */
  non_2xx: number;
  errors: number;
  note?: string;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
}

/**
 * Read-only rows (`warm`) first run the same load for a second, not counted: every row then measures code
 * the JIT has already optimised, the app's as much as the one-line floor's (which is warm at
 * once). Write rows are not warmed: a pair cut off when a warm-up ends would leave its
 * subscription half done for the measured run.
 */
const WARMUP_SECONDS = 1;

/** One bounded autocannon run; the server runs in another process, so they share no event loop. */
export async function load(name: string, opts: LoadOptions, target: autocannon.Options, { note, warm = false }: { note?: string; warm?: boolean } = {}): Promise<LoadResult> {
  if (warm) await autocannon({ connections: opts.connections, duration: WARMUP_SECONDS, ...target });
  const r = await autocannon({ connections: opts.connections, duration: opts.seconds, ...target });
  return {
    name,
    connections: opts.connections,
    seconds: opts.seconds,
    req_per_s: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    requests: r.requests.total,
    non_2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    ...(note ? { note } : {}),
  };
}

const json = { 'content-type': 'application/json' };

export const floor = (info: ServerInfo, o: LoadOptions) => load('floor: bare Hono {ok:true}', o, { url: `${info.floorUrl}/` }, { warm: true });

/** The overview's own bytes and headers from a bare handler: the floor for what the overview does. */
export const sameWork = (info: ServerInfo, o: LoadOptions) =>
  load('floor: bare Hono, the overview\'s bytes and headers', o, { url: `${info.sameWorkUrl}/`, headers: { origin: info.origin } }, { warm: true });

export const healthz = (info: ServerInfo, o: LoadOptions) => load('GET /healthz (through the whole app)', o, { url: `${info.url}/healthz` }, { warm: true });

export const overview = (info: ServerInfo, o: LoadOptions, token: string) =>
  load('GET /portal/api/overview (widget token)', o, {
    url: `${info.url}/portal/api/overview`,
    // As the element sends it: cross-origin, so CORS runs as it does for a real customer.
    headers: { authorization: `Bearer ${token}`, origin: info.origin },
  }, { warm: true });

export const mintTokens = (info: ServerInfo, o: LoadOptions) =>
  load('POST /v1/widget-tokens', o, {
    url: `${info.url}/v1/widget-tokens`,
    method: 'POST',
    headers: { ...json, 'x-api-key': info.apiKey },
    body: JSON.stringify({ customer_id: info.customers.three }),
  }, { warm: true });

/** Random reads by id over every bulk subscription: a lookup that must not grow with the store. */
export function readById(info: ServerInfo, o: LoadOptions, name = 'GET /v1/subscriptions by id') {
  const ids = subscriptionIds(info);
  return load(name, o, {
    url: info.url,
    headers: { 'x-api-key': info.apiKey },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: `/v1/subscriptions?subscription_id=${ids[(Math.random() * ids.length) | 0]}` }),
      },
    ],
  }, { warm: true });
}

/** Does the server have the resume route? (A resume of an active subscription is a 409, a missing route a 404.) */
export async function hasResume(info: ServerInfo): Promise<boolean> {
  const id = subscriptionIds(info)[0];
  const res = await fetch(`${info.url}/v1/subscriptions/${id}/resume`, { method: 'POST', headers: { 'x-api-key': info.apiKey } });
  await res.arrayBuffer();
  return res.status !== 404;
}

/**
 * Durable writes through the merchant API: a scheduled cancel, then a resume, of the same
 * subscription; each cycle borrows a subscription no other connection holds, and gives it back
 * once resumed. Without a resume route, every request cancels a fresh subscription instead
 * (bounded by the pool) and the result says so.
 */
export async function cancelResume(info: ServerInfo, o: LoadOptions, name = 'POST cancel + resume (pairs)'): Promise<LoadResult> {
  const free = [...subscriptionIds(info)];
  const headers = { ...json, 'x-api-key': info.apiKey };
  if (!(await hasResume(info))) {
    const fresh = free.splice(1);
    return load(
      'POST cancel (scheduled), no resume',
      o,
      {
        url: info.url,
        headers,
        amount: fresh.length,
        requests: [{ method: 'POST', body: JSON.stringify({ mode: 'scheduled' }), setupRequest: (req) => ({ ...req, path: `/v1/subscriptions/${fresh.pop()}/cancel` }) }],
      },
      { note: 'resume route missing when run: each request cancels a fresh subscription' },
    );
  }
  return load(name, o, {
    url: info.url,
    headers,
    requests: [
      {
        method: 'POST',
        body: JSON.stringify({ mode: 'scheduled' }),
        setupRequest: (req, context: { id?: string }) => {
          context.id = free.shift();
          return { ...req, path: `/v1/subscriptions/${context.id}/cancel` };
        },
      },
      {
        method: 'POST',
        setupRequest: (req, context: { id?: string }) => ({ ...req, path: `/v1/subscriptions/${context.id}/resume` }),
        onResponse: (_status, _body, context: { id?: string }) => {
          free.push(context.id!);
        },
      },
    ],
  });
}

const idCache = new Map<string, string[]>();
function subscriptionIds(info: ServerInfo): string[] {
  let ids = idCache.get(info.subscriptionIdsFile);
  if (!ids) idCache.set(info.subscriptionIdsFile, (ids = JSON.parse(fs.readFileSync(info.subscriptionIdsFile, 'utf8')) as string[]));
  return ids;
}
