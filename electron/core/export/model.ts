/**
 * The format-neutral document model every export is built as. Builders (build-*.ts) turn project data into an
 * `ExportDocument`; renderers (html.ts, docx.ts, latex.ts, markdown.ts, sheets.ts) turn it into bytes. A document is a
 * pure function of the project data and the options: no dates, no machine names.
 */
import type { CellDto, CslItem, ExcerptDto, FrameworkDto, ParticipantDto } from '../../contract/api';
import type { Notice } from '../../contract/errors';
import { paletteColour, STATUS_PALETTE } from '../../contract/palette';
import { excerptsOfCells, findExcerpt, listExcerpts, listParticipants } from '../evidence';
import type { MatrixTable } from '../matrix';
import { period } from '../matrix-format';
import type { Project } from '../project';
import { exportCsl, type CitationSession, type CitationStyle, type CiteRef } from './citations';
import { citeRefsOfCells, RowsById, sourceRecords, type SourceRecord } from './evidence-rows';
import { isBreak, isCite, type Cite, type Inline, type TextRun } from './inline';
import { en } from './i18n/en';
import { romaniseItem } from './i18n/romanise';
import { builtInIn, statusLabelIn, type ExportLanguage, type ExportMessages } from './i18n';
import type { ExportKind, ExportOptions, MatrixLayout, PageOrientation } from './types';

export interface StatusMark {
  key: string;
  label: string;
  /** The palette colour (#RRGGBB). */
  colour: string;
  /** A light tint of it for cell backgrounds, so that black text stays readable. */
  tint: string;
  paletteName: string;
  noData: boolean;
}

export interface CellModel {
  /** A row header (the stage, or the case in stages-as-columns). */
  header?: boolean | undefined;
  status?: StatusMark | undefined;
  /** "Discourse · 2012–2016 · medium confidence". */
  meta?: string | undefined;
  content: Inline[];
  cite?: Cite | null | undefined;
  align?: 'left' | 'right' | undefined;
}

/**
 * A group heading, or a row of cells. Rows are kept whole on a page; a `breakable` row (one taller than most of a
 * page, e.g. a claim with many verdicts) may run on to the next page instead of leaving a page blank.
 */
export type RowModel = { group: string } | { cells: CellModel[]; breakable?: boolean | undefined };

export interface ColumnModel {
  label: string;
  /** A second line under the label, e.g. "focal case". */
  note?: string | undefined;
  /** Relative width. */
  width: number;
}

export interface TableModel {
  number: number;
  /** The caption after "Table N. ". */
  caption: string;
  columns: ColumnModel[];
  rows: RowModel[];
  /** The matrix it shows, when it is one (Markdown reuses matrix-format for it). */
  matrix?: { table: MatrixTable; layout: MatrixLayout } | undefined;
  /**
   * How the width left after each column's minimum is shared (columns.ts): by the columns' designed widths (default:
   * a matrix keeps its cases equal), or also by the amount of text in each ('content': a register of long texts).
   */
  fit?: 'design' | 'content' | undefined;
  /** A matrix too wide for the page is set as consecutive parts of one numbered table. */
  part?: { index: number; count: number } | undefined;
}

/**
 * Marks as breakable the rows estimated to take more than about two thirds of a page (Noto Serif 9 pt: about 1.6 mm a
 * character, 4.3 mm a line), so that such a row runs on to the next page instead of leaving a page nearly blank. A
 * cell's status and meta line count as a line each; citations as a short line each in author-date styles (their
 * text is formatted later), a note number in note styles.
 */
export function markTallRows(table: TableModel, orientation: PageOrientation, noteStyle: boolean): void {
  const landscape = orientation === 'landscape';
  const pageWidth = landscape ? 267 : 180;
  const pageLines = landscape ? 36 : 56;
  const total = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  for (const row of table.rows) {
    if (!('cells' in row)) continue;
    const lines = row.cells.map((cell, i) => {
      const perLine = Math.max(8, ((pageWidth * (table.columns[i]?.width ?? 0)) / total - 4.2) / 1.6);
      let count = (cell.status ? 1 : 0) + (cell.meta ? Math.ceil(cell.meta.length / perLine) : 0);
      let current = 0;
      for (const x of cell.content) {
        if (isBreak(x)) {
          count += Math.max(1, Math.ceil(current / perLine));
          current = 0;
        } else if (isCite(x)) {
          current += noteStyle ? 2 : 28;
        } else {
          current += x.text.length;
        }
      }
      if (cell.cite) current += noteStyle ? 2 : 28;
      return count + Math.max(1, Math.ceil(current / perLine));
    });
    if (Math.max(...lines) > pageLines * 0.66) row.breakable = true;
  }
}

