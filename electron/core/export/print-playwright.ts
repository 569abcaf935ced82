/**
 * The PdfPrinter of the command line and the tests: Chromium driven by playwright-core (no browser download: the
 * system Chromium, or CHROMIUM_PATH). Electron implements the same interface with `webContents.printToPDF`.
 *
 * The browser is started on the first print and kept for the next ones; call close() when done.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { localError } from '../../contract/i18n/format';
import { LOAD_ALL_FONTS, PRINT_VIEWPORT, printOnlyHtml } from './print-page';
import type { PdfPrinter, PdfPrintOptions } from './types';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface PlaywrightPrinterOptions {
  /** Default: $CHROMIUM_PATH, else /usr/bin/chromium. */
  executablePath?: string | undefined;
  /** How long one print may take (default 60 s). */
  timeoutMs?: number | undefined;
}

export interface ClosablePdfPrinter extends PdfPrinter {
  close(): Promise<void>;
}

export function chromiumPath(options: PlaywrightPrinterOptions = {}): string {
  return options.executablePath ?? (process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH);
}

export function playwrightPrinter(options: PlaywrightPrinterOptions = {}): ClosablePdfPrinter {
  let browser: Promise<Browser> | null = null;
  // A page opened by prepare() for the next print, while the document is being built (a context costs ~130 ms).
  let spare: Promise<BrowserContext> | null = null;
  /** Pages of finished prints still closing (print()). */
  const closing = new Set<Promise<void>>();
  const timeout = options.timeoutMs ?? 60_000;

  const launch = async (): Promise<Browser> => {
    const executablePath = chromiumPath(options);
    if (!fs.existsSync(executablePath)) {
      throw localError('UNSUPPORTED', 'errorsExport.chromiumMissing', { browser: 'Chromium', path: executablePath, command: 'apt-get install chromium', variable: 'CHROMIUM_PATH' });
    }
    const { chromium } = await import('playwright-core');
    try {
      return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
    } catch (error) {
      throw localError('UNSUPPORTED', 'errorsExport.chromiumFailed', { browser: 'Chromium', path: executablePath, reason: (error as Error).message.split('\n')[0] ?? '' }, { cause: error });
    }
  };

  const openContext = async (): Promise<BrowserContext> => {
    browser ??= launch().catch((error: unknown) => {
      browser = null;
      throw error;
    });
    const context = await (await browser).newContext({ offline: true, javaScriptEnabled: false, viewport: { ...PRINT_VIEWPORT } });
    // Self-contained HTML: any request other than data: URLs is refused.
    await context.route(/^(?!data:)/, (route) => route.abort());
    await context.newPage();
    return context;
  };

  return {
    prepare(): void {
      if (spare) return;
      spare = openContext();
      // Awaited by the next print, which reports a failure; until then it must not count as unhandled.
      spare.catch(() => undefined);
    },
    async print(html: string, print: PdfPrintOptions): Promise<Buffer> {
      const next = spare ?? openContext();
      spare = null;
      const context = await next;
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.setContent(printOnlyHtml(html), { waitUntil: 'load', timeout });
        // Page scripts are off, but evaluation still works: load every web font before printing (print-page.ts).
        await page.evaluate(LOAD_ALL_FONTS);
        const pdf = await page.pdf({
          format: print.paper === 'letter' ? 'Letter' : 'A4',
          landscape: print.orientation === 'landscape',
          preferCSSPageSize: true,
          printBackground: true,
          tagged: true,
          outline: true,
        });
        return Buffer.from(pdf);
      } finally {
        // Closed behind the answer: the PDF is whole, and tearing the page down (tens of ms at XL) need not hold the
        // export up. close() waits for it, so no page outlives the printer.
        const done: Promise<void> = context
          .close()
          .catch(() => undefined)
          .then(() => void closing.delete(done));
        closing.add(done);
      }
    },
    async close(): Promise<void> {
      await Promise.all([...closing]);
      const waiting = spare;
      spare = null;
      await (await waiting?.catch(() => null))?.close().catch(() => undefined);
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
