import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './support/web-app';

const CLI = path.join(REPO_ROOT, 'bin', 'comparanda.cjs');

/** A tmpfs holding a copy of the sample, remounted read-only: a write-protected USB stick, as far as the app can tell. */
function readOnlyStick(): { file: string; remove: () => void } | { skip: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-e2e-stick-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    return { skip: `mounting a tmpfs is not possible here (${(error as Error).message.split('\n')[0]})` };
  }
  const file = path.join(dir, 'Stick.comparanda');
  execFileSync(process.execPath, [CLI, 'sample', '--out', file], { cwd: REPO_ROOT, stdio: 'pipe' });
  execFileSync('mount', ['-o', 'remount,ro', dir]);
  return {
    file,
    remove: () => {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('a project on a read-only drive is offered read-only; the banner says why', async ({ workbench, page }) => {
  const stick = readOnlyStick();
  test.skip('skip' in stick, 'skip' in stick ? stick.skip : '');
  if ('skip' in stick) return;
  try {
    await workbench.open();
    await workbench.closeProject();
    await workbench.openByPath(stick.file);
    await expect(workbench.alert).toContainText('cannot be written (the file, its folder or the drive is read-only)');
    await workbench.alert.getByRole('button', { name: 'Open read-only' }).click();
    await workbench.matrixReady();
    await expect(page.getByTestId('readonly-banner')).toContainText('cannot be written where it is (a write-protected USB stick');
    await workbench.cell('Belarus', 'Diffusion').click();
    await expect(workbench.editor.summary).toBeDisabled();
    await workbench.closeProject();
  } finally {
    stick.remove();
  }
});