/** "Table 3" or "Table 3 (part 2 of 6)", in the document's language. */
export function tableLabel(table: TableModel, m: ExportMessages = en): string {
  return m.tableLabel(table.number, table.part);
}

export interface EvidenceItem {
  textKind: 'quote' | 'paraphrase';
  text: string;
  language: string;
  translation: string;
  translationLanguage: string;
  /** Who is quoted: a public speaker, or an interviewee by pseudonym. */
  attribution: string;
  locator: string;
  cite: Cite | null;
}

export type Block =
  | { type: 'title'; text: string; subtitle?: string | undefined }
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'paragraph'; content: Inline[]; small?: boolean | undefined }
  | { type: 'status'; status: StatusMark; meta: string }
  | { type: 'table'; table: TableModel }
  /** Notes under a table: the legend of its marks (introduced by `legendLabel`, default "Status scale"), then paragraphs. */
  | { type: 'tableNotes'; legend: StatusMark[] | null; legendLabel?: string | undefined; paragraphs: Inline[][] }
  | { type: 'fields'; items: { label: string; value: string }[] }
  | { type: 'evidence'; items: EvidenceItem[] }
  /** The notes of a note style, collected at the end of a table or section (HTML/PDF, Markdown); DOCX and LaTeX use real footnotes instead. */
  | { type: 'notes'; cites: Cite[] }
  | { type: 'bibliography'; heading: string; entries: TextRun[][] };

export interface Section {
  orientation: PageOrientation;
  blocks: Block[];
}

/** A value of a spreadsheet cell: text, a number, nothing, or a status (written as its label, filled with its colour). */
export type SheetValue = string | number | null | { status: StatusMark };

/** One table of a CSV/XLSX export. Citations are given by citation key (see `references`), not position-dependent notes. */
export interface SheetModel {
  name: string;
  shape: 'long' | 'wide';
  /** A caption row above the header (XLSX only). */
  caption?: string | undefined;
  columns: { header: string; width: number }[];
  rows: SheetValue[][];
}

export interface ExportDocument {
  kind: ExportKind;
  /** The PDF/DOCX title. */
  title: string;
  subject: string;
  author: string;
  /** Shown at the top of every page. */
  runningHead: string;
  /** The language of the document's own words (i18n/): headings, captions, labels, notes. */
  language: ExportLanguage;
  sections: Section[];
  style: CitationStyle;
  /** The exported CSL items of the sources cited, in order of first citation (for the .bib of LaTeX). */
  citedSources: CslItem[];
  /** The matrices shown (CSV/XLSX/Markdown of a matrix reuse them). */
  tables: MatrixTable[];
  /** The data tables for CSV/XLSX. */
  sheets: SheetModel[];
  /** Data the citation style needs that cited sources lack (the export's warnings). */
  warnings?: Notice[] | undefined;
  /** The cited sources by citation key with their formatted reference (CSV/XLSX "References"). */
  references: { key: string; runs: TextRun[] }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence lookups, shared by the builders

export class EvidenceIndex {
  /** Sources by id, read as they are cited (evidence-rows.ts). */
  readonly sources: RowsById<SourceRecord>;
  readonly participants: Map<string, ParticipantDto>;
  /** Exported CSL items by source id (pseudonyms for interviews). */
  readonly items: RowsById<CslItem>;
  private readonly byCell = new Map<string, ExcerptDto[]>();
  private readonly refsByCell = new Map<string, CiteRef[]>();
  private readonly one = new Map<string, ExcerptDto | undefined>();

