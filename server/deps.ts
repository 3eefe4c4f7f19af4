import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Store } from './store/interface.js';
import type { TokenKeys } from './auth/keys.js';
import type { Logger } from './log.js';
import type { AppDeps } from './env.js';
import { createMailer, outboxFileFor, type Mailer } from './mail/mailer.js';
import { createNotifier } from './mail/notifier.js';
import { createUrls } from './urls.js';
import { localBackend } from './portal-backend/local.js';
import { localDirectory } from './portal-backend/local-directory.js';
import { startCompanion } from './companion/index.js';

export interface BaseDeps {
  config: Config;
  store: Store;
  clock: Clock;
  keys: TokenKeys;
  log: Logger;
  /** Replaces the mailer the config asks for. */
  mailer?: Mailer;
}

/**
 * The app's dependencies from the few that differ between a process and a test; the rest follows
 * from them. The notifier and the portal backend read the returned object when they act, so a test
 * may swap `deps.mailer` afterwards.
 */
export function buildDeps(base: BaseDeps): AppDeps {
  const { config, store, clock } = base;
  const deps = {
    ...base,
    mailer: base.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, store, clock, outboxFile: outboxFileFor(config.dataFile) }),
    urls: createUrls(config.publicUrl),
  } as AppDeps;
  deps.notify = createNotifier(deps);
  deps.portal = localBackend(deps);
  deps.customers = localDirectory(store);
  return deps;
}

/** Companion mode: the portal and the customer directory answer from the merchant's Creem account. */
export async function withCompanion(deps: AppDeps): Promise<AppDeps> {
  if (!deps.config.companion) return deps;
  const companion = await startCompanion({ config: deps.config.companion, store: deps.store, clock: deps.clock, log: deps.log, notify: deps.notify });
  deps.companion = companion;
  deps.portal = companion.portal;
  deps.customers = companion.customers;
  return deps;
}
