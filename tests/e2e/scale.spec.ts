/**
 * Scale: 40 cases x 8 norms x 6 stages, all norms stacked (48 rows x 40 columns, 1,920 filled cells). The timings are
 * measured in the page with performance.now() and printed; they are never asserted (a slow CI machine is not a
 * failure). What is asserted is that it works: the grid is virtualised (a window of cells in the DOM, the whole
 * grid's shape announced), scrolling brings the rest, the keyboard reaches cells out of view, typing saves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { WorkbenchPage } from './pages/workbench-page';
import { SCALE, SCALE_STAGES, scaleNormLabel, writeScaleProject } from './support/scale-project';
import { startWebApp, type WebApp } from './support/web-app';

/**
 * Installed before the app's script: notes when the grid first shows cells, when it shows a given number of them,
 * and, for each key press, how long until the next frame was painted (keydown to the frame after it).
 */
const TIMINGS = `
  (() => {
    const t = { gridAt: null, target: 0, targetAt: null, inputAt: null, keyFrames: [] };
    window.__timings = t;
    const grid = () => document.querySelector('[role="grid"]:not([aria-busy="true"])');
    const count = () => grid()?.querySelectorAll('td[role="gridcell"]').length ?? 0;
    new MutationObserver(() => {
      const n = count();
      if (t.gridAt === null && n > 0) t.gridAt = performance.now();
      // The target: the grid announces that many rows (it renders only those in view) and shows cells.
      if (t.target > 0 && t.targetAt === null && n > 0 && Number(grid()?.getAttribute('aria-rowcount')) === t.target) {
        const at = performance.now();
        requestAnimationFrame(() => setTimeout(() => { t.targetAt = performance.now(); t.targetDomAt = at; }, 0));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'aria-rowcount'] });
    addEventListener('pointerdown', (e) => { t.inputAt = e.timeStamp; }, true);
    addEventListener('keydown', (e) => {
      const start = e.timeStamp;
      if (e.key === 'Enter') t.inputAt = start;
      requestAnimationFrame(() => setTimeout(() => t.keyFrames.push({ key: e.key, ms: performance.now() - start }), 0));
    }, true);
  })();
`;

interface Timings {
  gridAt: number | null;
  target: number;
  targetAt: number | null;
  targetDomAt: number | null;
  inputAt: number | null;
  keyFrames: { key: string; ms: number }[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

let dir: string;
let file: string;
let app: WebApp;

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-scale-'));
  file = writeScaleProject(dir);
});

test.afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test.beforeEach(async () => {
  app = await startWebApp({ file });
});

test.afterEach(async () => {
  await app.stop();
});

