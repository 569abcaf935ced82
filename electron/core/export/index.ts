/**
 * Publication exports (issue #6): the matrix, a case profile, the evidence appendix, the claims register or the
 * observation record as PDF (HTML + CSS printed by
 * Chromium), DOCX, LaTeX (+ .bib), CSV, XLSX or Markdown, with real citations (CSL styles), from the app and the
 * command line. One entry point, `exportProject`; the document model (model.ts) is shared by every format.
 *
 * Nothing is written unless the pre-export check passes on the bytes about to be written (check.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../contract/errors';
import { localError, localText } from '../../contract/i18n/format';
import { partialNameBeside } from '../db/temp-files';
import { APP_NAME, APP_VERSION, type Project } from '../project';
import { guardOutput } from '../privacy/gate';
import { recordedIdentities, type Identity } from '../privacy/identities';
import { foldNeedle } from '../privacy/match';
import { romanise } from './i18n/romanise';
import { officeTexts, pdfTexts } from './check';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { buildExportDocument } from './kinds';
import { renderLatex } from './latex';
import { renderMarkdown } from './markdown';
import type { ExportDocument } from './model';
import { setPdfInfo } from './pdf-info';
import { playwrightPrinter } from './print-playwright';
import { renderCsv, renderXlsx } from './sheets';
import { EXPORT_FORMATS, exportCancelled, type ExportFormat, type ExportOptions, type ExportResult, type PageOrientation, type PaperSize, type PdfPrinter } from './types';

export * from './types';
export { exportKinds, exportKind, registerExportKind, assertExportable, buildExportDocument, type ExportKindSpec } from './kinds';
export { renderHtml, type RenderedHtml } from './html';
export { playwrightPrinter, type ClosablePdfPrinter } from './print-playwright';
export { loadStyle, bundledLocales } from './citations';
export type { ExportDocument } from './model';

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { pdf: '.pdf', docx: '.docx', tex: '.tex', csv: '.csv', xlsx: '.xlsx', md: '.md' };

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw exportCancelled();
}

function validate(options: ExportOptions): void {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.unknownFormat', { format: options.format, formats: EXPORT_FORMATS.join(', ') });
  }
  if (!options.out || !options.out.trim()) throw localError('VALIDATION_FAILED', 'errorsExport.sayWhere');
  if (options.paper && !['a4', 'letter'].includes(options.paper)) throw localError('VALIDATION_FAILED', 'errorsExport.paper', { value: options.paper, a4: 'a4', letter: 'letter' });
  if (options.orientation && !['landscape', 'portrait'].includes(options.orientation)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.optionOneOf', { option: 'orientation', choices: 'landscape', last: 'portrait', value: options.orientation });
  }
  if (options.layout && !['cases-as-columns', 'stages-as-columns'].includes(options.layout)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.optionOneOf', { option: 'layout', choices: 'cases-as-columns', last: 'stages-as-columns', value: options.layout });
  }
  if (options.shape && !['long', 'wide'].includes(options.shape)) throw localError('VALIDATION_FAILED', 'errorsExport.optionOneOf', { option: 'shape', choices: 'long', last: 'wide', value: options.shape });
  if (options.language && !['en', 'ru', 'kk'].includes(options.language)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.optionOneOf', { option: 'language', choices: 'en, ru', last: 'kk', value: options.language });
  }
  if (options.noteMarks && !['letters', 'numbers'].includes(options.noteMarks)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.optionOneOf', { option: 'marks', choices: 'letters', last: 'numbers', value: options.noteMarks });
  }
}

/**
 * Identities with the romanised forms of those written in Cyrillic: a romanised export prints "Bekova" where the
 * project recorded "Бекова", and the pre-export check must recognise it there too.
 */
function withRomanisedForms(identities: Identity[]): Identity[] {
  const out = [...identities];
  for (const identity of identities) {
    if (!/[\u0400-\u04ff]/.test(identity.value)) continue;
    for (const form of ['journal', 'strict'] as const) {
      const value = romanise(identity.value, undefined, form);
      const needle = foldNeedle(value);
      if (needle.spaced.length >= 3 && !out.some((i) => i.participantId === identity.participantId && i.needle.spaced === needle.spaced)) out.push({ ...identity, value, needle, derived: true });
    }
  }
  return out.sort((a, b) => b.needle.spaced.length - a.needle.spaced.length);
}

