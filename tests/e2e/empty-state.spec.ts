import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const SAMPLE_TITLE = 'Kazakhstan & Belarus (sample)';

test.describe('with no project open', () => {
  test('teaches what to do, lists the recent project, and reopens it', async ({ workbench }) => {
    await workbench.open();
    await workbench.closeProject();

    await expect(workbench.emptyState).toContainText('offline workbench for comparative case research');
    await expect(workbench.emptyState).toContainText('Open a project with File › Open, or create one with File › New');
    await expect(workbench.recentProject(SAMPLE_TITLE)).toBeVisible();
    await expect(workbench.recentProject(SAMPLE_TITLE)).toContainText('.comparanda');
    await expect(workbench.matrix).toHaveCount(0);
    await workbench.screenshot('empty-state.png');

    await workbench.recentProject(SAMPLE_TITLE).click();
    await expect(workbench.matrix).toBeVisible();
    await expect(workbench.projectTitle).toHaveText(SAMPLE_TITLE);
    await expect(workbench.cell('Kazakhstan', 'Diffusion')).toContainText('Reached');
  });

  test('shows the empty state after project.close through the API and a reload', async ({ workbench, page }) => {
    await workbench.open();
    const closed = await workbench.callApi('project.close', {});
    expect(closed).toEqual({ status: 200, body: { ok: true, result: null } });

    // The session cookie outlives a reload.
    await page.reload();
    await expect(workbench.emptyState).toBeVisible();
    await expect(workbench.recentProject(SAMPLE_TITLE)).toBeVisible();
  });

  test('a recent project whose file is gone is restored from its newest snapshot, where it was, and opens', async ({ workbench, page }) => {
    await workbench.open();
    const samplePath = await workbench.projectPath();
    await workbench.apiResult('backups.create', {});
    await workbench.closeProject();
    // The file goes (a temporary folder removed, a stick unplugged); its snapshots stay in the backups folder.
    fs.rmSync(samplePath);
    await page.reload();
    const row = page.getByTestId('recent-list').getByRole('listitem').filter({ hasText: SAMPLE_TITLE });
    await expect(row).toContainText('File not found; backups exist');
    await row.getByRole('button', { name: 'Restore from backup…' }).click();
    const dialog = page.getByRole('dialog', { name: `Restore “${SAMPLE_TITLE}”` });
    await expect(dialog.getByRole('radio').first()).toBeChecked();
    await expect(dialog.getByLabel('Restore to')).toHaveValue(samplePath);
    await workbench.screenshot('restore-missing.png');
    await dialog.getByRole('button', { name: 'Restore and open' }).click();
    await expect(workbench.matrix).toBeVisible();
    await expect(workbench.projectTitle).toHaveText(SAMPLE_TITLE);
    expect(fs.existsSync(samplePath)).toBe(true);
  });

  test('opens a file by path, and says calmly why a path cannot be opened', async ({ workbench }) => {
    await workbench.open();
    const current = await workbench.callApi('project.current', {});
    const samplePath = (current.body as { result: { path: string } }).result.path;
    await workbench.closeProject();

    await workbench.openByPath(path.join(workbench.app.workDir, 'nowhere.comparanda'));
    await expect(workbench.alert).toBeVisible();
    await expect(workbench.alert).not.toContainText(/Error:|at .*\.js/);
    await expect(workbench.emptyState).toBeVisible();

    await workbench.openByPath(samplePath);
    await expect(workbench.matrix).toBeVisible();
    await expect(workbench.projectTitle).toHaveText(SAMPLE_TITLE);
  });
});
