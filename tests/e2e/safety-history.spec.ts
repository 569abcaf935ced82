import path from 'node:path';
import { expect, test } from './fixtures';
import { CellHistory } from './pages/safety-page';
import { SCREENSHOT_DIR } from './pages/workbench-page';

test.describe('cell history', () => {
  test('every edit of a cell is listed; restoring an earlier version changes the matrix (and Undo takes it back)', async ({ workbench, page }) => {
    await workbench.open();
    const cell = workbench.cell('Kazakhstan', 'Acceptance');
    await cell.click();
    const history = new CellHistory(page, workbench.details);
    const editor = workbench.editor;
    await expect(history.root).toBeVisible();

    await editor.summary.fill('First version: observers admitted by the 1995 election law.');
    await workbench.saved();
    await expect(history.entries).toHaveCount(1);
    // Another field in between: the two summary edits stay two steps (typing in one field merges into one).
    await editor.setStatus('Partial');
    await workbench.saved();
    await editor.summary.fill('Second version: admitted, but their access narrowed after 2004.');
    await workbench.saved();
    await expect(history.entries).toHaveCount(3);
    await expect(cell).toContainText('Second version');

    // Newest first; each entry says what changed, before → after.
    await expect(history.entries.first()).toContainText('Current version');
    const first = history.entryChanging('Summary', 'First version');
    await expect(first).toHaveCount(1);
    await expect(history.entryChanging('Status', 'Partial')).toHaveCount(1);
    await history.entries.last().scrollIntoViewIfNeeded();
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cell-history.png'), animations: 'disabled', caret: 'hide' });

    await first.getByRole('button', { name: 'Restore this version' }).click();
    await expect(cell).toContainText('First version');
    await expect(cell).toContainText('Reached');
    await expect(editor.summary).toHaveValue('First version: observers admitted by the 1995 election law.');
    await expect(history.entries).toHaveCount(4);
    await expect(history.entries.first()).toContainText('Restored an earlier version');

    // The restore is an edit like any other: Undo takes it back.
    await workbench.undoButton.click();
    await expect(cell).toContainText('Second version');
  });
});
