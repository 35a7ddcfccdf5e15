// The builder end to end, as an admin uses it: create a portal, drag blocks onto a page (into a
// column too), edit props, undo and redo, reorder with the keyboard alone, publish, and see exactly
// that in the runtime; a second browser editing the same draft gets the conflict dialog.
import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import { E2E_ADMIN } from '../../playwright.config';

async function signIn(page: Page): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Portals' })).toBeVisible();
}

/** A pointer drag in small steps, as a person makes it (dnd-kit starts after a few pixels). */
async function drag(page: Page, from: Locator, to: { x: number; y: number }): Promise<void> {
  const box = (await from.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2 + 12, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 25 });
  await page.waitForTimeout(100);
  await page.mouse.move(to.x, to.y + 1, { steps: 2 });
  await page.mouse.up();
}

const paletteItem = (page: Page, label: string) => page.locator('.pl-item').filter({ has: page.locator('.pl-item__label', { hasText: new RegExp(`^${label}$`) }) });
const canvasBlocks = (page: Page) => page.locator('[data-cv-main] > [data-cv-node]');
const topLevelTypes = (page: Page) => canvasBlocks(page).evaluateAll((els) => els.map((e) => e.className.match(/cv-node--([\w-]+)/)![1]));
const savedStatus = (page: Page) => expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'saved', { timeout: 10_000 });

