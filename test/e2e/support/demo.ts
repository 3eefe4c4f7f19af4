import type { Page } from 'playwright-core';
import type { RunningServer } from './server.js';

/** Opens the demo account page signed in as a customer and waits for the element's first screen. */
export async function openDemoAs(page: Page, server: RunningServer, customerId: string, query: Record<string, string> = {}) {
  const qs = new URLSearchParams({ customer: customerId, ...query });
  await page.goto(`${server.url}/?${qs}`);
  await waitForPortal(page);
}

/** Resolves once `<creem-portal>` shows its list of subscriptions. */
export async function waitForPortal(page: Page) {
  await page.locator('creem-portal [part~=item]').first().waitFor();
}

/** One subscription's card in the element, found by its product name. */
export const card = (page: Page, productName: string) =>
  page.locator('creem-portal [part~=item]').filter({ has: page.getByRole('heading', { name: productName, exact: true }) });

/** The element's open sheet (dialog). */
export const sheet = (page: Page) => page.locator('creem-portal').getByRole('dialog');

/** Events the demo page's log recorded, newest first. */
export const loggedEvents = (page: Page) => page.locator('#event-log li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.event));

/**
 * After opening a sign-in link: press Continue when the landing page asks (a GET must not use the code up),
 * then wait for the subscriptions.
 */
export async function continueIfAsked(page: Page) {
  const items = page.locator('creem-portal [part~=item]');
  const button = page.getByRole('button', { name: /^continue/i });
  await items.first().or(button).first().waitFor();
  if (await button.isVisible()) await button.click();
  await items.first().waitFor();
}
