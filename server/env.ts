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
import type { PortalBackend } from './portal-backend/backend.js';

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
  log: Logger;
  /** With SEED=demo: the demo merchant's test key, used server-side by the demo backend only. */
  demo?: { apiKey: string };
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
