/** Small helpers of the REFI-QDA import, and the shapes its phases hand each other. */
import { isCalendarDate } from '../../../contract/dates';
import { STATUS_PALETTE } from '../../../contract/palette';
import type { AttributeType } from '../../../contract/api';
import type { CatalogueText, TextValue } from '../../../contract/errors';
import type { MessageId } from '../../../contract/i18n/catalogue';
import { formatText, textOf } from '../../../contract/i18n/format';
import type { DocumentFormat } from '../../documents/extract';
import type { QdaSelection, QdaSource, QdaTextRef, VariableType } from '../model';
import { snippet, type PagedText } from '../text';
import { COUNT_KINDS, type ImportCounts, type SkippedItem, type SkippedKind } from './types';


export type Row = Record<string, unknown>;

export const zero = (): ImportCounts => Object.fromEntries(COUNT_KINDS.map((k) => [k, 0])) as ImportCounts;

type KeyIn<M> = M extends `exchangeReport.${infer K}` ? K : never;

/** A sentence of the report (the `exchangeReport` area), formatted later in the reader's language. */
export const said = (key: KeyIn<MessageId>, values?: Record<string, TextValue>): CatalogueText => textOf(`exchangeReport.${key}`, values);

/**
 * A skipped item: its English sentence for logs and `--json`, and its catalogue entry for every other reader. Its name
 * is the file's, or one the report gives it (“at positions 3–9”, “graphs”), which travels as a message too.
 */
export function skip(kind: SkippedKind, name: string | CatalogueText, text: CatalogueText): SkippedItem {
  if (typeof name === 'string') return { kind, name, message: formatText('en', text), text };
  return { kind, name: formatText('en', name), nameText: name, message: formatText('en', text), text };
}

export function selectionsOf(source: QdaSource): QdaSelection[] {
  return [...(source.text?.selections ?? []), ...source.selections];
}

/** Where an unnamed selection is: its positions, or its page. */
export function whereText(selection: QdaSelection): CatalogueText {
  if (selection.start !== null || selection.end !== null) return said('where', { at: 'positions', start: String(selection.start ?? '?'), end: String(selection.end ?? '?') });
  if (selection.page !== null) return said('where', { at: 'page', page: String(selection.page + 1) });
  return said('where', { at: 'guid', guid: selection.guid });
}


/**
 * “Selection “its name”” or, for one without a name (QualCoder writes none), “The selection at positions 3–9”: at
 * the start of a sentence, or after “A coding of” (a genitive in Russian and Kazakh).
 */
export function selectionCalled(selection: QdaSelection, form: 'start' | 'of'): CatalogueText {
  return said('selection', { form, named: selection.name ? 'yes' : 'no', name: snippet(selection.name, 50), where: whereText(selection) });
}

export function codingsIn(source: QdaSource): number {
  return selectionsOf(source).reduce((n, s) => n + s.codings.length, 0) + source.codings.length;
}

/** The palette slot nearest to a colour (slot 0, grey, when there is none). */
export function paletteSlot(color: string | null): number {
  if (!color) return 0;
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [r, g, b] = rgb(color);
  let best = 0;
  let bestDistance = Infinity;
  STATUS_PALETTE.forEach((slot, index) => {
    const [sr, sg, sb] = rgb(slot.hex);
    const distance = (r! - sr!) ** 2 + (g! - sg!) ** 2 + (b! - sb!) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

export function variableToAttribute(type: VariableType): AttributeType {
  switch (type) {
    case 'Integer':
    case 'Float':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Date':
    case 'DateTime':
      return 'date';
    default:
      return 'text';
  }
}

/** Names compared as the app compares them: without regard to case, in any script. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value);
}

/** Columns of our own tables that hold a record's date (YYYY, YYYY-MM or YYYY-MM-DD). */
export const DATE_COLUMNS: Record<string, readonly string[]> = {
  elections: ['date'],
  instruments: ['date'],
  memberships: ['date_from', 'date_to'],
  claims: ['date'],
  participants: ['interview_date'],
};

export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
export function asNullableString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
export function asNullableInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter(isRow) : [];
}

/** What one text or PDF source of the file will become. */
export interface SourcePlan {
  source: QdaSource;
  /** The text (TextSource) or the PDF's Representation. */
  textRef: QdaTextRef | null;
  /** The whole plain text the selections count in, or null when it is not in the file. */
  text: string | null;
  /** Pages to store (from the text, or extracted from the PDF when its text is missing). */
  pages: { number: number; text: string }[] | null;
  /** The document's bytes and format (the original PDF or Word file when present, else the text). */
  file: { bytes: Uint8Array; format: DocumentFormat; fileName: string } | null;
  /** Why the text is not there (for the report). */
  missing: CatalogueText[];
  /** The text came from extracting the PDF or Word file: the file's positions do not apply to it. */
  textExtracted: boolean;
}

export interface PlacedSource {
  plan: SourcePlan;
  sourceId: string;
  documentId: string | null;
  paged: PagedText | null;
  /** A Comparanda stand-in: a text made of excerpts that are not located in a document. */
  standIn: boolean;
  /** The GUIDs under which the file's Cases may name this source (the source, its text representation). */
  holders: string[];
}

export interface OwnSource {
  row: Row;
  /** The document this REFI source is, or null for the stand-in. */
  doc: Row | null;
}


export interface OwnData {
  project: Row | null;
  record: Row | null;
  cases: Map<string, Row>;
  norms: Map<string, Row>;
  cells: Row[];
  sources: Map<string, OwnSource>;
  excerpts: Map<string, Row>;
  participants: Row[];
  claims: Row[];
  /** Notes consumed as data (not to be imported as memos). */
  consumed: Set<string>;
  /** Memo ids of our own memos, with their targets. */
  memos: Map<string, Row>;
}

export function citationBase(csl: Row): string {
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]/g, '');
  const title = typeof csl.title === 'string' ? csl.title : '';
  const word = ascii(title.split(/\s+/).find((w) => ascii(w).length > 3) ?? title).slice(0, 16).toLowerCase();
  return word || 'source';
}
