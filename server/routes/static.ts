import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import type { Config } from '../config.js';
import { htmlSecurityHeaders } from './security-headers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const DIST_DIR = path.join(ROOT, 'dist');
export const DEMO_DIR = path.join(ROOT, 'demo');

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

/** Reads a file inside `dir` only: no `..`, no absolute paths, no dotfiles. */
function readInside(dir: string, rel: string): Buffer | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(rel) || rel.includes('..')) return null;
  const file = path.join(dir, rel);
  if (!file.startsWith(dir + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
  } catch {
    return null;
  }
}

/** The widget bundles (cross-origin loadable) and the demo's static pages. */
export function staticFiles(_config: Config) {
  const app = new Hono<AppEnv>();

  app.on(['GET', 'HEAD'], '/widget/*', (c) => {
    const rel = c.req.path.slice('/widget/'.length);
    const body = readInside(DIST_DIR, rel);
    if (!body) return c.notFound();
    c.header('Content-Type', TYPES[path.extname(rel)] ?? 'application/octet-stream');
    // Merchants' pages on other origins load these.
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(new Uint8Array(body));
  });

  app.on(['GET', 'HEAD'], '/', (c) => {
    const body = readInside(DEMO_DIR, 'index.html');
    if (!body) return c.notFound();
    htmlSecurityHeaders(c);
    return c.html(body.toString('utf8'));
  });

  app.on(['GET', 'HEAD'], '/demo/*', (c) => {
    const rel = c.req.path.slice('/demo/'.length) || 'index.html';
    const body = readInside(DEMO_DIR, rel);
    if (!body) return c.notFound();
    const type = TYPES[path.extname(rel)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) htmlSecurityHeaders(c);
    c.header('Content-Type', type);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(body));
  });

  return app;
}
