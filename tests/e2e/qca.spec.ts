/**
 * Issue 21, the QCA view: a crisp analysis built from the sample's matrix (a stage reached for a norm, the number of
 * claims), its truth table, and the parsimonious solution — the same one `comparanda qca minimize --json` prints
 * for the same definition. Then the same analysis by keyboard alone, and axe-core over the view.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { QcaSetDto } from '../../electron/contract/qca';
import { expect, test } from './fixtures';
import type { WorkbenchPage } from './pages/workbench-page';
import { REPO_ROOT } from './support/web-app';

const CLI = path.join(REPO_ROOT, 'bin', 'comparanda.cjs');

async function sampleNames(workbench: WorkbenchPage) {
  const o = await workbench.overview();
  const [obs, ffv] = o.norms;
  const stages = o.frameworks[0]!.stages;
  return { o, obs: obs!, ffv: ffv!, stages };
}

/** The sets of the analysis, made over the API (for the keyboard and axe passes, which start from them). */
async function defineByApi(workbench: WorkbenchPage): Promise<void> {
  const { obs, ffv, stages } = await sampleNames(workbench);
  const crisp = { method: 'crisp', thresholds: [1] };
  await workbench.apiResult<QcaSetDto>('qca.saveSet', { name: 'OBS2', role: 'outcome', source: { kind: 'cell', normId: obs.id, stageId: stages[1]!.id, statuses: ['reached'] }, calibration: crisp });
  await workbench.apiResult<QcaSetDto>('qca.saveSet', { name: 'FFV1', source: { kind: 'cell', normId: ffv.id, stageId: stages[0]!.id, statuses: ['reached'] }, calibration: crisp });
  await workbench.apiResult<QcaSetDto>('qca.saveSet', { name: 'CLAIMS', source: { kind: 'claims' }, calibration: { method: 'crisp', thresholds: [2] } });
}

function cliMinimize(project: string, cwd: string): { solutions: string[][]; terms: Record<string, { cases: string[][] }> } {
  const env = { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(cwd, '.cli-user-data') };
  const run = spawnSync(process.execPath, [CLI, 'qca', 'minimize', project, '--outcome', 'OBS2', '--conditions', 'FFV1,CLAIMS', '--include', '?', '--json'], { encoding: 'utf8', env, cwd });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { solutions: string[][]; terms: Record<string, { cases: string[][] }> };
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
}

