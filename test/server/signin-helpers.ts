import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { newId, sha256 } from '../../server/ids.js';
import { iso } from '../../server/clock.js';
import { demoMerchant } from '../../server/seed/demo.js';
import type { TestApp } from '../support/server.js';
import type { Customer, Merchant } from '../../server/store/schema.js';
import { newCustomer } from '../../server/domain/customers.js';

/** Shared by the signin-* and mail-* tests: a second merchant, a real port, waiting for mail. */

export const merchantOf = async (t: TestApp) => (await demoMerchant(t.deps))!;

/** Another merchant with its own test key and one customer, written through the real store. */
export async function addMerchant(t: TestApp, opts: { name: string; key: string; email: string; allowedOrigins?: string[] }) {
  const now = iso(t.clock.now);
  const base = await merchantOf(t);
  return t.deps.store.transact(async (tx) => {
    const merchant: Merchant = await tx.put('merchants', {
      ...base,
      id: newId('mer'),
      name: opts.name,
      created_at: now,
      settings: { ...base.settings, allowed_origins: opts.allowedOrigins ?? [], brand: { name: opts.name, color: '#0f766e', logo_url: null } },
    });
    await tx.put('api_keys', { id: newId('key'), merchant_id: merchant.id, mode: 'test', hash: sha256(opts.key), hint: opts.key.slice(0, 15), created_at: now });
    const customer: Customer = await tx.put(
      'customers',
      newCustomer({ merchant_id: merchant.id, mode: 'test', email: opts.email, name: 'Other Customer', country: 'FR', created_at: now }),
    );
    return { merchant, customer };
  });
}

/** Changes a merchant's settings in the store (the tests' stand-in for a settings API). */
export async function updateMerchant(t: TestApp, id: string, change: (m: Merchant) => Merchant) {
  await t.deps.store.transact(async (tx) => await tx.put('merchants', change((await tx.get('merchants', id))!)));
}

/** The app on a real socket at 127.0.0.1 (so the client address and X-Forwarded-For are real). */
export async function listen(t: TestApp): Promise<{ url: string; close(): Promise<void> }> {
  const server: ServerType = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Lets scheduled background work (magic-link mail) run to the end. */
export const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** Ids of every message in the dev outbox now. */
export const mailIds = async (t: TestApp) => new Set((await t.deps.mailer.outbox!()).map((m) => m.id));

/** The newest dev-outbox message to `to` that is not among `seen`, waiting for it to arrive. */
export const mailTo = (t: TestApp, to: string, seen: Set<string> = new Set()) =>
  waitFor(`mail to ${to}`, async () => (await t.deps.mailer.outbox!()).find((m) => m.to === to && !seen.has(m.id)));

/** The sign-in code in a mailed link's fragment. */
export function codeIn(text: string): { url: string; code: string } {
  const m = /(https?:\/\/\S+?)#creem_code=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no sign-in link in:\n${text}`);
  return { url: m[1], code: m[2] };
}

/** What a browser holds after opening one of our hosted pages: the CSRF cookie and the token its forms carry. */
export interface FormSession {
  cookie: string;
  csrf: string;
}

/** Opens a hosted page (the merchant's sign-in page by default) the way a browser would, keeping its CSRF pair. */
export async function openForm(t: TestApp, path?: string): Promise<FormSession> {
  const res = await t.app.request(path ?? `/portal/login?merchant=${(await merchantOf(t)).id}`);
  const body = await res.text();
  const csrf = /name="csrf" value="([^"]*)"/.exec(body)?.[1] ?? '';
  const cookie = res.headers.getSetCookie().find((c) => /csrf=/.test(c))?.split(';')[0] ?? '';
  return { cookie, csrf };
}

/** A form post from our own page: the CSRF cookie plus the hidden field, and any other cookie (a session). */
export function postForm(t: TestApp, path: string, form: FormSession, fields: Record<string, string> = {}, opts: { cookie?: string; headers?: Record<string, string> } = {}) {
  const cookie = [form.cookie, opts.cookie].filter(Boolean).join('; ');
  return t.app.request(path, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), ...opts.headers },
    body: new URLSearchParams({ csrf: form.csrf, ...fields }),
  });
}
