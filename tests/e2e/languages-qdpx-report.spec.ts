/**
 * A REFI-QDA import in Russian: what the mapping step says an import would leave out, and the report's skipped items
 * and notes, are Russian sentences around the file's own names. The file's strings (source and code names, paths,
 * its maker) and the sample project's are data, not judged. A screenshot of the report goes to docs/screenshots/i18n/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import type { MessageId } from '../../electron/contract/i18n/catalogue';
import { formatMessage, type MessageValues } from '../../electron/contract/i18n/format';
import { collectFragmentsIn, LanguageChecker, sampleProjectTexts } from '../helpers/i18n-text';
import { qdaFileTexts } from '../helpers/qda-file-texts';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './support/web-app';
import { SCREENSHOT_DIR } from './pages/workbench-page';

const ATLAS = path.join(REPO_ROOT, 'tests', 'fixtures', 'refi-qda', 'atlasti-standard-project.qdpx');
const SHOTS = path.join(SCREENSHOT_DIR, 'i18n');

test('a REFI-QDA import report speaks Russian around the file’s own names', async ({ workbench, page }) => {
  test.setTimeout(120_000);
  const t = (id: MessageId, values?: MessageValues) => formatMessage('ru', id, values);
  const checker = new LanguageChecker('ru', [...sampleProjectTexts(), ...qdaFileTexts(ATLAS), ATLAS]);
  const englishIn = async (region: Locator) => {
    const found: string[] = [];
    for (const fragment of await collectFragmentsIn(region)) {
      const problem = checker.check(fragment.text);
      if (problem) found.push(`${problem}: ${fragment.text}`);
    }
    return found;
  };

  await page.setViewportSize({ width: 1280, height: 900 });
  await workbench.open();
  const url = new URL(workbench.app.url);
  url.searchParams.set('lang', 'ru');
  await page.goto(url.toString());
  await workbench.matrixReady();

  await page.getByRole('banner').getByRole('button', { name: t('shell.projectMenu') }).click();
  await page.getByRole('menuitem', { name: t('shell.importQdpx', { tools: 'NVivo/MAXQDA/ATLAS.ti/QualCoder', ext: '.qdpx' }) }).click();
  const dialog = page.getByTestId('qda-import-dialog');
  await dialog.getByLabel(t('exports.projectFile', { refiQda: 'REFI-QDA' })).fill(ATLAS);
  await dialog.getByRole('button', { name: t('exports.nextMapCodes') }).click();

  // The mapping step: what an import would leave out, opened.
  const mapping = dialog.getByTestId('qda-mapping');
  await expect(mapping).toBeVisible({ timeout: 15_000 });
  await mapping.locator('.qda-details summary').click();
  const preview = mapping.getByTestId('qda-preview-skipped');
  await expect(preview).toContainText('Источник «1960s Coca Cola commercial.mp4» (видео) пропущен: видеоисточники не поддерживаются.');
  expect(await englishIn(preview)).toEqual([]);

  await mapping.getByRole('button', { name: t('exports.import'), exact: true }).click();
  const report = dialog.getByTestId('qda-report');
  await expect(report).toBeVisible({ timeout: 15_000 });
  const skipped = report.getByTestId('qda-skipped');
  await expect(skipped).toContainText('Источник «Jeanine\'s Breakfast.m4a» (аудио) пропущен: аудиоисточники не поддерживаются.');
  await expect(skipped.locator('.qda-kind').first()).toHaveText('источник');
  await expect(report.locator('.qda-notes')).toContainText('16 наборов кодов и источников сохранены для обратного пути');
  expect(await englishIn(report)).toEqual([]);

  fs.mkdirSync(SHOTS, { recursive: true });
  await workbench.fontsReady();
  await dialog.screenshot({ path: path.join(SHOTS, 'qdpx-report-ru.png'), animations: 'disabled', caret: 'hide' });
});
