// The invitation journey in Chromium, with real SMTP: an admin invites a Viewer from the builder's
// Users section; the email arrives at an in-process SMTP server (the server was started with
// SMTP_URL pointing at it); the invitee opens the link, sets a password and is signed in, and sees
// only what the Viewer role allows, while a Customer Owner invited the same way sees more on the
// same page. Then the admin disables the Viewer, who is signed out at their next request. And the
// Settings section's sign-in card saves the portal's sign-in settings, which the portal follows; and
// the page editor suggests the portal's role keys in a block's visibility panel.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode, type PortalDocument } from '../../core';
import { startSmtpServer, type TestSmtp } from '../helpers/smtp';
import { adminApi } from './helpers';
import { E2E_ADMIN } from '../../playwright.config';

const heading = (id: string, text: string, extra: Partial<BlockNode> = {}): BlockNode => ({ id, type: 'heading', props: { text, level: 'h2' }, ...extra });
const document: PortalDocument = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  pages: [
    {
      id: 'home',
      path: '/',
      title: { en: 'Home' },
      inNav: true,
      blocks: [
        { id: 'title', type: 'heading', props: { text: 'Sunrise Power', level: 'h1' } },
        heading('members', 'Welcome back, customer', { visibility: { audience: 'signed-in' } }),
        heading('owners', 'Manage your company’s portal users', { visibility: { roles: ['customer-owner'] } }),
      ],
    },
  ],
  navigation: ['home'],
  theme: defaultTheme,
  texts: {},
};

let smtp: TestSmtp;
let portalId: string;

test.beforeAll(async ({ playwright, baseURL }) => {
  // The server sends to this port (SMTP_URL in playwright.config.ts); mail sent before it is up is retried.
  smtp = await startSmtpServer({ port: Number(process.env.E2E_SMTP_PORT) });
  const request = await playwright.request.newContext({ baseURL });
  const api = await adminApi(request, baseURL!);
  portalId = await api.publishPortal('sunrise', 'Sunrise Power', document);
  await request.dispose();
});
test.afterAll(async () => smtp?.stop());

/** Signs the page's browser context in to the builder (the API shares the context's cookies). */
async function signInAdmin(page: Page, baseURL: string): Promise<void> {
  const res = await page.request.post('/admin/api/trpc/auth.login', { data: E2E_ADMIN, headers: { origin: new URL(baseURL).origin } });
  expect(res.ok()).toBe(true);
}

/** Invites through the builder's Users section, with the given starter role ticked. */
async function invite(page: Page, email: string, name: string, roleName: string): Promise<void> {
  await page.goto(`/admin/portals/${portalId}/users`);
  await page.getByRole('button', { name: 'Invite user' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Invite a user' });
  await dialog.getByRole('textbox', { name: /^Email/ }).fill(email);
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  if (roleName !== 'Viewer') await dialog.getByRole('checkbox', { name: new RegExp(roleName) }).check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

/** Waits for the invitation email over SMTP and accepts it in a fresh browser: returns that browser's page, signed in. */
async function accept(browser: Browser, email: string, password: string): Promise<Page> {
  const mail = await smtp.waitFor((m) => m.envelope.to.includes(email) && /invit/i.test(m.subject), 20_000);
  const link = /https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link, `an invitation link in:\n${mail.text}`).toBeTruthy();
  expect(mail.html).toContain(new URL(link!).pathname);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(link!).pathname);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Choose a password').fill(password);
  await page.getByRole('button', { name: 'Set up my account' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back, customer' })).toBeVisible();
  return page;
}

test('an invitation arrives over SMTP, is accepted, and each role sees its own blocks; a disabled user is signed out', async ({ page, browser, baseURL }) => {
  await signInAdmin(page, baseURL!);
  await invite(page, 'vera@sunrise.example', 'Vera Viewer', 'Viewer');
  await invite(page, 'otto@sunrise.example', 'Otto Owner', 'Customer Owner');

  const vera = await accept(browser, 'vera@sunrise.example', 'vera-password-123');
  await expect(vera.getByRole('heading', { name: 'Manage your company’s portal users' })).toHaveCount(0);
  // Not hidden by CSS: the owner-only block never reached this browser.
  expect(await vera.content()).not.toContain('Manage your company');

  const otto = await accept(browser, 'otto@sunrise.example', 'otto-password-123');
  await expect(otto.getByRole('heading', { name: 'Manage your company’s portal users' })).toBeVisible();

  // The admin disables Vera; her next request finds her signed out.
  await page.goto(`/admin/portals/${portalId}/users`);
  await page.getByRole('button', { name: 'Actions for Vera Viewer' }).click();
  await page.getByRole('menuitem', { name: 'Disable…' }).click();
  await page.getByRole('button', { name: 'Disable user' }).click();
  await expect(page.getByRole('row', { name: /Vera Viewer/ }).getByText('Disabled')).toBeVisible();

  await vera.reload();
  await expect(vera.getByRole('heading', { name: 'Sunrise Power' })).toBeVisible();
  await expect(vera.getByRole('heading', { name: 'Welcome back, customer' })).toHaveCount(0);
  expect(await vera.content()).not.toContain('Welcome back, customer');
  // Otto is untouched.
  await otto.reload();
  await expect(otto.getByRole('heading', { name: 'Welcome back, customer' })).toBeVisible();
});

test('the sign-in settings are saved from the Settings section and the portal follows them', async ({ page, baseURL }) => {
  await signInAdmin(page, baseURL!);
  await page.goto('/p/sunrise/login');
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveCount(0);

  await page.goto(`/admin/portals/${portalId}/settings`);
  const card = page.getByRole('region', { name: 'Sign-in' });
  await card.getByRole('checkbox', { name: /Anyone may register/ }).check();
  await card.getByRole('spinbutton', { name: 'Idle timeout (minutes)' }).fill('2');
  await card.getByRole('button', { name: 'Save' }).click();
  // The server names the setting at fault; nothing is saved.
  await expect(card.getByRole('alert')).toContainText('at least 5 minutes');
  await card.getByRole('spinbutton', { name: 'Idle timeout (minutes)' }).fill('30');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Sign-in settings saved')).toBeVisible();

  await page.goto('/p/sunrise/login');
  await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
});

test("the page editor offers the portal's roles where a block's visibility names roles", async ({ page, baseURL }) => {
  await signInAdmin(page, baseURL!);
  await page.goto(`/admin/portals/${portalId}/pages`);
  await page.locator('[data-cv-node="owners"]').click();
  const input = page.getByPlaceholder('role key, e.g. customer');
  await expect(input).toHaveAttribute('list', /.+/);
  const listId = await input.getAttribute('list');
  const options = await page.locator(`datalist[id="${listId}"] option`).evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  expect(options).toEqual(expect.arrayContaining(['customer-owner', 'accountant', 'operations-manager', 'viewer', 'installer']));
});
