import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ExportDialog } from './pages/export-page';
import { SCREENSHOT_DIR } from './pages/workbench-page';

test.describe('publication export', () => {
  test('the matrix of the observation norm as PDF: live preview, progress, the file written', async ({ workbench, page, app }) => {
    await workbench.open();
    const dialog = new ExportDialog(page);
    await dialog.openFromTitleBar();

    // By default the dialog exports what the matrix shows: the observation norm, both cases, as a PDF.
    await expect(dialog.kinds.getByRole('radio', { name: /^Matrix/ })).toBeChecked();
    await expect(dialog.norm('International election observation')).toBeChecked();
    await expect(dialog.norm('Free and fair voting procedures (balanced, impartial election commissions)')).not.toBeChecked();
    await expect(dialog.format.getByRole('radio', { name: 'PDF', exact: true })).toHaveAttribute('aria-checked', 'true');

    // The preview is the export's own first page: its caption, in a frame that runs nothing.
    await expect(dialog.preview.locator('iframe')).toHaveAttribute('sandbox', '');
    await expect(dialog.previewFrame.locator('h2.caption').first()).toContainText('International election observation: Kazakhstan and Belarus, stage by stage');
    await dialog.previewSettled();
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'export-dialog.png'), animations: 'disabled', caret: 'hide' });

    // Table notes are lettered by default (Chicago 3.77: apart from the article's footnotes), numbered when asked.
    await expect(dialog.previewFrame.locator('sup.noteref').first()).toHaveText('a');
    await page.getByRole('radiogroup', { name: 'Table notes' }).getByRole('radio', { name: 'Numbers' }).click();
    await expect(dialog.previewFrame.locator('sup.noteref').first()).toHaveText('1');

    // The export language: the preview's caption, labels and notes follow it; Kazakh says its citations are Russian.
    await page.getByRole('combobox', { name: 'Language of headings and notes' }).selectOption('ru');
    await expect(dialog.previewFrame.locator('h2.caption').first()).toContainText('Таблица 1.');
    await expect(dialog.previewFrame.locator('thead')).toContainText('Стадия');
    await dialog.previewSettled();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'export-dialog-russian.png'), animations: 'disabled', caret: 'hide' });
    await page.getByRole('combobox', { name: 'Language of headings and notes' }).selectOption('kk');
    await expect(dialog.previewFrame.locator('h2.caption').first()).toContainText('1-кесте.');
    await expect(page.getByText('Citations use Russian terms: there is no Kazakh citation locale.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Language of headings and notes' }).selectOption('en');

    const out = path.join(app.workDir, 'observation matrix.pdf');
    await dialog.setPath(out);
    await dialog.exportButton.click();
    await expect(dialog.progress).toBeVisible();
    await expect(dialog.progress.getByRole('status')).not.toHaveText('');
    await expect(dialog.result).toBeVisible({ timeout: 20_000 });
    await expect(dialog.result).toContainText(out);
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The browser cannot hand a file to another program: no "Open" here.
    await expect(dialog.result.getByRole('button', { name: 'Open' })).toHaveCount(0);
  });

  test('Ctrl+E opens the dialog; an evidence appendix can be cancelled, and nothing is written', async ({ workbench, page, app }) => {
    await workbench.open();
    const dialog = new ExportDialog(page);
    await dialog.openWithShortcut();
    await dialog.chooseKind('Evidence appendix');
    await dialog.previewSettled();
    const out = path.join(app.workDir, 'appendix.pdf');
    await dialog.setPath(out);
    await dialog.exportButton.click();
    await expect(dialog.progress).toBeVisible();
    // While it runs the choices are locked and the dialog stays open; Cancel stops it.
    await expect(dialog.kinds.getByRole('radio', { name: /^Matrix/ })).toBeDisabled();
    await dialog.cancelExportButton.click();
    await expect(dialog.cancelled).toHaveText('Cancelled. Nothing was written.', { timeout: 15_000 });
    expect(fs.existsSync(out)).toBe(false);
    // The choices are free again.
    await expect(dialog.exportButton).toBeEnabled();
    await page.keyboard.press('Escape');
    await expect(dialog.root).toBeHidden();
  });
});
