/**
 * Reads the text of scanned pages: an imported photograph (one page) or the image-only pages of a PDF. Pure over
 * bytes like extraction: nothing is written here; the caller stores all pages in one transaction, so a cancel
 * (which ends the engine mid-page) leaves the project as it was.
 */
import type { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import type { DocumentFormat } from '../documents/extract';
import { loadPdfJs, normaliseText } from '../documents/extract';
import { OcrEngine, OCR_ENGINE } from './engine';
import { pageImage } from './images';
import type { OcrLanguage } from './tessdata';

export interface RecognisedPage {
  number: number;
  text: string;
  ocr: { confidence: number; languages: string; engine: string };
}

export interface RecogniseOptions {
  languages: readonly OcrLanguage[];
  signal?: AbortSignal | undefined;
  /** After each page: pages done, pages to do. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Recognises the given pages of a document's original bytes (an image has one page). */
export async function recognisePages(
  format: DocumentFormat,
  bytes: Uint8Array,
  numbers: readonly number[],
  options: RecogniseOptions,
): Promise<RecognisedPage[]> {
  const { languages, signal, onProgress } = options;
  if (numbers.length === 0) return [];
  const engine = await OcrEngine.create(languages, signal);
  const languagesText = languages.join('+');
  const out: RecognisedPage[] = [];
  let done = 0;
  const read = async (number: number, image: Uint8Array | null) => {
    // A page without a picture (blank) is not machine-read: it keeps its empty text and no confidence.
    if (image) {
      const result = await engine.recognise(image, signal);
      out.push({ number, text: normaliseText(result.text), ocr: { confidence: Math.round(result.confidence * 10) / 10, languages: languagesText, engine: OCR_ENGINE } });
    }
    onProgress?.(++done, numbers.length);
  };
  try {
    if (format === 'image') {
      await read(1, bytes);
    } else if (format === 'pdf') {
      const { pdfjs, cMapUrl, standardFontDataUrl } = await loadPdfJs();
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, cMapUrl, cMapPacked: true, standardFontDataUrl, verbosity: pdfjs.VerbosityLevel.ERRORS });
      try {
        const doc = await task.promise;
        for (const number of numbers) {
          if (signal?.aborted) throw cancelled();
          const page = await doc.getPage(number);
          const image = await pageImage(page, pdfjs.OPS);
          page.cleanup();
          await read(number, image);
        }
      } finally {
        await task.destroy().catch(() => undefined);
      }
    } else {
      throw localError('VALIDATION_FAILED', 'errorsImport.ocrAlreadyText');
    }
  } finally {
    await engine.close();
  }
  if (signal?.aborted) throw cancelled();
  return out;
}

function cancelled(): ApiError {
  return localError('CONFLICT', 'errorsImport.ocrCancelled');
}
