import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

// Journeys save what they saw for a human to look at; the README's pictures come from scripts/screenshots.ts.
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');


/** Debian's Chromium driven by playwright-core; nothing is downloaded. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Problems {
  /** securitypolicyviolation events (CSP and Trusted Types) seen in any frame of the page. */
  violations: string[];
  /** console errors and uncaught page errors. */
  errors: string[];
}

/**
 * A fresh context and page that record every CSP / Trusted Types violation (from the page's own
 * `securitypolicyviolation` events and from Chromium's console reports) and every console error.
 */
export async function openPage(
  browser: Browser,
  opts: { locale?: string; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {},
) {
  const context: BrowserContext = await browser.newContext({
    // Only for pages where axe-core is injected as an inline script; never where the CSP is under test.
    bypassCSP: opts.bypassCSP ?? false,
    locale: opts.locale ?? 'en-US',
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
  });
  const problems: Problems = { violations: [], errors: [] };
  await context.exposeBinding('__reportViolation', (_src, text: string) => {
    problems.violations.push(text);
  });
  // Runs before any page script, in every document, so no violation can happen unobserved.
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        (window as any).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
      },
      true,
    );
  });
  const page: Page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

export function saveScreenshotPath(name: string, dir = SCREENSHOT_DIR) {
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** Runs axe-core (from node_modules) in the page (open it with `bypassCSP`); returns the violations with their ids and targets. */
export async function axeViolations(page: Page, include = 'creem-portal') {
  await page.addScriptTag({ path: path.resolve(import.meta.dirname, '..', '..', '..', 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async (sel) => {
    const r = await (window as any).axe.run(sel, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
  }, include);
}
