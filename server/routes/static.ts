import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env.js';
import type { Config } from '../config.js';
import { htmlSecurityHeaders } from './security-headers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST_DIR = path.join(ROOT, 'dist');
export const DEMO_DIR = path.join(ROOT, 'demo');
/** Where `vite build -c demo/vite.config.ts` puts the React and Vue demo pages. */
export const DEMO_BUILD_DIR = path.join(DIST_DIR, 'demo');

/** The package version: the bundle under `/widget/v<version>/` never changes, so it may be cached for a year. */
export const WIDGET_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

interface StaticFile {
  body: Buffer;
  etag: string;
}

// Keyed by path; reused while size and mtime are unchanged, so a rebuild is picked up without a restart.
const cache = new Map<string, StaticFile & { stamp: string }>();

/** Reads a file inside `dir` only: no `..`, no absolute paths, no dotfiles. */
function readInside(dir: string, rel: string): StaticFile | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(rel) || rel.includes('..') || rel.includes('/.')) return null;
  const file = path.join(dir, rel);
  if (!file.startsWith(dir + path.sep)) return null;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return null;
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const hit = cache.get(file);
    if (hit?.stamp === stamp) return hit;
    const body = fs.readFileSync(file);
    const entry = { body, stamp, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    cache.set(file, entry);
    return entry;
  } catch {
    return null;
  }
}

const typeOf = (rel: string) => TYPES[path.extname(rel)] ?? 'application/octet-stream';

/** An ETag'd response that answers a matching If-None-Match with 304. */
function send(c: Context<AppEnv>, file: StaticFile, type: string) {
  c.header('ETag', file.etag);
  c.header('X-Content-Type-Options', 'nosniff');
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag)) return c.body(null, 304);
  c.header('Content-Type', type);
  return c.body(new Uint8Array(file.body));
}

/** The widget bundles (cross-origin loadable) and, outside production, the demo's static pages. */
export function staticFiles(config: Config) {
  const app = new Hono<AppEnv>();

  const widget = (c: Context<AppEnv>, rel: string, immutable: boolean) => {
    const file = readInside(DIST_DIR, rel);
    if (!file || rel.startsWith('demo/')) return c.notFound();
    // Merchants' pages on other origins load these (script tags, and the element fetches its catalogs).
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    c.header(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=60',
    );
    return send(c, file, typeOf(rel));
  };

  // Pinned to this release: safe to cache forever. Another version is not served under this name.
  app.on(['GET', 'HEAD'], '/widget/:version{v[0-9A-Za-z.+-]+}/*', (c) => {
    if (c.req.param('version') !== `v${WIDGET_VERSION}`) return c.notFound();
    return widget(c, c.req.path.slice(`/widget/v${WIDGET_VERSION}/`.length), true);
  });

  // The stable URL always serves the latest build; a short max-age plus ETag keeps updates quick and cheap.
  app.on(['GET', 'HEAD'], '/widget/*', (c) => widget(c, c.req.path.slice('/widget/'.length), false));

  // The demo's backend (routes/demo.ts) is never mounted in production; neither are its pages.
  if (config.production) return app;

  app.on(['GET', 'HEAD'], '/', (c) => {
    const file = readInside(DEMO_DIR, 'index.html');
    if (!file) return c.notFound();
    htmlSecurityHeaders(c);
    c.header('Cache-Control', 'no-cache');
    return send(c, file, typeOf('index.html'));
  });

  // The built React/Vue pages first, then the hand-written demo files.
  app.on(['GET', 'HEAD'], '/demo/*', (c) => {
    const rel = c.req.path.slice('/demo/'.length) || 'index.html';
    const file = readInside(DEMO_BUILD_DIR, rel) ?? (/\.(ts|json)$/.test(rel) ? null : readInside(DEMO_DIR, rel));
    if (!file) return c.notFound();
    const type = typeOf(rel);
    if (type.startsWith('text/html')) htmlSecurityHeaders(c);
    c.header('Cache-Control', 'no-cache');
    return send(c, file, type);
  });

  return app;
}
