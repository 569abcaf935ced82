/**
 * The record pages in Russian and in Kazakh: the claim's comparison card and details, the observation record, the
 * regional context, the indicators, the verification list and the CSV dialog are walked with `?lang=ru` and
 * `?lang=kk`, and no English may be left on them outside the sample's data (tests/helpers/i18n-text.ts, the walk's
 * checker). Screenshots of the claims register, the observation record, the regional context and the verification page
 * in both languages go to docs/screenshots/i18n.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { catalogue, type MessageId } from '../../electron/contract/i18n/catalogue';
import type { Language } from '../../electron/contract/i18n/languages';
import { englishLeft } from '../helpers/i18n-text';
import { expect, test } from './fixtures';
import { SCREENSHOT_DIR } from './pages/workbench-page';

type Leftover = Awaited<ReturnType<typeof englishLeft>>[number];

async function leftovers(language: Exclude<Language, 'en'>, regions: Locator[]): Promise<Leftover[]> {
  const found: Leftover[] = [];
  for (const region of regions) found.push(...(await englishLeft(region, language)));
  return found;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready;
  });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'i18n', name), animations: 'disabled', caret: 'hide' });
}

for (const language of ['ru', 'kk'] as const) {
  test(`the record pages leave no English in ${language === 'ru' ? 'Russian' : 'Kazakh'}`, async ({ workbench, app, page }) => {
    const say = (id: MessageId) => catalogue(language)[id];
    await workbench.open();
    await page.goto(`${app.url}${app.url.includes('?') ? '&' : '?'}lang=${language}`);
    await workbench.matrixReady();
    const centre = page.getByTestId('page-centre');
    const details = page.locator('aside.pane-details');
    const dialog = page.getByRole('dialog');
    // The page object names the navigation in English; here it has the language's name.
    const nav = page.getByRole('navigation', { name: say('shell.projectNavigation') });
    const go = async (id: MessageId) => {
      await nav.getByRole('button', { name: say(id), exact: true }).click();
      await expect(nav.getByRole('button', { name: say(id), exact: true })).toHaveAttribute('aria-current', 'page');
    };
    const found: Leftover[] = [];

    // Claims: the register with its filters, comparisons and dates; the comparison card, the details and the dialog.
    await go('record.page.claims');
    await expect(page.getByTestId('claims-register').getByRole('row').nth(1)).toBeVisible();
    found.push(...(await leftovers(language, [centre])));
    await shot(page, `claims-${language}.png`);
    await expect.soft(page.getByTestId('claims-register').getByRole('gridcell').filter({ hasText: language === 'ru' ? /\d{4}\s*г\./ : /\d{4} ж\./ }).first()).toBeVisible();
    await page.getByTestId('claims-register').getByRole('row').nth(1).click();
    await expect(page.getByTestId('claim-card')).toBeVisible();
    await expect(details.getByTestId('claim-details')).toBeVisible();
    found.push(...(await leftovers(language, [page.getByTestId('claim-card'), details])));
    await page.getByRole('button', { name: say('claims.compareMore') }).click();
    await expect(dialog).toBeVisible();
    found.push(...(await leftovers(language, [dialog])));
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // Observation: an election selected, its missions and findings on the right; the add dialog and the CSV dialog.
    await go('record.page.observation');
    await page.getByTestId('election-mark').first().click();
    await expect(details.getByTestId('election-details')).toBeVisible();
    found.push(...(await leftovers(language, [centre, details])));
    await shot(page, `observation-${language}.png`);
    await page.getByRole('button', { name: say('observation.addElectionMenu') }).click();
    await expect(dialog).toBeVisible();
    found.push(...(await leftovers(language, [dialog])));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: say('verification.importCsvMenu') }).click();
    await expect(dialog).toBeVisible();
    found.push(...(await leftovers(language, [dialog])));
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // Regional context: the page, then a regional norm and a membership in the editor.
    await go('record.page.context');
    await expect(page.getByTestId('context-overtime')).toBeVisible();
    await page.getByTestId('regional-norms').getByRole('button').first().click();
    await expect(details.getByTestId('regional-norm-details')).toBeVisible();
    found.push(...(await leftovers(language, [centre, details])));
    await shot(page, `context-${language}.png`);
    await page.getByTestId('membership-bar').first().click();
    await expect(details.getByTestId('membership-details')).toBeVisible();
    found.push(...(await leftovers(language, [details])));

    // Indicators: the chart and table, the indicator and then one value in the editor.
    await go('record.page.indicators');
    await expect(page.getByTestId('values-table')).toBeVisible();
    found.push(...(await leftovers(language, [centre, details])));
    await page.getByTestId('values-table').locator('input').first().focus();
    await expect(details.getByTestId('value-details')).toBeVisible();
    found.push(...(await leftovers(language, [details])));

    // Verification: the list and a fact in the details.
    await go('record.page.verification');
    await expect(page.getByTestId('verification-view').locator('[data-vkey]').first()).toBeVisible();
    await page.getByTestId('verification-view').locator('[data-vkey]').first().click();
    await expect(details.getByTestId('verification-item-details')).toBeVisible();
    found.push(...(await leftovers(language, [centre, details])));
    await shot(page, `verification-${language}.png`);
    await expect(page.locator('li[data-type="membership"]').first()).toBeVisible();

    expect(found.map((f) => `${f.problem}: "${f.text}" @ ${f.where}`)).toEqual([]);
  });
}
