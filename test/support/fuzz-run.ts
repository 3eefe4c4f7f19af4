import fc from 'fast-check';
import { fuzzCase, encode, type FuzzCase, type IdPools } from './fuzz-inputs.js';
import { memoryImage, DEMO_KEY, DEMO_LIVE_KEY, RIVAL_KEY, type FuzzWorld } from './fuzz-world.js';
import { isCreemError, storedText } from './server.js';
import type { FuzzRoute } from './fuzz-routes.js';

export interface RouteStats {
  route: string;
  cases: number;
  statuses: Record<number, number>;
}

/** Turns a generated case into a real request against `route`. */
export async function buildRequest(world: FuzzWorld, route: FuzzRoute, c: FuzzCase): Promise<{ url: string; init: RequestInit }> {
  let i = 0;
  let path = route.path.replace(/\{\w+\}/g, () => c.params[i++] ?? 'x');
  const query = c.query.map(([k, v]) => `${encode(k)}=${encode(v)}`);
  if (c.rawQuery) query.push(c.rawQuery);
  const headers = new Headers();
  for (const [k, v] of c.headers) {
    try {
      headers.set(k, v);
    } catch {
      /* a value fetch itself refuses never reaches a server */
    }
  }
  const credential = async (kind: FuzzRoute['auth']) => {
    if (kind === 'widget-token') {
      const token = c.auth === 'rival' ? await world.rivalToken() : c.auth === 'live' ? await world.liveToken() : await world.token();
      return { header: 'authorization', value: `Bearer ${token}`, raw: token };
    }
    const key = c.auth === 'rival' ? RIVAL_KEY : c.auth === 'live' ? DEMO_LIVE_KEY : DEMO_KEY;
    return { header: 'x-api-key', value: key, raw: key };
  };
  const wants = route.auth === 'none' ? (['api-key', 'widget-token'] as const)[c.garbage.length % 2] : route.auth;
  const other = wants === 'api-key' ? 'widget-token' : 'api-key';
  switch (c.auth) {
    case 'valid':
    case 'rival':
    case 'live': {
      const cred = await credential(wants);
      headers.set(cred.header, cred.value);
      break;
    }
    case 'none':
      break;
    case 'garbage':
      headers.set(wants === 'api-key' ? 'x-api-key' : 'authorization', wants === 'api-key' ? `creem_test_${c.garbage}` : `Bearer ${c.garbage}`);
      break;
    case 'other-kind': {
      const cred = await credential(other);
      headers.set(cred.header, cred.value);
      break;
    }
    case 'in-query': {
      const cred = await credential(wants);
      query.push(`${wants === 'api-key' ? 'api_key' : 'token'}=${encode(cred.raw)}`, `x-api-key=${encode(cred.raw)}`);
      break;
    }
    case 'bad-scheme': {
      const cred = await credential(wants);
      headers.set('authorization', `Basic ${cred.raw}`);
      headers.set('x-api-key', ` ${cred.raw} `);
      break;
    }
  }
  let body: BodyInit | undefined;
  if (c.body.kind === 'json') body = JSON.stringify(c.body.value) ?? 'null';
  else if (c.body.kind === 'raw') body = c.body.text;
  else if (c.body.kind === 'bytes') body = new Uint8Array(c.body.bytes);
  if (body !== undefined && c.contentType !== null) headers.set('content-type', c.contentType);
  if (query.length > 0) path += `?${query.join('&')}`;
  return { url: `http://127.0.0.1${path}`, init: { method: route.method, headers, body } };
}

export interface FuzzFailure {
  route: string;
  request: string;
  status: number;
  response: string;
}

/** Adds the ids an answer reveals (webhook endpoints, events, refunds…) to the pool. */
function harvest(pool: string[], text: string) {
  for (const m of text.matchAll(/"(?:id|[a-z_]+_id)":"([a-z]+_[A-Za-z0-9]{8,64})"/g)) {
    if (pool.length < 400 && !pool.includes(m[1])) pool.push(m[1]);
  }
}

const pollutionFree = () => Object.keys(Object.prototype).length === 0 && ({} as Record<string, unknown>).polluted === undefined;

/**
 * Runs `numRuns` generated requests against one route and checks, for each: no 5xx; a refusal
 * carries Creem's error body and leaves the store unchanged, in memory and as stored (byte for byte on disk, or every table row);
 * nothing pollutes Object.prototype. Throws fast-check's report (seed, path, counterexample) on failure.
 */
export function poolsOf(world: FuzzWorld): IdPools {
  const ids = world.ids;
  return {
    own: [...ids.own.subscriptions, ...ids.own.customers, ...ids.own.transactions, ...ids.own.orders, ...ids.own.products],
    foreign: [
      ...ids.otherCustomer.subscriptions,
      ...ids.otherCustomer.customers,
      ...ids.otherCustomer.transactions,
      ...ids.rival.subscriptions,
      ...ids.rival.customers,
      ...ids.rival.transactions,
      ...ids.live.subscriptions,
      ...ids.live.customers,
    ],
  };
}

