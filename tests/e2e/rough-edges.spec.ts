/**
 * Issue 17, finding 5: the rough edges a new user met in the workbench, one test each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { RecordPage } from './pages/record-page';

test.describe('rough edges', () => {
  test('the details pane follows the page: no cell editor left on Frameworks, the clicked case on every page', async ({ workbench }) => {
    await workbench.open();
    await workbench.cell('Kazakhstan', 'Diffusion').click();
    await expect(workbench.editor.root).toBeVisible();

    // Frameworks has no cells: the editor of the cell selected on the matrix does not stay beside it.
    await workbench.viewItem('Frameworks').click();
    await expect(workbench.editor.root).toHaveCount(0);
    await expect(workbench.details).not.toContainText('Select a cell in the matrix');

    const caseEditor = workbench.details.getByTestId('case-editor');
    const record = new RecordPage(workbench);
    for (const page of ['Frameworks', 'Sources', 'Search', 'Participants', 'Codebook', 'Claims', 'Observation', 'Regional context', 'Indicators', 'Verification'] as const) {
      await workbench.viewItem(page).click();
      await workbench.caseItem('Belarus').click();
      await expect(caseEditor, `the case profile on ${page}`).toBeVisible();
      await expect(caseEditor.getByRole('heading', { level: 2 })).toHaveText('Belarus');
      await expect(workbench.viewItem(page)).toHaveAttribute('aria-current', 'page');
    }

    // Choosing something on the page brings that page's own details back.
    await record.go('Claims');
    await workbench.caseItem('Kazakhstan').click();
    await expect(caseEditor.getByRole('heading', { level: 2 })).toHaveText(/^Kazakhstan/);
    await record.register.getByRole('row').nth(1).click();
    await expect(caseEditor).toHaveCount(0);
    await expect(record.card).toBeVisible();
  });
});

test('Enter on a cell starts at its Status, the first field of the assessment; F2 and a double click go to its Summary', async ({ workbench, page }) => {
  await workbench.open();
  const cell = workbench.cell('Belarus', 'Acceptance');
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(workbench.editor.status).toBeFocused();
  // From Status the fields follow in reading order.
  await page.keyboard.press('Tab');
  await expect(workbench.editor.periodFrom).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cell).toBeFocused();

  await page.keyboard.press('F2');
  await expect(workbench.editor.summary).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cell).toBeFocused();

  await workbench.cell('Belarus', 'Diffusion').dblclick();
  await expect(workbench.editor.summary).toBeFocused();
  await expect(page.getByText('Enter edits the status · F2 the summary')).toBeVisible();
});

test('"No data" is marked by a round hatched mark, not by an empty square like an unticked check box', async ({ workbench }) => {
  await workbench.open();
  const mark = workbench.cell('Belarus', 'Reconstitution').locator('.swatch');
  await expect(workbench.cell('Belarus', 'Reconstitution')).toHaveText('No data');
  await expect(mark).toHaveCSS('border-radius', '50%');
  await expect(mark).toHaveCSS('background-image', /repeating-linear-gradient/);
  await workbench.cell('Belarus', 'Reconstitution').screenshot({ path: 'docs/screenshots/no-data-cell.png' });
});

test('the CSV preview marks the bad row in the table of first rows, with its problem', async ({ workbench, app }) => {
  const record = new RecordPage(workbench);
  await workbench.open();
  const file = path.join(app.workDir, 'elections.csv');
  fs.writeFileSync(file, ['case,date,type,label', 'KAZ,2027-03-15,parliamentary,test row one', 'BLR,2027-05-01,presidentail,misspelt type', 'Belarus,2028,presidential,test row three', ''].join('\n'));
  await record.go('Observation');
  await record.openImport();
  await record.previewCsv('Elections', file);
  const rows = record.importDialog.getByRole('table', { name: 'First rows' }).getByRole('row');
  const bad = rows.filter({ hasText: 'misspelt type' });
  await expect(bad).toHaveAttribute('data-problem', 'true');
  await expect(bad.getByRole('cell').first()).toHaveAccessibleName(/^3 ?, has a problem: .*presidentail/);
  await expect(rows.filter({ hasText: 'test row one' })).not.toHaveAttribute('data-problem', 'true');
  await record.importDialog.screenshot({ path: 'docs/screenshots/csv-preview-bad-row.png' });
});

test('the claims register uses the height it has, and its filter shows its whole placeholder', async ({ workbench, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const record = new RecordPage(workbench);
  await workbench.open();
  await record.go('Claims');
  const centre = page.getByTestId('page-centre');
  const scroll = page.getByTestId('claims-register-scroll');
  const rows = record.register.locator('[role="row"][data-index]');
  await expect(rows).toHaveCount(7);
  // With no claim chosen the register is the page: every one of the sample's seven claims is in view.
  const centreBox = (await centre.boundingBox())!;
  const scrollBox = (await scroll.boundingBox())!;
  expect(scrollBox.height).toBeGreaterThan(centreBox.height * 0.6);
  for (const row of await rows.all()) await expect(row).toBeInViewport({ ratio: 1 });

  const filter = page.getByRole('searchbox', { name: 'Filter claims by text' });
  const fits = await filter.evaluate((element) => {
    const input = element as unknown as { placeholder: string; clientWidth: number; ownerDocument: { createElement(tag: string): { getContext(kind: string): { font: string; measureText(text: string): { width: number } } } } };
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { font: string; paddingLeft: string; paddingRight: string } }).getComputedStyle(element);
    const context = input.ownerDocument.createElement('canvas').getContext('2d');
    context.font = style.font;
    return context.measureText(input.placeholder).width <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  expect(fits, 'the whole placeholder is visible').toBe(true);
  // The verification words ("verified externally") are not cut off.
  const clipped = await record.register.locator('[role="row"][data-index] > [role="gridcell"]:last-child').evaluateAll((cells) =>
    cells.filter((cell) => (cell as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth > (cell as unknown as { clientWidth: number }).clientWidth).length,
  );
  expect(clipped).toBe(0);

  // A chosen claim shares the height with its comparison card, the register keeping at least a few rows.
  await rows.nth(1).click();
  await expect(record.card).toBeVisible();
  expect((await scroll.boundingBox())!.height).toBeGreaterThan(150);
});

test('the observation timeline keeps the marks of close elections apart at 1280×720', async ({ workbench, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const record = new RecordPage(workbench);
  await workbench.open();
  await record.go('Observation');
  const marks = page.getByTestId('election-mark');
  await expect(marks.first()).toBeVisible();
  const boxes = (await Promise.all((await marks.all()).map((m) => m.boundingBox()))).filter((b) => b !== null);
  // Marks of one case share a row; in each row no mark may cover another.
  const rows = new Map<number, { x: number; width: number }[]>();
  for (const b of boxes) rows.set(Math.round(b.y), [...(rows.get(Math.round(b.y)) ?? []), b]);
  const overlaps: string[] = [];
  for (const [y, row] of rows) {
    row.sort((a, b) => a.x - b.x);
    for (let i = 1; i < row.length; i++) if (row[i]!.x < row[i - 1]!.x + row[i - 1]!.width - 0.5) overlaps.push(`row ${y}: ${row[i - 1]!.x}…${row[i]!.x}`);
  }
  expect(overlaps).toEqual([]);
  await workbench.screenshot('observation-timeline-1280.png');
});