/** Presses Tab until `target` has the focus (as a keyboard user does), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test.describe('the QCA view', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('builds a crisp analysis from the matrix, shows its truth table and finds the solution the CLI finds', async ({ workbench, page, app }) => {
    await workbench.open();
    const { obs, ffv, stages } = await sampleNames(workbench);
    await workbench.viewItem('QCA').click();
    const view = page.getByTestId('qca-view');
    await expect(view.getByRole('heading', { name: 'Qualitative Comparative Analysis' })).toBeVisible();

    const editor = view.getByTestId('qca-set-editor');
    const addSet = async (name: string, fill: () => Promise<void>, thresholds = '1') => {
      if (!(await editor.isVisible())) await view.getByRole('button', { name: 'Add a set' }).click();
      await editor.getByLabel('Name').fill(name);
      await fill();
      await editor.getByLabel('Thresholds').fill(thresholds);
      await editor.getByRole('button', { name: 'Save set' }).click();
      await expect(view.getByTestId('qca-sets').getByRole('rowheader', { name, exact: true })).toBeVisible();
    };
    const stageReached = (normLabel: string, stageLabel: string) => async () => {
      await editor.getByLabel('Raw value').selectOption({ label: 'Stage status of a norm' });
      await editor.getByLabel('Norm').selectOption({ label: normLabel });
      await editor.getByLabel('Stage').selectOption({ label: stageLabel });
      await editor.getByRole('checkbox', { name: 'Reached', exact: true }).check();
    };
    await addSet('OBS2', async () => {
      await editor.getByRole('radio', { name: 'Outcome' }).check();
      await stageReached(obs.shortLabel || obs.label, stages[1]!.label)();
    });
    // The memberships of the set just saved: Kazakhstan reached stage 2, Belarus's assessment is "unclear".
    const calibrated = view.getByTestId('qca-calibrated');
    await expect(calibrated.getByRole('row', { name: /Kazakhstan/ })).toContainText('Stage assessment');
    await expect(calibrated.getByRole('row', { name: /Belarus/ }).getByRole('cell').nth(1)).toHaveText('0');
    // The evidence is one click away: the assessment behind Kazakhstan's score opens in the matrix.
    await calibrated.getByRole('button', { name: 'Show the assessment of Kazakhstan in the matrix' }).click();
    await expect(workbench.viewItem('Matrix')).toHaveAttribute('aria-current', 'page');
    await expect(workbench.editor.root).toBeVisible();
    await workbench.viewItem('QCA').click();
    await addSet('FFV1', stageReached(ffv.shortLabel || ffv.label, stages[0]!.label));
    await addSet(
      'CLAIMS',
      async () => {
        await editor.getByLabel('Raw value').selectOption({ label: 'Number of claims' });
      },
      '2',
    );

    const truthTable = view.getByTestId('qca-truth-table');
    await expect(truthTable.getByRole('row')).toHaveCount(3);
    await expect(truthTable.locator('tr[data-out="1"]')).toContainText('Kazakhstan');
    await expect(truthTable.locator('tr[data-out="1"]')).toContainText('positive');
    await expect(truthTable.locator('tr[data-out="0"]')).toContainText('Belarus');
    await expect(view.getByTestId('qca-necessity').getByRole('rowheader', { name: '~CLAIMS' })).toBeVisible();

    await view.getByRole('radio', { name: 'Parsimonious' }).check();
    await view.getByRole('button', { name: 'Minimise' }).click();
    const models = view.getByTestId('qca-model');
    await expect(models).toHaveCount(1);
    const expected = cliMinimize(await workbench.projectPath(), app.workDir);
    expect(expected.solutions).toEqual([['CLAIMS']]);
    await expect(models.first()).toHaveText(`M1: ${expected.solutions[0]!.join(' + ')} → OBS2`);
    await expect(view.getByTestId('qca-solutions').getByRole('button', { name: expected.terms.CLAIMS!.cases[0]![0]! })).toBeVisible();
    await view.getByTestId('qca-solutions').scrollIntoViewIfNeeded();
    await workbench.screenshot('qca-analysis.png');

    // A term's case opens in the details pane.
    await view.getByTestId('qca-solutions').getByRole('button', { name: 'Kazakhstan' }).click();
    await expect(workbench.details).toContainText('Kazakhstan');
    await view.getByTestId('qca-truth-table').scrollIntoViewIfNeeded();
    await page.getByTestId('qca-view').locator('.qca-body').evaluate((el) => {
      (el as unknown as { scrollTop: number }).scrollTop = 0;
    });
    await workbench.screenshot('qca-sets.png');
  });

  test('is worked by keyboard alone: the page, the solution type, Minimise and a case of a term', async ({ workbench, page }) => {
    await workbench.open();
    await defineByApi(workbench);
    // Into the navigation with Tab, down its list with the arrows to QCA.
    const qcaItem = workbench.viewItem('QCA');
    await tabTo(page, workbench.nav.locator('[data-nav-item][tabindex="0"]'));
    for (let i = 0; i < 30 && !(await isFocused(qcaItem)); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(qcaItem).toHaveAttribute('aria-current', 'page');
    const view = page.getByTestId('qca-view');
    await expect(view.getByTestId('qca-truth-table')).toBeVisible();

    await tabTo(page, view.getByRole('radio', { name: 'Conservative' }));
    await page.keyboard.press('ArrowDown');
    await expect(view.getByRole('radio', { name: 'Parsimonious' })).toBeChecked();
    await tabTo(page, view.getByRole('button', { name: 'Minimise' }));
    await page.keyboard.press('Enter');
    await expect(view.getByTestId('qca-model')).toHaveText('M1: CLAIMS → OBS2');

    const kazakhstan = view.getByTestId('qca-solutions').getByRole('button', { name: 'Kazakhstan' });
    await tabTo(page, kazakhstan);
    await page.keyboard.press('Enter');
    await expect(workbench.details).toContainText('Kazakhstan');

    // The cuts are typed: an inclusion cut above 1 is refused in place, in words.
    await tabTo(page, view.getByLabel('Inclusion cut'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1.5');
    await expect(view.getByRole('alert')).toContainText('Cuts lie between 0 and 1');
  });

  test('has no serious or critical axe-core violation, with a set open and a solution shown', async ({ workbench, page }) => {
    await workbench.open();
    await defineByApi(workbench);
    await workbench.viewItem('QCA').click();
    const view = page.getByTestId('qca-view');
    await view.getByRole('button', { name: 'Show the memberships of OBS2' }).click();
    await view.getByRole('radio', { name: 'Intermediate' }).check();
    await view.getByRole('combobox').filter({ hasText: 'no expectation' }).first().selectOption('1');
    await view.getByRole('button', { name: 'Minimise' }).click();
    await expect(view.getByTestId('qca-model').first()).toBeVisible();
    await view.getByRole('button', { name: 'Add a set' }).click();
    await expect(view.getByTestId('qca-set-editor')).toBeVisible();
    await workbench.fontsReady();
    const result = await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, rules: { region: { enabled: true } } }).analyze();
    const serious = result.violations.filter((v) => v.id === 'region' || v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    fs.mkdirSync(path.join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
    await workbench.screenshot('qca-set-editor.png');
  });

  test('speaks Russian, the fit measures keeping R’s names', async ({ workbench, page }) => {
    await workbench.open();
    await defineByApi(workbench);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await workbench.viewItem('QCA').click();
    const view = page.getByTestId('qca-view');
    await expect(view.getByRole('heading', { name: 'Качественный сравнительный анализ' })).toBeVisible();
    await expect(view.getByRole('heading', { name: 'Таблица истинности для OBS2' })).toBeVisible();
    await view.getByRole('radio', { name: 'Экономное' }).check();
    await view.getByRole('button', { name: 'Минимизировать' }).click();
    await expect(view.getByTestId('qca-model')).toHaveText('M1: CLAIMS → OBS2');
    await expect(view.getByTestId('qca-solutions').getByRole('columnheader', { name: 'inclS' })).toBeVisible();
    await expect(view.getByTestId('qca-solutions')).toContainText('1,000');
    await view.getByTestId('qca-truth-table').scrollIntoViewIfNeeded();
    await workbench.screenshot('qca-ru.png');
  });
});
