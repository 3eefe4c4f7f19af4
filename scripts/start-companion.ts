/**
 * `npm run start:companion`: companion mode without a Creem account. This server in standalone mode
 * (the demo data) plays the merchant's Creem account on one port; a second one in companion mode
 * stands in front of it on another, with the demo site. Stops both on Ctrl-C / SIGTERM.
 *
 * Env: PORT (companion, default 8787), UPSTREAM_PORT (default PORT + 1), and any PORTAL_* policy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const port = Number(process.env.PORT ?? 8787);
const upstreamPort = Number(process.env.UPSTREAM_PORT ?? port + 1);
const key = `creem_test_${randomBytes(18).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
const dataDir = path.resolve(process.env.COMPANION_DATA_DIR ?? './data/companion-pair');
const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
const companionUrl = `http://127.0.0.1:${port}`;

const children: ChildProcess[] = [];

function start(name: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}`)
      .join('\n') + '\n';
  child.stdout!.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  child.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`[${name}] exited (${code}); stopping the pair\n`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function healthy(url: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

start('creem', { SEED: 'demo', DEMO_API_KEY: key, PORT: String(upstreamPort), DATA_FILE: path.join(dataDir, 'upstream', 'db.json'), LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
await healthy(upstreamUrl);
start('portal', {
  CREEM_API_KEY: key,
  CREEM_API_URL: upstreamUrl,
  PORT: String(port),
  DATA_FILE: path.join(dataDir, 'companion', 'db.json'),
  DEMO_SITE: 'on',
  PORTAL_BRAND_NAME: process.env.PORTAL_BRAND_NAME ?? 'Acme Cloud',
  PORTAL_SUPPORT_EMAIL: process.env.PORTAL_SUPPORT_EMAIL ?? 'support@acme-cloud.test',
  SEED: '',
});
await healthy(companionUrl);
process.stdout.write(
  [
    '',
    'companion pair running:',
    `  the portal (companion mode, demo page):  ${companionUrl}/`,
    `  its "Creem account" (standalone):        ${upstreamUrl}/   (API docs ${upstreamUrl}/docs)`,
    `  Creem API key (both servers accept it):  ${key}`,
    '  Ctrl-C stops both.',
    '',
  ].join('\n') + '\n',
);
