import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { updateCell } from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { initHub } from '../../electron/core/team/hub/hub';
import { startCluster, type Cluster } from '../helpers/postgres';
import { ProjectMenu, SafetyPanel } from './pages/safety-page';
import { SCREENSHOT_DIR, WorkbenchPage } from './pages/workbench-page';
import { REPO_ROOT, startWebApp, type WebApp } from './support/web-app';

const CLI = path.join(REPO_ROOT, 'bin', 'comparanda.cjs');

let cluster: Cluster;
test.beforeAll(async () => {
  test.setTimeout(60_000);
  cluster = await startCluster();
  for (const role of ['alice', 'bob']) await cluster.sql(`CREATE ROLE ${role} LOGIN`);
  await initHub({ url: cluster.url() });
});
test.afterAll(() => cluster?.destroy());

function run(args: string[], cwd: string): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, COMPARANDA_USER_DATA: path.join(cwd, '.user-data') } });
}

function editSummary(file: string, summary: string): void {
  const p = Project.open(file);
  try {
    const cell = p.cells().find((c) => c.summary !== '')!;
    updateCell(p, { caseId: cell.caseId, normId: cell.normId, stageId: cell.stageId, patch: { summary } });
  } finally {
    p.close();
  }
}

test('the Team section syncs now and reviews a conflict: keep one version, and the list is empty', async ({ page }) => {
  // A team of two is made with the command line first (a hub, create, join, an edit on each, a sync): slow on a busy machine.
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-team-e2e-'));
  let app: WebApp | undefined;
  try {
    run(['sample', '--out', 'a.comparanda'], dir);
    const { teamId } = JSON.parse(run(['team', 'create', 'a.comparanda', '--hub', cluster.url('alice'), '--key-out', 'team.key', '--json'], dir)) as { teamId: string };
    run(['team', 'join', '--hub', cluster.url('bob'), '--team', teamId, '--key-file', 'team.key', '--out', 'b.comparanda'], dir);
    editSummary(path.join(dir, 'a.comparanda'), 'Alice: commissions staffed by loyalists, as the final report says.');
    editSummary(path.join(dir, 'b.comparanda'), 'Bob: commissions staffed by loyalists; interview B-07 adds the akimat’s role.');
    run(['sync', 'a.comparanda'], dir);

    app = await startWebApp({ file: path.join(dir, 'b.comparanda') });
    const workbench = new WorkbenchPage(page, app);
    await workbench.open();
    const panel = new SafetyPanel(page);
    await panel.open(new ProjectMenu(page));
    const team = page.getByTestId('team-section');
    await expect(team).toContainText(teamId);
    await expect(page.getByTestId('team-last-sync')).not.toHaveText('Never');
    // The app syncs by itself a few seconds after opening; Sync now may find that it already brought Alice's edit.
    await team.getByRole('button', { name: 'Sync now' }).click();
    await expect(team.getByRole('status').filter({ hasText: /^Sent/ })).toContainText(/Sent \d+ changes?, received \d+ changes?\./);
    await expect(team).toContainText('bob (this copy)');
    const conflicts = page.getByTestId('team-conflicts');
    await expect(conflicts.locator('li')).toHaveCount(1);
    await expect(conflicts).toContainText('Alice: commissions');
    await expect(conflicts).toContainText('Bob: commissions');
    await team.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'team-conflicts.png'), animations: 'disabled', caret: 'hide' });

    await conflicts.getByRole('button', { name: 'Keep this' }).last().click();
    await expect(team).toContainText('No conflicts');
  } finally {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a team project syncs by itself after opening, says so in the title bar, and can be switched to manual', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-team-auto-e2e-'));
  let app: WebApp | undefined;
  try {
    run(['sample', '--out', 'a.comparanda'], dir);
    const { teamId } = JSON.parse(run(['team', 'create', 'a.comparanda', '--hub', cluster.url('alice'), '--key-out', 'team.key', '--json'], dir)) as { teamId: string };
    run(['team', 'join', '--hub', cluster.url('bob'), '--team', teamId, '--key-file', 'team.key', '--out', 'b.comparanda'], dir);
    editSummary(path.join(dir, 'a.comparanda'), 'Alice, from the field: the commission chair was replaced in March.');
    run(['sync', 'a.comparanda'], dir);

    app = await startWebApp({ file: path.join(dir, 'b.comparanda') });
    const workbench = new WorkbenchPage(page, app);
    await workbench.open();
    // Nobody presses anything: the automatic sync after opening brings Alice's edit into the matrix.
    const badge = page.getByTestId('team-sync-badge');
    await expect(badge).toContainText(/Synced \d/, { timeout: 30_000 });
    await expect(page.getByText('Alice, from the field: the commission chair was replaced in March.').first()).toBeVisible({ timeout: 30_000 });

    const panel = new SafetyPanel(page);
    await panel.open(new ProjectMenu(page));
    const team = page.getByTestId('team-section');
    const auto = team.getByRole('checkbox', { name: /Sync automatically/ });
    await expect(auto).toBeChecked();
    await expect(team).toContainText('Next automatic sync at');
    await team.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'team-auto-sync.png'), animations: 'disabled', caret: 'hide' });
    await auto.press('Space');
    await expect(auto).not.toBeChecked();
    await expect(team).toContainText('Automatic sync is off on this computer');
    await expect(badge).toContainText('Sync off');
  } finally {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
