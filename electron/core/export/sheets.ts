/**
 * CSV and XLSX. CSV of a matrix in long form is exactly matrix-format's CSV (the one `comparanda matrix --format
 * csv` prints); other CSVs stack the export's sheets of the asked shape. The publication CSV is meant for people: it
 * starts with a UTF-8 byte order mark unless asked not to, because Excel on Windows reads a CSV without one in the
 * ANSI code page and garbles Cyrillic. XLSX has every sheet (or those of the asked shape), each with a header row
 * (frozen, filtered), column widths, wrapped text, status cells filled with the palette colour and labelled, full
 * dates as real dates (partial ones such as 2012 or 2012-04 stay text) and empty cells left empty; then a Notes
 * sheet (legend, notes, references by citation key).
 */
import { messagesFor } from './i18n';
import type { PaletteName } from './i18n/messages';
import { stringifyCsv } from '../csv/formulas';
import ExcelJS from 'exceljs';
import { matrixToCsv } from '../matrix-format';
import { plain } from './inline';
import type { ExportDocument, SheetModel, SheetValue, StatusMark } from './model';
import type { TableShape } from './types';

function cellText(value: SheetValue): string | number {
  if (value === null) return '';
  if (typeof value === 'object') return value.status.label;
  return value;
}

function sheetsOfShape(doc: ExportDocument, shape: TableShape | undefined): SheetModel[] {
  if (!shape) return doc.sheets;
  const matching = doc.sheets.filter((s) => s.shape === shape);
  return matching.length > 0 ? matching : doc.sheets;
}

export interface CsvOptions {
  /** Default true. */
  bom?: boolean | undefined;
}

export function renderCsv(doc: ExportDocument, shape: TableShape, options: CsvOptions = {}): string {
  return (options.bom ?? true ? '\ufeff' : '') + csvBody(doc, shape);
}

function csvBody(doc: ExportDocument, shape: TableShape): string {
  if (doc.kind === 'matrix' && shape === 'long') return matrixToCsv(doc.tables);
  const sheets = sheetsOfShape(doc, shape);
  const first = sheets[0];
  if (!first) return '';
  const header = first.columns.map((c) => c.header);
  const same = sheets.filter((s) => s.columns.map((c) => c.header).join('\u0000') === header.join('\u0000'));
  return stringifyCsv([header, ...same.flatMap((s) => s.rows.map((r) => r.map(cellText)))]);
}

const DATE_COLUMN = /(^|_)date$|^period_(from|to)$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A full ISO date in a date column as a Date (UTC midnight, as Excel's serial dates have no time zone). */
function dateOf(header: string, value: string): Date | null {
  if (!DATE_COLUMN.test(header)) return null;
  const m = FULL_DATE.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 ? date : null;
}

function relativeLuminance(hex: string): number {
  const value = parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** Black or white, whichever reads better on the colour. */
export function textColourOn(hex: string): '000000' | 'FFFFFF' {
  const l = relativeLuminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '000000' : 'FFFFFF';
}

function fillStatus(cell: ExcelJS.Cell, status: StatusMark): void {
  const hex = status.colour.replace('#', '').toUpperCase();
  cell.value = status.label;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex}` } };
  cell.font = { bold: true, color: { argb: `FF${textColourOn(status.colour)}` } };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const SHEET_NAME_UNSAFE = /[\\/?*[\]:]/g;

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): void {
  const headerRow = sheet.caption ? 2 : 1;
  const ws = workbook.addWorksheet(sheet.name.replace(SHEET_NAME_UNSAFE, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: sheet.shape === 'wide' ? 2 : 0 }],
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  if (sheet.caption) {
    const row = ws.getRow(1);
    row.getCell(1).value = sheet.caption;
    row.getCell(1).font = { bold: true, size: 12 };
    ws.mergeCells(1, 1, 1, Math.max(1, sheet.columns.length));
    row.height = 20;
  }
  const header = ws.getRow(headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'bottom', wrapText: true };
    cell.border = { bottom: { style: 'medium', color: { argb: 'FF000000' } } };
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: Math.max(1, sheet.columns.length) } };
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      const date = typeof value === 'string' ? dateOf(sheet.columns[c]?.header ?? '', value) : null;
      if (value !== null && typeof value === 'object') fillStatus(cell, value.status);
      else if (date) {
        cell.value = date;
        cell.numFmt = 'yyyy-mm-dd';
      } else if (value !== null && value !== '') cell.value = value;
      cell.alignment = { vertical: 'top', wrapText: typeof value === 'string' && (value.length > 30 || value.includes('\n')) };
    });
  });
}

function addNotes(workbook: ExcelJS.Workbook, doc: ExportDocument): void {
  const m = messagesFor(doc.language);
  const ws = workbook.addWorksheet(m.notes);
  ws.columns = [{ width: 24 }, { width: 110 }];
  const add = (a: string, b = '', bold = false) => {
    const row = ws.addRow([a || null, b || null]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    if (bold) row.font = { bold: true };
    return row;
  };
  add(doc.title, '', true);
  add('');
  const notes = doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'tableNotes' ? [b] : []));
  // The first legend; then the notes of every table, each paragraph once.
  const withLegend = notes.find((n) => n.legend);
  if (withLegend?.legend) {
    add(withLegend.legendLabel ?? m.statusScale, '', true);
    for (const status of withLegend.legend) {
      const row = add('', `${status.label} (${m.palette[status.paletteName as PaletteName] ?? status.paletteName})`);
      fillStatus(row.getCell(1), status);
    }
    add('');
  }
  if (notes.length > 0) {
    const seen = new Set<string>();
    for (const paragraph of notes.flatMap((n) => n.paragraphs)) {
      const textValue = plain(paragraph);
      if (seen.has(textValue)) continue;
      seen.add(textValue);
      const colon = textValue.indexOf(': ');
      if (colon > 0 && colon < 60) add(textValue.slice(0, colon), textValue.slice(colon + 2));
      else add('', textValue);
    }
    if (doc.kind === 'claims' || doc.kind === 'observation') add(m.sheets.sourceColumnsLabel, m.sheets.sourceColumns);
    else add(m.sheets.sourceColumnLabel, m.sheets.sourceColumn);
    add('');
  }
  if (doc.references.length > 0) {
    add(m.references, m.sheets.formattedWith(doc.style.title), true);
    for (const ref of doc.references) add(ref.key, plain(ref.runs));
  }
}

export async function renderXlsx(doc: ExportDocument, shape: TableShape | undefined): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.author;
  workbook.lastModifiedBy = doc.author;
  workbook.title = doc.title;
  workbook.subject = doc.subject;
  workbook.company = '';
  for (const sheet of sheetsOfShape(doc, shape)) addSheet(workbook, sheet);
  addNotes(workbook, doc);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
