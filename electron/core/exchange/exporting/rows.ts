/**
 * The REFI-QDA export's shared parts: what it writes (options, counts), the rows it reads, the GUIDs it derives and
 * where originals go in the archive.
 */
import { derivedGuid } from '../guid';
import type { NoteKind } from '../notes';
import type { LocalText } from '../../../contract/i18n/format';
import type { Project } from '../../project';
import { stmt } from '../../db/statements';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Tables carried whole in the `comparanda:record` note (observation record, regional context, indicators...). */
export const RECORD_TABLES = [
  'finding_dimensions',
  'elections',
  'missions',
  'mission_findings',
  'organisations',
  'regional_norms',
  'instruments',
  'instrument_norms',
  'memberships',
  'regional_norm_cells',
  'indicators',
  'indicator_values',
  'verification_flags',
  'views',
] as const;

export interface QdpxExportOptions {
  /** The .qdpx (or .qdc) file to write; an existing file is replaced. */
  out: string;
  /** Stops a .qdpx export between sources or pieces of project.qde: nothing is written. */
  signal?: AbortSignal | undefined;
  /** A .qdpx export's progress: sources written out of all of them, and project.qde last. */
  onProgress?: ((done: number, total: number, message: LocalText) => void) | undefined;
}

export interface QdpxCounts {
  users: number;
  /** The project's own codes. */
  codes: number;
  /** Norms, and the codes of their stages. */
  normCodes: number;
  stageCodes: number;
  variables: number;
  cases: number;
  /** REFI-QDA sources: one per document, plus one stand-in per source with excerpts outside its documents. */
  sources: number;
  documents: number;
  selections: number;
  codings: number;
  notes: number;
  links: number;
  sets: number;
  /** Entries of the archive (project.qde and everything under Sources/). */
  files: number;
}

export interface QdpxExportResult {
  path: string;
  counts: QdpxCounts;
}

export type Row = Record<string, unknown>;

export interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string;
  palette: number;
  color: string | null;
  is_codable: number;
}
export interface NormRow {
  id: string;
  label: string;
  description: string;
  framework_id: string;
}
export interface StageRow {
  id: string;
  framework_id: string;
  position: number;
  label: string;
  description: string;
  archived_at: string | null;
}
export interface CaseRow {
  id: string;
  name: string;
  notes: string;
}
export interface CellRow {
  id: string;
  case_id: string;
  norm_id: string;
  stage_id: string;
  status: string;
  mode: string | null;
  period_from: number | null;
  period_to: number | null;
  summary: string;
  confidence: string | null;
  memo: string;
  created_at: string;
  updated_at: string;
}
export interface SourceRow {
  id: string;
  kind: string;
  title: string;
  notes: string;
  created_at: string;
  updated_at: string;
}
export interface DocumentRow {
  id: string;
  source_id: string;
  file_name: string;
  format: string;
  imported_at: string;
  refi_guid: string | null;
  refi_text_guid: string | null;
  refi_user: string | null;
}
export interface ExcerptRow {
  id: string;
  source_id: string;
  document_id: string | null;
  page: number | null;
  start_offset: number | null;
  end_offset: number | null;
  region_x1: number | null;
  region_y1: number | null;
  region_x2: number | null;
  region_y2: number | null;
  locator: string;
  text: string;
  text_kind: string;
  translation: string;
  translation_language: string;
  speaker: string;
  participant_id: string | null;
  verification: string;
  created_at: string;
  updated_at: string;
}
export interface MemoRow {
  id: string;
  target_type: string;
  target_id: string;
  text: string;
  created_at: string;
  updated_at: string;
}

export function all<T = Row>(p: Project, sql: string, ...params: unknown[]): T[] {
  return stmt(p.db, sql).all(...params) as T[];
}

/**
 * all(), letting the event loop in every thousand rows: a large project's excerpts take seconds to read. Only on a
 * connection nothing else uses meanwhile (the export's own, Project.readingSnapshot): the statement stays open.
 */
export async function allPaused<T = Row>(p: Project, pause: () => Promise<void>, sql: string, ...params: unknown[]): Promise<T[]> {
  const rows: T[] = [];
  for (const row of stmt(p.db, sql).iterate(...params)) {
    rows.push(row as T);
    if (rows.length % 1000 === 0) await pause();
  }
  return rows;
}

export function group<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** A number as xsd:decimal (no exponent). */
export function decimal(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

export const stageCodeGuid = (normId: string, stageId: string) => derivedGuid('norm-stage', normId, stageId);
export const noteGuid = (kind: NoteKind, id: string) => derivedGuid('note', kind, id);
export const representationGuid = (documentId: string) => derivedGuid('representation', documentId);

const ORIGINAL_EXTENSIONS: Record<string, string> = { pdf: 'pdf', docx: 'docx', txt: 'txt', md: 'md', html: 'html' };

/**
 * Where the original bytes of a document go in the archive. A PDF or Word original is a source file the standard
 * names (`path`, `richTextPath`), so it goes in `Sources/`; any other original (HTML, Markdown, a text file that is
 * not the plain text itself) only our own import reads, so it goes in `Comparanda/`: readers count every file in
 * `Sources/` as a source.
 */
export function originalPath(documentId: string, format: string): string {
  const ext = ORIGINAL_EXTENSIONS[format] ?? 'bin';
  return format === 'pdf' || format === 'docx' ? `Sources/${documentId}.${ext}` : `Comparanda/${documentId}.original.${ext}`;
}

