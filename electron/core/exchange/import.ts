/**
 * Import from REFI-QDA (.qdpx projects, .qdc codebooks) into an open project, possibly an empty one.
 *
 * Two phases. First everything is read and checked in memory (archive, XML, the files of the sources, the text of
 * PDFs that come without one) — a bad file fails here with an ImportError naming it, before any write. Then the
 * project is written in ONE transaction: all of it or, on any error, none of it. GUIDs become ids (lower case, no
 * braces), so importing the same file again updates what the first import made instead of duplicating it.
 *
 * A .qdpx written by Comparanda carries what REFI-QDA has no element for in machine-readable notes (notes.ts):
 * frameworks, norms, cell assessments, excerpt details, participants (by pseudonym), claims and the observation
 * record are restored from them, so a round trip through our own export loses nothing. Other programs' coding lands
 * in matrix cells through a mapping of their codes to norm stages (see previewQdpx).
 */
import crypto from 'node:crypto';
import { dateProblem, isCalendarDate } from '../../contract/dates';
import { ApiError } from '../../contract/errors';
import { STATUS_PALETTE } from '../../contract/palette';
import type { AttributeType } from '../../contract/api';
import { nowIso, stmt } from '../db/statements';
import { extractDocument, ImportError, MIME_TYPES, type DocumentFormat } from '../documents/extract';
import { paragraphAt } from '../evidence';
import type { Project } from '../project';
import { duplicateKey } from '../sources/bibliography';
import type { ArchiveLimits } from './archive';
import { RECORD_TABLES } from './export';
import { COMPARANDA_USER_GUID, derivedGuid, normaliseGuid } from './guid';
import { loadFile, readSourceEntry, readSourceText, resolvePath, type Loaded } from './load';
import type { QdaCode, QdaCoding, QdaNote, QdaProject, QdaSelection, QdaSource, QdaTextRef, VariableType } from './model';
import { decodeMachineNote, NOTE_VERSION, type MachineNote } from './notes';
import { decidePositionUnit, producerOf, type PositionUnit, type UnitDecision } from './producers';
import { joinPages, locate, Positions, snippet, splitPages, type PagedText } from './text';

// -----------------------------------------------------------------------------------------------------------------
// Public types

export interface NormStageTarget {
  normId: string;
  stageId: string;
}

export interface QdpxImportOptions {
  /** The .qdpx file. */
  path: string;
  /**
   * Codes of the file (by GUID, braces and case as you like) whose coding should land in matrix cells: each coded
   * selection is linked to the cell of its case (from the file's Cases) under that norm and stage. Comparanda's own
   * norm-stage codes are recognised without a mapping.
   */
  mapping?: Record<string, NormStageTarget> | undefined;
  /** Size limits (defaults in archive.ts: 1 GiB in total, ratio 100, 200 MB per source). */
  limits?: Partial<ArchiveLimits> | undefined;
}

export const COUNT_KINDS = [
  'frameworks',
  'norms',
  'codes',
  'attributes',
  'attributeValues',
  'cases',
  'participants',
  'sources',
  'documents',
  'excerpts',
  'codings',
  'cells',
  'cellLinks',
  'memos',
  'claims',
  'records',
] as const;
export type CountKind = (typeof COUNT_KINDS)[number];
export type ImportCounts = Record<CountKind, number>;

export type SkippedKind = 'user' | 'code' | 'variable' | 'value' | 'case' | 'source' | 'selection' | 'coding' | 'note' | 'set' | 'link' | 'graph' | 'record';

export interface SkippedItem {
  kind: SkippedKind;
  /** The name of what was skipped, as the file gives it. */
  name: string;
  /** One sentence for the user: what and why. */
  message: string;
}

export interface ImportReport {
  file: string;
  format: 'qdpx' | 'qdc';
  /** The program that wrote the file (its `origin`), if given. */
  origin: string | null;
  projectName: string;
  /** Whether the file was written by Comparanda (its notes were restored). */
  madeByComparanda: boolean;
  /**
   * The unit the file's text positions were read in: code points (the standard) or UTF-16 code units (NVivo); null
   * for a codebook. Decided per file from its selections, and from its origin when they cannot tell.
   */
  positionUnit: PositionUnit | null;
  /** What was written: created + updated, per kind. */
  imported: ImportCounts;
  created: ImportCounts;
  updated: ImportCounts;
  /** What was left out, and why. */
  skipped: SkippedItem[];
  /** Things worth knowing that are not omissions (e.g. a case matched by name). */
  notes: string[];
}

export interface PreviewCode {
  guid: string;
  name: string;
  /** Names from the top of the codebook down to this code. */
  path: string[];
  parentGuid: string | null;
  description: string;
  color: string | null;
  /** Codings of text and PDF selections with this code in the file. */
  codings: number;
  /** Set for Comparanda's own norm and stage codes: they need no mapping. */
  comparanda: { normId: string; stageId: string | null } | null;
}

export interface QdpxPreview {
  file: string;
  projectName: string;
  origin: string | null;
  madeByComparanda: boolean;
  counts: {
    users: number;
    codes: number;
    variables: number;
    cases: number;
    textSources: number;
    pdfSources: number;
    pictureSources: number;
    audioSources: number;
    videoSources: number;
    selections: number;
    codings: number;
    notes: number;
    sets: number;
    links: number;
    graphs: number;
  };
  codes: PreviewCode[];
  cases: { guid: string; name: string; sources: number; selections: number }[];
  /** What an import would leave out, and why (as in the import report). */
  skipped: SkippedItem[];
}

// -----------------------------------------------------------------------------------------------------------------
// Helpers

type Row = Record<string, unknown>;

const zero = (): ImportCounts => Object.fromEntries(COUNT_KINDS.map((k) => [k, 0])) as ImportCounts;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const KIND_WORDS: Record<QdaSource['kind'], string> = { text: 'text', pdf: 'PDF', picture: 'picture', audio: 'audio', video: 'video' };

function selectionsOf(source: QdaSource): QdaSelection[] {
  return [...(source.text?.selections ?? []), ...source.selections];
}

/** Where an unnamed selection is: its positions, or its page. */
function whereIs(selection: QdaSelection): string {
  if (selection.start !== null || selection.end !== null) return `at positions ${selection.start ?? '?'}–${selection.end ?? '?'}`;
  if (selection.page !== null) return `on page ${selection.page + 1}`;
  return `with the GUID ${selection.guid}`;
}

