/**
 * The matrix in the web UI: `node dist/web.cjs FILE --port 0 --user-data TMP` opened in Chromium.
 *
 * Measured in the page, on the page's own clock:
 * - load: from the moment the renderer requests the cells (the cells.list fetch's resource-timing start) to the
 *   frame after the grid holds every cell of the view and is no longer aria-busy (requestAnimationFrame, then a
 *   task: the frame has been produced);
 * - switch: from the pointer-down on the norm picker's option to the same point (the renderer holds every cell
 *   already, so no data is requested).
 * Only roles and names are relied on (role=grid, gridcell, aria-busy; the toolbar "Matrix", combobox "Norm",
 * option "All norms, stacked"), as the e2e page objects do. If the picker cannot be found the view is switched by
 * the per-project setting the renderer keeps in localStorage, and the switch figures are left out.
 *
 * Baseline: Chromium showing a plain static table of the same cells' text, set with page.setContent (from the call
 * to the frame after it). Memory: the renderer process's RSS (from /proc) and its JS heap (CDP Performance.getMetrics)
 * while the full L matrix is on screen, against the same for the static table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import type { NormDto } from '../../../electron/contract/api';
import { matrixTables } from '../../../electron/core/matrix';
import { Project } from '../../../electron/core/project';
import { launchChromium, rendererPids } from '../chromium';
import { REPO_ROOT, type BenchContext } from '../context';
import { peakMb, resetPeak, rssMb } from '../memory';
import { staticGridHtml } from '../plain';
import { figure } from '../report';
import { median } from '../stats';

const INSTRUMENT = `(() => {
  const b = { expected: 0, expectedRows: 0, readyAt: null, paintedAt: null, inputAt: null, count: 0, virtualised: false };
  window.__bench = b;
  try {
    b.expected = Number(sessionStorage.getItem('__bench_expected') || 0);
    b.expectedRows = Number(sessionStorage.getItem('__bench_expected_rows') || 0);
  } catch (e) {}
  const check = () => {
    if (!b.expected || b.readyAt !== null) return;
    const grid = document.querySelector('[role="grid"]');
    if (!grid || grid.getAttribute('aria-busy') === 'true') return;
    const n = grid.querySelectorAll('[role="gridcell"]').length;
    b.count = n;
    // Every cell in the DOM; or, should the grid ever be virtualised, some cells and the full row count announced.
    const rows = Number(grid.getAttribute('aria-rowcount') || 0);
    b.virtualised = n !== b.expected && n > 0 && b.expectedRows > 0 && rows === b.expectedRows;
    if (n !== b.expected && !b.virtualised) return;
    b.readyAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => { b.paintedAt = performance.now(); }, 0));
  };
  b.arm = (expected, expectedRows) => { b.expected = expected; b.expectedRows = expectedRows; b.readyAt = null; b.paintedAt = null; b.inputAt = null; };
  // The page's first request of a method (a reload starts a new timeline): the data the first screen waits for.
  b.entry = (method) => {
    const list = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/' + method));
    const e = list[0];
    return e ? { start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize } : null;
  };
  addEventListener('pointerdown', (e) => { b.inputAt = e.timeStamp; }, true);
  const start = () => new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();`;

interface BenchState {
  readyAt: number | null;
  paintedAt: number | null;
  inputAt: number | null;
  count: number;
  virtualised: boolean;
  cells: { start: number; end: number; bytes: number } | null;
  overview: { start: number; end: number; bytes: number } | null;
}

const STATE = `(() => { const b = window.__bench; return { readyAt: b.readyAt, paintedAt: b.paintedAt, inputAt: b.inputAt, count: b.count, virtualised: b.virtualised, cells: b.entry('cells.list'), overview: b.entry('project.overview') }; })()`;
const NEXT_FRAME = 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))';
const SETTLE = 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500)))';

interface WebServer {
  child: ChildProcess;
  url: string;
  /** The one-time code printed next to the address. */
  code: string;
  userData: string;
  stop(): Promise<void>;
}

