import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config.js';
import { randomToken, sha256 } from '../ids.js';
import { replaceFile, type FileOps } from '../store/durable-file.js';

/**
 * How long a key stays valid for verification after a newer one takes over signing. Longer than
 * the longest token (60 min) plus clock tolerance, so no token dies early because of a rotation.
 */
export const ROTATION_GRACE_MS = 2 * 60 * 60 * 1000;
const MIN_SECRET_BYTES = 32;

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
  rotate(now: number): SigningKey | Promise<SigningKey>;
  /** Keys shared by several processes: read them again (a kid signed by another process after a rotation). */
  refresh?(): Promise<void>;
}

interface KeyFile {
  keys: { kid: string; secret: string; created_at: number; retired_at: number | null }[];
}

/** Where generated keys live: beside the data file, never inside it. */
export const keyFileFor = (dataFile: string) => path.join(path.dirname(dataFile), 'widget-keys.json');

/**
 * Widget-token signing keys, each named by a `kid` carried in the token header.
 *
 * WIDGET_TOKEN_SECRET (base64url, ≥ 32 bytes) gives fixed keys: a comma-separated list signs with
 * the first and still accepts the others, so an operator rotates by prepending a new secret and
 * dropping the old one after an hour. Without it, keys are generated once and kept in
 * `widget-keys.json` beside the data file (mode 0600), so tokens survive restarts and `rotate`
 * retires the current key with a grace period. A generated key is on disk (fsynced, see
 * replaceFile) before this resolves, so no token is signed with a key a power cut could lose.
 */
export async function loadKeys(dataFile: string, envSecret: string | undefined, now: number, fileOps?: FileOps): Promise<TokenKeys> {
  if (envSecret) return envKeys(envSecret);
  const file = keyFileFor(dataFile);
  let keys: SigningKey[] = fs.existsSync(file) ? readKeyFile(file) : [];
  const save = async (list: SigningKey[]) => {
    const body = Buffer.from(JSON.stringify({ keys: list.map((k) => ({ ...k, secret: Buffer.from(k.secret).toString('base64url') })) } satisfies KeyFile));
    await replaceFile(file, `${file}.${process.pid}.tmp`, async (handle) => void (await handle.writeFile(body)), { mode: 0o600, ops: fileOps });
  };
  const make = (at: number): SigningKey => ({ kid: randomToken(16), secret: randomBytes(MIN_SECRET_BYTES), created_at: at, retired_at: null });
  const usable = (k: SigningKey, at: number) => k.retired_at === null || at - k.retired_at < ROTATION_GRACE_MS;
  if (keys.length === 0) {
    keys = [make(now)];
    await save(keys);
  }
  return {
    current: () => keys[keys.length - 1],
    find: (kid, at) => keys.find((k) => k.kid === kid && usable(k, at)),
    rotate: async (at) => {
      const next = [...keys.filter((k) => usable(k, at)).map((k) => (k.retired_at === null ? { ...k, retired_at: at } : k)), make(at)];
      // Signed with only once on disk: a token must not outlive a key that a restart would forget.
      await save(next);
      keys = next;
      return keys[keys.length - 1];
    },
  };
}

function envKeys(envSecret: string): TokenKeys {
  const keys: SigningKey[] = envSecret
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s, i) => {
      if (!/^[A-Za-z0-9_-]+={0,2}$/.test(s)) throw new ConfigError('Invalid configuration:\n  WIDGET_TOKEN_SECRET: each secret must be base64url.');
      const secret = Buffer.from(s, 'base64url');
      if (secret.length < MIN_SECRET_BYTES) {
        throw new ConfigError(`Invalid configuration:\n  WIDGET_TOKEN_SECRET: each secret must carry at least ${MIN_SECRET_BYTES} bytes (256 bits), base64url-encoded.`);
      }
      // The kid names the secret without revealing it, so tokens signed with a dropped secret find no key.
      return { kid: `env-${sha256(s).slice(0, 12)}`, secret, created_at: 0, retired_at: i === 0 ? null : 0 };
    });
  if (keys.length === 0) throw new ConfigError('Invalid configuration:\n  WIDGET_TOKEN_SECRET: empty.');
  return {
    current: () => keys[0],
    find: (kid) => keys.find((k) => k.kid === kid),
    rotate: () => {
      throw new Error('Keys come from WIDGET_TOKEN_SECRET: rotate by putting a new secret first in that variable.');
    },
  };
}

function readKeyFile(file: string): SigningKey[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
    const keys = parsed.keys.map((k) => ({ ...k, secret: Buffer.from(k.secret, 'base64url') }));
    if (keys.length === 0 || keys.some((k) => typeof k.kid !== 'string' || k.secret.length < MIN_SECRET_BYTES)) throw new Error('bad key');
    return keys;
  } catch {
    throw new ConfigError(`The widget key file ${file} is damaged. Delete it to generate a new key (outstanding widget tokens then stop working).`);
  }
}
