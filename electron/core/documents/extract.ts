/**
 * Text extraction for imported documents: PDF (pdf.js), DOCX (mammoth), plain text, Markdown and HTML; photographs
 * and scans (JPEG, PNG, TIFF) and image-only PDF pages come out as pages marked `scanned`, for ocr/ to read.
 * Pure over bytes: no database, no files written. Page boundaries are kept so that excerpts can cite pages.
 *
 * pdf.js is ESM-only; this module is bundled to CommonJS, so it is loaded with a real dynamic `import()` of a file URL
 * resolved through `require.resolve` (which also honours NODE_PATH, unlike a bare ESM specifier).
 */
import { htmlToText } from 'html-to-text';
import mammoth from 'mammoth';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, TextItem as PdfTextItem, TextMarkedContent as PdfTextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import sanitizeHtml from 'sanitize-html';
import { IMAGE_MIME_TYPES, imageType, pageHasImage } from '../ocr/images';
import { cancelledError, displayName, ImportError, sizeArgs } from './import-error';

export { ImportError, type ImportFailureReason } from './import-error';

export type DocumentFormat = 'pdf' | 'docx' | 'txt' | 'md' | 'html' | 'image';

export interface ExtractedPage {
  /** 1-based page number (a DOCX, HTML or Markdown file is one page; a text file is split at form feeds). */
  number: number;
  text: string;
  /** No text, but a picture of the page (a photograph, a scanned PDF page): its text is for recognition to read. */
  scanned?: boolean;
  /** Set when the text was machine-read (see ocr/recognise.ts). */
  ocr?: { confidence: number; languages: string; engine: string };
}

export interface ExtractedDocument {
  format: DocumentFormat;
  mimeType: string;
  pages: ExtractedPage[];
  /** From the PDF metadata, the HTML <title> (or first <h1>) or the first Markdown heading; else null. */
  title: string | null;
  /** Things the user may want to know that did not stop the import (pages without text, odd extension...). */
  warnings: string[];
}

export interface ExtractInput {
  fileName: string;
  bytes: Uint8Array;
  /** Default 200 MB. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Called after each PDF page (done, total); once with (1, 1) for the other formats. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Given, every page is handed over as soon as it is read and none is kept (the result's `pages` is empty): a long
   * PDF is stored as it is read, in bounded memory.
   */
  onPage?: (page: ExtractedPage) => void;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export const MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  image: 'image/*',
};

const EXTENSION_FORMATS: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  tif: 'image',
  tiff: 'image',
};

/** For messages: the extensions of what can be imported, by the format word each message puts before them. */
const SUPPORTED_EXTENSIONS = { pdf: '.pdf', docx: '.docx', txt: '.txt', md: '.md', html: '.html, .htm', images: '.jpg, .png, .tif' };

