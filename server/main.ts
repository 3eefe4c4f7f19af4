import { serve } from '@hono/node-server';
import { loadConfig, ConfigError } from './config.js';
import { StoreCorruptError } from './store/interface.js';
import { LowdbStore } from './store/lowdb/lowdb-store.js';
import { StoreLockedError } from './store/lowdb/lock.js';
import { loadKeys } from './auth/keys.js';
import { createLogger } from './log.js';
import { systemClock } from './clock.js';
import { createApp } from './app.js';
import { createWebhookWorker } from './webhooks/worker.js';
import { startJobs } from './jobs.js';
import { seedDemo, ensureDemoKey, ensureDemoOrigins, demoMerchant } from './seed/demo.js';
import { buildDeps } from './deps.js';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const store = await LowdbStore.open(config.dataFile);
  const clock = systemClock;
  const deps = buildDeps({ config, store, clock, log, keys: loadKeys(config.dataFile, config.widgetTokenSecret, clock()) });
  if (config.seedDemo) {
    await seedDemo(store, { publicUrl: config.publicUrl, allowedOrigins: config.demoAllowedOrigins, now: clock() });
    await ensureDemoOrigins(store, { publicUrl: config.publicUrl, allowedOrigins: config.demoAllowedOrigins });
    if (await demoMerchant(deps)) deps.demo = { apiKey: await ensureDemoKey(store, config.demoApiKey, clock()) };
  }
  const app = createApp(deps);
  // Sends the webhook outbox; pending deliveries left by a previous run are picked up at once.
  const webhookWorker = createWebhookWorker({ store, clock, log, allowPrivate: config.allowPrivateWebhooks });
  webhookWorker.start();
  const stopJobs = startJobs(deps);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = config.publicUrl;
    process.stdout.write(
      [
        '',
        `creem-portal is running at ${url}/  (listening on ${info.address}:${info.port})`,
        deps.demo ? `  demo merchant test API key: ${deps.demo.apiKey}` : '',
        config.apiDocs ? `  API docs: ${url}/docs   OpenAPI: ${url}/openapi.json` : `  OpenAPI: ${url}/openapi.json`,
        config.production ? '' : `  dev mailbox: ${url}/dev/mailbox`,
        `  data file: ${config.dataFile}`,
        '',
      ]
        .filter((l) => l !== '')
        .join('\n') + '\n',
    );
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

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof StoreCorruptError || e instanceof StoreLockedError) {
    process.stderr.write(`creem-portal cannot start: ${e.message}\n`);
  } else {
    process.stderr.write(`creem-portal crashed on start: ${e instanceof Error ? e.stack : String(e)}\n`);
  }
  process.exit(1);
});
