/**
 * Text recognition with tesseract.js (Tesseract compiled to WebAssembly, run in a Node worker thread). Chosen over
 * the tesseract command line: an installer can ship it as an npm dependency on Windows, macOS and Linux alike, with
 * no program for the user to install and nothing found on PATH; only the trained data files ship beside it.
 * One engine per job: created for the first page that needs it, ended by `close` or at once on cancel.
 */
import type * as Tesseract from 'tesseract.js';
import type { Worker } from 'tesseract.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import { tessdataDir, type OcrLanguage } from './tessdata';

export interface Recognised {
  text: string;
  /** Mean word confidence, 0-100. */
  confidence: number;
}

/** Which engine recorded a page's text, stored with it. */
export const OCR_ENGINE = 'tesseract.js 7 (LSTM)';

type TesseractModule = typeof Tesseract;

function loadTesseract(): TesseractModule {
  const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'noop.js');
  return createRequire(from)('tesseract.js') as TesseractModule;
}

export class OcrEngine {
  private constructor(
    private readonly worker: Worker,
    readonly languages: readonly OcrLanguage[],
  ) {}

  static async create(languages: readonly OcrLanguage[], signal?: AbortSignal): Promise<OcrEngine> {
    const langPath = tessdataDir(languages);
    const { createWorker, OEM } = loadTesseract();
    // cacheMethod 'none': the data is read from langPath on every start and no copy is written anywhere.
    const worker = await createWorker([...languages], OEM.LSTM_ONLY, { langPath, gzip: false, cacheMethod: 'none', errorHandler: () => undefined });
    const engine = new OcrEngine(worker, languages);
    if (signal?.aborted) {
      await engine.close();
      throw cancelled();
    }
    return engine;
  }

  /** Recognises one image (PNG, JPEG, TIFF, BMP or PNM bytes). A cancel ends the worker mid-page. */
  async recognise(image: Uint8Array, signal?: AbortSignal): Promise<Recognised> {
    if (signal?.aborted) throw cancelled();
    // Terminating the worker does not settle a recognition in progress: the cancel answers for it, at once.
    let onAbort = (): void => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        void this.worker.terminate().catch(() => undefined);
        reject(cancelled());
      };
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await Promise.race([this.worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength)), aborted]);
      if (signal?.aborted) throw cancelled();
      return { text: result.data.text, confidence: Math.max(0, Math.min(100, result.data.confidence)) };
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw localError('INTERNAL', 'errorsCore.ocrFailed', { detail: (error as Error)?.message ?? String(error) }, { cause: error });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate().catch(() => undefined);
  }
}

function cancelled(): ApiError {
  return localError('CONFLICT', 'errorsImport.ocrCancelled');
}
