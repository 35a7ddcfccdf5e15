// Roles and users end to end, as an admin uses them: edit the permission matrix (changed cells are
// marked, saving applies them, a role changed meanwhile by someone else is refused and offered for
// reload), invite a user picked from the contacts, disable them after a confirmation, and preview a
// page as two roles, each with its hidden blocks and the reasons. Screenshots go to /tmp (not the
// repository), for looking at the screens.
import { expect, test, type Page } from '@playwright/test';
import { CURRENT_SCHEMA_VERSION, defaultTheme, type PortalDocument } from '../../core';
import { E2E_ADMIN } from '../../playwright.config';
import { adminApi } from './helpers';

const SHOTS = process.env.ACCESS_SCREENSHOTS_DIR ?? '/tmp';

async function signIn(page: Page): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Portals' })).toBeVisible();
}

/** A portal of its own, so other specs' portals stay as they are: one page with blocks for different roles. */
function accessDocument(): PortalDocument {
  const heading = (id: string, text: string, visibility?: PortalDocument['pages'][number]['visibility']) => ({ id, type: 'heading', props: { text }, ...(visibility ? { visibility } : {}) });
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
      {
        id: 'home',
        path: '/',
        title: { en: 'Home' },
        inNav: true,
        blocks: [
          heading('welcome', 'Welcome to Fjord Energy'),
          heading('owners', 'Company settings for owners', { roles: ['customer-owner'] }),
          heading('billing', 'Invoices and payments', { roles: ['accountant'] }),
          heading('members', 'News for signed-in customers', { audience: 'signed-in' }),
        ],
      },
      { id: 'billing-page', path: '/billing', title: { en: 'Billing' }, inNav: true, visibility: { roles: ['accountant'] }, blocks: [heading('bh', 'Your invoices')] },
    ],
    navigation: ['home', 'billing-page'],
    theme: defaultTheme,
    texts: {},
  };
}

test('an admin edits the permission matrix, invites a user and previews a page as a role', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  const api = await adminApi(request, baseURL!);
  const portalId = await api.publishPortal('access-e2e', 'Fjord Energy', accessDocument());
  const contact = await api.call<{ id: string }>('records.create', { type: 'contact', data: { name: 'Ines Invitee', email: 'ines.invitee@fjord.example' } }, 'mutation');
  expect(contact.id).toBeTruthy();

  await signIn(page);
  await page.goto(`/admin/portals/${portalId}/roles`);

  // The starter roles, as columns; Viewer is the default role.
  const matrix = page.getByRole('region', { name: 'Permission matrix' });
  await expect(matrix.getByRole('columnheader', { name: /Customer Owner/ })).toBeVisible();
  for (const name of ['Accountant', 'Operations Manager', 'Viewer', 'Installer / Partner']) await expect(matrix.getByRole('columnheader', { name: new RegExp(name) })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: /Viewer/ })).toContainText('Default role');
  await page.screenshot({ path: `${SHOTS}/portico-access-matrix.png` });

  // Edit: a level, a create toggle, an action; changed cells are marked and the save bar appears.
  await page.getByLabel('Accountant: delete contacts').selectOption('contact');
  await page.getByLabel('Operations Manager: create contacts').check();
  await page.getByLabel('Viewer: Accept offers').check();
  await expect(page.locator('.ac-cell--changed')).toHaveCount(3);
  const saveBar = page.getByRole('region', { name: 'Unsaved changes' });
  await expect(saveBar).toContainText('Accountant, Operations Manager and Viewer');
  // Field access opens per type; internal fields would say "Always hidden".
  await page.getByRole('button', { name: /Field access/ }).first().click();
  await page.getByLabel('Operations Manager: Phone of accounts').selectOption('hidden');
  await page.screenshot({ path: `${SHOTS}/portico-access-matrix-edit.png` });
  await saveBar.getByRole('button', { name: 'Save changes' }).click();
  await expect(saveBar).toBeHidden();
  await expect(page.locator('.ac-cell--changed')).toHaveCount(0);

  // Saved: a reload shows the same.
  await page.reload();
  await expect(page.getByLabel('Accountant: delete contacts')).toHaveValue('contact');
  await expect(page.getByLabel('Viewer: Accept offers')).toBeChecked();

  // Someone else changes the Viewer meanwhile: saving our edit is refused, nothing is overwritten.
  await page.getByLabel('Viewer: Reject offers').check();
  const roles = await api.call<{ id: string; key: string; revision: number }[]>('roles.list', { id: portalId }, 'query');
  const viewer = roles.find((r) => r.key === 'viewer')!;
  await api.call('roles.update', { id: portalId, roleId: viewer.id, baseRevision: viewer.revision, description: 'Changed by someone else' }, 'mutation');
  await saveBar.getByRole('button', { name: 'Save changes' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'Some changes were not saved' });
  await expect(problem).toContainText('changed meanwhile');
  await expect(matrix.getByRole('columnheader', { name: /Viewer/ })).toContainText('Changed meanwhile');
  await problem.getByRole('button', { name: 'Reload Viewer' }).click();
  await expect(problem).toBeHidden();
  await expect(page.getByLabel('Viewer: Reject offers')).not.toBeChecked();

  // Users: invite one, picked from the contacts (which fills in name and email), as an Accountant.
  await page.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  // The header's button (an empty list offers one too).
  await page.getByRole('button', { name: 'Invite user' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Invite a user' });
  await dialog.getByRole('combobox').click();
  await dialog.getByRole('combobox').fill('Ines');
  await dialog.getByRole('option', { name: /Ines Invitee/ }).click();
  await expect(dialog.getByRole('textbox', { name: /^Email/ })).toHaveValue('ines.invitee@fjord.example');
  await expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ines Invitee');
  await dialog.getByText('Accountant', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Ines Invitee/ });
  await expect(row).toContainText('Invited');
  await expect(row).toContainText('Sent just now');
  await expect(row).toContainText('Accountant');
  await page.screenshot({ path: `${SHOTS}/portico-access-users.png` });

  // Disable, after a confirmation that says what happens.
  await row.getByRole('button', { name: 'Actions for Ines Invitee' }).click();
  await page.getByRole('menuitem', { name: 'Disable…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disable Ines Invitee?' });
  await expect(confirm).toContainText('signed out at their next request');
  await confirm.getByRole('button', { name: 'Disable user' }).click();
  await expect(row).toContainText('Disabled');

  // Preview as: the same page for two roles, with what is hidden and why.
  await page.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('navigation', { name: 'Roles' }).getByRole('link', { name: 'Preview as' }).click();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Accountant' });
  const frame = page.getByRole('region', { name: /Preview of Home/ });
  await expect(frame.getByText('Invoices and payments')).toBeVisible();
  await expect(frame.getByText('Company settings for owners')).toHaveCount(0);
  const hidden = page.getByRole('region', { name: /Hidden for this viewer/ });
  await expect(hidden).toContainText('Company settings for owners');
  await expect(hidden).toContainText('needs the role Customer Owner');
  await page.screenshot({ path: `${SHOTS}/portico-access-preview.png` });

  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Customer Owner' });
  await expect(frame.getByText('Company settings for owners')).toBeVisible();
  await expect(frame.getByText('Invoices and payments')).toHaveCount(0);
  await expect(hidden).toContainText('needs the role Accountant');
  await expect(hidden).toContainText('/billing');

  // And as a visitor: signed-in only.
  await page.getByRole('radio', { name: 'Visitor' }).click();
  await expect(hidden).toContainText('signed-in only');
  expect(errors).toEqual([]);
});