/** Extracts the text of one document, page by page. Throws ImportError (VALIDATION_FAILED) or ApiError CONFLICT on cancel. */
export async function extractDocument(input: ExtractInput): Promise<ExtractedDocument> {
  const { fileName, bytes, signal, onProgress } = input;
  const name = displayName(fileName);
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  if (signal?.aborted) throw cancelledError(fileName);
  if (bytes.byteLength === 0) {
    throw new ImportError('empty-file', fileName, 'errorsFiles.documentEmpty', { file: name });
  }
  if (bytes.byteLength > maxBytes) {
    throw new ImportError('too-large', fileName, 'errorsFiles.documentTooLarge', {
      file: name,
      ...sizeArgs('size', bytes.byteLength, 'document'),
      ...sizeArgs('limit', maxBytes, 'document'),
    });
  }

  const warnings: string[] = [];
  const format = detectFormat(fileName, bytes, warnings);
  let result: { pages: ExtractedPage[]; title: string | null; mimeType?: string };
  switch (format) {
    case 'pdf':
      result = await extractPdf(fileName, bytes, warnings, signal, onProgress, input.onPage);
      break;
    case 'docx':
      result = await extractDocx(fileName, bytes, warnings);
      break;
    case 'txt':
    case 'md':
      result = extractPlainText(fileName, bytes, format);
      break;
    case 'html':
      result = extractHtml(fileName, bytes);
      break;
    case 'image':
      result = { pages: [{ number: 1, text: '', scanned: true }], title: null, mimeType: IMAGE_MIME_TYPES[imageType(bytes)!] };
      break;
  }
  if (signal?.aborted) throw cancelledError(fileName);
  if (format !== 'pdf') onProgress?.(1, 1);
  if (input.onPage && format !== 'pdf') {
    for (const page of result.pages) input.onPage(page);
    result.pages = [];
  }
  return { format, mimeType: result.mimeType ?? MIME_TYPES[format], pages: result.pages, title: result.title, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Format detection

function extensionOf(fileName: string): string {
  const base = displayName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function startsWithAscii(bytes: Uint8Array, text: string, at = 0): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function indexOfAscii(bytes: Uint8Array, text: string, from = 0, to = bytes.length): number {
  const first = text.charCodeAt(0);
  const end = Math.min(to, bytes.length) - text.length;
  for (let i = from; i <= end; i++) {
    if (bytes[i] === first && startsWithAscii(bytes, text, i)) return i;
  }
  return -1;
}

/** PDF readers accept up to 1 KB of junk before the header; so does this. */
function looksLikePdf(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, '%PDF-', 0, 1024) !== -1;
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWithAscii(bytes, 'PK\x03\x04') || startsWithAscii(bytes, 'PK\x05\x06');
}

function detectFormat(fileName: string, bytes: Uint8Array, warnings: string[]): DocumentFormat {
  const name = displayName(fileName);
  const ext = extensionOf(fileName);
  const byExtension = EXTENSION_FORMATS[ext];
  const isZip = looksLikeZip(bytes);

  if (looksLikePdf(bytes)) {
    if (byExtension !== 'pdf') warnings.push(`"${name}" is a PDF file despite its name; it was read as a PDF.`);
    return 'pdf';
  }
  if (imageType(bytes)) {
    if (byExtension !== 'image') warnings.push(`"${name}" is an image despite its name; it was read as a photo or scan.`);
    return 'image';
  }
  if (isZip && indexOfAscii(bytes, 'word/document.xml') !== -1) {
    if (byExtension !== 'docx') warnings.push(`"${name}" is a Word document despite its name; it was read as a .docx file.`);
    return 'docx';
  }
  if (byExtension === 'pdf') {
    throw new ImportError('corrupt', fileName, 'errorsFiles.pdfNoHeader', { file: name });
  }
  if (byExtension === 'docx') {
    throw isZip
      ? new ImportError('corrupt', fileName, 'errorsFiles.docxNoDocument', { file: name, entry: 'word/document.xml' })
      : new ImportError('corrupt', fileName, 'errorsFiles.docxNotZip', { file: name });
  }
  if (byExtension === 'image') {
    throw new ImportError('corrupt', fileName, 'errorsFiles.imageMismatch', { file: name });
  }
  if (byExtension) return byExtension;
  if (ext === 'doc' || ext === 'rtf' || ext === 'odt') {
    throw new ImportError('unsupported-type', fileName, 'errorsFiles.wordProcessorFile', { file: name, ext: `.${ext}`, ...SUPPORTED_EXTENSIONS });
  }
  if (ext) throw new ImportError('unsupported-type', fileName, 'errorsFiles.extensionUnsupported', { file: name, ext: `.${ext}`, ...SUPPORTED_EXTENSIONS });
  throw new ImportError('unsupported-type', fileName, 'errorsFiles.extensionMissing', { file: name, ...SUPPORTED_EXTENSIONS });
}

// ---------------------------------------------------------------------------------------------------------------
// Text normalisation shared by the formats

/** NFC, \n line endings, no trailing spaces, at most one blank line in a row, no NULs, trimmed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

type PdfJs = typeof PdfJsModule;

interface PdfJsRuntime {
  pdfjs: PdfJs;
  cMapUrl: string;
  standardFontDataUrl: string;
}

let pdfjsRuntime: Promise<PdfJsRuntime> | undefined;

/** Resolves a package file from this module (works in the CJS bundle, under tsx and under Vitest). */
function resolvePackageFile(specifier: string): string {
  const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'noop.js');
  return createRequire(from).resolve(specifier);
}

/**
 * Loads pdf.js once. Its worker module is loaded on the main thread too and registered as `globalThis.pdfjsWorker`,
 * so pdf.js runs its "fake worker" in-process instead of resolving `workerSrc` relative to itself.
 * On import, pdf.js warns that the optional @napi-rs/canvas is missing; that is only needed for rendering, so those
 * lines are filtered from the console while it loads.
 */
export function loadPdfJs(): Promise<PdfJsRuntime> {
  pdfjsRuntime ??= (async () => {
    const pdfPath = resolvePackageFile('pdfjs-dist/legacy/build/pdf.mjs');
    const workerPath = resolvePackageFile('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const root = path.resolve(path.dirname(pdfPath), '..', '..');
    const originalLog = console.log;
    console.log = (...args: unknown[]) => {
      const first = typeof args[0] === 'string' ? args[0] : '';
      if (/^Warning: Cannot (load "@napi-rs\/canvas"|polyfill `(DOMMatrix|ImageData|Path2D)`|access the `require`)/.test(first)) return;
      originalLog(...args);
    };
    try {
      const pdfjs = (await import(pathToFileURL(pdfPath).href)) as PdfJs;
      const globals = globalThis as { pdfjsWorker?: unknown };
      globals.pdfjsWorker ??= await import(pathToFileURL(workerPath).href);
      pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(workerPath).href;
      return { pdfjs, cMapUrl: path.join(root, 'cmaps') + path.sep, standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep };
    } finally {
      console.log = originalLog;
    }
  })().catch((error: unknown) => {
    pdfjsRuntime = undefined;
    throw error;
  });
  return pdfjsRuntime;
}

async function extractPdf(
  fileName: string,
  bytes: Uint8Array,
  warnings: string[],
  signal: AbortSignal | undefined,
  onProgress: ExtractInput['onProgress'],
  onPage?: ExtractInput['onPage'],
): Promise<{ pages: ExtractedPage[]; title: string | null }> {
  const name = displayName(fileName);
  const { pdfjs, cMapUrl, standardFontDataUrl } = await loadPdfJs();
  if (signal?.aborted) throw cancelledError(fileName);

  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, never the caller's bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const onAbort = () => void task.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      if (signal?.aborted) throw cancelledError(fileName);
      throw pdfOpenError(fileName, error);
    }
    const total = doc.numPages;
    const pages: ExtractedPage[] = [];
    const empty: number[] = [];
    const scanned: number[] = [];
    for (let number = 1; number <= total; number++) {
      // pdf.js's in-process "worker" answers through promises only: without this, a 300-page PDF would hold the event
      // loop for seconds (no timers, no IPC). One macrotask turn per page keeps the app responsive.
      await yieldToEventLoop();
      if (signal?.aborted) throw cancelledError(fileName);
      let text: string;
      try {
        const page = await doc.getPage(number);
        const content = await page.getTextContent();
        text = pdfItemsToText(content.items);
        if (text === '' && (await pageHasImage(page, pdfjs.OPS))) scanned.push(number);
        page.cleanup();
      } catch (error) {
        if (signal?.aborted) throw cancelledError(fileName);
        throw new ImportError('corrupt', fileName, 'errorsFiles.pdfPageUnreadable', { file: name, page: number, total }, { cause: error });
      }
      if (text === '' && scanned.at(-1) !== number) empty.push(number);
      const page: ExtractedPage = scanned.at(-1) === number ? { number, text, scanned: true } : { number, text };
      if (onPage) onPage(page);
      else pages.push(page);
      onProgress?.(number, total);
      // pdf.js keeps every page it has read (its objects, on both sides of its worker): let it go now and then.
      if (number % CLEANUP_EVERY === 0) await doc.cleanup();
    }
    if (signal?.aborted) throw cancelledError(fileName);
    if (total === 0 || empty.length === total) {
      throw new ImportError('no-text', fileName, 'errorsFiles.pdfNoText', { file: name });
    }
    if (empty.length > 0) {
      const list = empty.length > 10 ? `${empty.slice(0, 10).join(', ')} and ${empty.length - 10} more` : empty.join(', ');
      warnings.push(`${empty.length === 1 ? 'Page' : 'Pages'} ${list} of "${name}" ${empty.length === 1 ? 'has' : 'have'} neither text nor a scanned picture (blank or drawn as shapes).`);
    }
    return { pages, title: await pdfTitle(doc) };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await task.destroy().catch(() => undefined);
  }
}

