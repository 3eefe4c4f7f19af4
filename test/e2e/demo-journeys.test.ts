import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { axeViolations, openPage, saveScreenshotPath } from './support/browser.js';
import { seededCustomer, storedPayments, storedSubscriptions, type RunningServer } from './support/server.js';
import { card, loggedEvents, openDemoAs, sheet } from './support/demo.js';
import { focused, named, tabTo } from './support/keyboard.js';
import { latestMailTo, linkIn } from './support/mailbox.js';
import { withServerAndBrowser } from './support/suite.js';

let server: RunningServer;
let browser: Browser;
withServerAndBrowser((s, b) => ((server = s), (browser = b)));

const medium = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));

test('cancel at period end with a reason shows the end date in a banner, and undo makes it active again', async () => {
  const grace = await seededCustomer(server, 'grace@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await openDemoAs(page, server, grace.id);
  const starter = card(page, 'Starter');

  await starter.getByRole('button', { name: 'Manage subscription' }).click();
  await sheet(page).getByRole('button', { name: 'Cancel subscription' }).click();
  await sheet(page).getByLabel("I don't use it enough").check();
  await sheet(page).getByLabel('Anything else you would like to tell us? (optional)').fill('Back after the holidays.');
  await sheet(page).getByLabel(/At the end of the billing period/).check();
  await sheet(page).getByRole('button', { name: 'Continue' }).click();
  await sheet(page).getByRole('button', { name: 'Confirm cancellation' }).click();
  await sheet(page).waitFor({ state: 'detached' });

  const [ending] = await storedSubscriptions(server, grace.id);
  assert.equal(ending.status, 'scheduled_cancel');
  assert.equal(ending.cancel_reason, 'unused');
  assert.equal(ending.cancel_comment, 'Back after the holidays.');
  const end = medium(ending.current_period_end_date);
  await starter.getByText(`Your subscription ends on ${end}. You keep access until then.`).waitFor();
  await starter.getByText('Ending', { exact: true }).waitFor();
  assert.deepEqual((await loggedEvents(page)).slice(0, 2), ['creem-subscription-canceled', 'creem-request-cancel']);

  await starter.getByRole('button', { name: 'Keep my subscription' }).click();
  await starter.getByText('Your subscription ends on').waitFor({ state: 'detached' });
  const [kept] = await storedSubscriptions(server, grace.id);
  assert.ok(['active', 'trialing'].includes(kept.status), `status after undo: ${kept.status}`);
  assert.equal(kept.current_period_end_date, ending.current_period_end_date, 'undo keeps the current period');
  assert.equal((await loggedEvents(page))[0], 'creem-subscription-resumed');
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(problems.violations, []);
  await context.close();
});

test('switching plan shows the proration preview, then the new plan and the new charge appear in payments', async () => {
  const ada = await seededCustomer(server, 'ada@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await openDemoAs(page, server, ada.id);

  // Step down first (Pro → Starter, credited), so that stepping up again is a real upgrade with a charge today.
  const switchTo = async (from: string, to: string) => {
    await card(page, from).getByRole('button', { name: 'Manage subscription' }).click();
    await sheet(page).getByRole('button', { name: 'Switch plan' }).click();
    await sheet(page).getByLabel(new RegExp(`^${to} ·`)).check();
    await sheet(page).getByRole('button', { name: 'Preview change' }).click();
    await sheet(page).getByRole('heading', { name: 'Review change' }).waitFor();
    const preview = await sheet(page).locator('dl').innerText();
    const summary = await sheet(page).locator('dl + p').innerText();
    await sheet(page).getByRole('button', { name: 'Confirm change' }).click();
    await sheet(page).waitFor({ state: 'detached' });
    return { preview, summary };
  };
  const down = await switchTo('Pro', 'Starter');
  assert.match(down.summary, /will be refunded to your payment method|Nothing is charged today/);
  const up = await switchTo('Starter', 'Pro');
  const charged = /You will be charged (\$[\d,.]+) today\./.exec(up.summary);
  assert.ok(charged, `the preview names today's charge: ${up.summary}`);
  assert.match(up.preview, /New plan\s+Pro/);
  assert.match(up.preview, /Charged today\s+\$[\d,.]+/);

  await card(page, 'Pro').getByText('Active', { exact: true }).waitFor();
  const stored = (await storedSubscriptions(server, ada.id)).find((s) => s.status === 'active')!;
  const [latest] = await storedPayments(server, ada.id, stored.id);
  assert.equal(latest.status, 'paid');
  // The preview's sentence and the payments list speak of what the customer really pays, tax included.
  assert.equal(`$${(latest.amountPaid! / 100).toFixed(2)}`, charged[1], 'what the preview promised is what was charged');

  await page.locator('creem-portal').getByRole('button', { name: 'Payments' }).click();
  const table = page.locator('creem-portal [part~=table]');
  await table.waitFor();
  const firstRow = table.locator('tbody tr').first();
  await firstRow.getByText(charged[1]).waitFor();
  await firstRow.getByText('Paid', { exact: true }).waitFor();
  assert.match(await firstRow.innerText(), new RegExp(latest.order!));
  await firstRow.getByRole('button', { name: 'Details' }).click();
  await sheet(page).getByText('Pro', { exact: true }).waitFor();
  await page.keyboard.press('Escape');
  assert.ok((await loggedEvents(page)).includes('creem-subscription-changed'));
  assert.deepEqual(problems.errors, []);
  await context.close();
});

test('signed out on the demo page, the element signs a customer in by magic link', async () => {
  const linus = await seededCustomer(server, 'linus@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/?customer=signed-out`);
  const portal = page.locator('creem-portal');
  await portal.getByLabel(/email/i).fill(linus.email);
  await portal.getByRole('button', { name: /send|link|sign in/i }).click();
  await portal.getByText(new RegExp(linus.email.replace('.', '\\.'))).waitFor();

  const mail = await latestMailTo(server, linus.email);
  const link = linkIn(mail, server.url);
  // Opened from the email: a new tab, a fresh page load.
  const signedIn = await context.newPage();
  await signedIn.goto(link);
  // The element names the account and spends nothing until the customer continues (login CSRF, mail scanners).
  const confirm = signedIn.locator('creem-portal').getByRole('button', { name: 'Continue as l***@example.com' });
  await confirm.waitFor();
  await signedIn.waitForLoadState('networkidle');
  assert.equal(await signedIn.locator('creem-portal [part~=item]').count(), 0, 'nothing shown before Continue');
  const code = decodeURIComponent(/#creem_code=([^&]+)/.exec(link)![1]);
  const record = () => server.readData().collections.sign_in_codes.find((c: any) => c.hash === createHash('sha256').update(code).digest('hex'));
  assert.equal(record().used_at, null, 'opening the link spent nothing');
  await confirm.click();
  await card(signedIn, 'Pro').getByText('Ending', { exact: true }).waitFor();
  assert.equal(typeof record().used_at, 'number');
  assert.doesNotMatch(signedIn.url(), /creem_code=/, 'the single-use code is gone from the address bar');

  // The same link again is refused.
  const again = await context.newPage();
  await again.goto(link);
  await again.getByText(/expired or was already used|no longer valid|already been used/i).first().waitFor();
  assert.equal(await again.locator('creem-portal [part~=item]').count(), 0);
  assert.deepEqual(problems.violations, []);
  await context.close();
});

test('keyboard only: reach, open and complete a cancel with Tab, Enter and Escape', async () => {
  const jean = await seededCustomer(server, 'jean@example.com');
  const { page, problems, context } = await openPage(browser, { bypassCSP: true });
  page.setDefaultTimeout(15_000);
  await openDemoAs(page, server, jean.id);

  await tabTo(page, named('Manage subscription'));
  await page.keyboard.press('Enter');
  await sheet(page).waitFor();
  assert.equal((await focused(page)).inSheet, true, 'focus moves into the sheet');

  await page.keyboard.press('Escape');
  await sheet(page).waitFor({ state: 'detached' });
  assert.equal((await focused(page)).name, 'Manage subscription', 'Escape gives focus back to the trigger');

  await page.keyboard.press('Enter');
  await sheet(page).waitFor();
  const axe = await axeViolations(page);
  await tabTo(page, named('Cancel subscription'));
  await page.keyboard.press('Enter');
  await sheet(page).getByRole('heading', { name: 'Cancel subscription' }).waitFor();

  // Tab stays inside the sheet: walk past the end and come back around to Continue.
  const stops = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.equal(f.inSheet, true, `Tab left the sheet at ${f.tag}:${f.name}`);
    stops.add(f.name);
  }
  assert.ok(stops.has('Continue'));
  await tabTo(page, named('It is too expensive'));
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).name, 'It is missing features I need');
  await tabTo(page, named('Continue'));
  await page.keyboard.press('Enter');
  await tabTo(page, named('Confirm cancellation'));
  await page.keyboard.press('Enter');
  await sheet(page).waitFor({ state: 'detached' });

  const [stored] = await storedSubscriptions(server, jean.id);
  assert.ok(['scheduled_cancel', 'canceled'].includes(stored.status), `status: ${stored.status}`);
  assert.equal(stored.cancel_reason, 'missing_features', 'ArrowDown picked the second reason');
  await card(page, 'Pro (yearly)').getByText(/Ending|Canceled/).first().waitFor();
  await page.screenshot({ path: saveScreenshotPath('demo-page.png') });
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(axe, [], 'the open sheet has no axe violations');
  await context.close();
});

test('the playground restyles the live element, shows the matching HTML, and opens a deep link', async () => {
  const margaret = await seededCustomer(server, 'margaret@example.com');
  const { page, problems, context } = await openPage(browser);
  page.setDefaultTimeout(15_000);
  await openDemoAs(page, server, margaret.id);
  const el = page.locator('creem-portal');
  const snippet = page.locator('#snippet');
  assert.match(await snippet.innerText(), /^<script src="http:\/\/127\.0\.0\.1:\d+\/widget\/v[\d.]+\/creem-portal\.js"><\/script>/);
  assert.deepEqual(await loggedEvents(page), ['creem-ready']);

  await page.getByLabel('Theme', { exact: true }).selectOption('dark');
  await page.getByLabel('Locale').selectOption('de');
  await page.getByLabel('Accent colour').fill('#e11d48');
  await page.getByLabel('Corner radius').fill('16');
  await page.getByLabel('Font').selectOption({ label: 'serif (Georgia)' });
  await el.getByRole('heading', { name: 'Abonnements' }).waitFor();
  assert.equal(await el.getAttribute('theme'), 'dark');
  assert.equal(await el.getAttribute('locale'), 'de');
  const styled = await el.evaluate((e) => {
    const s = getComputedStyle(e);
    const button = e.shadowRoot!.querySelector('[part~=item] [part~=button]')!;
    return {
      accent: s.getPropertyValue('--creem-portal-accent').trim(),
      radius: getComputedStyle(e.shadowRoot!.querySelector('[part~=item]')!).borderTopLeftRadius,
      font: getComputedStyle(button).fontFamily,
    };
  });
  assert.equal(styled.accent, '#e11d48');
  assert.equal(styled.radius, '16px');
  assert.match(styled.font, /Georgia/);
  const html = await snippet.innerText();
  for (const part of ['theme="dark"', 'locale="de"', '--creem-portal-accent: #e11d48;', '--creem-portal-radius: 16px;', '--creem-portal-font: Georgia']) {
    assert.ok(html.includes(part), `snippet has ${part}:\n${html}`);
  }

  const [sub] = await storedSubscriptions(server, margaret.id);
  await page.getByLabel('Subscription', { exact: true }).selectOption(sub.id);
  await page.getByLabel('Flow').selectOption('pause');
  await page.getByRole('button', { name: 'Open with this deep link' }).click();
  await sheet(page).waitFor();
  assert.match(await snippet.innerText(), new RegExp(`subscription-id="${sub.id}" flow="pause"`));
  assert.match(page.url(), /theme=dark/);
  assert.deepEqual(problems.errors, []);
  assert.deepEqual(problems.violations, []);
  await context.close();
});
