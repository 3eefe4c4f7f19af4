// The README's screenshots of <creem-portal>, taken from the real product: the built widget on the demo
// account page, served by the real server (a child process over a throwaway data file), signed in as the
// seeded customer Ada Lovelace, in Debian's Chromium.
// Usage: node --import tsx scripts/screenshots.ts   (writes docs/screenshots/*.png)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, saveScreenshotPath, type Problems } from '../test/e2e/support/browser.js';
import { negotiate } from '../contract/locales.js';
import { card, openDemoAs, sheet } from '../test/e2e/support/demo.js';
import { seededCustomer, startServer, type RunningServer } from '../test/e2e/support/server.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCS = path.join(ROOT, 'docs', 'screenshots');
const WIDE = { width: 1280, height: 900 };
const MOBILE = { width: 390, height: 844 };
/** Room left around the element in the cropped shots, so its border and rounded corners show. */
const MARGIN = 24;

interface Shot {
  file: string;
  /** Query-string state for the demo page's playground (theme, locale…). */
  query?: Record<string, string>;
  viewport?: { width: number; height: number };
  /** Page background behind the element (set through the CSSOM: the page's CSP allows no inline style). */
  pageBackground?: string;
  /** Bring the element into the state to capture; returns true when the whole viewport is the picture. */
  prepare?: (page: Page) => Promise<boolean>;
  /** Fails the run when what is on screen is not what the file name claims. */
  check?: (page: Page) => Promise<void>;
}

const portalBase = (page: Page) => page.locator('creem-portal [part~=base]');

async function openManageSheet(page: Page) {
  await card(page, 'Pro').getByRole('button', { name: 'Manage subscription' }).click();
  await sheet(page).getByRole('heading', { name: 'Manage subscription' }).waitFor();
}

/** Fails unless `cond` holds, naming the screenshot and what was wrong. */
function expect(cond: boolean, what: string) {
  if (!cond) throw new Error(what);
}

/** "Manage subscription" as the element shows it in `locale` (an untranslated locale shows its stand-in's text). */
function manageLabel(locale: string) {
  const shown = negotiate(locale).locale;
  if (shown === 'en') return 'Manage subscription';
  const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'widget', 'locales', `${shown}.json`), 'utf8')) as Record<string, string>;
  return catalog['Manage subscription'];
}

/** The manage sheet on a 320 px phone in one locale: issue 18's proof that long words and other scripts fit. */
const narrowSheet = (locale: string): Shot => ({
  file: `manage-320-${locale}.png`,
  query: { locale },
  viewport: { width: 320, height: 640 },
  prepare: async (page) => {
    const label = manageLabel(locale);
    await card(page, 'Pro').getByRole('button', { name: label }).click();
    await sheet(page).getByRole('heading', { name: label }).waitFor();
    return true;
  },
  check: async (page) => {
    const wide = await sheet(page).evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(!wide, `the ${locale} manage sheet scrolls sideways at 320 px`);
  },
});

const SHOTS: Shot[] = [
  {
    // The demo merchant's account page as a newcomer first sees it: playground and event log beside the element.
    file: 'demo-page.png',
    viewport: { width: 1280, height: 900 },
    prepare: async () => true,
  },
  {
    file: 'portal-light.png',
    check: async (page) => {
      const bg = await portalBase(page).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg === 'rgb(255, 255, 255)', `light theme background is ${bg}`);
    },
  },
  {
    file: 'portal-dark.png',
    query: { theme: 'dark' },
    pageBackground: '#0b0d12',
    check: async (page) => {
      const [r, g, b] = (await portalBase(page).evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g)!.map(Number);
      expect(r + g + b < 200, `dark theme background is rgb(${r}, ${g}, ${b})`);
    },
  },
  {
    file: 'portal-ar-rtl.png',
    query: { locale: 'ar' },
    check: async (page) => {
      const base = portalBase(page);
      expect((await base.getAttribute('dir')) === 'rtl', 'Arabic is not right-to-left');
      // The catalog arrives after the first render: wait until the tabs carry Arabic letters.
      await page.waitForFunction(() =>
        /[\u0600-\u06FF]/.test(document.querySelector('creem-portal')?.shadowRoot?.querySelector('[part~=tab]')?.textContent ?? ''),
      );
      const name = await card(page, 'Pro').locator('h3').boundingBox();
      const badge = await card(page, 'Pro').locator('[part~=badge]').boundingBox();
      expect(!!name && !!badge && badge.x + badge.width <= name.x + 1, 'Arabic layout is not mirrored (badge is not left of the name)');
    },
  },
  {
    file: 'portal-mobile.png',
    viewport: MOBILE,
    prepare: async (page) => {
      await openManageSheet(page);
      return true;
    },
    check: async (page) => {
      const box = await sheet(page).boundingBox();
      expect(!!box && box.x <= 0 && box.width >= MOBILE.width - 1, `the sheet is not full-screen on mobile: ${JSON.stringify(box)}`);
    },
  },
  {
    file: 'portal-manage-sheet.png',
    prepare: async (page) => {
      await openManageSheet(page);
      await sheet(page).getByRole('button', { name: 'Cancel subscription' }).click();
      await sheet(page).getByRole('heading', { name: 'Cancel subscription' }).waitFor();
      await sheet(page).getByRole('group', { name: 'Why are you canceling?' }).waitFor();
      return true;
    },
    check: async (page) => {
      const box = await sheet(page).boundingBox();
      expect(!!box && box.x > WIDE.width / 2 && box.x + box.width >= WIDE.width - 1, `the sheet is not at the right edge: ${JSON.stringify(box)}`);
    },
  },
  ...['he', 'hi', 'ja', 'de'].map(narrowSheet),
];

