import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../widget/creem-portal.js';
import type { CreemPortalElement } from '../../widget/creem-portal.js';
import type { z } from 'zod';
import { COUNTRIES, COUNTRY_HINTS, type CountryData } from '../../contract/countries.js';
import {
  BillingUpdate,
  CancelRequest,
  ChangeRequest,
  ExchangeRequest,
  InvoiceRequest,
  MagicLinkRequest,
  RefundRequest,
  SubscribeRequest,
  SupportRequest,
  type OverviewResponse,
  type PortalProduct,
  type PortalSubscription,
  type PortalTransaction,
} from '../../contract/portal.js';

export interface Call {
  method: string;
  path: string;
  url: string;
  body: any;
  headers: Headers;
  signal?: AbortSignal | null;
}
type Reply = unknown | ((call: Call) => unknown);
export interface Fake {
  calls: Call[];
  /** Requests whose body the portal API's contract refuses (answered 400, as the server would). */
  refused: string[];
  /** `METHOD /path` (path after /portal/api, or a full path for others) → body, or a function of the call. */
  on(route: string, reply: Reply, status?: number): Fake;
  last(route?: string): Call | undefined;
  /** Put the real fetch back; throws when the element sent a body the contract refuses. */
  restore(): void;
}

/**
 * The request schemas of the portal API (contract/portal.ts), by route: the fake checks every body the
 * element sends with the same schema the server validates it with. `null`: the request has no body.
 */
const REQUESTS: [route: RegExp, schema: z.ZodType | null][] = [
  [/^GET /, null],
  [/^POST \/subscriptions\/[^/]+\/cancel$/, CancelRequest],
  [/^POST \/subscriptions\/[^/]+\/(preview|change)$/, ChangeRequest],
  [/^POST \/subscriptions\/[^/]+\/(pause|resume)$/, null],
  [/^POST \/support$/, SupportRequest],
  [/^POST \/invoice-requests$/, InvoiceRequest],
  [/^POST \/refund-requests$/, RefundRequest],
  [/^PATCH \/billing$/, BillingUpdate],
  [/^POST \/billing\/manage-link$/, null],
  [/^POST \/checkouts$/, SubscribeRequest],
  [/^POST \/magic-link$/, MagicLinkRequest],
  [/^POST \/session\/(preview|exchange)$/, ExchangeRequest],
];

/** Why the contract refuses this request, or undefined when it accepts it. */
function refusal(call: Call): string | undefined {
  const route = `${call.method} ${call.path}`;
  const known = REQUESTS.find(([re]) => re.test(route));
  if (!known) return `${route}: not a portal API request`;
  const [, schema] = known;
  if (!schema) return call.body === undefined ? undefined : `${route}: sends a body, but takes none`;
  if (call.headers.get('content-type') !== 'application/json') return `${route}: body is not sent as application/json`;
  const r = schema.safeParse(call.body);
  return r.success ? undefined : `${route} ${JSON.stringify(call.body)}: ${r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`;
}

/** A JSON Response; status 0 means the network failed (fetch throws a TypeError). */
export const reply = (body: unknown, status = 200) => ({ __reply: true, body, status });

export const realFetch = window.fetch.bind(window);

/** What the server serves as /widget/countries.json (scripts/write-locales.mjs writes it from the contract). */
export const COUNTRY_DATA: CountryData = { codes: COUNTRIES, hints: COUNTRY_HINTS };

/** Replace window.fetch: routes answer; catalogs under /widget/locales/ come from the real files, the country list from the contract. */
export function fakeFetch(): Fake {
  const routes = new Map<string, [Reply, number]>();
  const fake: Fake = {
    calls: [],
    refused: [],
    on(route, r, status = 200) {
      routes.set(route, [r, status]);
      return fake;
    },
    last(route) {
      return [...fake.calls].reverse().find((c) => !route || `${c.method} ${c.path}` === route);
    },
    restore() {
      window.fetch = realFetch;
      if (fake.refused.length) throw new Error(`the element sent requests the portal API refuses:\n${fake.refused.join('\n')}`);
    },
  };
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    if (url.pathname.startsWith('/widget/locales/') && !routes.has(`GET ${url.pathname}`)) {
      fake.calls.push({ method: 'GET', path: url.pathname, url: url.href, body: undefined, headers: new Headers() });
      // As the server serves them: built, keyed by messageKey() (the build runs before these tests).
      return realFetch(url.pathname.replace(/^\/widget\//, '/dist/'));
    }
    if (url.pathname === '/widget/countries.json' && !routes.has(`GET ${url.pathname}`)) {
      fake.calls.push({ method: 'GET', path: url.pathname, url: url.href, body: undefined, headers: new Headers() });
      return new Response(JSON.stringify(COUNTRY_DATA), { headers: { 'content-type': 'application/json' } });
    }
    const path = url.pathname.replace(/^\/portal\/api(?=\/)/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: Call = {
      method,
      path,
      url: url.href,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
      signal: init.signal,
    };
    fake.calls.push(call);
    const bad = url.pathname.startsWith('/portal/api/') ? refusal(call) : undefined;
    if (bad) {
      fake.refused.push(bad);
      const body = { trace_id: 'test', status: 400, error: 'Bad Request', message: [bad], timestamp: Date.now() };
      return new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } });
    }
    const route = routes.get(`${method} ${path}`);
    if (!route) return new Response(JSON.stringify({ status: 404, error: 'Not Found', message: ['no route'] }), { status: 404 });
    let [r, status] = route;
    if (typeof r === 'function') r = await (r as (c: Call) => unknown)(call);
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    if (status === 0) throw new TypeError('Failed to fetch');
    if (r instanceof Response) return r;
    return new Response(JSON.stringify(r), { status, headers: { 'content-type': 'application/json' } });
  };
  return fake;
}

