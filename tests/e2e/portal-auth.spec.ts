// Portal sign-in in Chromium: a visitor signs in through the login page (a wrong password first),
// sees what their role allows, signs out; a signed-in page sends a visitor to sign in and back; the
// account pages look right at desktop and phone widths (screenshots go to /tmp for review).
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CURRENT_SCHEMA_VERSION, defaultTheme, roleGrantsSchema, type BlockNode, type PortalDocument } from '../../core';
import { hashPassword } from '../../server/auth/password';
import { newRowId } from '../../server/auth/tokens';
import { adminApi } from './helpers';

const SHOTS = process.env.PORTAL_AUTH_SCREENSHOTS_DIR ?? '/tmp';
const PASSWORD = 'portal-e2e-password';
const BASE = '/p/brightside';

const heading = (id: string, text: string, level: 'h1' | 'h2' = 'h2', extra: Partial<BlockNode> = {}): BlockNode => ({ id, type: 'heading', props: { text, level }, ...extra });

const document: PortalDocument = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  pages: [
    {
      id: 'home',
      path: '/',
      title: { en: 'Home' },
      inNav: true,
      blocks: [
        heading('title', 'Brightside Energy', 'h1'),
        heading('members', 'Good to see you again', 'h2', { visibility: { audience: 'signed-in' } }),
        heading('owners', 'Manage your company’s users', 'h2', { visibility: { roles: ['customer-owner'] } }),
        heading('viewers', 'Read-only access', 'h2', { visibility: { roles: ['viewer'] } }),
      ],
    },
    { id: 'account', path: '/account', title: { en: 'My account' }, inNav: true, visibility: { audience: 'signed-in' }, blocks: [heading('ah', 'Your account overview', 'h1')] },
    { id: 'help', path: '/help', title: { en: 'Help' }, inNav: true, blocks: [heading('hh', 'How can we help?', 'h1')] },
  ],
  navigation: ['home', 'account', 'help'],
  theme: { ...defaultTheme, colors: { ...defaultTheme.colors, primary: '#0f766e' } },
  texts: {},
};

/** Roles and users go straight into the server's SQLite file (WAL: the running server sees them at its next read). */
async function seedUsers(portalId: string): Promise<void> {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'portico.sqlite'));
  db.pragma('busy_timeout = 5000');
  const hash = await hashPassword(PASSWORD);
  const ts = new Date().toISOString();
  const tx = db.transaction(() => {
    // The portal's own roles and users for this test, in place of the starter roles a new portal
    // gets (and of an earlier run's, when a retried worker runs this again).
    db.prepare('delete from portal_users where portal_id = ?').run(portalId);
    db.prepare('delete from portal_roles where portal_id = ?').run(portalId);
    const role = (key: string, name: string, actions: string[]) => {
      const id = newRowId();
      db.prepare('insert into portal_roles (id, portal_id, key, name, description, grants, is_default, revision, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, 1, ?, ?)').run(
        id, portalId, key, name, '', JSON.stringify(roleGrantsSchema.parse({ actions })), ts, ts,
      );
      return id;
    };
    const owner = role('customer-owner', 'Customer Owner', ['users.manage', 'invoices.pay']);
    const viewer = role('viewer', 'Viewer', []);
    const user = (email: string, name: string, roleId: string) => {
      const id = newRowId();
      db.prepare("insert into portal_users (id, portal_id, email, name, status, contact_id, password_hash, email_confirmed_at, created_at, updated_at) values (?, ?, ?, ?, 'active', null, ?, ?, ?, ?)").run(
        id, portalId, email, name, hash, ts, ts, ts,
      );
      db.prepare('insert into portal_user_roles (user_id, role_id) values (?, ?)').run(id, roleId);
    };
    user('olivia@brightside.example', 'Olivia Owner', owner);
    user('victor@brightside.example', 'Victor Viewer', viewer);
  });
  tx();
  db.close();
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // Refused input (400) and a refused sign-in (401) are answers the forms show; Chromium logs them.
    if ((m.type() === 'error' || m.type() === 'warning') && !/status of 40[01]/.test(m.text())) errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

let portalId: string;

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const api = await adminApi(request, baseURL!);
  portalId = await api.publishPortal('brightside', 'Brightside Energy', document);
  await api.call('portals.update', { id: portalId, settings: { allowRegistration: true, magicLink: true } }, 'mutation');
  await request.dispose();
  await seedUsers(portalId);
});

const hydrated = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

test('a customer owner signs in through the login page, sees their content, and signs out', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/`);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Manage your company’s users' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${BASE}/login`);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portal-login-1440.png`, fullPage: true });

  // A wrong password: the message is announced and focused, nothing else changes.
  await page.getByLabel('Email').fill('olivia@brightside.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(/Email or password is incorrect/);
  await expect(alert).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/portal-login-error-1440.png`, fullPage: true });

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(`${BASE}/`);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Manage your company’s users' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Good to see you again' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Read-only access' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Olivia Owner/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portal-home-signed-in-1440.png`, fullPage: true });

  // Client-side navigation keeps the session: the signed-in page loads in place.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account overview' })).toBeVisible();

  await page.getByRole('link', { name: /Olivia Owner/ }).click();
  await expect(page).toHaveURL(`${BASE}/profile`);
  await hydrated(page);
  await expect(page.getByLabel('Full name')).toHaveValue('Olivia Owner');
  await page.screenshot({ path: `${SHOTS}/portal-profile-1440.png`, fullPage: true });

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${BASE}/`);
  await hydrated(page);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Manage your company’s users' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a signed-in page sends a visitor to sign in and back; a viewer sees only the viewer\'s content', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE}/account`);
  await expect(page).toHaveURL(`${BASE}/login?next=%2Faccount`);
  await hydrated(page);
  await page.screenshot({ path: `${SHOTS}/portal-login-390.png`, fullPage: true });
  await page.getByLabel('Email').fill('victor@brightside.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${BASE}/account`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account overview' })).toBeVisible();
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('heading', { name: 'Read-only access' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Manage your company’s users' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/portal-home-signed-in-390.png`, fullPage: true });
  await page.goto(`${BASE}/profile`);
  await hydrated(page);
  await page.screenshot({ path: `${SHOTS}/portal-profile-390.png`, fullPage: true });

  // A password that is too short is explained next to its field, which gets the focus.
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('New password')).toBeFocused();
  await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/portal-profile-error-390.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('the other account pages render cleanly at both widths', async ({ page }) => {
  const errors = collectErrors(page);
  const pages: [string, string, string][] = [
    ['/register', 'Create an account', 'register'],
    ['/forgot-password', 'Reset your password', 'forgot-password'],
    ['/reset-password?token=not-a-token', 'Choose a new password', 'reset-invalid'],
    ['/invite/not-a-token', 'Accept your invitation', 'invite-invalid'],
  ];
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    for (const [path, heading, name] of pages) {
      await page.goto(`${BASE}${path}`);
      await hydrated(page);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/portal-${name}-${width}.png`, fullPage: true });
    }
  }
  // Forgot password: the same answer whatever the address.
  await page.goto(`${BASE}/forgot-password`);
  await hydrated(page);
  await page.getByLabel('Email').fill('someone@nowhere.example');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('If someone@nowhere.example belongs to an account');
  await page.screenshot({ path: `${SHOTS}/portal-forgot-sent-390.png`, fullPage: true });
  // Magic link mode on the login page.
  await page.goto(`${BASE}/login`);
  await hydrated(page);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in with a link' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portal-magic-390.png`, fullPage: true });
  expect(errors).toEqual([]);
});