async function center(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

test('an admin builds a page by drag and drop, edits, undoes, reorders by keyboard and publishes it', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);

  await page.getByRole('button', { name: 'New portal' }).click();
  await page.getByLabel('Name').fill('Builder Journey');
  await page.getByRole('button', { name: 'Create portal' }).click();
  await expect(page).toHaveURL(/\/admin\/portals\/[^/]+\/pages$/);
  await expect(canvasBlocks(page)).toHaveCount(1);

  // Start from an empty page: select the blank portal's section in the layers, delete it by key.
  await page.getByRole('tab', { name: 'Layers' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Section' }).first().click();
  await page.keyboard.press('Delete');
  await expect(canvasBlocks(page)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Blocks' }).click();

  // Heading onto the empty page, card after it, columns after the card.
  await drag(page, paletteItem(page, 'Heading'), await center(page.locator('[data-cv-empty][data-parent=""]')));
  await expect(canvasBlocks(page)).toHaveCount(1);
  const headingBox = (await canvasBlocks(page).nth(0).boundingBox())!;
  await drag(page, paletteItem(page, 'Card'), { x: headingBox.x + headingBox.width / 2, y: headingBox.y + headingBox.height - 3 });
  await expect.poll(() => topLevelTypes(page)).toEqual(['heading', 'card']);
  const cardBox = (await canvasBlocks(page).nth(1).boundingBox())!;
  await drag(page, paletteItem(page, 'Columns'), { x: cardBox.x + cardBox.width / 2, y: cardBox.y + cardBox.height - 4 });
  await expect.poll(() => topLevelTypes(page)).toEqual(['heading', 'card', 'columns']);

  // A button into the first column.
  const columnsId = await canvasBlocks(page).nth(2).getAttribute('data-cv-node');
  await drag(page, paletteItem(page, 'Button'), await center(page.locator(`[data-cv-empty][data-parent="${columnsId}"][data-slot="col1"]`)));
  await expect(page.locator(`[data-cv-node="${columnsId}"] [data-cv-node].cv-node--button`)).toHaveCount(1);
  await page.screenshot({ path: '.tmp/screenshots/builder-editor-1440.png' });

  // Edit the heading's text in the inspector.
  await canvasBlocks(page).nth(0).click();
  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await text.fill('Welcome, builders');
  await expect(canvasBlocks(page).nth(0)).toContainText('Welcome, builders');
  await savedStatus(page);

  // Undo and redo: the typing was one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(canvasBlocks(page).nth(0)).not.toContainText('Welcome, builders');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(canvasBlocks(page).nth(0)).toContainText('Welcome, builders');

  // Keyboard only: in the layers, pick the card up with Space, move it up, drop it with Space.
  await page.getByRole('tab', { name: 'Layers' }).click();
  const cardRow = page.getByRole('treeitem').filter({ hasText: 'Card' }).first();
  await cardRow.focus();
  await page.keyboard.press('Space');
  // As a screen-reader user does: move once the pick-up is announced (on a busy machine it can lag the key).
  await expect(page.getByText(/^Picked up Card/)).toBeAttached();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect.poll(() => topLevelTypes(page)).toEqual(['card', 'heading', 'columns']);
  await savedStatus(page);
  await page.screenshot({ path: '.tmp/screenshots/builder-layers-1440.png' });

  // Publish with a note, after the summary.
  await page.getByRole('button', { name: /Publish/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/added/i);
  await dialog.getByLabel(/Note/).fill('First version from the e2e journey');
  await page.screenshot({ path: '.tmp/screenshots/builder-publish-1440.png' });
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText(/Published version 1/)).toBeVisible();

  // The runtime shows exactly that page.
  await page.goto('/p/builder-journey/');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const main = page.locator('main#main');
  const order = await main.locator(':scope > *').evaluateAll((els) => els.map((e) => e.className.split(' ')[0]));
  expect(order).toEqual(['pb-card', 'pb-heading', 'pb-columns']);
  await expect(main.getByRole('heading', { name: 'Welcome, builders' })).toBeVisible();
  await expect(main.locator('.pb-columns__col').first().getByRole('link', { name: /Get started/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a second browser editing the same draft gets the conflict dialog, and nothing is lost', async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.getByRole('button', { name: 'New portal' }).click();
  await page.getByLabel('Name').fill('Conflict Portal');
  await page.getByRole('button', { name: 'Create portal' }).click();
  await expect(page).toHaveURL(/\/pages$/);
  const url = page.url();

  const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const second = await other.newPage();
  await signIn(second);
  await second.goto(url);
  await expect(second.locator('[data-cv-node]').first()).toBeVisible();

  // The second browser changes the page title and saves first.
  await second.getByLabel('Title', { exact: true }).fill('Their title');
  await savedStatus(second);

  // This browser, still on the old revision, edits too: its save is refused, a dialog explains.
  await page.getByLabel('Title', { exact: true }).fill('My title');
  const dialog = page.getByRole('dialog', { name: 'This draft was changed elsewhere' });
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'conflict');
  await dialog.getByRole('button', { name: 'Review differences' }).click();
  await expect(dialog).toContainText('differs');
  await page.screenshot({ path: '.tmp/screenshots/builder-conflict-1440.png' });
  // Overwrite knowingly: my version wins and is saved.
  await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(dialog).toBeHidden();
  await savedStatus(page);

  // Now the second browser is the stale one; it can take the server's version.
  await second.getByLabel('Title', { exact: true }).fill('Their second title');
  const theirs = second.getByRole('dialog', { name: 'This draft was changed elsewhere' });
  await expect(theirs).toBeVisible({ timeout: 10_000 });
  await theirs.getByRole('button', { name: 'Discard mine and reload' }).click();
  await expect(theirs).toBeHidden();
  await expect(second.getByLabel('Title', { exact: true })).toHaveValue('My title');
  await other.close();
});

test('edits made while the server is unreachable survive a reload and are saved when it is back', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.getByRole('button', { name: 'New portal' }).click();
  await page.getByLabel('Name').fill('Offline Portal');
  await page.getByRole('button', { name: 'Create portal' }).click();
  await expect(page).toHaveURL(/\/pages$/);

  // The server goes away for saves (as during a restart): requests fail at the network level.
  const blockSaves = (route: Route) => (route.request().url().includes('saveDraft') ? route.abort('connectionrefused') : route.continue());
  await page.route('**/admin/api/trpc/**', blockSaves);
  await page.getByLabel('Title', { exact: true }).fill('Written offline');
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'offline', { timeout: 10_000 });

  // A reload while offline: the edit comes back from this device.
  await page.reload();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Written offline');
  await expect(page.getByText('Restored your unsaved changes.')).toBeVisible();

  // The server is back: the edit is saved, and a fresh load shows it from the server.
  await page.unroute('**/admin/api/trpc/**', blockSaves);
  await savedStatus(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Written offline');
});
