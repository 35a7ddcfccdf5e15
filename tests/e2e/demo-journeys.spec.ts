// The demo's journeys in Chromium, as its users take them (issue 7): a customer accepts an offer,
// pays an invoice, requests a cancellation and changes the delivery address of an active contract;
// an installer adds PV panel details to a customer's opportunity (only the fields their role may
// edit are inputs) and adds a certification to their own profile. The demo is seeded by `npm start`
// on the empty database with DEMO_PASSWORD. Screenshots of the demo portal at 1440 and 390 px go to
// DEMO_SCREENSHOTS_DIR (default /tmp/demo-shots) for review.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../../playwright.config';

const SHOTS = process.env.DEMO_SCREENSHOTS_DIR ?? '/tmp/demo-shots';
const CUSTOMER = '/p/customer';
const PARTNER = '/p/partner';

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(E2E_DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('a customer owner accepts an open offer', async ({ page }) => {
  await signIn(page, CUSTOMER, 'owner@customer.example');
  await open(page, `${CUSTOMER}/offers`);
  const offer = page.locator('article', { has: page.getByRole('button', { name: 'Accept offer' }) }).first();
  const title = (await offer.getByRole('heading').first().textContent())!.trim();
  await offer.getByRole('button', { name: 'Accept offer' }).click();
  await offer.getByRole('button', { name: 'Yes, accept offer' }).click();
  await expect(page.getByRole('status').filter({ hasText: /accepted/i }).first()).toBeVisible();
  const decided = page.locator('article', { hasText: title });
  await expect(decided.getByText('Accepted', { exact: true })).toBeVisible();
  await expect(decided.getByRole('button', { name: 'Accept offer' })).toHaveCount(0);
  // Still accepted after a reload: it was stored, not just shown.
  await open(page, `${CUSTOMER}/offers`);
  await expect(page.locator('article', { hasText: title }).getByText('Accepted', { exact: true })).toBeVisible();
});

test('an accountant pays an open invoice, once, and sees it in the payment history', async ({ page }) => {
  await signIn(page, CUSTOMER, 'accountant@customer.example');
  await open(page, `${CUSTOMER}/invoices`);
  const pay = page.getByRole('button', { name: /^Pay invoice/ }).first();
  const label = (await pay.textContent())!;
  const number = label.replace(/^Pay\s*invoice\s*/, '').trim();
  const history = page.getByRole('region', { name: /payment history/i }).or(page.locator('section', { hasText: 'Payment history' })).first();
  const before = await history.getByRole('row').count();
  await pay.click();
  const confirm = page.getByRole('button', { name: /^Pay [^i]/ }).first();
  // A double click pays once: the idempotency key is the same for both.
  await confirm.dblclick();
  await expect(page.getByRole('status').filter({ hasText: /paid|payment/i }).first()).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(number) }).first().getByText('Paid', { exact: true })).toBeVisible();
  await open(page, `${CUSTOMER}/invoices`);
  await expect(history.getByRole('row')).toHaveCount(before + 1);
});

test('an operations manager requests the cancellation of an active service', async ({ page }) => {
  await signIn(page, CUSTOMER, 'operations@customer.example');
  await open(page, `${CUSTOMER}/services`);
  await page.getByRole('button', { name: /^Request cancellation/ }).first().click();
  await page.getByLabel('Why do you want to cancel?').fill('We are moving to a smaller flat.');
  const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('End the service on').fill(end);
  await page.getByRole('button', { name: 'Send cancellation request' }).click();
  await expect(page.getByRole('status').filter({ hasText: /cancel/i }).first()).toBeVisible();
  await open(page, `${CUSTOMER}/services`);
  await expect(page.getByText('Cancellation requested').first()).toBeVisible();
});

test('a customer owner changes the delivery address of an active contract', async ({ page }) => {
  await signIn(page, CUSTOMER, 'owner@customer.example');
  await open(page, `${CUSTOMER}/contracts`);
  await shoot(page, 'customer-contracts-1440');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`${CUSTOMER}/contracts/`));
  await expect(page.getByRole('heading', { name: 'Change the delivery address' })).toBeVisible();
  await page.getByLabel('Street and number').fill('Lindenallee 12');
  await page.getByLabel('Postcode').last().fill('10115');
  await page.getByLabel('City').fill('Berlin');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByText('we deliver to the new address').first()).toBeVisible();
  await page.reload();
  await expect(page.getByText('Lindenallee 12').first()).toBeVisible();
  // The contract's history tells who changed what.
  await expect(page.getByText(/Changed Delivery address/).first()).toBeVisible();
  await shoot(page, 'customer-contract-1440');
});

test('an installer records PV panels on a customer’s opportunity and adds a certification', async ({ page }) => {
  await signIn(page, PARTNER, 'installer@partner.example');
  await open(page, `${PARTNER}/opportunities`);
  await shoot(page, 'partner-opportunities-1440');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`${PARTNER}/opportunities/`));
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Save details' }) });
  // Only the fields the installer may edit are inputs; the stage and value are not.
  await expect(form.getByLabel('PV panels')).toBeEditable();
  await expect(form.getByLabel(/^Stage/)).toHaveCount(0);
  await form.getByLabel('PV panels').fill('24');
  await form.getByLabel('Panel model').fill('Northwind Solar 430 W');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Northwind sees the new details').first()).toBeVisible();
  await page.reload();
  await expect(page.getByText('Northwind Solar 430 W').first()).toBeVisible();

  await open(page, `${PARTNER}/profile-certifications`);
  const cert = page.locator('form', { has: page.getByRole('button', { name: 'Add certification' }) });
  await cert.getByLabel('Certification').fill('Electrical safety for PV systems');
  await cert.getByLabel('Issued by').fill('Solar Guild');
  await cert.getByLabel('Valid until').fill('2028-06-30');
  await cert.getByRole('button', { name: 'Add certification' }).click();
  await expect(page.getByText('Added to your profile.').first()).toBeVisible();
  await page.reload();
  await expect(page.getByText('Electrical safety for PV systems').first()).toBeVisible();
  await shoot(page, 'partner-certifications-1440');
});

test('the demo portal at desktop and phone widths', async ({ page }) => {
  await signIn(page, CUSTOMER, 'owner@customer.example');
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const path of ['/', '/contracts', '/offers', '/invoices', '/services', '/support', '/help', '/account']) {
      await open(page, `${CUSTOMER}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${path} fits ${width} px`).toBe(true);
      await shoot(page, `customer${path === '/' ? '-home' : path.replace(/\//g, '-')}-${width}`);
    }
  }
});
