// The Data section end to end, as an admin uses it: define an entity type with several field types
// (the server's issue shown on the field at fault), create records through the generated form (a
// relation picked by searching), sort and filter the table, see the server refuse an edit next to
// the field, and import a CSV: one bad row is reported and nothing is imported, a good file imports.
// Screenshots go to /tmp (not the repository), for looking at the screens.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../../playwright.config';
import { adminApi } from './helpers';

const SHOTS = process.env.DATA_SCREENSHOTS_DIR ?? '/tmp';

async function signIn(page: Page): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Portals' })).toBeVisible();
}

const fieldRows = (page: Page) => page.getByRole('list', { name: 'Fields' }).locator(':scope > li');

/** Adds a field in the type editor: label, then its type; returns its row. */
async function addField(page: Page, label: string, type: string): Promise<Locator> {
  const n = await fieldRows(page).count();
  await page.getByRole('button', { name: 'Add field' }).click();
  const row = fieldRows(page).nth(n);
  await row.getByLabel('Label').fill(label);
  await row.getByLabel('Type', { exact: true }).selectOption({ label: type });
  return row;
}

const tableRows = (page: Page) => page.locator('.dt-records-table tbody tr');
const firstCells = (page: Page) => page.locator('.dt-records-table tbody tr td:first-child').allInnerTexts();

