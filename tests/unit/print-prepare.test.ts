/**
 * The command-line printer's prepare(): the browser and its page start while an export's document is built, and what
 * was started is closed whether or not a print follows. Real Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildExportDocument, exportProject, playwrightPrinter, renderHtml } from '../../electron/core/export';
import { LOAD_ALL_FONTS, PRINT_VIEWPORT, printOnlyHtml } from '../../electron/core/export/print-page';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/core/export/print-playwright';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

/** Chromium processes started by this test process (Playwright launches the browser as a direct child). */
function browsers(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => /chrom/i.test(line) && /--remote-debugging-pipe/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

const HTML = `<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>t</title></head><body><p>Қазақстан</p></body></html>`;

describe('playwrightPrinter.prepare', () => {
  it('prints with the page it prepared, and opens a fresh one for the next print', async () => {
    const printer = playwrightPrinter();
    try {
      printer.prepare?.();
      printer.prepare?.(); // a second call before the print does not open a second page
      const first = await printer.print(HTML, { paper: 'a4', orientation: 'portrait', title: 't', author: 'a', subject: 's' });
      const second = await printer.print(HTML, { paper: 'letter', orientation: 'landscape', title: 't', author: 'a', subject: 's' });
      expect(first.subarray(0, 5).toString()).toBe('%PDF-');
      expect(second.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await printer.close();
    }
    expect(browsers()).toEqual([]);
  }, 60_000);

  it('closes a prepared page and its browser when no print follows', async () => {
    const printer = playwrightPrinter();
    printer.prepare?.();
    // Wait until the browser is really up, so that close() has something to close.
    for (let i = 0; i < 200 && browsers().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(browsers().length).toBe(1);
    await printer.close();
    for (let i = 0; i < 200 && browsers().length > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(browsers()).toEqual([]);
  }, 60_000);

  it('reports a missing browser at the print, not as an unhandled rejection of prepare()', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const printer = playwrightPrinter({ executablePath: path.join(os.tmpdir(), 'no-such-chromium') });
    try {
      printer.prepare?.();
      await new Promise((r) => setTimeout(r, 50));
      await expect(printer.print(HTML, { paper: 'a4', orientation: 'portrait', title: 't', author: 'a', subject: 's' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
      await printer.close();
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('an export that fails before printing still closes the browser it started', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-print-prepare-'));
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const project = Project.open(file, { readonly: true });
    try {
      // No printer given: the export starts its own while the document is built; an unknown norm then fails it.
      await expect(exportProject(project, { what: 'matrix', format: 'pdf', out: path.join(dir, 'x.pdf'), norms: ['no such norm'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      for (let i = 0; i < 200 && browsers().length > 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(browsers()).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    } finally {
      project.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('printOnlyHtml', () => {
  it('hides the page on screen only, before the end of its head', () => {
    expect(printOnlyHtml(HTML)).toContain('<style>@media screen, print and (min-width: 2000px) { html { display: none } }</style></head>');
    expect(printOnlyHtml('<p>no head</p>')).toBe('<p>no head</p>');
  });

  it('lays the document out once to print it, at the size of the page, not first at the size of the window', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-print-layout-'));
    const project = (writeSampleProject(path.join(dir, 'sample.comparanda')), Project.open(path.join(dir, 'sample.comparanda'), { readonly: true }));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const doc = await buildExportDocument(project, { what: 'matrix', format: 'pdf', out: '' });
      // As both printers load it: a page of PRINT_VIEWPORT's size.
      const page = await browser.newPage({ viewport: { ...PRINT_VIEWPORT } });
      await page.setContent(printOnlyHtml(renderHtml(doc, { paper: 'a4' }).html), { waitUntil: 'load' });
      await page.evaluate(LOAD_ALL_FONTS);
      const trace = path.join(dir, 'trace.json');
      await browser.startTracing(page, { path: trace, categories: ['devtools.timeline'] });
      const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true, tagged: true });
      await browser.stopTracing();
      // A layout of the whole document: every one of its many layout objects dirty.
      const events = (JSON.parse(fs.readFileSync(trace, 'utf8')) as { traceEvents: { name: string; args?: { beginData?: { dirtyObjects?: number; totalObjects?: number } } }[] }).traceEvents;
      const whole = events.filter((e) => e.name === 'Layout' && (e.args?.beginData?.totalObjects ?? 0) > 100 && e.args?.beginData?.dirtyObjects === e.args?.beginData?.totalObjects);
      expect(whole.length).toBe(1);
      // And the print shows the document.
      fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
      expect(execFileSync('pdftotext', [path.join(dir, 'x.pdf'), '-'], { encoding: 'utf8' })).toContain(doc.tables[0]!.cases[0]!.name);
    } finally {
      await browser.close();
      project.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints the text of Russian and Kazakh stretches without their spans (the tagged PDF has no language for them)', () => {
    const html = `<html><head></head><body><p>See <span lang="ru">вброс бюл\u00adле\u00adте\u00adней</span>; <span lang="kk">Осы ЕҚЫҰ<br>пен</span> <span class="sc">OSCE</span><sup><span lang="ru">а</span></sup></p></body></html>`;
    expect(printOnlyHtml(html)).toBe(`<html><head><style>@media screen, print and (min-width: 2000px) { html { display: none } }</style></head><body><p>See вброс бюл\u00adле\u00adте\u00adней; Осы ЕҚЫҰ<br>пен <span class="sc">OSCE</span><sup>а</sup></p></body></html>`);
  });

  it('unwraps only what loses nothing: Chromium gives a tagged PDF no language below the document’s', async () => {
    // The day a Chromium writes /Lang for a span, the printers must keep the spans (print-page.ts): this fails then.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<html lang="en"><body><p>Observers said <span lang="ru">выборы прошли</span> and <span lang="kk">сайлау өтті</span>.</p></body></html>');
      const pdf = (await page.pdf({ tagged: true })).toString('latin1');
      // Every stream inflated (the structure tree and the content's marked sequences are compressed), then searched.
      const texts = [pdf];
      for (let at = pdf.indexOf('stream\n'); at >= 0; at = pdf.indexOf('stream\n', at + 7)) {
        const end = pdf.indexOf('endstream', at);
        if (end < 0) break;
        try {
          texts.push(zlib.inflateSync(Buffer.from(pdf.slice(at + 7, end), 'latin1')).toString('latin1'));
        } catch {
          // Not a deflated stream (fonts may be stored otherwise).
        }
      }
      const all = texts.join('\n');
      // What was searched holds the structure tree (a paragraph element) and the page's marked content.
      expect(all).toMatch(/\/S\s*\/P\b/);
      expect(all).toContain('BDC');
      const languages = new Set([...all.matchAll(/\/Lang\s*\(([^)]*)\)/g)].map((m) => m[1]));
      expect(languages).toEqual(new Set(['en']));
    } finally {
      await browser.close();
    }
  }, 60_000);
});