/**
 * Gives a fresh world the objects only some routes create (webhook endpoints, events), so routes
 * that take their ids are reached past the 404; the ids land in the pool.
 */
export async function warmUp(world: FuzzWorld, routes: FuzzRoute[], pools: IdPools): Promise<void> {
  const t = world.t;
  const send = async (method: string, path: string, auth: FuzzRoute['auth'], body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth === 'api-key') headers['x-api-key'] = DEMO_KEY;
    if (auth === 'widget-token') headers.authorization = `Bearer ${await world.token()}`;
    const res = await t.app.request(`http://127.0.0.1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.status < 300) harvest(pools.own, text);
  };
  const has = (method: string, path: string) => routes.some((r) => r.method === method && r.path === path);
  if (has('POST', '/v1/webhooks')) {
    await send('POST', '/v1/webhooks', 'api-key', { delivery_mode: 'cli' });
    await send('POST', '/v1/webhooks', 'api-key', { url: 'http://127.0.0.1:9/hook' });
  }
  // A transition records an event: Linus's scheduled cancel, made immediate.
  for (const id of world.ids.otherCustomer.subscriptions) await send('POST', `/v1/subscriptions/${id}/cancel`, 'api-key', { mode: 'immediate' });
  for (const r of routes) if (r.documented && r.method === 'GET' && r.pathParams.length === 0) await send('GET', r.path, r.auth);
  for (const id of pools.own.filter((x) => x.startsWith('wh_'))) {
    if (has('GET', '/v1/webhooks/{id}/events/pending')) await send('GET', `/v1/webhooks/${id}/events/pending`, 'api-key');
  }
}

export async function fuzzRoute(world: FuzzWorld, route: FuzzRoute, numRuns: number, seed?: number, pools: IdPools = poolsOf(world)): Promise<RouteStats> {
  const t = world.t;
  const stats: RouteStats = { route: `${route.method} ${route.path}`, cases: 0, statuses: {} };
  await fc.assert(
    fc.asyncProperty(fuzzCase(route, pools), async (c) => {
      // Fresh tokens each case; moving the clock keeps a fuzzed sign-out from revoking the next case's token.
      t.clock.advance(1_100);
      const { url, init } = await buildRequest(world, route, c);
      const storedBefore = await storedText(t);
      const memBefore = await memoryImage(t);
      const res = await t.app.request(url, init);
      const text = await res.text();
      stats.cases++;
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
      const show = () => `${init.method} ${url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
      if (res.status < 300 && c.auth === 'valid') harvest(pools.own, text);
      if (res.status >= 500) throw new Error(`server error: ${show()}`);
      if (!pollutionFree()) throw new Error(`Object.prototype was polluted: ${show()}`);
      if (res.status >= 400) {
        const type = res.headers.get('content-type') ?? '';
        if (!type.includes('text/html')) {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* checked below */
          }
          if (!isCreemError(json, res.status)) throw new Error(`refusal without Creem's error body: ${show()}`);
        }
        if ((await memoryImage(t)) !== memBefore) throw new Error(`a refused request changed the store in memory: ${show()}`);
        if ((await storedText(t)) !== storedBefore) throw new Error(`a refused request changed what is stored: ${show()}`);
      }
    }),
    { numRuns, seed, endOnFailure: true, verbose: 1 },
  );
  return stats;
}

/**
 * Discovers every route of a fresh app and fuzzes each in its own subtest (a fresh world per
 * route, so every subscription state is reachable again). `totalCases` is spread over the routes.
 */
export async function fuzzEveryRoute(t: import('node:test').TestContext, totalCases: number, minPerRoute = 30): Promise<RouteStats[]> {
  const { createFuzzWorld } = await import('./fuzz-world.js');
  const { discoverRoutes } = await import('./fuzz-routes.js');
  const probe = await createFuzzWorld();
  const routes = await discoverRoutes((p) => Promise.resolve(probe.t.app.request(p)));
  await probe.t.close();
  if (!routes.some((r) => r.documented && r.path.startsWith('/v1/'))) throw new Error('the OpenAPI document lists no merchant API route');
  if (!routes.some((r) => r.documented && r.path.startsWith('/portal/api/'))) throw new Error('the OpenAPI document lists no portal API route');
  const perRoute = Math.max(minPerRoute, Math.ceil(totalCases / routes.length));
  const all: RouteStats[] = [];
  for (const route of routes) {
    await t.test(`${route.method} ${route.path}`, async () => {
      const world = await createFuzzWorld();
      try {
        const pools = poolsOf(world);
        await warmUp(world, routes, pools);
        all.push(await fuzzRoute(world, route, perRoute, undefined, pools));
      } finally {
        await world.t.close();
      }
    });
  }
  for (const s of all) t.diagnostic(`${s.route}: ${s.cases} cases, statuses ${JSON.stringify(s.statuses)}`);
  t.diagnostic(`fuzz: ${all.reduce((n, s) => n + s.cases, 0)} cases over ${routes.length} routes (${all.length} passed)`);
  return all;
}
