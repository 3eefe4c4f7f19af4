import { loadConfig, ConfigError } from '../config.js';
import { keyFileFor, loadKeys, ROTATION_GRACE_MS } from './keys.js';

/**
 * `node --import tsx server/auth/rotate-key.ts`: retires the current widget-token key and makes a
 * new one in the key file beside DATA_FILE. Restart the server afterwards: it then signs with the
 * new key and keeps accepting the old one for the grace period.
 */
try {
  const config = loadConfig();
  if (config.widgetTokenSecret) throw new ConfigError('WIDGET_TOKEN_SECRET is set: rotate by putting a new secret first in it (comma-separated).');
  const now = Date.now();
  const keys = loadKeys(config.dataFile, undefined, now);
  const old = keys.current().kid;
  const next = keys.rotate(now);
  process.stdout.write(
    `Rotated ${keyFileFor(config.dataFile)}: new kid ${next.kid}; ${old} is accepted until ${new Date(now + ROTATION_GRACE_MS).toISOString()}. Restart the server to sign with the new key.\n`,
  );
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
