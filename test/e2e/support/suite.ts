import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * One real server (child process, temp data file) and one Chromium for the test file: started
 * together before its tests, stopped after them. `use` receives both once they are up.
 */
export function withServerAndBrowser(use: (server: RunningServer, browser: Browser) => void) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}