async function startWebServer(ctx: BenchContext): Promise<WebServer> {
  const entry = path.join(REPO_ROOT, 'dist', 'web.cjs');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm run bench does).`);
  const home = fs.mkdtempSync(path.join(ctx.workDir, 'web-'));
  const userData = path.join(home, 'user-data');
  const child = spawn(process.execPath, [entry, ctx.workFile, '--port', '0', '--user-data', userData], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOME: home, TMPDIR: home, COMPARANDA_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const [url, code] = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web server printed no address within 120 s.\n${stderr}`)), 120_000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Comparanda is running at (http:\/\/127\.0\.0\.1:\d+\/) \(one-time code: (\S+)\)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve([match[1]!, match[2]!]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web server exited (${code}) before it was ready.\n${stderr}`));
    });
  });
  return {
    child,
    url,
    code,
    userData,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The server snapshots the project when it opens it; wait for that to finish so it does not run under the timings. */
async function waitForOpenSnapshot(userData: string, started: number): Promise<number | null> {
  const deadline = Date.now() + 10 * 60 * 1000;
  const dir = path.join(userData, 'backups');
  while (Date.now() < deadline) {
    const found = fs.existsSync(dir) && fs.readdirSync(dir).some((sub) => fs.readdirSync(path.join(dir, sub)).some((f) => /-open\.comparanda$/.test(f)));
    if (found) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
}

async function rendererMemory(page: Page, collectGarbage = false): Promise<{ rssMb: number | null; peakMb: number | null; jsHeapUsedMb: number | null; jsHeapTotalMb: number | null; domNodes: number | null }> {
  const cdp = await page.context().newCDPSession(page);
  if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
  // Let the renderer settle (raster, idle tasks) before reading.
  await page.evaluate(SETTLE);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? null;
  await cdp.detach();
  // The page's renderer is the largest renderer process of the (only) browser running.
  const rss = rendererPids()
    .map((pid) => ({ rss: rssMb(pid) ?? 0, peak: peakMb(pid) ?? 0 }))
    .sort((a, b) => b.rss - a.rss)[0];
  const mb = (v: number | null) => (v === null ? null : v / 1024 / 1024);
  return { rssMb: rss?.rss ?? null, peakMb: rss?.peak ?? null, jsHeapUsedMb: mb(metric('JSHeapUsedSize')), jsHeapTotalMb: mb(metric('JSHeapTotalSize')), domNodes: metric('Nodes') };
}

async function waitPainted(page: Page): Promise<BenchState> {
  // A function, not a string: the app's Content-Security-Policy forbids eval, which a string predicate needs.
  await page.waitForFunction(() => (globalThis as unknown as { __bench?: { paintedAt: number | null } }).__bench?.paintedAt != null, undefined, { timeout: 120_000, polling: 50 });
  return (await page.evaluate(STATE)) as BenchState;
}

export async function benchUi(ctx: BenchContext): Promise<void> {
  // What the grid will show, read from the project (outside any timing).
  const reader = Project.open(ctx.workFile, { readonly: true });
  const norms: NormDto[] = reader.overview().norms.filter((n) => !n.archived);
  const tablesOne = matrixTables(reader, { norms: [norms[0]!.id] });
  const tablesAll = matrixTables(reader);
  reader.close();
  const perNorm = ctx.size.cases * ctx.size.stages;
  const total = perNorm * ctx.size.norms;
  // aria-rowcount: the header row and the stage rows; stacked, a title row per norm as well.
  const rowsOne = ctx.size.stages + 1;
  const rowsAll = ctx.size.norms * (ctx.size.stages + 1) + 1;
  let virtualised = false;

  const started = performance.now();
  const server = await startWebServer(ctx);
  let browser: Browser | undefined;
  try {
    const snapshotMs = await waitForOpenSnapshot(server.userData, started);
    ctx.info.webServerOpenSnapshotMs = snapshotMs;
    resetPeak(server.child.pid!);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1680, height: 1050 } });
    await context.addInitScript({ content: INSTRUMENT });
    const page = await context.newPage();
    const setExpected = (n: number) => page.evaluate(`sessionStorage.setItem('__bench_expected', '${n}'); sessionStorage.setItem('__bench_expected_rows', '${n === total ? rowsAll : rowsOne}')`);

    // The session cookie, traded once for the printed code, lasts for every reload below.
    const session = await context.request.post(`${server.url}session`, { data: { token: server.code } });
    if (session.status() !== 204) throw new Error(`The web server refused its own code: ${await session.text()}`);
    await page.goto(server.url);
    await setExpected(perNorm);
    await page.reload();
    await waitPainted(page);

    const load = async (expected: number) => {
      await setExpected(expected);
      await page.reload();
      const s = await waitPainted(page);
      virtualised ||= s.virtualised;
      if (!s.cells) throw new Error('The page did not request cells.list: the renderer loads its data some other way now.');
      // From the first request for data (the overview and the cells are asked for together, or the overview first).
      const requested = Math.min(s.cells.start, s.overview?.start ?? Infinity);
      const dataIn = Math.max(s.cells.end, s.overview?.end ?? 0);
      return { ms: s.paintedAt! - requested, server: s.cells.end - s.cells.start, render: s.paintedAt! - dataIn, commit: s.readyAt! - dataIn, overviewMs: s.overview ? s.overview.end - s.overview.start : NaN, bytes: s.cells.bytes };
    };

    const picker = page.getByRole('toolbar', { name: 'Matrix' }).getByRole('combobox', { name: 'Norm' });
    const hasPicker = await picker
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    const chooseView = async (all: boolean): Promise<number | null> => {
      await page.evaluate(`window.__bench.arm(${all ? total : perNorm}, ${all ? rowsAll : rowsOne})`);
      if (hasPicker) {
        await picker.click();
        const option = all ? page.getByRole('option', { name: /^All norms, stacked/ }) : page.getByRole('option', { name: norms[0]!.shortLabel || norms[0]!.label, exact: true });
        await option.click();
        const s = await waitPainted(page);
        virtualised ||= s.virtualised;
        return s.paintedAt! - s.inputAt!;
      }
      // Without the picker: the renderer's per-project setting (null = first norm, [] = all stacked), then a reload.
      const key = `comparanda.matrix:${ctx.workFile}`;
      await page.evaluate(`(() => { const k = ${JSON.stringify(key)}; const s = JSON.parse(localStorage.getItem(k) || '{}'); s.normIds = ${all ? '[]' : 'null'}; localStorage.setItem(k, JSON.stringify(s)); })()`);
      return null;
    };

    const one: Awaited<ReturnType<typeof load>>[] = [];
    const all: Awaited<ReturnType<typeof load>>[] = [];
    for (let i = 0; i < ctx.runs; i++) one.push(await load(perNorm));
    // Memory as a researcher meets it: the app opened, then every norm shown (before and after a garbage collection).
    await chooseView(true);
    const shownAll = await rendererMemory(page);
    const shownAllGc = await rendererMemory(page, true);
    await load(total);
    for (let i = 0; i < ctx.runs; i++) all.push(await load(total));
    const afterReloads = await rendererMemory(page, true);
    const switchToAll: number[] = [];
    const switchToOne: number[] = [];
    if (hasPicker) {
      await chooseView(false);
      for (let i = 0; i < ctx.runs; i++) {
        switchToAll.push((await chooseView(true))!);
        switchToOne.push((await chooseView(false))!);
      }
    }
    const serverPeak = peakMb(server.child.pid!);
    await browser.close();
    browser = undefined;

    // Baseline: the same text as a static table, in a browser of its own (so its renderer is the only one).
    browser = await launchChromium();
    const basePage = await (await browser.newContext({ viewport: { width: 1680, height: 1050 } })).newPage();
    const htmlOne = staticGridHtml(tablesOne);
    const htmlAll = staticGridHtml(tablesAll);
    const show = async (html: string) => {
      const t0 = performance.now();
      await basePage.setContent(html, { waitUntil: 'load' });
      await basePage.evaluate(NEXT_FRAME);
      return performance.now() - t0;
    };
    await show(htmlAll);
    const baseMemory = await rendererMemory(basePage);
    const baseMemoryGc = await rendererMemory(basePage, true);
    await show(htmlOne);
    const baseOne: number[] = [];
    const baseAll: number[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      baseOne.push(await show(htmlOne));
      baseAll.push(await show(htmlAll));
    }

    const parts = (list: typeof one) => ({
      'first cells.list request → response end': median(list.map((l) => l.server)),
      'project.overview request → response end': median(list.map((l) => l.overviewMs)),
      'both answers in → grid in the DOM': median(list.map((l) => l.commit)),
      'both answers in → grid painted': median(list.map((l) => l.render)),
      'first cells.list bytes': list[0]?.bytes ?? 0,
    });
    ctx.figures.push(
      figure({
        id: 'ui.load.one',
        label: `Matrix on screen, one norm (${perNorm} cells), after data requested`,
        samples: one.map((l) => l.ms),
        baseline: { label: 'static table via page.setContent', samples: baseOne },
        target: { max: ctx.size.targets.matrixMs, ratioMax: 3 },
        breakdown: parts(one),
        notes: 'page reload, timed from the first data request (project.overview); the renderer asks for the shown norm\u2019s cells first, then every norm\u2019s',
      }),
      figure({
        id: 'ui.load.all',
        label: `Matrix on screen, all norms stacked (${total} cells), after data requested`,
        samples: all.map((l) => l.ms),
        baseline: { label: 'static table via page.setContent', samples: baseAll },
        breakdown: parts(all),
      }),
    );
    if (virtualised) ctx.info.uiVirtualised = 'The grid rendered fewer cells than it holds (virtualised): "on screen" means the announced rows with the visible cells.';
    if (hasPicker) {
      ctx.figures.push(
        figure({
          id: 'ui.switch.all',
          label: 'Switch one norm → all norms (click to painted)',
          samples: switchToAll,
          baseline: { label: 'static table via page.setContent', samples: baseAll },
          notes: 'no data request: the renderer already holds every cell',
        }),
        figure({ id: 'ui.switch.one', label: 'Switch all norms → one norm (click to painted)', samples: switchToOne, baseline: { label: 'static table via page.setContent', samples: baseOne } }),
      );
    } else {
      ctx.info.uiSwitchNotMeasured = 'The norm picker (toolbar "Matrix", combobox "Norm") was not found; switches were not measured.';
    }
    ctx.figures.push(
      figure({
        id: 'ui.memory.renderer',
        label: `Renderer RSS, all ${total} cells on screen`,
        unit: 'MB',
        samples: shownAll.rssMb === null ? [] : [shownAll.rssMb],
        baseline: baseMemory.rssMb === null ? null : { label: 'static table renderer', samples: [baseMemory.rssMb] },
        target: { max: ctx.size.targets.rendererMb, ratioMax: 3 },
        breakdown: {
          'JS heap used MB': shownAll.jsHeapUsedMb ?? NaN,
          'JS heap total MB': shownAll.jsHeapTotalMb ?? NaN,
          'DOM nodes': shownAll.domNodes ?? NaN,
          'RSS after GC MB': shownAllGc.rssMb ?? NaN,
          'static table RSS after GC MB': baseMemoryGc.rssMb ?? NaN,
        },
        notes: 'after switching to all norms once in a freshly opened app',
      }),
      figure({
        id: 'ui.memory.reloads',
        label: `Renderer RSS after ${ctx.runs + 1} reloads of all norms`,
        unit: 'MB',
        samples: afterReloads.rssMb === null ? [] : [afterReloads.rssMb],
        breakdown: { 'JS heap used MB (after GC)': afterReloads.jsHeapUsedMb ?? NaN, 'renderer peak RSS MB': afterReloads.peakMb ?? NaN },
        notes: 'the same renderer process, reloaded: growth here is memory kept across page loads',
      }),
      figure({
        id: 'ui.memory.jsheap',
        label: 'Renderer JS heap used, all cells on screen',
        unit: 'MB',
        samples: shownAllGc.jsHeapUsedMb === null ? [] : [shownAllGc.jsHeapUsedMb],
        // Informative: a React app's heap against a page without script is no physical baseline (no ratio target).
        breakdown: { 'static table JS heap MB': baseMemory.jsHeapUsedMb ?? NaN, 'static table DOM nodes': baseMemory.domNodes ?? NaN },
      }),
    );
    ctx.memory['ui: web server process peak'] = serverPeak;
    ctx.memory['ui: renderer peak (product)'] = afterReloads.peakMb;
    ctx.memory['ui: renderer peak (static table)'] = baseMemory.peakMb;
  } finally {
    await browser?.close();
    await server.stop();
  }
}
