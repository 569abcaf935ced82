/**
 * Issue 21, the QCA page's XY plot and "Export this analysis": fuzzy sets over eight cases (the sample's two and six
 * added), a term picked from the solution table plotted with one point per case and the table's own fit under it; the
 * points reached by keyboard, each named with its case; axe-core clean; then the analysis on screen exported from
 * the page, with a condition left out, by keyboard.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { CaseDto } from '../../electron/contract/api';
import type { QcaSetDto } from '../../electron/contract/qca';
import { measureOverflow } from '../helpers/i18n-overflow';
import { anyLanguage } from '../helpers/i18n-screens';
import { expect, test } from './fixtures';
import { ExportDialog } from './pages/export-page';
import { SCREENSHOT_DIR, type WorkbenchPage } from './pages/workbench-page';

const SHOTS = path.join(SCREENSHOT_DIR, 'qca');

/** Memberships by case: the same eight as tests/unit/qca-xy.test.ts. */
const SCORES: Record<string, { DEV: number; IND: number; SURV: number }> = {
  Kazakhstan: { DEV: 0.83, IND: 0.3, SURV: 0.83 },
  Belarus: { DEV: 0.67, IND: 0.8, SURV: 0.1 },
  Armenia: { DEV: 0.4, IND: 0.2, SURV: 0.7 },
  Georgia: { DEV: 0.2, IND: 0.6, SURV: 0.4 },
  Moldova: { DEV: 0.9, IND: 0.1, SURV: 0.9 },
  Kyrgyzstan: { DEV: 0.1, IND: 0.7, SURV: 0.3 },
  Azerbaijan: { DEV: 0.75, IND: 0.9, SURV: 0.2 },
  Ukraine: { DEV: 0.6, IND: 0.45, SURV: 0.8 },
};

/** The scores of SCORES, or (crisp) each rounded to 0 or 1. */
async function fuzzySets(workbench: WorkbenchPage, crisp = false): Promise<void> {
  const o = await workbench.overview();
  const ids = new Map(o.cases.filter((c) => !c.archived).map((c) => [c.name, c.id]));
  for (const name of Object.keys(SCORES)) {
    if (!ids.has(name)) ids.set(name, (await workbench.apiResult<CaseDto>('cases.create', { name })).id);
  }
  // Scores by hand, each with its reason, as the memberships table takes them.
  for (const [set, role] of [['SURV', 'outcome'], ['DEV', 'condition'], ['IND', 'condition']] as const) {
    const saved = await workbench.apiResult<QcaSetDto>('qca.saveSet', { name: set, role, source: { kind: 'manual' }, calibration: { method: 'manual', scores: {} } });
    for (const [name, s] of Object.entries(SCORES)) {
      await workbench.apiResult('qca.setScore', { setId: saved.id, caseId: ids.get(name)!, score: crisp ? Math.round(s[set]) : s[set], reason: `Scored from the country report (${set}).` });
    }
  }
  // The cases were added behind the interface's back: it reads the project again.
  await workbench.page.reload();
  await expect(workbench.viewItem('QCA')).toBeVisible();
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
}

async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label') ?? null);
}