test('40 cases x 8 norms x 6 stages, all norms stacked: appears, moves by keyboard, takes typing', async ({ page }) => {
  const workbench = new WorkbenchPage(page, app);
  await page.addInitScript({ content: TIMINGS });
  const timings = () => page.evaluate(() => (globalThis as unknown as { __timings: Timings }).__timings);

  // One key at a time, each waiting for the frame it produced (not for a fixed time): per-key latency, unqueued.
  let recorded = 0;
  const resetFrames = async () => {
    recorded = 0;
    await page.evaluate(() => {
      (globalThis as unknown as { __timings: Timings }).__timings.keyFrames = [];
    });
  };
  const press = async (key: string) => {
    recorded += key.split('+').length; // a modifier's own keydown is recorded too
    await page.keyboard.press(key);
    await page.waitForFunction((n) => (globalThis as unknown as { __timings: Timings }).__timings.keyFrames.length >= n, recorded, { polling: 'raf' });
  };

  await workbench.open();
  const perNorm = SCALE.cases * SCALE.stages;
  const grid = workbench.matrix;
  // One norm, 40 cases: virtualised already (240 cells), the whole shape announced, a window of cells rendered.
  await expect(grid).toHaveAttribute('data-virtual', 'true');
  await expect(grid).toHaveAttribute('aria-colcount', String(SCALE.cases + 1));
  await expect(grid).toHaveAttribute('aria-rowcount', String(SCALE.stages + 1));
  await expect(workbench.cell('Kazakhstan', SCALE_STAGES[0]!)).toBeVisible();
  const oneNormRendered = await workbench.cells().count();
  expect(oneNormRendered).toBeGreaterThan(SCALE.stages);
  expect(oneNormRendered).toBeLessThan(perNorm);
  const firstGrid = (await timings()).gridAt!;

  // All norms stacked: one query already holds every cell; the grid announces 8 x (6 + 1) + 1 rows.
  const total = SCALE.cases * SCALE.norms * SCALE.stages;
  const rows = SCALE.norms * (SCALE.stages + 1) + 1;
  await page.evaluate((n) => {
    (globalThis as unknown as { __timings: Timings }).__timings.target = n;
  }, rows);
  await workbench.showAllNormsStacked();
  await expect(grid).toHaveAttribute('aria-rowcount', String(rows));
  await expect.poll(async () => (await timings()).targetAt).not.toBeNull();
  const stacked = await timings();
  const stackedRendered = await workbench.cells().count();
  expect(stackedRendered).toBeLessThan(total / 4);
  // Rows keep their place in the whole grid for assistive technology.
  await expect(grid.locator('tbody tr[aria-rowindex]').first()).toHaveAttribute('aria-rowindex', '2');

  // Scrolling to the end renders the last norm's rows and the last case's column; nothing is lost on the way.
  const scroller = page.getByTestId('matrix-scroll');
  await scroller.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
  await expect(workbench.cell('Norway', SCALE_STAGES[5]!, scaleNormLabel(SCALE.norms - 1))).toBeVisible();
  await expect(workbench.cell('Kazakhstan', SCALE_STAGES[0]!, scaleNormLabel(0))).toHaveCount(0);
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));

  // Keyboard: from a cell of the last norm, move right and down, then Ctrl+End / Ctrl+Home to the grid's corners,
  // which are out of view: the grid scrolls to them and focuses them.
  const lastNorm = scaleNormLabel(SCALE.norms - 1);
  const start = workbench.cell('Belarus', SCALE_STAGES[1]!, lastNorm);
  await start.click();
  await expect(start).toBeFocused();
  await resetFrames();
  for (let i = 0; i < 8; i++) await press('ArrowRight');
  await expect(workbench.focusedCell()).toHaveAttribute('data-case', 'Georgia');
  for (let i = 0; i < 4; i++) await press('ArrowDown');
  await expect(workbench.focusedCell()).toHaveAttribute('data-stage', SCALE_STAGES[5]!);
  await press('ArrowUp');
  await press('Control+End');
  await expect(workbench.focusedCell()).toHaveAttribute('data-case', 'Norway');
  await expect(workbench.focusedCell()).toHaveAttribute('data-norm', lastNorm);
  await press('Control+Home');
  await expect(workbench.focusedCell()).toHaveAttribute('data-case', 'Kazakhstan');
  await expect(workbench.focusedCell()).toHaveAttribute('data-norm', scaleNormLabel(0));
  await expect(workbench.focusedCell()).toBeInViewport();
  const moves = (await timings()).keyFrames.filter((k) => k.key !== 'Control').map((k) => k.ms);

  // Tabbing back into the grid after its Tab stop has scrolled out of view (and out of the DOM) lands on that cell.
  await scroller.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
  await expect(workbench.cell('Kazakhstan', SCALE_STAGES[0]!, scaleNormLabel(0))).toHaveCount(0);
  await expect(grid).toHaveAttribute('tabindex', '0');
  await grid.focus();
  await expect(workbench.focusedCell()).toHaveAttribute('data-case', 'Kazakhstan');
  await expect(workbench.focusedCell()).toHaveAttribute('data-norm', scaleNormLabel(0));
  await expect(grid).not.toHaveAttribute('tabindex', '0');

  // Type in a cell: F2 opens the editor on its summary, the typing saves, the matrix shows it.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('F2');
  await expect(workbench.editor.summary).toBeFocused();
  await page.keyboard.press('Control+End');
  await resetFrames();
  for (const key of ' Checked.') await press(key === ' ' ? 'Space' : key);
  const typing = (await timings()).keyFrames.filter((k) => k.key.length === 1).map((k) => k.ms);
  await page.keyboard.press('Escape');
  await workbench.saved();
  await expect(workbench.focusedCell()).toHaveAttribute('data-case', 'Belarus');
  const edited = await workbench.apiResult<{ summary: string }[]>('cells.list', {});
  expect(edited.filter((c) => c.summary.endsWith(' Checked.'))).toHaveLength(1);
  await expect(workbench.cell('Belarus', SCALE_STAGES[0]!, scaleNormLabel(0))).toHaveAttribute('title', /Checked\.$/);

  const report = [
    `scale ${SCALE.cases} cases x ${SCALE.norms} norms x ${SCALE.stages} stages (${total} cells, stacked)`,
    `  first grid (one norm, ${perNorm} cells, ${oneNormRendered} rendered) shown ${ms(firstGrid)} after navigation start`,
    `  all norms stacked: ${ms(stacked.targetDomAt! - stacked.inputAt!)} from the click to the grid of ${total} cells (${stackedRendered} rendered), ${ms(stacked.targetAt! - stacked.inputAt!)} to the painted frame`,
    `  selection move (keydown to next painted frame): median ${ms(median(moves))}, max ${ms(Math.max(...moves))} over ${moves.length} moves`,
    `  typing in the editor (keydown to next painted frame): median ${ms(median(typing))}, max ${ms(Math.max(...typing))} over ${typing.length} keys`,
  ].join('\n');
  console.log(report);
  test.info().annotations.push({ type: 'timings', description: report });
});

