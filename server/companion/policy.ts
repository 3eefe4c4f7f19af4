import fs from 'node:fs';
import { z } from 'zod';
import { CANCEL_MODES, LIMITS } from '../../contract/values.js';
import type { MerchantSettings } from '../store/schema.js';

/**
 * What the merchant lets customers do in the portal, in companion mode: from a JSON file
 * (PORTAL_CONFIG) and/or PORTAL_* variables (a variable wins over the file). Creem's API has no
 * place for these, so the merchant states them to this server.
 */
const Seats = z
  .object({ allow_change: z.boolean().default(true), min: z.number().int().min(1).default(1), max: z.number().int().min(1).max(LIMITS.maxUnits).default(LIMITS.maxUnits) })
  .strict()
  .refine((s) => s.min <= s.max, 'min must not be more than max');

export const PolicySchema = z
  .object({
    brand: z
      .object({
        name: z.string().trim().min(1).max(120).default('Customer portal'),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #4f46e5').default('#4f46e5'),
        logo_url: z.url({ protocol: /^https$/, error: 'must be an https: URL' }).nullable().default(null),
      })
      .strict()
      .default({ name: 'Customer portal', color: '#4f46e5', logo_url: null }),
    support_email: z.email().nullable().default(null),
    cancel_modes: z.array(z.enum(CANCEL_MODES)).min(1).default(['scheduled', 'immediate']),
    default_cancel_mode: z.enum(CANCEL_MODES).default('scheduled'),
    allow_pause: z.boolean().default(true),
    plans: z
      .object({ allow_switch: z.boolean().default(true), product_ids: z.array(z.string().regex(/^prod_[A-Za-z0-9]+$/, 'must be product ids (prod_…)')).default([]) })
      .strict()
      .default({ allow_switch: true, product_ids: [] }),
    seats: Seats.default({ allow_change: true, min: 1, max: LIMITS.maxUnits }),
    refund: z
      .object({ auto_refund_days: z.number().int().min(0).max(365).default(14), allow_requests: z.boolean().default(true) })
      .strict()
      .default({ auto_refund_days: 14, allow_requests: true }),
    update_behavior: z.enum(['proration-charge-immediately', 'proration-charge', 'proration-none']).default('proration-charge-immediately'),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;

const bool = (v: string) => ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** PORTAL_* variables, laid over the file's object; unknown values surface through the schema's errors. */
function fromEnv(env: Record<string, string | undefined>, base: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(base) as Record<string, Record<string, unknown> | unknown>;
  const section = (key: string) => ((out[key] ??= {}) as Record<string, unknown>);
  const set = (name: string, apply: (v: string) => void) => {
    const v = env[name];
    if (v !== undefined && v !== '') apply(v);
  };
  const int = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : v);
  set('PORTAL_BRAND_NAME', (v) => (section('brand').name = v));
  set('PORTAL_BRAND_COLOR', (v) => (section('brand').color = v));
  set('PORTAL_LOGO_URL', (v) => (section('brand').logo_url = v));
  set('PORTAL_SUPPORT_EMAIL', (v) => (out.support_email = v));
  set('PORTAL_CANCEL_MODES', (v) => (out.cancel_modes = list(v)));
  set('PORTAL_DEFAULT_CANCEL_MODE', (v) => (out.default_cancel_mode = v));
  set('PORTAL_ALLOW_PAUSE', (v) => (out.allow_pause = bool(v)));
  set('PORTAL_ALLOW_PLAN_SWITCH', (v) => (section('plans').allow_switch = bool(v)));
  set('PORTAL_SWITCHABLE_PRODUCTS', (v) => (section('plans').product_ids = list(v)));
  set('PORTAL_ALLOW_SEAT_CHANGE', (v) => (section('seats').allow_change = bool(v)));
  set('PORTAL_MIN_SEATS', (v) => (section('seats').min = int(v)));
  set('PORTAL_MAX_SEATS', (v) => (section('seats').max = int(v)));
  set('PORTAL_REFUND_DAYS', (v) => (section('refund').auto_refund_days = int(v)));
  set('PORTAL_REFUND_REQUESTS', (v) => (section('refund').allow_requests = bool(v)));
  set('PORTAL_UPDATE_BEHAVIOR', (v) => (out.update_behavior = v));
  return out;
}

export class PolicyError extends Error {}

/** The policy from PORTAL_CONFIG and PORTAL_*; throws PolicyError naming each bad field. */
export function loadPolicy(env: Record<string, string | undefined>): Policy {
  let file: Record<string, unknown> = {};
  const path = env.PORTAL_CONFIG;
  if (path) {
    try {
      file = JSON.parse(fs.readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new PolicyError(`  PORTAL_CONFIG: cannot read ${path} as JSON (${(e as Error).message})`);
    }
    if (!file || typeof file !== 'object' || Array.isArray(file)) throw new PolicyError(`  PORTAL_CONFIG: ${path} must hold a JSON object`);
  }
  const parsed = PolicySchema.safeParse(fromEnv(env, file));
  if (!parsed.success) {
    throw new PolicyError(parsed.error.issues.map((i) => `  portal policy ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n'));
  }
  if (!parsed.data.cancel_modes.includes(parsed.data.default_cancel_mode) && parsed.data.cancel_modes.length === 1) {
    // A default the portal never offers is fine for the merchant API, but say nothing surprising: keep it consistent.
    parsed.data.default_cancel_mode = parsed.data.cancel_modes[0];
  }
  return parsed.data;
}

/** The policy as the merchant settings every portal rule reads. */
export function settingsOf(policy: Policy, allowedOrigins: string[]): MerchantSettings {
  return {
    allowed_origins: allowedOrigins,
    brand: policy.brand,
    support_email: policy.support_email,
    default_cancel_mode: policy.default_cancel_mode,
    cancel_modes: policy.cancel_modes,
    allow_pause: policy.allow_pause,
    allow_plan_switch: policy.plans.allow_switch,
    switchable_product_ids: policy.plans.product_ids,
    allow_units_change: policy.seats.allow_change,
    units_limits: { min: policy.seats.min, max: policy.seats.max },
    // Creem's API changes only the name; address, tax ID and card are changed in Creem's own portal.
    billing_editable: ['name'],
    update_behavior: policy.update_behavior,
    refund: policy.refund,
    update_payment_method_url: null,
  };
}
