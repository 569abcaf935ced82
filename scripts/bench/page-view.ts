/**
 * The page view's open time (issue 19): page 277 of the 300-page benchmark PDF (Chromium-printed Russian, Kazakh and
 * English, the import benchmark's fixture), in the web UI in Chromium.
 *
 *   npm run build && npx tsx scripts/bench/page-view.ts [--runs 5] [--json]
 *
 * Each run reloads the page (nothing parsed yet), opens the document's text at page 277 and measures, on the
 * page's clock:
 * - open: from the click on "Show pages" to page 277 drawn (its canvas rendered and its text layer mapped);
 * - again: the same after going back to the text (the parsed PDF is kept);
 * - jump: in the page view, from Enter in "Go to page" (277 → 12) to page 12 drawn.
 * Baseline: the original's bytes alone through the API (the part of "open" no rendering can save).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { extractDocument } from '../../electron/core/documents/extract';
import { storeDocument } from '../../electron/core/evidence';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { defaultCacheDir } from './cache';
import { launchChromium } from './chromium';
import { REPO_ROOT } from './context';
import { ensurePdfFixture } from './pdf-fixture';
import { median } from './stats';

const PAGES = 300;
const TARGET = 277;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
  const runs = Math.max(1, Number(values.runs));
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const cache = defaultCacheDir();
  fs.mkdirSync(cache, { recursive: true });
  const pdfFile = await ensurePdfFixture(cache, PAGES, 1, log);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'page-view-bench-'));
  const projectFile = path.join(work, 'bench.comparanda');
  writeSampleProject(projectFile);
  const project = Project.open(projectFile);
  const bytes = new Uint8Array(fs.readFileSync(pdfFile));
  log(`Importing the ${PAGES}-page PDF (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB) ...`);
  const document = storeDocument(project, { fileName: 'report-300.pdf', bytes }, await extractDocument({ fileName: 'report-300.pdf', bytes }), { kind: 'observer-report' });
  const sourceTitle = project.db.prepare('SELECT title FROM sources WHERE id = ?').pluck().get(document.sourceId) as string;
  project.close();

  const userData = path.join(work, 'user-data');
  const server = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'web.cjs'), projectFile, '--port', '0', '--user-data', userData], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOME: work, TMPDIR: work, COMPARANDA_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const browser = await launchChromium();
  try {
    const [url, code] = await new Promise<[string, string]>((resolve, reject) => {
      readline.createInterface({ input: server.stdout! }).on('line', (line) => {
        const match = /^Comparanda is running at (http:\/\/127\.0\.0\.1:\d+\/) \(one-time code: (\S+)\)/.exec(line);
        if (match) resolve([match[1]!, match[2]!]);
      });
      server.once('exit', (exit) => reject(new Error(`The web server exited (${exit}) before it was ready.`)));
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.request.post(`${url}session`, { data: { token: code } });
    const page = await context.newPage();
    const open: number[] = [];
    const again: number[] = [];
    const jump: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(url);
      await openTextAt(page, sourceTitle, TARGET);
      open.push(await timed(page, () => page.getByRole('button', { name: 'Show pages' }).click(), TARGET));
      await page.getByRole('button', { name: 'Show text' }).click();
      again.push(await timed(page, () => page.getByRole('button', { name: 'Show pages' }).click(), TARGET));
      const goTo = page.getByLabel('Go to page on the PDF');
      await goTo.fill('12');
      jump.push(await timed(page, () => goTo.press('Enter'), 12));
      log(`run ${run + 1}: open ${open.at(-1)!.toFixed(0)} ms, again ${again.at(-1)!.toFixed(0)} ms, jump ${jump.at(-1)!.toFixed(0)} ms`);
    }
    const baseline: number[] = [];
    for (let run = 0; run < runs; run++) baseline.push(await bytesAlone(page, document.id));
    const result = {
      fixture: path.basename(pdfFile),
      bytes: bytes.byteLength,
      pages: PAGES,
      target: TARGET,
      runs,
      openMs: median(open),
      againMs: median(again),
      jumpMs: median(jump),
      bytesOnlyMs: median(baseline),
      load: os.loadavg()[0] ?? 0,
    };
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`Page view, page ${TARGET} of ${PAGES} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB), median of ${runs}, load ${result.load.toFixed(1)}:`);
      console.log(`  open (Show pages → page ${TARGET} drawn): ${result.openMs.toFixed(0)} ms`);
      console.log(`  again (PDF already parsed):            ${result.againMs.toFixed(0)} ms`);
      console.log(`  jump to page 12 in the page view:      ${result.jumpMs.toFixed(0)} ms`);
      console.log(`  baseline, the bytes alone (documents.original over HTTP): ${result.bytesOnlyMs.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function openTextAt(page: Page, title: string, pageNumber: number): Promise<void> {
  await page.getByRole('button', { name: 'Sources', exact: true }).first().click();
  await page.getByRole('searchbox', { name: 'Filter sources' }).fill('benchmark fixture');
  await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').filter({ hasText: title }).first().click();
  await page.getByTestId('source-details').getByRole('button', { name: 'Read' }).first().click();
  await page.getByTestId('reader-text').locator('[data-page-text="1"]').waitFor();
  await goToText(page, pageNumber);
}

async function goToText(page: Page, pageNumber: number): Promise<void> {
  const goTo = page.getByLabel('Go to page', { exact: true });
  await goTo.fill(String(pageNumber));
  await goTo.press('Enter');
  await page.locator(`[data-page-text="${pageNumber}"]`).waitFor();
}

/** Milliseconds from the action to the page drawn, on the page's clock (performance.now). */
async function timed(page: Page, act: () => Promise<void>, pageNumber: number): Promise<number> {
  await page.evaluate('window.__t0 = 0; addEventListener("pointerdown", () => (window.__t0 = performance.now()), { once: true, capture: true }); addEventListener("keydown", () => (window.__t0 = performance.now()), { once: true, capture: true });');
  await act();
  const selector = `[data-testid="pdf-pages"] [data-page="${pageNumber}"] canvas[data-rendered="true"]`;
  await page.locator(selector).waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: path.join(os.tmpdir(), 'page-view-bench-failure.png') });
    throw error;
  });
  return (await page.evaluate(`new Promise((resolve) => {
    const done = () => resolve(performance.now() - window.__t0);
    const check = () => document.querySelector(${JSON.stringify(selector)}) ? requestAnimationFrame(() => setTimeout(done, 0)) : setTimeout(check, 5);
    check();
  })`)) as number;
}

/** The floor: the original's bytes through the API alone (fetch and JSON parse of documents.original). */
async function bytesAlone(page: Page, documentId: string): Promise<number> {
  return (await page.evaluate(`(async () => {
    const t0 = performance.now();
    const answer = await fetch('/api/documents.original', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ id: ${JSON.stringify(documentId)} }) }).then((r) => r.json());
    if (!answer.ok) throw new Error(answer.error.message);
    return performance.now() - t0;
  })()`)) as number;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
