/** The public types of a REFI-QDA import: options, counts, the report, the preview. */
import type { ArchiveLimits } from '../archive';
import type { PositionUnit } from '../producers';
import type { CatalogueText, Notice } from '../../../contract/errors';
import type { LocalText } from '../../../contract/i18n/format';


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
  /** Cancels the import: it stops before writing anything (everything is written at the end, in one transaction). */
  signal?: AbortSignal | undefined;
  /** After each source read (done, total) and once more before writing. */
  onProgress?: ((done: number, total: number, message: LocalText) => void) | undefined;
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
  /** The name of what was skipped, as the file gives it (or, for what has none, in English: see `nameText`). */
  name: string;
  /** A name the report made (an unnamed selection's place, "graphs"), for the reader's language. */
  nameText?: CatalogueText | undefined;
  /** One sentence for the user: what and why, in English (logs, `--json`). */
  message: string;
  /** The same sentence as a catalogue entry, for the reader's language. */
  text: CatalogueText;
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
  /** Things worth knowing that are not omissions (e.g. a case matched by name), in English. */
  notes: string[];
  /** The same, each with its catalogue entry (the client says them in its language). */
  notices: Notice[];
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