/**
 * Installed before the app's script: when the grid first shows cells, whether a second render pass added cells to
 * the grid on the way there, and how many cases the sidebar lists then.
 */
const FIRST_SCREEN = `
  (() => {
    const s = { gridAt: null, cellsAddedToGrid: 0, casesAtGrid: null };
    window.__first = s;
    new MutationObserver((records) => {
      if (s.gridAt !== null) return;
      // Cells put into a grid already in the page: a second render pass, after the first had drawn the grid.
      const cells = (n) => n.nodeType === 1 && (n.getAttribute('role') === 'gridcell' || n.querySelector('[role="gridcell"]') !== null);
      for (const r of records) {
        if (r.target.nodeType === 1 && r.target.closest('[role="grid"]') && [...r.addedNodes].some(cells)) s.cellsAddedToGrid++;
      }
      const grid = document.querySelector('[role="grid"]:not([aria-busy="true"])');
      if (!grid || !grid.querySelector('td[role="gridcell"]')) return;
      s.gridAt = performance.now();
      s.casesAtGrid = document.querySelectorAll('[data-nav-item^="case:"]').length;
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  })();
`;

test('the first screen: the shown norm’s cells, then every cell once the grid is drawn; a list of 70 cases is drawn in full', async ({ page }) => {
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-scale-70-'));
  try {
    const extra = 30;
    const bigger = writeScaleProject(own, { extraCases: extra });
    await app.stop();
    app = await startWebApp({ file: bigger });
    const workbench = new WorkbenchPage(page, app);
    await page.addInitScript({ content: FIRST_SCREEN });
    await workbench.open();
    await workbench.reload();
    await expect(workbench.cell('Kazakhstan', SCALE_STAGES[0]!)).toBeVisible();

    // Two lists of cells: the shown norm's, asked for before the grid was drawn, and every norm's, asked for after.
    const requests = () =>
      page.evaluate(() =>
        (performance.getEntriesByType('resource') as unknown as { name: string; startTime: number; responseEnd: number }[]).filter((e) => e.name.includes('/api/cells.list')).map((e) => ({ start: e.startTime, end: e.responseEnd })),
      );
    await expect.poll(async () => (await requests()).filter((r) => r.end > 0).length).toBe(2);
    const [first, every] = await requests();
    const screen = await page.evaluate(() => (globalThis as unknown as { __first: { gridAt: number; cellsAddedToGrid: number; casesAtGrid: number } }).__first);
    expect(first!.start).toBeLessThan(screen.gridAt);
    expect(every!.start).toBeGreaterThan(screen.gridAt);
    // The grid's first render drew the cells in view, sized for the scrolling area it had last time (this page
    // has been loaded once already): no second pass added cells to it.
    expect(screen.cellsAddedToGrid).toBe(0);

    // The sidebar drew the first 40 comparison cases with the grid (and the focal case), the rest just after.
    expect(screen.casesAtGrid).toBe(41);
    await expect(workbench.caseItems()).toHaveCount(SCALE.cases + extra);
    await expect(workbench.caseItem(`Extra case ${extra}`)).toBeAttached();
    // The keyboard reaches the last of them, from the 40th.
    await workbench.caseItem('Norway').focus();
    for (let i = 0; i < extra; i++) await page.keyboard.press('ArrowDown');
    await expect(workbench.caseItem(`Extra case ${extra}`)).toBeFocused();
  } finally {
    fs.rmSync(own, { recursive: true, force: true });
  }
});