/**
 * Pages read between two pdf.js cleanups. A cleanup lets go of the fonts and images pdf.js keeps for the pages to come
 * (a file joining many reports carries many fonts), and every font still in use is parsed again after it: every 500
 * pages, the 30,000-page PDF of the benchmark took 14.7 s and peaked at 904 MB; every 2,000, 12.1 s and 756 MB
 * (pdf.js's own objects grow by ~10 MB per 1,000 pages either way).
 */
const CLEANUP_EVERY = 2_000;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function pdfOpenError(fileName: string, error: unknown): ImportError {
  const name = displayName(fileName);
  const errorName = error instanceof Error ? error.name : '';
  if (errorName === 'PasswordException') {
    return new ImportError('encrypted', fileName, 'errorsFiles.pdfPassword', { file: name }, { cause: error });
  }
  return new ImportError('corrupt', fileName, 'errorsFiles.pdfDamaged', { file: name }, { cause: error });
}

async function pdfTitle(doc: PDFDocumentProxy): Promise<string | null> {
  try {
    const { info, metadata } = await doc.getMetadata();
    const candidates = [metadata?.get('dc:title'), (info as { Title?: unknown } | undefined)?.Title];
    for (const candidate of candidates) {
      if (typeof candidate !== 'string') continue;
      const title = normaliseText(candidate.replace(/^Microsoft (Word|PowerPoint) - /, '')).replace(/\s+/g, ' ');
      if (title !== '' && !/^untitled$/i.test(title)) return title;
    }
  } catch {
    // Broken metadata is not worth failing an import for.
  }
  return null;
}

interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/**
 * Joins pdf.js text items into lines: a new line where pdf.js marks an end of line or the baseline moves, a space
 * where there is a visible gap between two items that do not already carry one. Lines further apart than usual
 * (1.4x the page's median line spacing) are separated by a blank line, which keeps paragraphs apart.
 * Chromium (and other producers) split words into several items where the glyphs come from different font subsets,
 * e.g. the Kazakh letters қ, ә, ң in "Қазақстан": adjacent items are therefore joined without a space.
 */
export function pdfItemsToText(items: ReadonlyArray<PdfTextItem | PdfTextMarkedContent>): string {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let lastEnd = 0;
  let lastY = 0;

  const endLine = () => {
    if (current && current.text.trim() !== '') lines.push(current);
    current = null;
  };

  for (const item of items) {
    if (!('str' in item)) continue;
    const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform as number[];
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), item.height, 1);
    if (item.str !== '') {
      if (current !== null) {
        const line: PdfLine = current;
        if (Math.abs(y - lastY) > 0.5 * Math.max(size, line.size)) {
          endLine();
        } else if (x - lastEnd > 0.2 * size && !/\s$/.test(line.text) && !/^\s/.test(item.str)) {
          line.text += ' ';
        }
      }
      if (current === null) current = { text: '', y, size };
      const line: PdfLine = current;
      line.text += item.str;
      line.size = Math.max(line.size, size);
      lastEnd = x + item.width;
      lastY = y;
    }
    if (item.hasEOL) endLine();
  }
  endLine();

  const sizes = lines.map((line) => line.size).sort((p, q) => p - q);
  const bodySize = sizes.length > 0 ? sizes[Math.floor((sizes.length - 1) / 2)]! : 1;
  // The usual spacing is that of body text: between two lines in the body's type size. On a short page, gaps around
  // a heading or between paragraphs would otherwise pull the median up until no paragraph break is seen.
  const near = (size: number) => Math.abs(size - bodySize) <= 0.1 * bodySize;
  const spacing = (bodyOnly: boolean) => {
    const out: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const [above, below] = [lines[i - 1]!, lines[i]!];
      if (bodyOnly && !(near(above.size) && near(below.size))) continue;
      const gap = Math.abs(above.y - below.y);
      if (gap > 0) out.push(gap);
    }
    return out.sort((p, q) => p - q);
  };
  const bodyGaps = spacing(true);
  const gaps = bodyGaps.length > 0 ? bodyGaps : spacing(false);
  const median = gaps.length > 0 ? gaps[Math.floor((gaps.length - 1) / 2)]! : 0;
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) {
      const gap = Math.abs(lines[i - 1]!.y - line.y);
      // Larger type has wider line spacing: two lines of one wrapped heading are one paragraph, not two (a locator's
      // paragraph count would otherwise count the heading twice).
      const scale = Math.max(1, Math.min(lines[i - 1]!.size, line.size) / bodySize);
      text += median > 0 && gap > 1.4 * median * scale ? '\n\n' : '\n';
    }
    text += line.text.replace(/\s+/g, ' ').trim();
  });
  return normaliseText(text);
}

