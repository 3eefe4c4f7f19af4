import { z } from 'zod';
import path from 'node:path';
import { loadPolicy, PolicyError, type Policy } from './companion/policy.js';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_FILE: z.string().min(1).default('./data/db.json'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SEED: z.enum(['demo', '']).optional(),
  DEMO_API_KEY: z
    .string()
    .regex(/^creem_test_[A-Za-z0-9_-]{16,}$/, 'must start with creem_test_ followed by at least 16 characters [A-Za-z0-9_-]')
    .optional(),
  DEMO_ALLOWED_ORIGINS: z.string().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  NODE_ENV: z.string().optional(),
  /** Base64url secret of ≥ 32 bytes for widget tokens; generated and kept beside the data file when unset. */
  WIDGET_TOKEN_SECRET: z.string().optional(),
  /** Comma-separated proxy addresses whose X-Forwarded-For is trusted for rate limits. */
  TRUSTED_PROXIES: z.string().optional(),
  /** Allow webhook endpoints on loopback/private addresses (default: on outside production). */
  ALLOW_PRIVATE_WEBHOOKS: boolish.optional(),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** The merchant's Creem secret key: when set, the server runs in companion mode in front of that Creem account. */
  CREEM_API_KEY: z
    .string()
    .regex(/^creem_(test_)?[A-Za-z0-9_-]{8,200}$/, 'must be a Creem API key (creem_test_… or creem_…)')
    .optional(),
  CREEM_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  CREEM_WEBHOOK_SECRET: z.string().min(8).max(500).optional(),
  /** Companion mode: comma-separated origins whose pages may embed the element. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Companion mode: how long one call to Creem's API may take before the customer is told (504). */
  CREEM_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(8000),
  /** Companion mode: how long a customer's reads from Creem are reused; 0 turns the cache off. */
  CREEM_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  PORTAL_CONFIG: z.string().min(1).optional(),
  /** Companion mode, outside production: also serve the demo merchant's site over the Creem account (npm run start:companion). */
  DEMO_SITE: boolish.optional(),
});

/** Where Creem's API lives for a key, unless CREEM_API_URL says otherwise. */
export const CREEM_API_BASE = { test: 'https://test-api.creem.io', prod: 'https://api.creem.io' } as const;

export interface CompanionConfig {
  /** Never logged, never sent anywhere but Creem's API. */
  apiKey: string;
  apiUrl: string;
  mode: 'test' | 'prod';
  webhookSecret: string | undefined;
  timeoutMs: number;
  cacheMs: number;
  policy: Policy;
  /** Origins whose pages may embed the element (and receive magic-link returns). */
  allowedOrigins: string[];
}

export interface Config {
  port: number;
  host: string;
  dataFile: string;
  publicUrl: string;
  seedDemo: boolean;
  demoApiKey: string | undefined;
  demoAllowedOrigins: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  production: boolean;
  widgetTokenSecret: string | undefined;
  trustedProxies: string[];
  allowPrivateWebhooks: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Set in companion mode (CREEM_API_KEY): the Creem account the portal fronts. */
  companion: CompanionConfig | undefined;
  demoSite: boolean;
}

export class ConfigError extends Error {}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Parses the environment once, at start; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([k, v]) => k in EnvSchema.shape && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, '');
  const origins = originList('DEMO_ALLOWED_ORIGINS', e.DEMO_ALLOWED_ORIGINS);
  const companion = e.CREEM_API_KEY ? companionConfig(e, env, publicUrl, production) : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    dataFile: path.resolve(e.DATA_FILE),
    publicUrl,
    seedDemo: e.SEED === 'demo' && !production && !companion,
    demoApiKey: e.DEMO_API_KEY,
    demoAllowedOrigins: origins,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'Creem Portal <no-reply@creem-portal.local>',
    production,
    widgetTokenSecret: e.WIDGET_TOKEN_SECRET,
    trustedProxies: list(e.TRUSTED_PROXIES),
    allowPrivateWebhooks: e.ALLOW_PRIVATE_WEBHOOKS ?? !production,
    logLevel: e.LOG_LEVEL,
    companion,
    demoSite: (e.DEMO_SITE ?? false) && !production,
  };
}

function originList(name: string, value: string | undefined): string[] {
  const origins = list(value);
  for (const o of origins) {
    if (!/^https?:\/\/[^/]+$/.test(o)) throw new ConfigError(`Invalid configuration:\n  ${name}: "${o}" is not an origin like https://app.example.com`);
  }
  return origins;
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

function companionConfig(e: z.infer<typeof EnvSchema>, env: Record<string, string | undefined>, publicUrl: string, production: boolean): CompanionConfig {
  const apiKey = e.CREEM_API_KEY!;
  const mode = apiKey.startsWith('creem_test_') ? 'test' : 'prod';
  const apiUrl = (e.CREEM_API_URL ?? CREEM_API_BASE[mode]).replace(/\/+$/, '');
  // The key travels with every call: in production only over TLS (or to this machine, for a local upstream).
  if (production && !apiUrl.startsWith('https:') && !LOOPBACK.test(apiUrl)) {
    throw new ConfigError('Invalid configuration:\n  CREEM_API_URL: must be https: in production (the API key travels with every call)');
  }
  let policy: Policy;
  try {
    policy = loadPolicy(env);
  } catch (err) {
    if (err instanceof PolicyError) throw new ConfigError(`Invalid configuration:\n${err.message}`);
    throw err;
  }
  const allowed = originList('ALLOWED_ORIGINS', e.ALLOWED_ORIGINS);
  return {
    apiKey,
    apiUrl,
    mode,
    webhookSecret: e.CREEM_WEBHOOK_SECRET,
    timeoutMs: e.CREEM_TIMEOUT_MS,
    cacheMs: e.CREEM_CACHE_SECONDS * 1000,
    policy,
    allowedOrigins: [...new Set([new URL(publicUrl).origin, ...allowed])],
  };
}
