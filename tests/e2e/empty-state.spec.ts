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
