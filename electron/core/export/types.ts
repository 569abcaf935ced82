/**
 * Publication exports: the options, the result and the printer interface shared by the core, the CLI and (later) the
 * Electron main process. Everything here is plain data, but for the error a cancelled export answers; see index.ts
 * for `exportProject`.
 */
import type { LocalText } from '../../contract/i18n/format';
import type { Orientation } from '../../contract/api';
import type { QcaExportDefinition } from '../../contract/qca';
import type { ApiError, Notice } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';

export const EXPORT_FORMATS = ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_KINDS = ['matrix', 'case', 'appendix', 'claims', 'observation', 'qca'] as const;
/** What is exported (see kinds.ts for each kind's builder). */
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type PaperSize = 'a4' | 'letter';
export type PageOrientation = 'landscape' | 'portrait';
/** How a matrix is laid out: the article's tables have the cases as columns and the stages as rows. */
export type MatrixLayout = Orientation;
/** CSV/XLSX shape: long = one row per norm x stage x case; wide = stages as rows x cases as columns. */
export type TableShape = 'long' | 'wide';

/** The bundled citation styles, by short name; anything else must be a path to a .csl file. */
export const BUNDLED_STYLES = ['chicago-note', 'apa', 'harvard'] as const;
export type BundledStyle = (typeof BUNDLED_STYLES)[number];

export interface PdfPrintOptions {
  paper: PaperSize;
  /** The orientation of the first page; the HTML's CSS `@page` rules are authoritative (preferCSSPageSize). */
  orientation: PageOrientation;
  title: string;
  author: string;
  subject: string;
}

/**
 * Prints self-contained HTML (fonts inlined, no external requests) to PDF with Chromium. Implemented with
 * Playwright for the CLI and tests (print-playwright.ts) and with `webContents.printToPDF` in Electron. The printer
 * should produce a tagged PDF with an outline where the engine can; Title/Author/Subject are (re)written by the core
 * afterwards (pdf-info.ts), so a printer need not set them.
 *
 * In Electron: a hidden, sandboxed BrowserWindow (no preload, no network) loads the HTML from a temporary file (an
 * appendix can exceed Chromium's 2 MB limit for data: URLs), waits for `did-finish-load` and then for
 * `document.fonts.ready` through executeJavaScript (the HTML's own Content-Security-Policy forbids any script in it,
 * so JavaScript may stay enabled for this), and calls `webContents.printToPDF({
 * preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true,
 * pageSize: paper === 'letter' ? 'Letter' : 'A4', landscape: orientation === 'landscape' })`. The HTML's CSS `@page`
 * rules decide the page size, orientation (per section), margins and the page-number margin boxes.
 */
export interface PdfPrinter {
  print(html: string, options: PdfPrintOptions): Promise<Buffer>;
  /**
   * Starts what the next print needs (a browser, a page) while the document is still being built; optional, and
   * harmless when no print follows (the page waits for the next one, or for close()).
   */
  prepare?(): void;
}

export interface ExportProgress {
  phase: 'prepare' | 'cite' | 'render' | 'print' | 'check' | 'write';
  /** What is being done, from the catalogue (each client says it in its language). */
  text: LocalText;
}

export interface ExportOptions {
  what: ExportKind;
  format: ExportFormat;
  /** The file to write. For LaTeX a sibling .bib with the cited sources is written too. */
  out: string;
  /** Norm ids or labels (matrix, appendix; claims: only claims about these norms); absent = the view's norms or every live norm. */
  norms?: string[] | undefined;
  /** Case ids, names or ISO codes in column order (matrix, appendix, observation; claims: only claims whose focal or comparator case is one of them). */
  cases?: string[] | undefined;
  /** A saved view (name or id). */
  view?: string | undefined;
  /** The case of a case profile (id, name or ISO code). */
  case?: string | undefined;
  /**
   * Claims register: one claim (its id, or a piece of its claimant or statement that matches only it) exported as a
   * comparison card — the claim, then the focal and comparator verdicts side by side — instead of the register.
   */
  claim?: string | undefined;
  /** Default: the view's orientation, else cases as columns. */
  layout?: MatrixLayout | undefined;
  /** CSV: long (default) or wide. XLSX: both unless one is asked for. */
  shape?: TableShape | undefined;
  /** 'chicago-note' (default), 'apa', 'harvard' or a path to a .csl file. */
  style?: string | undefined;
  /** A CSL locale such as en-US, en-GB, ru-RU (bundled); default: the style's default locale, else en-US. */
  locale?: string | undefined;
  /**
   * The language of the export's own words (headings, captions, column headers, status words, table notes): en, ru
   * or kk. Default: the language of `locale` (ru-RU → ru), else English. Kazakh citations use the ru-RU locale
   * unless `locale` says otherwise (there is no Kazakh CSL locale); see i18n/index.ts.
   */
  language?: 'en' | 'ru' | 'kk' | undefined;
  /**
   * Romanise Cyrillic references by the ALA-LC tables (Russian, Kazakh), as Europe-Asia Studies and Post-Soviet
   * Affairs require, with the translated title in brackets where the source has one. Default false.
   */
  romanise?: boolean | undefined;
  /** QCA: the analysis to report (outcome, conditions, cuts, directional expectations); default the project's sets. */
  qca?: QcaExportDefinition | undefined;
  /** Default a4. */
  paper?: PaperSize | undefined;
  /** Default: landscape for matrices, claims and the observation record; portrait for case profiles; an appendix mixes both unless this is given. */
  orientation?: PageOrientation | undefined;
  /**
   * How the notes of note styles are marked in PDF, DOCX and Markdown: superscript letters starting again at "a" in each
   * table (default; Chicago 3.77: table notes must not join the article's numbered footnotes) or running numbers
   * (DOCX: real Word footnotes).
   */
  noteMarks?: 'letters' | 'numbers' | undefined;
  /** CSV: start with a UTF-8 byte order mark (default true) so that Excel on Windows reads Cyrillic as UTF-8. */
  bom?: boolean | undefined;
  /** The PDF/DOCX author metadata. Default: "Comparanda project “TITLE”". */
  author?: string | undefined;
  onProgress?: ((progress: ExportProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface ExportedFile {
  path: string;
  bytes: number;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Things worth knowing that did not stop the export (e.g. characters the bundled fonts lack). */
  warnings: Notice[];
}

/** What every export answers when it is cancelled, whichever step it was at. */
export function exportCancelled(): ApiError {
  return localError('CONFLICT', 'errorsExport.cancelled');
}
