/**
 * Issue 17 finding 5: the claims register with thousands of claims draws only the rows in view, still tells
 * assistive technology how many there are and where each row is, reaches the last claim by scrolling and by the
 * keyboard, and has columns that can be resized by mouse or keyboard and are remembered for the project.
 * The claims are made by the command line's CSV import, as a researcher with a spreadsheet would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cli } from '../helpers/cli';
import { RecordPage } from './pages/record-page';
import { WorkbenchPage } from './pages/workbench-page';
import { startWebApp, type WebApp } from './support/web-app';

const MANY = 5000;
let dir: string;
let file: string;
let total: number;
let app: WebApp;

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-e2e-claims-'));
  file = path.join(dir, 'many-claims.comparanda');
  expect(cli(['sample', '--out', file], dir).code).toBe(0);
  const lines = ['claimant,date,statement,statement_kind,focal_case,comparator_cases,assessment,verification'];
  for (let i = 1; i <= MANY; i++) {
    const n = String(i).padStart(4, '0');
    lines.push(`Claimant ${n},2012-01-${String((i % 28) + 1).padStart(2, '0')},"Observers judged Belarus more leniently than Kazakhstan, claim ${n}.",paraphrase,KAZ,BLR,undetermined,unverified`);
  }
  fs.writeFileSync(path.join(dir, 'claims.csv'), `${lines.join('\n')}\n`);
  const imported = cli(['import', file, '--from', 'csv', '--kind', 'claims', path.join(dir, 'claims.csv')], dir);
  expect(imported.code, imported.stderr).toBe(0);
  const info = cli(['info', file, '--json'], dir);
  total = (JSON.parse(info.stdout) as { counts: { claims: number } }).counts.claims;
  expect(total).toBeGreaterThanOrEqual(MANY);
});

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.beforeEach(async () => {
  app = await startWebApp({ file });
});

test.afterEach(async () => {
  await app.stop();
});

async function openRegister(workbench: WorkbenchPage): Promise<RecordPage> {
  const record = new RecordPage(workbench);
  await workbench.open();
  await record.go('Claims');
  await expect(record.register.locator('[role="row"][data-index]').first()).toBeVisible();
  return record;
}

test('draws only the rows in view of 5,000 claims, announces them all, and reaches the last by scrolling and by End', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const record = await openRegister(new WorkbenchPage(page, app));
  const rows = record.register.locator('[role="row"][data-index]');
  await expect(page.getByRole('status').filter({ hasText: /claims$/ })).toHaveText(`${total.toLocaleString('en-GB')} claims`);
  await expect(record.register).toHaveAttribute('aria-rowcount', String(total + 1));
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(60);
  await page.screenshot({ path: testInfo.outputPath('claims-register-1280x720.png') });

  // Scrolled to the bottom: the last claim is drawn, in view, and knows its place in the whole register.
  const scroll = page.getByTestId('claims-register-scroll');
  await scroll.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  const last = record.register.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
  await expect(last).toBeInViewport();
  expect(await rows.count()).toBeLessThan(60);

  // From the keyboard: Home goes to the first claim, End to the last, both focused and selected.
  await scroll.evaluate((element) => {
    element.scrollTop = 0;
  });
  await rows.first().click();
  await page.keyboard.press('End');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(record.register.locator(`[role="row"][aria-rowindex="${total}"]`)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(record.register.locator('[role="row"][aria-rowindex="2"]')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(record.register.locator('[role="row"][aria-rowindex="2"]')).not.toHaveAttribute('aria-selected', 'true');

  // The filter narrows 5,000 to one.
  await page.getByRole('searchbox', { name: 'Filter claims by text' }).fill('claim 4321.');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Claimant 4321');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('searchbox', { name: 'Filter claims by text' }).fill('');
  await rows.nth(2).click();
  await expect(record.card).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('claims-register-1440x900.png') });
});

test('a column is resized from the keyboard and by dragging, kept after a reload, and reset', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const workbench = new WorkbenchPage(page, app);
  const record = await openRegister(workbench);
  const header = record.register.getByRole('columnheader', { name: 'Claimant' });
  const separator = page.getByRole('separator', { name: 'Width of the Claimant column' });
  const width = async () => Math.round((await header.boundingBox())!.width);

  // Before any change the columns share the register's width (the claim's text taking what is left).
  await expect(separator).toHaveAttribute('aria-valuemin', '56');
  const initial = Number(await separator.getAttribute('aria-valuenow'));
  const dateSeparator = page.getByRole('separator', { name: 'Width of the Date column' });
  const dateInitial = Number(await dateSeparator.getAttribute('aria-valuenow'));
  const scroll = page.getByTestId('claims-register-scroll');
  expect(await scroll.evaluate((e) => e.scrollWidth <= e.clientWidth), 'all seven columns fit before any is widened').toBe(true);
  expect(await width()).toBe(initial);
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', String(initial + 16 * 2 + 64));
  expect(await width()).toBe(initial + 96);
  // The cells follow their header.
  const cell = record.register.locator('[role="row"][data-index]').first().getByRole('gridcell').first();
  expect(Math.round((await cell.boundingBox())!.width)).toBe(initial + 96);
  await page.keyboard.press('ArrowLeft');
  const keyed = String(initial + 80);
  await expect(separator).toHaveAttribute('aria-valuenow', keyed);

  // By mouse: the date column's edge dragged 50 px to the right.
  const dateBefore = Number(await dateSeparator.getAttribute('aria-valuenow'));
  const box = (await dateSeparator.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 25, box.y + box.height / 2, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2 + 50, box.y + box.height / 2, { steps: 3 });
  await page.mouse.up();
  const dragged = String(dateBefore + 50);
  await expect(dateSeparator).toHaveAttribute('aria-valuenow', dragged);
  await page.screenshot({ path: testInfo.outputPath('claims-register-resized.png') });

  // Remembered for this project: the same widths after a reload.
  await page.reload();
  await workbench.signIn();
  await record.go('Claims');
  await expect(separator).toHaveAttribute('aria-valuenow', keyed);
  await expect(dateSeparator).toHaveAttribute('aria-valuenow', dragged);
  expect(await width()).toBe(initial + 80);

  await page.getByRole('button', { name: 'Reset column widths' }).click();
  await expect(separator).toHaveAttribute('aria-valuenow', String(initial));
  await expect(dateSeparator).toHaveAttribute('aria-valuenow', String(dateInitial));
  await expect(page.getByRole('button', { name: 'Reset column widths' })).toHaveCount(0);
  await page.reload();
  await workbench.signIn();
  await record.go('Claims');
  await expect(separator).toHaveAttribute('aria-valuenow', String(initial));

  // In Russian: the headers, the separators' names and the count, with Russian plurals.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(page.getByRole('separator', { name: 'Ширина столбца «Автор утверждения»' })).toHaveAttribute('aria-valuenow', /\d+/);
  await expect(record.register).toHaveAttribute('aria-label', 'Реестр утверждений');
  await expect(page.getByRole('status').filter({ hasText: /утвержден/ })).toHaveText(`${new Intl.NumberFormat('ru-RU').format(total)} ${({ one: 'утверждение', few: 'утверждения', many: 'утверждений' } as Record<string, string>)[new Intl.PluralRules('ru-RU').select(total)]}`);
  await page.screenshot({ path: testInfo.outputPath('claims-register-ru-1280x720.png') });
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('');
});
