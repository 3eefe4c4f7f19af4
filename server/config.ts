import { z } from 'zod';
import path from 'node:path';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

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
  /** Swagger UI at /docs (default: on, except in production). */
  API_DOCS: z.enum(['on', 'off']).optional(),
});

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
  /** Serve Swagger UI at /docs. */
  apiDocs: boolean;
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
  const origins = list(e.DEMO_ALLOWED_ORIGINS);
  for (const o of origins) {
    if (!/^https?:\/\/[^/]+$/.test(o)) throw new ConfigError(`Invalid configuration:\n  DEMO_ALLOWED_ORIGINS: "${o}" is not an origin like http://127.0.0.1:5173`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataFile: path.resolve(e.DATA_FILE),
    publicUrl,
    seedDemo: e.SEED === 'demo' && !production,
    demoApiKey: e.DEMO_API_KEY,
    demoAllowedOrigins: origins,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'Creem Portal <no-reply@creem-portal.local>',
    production,
    widgetTokenSecret: e.WIDGET_TOKEN_SECRET,
    trustedProxies: list(e.TRUSTED_PROXIES),
    allowPrivateWebhooks: e.ALLOW_PRIVATE_WEBHOOKS ?? !production,
    logLevel: e.LOG_LEVEL,
    apiDocs: e.API_DOCS ? e.API_DOCS === 'on' : !production,
  };
}
