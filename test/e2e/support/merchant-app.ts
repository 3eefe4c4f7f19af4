import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Creem's own client libraries hard-code Creem's hosts. This points those hosts at `creemUrl` (a
 * server on this machine) for as long as it is installed; 127.0.0.1 passes, anything else is refused,
 * so a test can never reach the real Creem. The SDKs call fetch with a Request and no init.
 */
export function routeCreemTo(creemUrl: string): () => void {
  const real = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const host = ['https://test-api.creem.io', 'https://api.creem.io'].find((h) => url.startsWith(h));
    if (host) {
      const target = creemUrl + url.slice(host.length);
      if (!(input instanceof Request)) return real(target, init);
      const body = ['GET', 'HEAD'].includes(input.method) ? undefined : await input.arrayBuffer();
      return real(target, { method: input.method, headers: input.headers, body, signal: input.signal, ...init });
    }
    if (/^http:\/\/127\.0\.0\.1[:/]/.test(url)) return real(input, init);
    throw new Error(`refused: a test reached for ${url}, outside this machine`);
  };
  return () => (globalThis.fetch = real);
}

export type WebHandler = (req: Request) => Response | Promise<Response>;

/**
 * A merchant's app, as Node serves it: each request becomes a Web Request for the first handler
 * whose path prefix matches (Next.js route handlers and Better Auth both take one), 404 otherwise.
 */
export async function serveMerchantApp(routes: [prefix: string, handler: WebHandler][]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const body = ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : Buffer.concat(chunks);
      const route = routes.find(([prefix]) => url.pathname.startsWith(prefix));
      const answer = route ? await route[1](new Request(url, { method: req.method, headers, body })) : new Response('not found', { status: 404 });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
