import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

export const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BUNDLES = ['creem-portal.js', 'creem-portal.mjs'];

export interface BundleSize {
  file: string;
  bytes: number;
  gzip_bytes: number;
}

function newestUnder(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build` when a bundle is missing or older than the widget's sources; returns whether it did. */
export function ensureBuild(): boolean {
  const oldest = Math.min(...BUNDLES.map((f) => (fs.existsSync(path.join(DIST, f)) ? fs.statSync(path.join(DIST, f)).mtimeMs : 0)));
  if (oldest > 0 && oldest >= newestUnder(path.join(ROOT, 'widget'))) return false;
  process.stderr.write('bench: building the widget (npm run build)…\n');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
  return true;
}

/**
 * The budget's own measure, GNU `gzip -9` (the outside checks use it too); Node's zlib at level 9
 * compresses the same bundle about 110 B worse, and stands in only where gzip is missing.
 */
function gzipBytes(body: Buffer): number {
  const r = spawnSync('gzip', ['-9', '-c', '-n'], { input: body, maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout.length : gzipSync(body, { level: 9 }).length;
}

/** gzip -9 size of each shipped bundle and each lazily fetched locale catalog. */
export function measureBundles(): BundleSize[] {
  const locales = fs.existsSync(path.join(DIST, 'locales'))
    ? fs
        .readdirSync(path.join(DIST, 'locales'))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => `locales/${f}`)
    : [];
  return [...BUNDLES, ...locales].map((file) => {
    const body = fs.readFileSync(path.join(DIST, file));
    return { file: `dist/${file}`, bytes: body.length, gzip_bytes: gzipBytes(body) };
  });
}
