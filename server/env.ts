import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Store } from './store/interface.js';
import type { Merchant, Mode } from './store/schema.js';
import type { Scope } from './domain/scope.js';
import type { Notifier } from './domain/notifier.js';
import type { TokenKeys } from './auth/keys.js';
import type { Mailer } from './mail/mailer.js';
import type { Logger } from './log.js';
import type { Urls } from './urls.js';
import type { CustomerDirectory, PortalBackend } from './portal-backend/backend.js';
import type { Companion } from './companion/index.js';
import type { DemoSite } from './demo-site.js';

/** Everything the app needs from outside; tests build their own (see buildDeps). */
export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  keys: TokenKeys;
  mailer: Mailer;
  notify: Notifier;
  urls: Urls;
  /** What the portal API answers from: the local domain, or Creem's API in companion mode. */
  portal: PortalBackend;
  /** Who the merchant's customers are: this store, or Creem in companion mode. */
  customers: CustomerDirectory;
  log: Logger;
  /** Companion mode: the Creem account the portal fronts. */
  companion?: Companion;
  /** The demo merchant's site backend (with SEED=demo, or a companion pair for trying it): never in production. */
  demo?: DemoSite;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Set by the API-key middleware (merchant API) or the token middleware (portal API). */
    merchant: Merchant;
    mode: Mode;
    scope: Scope;
  };
}