  /** `romanise`: the items' Cyrillic in Latin letters by ALA-LC (i18n/romanise.ts), for the citations and the .bib. */
  constructor(
    private readonly project: Project,
    romanise = false,
  ) {
    this.sources = new RowsById((ids) => sourceRecords(project, ids).map((s) => [s.id, s] as const));
    this.participants = new Map(listParticipants(project).map((p) => [p.id, p]));
    this.items = new RowsById((ids) => {
      this.sources.load(ids);
      return ids.flatMap((id) => {
        const s = this.sources.get(id);
        return s ? [[id, romanise ? romaniseItem(exportCsl(s, this.participants)) : exportCsl(s, this.participants)] as const] : [];
      });
    });
  }

  excerpts(cellId: string): ExcerptDto[] {
    let list = this.byCell.get(cellId);
    if (!list) {
      list = listExcerpts(this.project, { cellId });
      this.byCell.set(cellId, list);
    }
    return list;
  }

  /** Loads the excerpts of every cell of these tables in one go (builders call this before walking a matrix). */
  prefetch(tables: readonly MatrixTable[]): void {
    const missing = this.cellsOf(tables, (id) => !this.byCell.has(id));
    const sourceIds: string[] = [];
    for (const [id, list] of excerptsOfCells(this.project, missing)) {
      this.byCell.set(id, list);
      for (const e of list) sourceIds.push(e.sourceId);
    }
    this.items.load(sourceIds);
  }

  /**
   * A cell's citation refs (its excerpts' sources and locators, in order): from its excerpts when they are loaded,
   * else read alone (a matrix's cells cite thousands of excerpts and print none of their text).
   */
  citeRefs(cellId: string): CiteRef[] {
    const excerpts = this.byCell.get(cellId);
    if (excerpts) return excerpts.map((e) => ({ sourceId: e.sourceId, locator: e.locator }));
    let refs = this.refsByCell.get(cellId);
    if (!refs) {
      refs = citeRefsOfCells(this.project, [cellId]).get(cellId)!;
      this.refsByCell.set(cellId, refs);
    }
    return refs;
  }

  /** Loads the citation refs of every cell of these tables whose excerpts are not loaded, in one go. */
  prefetchRefs(tables: readonly MatrixTable[]): void {
    const missing = this.cellsOf(tables, (id) => !this.byCell.has(id) && !this.refsByCell.has(id));
    const sourceIds: string[] = [];
    for (const [id, refs] of citeRefsOfCells(this.project, missing)) {
      this.refsByCell.set(id, refs);
      for (const ref of refs) sourceIds.push(ref.sourceId);
    }
    this.items.load(sourceIds);
  }

  private cellsOf(tables: readonly MatrixTable[], wanted: (id: string) => boolean): string[] {
    const out: string[] = [];
    for (const table of tables) for (const row of table.rows) for (const cell of row.cells) if (cell && wanted(cell.id)) out.push(cell.id);
    return out;
  }

  /** Any excerpt of the project by id (claims and verdicts point at excerpts). */
  excerpt(id: string | null | undefined): ExcerptDto | undefined {
    if (!id) return undefined;
    if (!this.one.has(id)) this.one.set(id, findExcerpt(this.project, id));
    return this.one.get(id);
  }

