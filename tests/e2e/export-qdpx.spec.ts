import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { QdaExportDialog, QdaImportDialog } from './pages/export-page';
import { ProjectMenu } from './pages/safety-page';
import { REPO_ROOT } from './support/web-app';
import { SCREENSHOT_DIR } from './pages/workbench-page';

const ATLAS = path.join(REPO_ROOT, 'tests', 'fixtures', 'refi-qda', 'atlasti-standard-project.qdpx');

test.describe('REFI-QDA exchange', () => {
  test('import an ATLAS.ti project through the mapping step; the report lists what was skipped; export .qdpx', async ({ workbench, page, app }) => {
    await workbench.open();
    const menu = new ProjectMenu(page);
    const importer = new QdaImportDialog(page);

    await menu.choose('Import from NVivo/MAXQDA/ATLAS.ti/QualCoder (.qdpx)…');
    await importer.path.fill(ATLAS);
    await importer.next.click();

    // The mapping step: the file's codes with their coding counts, each optionally sent to a norm stage.
    await expect(importer.mapping).toBeVisible();
    await expect(importer.codeRow('happiness')).toContainText('2');
    await importer.mapCode('happiness', 'Election observation · 3. Reconstitution');
    await expect(importer.mapping.getByRole('status')).toHaveText('1 code mapped');
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'qdpx-mapping.png'), animations: 'disabled', caret: 'hide' });

    await importer.importButton.click();
    await expect(importer.report).toBeVisible({ timeout: 15_000 });
    await expect(importer.report.getByRole('list', { name: 'Imported' })).toContainText(/codes\s*14/);
    // Audio and video sources are not supported: the report says so, by name.
    await expect(importer.skipped).toContainText('“1960s Coca Cola commercial.mp4” (video) skipped');
    await expect(importer.skipped).toContainText('“Jeanine\'s Breakfast.m4a” (audio) skipped');
    await importer.report.getByRole('button', { name: 'Done' }).click();
    await expect(importer.root).toBeHidden();
    const codes = await workbench.apiResult<{ name: string }[]>('codes.list', {});
    expect(codes.map((c) => c.name)).toContain('happiness');

    // And out again, as a .qdpx for another program.
    const exporter = new QdaExportDialog(page);
    await menu.choose('Export as REFI-QDA (.qdpx)…');
    const out = path.join(app.workDir, 'exchange.qdpx');
    await exporter.path.fill(out);
    await exporter.exportButton.click();
    await expect(exporter.result).toContainText(`Wrote ${out}`);
    // A .qdpx is a zip archive.
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
