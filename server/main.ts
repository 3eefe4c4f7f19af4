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

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const store = await openStore(config).catch((e: unknown) => {
    throw config.database ? new DatabaseStartError(config.database.url, e) : e;
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

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    process.stdout.write(`${banner(deps, config, `${info.address}:${info.port}`)}\n`);
  });

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
