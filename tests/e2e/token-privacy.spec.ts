import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import config from '../../playwright.config';
import { Project } from '../../electron/core/project';
import { UnlockScreen } from './pages/safety-page';
import { WorkbenchPage } from './pages/workbench-page';
import { startWebApp } from './support/web-app';

/** Every file under a folder, recursively (a browser profile holds SQLite files, LevelDB logs, JSON and caches). */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

function filesHolding(dir: string, secret: string): string[] {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  return filesUnder(dir)
    .filter((file) => {
      const bytes = fs.readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    })
    .map((file) => path.relative(dir, file));
}

const ARGS = config.use?.launchOptions?.args ?? [];

test.describe('the web transport’s launch token', () => {
  test('leaves no trace in a persistent browser profile (history, sessions, preferences, caches)', async () => {
    const app = await startWebApp();
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-profile-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        args: ARGS,
        viewport: { width: 1440, height: 900 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const workbench = new WorkbenchPage(page, app);
      await workbench.open();
      // Use the app: an edit, a reload (the session survives it) and a second tab.
      await workbench.cell('Belarus', 'Reconstitution').click();
      await workbench.editor.setStatus('Contested');
      await workbench.saved();
      await page.reload();
      await workbench.matrixReady();
      await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Contested');
      const second = await context.newPage();
      await second.goto(app.origin);
      await new WorkbenchPage(second, app).matrixReady();
      const session = (await context.cookies(app.origin)).find((c) => c.name.startsWith('comparanda_session'));
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Strict');
      await context.close();

      expect(filesUnder(profile).length).toBeGreaterThan(20);
      expect(filesHolding(profile, 'Contested').length + filesHolding(profile, app.origin).length, 'the grep finds what the browser kept').toBeGreaterThan(0);
      expect(filesHolding(profile, app.token)).toEqual([]);
      // The session cookie ends with the browser session: it is not written to the profile either.
      expect(filesHolding(profile, session!.value)).toEqual([]);
    } finally {
      await app.stop();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  test('an encrypted project leaves neither its title nor its passphrase in the browser profile or the user-data folder', async () => {
    const app = await startWebApp();
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-profile-'));
    const title = 'Interviews Almaty witness Қазақстан';
    const passphrase = 'steppe wind carries ballots';
    const file = path.join(app.workDir, 'fieldwork.comparanda');
    Project.create(file, { title, passphrase }).close();
    try {
      const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS, viewport: { width: 1440, height: 900 } });
      const page = context.pages()[0] ?? (await context.newPage());
      const workbench = new WorkbenchPage(page, app);
      await workbench.open();
      await workbench.closeProject();
      await workbench.openByPath(file);
      const unlock = new UnlockScreen(page);
      // Shown as text while typed: still not a value the browser keeps for its autofill.
      await unlock.showToggle.click();
      await unlock.unlock(passphrase);
      await expect(workbench.projectTitle).toHaveText(title);
      await page.reload();
      await expect(workbench.projectTitle).toHaveText(title);
      await context.close();

      expect(filesHolding(profile, 'fieldwork').length, 'the grep finds what the browser kept').toBeGreaterThan(0);
      for (const secret of ['Interviews Almaty', 'Қазақстан', passphrase]) {
        expect([secret, filesHolding(profile, secret)]).toEqual([secret, []]);
        expect([secret, filesHolding(app.userDataDir, secret)]).toEqual([secret, []]);
      }
    } finally {
      await app.stop();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
