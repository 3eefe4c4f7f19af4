import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { htmlSecurityHeaders } from './security-headers.js';

const ASSET_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** Only what the page loads; nothing else of the package is reachable. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
const cache = new Map<string, Uint8Array<ArrayBuffer>>();

/**
 * The page, and the script that starts Swagger UI, as files of our own: the CSP of every other
 * page (script-src 'self', no inline script) then holds here too. No validator badge: it would
 * send the document to a third party.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>creem-portal API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui-dist/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-dist/swagger-ui-bundle.js"></script>
<script src="/docs/assets/docs.js"></script>
</body>
</html>
`;
const START = `window.ui = SwaggerUIBundle({ dom_id: '#swagger-ui', url: '/openapi.json', validatorUrl: null });\n`;

/**
 * Swagger UI for /openapi.json at /docs, served from the copy of `swagger-ui-dist` here (never a
 * CDN). `API_DOCS=off` turns it off, and it is off by default in production; /openapi.json stays.
 */
export function docsRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', async function docsSwitch(c, next) {
    if (!c.var.deps.config.apiDocs) return c.notFound();
    await next();
  });
  app.get('/', (c) => {
    htmlSecurityHeaders(c);
    c.header('Cache-Control', 'no-cache');
    return c.html(PAGE);
  });
  app.get('/assets/docs.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(START);
  });
  app.get('/assets/swagger-ui-dist/:file', (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    let body = cache.get(file);
    if (!body) cache.set(file, (body = new Uint8Array(fs.readFileSync(path.join(ASSET_DIR, file)))));
    c.header('Content-Type', type);
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(body);
  });
  return app;
}
