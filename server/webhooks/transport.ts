import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refusalFor, systemLookup, UnsafeWebhookUrlError, type Lookup } from './address-guard.js';

/** What a delivery needs back from the receiver: only the status (and where a redirect pointed). */
export interface TransportAnswer {
  status: number;
  location: string | null;
}

export interface PostInput {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends one signed webhook POST. Injectable so tests can stand in for the network. */
export type Transport = (input: PostInput) => Promise<TransportAnswer>;

export interface GuardedTransportOptions {
  allowPrivate: boolean;
  lookup?: Lookup;
}

/**
 * The DNS step of the connection itself: the address checked is the address connected to, so a
 * name that answered "public" to an earlier check cannot rebind to a private one in between.
 * Link-local and metadata addresses are refused even where private ones are allowed.
 */
export function guardedLookup({ allowPrivate, lookup = systemLookup }: GuardedTransportOptions): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname).then(
      (addresses) => {
        for (const address of addresses) {
          const why = refusalFor(address, allowPrivate);
          if (why) throw new UnsafeWebhookUrlError(`the host ${hostname} is ${why}`);
        }
        const usable = addresses.filter((a) => isIP(a) !== 0 && (!options.family || isIP(a) === options.family));
        if (usable.length === 0) throw Object.assign(new Error(`the host ${hostname} has no address`), { code: 'ENOTFOUND' });
        if (options.all) callback(null, usable.map((address) => ({ address, family: isIP(address) })));
        else callback(null, usable[0], isIP(usable[0]));
      },
    ).catch((e: NodeJS.ErrnoException) => callback(e, '', 0));
  };
}

/**
 * POSTs with node:http(s) through `guardedLookup`. A fresh connection per attempt (no agent pool),
 * so every attempt resolves and checks again; redirects are never followed; the timer covers
 * connect to response headers, and the response body is dropped unread.
 */
export function guardedTransport(opts: GuardedTransportOptions): Transport {
  const lookup = guardedLookup(opts);
  return ({ url, headers, body, timeoutMs }) =>
    new Promise<TransportAnswer>((resolve, reject) => {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      // An address literal skips the lookup step entirely, so it is judged here.
      const why = isIP(host) ? refusalFor(host, opts.allowPrivate) : undefined;
      if (why) {
        reject(new UnsafeWebhookUrlError(`the host ${host} is ${why}`));
        return;
      }
      const request = target.protocol === 'https:' ? https.request : target.protocol === 'http:' ? http.request : null;
      if (!request) {
        reject(new UnsafeWebhookUrlError(`${target.protocol} URLs are not delivered to`));
        return;
      }
      const req = request(target, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup,
      });
      const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
      req.on('response', (res) => {
        clearTimeout(timer);
        const location = res.headers.location ?? null;
        res.destroy();
        resolve({ status: res.statusCode ?? 0, location });
      });
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.end(body);
    });
}

/** Adapts a fetch-compatible function (tests) to a Transport; redirects are not followed there either. */
export function fetchTransport(send: typeof fetch): Transport {
  return async ({ url, headers, body, timeoutMs }) => {
    const res = await send(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, location: res.headers.get('location') };
  };
}
