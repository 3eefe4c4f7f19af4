import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { swaggerUI } from '@hono/swagger-ui';
import type { AppEnv } from '../env.js';

const ASSET_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** Only what the page loads; nothing else of the package is reachable. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};
const cache = new Map<string, Uint8Array<ArrayBuffer>>();

/**
 * Swagger UI for /openapi.json at /docs. The middleware loads Swagger UI from a CDN by default,
 * which fails offline; `baseUrl` points it at the copy of `swagger-ui-dist` served here instead.
 */
export function docsRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', swaggerUI({ url: '/openapi.json', baseUrl: '/docs/assets', title: 'creem-portal API' }));
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