export function jwt(expInSeconds: number, extra: Record<string, unknown> = {}) {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'cust_1', exp: Math.floor(Date.now() / 1000) + expInSeconds, ...extra })}.sig`;
}

export const TOKEN = jwt(900);

export const product = (over: Partial<PortalProduct> = {}): PortalProduct => ({
  id: 'prod_pro',
  name: 'Pro',
  description: null,
  price: 1999,
  currency: 'EUR',
  billing_period: 'every-month',
  ...over,
});

export const subscription = (over: Partial<PortalSubscription> = {}): PortalSubscription => ({
  id: 'sub_1',
  status: 'active',
  product: product(),
  units: 1,
  current_period_start_date: '2026-11-01T00:00:00.000Z',
  current_period_end_date: '2026-12-01T00:00:00.000Z',
  next_transaction_date: '2026-12-01T00:00:00.000Z',
  canceled_at: null,
  trial_end_date: null,
  created_at: '2026-01-01T00:00:00.000Z',
  ...over,
});

export const transaction = (over: Partial<PortalTransaction> = {}): PortalTransaction => ({
  id: 'tran_1',
  order_id: 'ord_1',
  subscription_id: 'sub_1',
  product_name: 'Pro',
  amount: 1999,
  amount_paid: 1999,
  tax_amount: 0,
  refunded_amount: 0,
  currency: 'EUR',
  status: 'paid',
  created_at: Date.parse('2026-11-01T00:00:00.000Z'),
  period_start: null,
  period_end: null,
  refund_request: null,
  ...over,
});

export function overview(over: Partial<OverviewResponse> = {}, settings: Partial<OverviewResponse['merchant']['settings']> = {}): OverviewResponse {
  return {
    customer: {
      id: 'cust_1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      country: 'DE',
      address: { line1: 'Main St 1', line2: null, city: 'Berlin', postal_code: '10115', state: null },
      tax_id: null,
      payment_method: { brand: 'Visa', last4: '4242', exp_month: 12, exp_year: 2030 },
      pending_email: null,
    },
    merchant: {
      id: 'mer_1',
      name: 'Acme',
      brand_color: '#0f766e',
      logo_url: null,
      support_email: 'help@acme.test',
      update_payment_method_url: 'https://pay.example.com/update',
      settings: {
        cancel_modes: ['scheduled', 'immediate'],
        allow_pause: true,
        allow_plan_switch: true,
        allow_units_change: true,
        units: { min: 1, max: 1000 },
        refund: { auto_refund_days: 14, allow_requests: true },
        billing: { editable: ['name', 'email', 'address', 'country', 'tax_id'], manage_link: false },
        ...settings,
      },
    },
    subscriptions: [subscription()],
    plans: [product(), product({ id: 'prod_team', name: 'Team', price: 4999 })],
    ...over,
  };
}

/** Wait until the shadow root shows something matching, or fail after a while. */
export async function until<T>(check: () => T | null | undefined | false, what = 'condition', ms = 2000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();

/** The button (or link) whose visible text contains `label`. */
export function button(el: CreemPortalElement, label: string) {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent!.includes(label) || b.getAttribute('aria-label') === label);
}

export async function click(el: CreemPortalElement, label: string) {
  const b = await until(() => button(el, label), `button "${label}"`);
  b.click();
  await el.updateComplete;
  return b;
}

/** Render an element and wait until its first screen has loaded. */
export async function portal(template: TemplateResult, ready = true): Promise<CreemPortalElement> {
  const el = await fixture<CreemPortalElement>(template);
  // Nothing is drawn while the first overview is on its way (for a moment), then the skeleton until it answers.
  if (ready) await until(() => el.shadowRoot!.querySelector('[part=base]') && !el.shadowRoot!.querySelector('.skeleton'), 'first screen');
  await el.updateComplete;
  return el;
}

export { html };
