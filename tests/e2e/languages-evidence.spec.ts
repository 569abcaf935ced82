/**
 * The evidence screens in Russian and in Kazakh: sources and their dialogs, search, participants, the codebook, the
 * code matrix, memos and the EVIDENCE section of the cell editor show no English word of the interface. Each screen
 * is checked inside its own pane (the shell around it belongs to other screens), and the project's own data —
 * English titles, snippets, memo texts — is not judged. Screenshots of two screens per language go to
 * docs/screenshots/i18n/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { MessageId } from '../../electron/contract/i18n/catalogue';
import { formatMessage, type MessageValues } from '../../electron/contract/i18n/format';
import { englishLeft } from '../helpers/i18n-text';
import { expect, test } from './fixtures';
import { SCREENSHOT_DIR } from './pages/workbench-page';

const SHOTS = path.join(SCREENSHOT_DIR, 'i18n');

async function expectTranslated(page: Page, language: 'ru' | 'kk', within: Locator, skip?: string): Promise<void> {
  await expect(within).toBeVisible();
  expect(await englishLeft(within, language, skip ? { skip } : {}), `English left in ${language}`).toEqual([]);
}

for (const language of ['ru', 'kk'] as const) {
  test(`the evidence screens speak ${language === 'ru' ? 'Russian' : 'Kazakh'} without an English word left`, async ({ workbench, page }) => {
    test.setTimeout(120_000);
    const t = (id: MessageId, values?: MessageValues) => formatMessage(language, id, values);
    const goTo = (id: MessageId) => page.getByRole('button', { name: t(id), exact: true }).first().click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await workbench.open();
    const url = new URL(workbench.app.url);
    url.searchParams.set('lang', language);
    await page.goto(url.toString());
    await workbench.matrixReady();
    fs.mkdirSync(SHOTS, { recursive: true });

    // The cell editor's EVIDENCE section.
    await page.getByRole('gridcell').first().click();
    const evidence = page.getByRole('complementary', { name: t('shell.details') }).getByTestId('evidence');
    await expect(evidence.locator('.ev-evidence').first().or(evidence.locator('.evidence-empty'))).toBeVisible();
    await expect(evidence).not.toContainText(t('evidence.loading'));
    await expectTranslated(page, language, evidence, '.ev-excerpt-text, .ev-excerpt-meta');

    // Sources, and the dialogs that start there.
    await goTo('evidence.navSources');
    const sources = page.getByTestId('sources-view');
    await expect(sources.locator('.ev-source-row').first()).toBeVisible();
    await expectTranslated(page, language, sources, '.ev-source-row');
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SHOTS, `sources-${language}.png`), animations: 'disabled', caret: 'hide' });
    for (const [button, dialog] of [
      ['evidence.importDocumentsButton', 'import-documents'],
      ['evidence.importBibliographyButton', 'import-bibliography'],
      ['evidence.exportBibliographyButton', 'export-bibliography'],
    ] as const) {
      await sources.getByRole('button', { name: t(button) }).click();
      await expectTranslated(page, language, page.getByTestId(dialog));
      await page.keyboard.press('Escape');
      await expect(page.getByTestId(dialog)).toBeHidden();
    }

    // Search, with hits: what each hit is (the snippets and titles are the project's words).
    await goTo('evidence.navSearch');
    await page.getByRole('searchbox', { name: t('search.searchProject') }).fill('election');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-hit]').first()).toBeVisible();
    // The case, norm and stage filters list the project's own names after their first choice ("Any case").
    const names = ['evidence.case', 'evidence.norm', 'evidence.stage'].map((id) => `select[aria-label="${t(id as MessageId)}"] option:not([value=""])`);
    await expectTranslated(page, language, page.getByTestId('search-view'), ['.ev-snippet', '.ev-result-source-title', ...names].join(', '));
    await expectTranslated(page, language, page.getByTestId('search-help'));

    // Participants, one of them open in the details pane.
    await goTo('evidence.navParticipants');
    const participants = page.getByTestId('participants-view');
    await participants.locator('tbody tr').first().click();
    await expect(page.getByTestId('participant-details')).toBeVisible();
    await expectTranslated(page, language, participants, 'tbody th, tbody td:nth-child(2), tbody td:nth-child(4)');
    await expectTranslated(page, language, page.getByTestId('participant-details'), 'input, textarea, .details-title, .ev-excerpt-list');
    await workbench.fontsReady();
    await page.screenshot({ path: path.join(SHOTS, `participants-${language}.png`), animations: 'disabled', caret: 'hide' });

    // The codebook (and a code in the details pane when there is one).
    await goTo('evidence.navCodebook');
    const codebook = page.getByTestId('codebook-view');
    await expect(codebook).toBeVisible();
    const firstCode = codebook.getByRole('treeitem').first();
    if (await firstCode.isVisible()) {
      await firstCode.click();
      await expectTranslated(page, language, page.getByTestId('code-details'), 'input, textarea, select, .details-title, .ev-excerpt-list');
    } else {
      await expectTranslated(page, language, page.getByTestId('code-details-empty'));
    }
    await expectTranslated(page, language, codebook, '.ev-tree-name');

    // The code matrix and coding a search's hits.
    await goTo('evidence.navCodeMatrix');
    const matrix = page.getByTestId('code-matrix');
    await expect(matrix).not.toContainText(t('codes.counting'));
    await expectTranslated(page, language, matrix, 'thead th[title]:not(.cm-unlinked-head), tbody th, select');
    await expectTranslated(page, language, page.getByTestId('auto-code'), 'select');

    // Memos.
    await goTo('evidence.navMemos');
    const memos = page.getByTestId('memo-overview');
    await expect(memos).not.toContainText(t('evidence.loading'));
    await expectTranslated(page, language, memos, '.mo-label, .mo-text');
  });
}
