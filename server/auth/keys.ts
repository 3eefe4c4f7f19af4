import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { randomToken } from '../ids.js';

/** How long a key stays valid for verification after a newer one takes over signing. */
export const ROTATION_GRACE_MS = 60 * 60 * 1000;

export interface SigningKey {
  kid: string;
  secret: Uint8Array;
  created_at: number;
  /** When a newer key replaced it; null for the current key. */
  retired_at: number | null;
}

export interface TokenKeys {
  current(): SigningKey;
  find(kid: string, now: number): SigningKey | undefined;
  rotate(now: number): SigningKey;
}

interface KeyFile {
  keys: { kid: string; secret: string; created_at: number; retired_at: number | null }[];
}

/**
 * Widget-token signing keys. WIDGET_TOKEN_SECRET (≥ 32 bytes, base64url) gives one fixed key;
 * otherwise keys are generated once and kept in `widget-keys.json` beside the data file (mode
 * 0600), so tokens survive restarts and `rotate` can retire a key with a grace period.
 */
export function loadKeys(dataFile: string, envSecret: string | undefined, now: number): TokenKeys {
  if (envSecret) {
    const secret = Buffer.from(envSecret, 'base64url');
    if (secret.length < 32) throw new Error('WIDGET_TOKEN_SECRET must be at least 32 bytes (256 bits), base64url-encoded.');
    const key: SigningKey = { kid: 'env', secret, created_at: 0, retired_at: null };
    return {
      current: () => key,
      find: (kid) => (kid === 'env' ? key : undefined),
      rotate: () => {
        throw new Error('Keys come from WIDGET_TOKEN_SECRET: rotate by changing that variable.');
      },
    };
  }
  const file = path.join(path.dirname(dataFile), 'widget-keys.json');
  let keys: SigningKey[] = [];
  if (fs.existsSync(file)) {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
    keys = parsed.keys.map((k) => ({ ...k, secret: Buffer.from(k.secret, 'base64url') }));
  }
  const save = () => {
    const body: KeyFile = {
      keys: keys.map((k) => ({ ...k, secret: Buffer.from(k.secret).toString('base64url') })),
    };
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(body), { mode: 0o600 });
    fs.renameSync(tmp, file);
  };
  const make = (at: number): SigningKey => ({ kid: randomToken(12), secret: randomBytes(32), created_at: at, retired_at: null });
  if (keys.length === 0) {
    keys = [make(now)];
    save();
  }
  return {
    current: () => keys[keys.length - 1],
    find: (kid, at) => keys.find((k) => k.kid === kid && (k.retired_at === null || at - k.retired_at < ROTATION_GRACE_MS)),
    rotate: (at) => {
      keys = keys
        .filter((k) => k.retired_at === null || at - k.retired_at < ROTATION_GRACE_MS)
        .map((k) => (k.retired_at === null ? { ...k, retired_at: at } : k));
      keys.push(make(at));
      save();
      return keys[keys.length - 1];
    },
  };
}
