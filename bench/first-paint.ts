import { chromium, type Browser } from 'playwright-core';
import { mintToken, type ServerInfo } from './server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';


export interface FirstPaintResult {
  subscriptions: number;
  runs: number;
  /** Median ms from `document.body.append(el)` to `creem-ready`. */
  ready_ms: number;
  /** Median ms from append to the subscriptions in the shadow DOM (after the render that follows creem-ready). */
  rendered_ms: number;
  /** Median ms from append to the next animation frame after that render: the screen can show it. */
  frame_ms: number;
  /** Median ms of the floor: a bare fetch() + JSON.parse of the same overview from the same page. */
  fetch_json_ms: number;
  /** rendered_ms over fetch_json_ms, per run, median: what the element adds to its one round trip. */
  ratio_to_fetch: number;
  p90_rendered_ms: number;
  /** Portal API requests made between append and render (the same in every run, else the max). */
  api_requests: number;
  /** Every request made in that interval (API, locale catalogs, token URL…). */
  all_requests: number;
  items_rendered: number;
  /** Paths of the requests other than the portal API's, if any. */
  other_requests: string[];
}

interface Run {
  fetch: number;
  ready: number;
  rendered: number;
  frame: number;
  items: number;
  api: number;
  all: number;
  others: string[];
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number) {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10;
}

/**
 * Runs in the page, as source text: tsx's helpers (`__name`) do not exist there. Appends the
 * element and clocks it with performance.now(); counts the requests that started meanwhile from
 * the page's Resource Timing entries.
 */
const MEASURE_IN_PAGE = String.raw`async ({ token, expected }) => {
  await customElements.whenDefined('creem-portal');
  const el = document.createElement('creem-portal');
  el.setAttribute('token', token);
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('creem-ready', () => resolve(), { once: true });
    el.addEventListener('creem-error', (e) => reject(new Error('creem-error ' + JSON.stringify(e.detail))), { once: true });
    setTimeout(() => reject(new Error('no creem-ready within 10 s')), 10_000);
  });
  const t0 = performance.now();
  document.body.append(el);
  await ready;
  const tReady = performance.now();
  const items = () => el.shadowRoot.querySelectorAll('[part~="item"]').length;
  // The render that follows creem-ready (a few more if the list arrives in steps).
  for (let n = 0; n < 5; n++) {
    await el.updateComplete;
    if (items() >= expected) break;
    await new Promise((r) => setTimeout(r, 0));
  }
  const tRendered = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const tFrame = performance.now();
  const inside = performance.getEntriesByType('resource').filter(
    (e) => e.startTime >= t0 && e.startTime <= tRendered,
  );
  // The floor: the same request and parse, nothing rendered.
  const f0 = performance.now();
  const res = await fetch('/portal/api/overview', { headers: { authorization: 'Bearer ' + token } });
  JSON.parse(await res.text());
  const fetched = performance.now() - f0;
  return {
    fetch: fetched,
    ready: tReady - t0,
    rendered: tRendered - t0,
    frame: tFrame - t0,
    items: items(),
    api: inside.filter((e) => e.name.includes('/portal/api/')).length,
    all: inside.length,
    others: inside.filter((e) => !e.name.includes('/portal/api/')).map((e) => new URL(e.name).pathname),
  };
}`;

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Time to first screen of `<creem-portal>`, against its floor measured in the same page right
 * after: a bare fetch() + JSON.parse of the same overview (the round trip the element cannot skip).
 * The element is measured on a page of the server's own origin that has already
 * loaded the classic bundle: a fresh page per run, the element created with a widget token and
 * appended; clocked in the page with performance.now(). Requests are counted from the page's
 * Resource Timing entries that started inside the interval.
 */
export async function measureFirstPaint(browser: Browser, info: ServerInfo, customerId: string, expected: number, runs: number): Promise<FirstPaintResult> {
  const token = await mintToken(info, customerId);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const pageUrl = `${info.url}/__bench/first-paint`;
  // The page itself is not part of the product; serving it from the route keeps it same-origin with the API.
  await context.route(pageUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body><script src="/widget/creem-portal.js"></script></body></html>`,
    }),
  );
  const results: Run[] = [];
  try {
    const warmups = 2;
    for (let i = 0; i < runs + warmups; i++) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pageUrl, { waitUntil: 'load' });
      const run = (await page.evaluate(`(${MEASURE_IN_PAGE})(${JSON.stringify({ token, expected })})`)) as Run;
      await page.close();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      if (i >= warmups) results.push(run);
    }
  } finally {
    await context.close();
  }
  return {
    subscriptions: expected,
    runs: results.length,
    ready_ms: median(results.map((r) => r.ready)),
    rendered_ms: median(results.map((r) => r.rendered)),
    frame_ms: median(results.map((r) => r.frame)),
    fetch_json_ms: median(results.map((r) => r.fetch)),
    ratio_to_fetch: median(results.map((r) => (100 * r.rendered) / r.fetch)) / 100,
    p90_rendered_ms: quantile(results.map((r) => r.rendered), 0.9),
    api_requests: Math.max(...results.map((r) => r.api)),
    all_requests: Math.max(...results.map((r) => r.all)),
    items_rendered: Math.min(...results.map((r) => r.items)),
    other_requests: [...new Set(results.flatMap((r) => r.others))],
  };
}
