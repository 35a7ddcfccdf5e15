// The builder shell: an admin signs in and sees the seeded demo portal; a wrong password is refused.
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from '../../playwright.config';

test('an admin signs in to the builder and sees the demo portal', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { name: 'Sign in to the builder' })).toBeVisible();

  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
  await page.screenshot({ path: '.tmp/screenshots/builder-signin.png' });

  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Portals' })).toBeVisible();
  const row = page.getByRole('row', { name: /Customer Portal/ });
  await expect(row).toContainText('/p/customer');
  await expect(row).toContainText('default');
  await expect(row).toContainText('v1');
  await page.screenshot({ path: '.tmp/screenshots/builder-portals.png' });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Portals' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the builder' })).toBeVisible();
  // 401 from auth.me on the signed-out shell is expected; nothing else may fail.
  expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
});