// ---------------------------------------------------------------------------------------------------------------
// DOCX

async function extractDocx(fileName: string, bytes: Uint8Array, warnings: string[]): Promise<{ pages: ExtractedPage[]; title: string | null }> {
  const name = displayName(fileName);
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (error) {
    throw new ImportError('corrupt', fileName, 'errorsFiles.docxDamaged', { file: name }, { cause: error });
  }
  for (const message of result.messages) {
    if (message.type === 'error') warnings.push(`"${name}": ${message.message}`);
  }
  // mammoth ends every paragraph with "\n\n": paragraphs stay separated by one blank line.
  const text = normaliseText(result.value);
  if (text === '') {
    throw new ImportError('no-text', fileName, 'errorsFiles.docxNoText', { file: name });
  }
  return { pages: [{ number: 1, text }], title: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Plain text, Markdown

/** Decodes text bytes: UTF-8 (BOM stripped) or UTF-16 with a BOM; optionally a charset declared by an HTML page. */
function decodeText(fileName: string, bytes: Uint8Array, declaredCharset?: (ascii: string) => string | null): string {
  const name = displayName(fileName);
  const corrupt = () => new ImportError('corrupt', fileName, 'errorsFiles.textNotUtf8', { file: name, example: 'Windows-1251' });
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const charset = declaredCharset?.(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
    if (!charset) throw corrupt();
    try {
      text = new TextDecoder(charset, { fatal: true }).decode(bytes);
    } catch {
      throw corrupt();
    }
  }
  // NULs do not occur in text files: this is a binary file with a text extension.
  if (text.includes('\u0000')) throw corrupt();
  return text;
}

function extractPlainText(fileName: string, bytes: Uint8Array, format: 'txt' | 'md'): { pages: ExtractedPage[]; title: string | null } {
  const name = displayName(fileName);
  const text = decodeText(fileName, bytes).replace(/\r\n?/g, '\n');
  const parts = text.split('\f');
  // A final form feed ends the last page; it does not start an empty one.
  if (parts.length > 1 && parts[parts.length - 1]!.trim() === '') parts.pop();
  const pages = parts.map((part, i) => ({ number: i + 1, text: normaliseText(part) }));
  if (pages.every((page) => page.text === '')) {
    throw new ImportError('no-text', fileName, 'errorsFiles.textBlank', { file: name });
  }
  let title: string | null = null;
  if (format === 'md') {
    const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text);
    title = heading?.[1] ? normaliseText(heading[1]) : null;
  }
  return { pages, title };
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

/** Everything that could execute or load something is dropped; only structure and text survive. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
  allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title', 'select', 'button', 'canvas', 'video', 'audio'],
};

const HTML_TO_TEXT_OPTIONS: Parameters<typeof htmlToText>[1] = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

function htmlCharset(ascii: string): string | null {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(ascii);
  return match?.[1] ?? null;
}

/** Sanitises then converts HTML to plain text. Exported for tests and for pasted clippings. */
export function htmlToPlainText(html: string): string {
  const clean = sanitizeHtml(html, SANITIZE_OPTIONS);
  return normaliseText(htmlToText(clean, HTML_TO_TEXT_OPTIONS));
}

function extractHtml(fileName: string, bytes: Uint8Array): { pages: ExtractedPage[]; title: string | null } {
  const name = displayName(fileName);
  const html = decodeText(fileName, bytes, htmlCharset);
  const text = htmlToPlainText(html);
  if (text === '') {
    throw new ImportError('no-text', fileName, 'errorsFiles.htmlNoText', { file: name });
  }
  const titleSource = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? '';
  const title = htmlToPlainText(`<p>${titleSource}</p>`).replace(/\s+/g, ' ');
  return { pages: [{ number: 1, text }], title: title === '' ? null : title };
}
