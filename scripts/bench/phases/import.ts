/**
 * Importing a PDF of N pages (300 at M and L) through documents.import, waiting for its job, against pdf.js alone
 * reading the same file: getDocument + getTextContent of every page, without the product's line joining, its
 * yields to the event loop, or storage. Each import is removed again (documents.remove) so the runs compare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentDto, JobDto } from '../../../electron/contract/api';
import { extractDocument } from '../../../electron/core/documents/extract';
import { result, type BenchContext, type OpenSession } from '../context';
import { PhasePeak } from '../memory';
import { ensurePdfFixture } from '../pdf-fixture';
import { ensureLargePdf } from '../pdf-large';
import { profile } from '../profiler';
import { figure } from '../report';
import { median } from '../stats';

type PdfJs = typeof PdfJsModule;

async function loadPdfJs(): Promise<{ pdfjs: PdfJs; root: string }> {
  const pdfPath = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const workerPath = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const originalLog = console.log;
  // pdf.js warns on load that the optional canvas package is missing (only needed for rendering).
  console.log = () => undefined;
  try {
    const pdfjs = (await import(pathToFileURL(pdfPath).href)) as PdfJs;
    const globals = globalThis as { pdfjsWorker?: unknown };
    globals.pdfjsWorker ??= await import(pathToFileURL(workerPath).href);
    return { pdfjs, root: path.resolve(path.dirname(pdfPath), '..', '..') };
  } finally {
    console.log = originalLog;
  }
}

/** pdf.js alone: every page's text items, as fast as it gives them. */
async function pdfjsAlone(pdfjs: PdfJs, root: string, file: string): Promise<number> {
  const bytes = new Uint8Array(await fs.promises.readFile(file));
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

/** Pages of the long PDF (issue 22): a whole archive of reports in one file. */
const LARGE_PAGES = 30_000;

export async function benchImport(ctx: BenchContext, open: OpenSession): Promise<void> {
  const pdf = await ensurePdfFixture(ctx.cacheDir, ctx.size.pdfPages, ctx.seed, ctx.log);
  const { pdfjs, root } = await loadPdfJs();
  const importOnce = async (file = pdf): Promise<{ ms: number; pages: number }> => {
    const t0 = performance.now();
    const job = result<JobDto>(await open.dispatch('documents.import', { path: file, kind: 'observer-report' }), 'documents.import');
    const done = await open.session.jobs.wait(job.id);
    const ms = performance.now() - t0;
    if (done.state !== 'done' || !done.result || !('document' in done.result)) throw new Error(`The import ended ${done.state}: ${JSON.stringify(done.error)}`);
    const document = (done.result as { document: DocumentDto }).document;
    result(await open.dispatch('documents.remove', { id: document.id }), 'documents.remove');
    return { ms, pages: document.pageCount };
  };

  // Warm-up (skipped by a single-run smoke test): pdf.js's modules and font data load once per app session.
  const first = ctx.runs > 1 ? await importOnce() : null;
  if (ctx.runs > 1) await pdfjsAlone(pdfjs, root, pdf);
  let pages = first?.pages ?? 0;
  const product: number[] = [];
  const baseline: number[] = [];
  const extractOnly: number[] = [];
  const bytes = new Uint8Array(fs.readFileSync(pdf));
  for (let i = 0; i < ctx.runs; i++) {
    const imported = await importOnce();
    product.push(imported.ms);
    pages = imported.pages;
    const t0 = performance.now();
    await pdfjsAlone(pdfjs, root, pdf);
    baseline.push(performance.now() - t0);
    const t1 = performance.now();
    await extractDocument({ fileName: path.basename(pdf), bytes });
    extractOnly.push(performance.now() - t1);
  }
  const extraction = median(extractOnly);
  ctx.figures.push(
    figure({
      id: 'import.pdf',
      label: `Import a ${pages}-page PDF (documents.import, job)`,
      samples: product,
      baseline: { label: 'pdf.js getTextContent, all pages', samples: baseline },
      breakdown: { 'extractDocument alone': extraction, 'store + job + read (rest)': median(product) - extraction, 'file MB': fs.statSync(pdf).size / 1e6 },
    }),
  );
  if (ctx.profileDir) {
    const { summary } = await profile(ctx.profileDir, `import-${ctx.size.name}`, () => importOnce());
    ctx.profiles.push(summary);
  }

  // The long PDF: one sample each (minutes), the process's peak memory during each next to the other's.
  const large = ensureLargePdf(ctx.cacheDir, LARGE_PAGES, ctx.seed, ctx.log);
  let peak = new PhasePeak();
  const t0 = performance.now();
  await pdfjsAlone(pdfjs, root, large);
  const aloneMs = performance.now() - t0;
  const alonePeak = peak.stop();
  peak = new PhasePeak();
  const imported = await importOnce(large);
  const importPeak = peak.stop();
  ctx.memory['import.pdf.large: pdf.js alone, peak'] = alonePeak;
  ctx.memory['import.pdf.large: documents.import, peak'] = importPeak;
  ctx.figures.push(
    figure({
      id: 'import.pdf.large',
      label: `Import a ${imported.pages.toLocaleString('en')}-page PDF (documents.import, streamed)`,
      samples: [imported.ms],
      baseline: { label: 'pdf.js getTextContent, all pages', samples: [aloneMs] },
      target: { ratioMax: 1.5 },
      breakdown: { 'file MB': fs.statSync(large).size / 1e6, 'peak RSS MB, import': importPeak, 'peak RSS MB, pdf.js alone': alonePeak },
    }),
  );
}
