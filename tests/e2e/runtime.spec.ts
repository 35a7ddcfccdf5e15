// A portal published through the admin API, opened in Chromium: its blocks render, hydration is
// clean, tabs and the FAQ work by mouse and keyboard, navigation works without reloads, and the
// pages look right at desktop and phone widths.
import { expect, test, type Page } from '@playwright/test';
import { demoDocument } from '../../templates/starters/demo';
import { adminApi } from './helpers';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const api = await adminApi(request, baseURL!);
  const doc = demoDocument();
  await api.publishPortal('northwind', 'Northwind Energy', doc);
  await request.dispose();
});

test('the published portal renders, hydrates cleanly and navigates without reloading', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/p/northwind/');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(page).toHaveTitle('Home · Northwind Energy');
  await expect(page.getByRole('heading', { level: 1, name: 'Your energy, in one place' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Help & FAQ/ }).first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: '.tmp/screenshots/portal-home-1440.png', fullPage: true });

  // Client-side navigation: the document is not reloaded.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saving tips' }).click();
  await expect(page).toHaveURL(/\/p\/northwind\/energy-tips$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Use less, pay less' })).toBeVisible();
  await expect(page).toHaveTitle('Saving tips · Northwind Energy');
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Your energy, in one place' })).toBeVisible();

  expect(errors).toEqual([]);
});

test('tabs work by mouse and by keyboard after hydration', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/p/northwind/energy-tips');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const tabs = page.getByRole('tablist');
  const first = tabs.getByRole('tab', { name: 'At home' });
  const second = tabs.getByRole('tab', { name: 'Heating' });
  const third = tabs.getByRole('tab', { name: 'On the road' });
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('standby');

  await second.click();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('Each degree less');

  await second.focus();
  await page.keyboard.press('ArrowRight');
  await expect(third).toBeFocused();
  await expect(third).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('night tariff');
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await expect(page.getByRole('tabpanel')).toContainText('standby');
  await page.keyboard.press('ArrowLeft');
  await expect(third).toBeFocused();
  // Only the selected tab is in the tab order.
  await expect(first).toHaveAttribute('tabindex', '-1');
  await expect(third).toHaveAttribute('tabindex', '0');
  expect(errors).toEqual([]);
});

test('the FAQ opens and closes by keyboard, one item at a time', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/p/northwind/help');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const q1 = page.locator('summary', { hasText: 'How can I pay my invoice?' });
  const q2 = page.locator('summary', { hasText: 'Where do I submit a meter reading?' });
  const a1 = page.getByText(/Open Invoices, choose the invoice/);
  const a2 = page.getByText(/Go to your contract and choose Submit meter reading/);
  await expect(a1).toBeHidden();
  await q1.focus();
  await page.keyboard.press('Enter');
  await expect(a1).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(q2).toBeFocused();
  await page.keyboard.press('Space');
  await expect(a2).toBeVisible();
  await expect(a1).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(a2).toBeHidden();
  await page.screenshot({ path: '.tmp/screenshots/portal-help-390.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the home page at phone width: nothing overflows sideways', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/p/northwind/');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await page.screenshot({ path: '.tmp/screenshots/portal-home-390.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('keyboard users can skip to the content, and focus is visible', async ({ page }) => {
  await page.goto('/p/northwind/');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('unknown pages and portals show a 404 page', async ({ page }) => {
  const missing = await page.goto('/p/northwind/does-not-exist');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const noPortal = await page.goto('/p/no-such-portal/');
  expect(noPortal?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Portal not found' })).toBeVisible();
});
