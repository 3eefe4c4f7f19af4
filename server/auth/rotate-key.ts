import { loadConfig, ConfigError } from '../config.js';
import { openStore } from '../store/open.js';
import { keyFileFor, loadKeys, ROTATION_GRACE_MS } from './keys.js';
import { sharedKeys } from './shared-keys.js';

/**
 * `node --import tsx server/auth/rotate-key.ts`: retires the current widget-token key and makes a
 * new one. With DATABASE_URL the keys are shared in the database: every running process signs
 * with the new key within a minute and keeps accepting the old one for the grace period. Otherwise
 * the key file beside DATA_FILE changes: restart the server to sign with the new key.
 */
try {
  const config = loadConfig();
  if (config.widgetTokenSecret) throw new ConfigError('WIDGET_TOKEN_SECRET is set: rotate by putting a new secret first in it (comma-separated).');
  const now = Date.now();
  const until = new Date(now + ROTATION_GRACE_MS).toISOString();
  if (config.database) {
    const store = await openStore(config);
    try {
      const keys = await sharedKeys(store, now);
      const old = keys.current().kid;
      const next = await keys.rotate(now);
      keys.stop();
      process.stdout.write(`Rotated the shared keys: new kid ${next.kid}; ${old} is accepted until ${until}. Running servers sign with the new key within a minute.\n`);
    } finally {
      await store.close();
    }
  } else {
    const keys = await loadKeys(config.dataFile, undefined, now);
    const old = keys.current().kid;
    const next = await keys.rotate(now);
    process.stdout.write(`Rotated ${keyFileFor(config.dataFile)}: new kid ${next.kid}; ${old} is accepted until ${until}. Restart the server to sign with the new key.\n`);
  }
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