  /** "Nursultan Nazarbayev", or "CEC member 1 (interviewee, pseudonym)". */
  attribution(excerpt: ExcerptDto, m: ExportMessages = en): string {
    const participant = excerpt.participantId ? this.participants.get(excerpt.participantId) : undefined;
    if (participant) return m.interviewee(participant.pseudonym);
    return excerpt.speaker.trim();
  }
}

export interface BuildContext {
  project: Project;
  options: ExportOptions;
  citations: CitationSession;
  evidence: EvidenceIndex;
  author: string;
  /** The export language's words (i18n/). */
  m: ExportMessages;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function tint(hex: string, amount: number): string {
  const value = parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(255 - (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`.toUpperCase();
}

/** A mark on a scale: its key and label, and the colour of a palette slot (see contract/palette.ts) with its tint. */
export function paletteMark(key: string, label: string, slot: number, noData = false): StatusMark {
  const colour = paletteColour(slot);
  return { key, label, colour, tint: tint(colour, 0.2), paletteName: STATUS_PALETTE[slot]?.name ?? 'grey', noData };
}

export function statusMark(framework: FrameworkDto, key: string | null, m: ExportMessages = en): StatusMark {
  const wanted = key ?? 'no-data';
  const level = framework.statuses.find((s) => s.key === wanted);
  const label = level ? statusLabelIn(m, wanted, level.label) : wanted === 'no-data' ? m.noData : wanted;
  return paletteMark(wanted, label, level?.palette ?? 0, wanted === 'no-data');
}

/** "Discourse · 2012–2016 · medium confidence", in the document's language. */
export function cellMeta(cell: CellDto | null, m: ExportMessages = en): string {
  if (!cell) return '';
  const mode = cell.mode ? (m.modes[cell.mode] ?? cell.mode) : '';
  return [mode, period(cell.periodFrom, cell.periodTo), cell.confidence ? (m.confidence[cell.confidence] ?? cell.confidence) : ''].filter(Boolean).join(' · ');
}

/** "A", "A and B", "A, B and C" (with the document's "and"). */
export function listNames(names: string[], m: ExportMessages = en): string {
  return m.list(names);
}

/** A stage's label in the document's language: the bundled frameworks' stages are translated while unchanged. */
export function stageText(m: ExportMessages, value: string): string {
  return builtInIn(m, value);
}

/**
 * A cell's text and its citation in the order the style needs (as LaTeX's withCite and quotedWithCite do): a note
 * mark after the sentence's full stop; an author-date citation before it (APA 8.10: "… in 1992 (Author, 2016)."),
 * the full stop moved after the parentheses. An ellipsis stays and the citation follows it.
 */
export function contentWithCite(content: readonly Inline[], cite: Cite | null | undefined): Inline[] {
  if (!cite) return [...content];
  if (cite.noteNumber !== null) return [...content, { cite }];
  const last = content.at(-1);
  if (last && !isBreak(last) && !isCite(last) && /[^.]\.\s*$/.test(last.text) && !/…\s*$/.test(last.text)) {
    const { text: value, ...format } = last;
    return [...content.slice(0, -1), { ...format, text: value.replace(/\.\s*$/, '') }, { cite }, { text: '.' }];
  }
  return [...content, { cite }];
}

/** The cites of a list of blocks, in order (for collected notes). */
export function citesIn(blocks: Block[]): Cite[] {
  const out: Cite[] = [];
  const add = (content: readonly Inline[]) => {
    for (const x of content) if ('cite' in x && x.cite.noteNumber !== null) out.push(x.cite);
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') add(block.content);
    else if (block.type === 'tableNotes') block.paragraphs.forEach(add);
    else if (block.type === 'evidence') {
      for (const item of block.items) if (item.cite && item.cite.noteNumber !== null) out.push(item.cite);
    } else if (block.type === 'table') {
      for (const row of block.table.rows) {
        if (!('cells' in row)) continue;
        for (const cell of row.cells) {
          add(cell.content);
          if (cell.cite && cell.cite.noteNumber !== null) out.push(cell.cite);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Note marks

/** How the notes of a table are marked: superscript letters (Chicago 3.77, the default) or numbers. */
export type NoteMarks = 'letters' | 'numbers';

/** 1 → "a", 26 → "z", 27 → "aa", 28 → "ab". */
export function letterMark(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/**
 * The mark of every note, by cite id. Letters start again at "a" in each block of notes (each table's own notes), so
 * that a table set into an article keeps notes apart from the article's numbered footnotes; numbers are the
 * document's running note numbers.
 */
export function noteMarksOf(doc: ExportDocument, marks: NoteMarks): Map<string, string> {
  const out = new Map<string, string>();
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'notes') continue;
      block.cites.forEach((cite, i) => out.set(cite.id, marks === 'letters' ? letterMark(i + 1) : String(cite.noteNumber)));
    }
  }
  return out;
}

/** The mark of a note: from the map, else its number. */
export function markOf(marks: ReadonlyMap<string, string>, cite: Cite): string {
  return marks.get(cite.id) ?? String(cite.noteNumber);
}

/** How the notes are called in a table's notes: "lettered notes" (the default), "numbered notes", or "notes" in LaTeX (footnotes there). */
export function notesLabel(options: ExportOptions, m: ExportMessages = en): string {
  if (options.format === 'tex' && options.noteMarks === 'numbers') return m.footnotes;
  return (options.noteMarks ?? 'letters') === 'letters' ? m.letteredNotes : m.numberedNotes;
}
