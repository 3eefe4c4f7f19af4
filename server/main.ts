import { serve } from '@hono/node-server';
import { loadConfig, ConfigError, type Config } from './config.js';
import { StoreCorruptError, StoreUnavailableError } from './store/interface.js';
import { openStore } from './store/open.js';
import { StoreLockedError } from './store/lowdb/lock.js';
import { loadKeys } from './auth/keys.js';
import { sharedKeys } from './auth/shared-keys.js';
import { createLogger } from './log.js';
import { systemClock } from './clock.js';
import { createApp } from './app.js';
import { createWebhookWorker } from './webhooks/worker.js';
import { startJobs } from './jobs.js';
import { seedDemo, ensureDemoKey, ensureDemoOrigins, demoMerchant, seededDemoSite } from './seed/demo.js';
import { buildDeps, withCompanion } from './deps.js';
import { companionDemoSite } from './companion/demo-site.js';
import type { AppDeps } from './env.js';

/** The demo merchant's site: the seeded one, or (DEMO_SITE=on, outside production) one over the companion's Creem account. */
async function attachDemo(deps: AppDeps, config: Config) {
  const { store, clock } = deps;
  if (config.seedDemo) {
    await seedDemo(store, { publicUrl: config.publicUrl, allowedOrigins: config.demoAllowedOrigins, now: clock() });
    await ensureDemoOrigins(store, { publicUrl: config.publicUrl, allowedOrigins: config.demoAllowedOrigins });
    if (await demoMerchant(deps)) deps.demo = seededDemoSite(store, await ensureDemoKey(store, config.demoApiKey, clock()));
  } else if (deps.companion && config.companion && config.demoSite && !config.production) {
    deps.demo = companionDemoSite(deps.companion, config.companion.apiKey);
  }
}

function banner(deps: AppDeps, config: Config, address: string): string {
  const url = config.publicUrl;
  const c = config.companion;
  return [
    '',
    `creem-portal is running at ${url}/  (listening on ${address})`,
    c ? `  companion mode: the Creem account behind ${c.apiUrl} (${c.mode} mode), merchant id ${deps.companion!.merchant.id}` : '  standalone mode (this server is the Creem API)',
    deps.demo && !c ? `  demo merchant test API key: ${deps.demo.apiKey}` : '',
    c && !c.webhookSecret ? '  Creem webhooks: off (set CREEM_WEBHOOK_SECRET to receive them at /webhooks/creem)' : '',
    config.apiDocs ? `  API docs: ${url}/docs   OpenAPI: ${url}/openapi.json` : `  OpenAPI: ${url}/openapi.json`,
    config.production ? '' : `  dev mailbox: ${url}/dev/mailbox`,
    config.database ? `  store: PostgreSQL (${new URL(config.database.url).host}${new URL(config.database.url).pathname})` : `  data file: ${config.dataFile}`,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/**
 * Takes the port before anything names this server's URL: with PORT=0 the OS picks it, and without
 * PUBLIC_URL the URL seeds, links and checkouts carry is only known once bound. Until `ready`,
 * every request is answered 503 (health checks included).
 */
async function listen(config: Config) {
  let handle: (req: Request, env: unknown) => Response | Promise<Response> = () => new Response('starting', { status: 503, headers: { 'retry-after': '1' } });
  let address = '';
  let port = config.port;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    // The node adapter's bindings (the socket, for the client's address) go through to the app.
    const s = serve({ fetch: (req, env) => handle(req, env), port: config.port, hostname: config.host }, (info) => {
      address = `${info.address}:${info.port}`;
      port = info.port;
      resolve(s);
    });
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? new ConfigError(`${config.host}:${config.port} cannot be listened on (${e.code}). Choose another PORT or HOST.`) : e),
    );
  });
  const bound = config.port === 0 && !process.env.PUBLIC_URL ? loadConfig({ ...process.env, PORT: String(port) }) : config;
  return { server, address, config: bound, ready: (fetch: typeof handle) => (handle = fetch) };
}

async function main() {
  const configured = loadConfig();
  const log = createLogger(configured.logLevel);
  const store = await openStore(configured).catch((e: unknown) => {
    throw configured.database ? new DatabaseStartError(configured.database.url, e) : e;
  });
  const { server, address, config, ready } = await listen(configured).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  const clock = systemClock;
  // Several processes on one database share their signing keys there; one process keeps them beside its data file.
  const keys = config.widgetTokenSecret || !config.database ? await loadKeys(config.dataFile, config.widgetTokenSecret, clock()) : await sharedKeys(store, clock());
  const deps = await withCompanion(buildDeps({ config, store, clock, log, keys }));
  await attachDemo(deps, config);
  const app = createApp(deps);
  // Sends the outbox (in companion mode: the portal's own events); pending deliveries left by a previous run are picked up at once.
  const webhookWorker = createWebhookWorker({ store, clock, log, allowPrivate: config.allowPrivateWebhooks });
  webhookWorker.start();
  // Renewals are Creem's in companion mode: only this server's own bookkeeping runs here.
  const stopJobs = startJobs(deps, { renewals: !config.companion });

  ready(app.fetch);
  process.stdout.write(`${banner(deps, config, address)}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    // Stop taking requests, let in-flight ones finish, then flush pending writes and unlock.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stopJobs();
    await webhookWorker.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** The database could not be opened: said once, without the URL's password. */
class DatabaseStartError extends Error {
  constructor(url: string, cause: unknown) {
    const u = new URL(url);
    const where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
    super(
      cause instanceof StoreCorruptError
        ? cause.message
        : `the PostgreSQL database at ${where} cannot be reached or opened (${cause instanceof Error ? cause.message.replace(url, '[DATABASE_URL]') : String(cause)}). Check DATABASE_URL and that the server is running.`,
    );
  }
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof StoreCorruptError || e instanceof StoreLockedError || e instanceof DatabaseStartError || e instanceof StoreUnavailableError) {
    process.stderr.write(`creem-portal cannot start: ${e.message}\n`);
  } else {
    process.stderr.write(`creem-portal crashed on start: ${e instanceof Error ? e.stack : String(e)}\n`);
  }
  process.exit(1);
});