test('an admin defines a type, manages its records, sorts, filters, and imports a CSV', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);

  // The Data section of the demo portal: the built-in types, shared by every portal.
  await page.getByRole('link', { name: 'Customer Portal', exact: true }).click();
  await page.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('heading', { name: 'Entity types' })).toBeVisible();
  await expect(page.getByText('Shared by all portals')).toBeVisible();
  const types = page.getByRole('table');
  await expect(types.getByRole('row', { name: /Account.*Built-in/ })).toBeVisible();
  await expect(types.getByRole('row', { name: /Contact.*Built-in/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portico-data-types.png` });

  // A new type: the key and plural follow the name; it starts with a required Name.
  await page.getByRole('link', { name: 'New type' }).click();
  await page.getByLabel('Name (singular)').fill('Service ticket');
  await expect(page.getByLabel('Name (plural)')).toHaveValue('Service tickets');
  await expect(page.getByLabel('Key', { exact: false }).first()).toHaveValue('service_ticket');
  await expect(fieldRows(page)).toHaveCount(1);

  const priority = await addField(page, 'Priority', 'Choice');
  await expect(priority.getByLabel('Key')).toHaveValue('priority');
  const estimate = await addField(page, 'Estimate hours', 'Number');
  await estimate.getByLabel('Maximum').fill('100');
  await estimate.getByText('Whole numbers only').click();
  await addField(page, 'Due', 'Date');
  const budget = await addField(page, 'Budget', 'Money');
  await budget.getByLabel('Currency', { exact: true }).fill('EUR');
  const account = await addField(page, 'Account', 'Link to a record');
  await account.getByLabel('Links to').selectOption({ label: 'Account' });
  await addField(page, 'Urgent', 'Yes / no');
  await page.getByLabel('Account link').selectOption({ label: 'Account' });

  // The choice has one empty option: the server names it, on that field.
  await page.getByRole('button', { name: 'Create type' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  await expect(priority.locator('.dt-options .field__error')).toBeVisible();
  await priority.getByLabel('Option 1 label').fill('Low');
  await expect(priority.getByLabel('Option 1 stored value')).toHaveValue('low');
  for (const [i, label] of [
    [2, 'Normal'],
    [3, 'High'],
  ] as const) {
    await priority.getByRole('button', { name: 'Add option' }).click();
    await priority.getByLabel(`Option ${i} label`).fill(label);
  }
  await page.locator('.dt-main').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/portico-data-type-editor.png` });
  await page.getByRole('button', { name: 'Create type' }).click();
  await expect(page).toHaveURL(/\/data\/types\/service_ticket$/);
  await expect(page.getByRole('heading', { name: 'Service ticket', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Data' }).getByRole('link', { name: /Service tickets/ })).toBeVisible();

  // An account to link to, created through the form.
  await page.getByRole('navigation', { name: 'Data' }).getByRole('link', { name: /Accounts/ }).click();
  await page.getByRole('link', { name: 'New account' }).first().click();
  let panel = page.getByRole('dialog');
  await panel.getByLabel('Name').fill('Zebra Utilities E2E');
  await panel.getByLabel('Customer number').fill('E2E-1');
  await panel.getByRole('button', { name: 'Create account' }).click();
  await expect(panel).toBeHidden();

  // Tickets through the form; the account is picked by searching for it.
  await page.getByRole('navigation', { name: 'Data' }).getByRole('link', { name: /Service tickets/ }).click();
  await expect(page.getByRole('heading', { name: 'No service tickets yet' })).toBeVisible();
  const tickets = [
    { name: 'Meter reads zero', priority: 'High', estimate: '8', due: '2026-06-01', budget: '120', urgent: true },
    { name: 'Change of address', priority: 'Low', estimate: '1', due: '2026-07-15', budget: '', urgent: false },
    { name: 'Solar panel inspection', priority: 'Normal', estimate: '24', due: '2026-05-20', budget: '480.5', urgent: false },
  ];
  for (const t of tickets) {
    await page.getByRole('link', { name: 'New service ticket' }).first().click();
    panel = page.getByRole('dialog');
    await panel.getByLabel('Name').fill(t.name);
    await panel.getByLabel('Priority').selectOption({ label: t.priority });
    await panel.getByLabel('Estimate hours').fill(t.estimate);
    await panel.getByLabel('Due').fill(t.due);
    if (t.budget) await panel.getByLabel('Budget').fill(t.budget);
    if (t.urgent) await panel.getByLabel('Urgent').check();
    const picker = panel.getByRole('combobox', { name: 'Account' });
    await picker.fill('Zebra');
    await page.getByRole('option', { name: /Zebra Utilities E2E/ }).click();
    await expect(panel.getByRole('list', { name: 'Linked account' })).toContainText('Zebra Utilities E2E');
    if (t === tickets[0]) await page.screenshot({ path: `${SHOTS}/portico-data-record-form.png` });
    await panel.getByRole('button', { name: 'Create service ticket' }).click();
    await expect(panel).toBeHidden();
  }
  await expect(tableRows(page)).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Showing 3 service tickets' })).toBeVisible();
  await expect(tableRows(page).first()).toContainText('Zebra Utilities E2E');

  // Sorting by a header: ascending, then descending.
  await page.getByRole('button', { name: /^Estimate hours/ }).click();
  await expect.poll(() => firstCells(page)).toEqual(['Change of address', 'Meter reads zero', 'Solar panel inspection']);
  await page.getByRole('button', { name: /^Estimate hours/ }).click();
  await expect.poll(() => firstCells(page)).toEqual(['Solar panel inspection', 'Meter reads zero', 'Change of address']);
  await expect(page.getByRole('columnheader', { name: /Estimate hours/ })).toHaveAttribute('aria-sort', 'descending');

  // Filtering: priority is High; then the search box.
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByLabel('Filter 1: field').selectOption({ label: 'Priority' });
  await expect(page.getByLabel('Filter 1: condition')).toHaveValue('eq');
  await page.getByLabel('Filter 1: value').selectOption({ label: 'High' });
  await expect.poll(() => firstCells(page)).toEqual(['Meter reads zero']);
  await page.getByLabel('Filter 1: condition').selectOption({ label: 'is not' });
  await expect.poll(() => firstCells(page)).toEqual(['Solar panel inspection', 'Change of address']);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByLabel('Search service tickets').fill('panel');
  await expect.poll(() => firstCells(page)).toEqual(['Solar panel inspection']);
  await page.getByLabel('Search service tickets').fill('');
  await expect(tableRows(page)).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/portico-data-records.png` });

  // Editing: an estimate above the maximum is refused by the server, next to that field.
  await page.getByRole('link', { name: 'Meter reads zero' }).click();
  panel = page.getByRole('dialog');
  await expect(panel.getByLabel('Estimate hours')).toHaveValue('8');
  await expect(panel.getByRole('list', { name: 'Linked account' })).toContainText('Zebra Utilities E2E');
  await panel.getByLabel('Estimate hours').fill('500');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  const estimateField = panel.locator('.field').filter({ has: page.getByLabel('Estimate hours') });
  await expect(estimateField.locator('.field__error')).toHaveText(/at most 100/i);
  await expect(panel.getByLabel('Estimate hours')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/portico-data-record-error.png` });
  await panel.getByLabel('Estimate hours').fill('12');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel).toBeHidden();
  await expect(tableRows(page).filter({ hasText: 'Meter reads zero' })).toContainText('Zebra Utilities E2E');

  // Import: a file with one bad row is refused as a whole, with a report.
  const csv = (rows: string[]) => Buffer.from(['name,priority,estimateHours,due,budget', ...rows].join('\n') + '\n');
  await page.getByRole('button', { name: 'Import' }).click();
  let dialog = page.getByRole('dialog', { name: 'Import service tickets' });
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'tickets.csv',
    mimeType: 'text/csv',
    buffer: csv(['Gas smell reported,high,2,2026-08-01,40 EUR', 'Late invoice,someday,3,2026-08-02,', 'Meter swap,normal,5,2026-08-03,90']),
  });
  await expect(dialog.getByText('tickets.csv')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('Nothing was imported from tickets.csv.')).toBeVisible();
  const report = dialog.getByRole('table');
  await expect(report.getByRole('row')).toHaveCount(2);
  await expect(report.getByRole('row').nth(1)).toContainText('3');
  await expect(report.getByRole('row').nth(1)).toContainText('priority');
  await page.screenshot({ path: `${SHOTS}/portico-data-import-report.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(tableRows(page)).toHaveCount(3);

  // A good file imports.
  await page.getByRole('button', { name: 'Import' }).click();
  dialog = page.getByRole('dialog', { name: 'Import service tickets' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'tickets.csv', mimeType: 'text/csv', buffer: csv(['Gas smell reported,high,2,2026-08-01,40 EUR', 'Meter swap,normal,5,2026-08-03,90']) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('Imported 2 service tickets')).toBeVisible();
  await expect(dialog.getByText('2 created, 0 updated.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(tableRows(page)).toHaveCount(5);
  await expect(page.getByRole('navigation', { name: 'Data' }).getByRole('link', { name: /Service tickets/ })).toContainText('5');

  // What the server holds agrees with the screen.
  const apiClient = await adminApi(request, baseURL!);
  const listed = await apiClient.call<{ items: { title: string; data: Record<string, unknown> }[] }>('records.list', { type: 'service_ticket', sort: [{ field: 'name', dir: 'asc' }] }, 'query');
  expect(listed.items.map((r) => r.title)).toEqual(['Change of address', 'Gas smell reported', 'Meter reads zero', 'Meter swap', 'Solar panel inspection']);
  expect(listed.items.find((r) => r.title === 'Meter reads zero')?.data).toMatchObject({ estimateHours: 12, priority: 'high', urgent: true, budget: { amount: 120, currency: 'EUR' } });
  expect(errors).toEqual([]);
});
