/**
 * The PdfPrinter of the command line and the tests: Chromium driven by playwright-core (no browser download: the
 * system Chromium, or CHROMIUM_PATH). Electron implements the same interface with `webContents.printToPDF`.
 *
 * The browser is started on the first print and kept for the next ones; call close() when done.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { localError } from '../../contract/i18n/format';
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

  return {
    async print(html: string, print: PdfPrintOptions): Promise<Buffer> {
      browser ??= launch().catch((error: unknown) => {
        browser = null;
        throw error;
      });
      const context = await (await browser).newContext({ offline: true, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // Self-contained HTML: any request other than data: URLs is refused.
        await page.route(/^(?!data:)/, (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load', timeout });
        // Page scripts are off, but evaluation still works: wait until every web font used is loaded, so that no
        // glyph is ever drawn with a fallback font.
        await page.evaluate('document.fonts.ready.then(() => document.fonts.status)');
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
        await context.close().catch(() => undefined);
      }
    },
    async close(): Promise<void> {
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