/** Builds the widget (and the demo pages beside it) when a fresh checkout has no dist/ yet. */
function ensureBuilt() {
  const needed = ['dist/creem-portal.js', 'dist/locales/ar.json'].filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (needed.length === 0) return;
  console.log(`screenshots: ${needed.join(', ')} missing; running npm run build`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status ?? r.signal})`);
}

async function take(browser: Browser, server: RunningServer, customerId: string, shot: Shot) {
  const { context, page, problems } = await openPage(browser);
  try {
    page.setDefaultTimeout(15_000);
    // No slide-in half way through the picture.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    if (shot.viewport) await page.setViewportSize(shot.viewport);
    // creem-ready bubbles out of the element (composed); note it before any page script runs.
    await page.addInitScript(() => document.addEventListener('creem-ready', () => ((window as any).__creemReady = true)));
    await openDemoAs(page, server, customerId, shot.query);
    await page.waitForFunction(() => (window as any).__creemReady === true);
    if (shot.pageBackground) {
      await page.evaluate((bg) => {
        document.documentElement.style.background = bg;
        document.documentElement.style.colorScheme = 'dark';
      }, shot.pageBackground);
    }
    const fullViewport = (await shot.prepare?.(page)) ?? false;
    await shot.check?.(page);
    await page.evaluate(() => document.fonts.ready);
    const file = saveScreenshotPath(shot.file, DOCS);
    if (fullViewport) {
      await page.screenshot({ path: file });
    } else {
      const el = page.locator('creem-portal');
      await el.scrollIntoViewIfNeeded();
      const box = (await el.boundingBox())!;
      const x = Math.max(0, box.x - MARGIN);
      const y = Math.max(0, box.y - MARGIN);
      await page.screenshot({ path: file, clip: { x, y, width: box.width + 2 * MARGIN, height: box.height + 2 * MARGIN } });
    }
    assertClean(shot.file, problems);
    console.log(`screenshots: wrote ${path.relative(ROOT, file)}`);
  } finally {
    await context.close();
  }
}

function assertClean(file: string, problems: Problems) {
  const all = [...problems.errors, ...problems.violations];
  if (all.length) throw new Error(`${file}: the page reported problems:\n  ${all.join('\n  ')}`);
}

/**
 * Hebrew, Devanagari and Japanese glyphs for the 320 px pictures: Debian's Noto fonts, installed with
 * apt when fontconfig knows none for these scripts (a stock machine has Latin fonts only).
 */
function ensureFonts() {
  const has = (lang: string) => spawnSync('fc-list', [`:lang=${lang}`], { encoding: 'utf8' }).stdout?.trim();
  if (['he', 'hi', 'ja'].every(has)) return;
  console.log('screenshots: installing fonts-noto-core and fonts-noto-cjk (apt) for Hebrew, Hindi and Japanese');
  const apt = spawnSync('apt-get', ['install', '-y', '-qq', 'fonts-noto-core', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt.status !== 0) throw new Error('could not install the Noto fonts (apt-get install fonts-noto-core fonts-noto-cjk, as root)');
}

async function main() {
  ensureBuilt();
  ensureFonts();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
  };
  // Ctrl-C or a SIGTERM to this script still stops the server and the browser.
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(sig, () => void stop().finally(() => process.exit(code)));
  }
  try {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const ada = await seededCustomer(server, 'ada@example.com');
    if (ada.name !== 'Ada Lovelace') throw new Error(`seeded customer is ${ada.name}, not Ada Lovelace`);
    for (const shot of SHOTS) {
      try {
        await take(browser, server, ada.id, shot);
      } catch (e) {
        throw new Error(`${shot.file}: ${(e as Error).message}`, { cause: e });
      }
    }
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