/** A file name to propose in a save dialog: "Kazakhstan & Belarus (sample) – matrix.pdf". */
export function defaultExportFileName(projectTitle: string, what: ExportOptions['what'], format: ExportFormat): string {
  const labels: Partial<Record<ExportOptions['what'], string>> = { appendix: 'evidence appendix', case: 'case profile', claims: 'claims register', observation: 'observation record' };
  const label = labels[what] ?? what;
  const safe = `${projectTitle} – ${label}`
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${safe}${FORMAT_EXTENSIONS[format]}`;
}

/** A base name \input and \addbibresource read on every TeX system: "Kazakhstan & Belarus – matrix" -> "Kazakhstan-Belarus-matrix". */
function texSafeBase(texPath: string): string {
  const base = path.basename(texPath).replace(/\.tex$/i, '');
  if (/^[A-Za-z0-9._-]+$/.test(base)) return base;
  return base.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}

/** The .bib written next to a .tex. */
export function bibPathFor(texPath: string): string {
  return path.join(path.dirname(texPath), `${texSafeBase(texPath)}.bib`);
}

/** The fragment (tables and text, to \input) written next to a .tex. */
export function bodyPathFor(texPath: string): string {
  return path.join(path.dirname(texPath), `${texSafeBase(texPath)}-body.tex`);
}

interface Output {
  path: string;
  data: Buffer;
}

/** Writes every file under a temporary name first, then moves them all into place; on failure, nothing remains. */
function writeAll(outputs: Output[]): void {
  const temps: { temp: string; final: string }[] = [];
  try {
    for (const output of outputs) {
      const temp = partialNameBeside(output.path);
      // Listed before it is written: a write that fails half-way (a full disk) leaves a partial file to remove too.
      temps.push({ temp, final: output.path });
      fs.writeFileSync(temp, output.data, { flag: 'wx' });
    }
    for (const { temp, final } of temps) fs.renameSync(temp, final);
  } catch (error) {
    for (const { temp } of temps) fs.rmSync(temp, { force: true });
    throw localError('PROJECT_UNREADABLE', 'errorsExport.exportNotWritten', { reason: (error as Error).message }, { cause: error });
  }
}

async function renderPdf(
  project: Project,
  doc: ExportDocument,
  options: ExportOptions,
  identities: Identity[],
  printer: PdfPrinter,
  warnings: Notice[],
): Promise<Buffer> {
  const paper: PaperSize = options.paper ?? 'a4';
  const rendered = renderHtml(doc, { paper, noteMarks: options.noteMarks });
  warnings.push(...rendered.warnings);
  // Checked before printing too: a refusal costs no Chromium time.
  guardOutput(project.db, 'PDF', [rendered.text], { identities });
  const orientation: PageOrientation = doc.sections[0]?.orientation ?? 'landscape';
  options.onProgress?.({ phase: 'print', text: { id: 'jobs.exportPrint', values: { browser: 'Chromium' } } });
  const bytes = await printer.print(rendered.html, { paper, orientation, title: doc.title, author: doc.author, subject: doc.subject });
  cancelled(options.signal);
  const info = setPdfInfo(bytes, { title: doc.title, author: doc.author, subject: doc.subject, creator: `${APP_NAME} ${APP_VERSION}`, keywords: doc.kind });
  if (!info.updated) warnings.push(localText({ id: 'exportWarnings.pdfInfo' }));
  // The printed text is read back only when there is something to look for (reading a 150-page PDF takes seconds).
  if (identities.length > 0) {
    options.onProgress?.({ phase: 'check', text: { id: 'jobs.exportCheckPdf' } });
    const pages = await pdfTexts(info.pdf, options.signal);
    guardOutput(project.db, 'PDF', [...pages.map((text, i) => ({ text, label: `page ${i + 1}` })), { text: `${doc.title}\n${doc.author}\n${doc.subject}`, label: 'document properties' }], { identities });
  }
  return info.pdf;
}

/**
 * Exports part of a project. Writes `options.out` (and, for LaTeX, the .bib beside it) and answers what it wrote.
 * `printer` prints PDFs; without one, Chromium is started with Playwright for this export and closed after.
 * Unknown norms, cases or views fail with matrix.ts's NOT_FOUND errors; a real name or contact of an interviewee in
 * the output fails with VALIDATION_FAILED before anything is written.
 */
export async function exportProject(project: Project, options: ExportOptions, printer?: PdfPrinter): Promise<ExportResult> {
  validate(options);
  cancelled(options.signal);
  const out = path.resolve(options.out);
  if (!fs.existsSync(path.dirname(out))) throw localError('FILE_NOT_FOUND', 'errors.folderNotFound', { folder: path.dirname(out) });
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw localError('VALIDATION_FAILED', 'errorsExport.outIsFolder', { path: out });
  if (out === project.path) throw localError('FILE_EXISTS', 'errorsExport.overProject');

  options.onProgress?.({ phase: 'prepare', text: { id: 'jobs.exportPrepare' } });
  // The browser and its page start while the document is built (a command-line export launches Chromium meanwhile).
  const own = options.format === 'pdf' && !printer ? playwrightPrinter() : null;
  const pdfPrinter = printer ?? own;
  if (options.format === 'pdf') pdfPrinter?.prepare?.();
  try {
    return await exportPrepared(project, options, out, pdfPrinter);
  } finally {
    await own?.close();
  }
}

async function exportPrepared(project: Project, options: ExportOptions, out: string, printer: PdfPrinter | null): Promise<ExportResult> {
  // Everything is read from the project before the first pause (formatting the citations lets the event loop in):
  // the export is of the project as it was when asked for, even if it is edited or closed meanwhile.
  const identities = options.romanise ? withRomanisedForms(recordedIdentities(project.db)) : recordedIdentities(project.db);
  const doc = await buildExportDocument(project, options);
  const warnings: Notice[] = [...(doc.warnings ?? [])];
  cancelled(options.signal);

  options.onProgress?.({ phase: 'render', text: { id: 'jobs.exportRender', values: { format: options.format.toUpperCase() } } });
  const outputs: Output[] = [];
  switch (options.format) {
    case 'pdf':
      outputs.push({ path: out, data: await renderPdf(project, doc, options, identities, printer!, warnings) });
      break;
    case 'docx': {
      const data = await renderDocx(doc, { paper: options.paper ?? 'a4', noteMarks: options.noteMarks });
      options.onProgress?.({ phase: 'check', text: { id: 'jobs.exportCheckDocument' } });
      // As for a PDF, the written text is read back only when there is something to look for (a large matrix's
      // XML took longer to read than to write).
      guardOutput(project.db, 'Word document', identities.length > 0 ? officeTexts(data) : [], { identities });
      outputs.push({ path: out, data });
      break;
    }
    case 'xlsx': {
      const data = await renderXlsx(doc, options.shape);
      options.onProgress?.({ phase: 'check', text: { id: 'jobs.exportCheckWorkbook' } });
      // As for a PDF or a Word document: read back only when there is something to look for.
      guardOutput(project.db, 'workbook', identities.length > 0 ? officeTexts(data) : [], { identities });
      outputs.push({ path: out, data });
      break;
    }
    case 'tex': {
      const bibPath = bibPathFor(out);
      const bodyPath = bodyPathFor(out);
      const { tex, body, bib } = renderLatex(doc, { paper: options.paper ?? 'a4', bibFile: path.basename(bibPath), bodyFile: path.basename(bodyPath), noteMarks: options.noteMarks });
      guardOutput(
        project.db,
        'LaTeX files',
        [
          { text: tex, label: path.basename(out) },
          { text: body, label: path.basename(bodyPath) },
          { text: bib, label: path.basename(bibPath) },
        ],
        { identities },
      );
      outputs.push({ path: out, data: Buffer.from(tex, 'utf8') }, { path: bibPath, data: Buffer.from(bib, 'utf8') }, { path: bodyPath, data: Buffer.from(body, 'utf8') });
      break;
    }
    case 'csv': {
      const csv = renderCsv(doc, options.shape ?? 'long', { bom: options.bom ?? true });
      guardOutput(project.db, 'CSV file', [csv], { identities });
      outputs.push({ path: out, data: Buffer.from(csv, 'utf8') });
      break;
    }
    case 'md': {
      const md = renderMarkdown(doc, { noteMarks: options.noteMarks });
      guardOutput(project.db, 'Markdown file', [md], { identities });
      outputs.push({ path: out, data: Buffer.from(md, 'utf8') });
      break;
    }
  }
  cancelled(options.signal);
  options.onProgress?.({ phase: 'write', text: { id: 'jobs.exportWrite', values: { files: outputs.map((o) => path.basename(o.path)).join(', ') } } });
  writeAll(outputs);
  return { files: outputs.map((o) => ({ path: o.path, bytes: o.data.length })), warnings };
}