/** “selection “its name”” or, for one without a name (QualCoder writes none), “the selection at positions 3–9”. */
function selectionCalled(selection: QdaSelection): string {
  return selection.name ? `selection “${snippet(selection.name, 50)}”` : `the selection ${whereIs(selection)}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function codingsIn(source: QdaSource): number {
  return selectionsOf(source).reduce((n, s) => n + s.codings.length, 0) + source.codings.length;
}

/** The palette slot nearest to a colour (slot 0, grey, when there is none). */
function paletteSlot(color: string | null): number {
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

function variableToAttribute(type: VariableType): AttributeType {
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
function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value);
}

/** Columns of our own tables that hold a record's date (YYYY, YYYY-MM or YYYY-MM-DD). */
const DATE_COLUMNS: Record<string, readonly string[]> = {
  elections: ['date'],
  instruments: ['date'],
  memberships: ['date_from', 'date_to'],
  claims: ['date'],
  participants: ['interview_date'],
};

function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
function asNullableString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
function asNullableInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter(isRow) : [];
}

/** What one text or PDF source of the file will become. */
interface SourcePlan {
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
  missing: string[];
  /** The text came from extracting the PDF or Word file: the file's positions do not apply to it. */
  textExtracted: boolean;
}

interface PlacedSource {
  plan: SourcePlan;
  sourceId: string;
  documentId: string | null;
  paged: PagedText | null;
  /** A Comparanda stand-in: a text made of excerpts that are not located in a document. */
  standIn: boolean;
  /** The GUIDs under which the file's Cases may name this source (the source, its text representation). */
  holders: string[];
}

interface OwnSource {
  row: Row;
  /** The document this REFI source is, or null for the stand-in. */
  doc: Row | null;
}

// -----------------------------------------------------------------------------------------------------------------
// Reading the machine notes

interface OwnData {
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

function noteText(loaded: Loaded, note: QdaNote, skipped: SkippedItem[]): string | null {
  if (note.inlineText !== null) return note.inlineText;
  if (!note.plainTextPath) return null;
  const resolved = resolvePath(loaded, note.plainTextPath, `the note “${note.name || note.guid}”`);
  if (resolved.kind !== 'found') {
    skipped.push({ kind: 'note', name: note.name, message: `Note “${note.name || note.guid}”: its file ${note.plainTextPath} is missing from the archive; only its name and description are kept.` });
    return null;
  }
  return readSourceText(loaded, resolved.entry, `the note “${note.name || note.guid}”`).text;
}

function readOwnData(loaded: Loaded, texts: Map<string, string | null>, skipped: SkippedItem[]): OwnData {
  const own: OwnData = {
    project: null,
    record: null,
    cases: new Map(),
    norms: new Map(),
    cells: [],
    sources: new Map(),
    excerpts: new Map(),
    participants: [],
    claims: [],
    consumed: new Set(),
    memos: new Map(),
  };
  for (const note of loaded.qda.notes) {
    const decoded = decodeMachineNote(texts.get(note.guid) ?? undefined);
    if (!decoded) continue;
    own.consumed.add(note.guid);
    if ('error' in decoded) {
      skipped.push({ kind: 'note', name: note.name, message: `Comparanda note “${note.name}” (${decoded.kind}) is damaged and was not restored: ${decoded.error}.` });
      continue;
    }
    if (decoded.version > NOTE_VERSION) {
      skipped.push({
        kind: 'note',
        name: note.name,
        message: `Comparanda note “${note.name}” was written by a newer Comparanda (comparanda:${decoded.kind} v${decoded.version}) and was not restored. Update Comparanda and import again.`,
      });
      continue;
    }
    const data = (decoded as MachineNote).data;
    if (!isRow(data)) continue;
    switch (decoded.kind) {
      case 'project':
        own.project = data;
        for (const m of rowsOf(data.memos)) if (typeof m.id === 'string') own.memos.set(m.id, m);
        break;
      case 'record':
        own.record = data;
        break;
      case 'case':
        if (typeof data.id === 'string') own.cases.set(data.id, data);
        break;
      case 'norm':
        if (typeof data.id === 'string') own.norms.set(data.id, data);
        break;
      case 'cell':
        own.cells.push(data);
        break;
      case 'source':
        if (typeof data.id === 'string') {
          for (const doc of rowsOf(data.documents)) {
            // A document from another program's file was exported under that file's GUID.
            const guid = typeof doc.refi_guid === 'string' ? doc.refi_guid : doc.id;
            if (typeof guid === 'string') own.sources.set(guid, { row: data, doc });
          }
          if (typeof data.standIn === 'string') own.sources.set(data.standIn, { row: data, doc: null });
        }
        break;
      case 'excerpt':
        if (typeof data.id === 'string') own.excerpts.set(data.id, data);
        break;
      case 'participant':
        own.participants.push(data);
        break;
      case 'claim':
        own.claims.push(data);
        break;
      default:
        skipped.push({ kind: 'note', name: note.name, message: `Comparanda note “${note.name}” is of a kind this version does not know (${decoded.kind}) and was not restored.` });
    }
  }
  // Our own memos are ordinary notes whose GUID the project note lists; they are imported as memos, not consumed.
  return own;
}

// -----------------------------------------------------------------------------------------------------------------
// Phase 1: reading the sources' files

function sourceKindSkip(source: QdaSource): SkippedItem {
  const selections = selectionsOf(source).length;
  const codings = codingsIn(source);
  const tail = selections || codings ? `; its ${plural(selections, 'selection')} and ${plural(codings, 'coding')} are skipped with it` : '';
  const what = source.kind === 'audio' || source.kind === 'video' ? `${KIND_WORDS[source.kind]} sources are not supported` : 'pictures are not supported';
  return { kind: 'source', name: source.name, message: `Source “${source.name}” (${KIND_WORDS[source.kind]}) skipped: ${what}${tail}.` };
}

async function planSources(loaded: Loaded, own: OwnData, skipped: SkippedItem[], notes: string[], withExtraction: boolean): Promise<SourcePlan[]> {
  const plans: SourcePlan[] = [];
  const limit = loaded.archive?.limits.maxSourceBytes ?? Infinity;
  for (const source of loaded.qda.sources) {
    if (source.kind !== 'text' && source.kind !== 'pdf') {
      skipped.push(sourceKindSkip(source));
      continue;
    }
    const what = `the source “${source.name}”`;
    const plan: SourcePlan = { source, textRef: source.text, text: null, pages: null, file: null, missing: [], textExtracted: false };
    const ownSource = own.sources.get(source.guid);
    const textRef = source.text;
    // The plain text the selections count in.
    if (textRef?.inlineText !== null && textRef?.inlineText !== undefined) {
      if (textRef.inlineText.length > limit) {
        throw new ImportError('too-large', loaded.fileName, `"${loaded.fileName}" was refused: the text of ${what} is larger than one source may be. Nothing was imported.`);
      }
      plan.text = textRef.inlineText;
    } else if (textRef?.plainTextPath) {
      const resolved = resolvePath(loaded, textRef.plainTextPath, what);
      if (resolved.kind === 'found') {
        const decoded = readSourceText(loaded, resolved.entry, what);
        plan.text = decoded.text;
        if (decoded.lossy) notes.push(`The text of “${source.name}” is not valid UTF-8; characters that could not be read were replaced.`);
      } else {
        plan.missing.push(`its ${source.kind === 'pdf' ? 'text (' : 'file '}${resolved.path}${source.kind === 'pdf' ? ')' : ''} is ${resolved.kind === 'external' ? 'outside the archive and was not read' : 'missing from the archive'}`);
      }
    } else if (source.kind === 'text') {
      plan.missing.push('it has neither a text file nor text of its own');
    }

    // The original file: a PDF, or the Word file of a text source; ours may carry another original (HTML, Markdown).
    const ownOriginal = ownSource?.doc && typeof ownSource.doc.original === 'string' ? ownSource.doc.original : null;
    const filePath = ownOriginal ?? (source.kind === 'pdf' ? source.path : textRef?.richTextPath && /\.docx$/i.test(textRef.richTextPath) ? textRef.richTextPath : null);
    if (filePath) {
      const resolved = resolvePath(loaded, filePath, what);
      if (resolved.kind === 'found') {
        const bytes = readSourceEntry(loaded, resolved.entry, what);
        const ownFormat = ownSource?.doc ? asString(ownSource.doc.format) : '';
        const format: DocumentFormat = (['pdf', 'docx', 'txt', 'md', 'html'] as const).find((f) => f === ownFormat) ?? (source.kind === 'pdf' ? 'pdf' : 'docx');
        const fileName = ownSource?.doc ? asString(ownSource.doc.file_name, source.name) : source.name.toLowerCase().endsWith(`.${format}`) ? source.name : `${source.name}.${format}`;
        plan.file = { bytes, format, fileName };
      } else if (source.kind === 'pdf') {
        plan.missing.unshift(`its file ${resolved.path} is ${resolved.kind === 'external' ? 'outside the archive and was not read' : 'missing from the archive'}`);
      } else if (plan.text === null) {
        plan.missing.push(`so is its Word file ${resolved.path}`);
      }
    } else if (source.kind === 'pdf') {
      plan.missing.unshift('it names no PDF file');
    }

    if (plan.text !== null) {
      plan.pages = splitPages(plan.text);
      if (!plan.file) {
        const fileName = ownSource?.doc ? asString(ownSource.doc.file_name, `${source.name}.txt`) : /\.txt$/i.test(source.name) ? source.name : `${source.name}.txt`;
        plan.file = { bytes: new TextEncoder().encode(plan.text), format: 'txt', fileName };
      }
    } else if (plan.file && withExtraction) {
      // The original is there but not the plain text the selections count in: extract it to keep the document.
      try {
        const extracted = await extractDocument({ fileName: plan.file.fileName, bytes: plan.file.bytes, maxBytes: limit });
        plan.pages = extracted.pages;
        plan.textExtracted = true;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        plan.missing.push(`its ${plan.file.format.toUpperCase()} file cannot be read (${error.message})`);
        plan.file = null;
      }
    } else if (plan.file && !withExtraction) {
      plan.textExtracted = true;
    }
    plans.push(plan);
  }
  return plans;
}

// -----------------------------------------------------------------------------------------------------------------
// The import itself

class Importer {
  readonly created = zero();
  readonly updated = zero();
  readonly skipped: SkippedItem[] = [];
  readonly notes: string[] = [];
  readonly now = nowIso();
  readonly qda: QdaProject;

  private readonly frameworkMap = new Map<string, string>();
  private readonly stageMap = new Map<string, string>();
  private readonly attributeMap = new Map<string, { id: string; type: AttributeType; choices: string[]; name: string }>();
  private readonly caseMap = new Map<string, string>();
  private readonly participantMap = new Map<string, string>();
  private readonly codeMap = new Map<string, string>();
  private readonly normCodes = new Map<string, string>();
  private readonly stageCodes = new Map<string, NormStageTarget>();
  private readonly cellMap = new Map<string, string>();
  private readonly skippedCodes = new Set<string>();
  private readonly naturalMaps = { dimension: new Map<string, string>(), organisation: new Map<string, string>(), indicator: new Map<string, string>() };
  private readonly excerptHolder = new Map<string, string[]>();
  /** Where each note ends up as a memo, from the references to it. */
  private readonly noteTargets = new Map<string, { type: string; id: string; prefix?: string }>();

  constructor(
    readonly p: Project,
    readonly loaded: Loaded,
    readonly own: OwnData,
    readonly noteTexts: Map<string, string | null>,
    readonly mapping: Map<string, NormStageTarget>,
  ) {
    this.qda = loaded.qda;
  }

  private get db() {
    return this.p.db;
  }

  private exists(table: string, id: unknown): boolean {
    return typeof id === 'string' && !!stmt(this.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  }

  /**
   * Checks the dates of a row of ours as every date entering the project is checked. A file may carry an impossible
   * day (from a project that stored one before dates were checked): the record is kept, with the part of its date
   * that exists (2015-02-30 becomes 2015-02), and the change is reported rather than made quietly.
   */
  private checkDates(table: string, row: Row, name: string): void {
    for (const column of DATE_COLUMNS[table] ?? []) {
      const value = row[column];
      if (typeof value !== 'string' || value === '' || isCalendarDate(value)) continue;
      const kept = [value.slice(0, 7), value.slice(0, 4)].find((part) => /^\d{4}(-\d{2})?$/.test(part) && isCalendarDate(part)) ?? null;
      // A required date keeps at least its year; a date that has none cannot be kept at all.
      row[column] = kept;
      const problem = (dateProblem(value) ?? '').replace(/\.$/, '');
      this.skipped.push({
        kind: 'value',
        name,
        message: `${problem.startsWith('"') ? problem : `"${value}" is not a date`} (${table.replace(/s$/, '')} “${name}”, ${column}); ${kept ? `kept “${kept}”` : 'the date was left empty'}.`,
      });
    }
  }

  private count(kind: CountKind, created: boolean): void {
    if (created) this.created[kind]++;
    else this.updated[kind]++;
  }

  private nextPosition(table: string, where = '', ...params: unknown[]): number {
    return (stmt(this.db, `SELECT coalesce(max(position), 0) + 1 AS n FROM ${table} ${where}`).get(...params) as { n: number }).n;
  }

  private readonly columnCache = new Map<string, Set<string>>();

  private columns(table: string): Set<string> {
    let cols = this.columnCache.get(table);
    if (!cols) {
      cols = new Set((stmt(this.db, `PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      this.columnCache.set(table, cols);
    }
    return cols;
  }

  /** Inserts one row, or updates the row with the same key; only the columns the table has. Answers whether it was new. */
  private upsert(table: string, row: Row, key: string[] = ['id']): boolean {
    const cols = [...this.columns(table)].filter((c) => c in row);
    const where = key.map((k) => `"${k}" = @${k}`).join(' AND ');
    const values = Object.fromEntries(cols.map((c) => [c, row[c] === undefined ? null : typeof row[c] === 'boolean' ? (row[c] ? 1 : 0) : row[c]]));
    const existed = !!stmt(this.db, `SELECT 1 FROM ${table} WHERE ${where}`).get(Object.fromEntries(key.map((k) => [k, row[k]])));
    if (existed) {
      const updates = cols.filter((c) => !key.includes(c));
      if (updates.length) stmt(this.db, `UPDATE ${table} SET ${updates.map((c) => `"${c}" = @${c}`).join(', ')} WHERE ${where}`).run(values);
      return false;
    }
    stmt(this.db, `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);
    return true;
  }

  /** The source plans made in the first phase (read before the transaction). */
  plans: SourcePlan[] = [];
  /** The unit the file's text positions count in. */
  unit: PositionUnit = 'codepoint';
  /** A codebook import: Comparanda norm codes of another project are not made into codes. */
  codebookOnly = false;

  run(): void {
    this.db.pragma('defer_foreign_keys = ON');
    this.frameworks();
    this.attributes();
    this.cases();
    this.norms();
    this.participants();
    this.ownCells();
    this.codes();
    this.users();
    const placed = this.plans.map((plan) => this.source(plan));
    for (const source of placed) this.selections(source);
    this.recordTables();
    this.claims();
    this.flags();
    this.memos();
    reportLeftovers(this.qda, this.skipped, this.own.project !== null);
  }

  runCodebook(): void {
    this.codebookOnly = true;
    this.db.pragma('defer_foreign_keys = ON');
    this.norms();
    this.codes();
    const recognised = this.normCodes.size + this.stageCodes.size;
    if (recognised) this.notes.push(`${plural(recognised, 'code')} of the codebook ${recognised === 1 ? 'is' : 'are'} this project's norms and stages; they were recognised, not imported as codes.`);
    reportLeftovers({ ...this.qda, users: [] }, this.skipped, false);
  }

  // ---- Frameworks and stages (ours)

  private frameworks(): void {
    const frameworks = rowsOf(this.own.project?.frameworks);
    const hasDefault = () => !!stmt(this.db, 'SELECT 1 FROM frameworks WHERE is_default = 1').get();
    for (const f of frameworks) {
      const id = asString(f.id);
      if (!id) continue;
      const stages = rowsOf(f.stages).sort((a, b) => Number(a.position) - Number(b.position));
      let localId: string | undefined;
      if (this.exists('frameworks', id)) {
        localId = id;
        stmt(this.db, 'UPDATE frameworks SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(asString(f.name), asString(f.description), this.now, id);
        this.count('frameworks', false);
      } else {
        const liveLabels = stages.filter((s) => s.archived_at === null || s.archived_at === undefined).map((s) => asString(s.label));
        for (const local of stmt(this.db, 'SELECT id FROM frameworks WHERE name = ?').all(asString(f.name)) as { id: string }[]) {
          const labels = (stmt(this.db, 'SELECT label FROM stages WHERE framework_id = ? AND archived_at IS NULL ORDER BY position').all(local.id) as { label: string }[]).map((s) => s.label);
          if (labels.length === liveLabels.length && labels.every((l, i) => l === liveLabels[i])) {
            localId = local.id;
            this.notes.push(`The framework “${asString(f.name)}” matched the project's framework of the same name and stages.`);
            break;
          }
        }
        if (!localId) {
          localId = id;
          this.upsert('frameworks', { ...f, is_default: f.is_default && !hasDefault() ? 1 : 0 });
          this.count('frameworks', true);
        }
      }
      this.frameworkMap.set(id, localId);
      for (const s of stages) {
        const stageId = asString(s.id);
        const local = stmt(this.db, 'SELECT id, framework_id FROM stages WHERE id = ?').get(stageId) as { id: string; framework_id: string } | undefined;
        if (local && local.framework_id === localId) {
          this.stageMap.set(stageId, stageId);
          continue;
        }
        const byLabel = stmt(this.db, 'SELECT id FROM stages WHERE framework_id = ? AND label = ? AND (archived_at IS NULL) = ? ORDER BY position')
          .all(localId, asString(s.label), s.archived_at === null || s.archived_at === undefined ? 1 : 0) as { id: string }[];
        const free = byLabel.find((b) => ![...this.stageMap.values()].includes(b.id));
        if (free) {
          this.stageMap.set(stageId, free.id);
          continue;
        }
        const newId = local ? crypto.randomUUID() : stageId;
        const taken = stmt(this.db, 'SELECT 1 FROM stages WHERE framework_id = ? AND position = ?').get(localId, s.position);
        this.upsert('stages', { ...s, id: newId, framework_id: localId, position: taken ? this.nextPosition('stages', 'WHERE framework_id = ?', localId) : s.position });
        this.stageMap.set(stageId, newId);
      }
      for (const status of rowsOf(f.statuses)) {
        const key = asString(status.key);
        if (!key || stmt(this.db, 'SELECT 1 FROM status_levels WHERE framework_id = ? AND key = ?').get(localId, key)) continue;
        stmt(this.db, 'INSERT INTO status_levels (framework_id, key, label, position, palette) VALUES (?, ?, ?, ?, ?)')
          .run(localId, key, asString(status.label, key), this.nextPosition('status_levels', 'WHERE framework_id = ?', localId), asNullableInt(status.palette) ?? 0);
      }
    }
  }

  // ---- Variables → case attributes

  private attributes(): void {
    const ownAttributes = new Map(rowsOf(this.own.project?.attributes).map((a) => [asString(a.id), a]));
    for (const v of this.qda.variables) {
      const mine = ownAttributes.get(v.guid);
      const type = (mine ? asString(mine.type) : variableToAttribute(v.type)) as AttributeType;
      const choices = mine && typeof mine.choices === 'string' ? mine.choices : '[]';
      const existing = stmt(this.db, 'SELECT id, name, type, choices FROM case_attributes WHERE id = ?').get(v.guid) as
        | { id: string; name: string; type: AttributeType; choices: string }
        | undefined;
      const byName = existing
        ? undefined
        : (stmt(this.db, 'SELECT id, name, type, choices FROM case_attributes').all() as { id: string; name: string; type: AttributeType; choices: string }[]).find((a) => sameName(a.name, v.name));
      if (existing) {
        const clash = (stmt(this.db, 'SELECT id, name FROM case_attributes WHERE id != ?').all(v.guid) as { id: string; name: string }[]).some((a) => sameName(a.name, v.name));
        if (!clash) stmt(this.db, 'UPDATE case_attributes SET name = ?, updated_at = ? WHERE id = ?').run(v.name, this.now, v.guid);
        if (existing.type === 'choice' && type === 'choice') {
          const merged = [...new Set([...(JSON.parse(existing.choices) as string[]), ...(JSON.parse(choices) as string[])])];
          stmt(this.db, 'UPDATE case_attributes SET choices = ? WHERE id = ?').run(JSON.stringify(merged), v.guid);
        }
        this.count('attributes', false);
        this.attributeMap.set(v.guid, { id: v.guid, type: existing.type, choices: JSON.parse((stmt(this.db, 'SELECT choices FROM case_attributes WHERE id = ?').get(v.guid) as { choices: string }).choices) as string[], name: v.name });
      } else if (byName) {
        this.notes.push(`The variable “${v.name}” was matched with the project's attribute “${byName.name}”.`);
        this.attributeMap.set(v.guid, { id: byName.id, type: byName.type, choices: JSON.parse(byName.choices) as string[], name: byName.name });
      } else {
        stmt(this.db, 'INSERT INTO case_attributes (id, name, type, choices, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(v.guid, v.name, type, choices, this.nextPosition('case_attributes'), asString(mine?.created_at, this.now), this.now);
        this.count('attributes', true);
        this.attributeMap.set(v.guid, { id: v.guid, type, choices: JSON.parse(choices) as string[], name: v.name });
        if (v.type === 'DateTime') this.notes.push(`The variable “${v.name}” holds dates with times; Comparanda keeps the dates.`);
      }
    }
  }

  private encodeValue(attribute: { type: AttributeType; choices: string[] }, type: VariableType, raw: string): string | null {
    const value = raw.trim();
    switch (attribute.type) {
      case 'number': {
        const n = Number(value);
        return value !== '' && Number.isFinite(n) ? String(n) : null;
      }
      case 'boolean':
        return /^(true|1|yes)$/i.test(value) ? 'true' : /^(false|0|no)$/i.test(value) ? 'false' : null;
      case 'date': {
        const date = value.slice(0, 10);
        return isCalendarDay(date) ? date : null;
      }
      case 'choice':
        return attribute.choices.includes(raw) ? raw : null;
      default:
        return type === 'Text' ? raw : value;
    }
  }

  // ---- Cases

  private cases(): void {
    for (const c of this.qda.cases) {
      const mine = this.own.cases.get(c.guid);
      let id: string | undefined;
      if (this.exists('cases', c.guid)) {
        id = c.guid;
        const fields: Row = { name: mine ? asString(mine.name, c.name) : c.name, notes: mine ? asString(mine.notes) : c.description };
        if (mine) {
          fields.iso_code = typeof mine.iso_code === 'string' && mine.iso_code.length === 3 ? mine.iso_code : null;
          fields.archived_at = asNullableString(mine.archived_at);
        }
        const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
        stmt(this.db, `UPDATE cases SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...fields, now: this.now, id });
        this.count('cases', false);
      } else {
        const byName = (stmt(this.db, 'SELECT id, name FROM cases ORDER BY archived_at IS NOT NULL, position').all() as { id: string; name: string }[]).find((x) => sameName(x.name, c.name));
        if (byName) {
          id = byName.id;
          this.notes.push(`The case “${c.name}” was matched with the project's case “${byName.name}”.`);
        } else {
          id = c.guid;
          let role = mine && mine.role === 'focal' ? 'focal' : 'comparison';
          if (role === 'focal' && stmt(this.db, "SELECT 1 FROM cases WHERE role = 'focal'").get()) {
            role = 'comparison';
            this.notes.push(`The case “${c.name}” was the focal case in the file; it is a comparison case here because the project already has a focal case.`);
          }
          stmt(this.db, 'INSERT INTO cases (id, name, iso_code, role, notes, position, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(
              id,
              mine ? asString(mine.name, c.name) : c.name,
              mine && typeof mine.iso_code === 'string' && mine.iso_code.length === 3 ? mine.iso_code : null,
              role,
              mine ? asString(mine.notes) : c.description,
              this.nextPosition('cases'),
              asString(mine?.created_at, this.now),
              this.now,
              mine ? asNullableString(mine.archived_at) : null,
            );
          this.count('cases', true);
        }
      }
      this.caseMap.set(c.guid, id);
      for (const value of c.values) {
        const attribute = this.attributeMap.get(value.variableGuid);
        if (!attribute) {
          this.skipped.push({ kind: 'value', name: c.name, message: `A value of case “${c.name}” refers to a variable that is not in the file; it was skipped.` });
          continue;
        }
        const encoded = this.encodeValue(attribute, value.type, value.value);
        if (encoded === null) {
          if (value.value.trim() !== '') {
            this.skipped.push({ kind: 'value', name: c.name, message: `The value “${value.value}” of “${attribute.name}” for case “${c.name}” is not a valid ${attribute.type}; it was skipped.` });
          }
          continue;
        }
        const before = stmt(this.db, 'SELECT value FROM case_attribute_values WHERE case_id = ? AND attribute_id = ?').get(id, attribute.id) as { value: string } | undefined;
        stmt(this.db, 'INSERT INTO case_attribute_values (case_id, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT (case_id, attribute_id) DO UPDATE SET value = excluded.value')
          .run(id, attribute.id, encoded);
        this.count('attributeValues', !before);
      }
      if (c.codeRefs.length) {
        this.skipped.push({ kind: 'case', name: c.name, message: `Case “${c.name}” is coded with ${plural(c.codeRefs.length, 'code')}; Comparanda does not code cases, so those codings were skipped.` });
      }
    }
  }

  // ---- Norms (ours) and the recognition of norm and stage codes

  private norms(): void {
    for (const row of this.own.norms.values()) {
      const id = asString(row.id);
      const frameworkId = this.frameworkMap.get(asString(row.framework_id)) ?? asString(row.framework_id);
      if (!this.exists('frameworks', frameworkId)) {
        this.skipped.push({ kind: 'code', name: asString(row.label), message: `Norm “${asString(row.label)}” refers to a framework that is not in the file; it was not restored.` });
        continue;
      }
      const existing = stmt(this.db, 'SELECT framework_id FROM norms WHERE id = ?').get(id) as { framework_id: string } | undefined;
      const fields = {
        label: asString(row.label),
        short_label: asString(row.short_label),
        description: asString(row.description),
        instrument: asString(row.instrument),
        paragraph: asString(row.paragraph),
        diffusing_agent: asString(row.diffusing_agent),
        archived_at: asNullableString(row.archived_at),
      };
      if (existing) {
        if (existing.framework_id !== frameworkId) this.notes.push(`Norm “${fields.label}” keeps the project's framework; the file's framework for it differs.`);
        stmt(this.db, 
            'UPDATE norms SET label = @label, short_label = @short_label, description = @description, instrument = @instrument, paragraph = @paragraph, diffusing_agent = @diffusing_agent, archived_at = @archived_at, updated_at = @now WHERE id = @id',
          )
          .run({ ...fields, id, now: this.now });
        this.count('norms', false);
      } else {
        stmt(this.db, 
            `INSERT INTO norms (id, label, short_label, description, instrument, paragraph, diffusing_agent, framework_id, position, created_at, updated_at, archived_at)
             VALUES (@id, @label, @short_label, @description, @instrument, @paragraph, @diffusing_agent, @framework, @position, @created, @now, @archived_at)`,
          )
          .run({ ...fields, id, framework: frameworkId, position: this.nextPosition('norms'), created: asString(row.created_at, this.now), now: this.now });
        this.count('norms', true);
      }
      const normFramework = existing?.framework_id ?? frameworkId;
      for (const note of rowsOf(row.stageNotes)) {
        const stageId = this.stageMap.get(asString(note.stage_id)) ?? asString(note.stage_id);
        if (!stmt(this.db, 'SELECT 1 FROM stages WHERE id = ? AND framework_id = ?').get(stageId, normFramework)) continue;
        stmt(this.db, 'INSERT INTO norm_stage_notes (norm_id, stage_id, description) VALUES (?, ?, ?) ON CONFLICT (norm_id, stage_id) DO UPDATE SET description = excluded.description')
          .run(id, stageId, asString(note.description));
      }
    }
    for (const code of this.qda.codes) {
      const marker = code.marker;
      if (!marker) continue;
      const norm = stmt(this.db, 'SELECT id, framework_id FROM norms WHERE id = ?').get(marker.normId) as { id: string; framework_id: string } | undefined;
      if (!norm) {
        if (this.codebookOnly) {
          this.skippedCodes.add(code.guid);
          this.skipped.push({
            kind: 'code',
            name: code.name,
            message: `The code “${code.name}” is a ${marker.kind} of another Comparanda project's matrix; norms are made in the matrix, not from a codebook, so it was skipped.`,
          });
        } else {
          this.notes.push(`The code “${code.name}” is a Comparanda norm code, but its norm is not in this project; it is imported as an ordinary code.`);
        }
        continue;
      }
      if (marker.kind === 'norm') {
        this.normCodes.set(code.guid, norm.id);
        continue;
      }
      const stageId = this.stageMap.get(marker.stageId) ?? marker.stageId;
      if (stmt(this.db, 'SELECT 1 FROM stages WHERE id = ? AND framework_id = ?').get(stageId, norm.framework_id)) {
        this.stageCodes.set(code.guid, { normId: norm.id, stageId });
      } else {
        // The stage code of another project with the same framework: match the stage by its name.
        const byLabel = stmt(this.db, 'SELECT id FROM stages WHERE framework_id = ? AND label = ? AND archived_at IS NULL').get(norm.framework_id, code.name) as { id: string } | undefined;
        if (byLabel) this.stageCodes.set(code.guid, { normId: norm.id, stageId: byLabel.id });
        else this.notes.push(`The code “${code.name}” is a Comparanda stage code, but its stage is not in this project; it is imported as an ordinary code.`);
      }
    }
  }

  // ---- Participants (ours; by pseudonym only)

  private participants(): void {
    for (const row of this.own.participants) {
      const id = asString(row.id);
      const pseudonym = asString(row.pseudonym).trim();
      if (!id || !pseudonym) continue;
      const clash = (stmt(this.db, 'SELECT id, pseudonym FROM participants WHERE id != ?').all(id) as { id: string; pseudonym: string }[]).find((x) => sameName(x.pseudonym, pseudonym));
      if (clash && !this.exists('participants', id)) {
        this.participantMap.set(id, clash.id);
        this.notes.push(`The participant “${pseudonym}” was matched with the project's participant of the same pseudonym.`);
        continue;
      }
      const consent = ['given', 'given-with-restrictions', 'withdrawn', 'unknown'].includes(asString(row.consent)) ? asString(row.consent) : 'unknown';
      const dated: Row = { interview_date: asNullableString(row.interview_date) };
      this.checkDates('participants', dated, pseudonym);
      const created = this.upsert('participants', {
        id,
        pseudonym: clash ? (stmt(this.db, 'SELECT pseudonym FROM participants WHERE id = ?').get(id) as { pseudonym: string }).pseudonym : pseudonym,
        role_category: asString(row.role_category),
        interview_date: dated.interview_date,
        place: asString(row.place),
        language: asString(row.language),
        consent,
        restrictions: asString(row.restrictions),
        created_at: asString(row.created_at, this.now),
        updated_at: this.now,
      });
      this.participantMap.set(id, id);
      this.count('participants', created);
    }
  }

  // ---- Cells (ours)

  private statusFor(normId: string, wanted: string | null): string {
    const framework = (stmt(this.db, 'SELECT framework_id FROM norms WHERE id = ?').get(normId) as { framework_id: string }).framework_id;
    if (wanted && stmt(this.db, 'SELECT 1 FROM status_levels WHERE framework_id = ? AND key = ?').get(framework, wanted)) return wanted;
    const noData = stmt(this.db, "SELECT key FROM status_levels WHERE framework_id = ? AND key = 'no-data'").get(framework) as { key: string } | undefined;
    if (noData) return noData.key;
    const last = stmt(this.db, 'SELECT key FROM status_levels WHERE framework_id = ? ORDER BY position DESC LIMIT 1').get(framework) as { key: string } | undefined;
    return last?.key ?? 'no-data';
  }

  private ownCells(): void {
    for (const row of this.own.cells) {
      const caseId = this.caseMap.get(asString(row.case_id));
      const normId = asString(row.norm_id);
      const stageId = this.stageMap.get(asString(row.stage_id)) ?? asString(row.stage_id);
      if (!caseId || !this.exists('norms', normId) || !this.exists('stages', stageId)) {
        this.skipped.push({ kind: 'record', name: asString(row.id), message: 'A cell assessment refers to a case, norm or stage that is not in the file; it was not restored.' });
        continue;
      }
      const fields = {
        status: this.statusFor(normId, asNullableString(row.status)),
        mode: ['discourse', 'practice', 'both'].includes(asString(row.mode)) ? asString(row.mode) : null,
        period_from: asNullableInt(row.period_from),
        period_to: asNullableInt(row.period_to),
        summary: asString(row.summary),
        confidence: ['low', 'medium', 'high'].includes(asString(row.confidence)) ? asString(row.confidence) : null,
        memo: asString(row.memo),
      };
      if (fields.period_from !== null && fields.period_to !== null && fields.period_from > fields.period_to) fields.period_to = null;
      const archived = asNullableString(row.archived_at);
      const live = archived
        ? undefined
        : (stmt(this.db, 'SELECT id FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL').get(caseId, normId, stageId) as { id: string } | undefined);
      const byId = this.exists('cells', row.id) ? asString(row.id) : undefined;
      const target = live?.id ?? byId;
      if (target) {
        stmt(this.db, 
            'UPDATE cells SET status = @status, mode = @mode, period_from = @period_from, period_to = @period_to, summary = @summary, confidence = @confidence, memo = @memo, updated_at = @now WHERE id = @id',
          )
          .run({ ...fields, now: this.now, id: target });
        this.cellMap.set(asString(row.id), target);
        this.count('cells', false);
      } else {
        const id = asString(row.id) || crypto.randomUUID();
        stmt(this.db, 
            `INSERT INTO cells (id, case_id, norm_id, stage_id, status, mode, period_from, period_to, summary, confidence, memo, created_at, updated_at, archived_at)
             VALUES (@id, @case, @norm, @stage, @status, @mode, @period_from, @period_to, @summary, @confidence, @memo, @created, @now, @archived)`,
          )
          .run({ ...fields, id, case: caseId, norm: normId, stage: stageId, created: asString(row.created_at, this.now), now: this.now, archived });
        this.cellMap.set(asString(row.id), id);
        this.count('cells', true);
      }
    }
  }

  /** The live cell of a case, norm and stage, made (status "no data") when it does not exist yet. */
  private cellFor(caseId: string, target: NormStageTarget): string {
    const live = stmt(this.db, 'SELECT id FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL').get(caseId, target.normId, target.stageId) as
      | { id: string }
      | undefined;
    if (live) return live.id;
    const id = crypto.randomUUID();
    this.db
      .prepare('INSERT INTO cells (id, case_id, norm_id, stage_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, caseId, target.normId, target.stageId, this.statusFor(target.normId, null), this.now, this.now);
    this.count('cells', true);
    return id;
  }

  // ---- Codes

  private codes(): void {
    const byGuid = new Map(this.qda.codes.map((c) => [c.guid, c]));
    for (const code of this.qda.codes) {
      if (this.normCodes.has(code.guid) || this.stageCodes.has(code.guid) || this.skippedCodes.has(code.guid)) continue;
      if (this.codeMap.has(code.guid)) {
        this.skipped.push({ kind: 'code', name: code.name, message: `The code “${code.name}” appears twice in the codebook; the second was skipped.` });
        continue;
      }
      let parentId: string | null = null;
      for (let at = code.parentGuid; at; at = byGuid.get(at)?.parentGuid ?? null) {
        const mapped = this.codeMap.get(at);
        if (mapped) {
          parentId = mapped;
          break;
        }
      }
      const palette = paletteSlot(code.color);
      const clash = (stmt(this.db, "SELECT id, name FROM codes WHERE coalesce(parent_id, '') = coalesce(?, '') AND id != ?").all(parentId, code.guid) as { id: string; name: string }[]).find((x) =>
        sameName(x.name, code.name),
      );
      if (this.exists('codes', code.guid)) {
        if (clash) this.notes.push(`The code “${code.name}” keeps its name in the project: another code already has that name at that place.`);
        stmt(this.db, `UPDATE codes SET ${clash ? '' : 'name = @name, parent_id = @parent, '}description = @description, palette = @palette, updated_at = @now WHERE id = @id`)
          .run({ name: code.name, parent: parentId, description: code.description, palette, now: this.now, id: code.guid });
        this.codeMap.set(code.guid, code.guid);
        this.count('codes', false);
      } else if (clash) {
        this.codeMap.set(code.guid, clash.id);
        this.notes.push(`The code “${code.name}” was merged with the project's code “${clash.name}”, which has the same name at the same place.`);
      } else {
        stmt(this.db, 'INSERT INTO codes (id, parent_id, name, description, palette, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(code.guid, parentId, code.name, code.description, palette, this.nextPosition('codes'), this.now, this.now);
        this.codeMap.set(code.guid, code.guid);
        this.count('codes', true);
      }
    }
  }

  // ---- Users

  /** The file's users, by GUID, so that a re-export names the same people as the creators of their selections. */
  private users(): void {
    const upsert = stmt(this.db, 'INSERT INTO refi_users (guid, name) VALUES (?, ?) ON CONFLICT (guid) DO UPDATE SET name = excluded.name');
    for (const user of this.qda.users) {
      if (user.guid === COMPARANDA_USER_GUID) continue;
      upsert.run(user.guid, user.name);
      this.knownUsers.add(user.guid);
    }
  }

  private readonly knownUsers = new Set<string>();

  // ---- Sources, documents, selections, codings

  /** First pass: the source and its document (all documents exist before any excerpt is placed). */
  private source(plan: SourcePlan): PlacedSource {
    const { source } = plan;
    const mine = this.own.sources.get(source.guid);
    const sourceId = mine ? asString(mine.row.id) : source.guid;
    this.saveSource(sourceId, source, mine);
    let documentId: string | null = null;
    if (plan.pages && plan.file && !(mine && mine.doc === null)) {
      documentId = mine?.doc ? asString(mine.doc.id) : derivedGuid('document', source.guid);
      this.saveDocument(documentId, sourceId, plan, mine?.doc ?? null);
    }
    return {
      plan,
      sourceId,
      documentId,
      paged: plan.pages ? joinPages(plan.pages) : null,
      standIn: !!mine && mine.doc === null,
      holders: [source.guid, ...(source.text?.guid ? [source.text.guid] : [])],
    };
  }

  /** Second pass: its selections, their codings and links to cells. */
  private selections(placed: PlacedSource): void {
    const { plan, sourceId, documentId, paged, standIn, holders } = placed;
    const { source } = plan;
    const textSelections = plan.textRef?.selections ?? [];
    const usableText = plan.text !== null && !plan.textExtracted;
    if (source.codings.length) {
      this.skipped.push({ kind: 'coding', name: source.name, message: `Source “${source.name}” is coded as a whole with ${plural(source.codings.length, 'code')}; Comparanda codes excerpts, so those codings were skipped.` });
    }
    if (source.values.length) {
      this.skipped.push({ kind: 'value', name: source.name, message: `Source “${source.name}” has ${plural(source.values.length, 'variable value')}; Comparanda has attributes for cases only, so they were skipped.` });
    }

    /** GUIDs dealt with (imported or reported), and those imported as excerpts. */
    const handled = new Set<string>();
    const imported = new Set<string>();
    const positions = usableText ? new Positions(plan.text!, this.unit) : null;
    /** Text selections that cannot be placed because the text is missing; a PDF selection may still carry them. */
    const pending = new Map<string, QdaSelection>();
    for (const selection of textSelections) {
      if (handled.has(selection.guid) || pending.has(selection.guid)) {
        const which = selection.name ? `of “${snippet(selection.name, 40)}”` : `${selection.guid} (${whereIs(selection)})`;
        this.skipped.push({ kind: 'selection', name: selection.name, message: `A second selection with the GUID ${which} in “${source.name}” was skipped.` });
        continue;
      }
      if (!positions || !paged) {
        pending.set(selection.guid, selection);
        continue;
      }
      handled.add(selection.guid);
      const start = positions.toUnit(selection.start ?? -1);
      const end = positions.toUnit(selection.end ?? -1);
      if (start === null || end === null || end < start) {
        this.skipped.push({
          kind: 'selection',
          name: selection.name,
          message: selection.name
            ? `Selection “${snippet(selection.name, 50)}” in “${source.name}” skipped: its positions (${selection.start ?? '?'}–${selection.end ?? '?'}) lie outside the text (${positions.length} characters).`
            : `The selection ${whereIs(selection)} in “${source.name}” was skipped: it lies outside the text (${positions.length} characters).`,
        });
        continue;
      }
      const located = locate(paged, start, end);
      if (located.text.trim() === '' && !this.own.excerpts.has(selection.guid)) {
        const message = selection.name
          ? `Selection “${snippet(selection.name, 50)}” in “${source.name}” skipped: it selects no text.`
          : `The selection ${whereIs(selection)} in “${source.name}” was skipped: it selects no text.`;
        this.skipped.push({ kind: 'selection', name: selection.name, message });
        continue;
      }
      this.saveExcerpt(selection, sourceId, standIn ? null : documentId, standIn ? null : located, plan, holders);
      imported.add(selection.guid);
    }
    // PDF selections: an area of a page, imported when it carries its text (a Representation).
    for (const selection of source.selections) {
      if (selection.kind !== 'pdf') continue;
      if (imported.has(selection.guid)) {
        // ATLAS.ti writes a quotation twice: as a PDF area and as a text selection of the same GUID. Keep one.
        this.codings(selection, selection.guid, holders);
        continue;
      }
      if (handled.has(selection.guid)) continue;
      handled.add(selection.guid);
      const twin = pending.get(selection.guid);
      pending.delete(selection.guid);
      if (!selection.text || selection.text.trim() === '') {
        const codings = selection.codings.length + (twin?.codings.length ?? 0);
        this.skipped.push({
          kind: 'selection',
          name: selection.name,
          message: `${capital(selectionCalled(selection))} in “${source.name}” skipped: it marks an area of a PDF page without text${codings ? ` (${plural(codings, 'coding')} skipped with it)` : ''}.`,
        });
        continue;
      }
      const page = selection.page !== null && selection.page >= 0 ? selection.page + 1 : null;
      this.saveExcerpt(selection, sourceId, documentId, page === null ? null : { kind: 'pdf-page', page, text: selection.text }, plan, holders);
      imported.add(selection.guid);
      if (twin) this.codings(twin, selection.guid, holders);
    }

    // What is missing: one message for the source and what it takes with it.
    const lostCodings = [...pending.values()].reduce((n, s) => n + s.codings.length, 0);
    const lost = pending.size
      ? `, and its ${plural(pending.size, 'text selection')} (with ${plural(lostCodings, 'coding')}) ${pending.size === 1 ? 'is' : 'are'} skipped`
      : '';
    if (plan.missing.length) {
      const kept = documentId ? (plan.textExtracted ? 'the document is kept with the text extracted from its file' : 'the document is kept') : 'the source is kept without a document';
      this.skipped.push({ kind: 'source', name: source.name, message: `Source “${source.name}”: ${plan.missing.join('; ')}; ${kept}${lost}.` });
    } else if (pending.size) {
      this.skipped.push({
        kind: 'source',
        name: source.name,
        message: `Source “${source.name}”: its text was extracted from its file, so the positions of its selections do not apply${lost}.`,
      });
    }
  }

  private saveSource(sourceId: string, source: QdaSource, mine: OwnSource | undefined): void {
    const existing = stmt(this.db, 'SELECT citation_key, csl FROM sources WHERE id = ?').get(sourceId) as { citation_key: string; csl: string } | undefined;
    if (existing && this.savedSources.has(sourceId)) return;
    this.savedSources.add(sourceId);
    const participant = mine && typeof mine.row.participant_id === 'string' ? (this.participantMap.get(mine.row.participant_id) ?? null) : null;
    if (mine) {
      const row = mine.row;
      let csl = isRow(row.csl) ? row.csl : typeof row.csl === 'string' ? (JSON.parse(row.csl) as Row) : { type: 'document', title: asString(row.title) };
      let key = asString(row.citation_key) || citationBase(csl);
      if (existing) key = existing.citation_key;
      else key = this.uniqueKey(key);
      csl = { ...csl, id: key };
      const kind = asString(row.kind, 'other');
      const created = this.upsert('sources', {
        id: sourceId,
        kind: ['observer-report', 'law', 'interview', 'media', 'leaked-document', 'dataset', 'speech', 'academic', 'other'].includes(kind) ? kind : 'other',
        csl: JSON.stringify(csl),
        title: asString(row.title, source.name),
        citation_key: key,
        duplicate_key: duplicateKey(csl),
        participant_id: participant,
        notes: asString(row.notes),
        created_at: asString(row.created_at, this.now),
        updated_at: this.now,
      });
      this.count('sources', created);
      return;
    }
    if (existing) {
      const csl = { ...(JSON.parse(existing.csl) as Row), title: source.name };
      stmt(this.db, 'UPDATE sources SET title = ?, csl = ?, duplicate_key = ?, notes = CASE WHEN ? != \'\' THEN ? ELSE notes END, updated_at = ? WHERE id = ?')
        .run(source.name, JSON.stringify(csl), duplicateKey(csl), source.description, source.description, this.now, sourceId);
      this.count('sources', false);
      return;
    }
    const key = this.uniqueKey(citationBase({ title: source.name }));
    const csl = { id: key, type: 'document', title: source.name };
    this.db
      .prepare(
        `INSERT INTO sources (id, kind, csl, title, citation_key, duplicate_key, participant_id, notes, created_at, updated_at)
         VALUES (?, 'other', ?, ?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(sourceId, JSON.stringify(csl), source.name, key, duplicateKey(csl), source.description, this.now, this.now);
    this.count('sources', true);
  }

  private readonly savedSources = new Set<string>();

  private uniqueKey(base: string): string {
    const taken = (k: string) => !!stmt(this.db, 'SELECT 1 FROM sources WHERE citation_key = ?').get(k);
    if (!taken(base)) return base;
    for (let i = 0; ; i++) {
      const candidate = base + (i < 26 ? String.fromCharCode(97 + i) : String(i));
      if (!taken(candidate)) return candidate;
    }
  }

  private saveDocument(id: string, sourceId: string, plan: SourcePlan, doc: Row | null): void {
    const file = plan.file!;
    const pages = plan.pages!;
    const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
    const format: DocumentFormat = file.format;
    const own = (column: string) => (doc && typeof doc[column] === 'string' ? (doc[column] as string) : null);
    const row = {
      id,
      source_id: sourceId,
      // The element the document came from, so that a re-export keeps its GUID (ours are derived from our ids).
      refi_guid: doc ? own('refi_guid') : plan.source.guid,
      refi_text_guid: doc ? own('refi_text_guid') : plan.source.kind === 'pdf' ? (plan.source.text?.guid ?? null) : null,
      file_name: file.fileName,
      format,
      mime_type: doc && typeof doc.mime_type === 'string' && format === doc.format ? doc.mime_type : MIME_TYPES[format],
      byte_size: file.bytes.byteLength,
      sha256,
      page_count: pages.length,
      imported_at: doc ? asString(doc.imported_at, this.now) : this.now,
    };
    const created = this.upsert('documents', row);
    stmt(this.db, 'INSERT INTO document_files (document_id, bytes) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET bytes = excluded.bytes').run(id, Buffer.from(file.bytes));
    const current = stmt(this.db, 'SELECT number, text FROM document_pages WHERE document_id = ? ORDER BY number').all(id) as { number: number; text: string }[];
    const same = current.length === pages.length && current.every((c, i) => c.number === pages[i]!.number && c.text === pages[i]!.text);
    if (!same) {
      stmt(this.db, 'DELETE FROM document_pages WHERE document_id = ?').run(id);
      const insert = stmt(this.db, 'INSERT INTO document_pages (document_id, number, text) VALUES (?, ?, ?)');
      for (const page of pages) insert.run(id, page.number, page.text);
    }
    this.count('documents', created);
  }

  private saveExcerpt(
    selection: QdaSelection,
    sourceId: string,
    documentId: string | null,
    located: ReturnType<typeof locate> | { kind: 'pdf-page'; page: number; text: string } | null,
    plan: SourcePlan,
    holders: string[],
  ): void {
    const mine = this.own.excerpts.get(selection.guid);
    let row: Row;
    if (mine) {
      const participant = typeof mine.participant_id === 'string' ? (this.participantMap.get(mine.participant_id) ?? null) : null;
      const ownDocument = typeof mine.document_id === 'string' && this.exists('documents', mine.document_id) ? mine.document_id : null;
      row = {
        ...mine,
        source_id: sourceId,
        document_id: located && located.kind === 'page' ? documentId : ownDocument,
        participant_id: participant,
        updated_at: this.now,
      };
      if (located && located.kind === 'page') {
        row.page = located.page;
        row.start_offset = located.start;
        row.end_offset = located.end;
      }
      if (!['quote', 'paraphrase'].includes(asString(row.text_kind))) row.text_kind = 'quote';
      if (!['verified-external', 'one-source', 'contested', 'unverified'].includes(asString(row.verification))) row.verification = 'unverified';
      delete row.cells;
    } else {
      const pagesCount = plan.pages?.length ?? 0;
      let page: number | null = null;
      let locator = '';
      let paragraph: number | null = null;
      let start: number | null = null;
      let end: number | null = null;
      if (located?.kind === 'page') {
        page = located.page;
        start = located.start;
        end = located.end;
        const pageText = plan.pages?.find((pg) => pg.number === located.page)?.text ?? '';
        paragraph = paragraphAt(pageText, located.start);
        locator = pagesCount > 1 ? `p. ${located.page}` : '';
      } else if (located?.kind === 'pages') {
        page = located.page;
        locator = `pp. ${located.page}–${located.lastPage}`;
      } else if (located?.kind === 'pdf-page') {
        page = located.page;
        locator = `p. ${located.page}`;
      }
      row = {
        id: selection.guid,
        source_id: sourceId,
        document_id: documentId,
        page,
        start_offset: start,
        end_offset: end,
        paragraph,
        locator,
        text: located ? located.text : (selection.text ?? ''),
        text_kind: 'quote',
        refi_user: selection.creatingUser && this.knownUsers.has(selection.creatingUser) ? selection.creatingUser : null,
        created_at: this.now,
        updated_at: this.now,
      };
      if (this.exists('excerpts', selection.guid)) delete row.created_at;
    }
    if (row.start_offset !== null && row.end_offset !== null && Number(row.start_offset) > Number(row.end_offset)) row.end_offset = row.start_offset;
    const created = this.upsert('excerpts', row);
    this.count('excerpts', created);
    this.excerptHolder.set(selection.guid, holders);
    if (!mine && selection.description.trim()) {
      const memoId = derivedGuid('selection-description', selection.guid);
      const memoCreated = this.upsert('memos', { id: memoId, target_type: 'excerpt', target_id: selection.guid, text: selection.description, created_at: this.now, updated_at: this.now });
      this.count('memos', memoCreated);
    }
    for (const ref of selection.noteRefs) this.target(ref, { type: 'excerpt', id: selection.guid });
    this.codings(selection, selection.guid, holders);
  }

  /** The cases a selection belongs to: those that name it, else those that name its source. */
  private casesOf(selectionGuid: string, holders: string[]): string[] {
    const direct = this.qda.cases.filter((c) => c.selectionRefs.includes(selectionGuid));
    const chosen = direct.length ? direct : this.qda.cases.filter((c) => c.sourceRefs.some((g) => holders.includes(g)));
    return [...new Set(chosen.map((c) => this.caseMap.get(c.guid)).filter((id): id is string => !!id))];
  }

  private codings(selection: QdaSelection, excerptId: string, holders: string[]): void {
    const mine = this.own.excerpts.get(excerptId);
    const positions = new Map(rowsOf(mine?.cells).map((c) => [this.cellMap.get(asString(c.cell_id)) ?? asString(c.cell_id), asNullableInt(c.position)]));
    for (const coding of selection.codings) this.coding(coding, selection, excerptId, holders, positions);
  }

  private coding(coding: QdaCoding, selection: QdaSelection, excerptId: string, holders: string[], positions: Map<string, number | null>): void {
    for (const ref of coding.noteRefs) this.target(ref, { type: 'excerpt', id: excerptId });
    const label = selection.name ? snippet(selection.name, 50) : whereIs(selection);
    if (!coding.codeGuid) {
      this.skipped.push({ kind: 'coding', name: label, message: `A coding of ${selectionCalled(selection)} names no code; it was skipped.` });
      return;
    }
    const target = this.stageCodes.get(coding.codeGuid) ?? this.mapping.get(coding.codeGuid);
    const codeId = this.codeMap.get(coding.codeGuid);
    if (codeId) {
      const result = stmt(this.db, 'INSERT OR IGNORE INTO excerpt_codes (excerpt_id, code_id) VALUES (?, ?)').run(excerptId, codeId);
      if (result.changes > 0) this.created.codings++;
    }
    if (target) {
      const cases = this.casesOf(selection.guid, holders);
      if (cases.length === 0) {
        this.skipped.push({
          kind: 'coding',
          name: label,
          message: `${capital(selectionCalled(selection))} is coded for a norm stage but belongs to no case of the file (no Case names it or its source), so it is not linked to a cell.`,
        });
        return;
      }
      for (const caseId of cases) {
        const cellId = this.cellFor(caseId, target);
        const position = positions.get(cellId) ?? (stmt(this.db, 'SELECT coalesce(max(position), 0) + 1 AS n FROM excerpt_cells WHERE cell_id = ?').get(cellId) as { n: number }).n;
        const result = stmt(this.db, 'INSERT OR IGNORE INTO excerpt_cells (excerpt_id, cell_id, position) VALUES (?, ?, ?)').run(excerptId, cellId, position);
        if (result.changes > 0) this.created.cellLinks++;
      }
      return;
    }
    if (this.normCodes.has(coding.codeGuid)) {
      this.skipped.push({ kind: 'coding', name: label, message: `${capital(selectionCalled(selection))} is coded with a norm rather than one of its stages; that coding was skipped.` });
      return;
    }
    if (!codeId) {
      this.skipped.push({ kind: 'coding', name: label, message: `A coding of ${selectionCalled(selection)} refers to a code that is not in the codebook (${coding.codeGuid}); it was skipped.` });
    }
  }

  // ---- Observation record, regional context, indicators, views (ours)

  private recordTables(): void {
    const tables = isRow(this.own.record?.tables) ? (this.own.record.tables as Row) : null;
    if (!tables) return;
    const natural: Record<string, { column: string; map?: keyof Importer['naturalMaps'] }> = {
      finding_dimensions: { column: 'label', map: 'dimension' },
      organisations: { column: 'name', map: 'organisation' },
      indicators: { column: 'name', map: 'indicator' },
      views: { column: 'name' },
    };
    const keys: Record<string, string[]> = {
      mission_findings: ['mission_id', 'dimension_id'],
      instrument_norms: ['instrument_id', 'regional_norm_id'],
      regional_norm_cells: ['regional_norm_id', 'cell_id'],
      indicator_values: ['indicator_id', 'case_id', 'year'],
    };
    // column → how to remap it and whether the row is useless without it.
    const refs: Record<string, [string, 'case' | 'cell' | 'dimension' | 'organisation' | 'indicator' | 'table', string, boolean][]> = {
      elections: [['case_id', 'case', 'cases', true]],
      missions: [
        ['election_id', 'table', 'elections', true],
        ['verdict_source_id', 'table', 'sources', false],
        ['verdict_excerpt_id', 'table', 'excerpts', false],
      ],
      mission_findings: [
        ['mission_id', 'table', 'missions', true],
        ['dimension_id', 'dimension', 'finding_dimensions', true],
      ],
      regional_norms: [['organisation_id', 'organisation', 'organisations', false]],
      instruments: [
        ['organisation_id', 'organisation', 'organisations', false],
        ['source_id', 'table', 'sources', false],
      ],
      instrument_norms: [
        ['instrument_id', 'table', 'instruments', true],
        ['regional_norm_id', 'table', 'regional_norms', true],
      ],
      memberships: [
        ['case_id', 'case', 'cases', true],
        ['organisation_id', 'organisation', 'organisations', true],
      ],
      regional_norm_cells: [
        ['regional_norm_id', 'table', 'regional_norms', true],
        ['cell_id', 'cell', 'cells', true],
      ],
      indicators: [['source_id', 'table', 'sources', false]],
      indicator_values: [
        ['indicator_id', 'indicator', 'indicators', true],
        ['case_id', 'case', 'cases', true],
        ['source_id', 'table', 'sources', false],
      ],
    };
    let dropped = 0;
    for (const table of RECORD_TABLES) {
      if (table === 'verification_flags') continue;
      for (const original of rowsOf(tables[table])) {
        const row: Row = { ...original };
        const nat = natural[table];
        if (nat) {
          const local = stmt(this.db, `SELECT id FROM ${table} WHERE ${nat.column} = ?`).get(row[nat.column]) as { id: string } | undefined;
          if (local && local.id !== row.id) {
            if (nat.map) this.naturalMaps[nat.map].set(asString(row.id), local.id);
            continue;
          }
          if (nat.map) this.naturalMaps[nat.map].set(asString(row.id), asString(row.id));
        }
        let ok = true;
        for (const [column, how, target, required] of refs[table] ?? []) {
          const value = row[column];
          if (value === null || value === undefined) continue;
          let mapped: string | undefined = asString(value);
          if (how === 'case') mapped = this.caseMap.get(mapped);
          else if (how === 'cell') mapped = this.cellMap.get(mapped);
          else if (how !== 'table') mapped = this.naturalMaps[how].get(mapped) ?? mapped;
          if (!mapped || !this.exists(target, mapped)) {
            if (required) ok = false;
            else row[column] = null;
          } else row[column] = mapped;
        }
        if (!ok) {
          dropped++;
          continue;
        }
        if (table === 'views') {
          for (const column of ['case_ids', 'norm_ids']) {
            const ids = typeof row[column] === 'string' ? (JSON.parse(row[column]) as unknown[]) : [];
            row[column] = JSON.stringify(ids.map((i) => (column === 'case_ids' ? this.caseMap.get(String(i)) : String(i))).filter((i) => i && this.exists(column === 'case_ids' ? 'cases' : 'norms', i)));
          }
        }
        this.checkDates(table, row, asString(row.label ?? row.title) || asString(row.date_from) || asString(row.id));
        const created = this.upsert(table, row, keys[table] ?? ['id']);
        this.count('records', created);
      }
    }
    if (dropped) this.skipped.push({ kind: 'record', name: 'observation record', message: `${plural(dropped, 'row')} of the observation record or regional context referred to something not in the file and were skipped.` });
  }

  private flags(): void {
    const tables = isRow(this.own.record?.tables) ? (this.own.record.tables as Row) : null;
    for (const original of rowsOf(tables?.verification_flags)) {
      const row: Row = { ...original };
      if (row.target_type === 'cell' && typeof row.target_id === 'string') row.target_id = this.cellMap.get(row.target_id) ?? row.target_id;
      const created = this.upsert('verification_flags', row);
      this.count('records', created);
    }
  }

  // ---- Claims (ours)

  private claims(): void {
    for (const original of this.own.claims) {
      const id = asString(original.id);
      if (!id) continue;
      const caseOf = (value: unknown) => (typeof value === 'string' ? (this.caseMap.get(value) ?? null) : null);
      const existing = (table: string, value: unknown) => (typeof value === 'string' && this.exists(table, value) ? value : null);
      const stage = typeof original.stage_id === 'string' ? (this.stageMap.get(original.stage_id) ?? original.stage_id) : null;
      const dimension = typeof original.dimension_id === 'string' ? (this.naturalMaps.dimension.get(original.dimension_id) ?? original.dimension_id) : null;
      const row: Row = {
        ...original,
        claimant_case_id: caseOf(original.claimant_case_id),
        focal_case_id: caseOf(original.focal_case_id),
        excerpt_id: existing('excerpts', original.excerpt_id),
        dimension_id: existing('finding_dimensions', dimension),
        norm_id: existing('norms', original.norm_id),
        stage_id: existing('stages', stage),
        updated_at: this.now,
      };
      delete row.comparators;
      delete row.missions;
      this.checkDates('claims', row, asString(row.claimant) || id);
      const created = this.upsert('claims', row);
      this.count('claims', created);
      stmt(this.db, 'DELETE FROM claim_comparators WHERE claim_id = ?').run(id);
      for (const c of Array.isArray(original.comparators) ? original.comparators : []) {
        const caseId = caseOf(c);
        if (caseId) stmt(this.db, 'INSERT OR IGNORE INTO claim_comparators (claim_id, case_id) VALUES (?, ?)').run(id, caseId);
      }
      stmt(this.db, 'DELETE FROM claim_missions WHERE claim_id = ?').run(id);
      for (const m of Array.isArray(original.missions) ? original.missions : []) {
        if (existing('missions', m)) stmt(this.db, 'INSERT OR IGNORE INTO claim_missions (claim_id, mission_id) VALUES (?, ?)').run(id, m);
      }
    }
  }

  // ---- Notes → memos

  private target(noteGuid: string, target: { type: string; id: string; prefix?: string }): void {
    if (!this.noteTargets.has(noteGuid)) this.noteTargets.set(noteGuid, target);
  }

  private memos(): void {
    for (const ref of this.qda.noteRefs) this.target(ref, { type: 'project', id: 'project' });
    for (const source of this.qda.sources) {
      const sourceId = this.own.sources.get(source.guid) ? asString(this.own.sources.get(source.guid)!.row.id) : source.guid;
      if (!this.exists('sources', sourceId)) continue;
      for (const ref of source.noteRefs) this.target(ref, { type: 'source', id: sourceId });
    }
    for (const code of this.qda.codes) {
      const norm = this.normCodes.get(code.guid);
      for (const ref of code.noteRefs) this.target(ref, norm ? { type: 'norm', id: norm } : { type: 'project', id: 'project', prefix: `Code “${code.name}”` });
    }
    const resolve = (guid: string): { type: string; id: string } | null => {
      const caseId = this.qda.cases.find((c) => c.guid === guid) ? this.caseMap.get(guid) : undefined;
      if (caseId) return { type: 'case', id: caseId };
      if (this.exists('excerpts', guid) && this.excerptHolder.has(guid)) return { type: 'excerpt', id: guid };
      const source = this.qda.sources.find((s) => s.guid === guid);
      if (source) {
        const sourceId = this.own.sources.get(guid) ? asString(this.own.sources.get(guid)!.row.id) : guid;
        if (this.exists('sources', sourceId)) return { type: 'source', id: sourceId };
      }
      const norm = this.normCodes.get(guid);
      if (norm) return { type: 'norm', id: norm };
      return null;
    };
    for (const link of this.qda.links) {
      if (!link.originGuid || !link.targetGuid) continue;
      const target = resolve(link.targetGuid);
      if (target) this.target(link.originGuid, target);
    }

    for (const note of this.qda.notes) {
      if (this.own.consumed.has(note.guid)) continue;
      const text = this.noteTexts.get(note.guid) ?? null;
      const mine = this.own.memos.get(note.guid);
      let targetType = 'project';
      let targetId = 'project';
      let memoText: string;
      if (mine) {
        const type = asString(mine.target_type);
        const id = asString(mine.target_id);
        const mapped = type === 'case' ? this.caseMap.get(id) : type === 'cell' ? this.cellMap.get(id) : id;
        const table = { case: 'cases', cell: 'cells', norm: 'norms', source: 'sources', excerpt: 'excerpts' }[type];
        if (type !== 'project' && (!table || !mapped || !this.exists(table, mapped))) {
          this.skipped.push({ kind: 'note', name: note.name, message: `Memo “${note.name}” belongs to a ${type} that is not in the file; it was not imported.` });
          continue;
        }
        targetType = type;
        targetId = type === 'project' ? id : mapped!;
        memoText = text ?? '';
      } else {
        const target = this.noteTargets.get(note.guid);
        const parts = [note.name && note.name !== (text ?? '').trim() ? note.name : '', note.description.trim(), (text ?? '').trim()].filter(Boolean);
        if (target) {
          targetType = target.type;
          targetId = target.id;
          if (target.prefix) parts.unshift(`${target.prefix}:`);
        }
        memoText = parts.join('\n\n');
      }
      if (memoText.trim() === '') {
        this.skipped.push({ kind: 'note', name: note.name, message: `Note “${note.name || note.guid}” is empty; it was skipped.` });
        continue;
      }
      const created = this.upsert('memos', {
        id: note.guid,
        target_type: targetType,
        target_id: targetId,
        text: memoText,
        created_at: mine ? asString(mine.created_at, this.now) : this.now,
        updated_at: this.now,
      });
      this.count('memos', created);
    }
  }

}

function reportLeftovers(qda: QdaProject, skipped: SkippedItem[], ours: boolean): void {
  const list = (names: string[]) => {
    const shown = names.filter(Boolean).slice(0, 5).map((n) => `“${n}”`);
    return shown.length ? ` (${shown.join(', ')}${names.length > 5 ? ', …' : ''})` : '';
  };
  if (qda.sets.length) {
    // Comparanda's own sets (sources by kind) carry nothing the notes do not.
    const others = ours ? [] : qda.sets;
    if (others.length) skipped.push({ kind: 'set', name: 'sets', message: `${plural(others.length, 'set')}${list(others.map((s) => s.name))} skipped: Comparanda has no sets.` });
  }
  if (qda.graphs) skipped.push({ kind: 'graph', name: 'graphs', message: `${plural(qda.graphs, 'graph')} skipped: Comparanda has no network diagrams.` });
  if (qda.links.length && !ours) {
    skipped.push({
      kind: 'link',
      name: 'links',
      message: `${plural(qda.links.length, 'link')} between items not kept as links (Comparanda has none); a note linked to a case, source or excerpt becomes a memo on it.`,
    });
  }
  for (const problem of qda.problems) skipped.push({ kind: 'record', name: '', message: problem });
}

function citationBase(csl: Row): string {
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]/g, '');
  const title = typeof csl.title === 'string' ? csl.title : '';
  const word = ascii(title.split(/\s+/).find((w) => ascii(w).length > 3) ?? title).slice(0, 16).toLowerCase();
  return word || 'source';
}

// -----------------------------------------------------------------------------------------------------------------
// Entry points

function normaliseMapping(p: Project, qda: QdaProject, mapping: QdpxImportOptions['mapping']): Map<string, NormStageTarget> {
  const out = new Map<string, NormStageTarget>();
  for (const [raw, target] of Object.entries(mapping ?? {})) {
    const guid = normaliseGuid(raw);
    const code = guid ? qda.codes.find((c) => c.guid === guid) : undefined;
    if (!guid || !code) throw new ApiError('VALIDATION_FAILED', `The mapping names a code (${raw}) that is not in the file.`);
    const norm = p.db.prepare('SELECT id, label, framework_id FROM norms WHERE id = ?').get(target?.normId) as { id: string; label: string; framework_id: string } | undefined;
    if (!norm) throw new ApiError('VALIDATION_FAILED', `The mapping sends the code “${code.name}” to a norm that is not in this project.`);
    if (!p.db.prepare('SELECT 1 FROM stages WHERE id = ? AND framework_id = ?').get(target.stageId, norm.framework_id)) {
      throw new ApiError('VALIDATION_FAILED', `The mapping sends the code “${code.name}” to a stage that is not part of the framework of “${norm.label}”.`);
    }
    out.set(guid, { normId: norm.id, stageId: target.stageId });
  }
  return out;
}

function noteTextsOf(loaded: Loaded, skipped: SkippedItem[]): Map<string, string | null> {
  return new Map(loaded.qda.notes.map((n) => [n.guid, noteText(loaded, n, skipped)]));
}

function writeAll(p: Project, loaded: Loaded, fn: (importer: Importer) => void, own: OwnData, texts: Map<string, string | null>, mapping: Map<string, NormStageTarget>): Importer {
  const importer = new Importer(p, loaded, own, texts, mapping);
  try {
    p.db.transaction(() => fn(importer)).immediate();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('VALIDATION_FAILED', `"${loaded.fileName}" could not be imported (${(error as Error).message}). Nothing was imported.`, { cause: error });
  }
  return importer;
}

/** Decides the unit of the file's text positions (see producers/units.ts) and says what it decided, when it matters. */
function positionUnitOf(loaded: Loaded, plans: SourcePlan[], notes: string[]): UnitDecision {
  const producer = producerOf(loaded.qda.origin);
  const texts = plans.filter((p) => p.text !== null && !p.textExtracted).map((p) => ({ text: p.text!, selections: p.textRef?.selections ?? [] }));
  const decision = decidePositionUnit(producer, texts);
  const { unit, evidence, compared, fits } = decision;
  const counted = `of the ${plural(compared, 'selection')} that lie after such a character, ${fits.utf16} start and end on word boundaries read in UTF-16 units, ${fits.codepoint} read as characters`;
  const who = producer.id === 'other' ? '' : `, as ${producer.label} writes them`;
  if (unit === 'utf16' && evidence === 'selections') {
    notes.push(`Text positions were read in UTF-16 code units (a character outside the Basic Multilingual Plane, such as most emoji, counts 2)${who}: ${counted}.`);
  } else if (unit === 'utf16') {
    notes.push(`Text positions were read in UTF-16 code units${who}${evidence === 'producer' ? '; the selections fit both readings equally' : ''}.`);
  } else if (evidence === 'selections' && producer.positionUnit === 'utf16') {
    notes.push(`Text positions were read as characters (code points), although ${producer.label} usually counts UTF-16 code units: ${counted}.`);
  }
  return decision;
}

function report(importer: Importer, loaded: Loaded, format: 'qdpx' | 'qdc', madeByComparanda: boolean, early: SkippedItem[], earlyNotes: string[]): ImportReport {
  const imported = zero();
  for (const kind of COUNT_KINDS) imported[kind] = importer.created[kind] + importer.updated[kind];
  return {
    file: loaded.fileName,
    format,
    origin: loaded.qda.origin,
    projectName: loaded.qda.name,
    madeByComparanda,
    positionUnit: format === 'qdpx' ? importer.unit : null,
    imported,
    created: importer.created,
    updated: importer.updated,
    skipped: [...early, ...importer.skipped],
    notes: [...earlyNotes, ...importer.notes],
  };
}

/**
 * Imports a REFI-QDA project (.qdpx) into `project`. All or nothing: a file that cannot be read fails with an
 * ApiError (VALIDATION_FAILED, naming the file) and leaves the project as it was.
 */
export async function importQdpx(project: Project, options: QdpxImportOptions): Promise<{ report: ImportReport }> {
  if (project.readonly) throw new ApiError('CONFLICT', 'This project is open read-only; nothing can be imported into it.');
  const loaded = loadFile(options.path, 'project', options.limits);
  const mapping = normaliseMapping(project, loaded.qda, options.mapping);
  const skipped: SkippedItem[] = [];
  const notes: string[] = [];
  const texts = noteTextsOf(loaded, skipped);
  const own = readOwnData(loaded, texts, skipped);
  const plans = await planSources(loaded, own, skipped, notes, true);
  const { unit } = positionUnitOf(loaded, plans, notes);
  const importer = writeAll(
    project,
    loaded,
    (i) => {
      i.plans = plans;
      i.unit = unit;
      i.run();
    },
    own,
    texts,
    mapping,
  );
  return { report: report(importer, loaded, 'qdpx', own.project !== null, skipped, notes) };
}

/** Imports a REFI-QDA codebook (.qdc): its codes, with their hierarchy. Comparanda's norm codes are recognised. */
export async function importQdc(project: Project, options: { path: string; limits?: Partial<ArchiveLimits> | undefined }): Promise<{ report: ImportReport }> {
  if (project.readonly) throw new ApiError('CONFLICT', 'This project is open read-only; nothing can be imported into it.');
  const loaded = loadFile(options.path, 'codebook', options.limits);
  const own: OwnData = { project: null, record: null, cases: new Map(), norms: new Map(), cells: [], sources: new Map(), excerpts: new Map(), participants: [], claims: [], consumed: new Set(), memos: new Map() };
  const importer = writeAll(
    project,
    loaded,
    (i) => i.runCodebook(),
    own,
    new Map(),
    new Map(),
  );
  return { report: report(importer, loaded, 'qdc', /^Comparanda\b/.test(loaded.qda.origin ?? ''), [], []) };
}

/**
 * Reads a .qdpx without importing it: what it holds, its codes (with how often each is used, and which are
 * Comparanda norm and stage codes) and what an import would skip, so that a UI can build the code → norm/stage
 * mapping. Reads the whole file (with the same checks as the import) but extracts no PDF.
 */
export async function previewQdpx(path: string, options: { limits?: Partial<ArchiveLimits> | undefined } = {}): Promise<QdpxPreview> {
  const loaded = loadFile(path, 'project', options.limits);
  const qda = loaded.qda;
  const skipped: SkippedItem[] = [];
  const texts = noteTextsOf(loaded, skipped);
  const own = readOwnData(loaded, texts, skipped);
  const plans = await planSources(loaded, own, skipped, [], false);
  for (const plan of plans) {
    const selections = plan.textRef?.selections.length ?? 0;
    if (plan.missing.length) {
      skipped.push({
        kind: 'source',
        name: plan.source.name,
        message: `Source “${plan.source.name}”: ${plan.missing.join('; ')}${plan.text === null && selections ? `; its ${plural(selections, 'text selection')} would be skipped` : ''}.`,
      });
    }
  }
  reportLeftovers(qda, skipped, own.project !== null);

  const usable = qda.sources.filter((s) => s.kind === 'text' || s.kind === 'pdf');
  const usage = new Map<string, number>();
  for (const source of usable) {
    for (const selection of selectionsOf(source)) {
      for (const coding of selection.codings) if (coding.codeGuid) usage.set(coding.codeGuid, (usage.get(coding.codeGuid) ?? 0) + 1);
    }
  }
  const byGuid = new Map(qda.codes.map((c) => [c.guid, c]));
  const pathOf = (code: QdaCode): string[] => {
    const names: string[] = [];
    for (let at: QdaCode | undefined = code; at; at = at.parentGuid ? byGuid.get(at.parentGuid) : undefined) names.unshift(at.name);
    return names;
  };
  const countKind = (kind: QdaSource['kind']) => qda.sources.filter((s) => s.kind === kind).length;
  return {
    file: loaded.fileName,
    projectName: qda.name,
    origin: qda.origin,
    madeByComparanda: own.project !== null,
    counts: {
      users: qda.users.length,
      codes: qda.codes.length,
      variables: qda.variables.length,
      cases: qda.cases.length,
      textSources: countKind('text'),
      pdfSources: countKind('pdf'),
      pictureSources: countKind('picture'),
      audioSources: countKind('audio'),
      videoSources: countKind('video'),
      selections: qda.sources.reduce((n, s) => n + selectionsOf(s).length, 0),
      codings: qda.sources.reduce((n, s) => n + codingsIn(s), 0),
      notes: qda.notes.length,
      sets: qda.sets.length,
      links: qda.links.length,
      graphs: qda.graphs,
    },
    codes: qda.codes.map((c) => ({
      guid: c.guid,
      name: c.name,
      path: pathOf(c),
      parentGuid: c.parentGuid,
      description: c.description,
      color: c.color,
      codings: usage.get(c.guid) ?? 0,
      comparanda: c.marker ? { normId: c.marker.normId, stageId: c.marker.kind === 'stage' ? c.marker.stageId : null } : null,
    })),
    cases: qda.cases.map((c) => ({ guid: c.guid, name: c.name, sources: c.sourceRefs.length, selections: c.selectionRefs.length })),
    skipped,
  };
}
