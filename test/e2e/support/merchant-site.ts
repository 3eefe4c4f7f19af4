import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The CSP of the issue: nothing but our origin for scripts, requests and images; Lit's Trusted Types policy only. */
export function strictCsp(api: string, opts: { connectSelf?: boolean } = {}) {
  return [
    "default-src 'none'",
    `script-src ${api}`,
    `connect-src ${opts.connectSelf ? "'self' " : ''}${api}`,
    "style-src 'self'",
    `img-src ${api} data:`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

export interface MerchantSite {
  origin: string;
  /** Set once the portal server runs (its origin is only known then). */
  connect(api: { url: string; apiKey: string }): void;
  close(): Promise<void>;
}

const page = (head: string, body: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Merchant site</title>
    <link rel="stylesheet" href="/site.css" />
    ${head}
  </head>
  <body>
    <h1>Your account</h1>
    ${body}
  </body>
</html>`;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A merchant's own site on another port, sending the strict CSP as a header. Its backend mints widget tokens with
 * the merchant's API key, server-side, as the README's "Add it to your site" tells merchants to:
 * - `/?customer=…` renders the token into the `token` attribute (no request from the page but ours);
 * - `/token-url.html?customer=…` lets the element fetch `/token` (so `connect-src` also lists `'self'`);
 * - `&token_origins=a,b` mints the token for those origins only (empty: any of the merchant's origins).
 */
export async function startMerchantSite(): Promise<MerchantSite> {
  let api: { url: string; apiKey: string } | undefined;
  const mint = async (customerId: string, origins: string[]) => {
    const res = await fetch(`${api!.url}/v1/widget-tokens`, {
      method: 'POST',
      headers: { 'x-api-key': api!.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ customer_id: customerId, allowed_origins: origins }),
    });
    if (res.status !== 201) throw new Error(`mint failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      const customer = url.searchParams.get('customer') ?? '';
      const listed = url.searchParams.get('token_origins');
      const origins = listed === null ? [origin] : listed.split(',').filter(Boolean);
      const version = url.searchParams.get('version') ?? '';
      const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
        res.end(body);
      };
      if (url.pathname === '/site.css') return send(200, 'text/css', 'body { font-family: Georgia, serif; margin: 2rem; }');
      if (url.pathname === '/token') return send(200, 'application/json', JSON.stringify({ token: await mint(customer, origins) }));
      if (url.pathname === '/') {
        const token = await mint(customer, origins);
        const html = page(
          `<script src="${api!.url}/widget/${version}creem-portal.js"></script>`,
          `<creem-portal token="${escapeAttr(token)}"></creem-portal>`,
        );
        return send(200, 'text/html; charset=utf-8', html, { 'content-security-policy': strictCsp(api!.url) });
      }
      if (url.pathname === '/token-url.html') {
        const html = page(
          `<script src="${api!.url}/widget/creem-portal.js"></script>`,
          `<creem-portal token-url="/token?customer=${encodeURIComponent(customer)}" api-base="${api!.url}" locale="${url.searchParams.get('locale') ?? 'en'}"></creem-portal>`,
        );
        return send(200, 'text/html; charset=utf-8', html, { 'content-security-policy': strictCsp(api!.url, { connectSelf: true }) });
      }
      send(404, 'text/plain', 'not found');
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    connect: (a) => void (api = a),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