test.describe('the QCA XY plot', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('plots a term of the solution with a point per case and the table’s fit; points by keyboard; axe-core clean', async ({ workbench, page }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await workbench.open();
    await fuzzySets(workbench);
    await workbench.viewItem('QCA').click();
    const view = page.getByTestId('qca-view');
    await view.getByLabel('Inclusion cut').fill('0.8');
    await view.getByRole('radio', { name: 'Parsimonious' }).check();
    await view.getByRole('button', { name: 'Minimise' }).click();
    await expect(view.getByTestId('qca-model').first()).toBeVisible();

    // The first term of the solution, its fit as the solution table prints it, then its "XY plot" button.
    const row = view.getByTestId('qca-solutions').locator('tbody tr').first();
    const term = (await row.getByRole('rowheader').innerText()).trim();
    const cells = row.getByRole('cell');
    const [inclS, covS] = [await cells.nth(0).innerText(), await cells.nth(2).innerText()];
    await row.getByRole('button', { name: `XY plot of ${term}` }).click();

    const plot = view.getByTestId('qca-xy');
    const choice = plot.getByLabel('Term, condition or solution');
    await expect(choice).toBeFocused();
    await expect(choice).toHaveValue(term);
    await expect(plot.getByRole('img', { name: new RegExp(`XY plot of ${term.replace(/[*~]/g, '\\$&')} against SURV`) })).toBeVisible();
    const points = plot.getByRole('group', { name: 'Cases on the plot' }).getByRole('button');
    await expect(points).toHaveCount(8);
    await expect(plot.getByTestId('qca-xy-fit')).toHaveText(`Consistency inclS ${inclS} · coverage covS ${covS} · PRI ${await cells.nth(1).innerText()}`);
    await expect(plot).toContainText('8 cases:');

    // A condition from the select above the plot: ~IND puts Moldova at 0.9 (1 − 0.1).
    await choice.selectOption('~IND');
    await expect(plot.getByRole('button', { name: 'Moldova: term 0.9, outcome 0.9, consistent' })).toBeAttached();

    // Keyboard: one tab stop into the points, arrows from case to case, each named; Enter opens the case.
    await tabTo(page, points.and(page.locator('[tabindex="0"]')));
    const first = await focusedLabel(page);
    expect(first).toMatch(/^[A-Z][a-z]+: term [\d.]+, outcome [\d.]+, (consistent|inconsistent)$/);
    await page.keyboard.press('End');
    expect(await focusedLabel(page)).toBe('Moldova: term 0.9, outcome 0.9, consistent');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedLabel(page)).not.toBe('Moldova: term 0.9, outcome 0.9, consistent');
    await page.keyboard.press('ArrowRight');
    await expect(plot.getByText('Moldova: term 0.9, outcome 0.9, consistent')).toBeVisible();
    await plot.scrollIntoViewIfNeeded();
    await workbench.screenshot('qca/xy-plot.png');
    await page.keyboard.press('Enter');
    await expect(workbench.details).toContainText('Moldova');

    // Belarus is the one case below the diagonal for DEV*~IND in the unit test's data: a triangle, and it says so.
    await choice.selectOption('DEV');
    await expect(plot.getByRole('button', { name: 'Azerbaijan: term 0.75, outcome 0.2, inconsistent' })).toBeAttached();
    await plot.getByRole('button', { name: 'Show as table' }).click();
    const table = plot.getByTestId('qca-xy-table');
    await expect(table.getByRole('row')).toHaveCount(9);
    await expect(table.getByRole('row', { name: /Azerbaijan/ })).toContainText('inconsistent');

    await workbench.fontsReady();
    const result = await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, rules: { region: { enabled: true } } }).analyze();
    const serious = result.violations.filter((v) => v.id === 'region' || v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await plot.scrollIntoViewIfNeeded();
    await workbench.screenshot('qca/xy-plot-table.png');
  });

  test('speaks Russian', async ({ workbench, page }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await workbench.open();
    await fuzzySets(workbench);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await workbench.viewItem('QCA').click();
    const plot = page.getByTestId('qca-xy');
    await plot.getByLabel('Терм, условие или решение').selectOption('~IND');
    await expect(plot.getByRole('button', { name: 'Moldova: терм 0,9, результат 0,9, согласуется' })).toBeAttached();
    await expect(plot.getByTestId('qca-xy-fit')).toContainText('Согласованность inclS');
    await plot.scrollIntoViewIfNeeded();
    await workbench.screenshot('qca/xy-plot-ru.png');
  });

  test('clips no control of the plot, the solution table or the export button in the pseudo-locale (40% longer)', async ({ workbench, page }) => {
    await workbench.open();
    await fuzzySets(workbench);
    const url = new URL(page.url());
    url.searchParams.set('lang', 'en-XA');
    await page.goto(url.toString());
    const view = page.getByTestId('qca-view');
    // Every word is accented here: the controls are found by their place.
    await workbench.nav.getByRole('button', { name: anyLanguage('QCA') }).click();
    await view.locator('input.qca-number').first().fill('0.8');
    await view.locator('input[name="qca-kind"]').nth(1).check();
    await view.locator('section[aria-labelledby="qca-min-title"] .button-primary').click();
    await expect(view.getByTestId('qca-model').first()).toBeVisible();
    const plot = page.getByTestId('qca-xy');
    await plot.locator('button[aria-expanded="false"]').click();
    await expect(plot.getByTestId('qca-xy-table')).toBeVisible();
    await workbench.fontsReady();
    // Outside this spec's controls: the project's name in the crowded title bar, and a heading hidden on purpose.
    const elsewhere = (where: string) => where.includes('header.titlebar') || where.endsWith('span.visually-hidden');
    expect((await measureOverflow(page)).filter((o) => !elsewhere(o.where))).toEqual([]);
    await workbench.screenshot('qca/xy-plot-pseudo.png');
  });

  test('says how many cases share a corner when the sets are crisp', async ({ workbench, page }) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await workbench.open();
    await fuzzySets(workbench, true);
    await workbench.viewItem('QCA').click();
    const plot = page.getByTestId('qca-xy');
    await plot.getByLabel('Term, condition or solution').selectOption('~IND');
    await expect(plot.getByRole('group', { name: 'Cases on the plot' }).getByRole('button')).toHaveCount(8);
    // ~IND against SURV: Kazakhstan, Armenia, Moldova, Ukraine at (1, 1); Belarus, Georgia, Kyrgyzstan, Azerbaijan at (0, 0).
    await expect(plot.locator('svg text.qca-xy-count')).toHaveText(['×4', '×4']);
    await expect(plot.getByRole('button', { name: 'Belarus: term 0, outcome 0, consistent' })).toBeAttached();
    await plot.scrollIntoViewIfNeeded();
    await workbench.screenshot('qca/xy-plot-crisp.png');
  });

  test('exports the analysis on screen from the QCA page, by keyboard', async ({ workbench, page, app }) => {
    await workbench.open();
    await fuzzySets(workbench);
    await workbench.viewItem('QCA').click();
    const view = page.getByTestId('qca-view');
    // The analysis on screen leaves DEV out and cuts at 0.8: not the project's default definition.
    await view.getByRole('checkbox', { name: 'DEV' }).uncheck();
    await view.getByLabel('Inclusion cut').fill('0.8');
    await expect(view.getByTestId('qca-truth-table')).not.toContainText('DEV');

    const exportButton = view.getByRole('button', { name: 'Export this analysis…' });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const dialog = new ExportDialog(page);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.kinds.getByRole('radio', { name: /^QCA/ })).toBeChecked();
    await expect(dialog.root.getByTestId('export-preset')).toHaveText('The analysis on the QCA page: SURV with IND, inclusion cut 0.8.');
    await dialog.previewSettled();
    await workbench.screenshot('qca/export-this-analysis.png');
    await dialog.chooseFormat('Markdown');
    const out = path.join(app.workDir, 'qca analysis.md');
    await dialog.setPath(out);
    await dialog.path.focus();
    await page.keyboard.press('Enter');
    await expect(dialog.result).toBeVisible({ timeout: 30_000 });
    await expect(dialog.result).toContainText(out);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('~IND');
    expect(text).not.toContain('DEV');
    expect(text).toMatch(/0\.8/);
  });
});
