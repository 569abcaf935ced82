import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AuditExportDialog, NewProjectDialog, ProjectMenu, RestoreDialog, SafetyPanel, UnlockScreen } from './pages/safety-page';
import { SCREENSHOT_DIR } from './pages/workbench-page';
import { REPO_ROOT, startWebApp } from './support/web-app';

const CLI = path.join(REPO_ROOT, 'bin', 'comparanda.cjs');
const PASSPHRASE = 'steppe wind carries ballots';

/** An encrypted copy of the sample, made with the command line as a researcher would before travelling. */
function encryptedSample(folder: string): string {
  const plain = path.join(folder, 'plain.comparanda');
  const encrypted = path.join(folder, 'Fieldwork (encrypted).comparanda');
  const passphraseFile = path.join(folder, 'passphrase.txt');
  fs.writeFileSync(passphraseFile, PASSPHRASE);
  execFileSync(process.execPath, [CLI, 'sample', '--out', plain], { cwd: REPO_ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, [CLI, 'encrypt', plain, '--out', encrypted, '--new-passphrase-file', passphraseFile], { cwd: REPO_ROOT, stdio: 'pipe' });
  fs.rmSync(passphraseFile);
  return encrypted;
}

test.describe('fieldwork safety', () => {
  test('an encrypted project asks for its passphrase: wrong one said plainly, right one opens it', async ({ workbench, page, app }) => {
    const file = encryptedSample(app.workDir);
    await workbench.open();
    const unlock = new UnlockScreen(page);

    // The address Electron loads for an encrypted project opened from the menu: the page asks for the passphrase.
    await page.goto(`${app.url}?unlock=${encodeURIComponent(file)}`);
    await expect(unlock.title).toHaveText('Unlock “Fieldwork (encrypted).comparanda”');
    await unlock.backButton.click();
    await workbench.matrixReady();

    // From the empty state, by path.
    await workbench.closeProject();
    await workbench.openByPath(file);
    await expect(unlock.root).toBeVisible();
    await expect(unlock.passphrase).toBeFocused();
    await expect(unlock.passphrase).toHaveAttribute('type', 'password');

    await unlock.unlock('steppe wind carries ballot boxes');
    await expect(unlock.message).toContainText('The passphrase does not open');
    await expect(unlock.passphrase).toHaveAttribute('aria-invalid', 'true');
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'unlock.png'), animations: 'disabled', caret: 'hide' });
    await unlock.showToggle.click();
    await expect(unlock.passphrase).toHaveAttribute('type', 'text');
    await unlock.passphrase.fill(PASSPHRASE);
    await expect(unlock.message).toHaveCount(0);
    await page.keyboard.press('Enter');

    await workbench.matrixReady();
    await expect(workbench.projectFile).toHaveText('Fieldwork (encrypted).comparanda');
    const menu = new ProjectMenu(page);
    await expect(menu.encryptedBadge).toHaveText('Encrypted');
    const panel = new SafetyPanel(page);
    await panel.open(menu);
    await expect(panel.encryption).toContainText('Encrypted at rest.');
    await expect(panel.root.getByRole('button', { name: 'Change passphrase…' })).toBeEnabled();
    // The address no longer asks: a reload stays on the open project.
    expect(new URL(page.url()).searchParams.has('unlock')).toBe(false);
  });

  test('backups: back up now adds one; a snapshot is restored into a new file, never over the open project', async ({ workbench, page, app }) => {
    await workbench.open();
    const menu = new ProjectMenu(page);
    const panel = new SafetyPanel(page);
    await panel.open(menu);
    await expect(panel.encryption).toContainText('Not encrypted.');
    // The snapshot taken on opening comes a few seconds after the first screen; "Back up now" adds one at once.
    await panel.backUpNow.click();
    const manual = panel.backupRows.filter({ hasText: 'Backed up by hand' });
    await expect(manual).toHaveCount(1);

    await panel.checkButton.click();
    await expect(panel.checkReport).toContainText('No problems found');
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'backups.png'), animations: 'disabled', caret: 'hide' });

    await manual.getByRole('button', { name: 'Restore into a new file…' }).click();
    const restore = new RestoreDialog(page);
    await expect(restore.root).toBeVisible();
    // The open project's own file is refused before anything is written.
    await restore.path.fill(await workbench.projectPath());
    await expect(restore.root).toContainText('never over the open project');
    await expect(restore.restoreButton).toBeDisabled();

    const target = path.join(app.workDir, 'restored.comparanda');
    await restore.path.fill(target);
    await restore.restoreButton.click();
    await expect(restore.done).toHaveText(`Restored to ${target}`);
    expect(fs.statSync(target).size).toBeGreaterThan(0);
    // The restored file is a project of its own, with the sample's cases.
    const info = execFileSync(process.execPath, [CLI, 'info', target, '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect((JSON.parse(info) as { counts: { cases: number } }).counts.cases).toBe(2);
  });

  test('the audit trail is saved as a CSV file where the researcher chooses', async ({ workbench, page, app }) => {
    await workbench.open();
    // One change, so that the trail has an entry.
    await workbench.apiResult('claims.save', { claimant: 'a CEC member', statement: 'The observers were lenient with Belarus.' });
    const panel = new SafetyPanel(page);
    await panel.open(new ProjectMenu(page));
    await panel.exportAudit.click();
    const dialog = new AuditExportDialog(page);
    await expect(dialog.root).toBeVisible();
    // Proposed beside the project, named after it.
    await expect(dialog.path).toHaveValue(/audit trail .*\.csv$/);
    const out = path.join(app.workDir, 'trail.csv');
    await dialog.path.fill(out);
    await dialog.exportButton.click();
    await expect(dialog.result).toHaveText(`Wrote ${out}`);
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'audit-export.png'), animations: 'disabled', caret: 'hide' });
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('id,at,action,table,row,before,after');
    expect(csv).toContain('The observers were lenient with Belarus.');
  });

  test('a new project can be encrypted from the start: the passphrase twice, at least 10 characters', async ({ workbench, page, app }) => {
    await workbench.open();
    await workbench.closeProject();
    const dialog = new NewProjectDialog(page);
    await dialog.open();
    await dialog.title.fill('Almaty interviews');
    // Named after the title, in Documents/Comparanda (HOME is the test's folder), not beside the last project.
    const created = path.join(app.workDir, 'Documents', 'Comparanda', 'Almaty interviews.comparanda');
    await expect(dialog.file).toHaveValue(created);
    await dialog.encrypt.check();
    await expect(dialog.root).toContainText('There is no recovery.');
    await dialog.passphrase.fill('too short');
    await expect(dialog.root).toContainText('Too short: at least 10 characters.');
    await dialog.repeat.fill('too short');
    await dialog.createButton.click();
    await expect(dialog.root).toContainText('Use a passphrase of at least 10 characters (several words are best).');
    await dialog.passphrase.fill('apricot tram lantern winter');
    await expect(dialog.root).toContainText('Strong: 4 words.');
    await dialog.repeat.fill('apricot tram lantern winter');
    await dialog.createButton.click();

    await expect(workbench.projectTitle).toHaveText('Almaty interviews');
    await expect(new ProjectMenu(page).encryptedBadge).toBeVisible();
    expect(fs.readFileSync(created).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  test('a project open in another process is offered read-only; the banner says what that means', async ({ workbench, page }) => {
    await workbench.open();
    const file = await workbench.projectPath();
    // A second Comparanda process (another window, another user of a shared folder) tries the same file.
    const other = await startWebApp();
    try {
      await workbench.signIn(other);
      await workbench.matrixReady();
      await workbench.closeProject();
      await workbench.openByPath(file);
      await expect(workbench.alert).toContainText('is already open in another Comparanda window or process');
      await workbench.alert.getByRole('button', { name: 'Open read-only' }).click();
      await workbench.matrixReady();
      await expect(page.getByTestId('readonly-banner')).toContainText('Read-only — this project is open in another window');
      await expect(workbench.titleBar.getByText('Read-only', { exact: true })).toBeVisible();
      // The cell's fields show its assessment but take no edits.
      await workbench.cell('Belarus', 'Diffusion').click();
      await expect(workbench.editor.summary).toBeDisabled();
    } finally {
      await other.stop();
    }
  });
});
