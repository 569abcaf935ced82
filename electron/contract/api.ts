/**
 * The API contract: one JSON-safe input object per method and the JSON-safe result it answers with.
 * Types only; the runtime schemas that validate inputs live in `schemas.ts`, the method list in `methods.ts`.
 */
import type { CatalogueText, Notice } from './errors';
import type { Language } from './i18n/languages';
import type { Method } from './methods';
import type { QcaAnalysisDto, QcaAnalysisInput, QcaExportDefinition, QcaCalibratedRowDto, QcaMinimizeInput, QcaMinimizeResultDto, QcaSetDto, QcaSetInput, QcaXyDto, QcaXyInput } from './qca';

export type CaseRole = 'focal' | 'comparison';
export type CellMode = 'discourse' | 'practice' | 'both';
export type Confidence = 'low' | 'medium' | 'high';

export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'choice';
export type AttributeValue = string | number | boolean;

export interface CaseDto {
  id: string;
  name: string;
  isoCode: string | null;
  role: CaseRole;
  notes: string;
  position: number;
  archived: boolean;
  /** Typed attribute values by attribute id (absent = not set). */
  attributes: Record<string, AttributeValue>;
}

export interface AttributeDto {
  id: string;
  name: string;
  type: AttributeType;
  /** Allowed values, for type 'choice'. */
  choices: string[];
  position: number;
}

export interface NormDto {
  id: string;
  label: string;
  shortLabel: string;
  description: string;
  instrument: string;
  paragraph: string;
  diffusingAgent: string;
  frameworkId: string;
  position: number;
  archived: boolean;
  /** What each stage means for this norm, by stage id. */
  stageNotes: Record<string, string>;
}

export interface StageDto {
  id: string;
  position: number;
  label: string;
  description: string;
  asksMode: boolean;
}

export interface StatusLevelDto {
  key: string;
  label: string;
  position: number;
  palette: number;
}

export interface FrameworkDto {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
  /** The template it was made from, if any. */
  template: string | null;
  /** Live stages in order (archived stages are not listed). */
  stages: StageDto[];
  statuses: StatusLevelDto[];
}

export interface FrameworkTemplateDto {
  id: string;
  name: string;
  description: string;
  citation: string;
  stages: { label: string; description: string; asksMode: boolean }[];
}

export interface CellDto {
  id: string;
  caseId: string;
  normId: string;
  stageId: string;
  status: string;
  mode: CellMode | null;
  periodFrom: number | null;
  periodTo: number | null;
  summary: string;
  confidence: Confidence | null;
  memo: string;
  createdAt: string;
  updatedAt: string;
}

/** The number of excerpts linked to a cell. */
export interface CellEvidenceCount {
  cellId: string;
  excerpts: number;
}

export type CellPatch = Partial<Pick<CellDto, 'status' | 'mode' | 'periodFrom' | 'periodTo' | 'summary' | 'confidence' | 'memo'>>;

/** A cell that a structural change would leave without a place in the matrix. */
export interface OrphanCellDto {
  cellId: string;
  caseName: string;
  normLabel: string;
  stageId: string;
  stageLabel: string;
  status: string;
  summary: string;
}

/** What the researcher decides for orphaned cells: nothing is dropped without this choice. */
export type OrphanChoice =
  | { action: 'move'; stageMap: Record<string, string> }
  | { action: 'archive' }
  | { action: 'delete' };

export type Orientation = 'cases-as-columns' | 'stages-as-columns';

export interface ViewDto {
  id: string;
  name: string;
  /** The norms shown, in order; empty = all norms, stacked. */
  normIds: string[];
  /** The cases shown, in column order; empty = all live cases in project order. */
  caseIds: string[];
  orientation: Orientation;
  differences: boolean;
  /** Which cases' columns are shown and how they are grouped, by their attribute values. */
  columns: ColumnArrangement;
}

/**
 * Columns chosen by case attributes: a case is shown when, for every filter, its value of that attribute is one of
 * the values listed (canonical text: 'true'/'false', decimals, YYYY-MM-DD; '' = not set); columns are grouped by
 * the values of `groupBy` (an attribute id), in the order of its values.
 */
export interface ColumnArrangement {
  filters: { attributeId: string; values: string[] }[];
  groupBy: string | null;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface ProjectCounts {
  cases: number;
  norms: number;
  stages: number;
  cells: number;
  frameworks: number;
  views: number;
  sources: number;
  documents: number;
  excerpts: number;
  /** Codes of the codebook, codings (an excerpt coded with a code), and memos on anything. */
  codes: number;
  codings: number;
  memos: number;
  participants: number;
  elections: number;
  missions: number;
  claims: number;
  regionalNorms: number;
  indicators: number;
}

// ---- Evidence ----------------------------------------------------------------------------------------------------

export const SOURCE_KINDS = ['observer-report', 'law', 'interview', 'media', 'leaked-document', 'dataset', 'speech', 'academic', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), as JSON. */
export type CslItem = { [field: string]: unknown };

export interface SourceDto {
  id: string;
  kind: SourceKind;
  citationKey: string;
  title: string;
  /** "Family, Family & Family" or the institution, for lists. */
  authors: string;
  year: number | null;
  csl: CslItem;
  participantId: string | null;
  notes: string;
  documentCount: number;
  excerptCount: number;
}

export type DocumentFormat = 'pdf' | 'docx' | 'txt' | 'md' | 'html' | 'image';

/** Languages text recognition reads (Tesseract's codes); the order given is the order they are tried in. */
export const OCR_LANGUAGES = ['kaz', 'rus', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

/** A machine-read page: how sure the engine was (mean word confidence, 0-100), with which languages, when. */
export interface PageOcrDto {
  confidence: number;
  /** Tesseract's codes joined by "+", in the order tried, e.g. "kaz+rus+eng". */
  languages: string;
  engine: string;
  recognisedAt: string;
}

export interface DocumentDto {
  id: string;
  sourceId: string;
  fileName: string;
  format: DocumentFormat;
  mimeType: string;
  byteSize: number;
  sha256: string;
  pageCount: number;
  importedAt: string;
}

export interface DocumentTextDto extends DocumentDto {
  /** `ocr` is set on a page whose text was machine-read (a photo, a scanned page); null on the document's own text. */
  pages: { number: number; text: string; ocr: PageOcrDto | null }[];
}

export type Consent = 'given' | 'given-with-restrictions' | 'withdrawn' | 'unknown';

/** Identifiers of an interviewee the researcher marks, besides the real name and contact line. */
export const IDENTIFIER_KINDS = ['name', 'phone', 'email', 'place', 'other'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface IdentityDto {
  realName: string;
  contact: string;
  identifiers: { kind: IdentifierKind; value: string }[];
}

/** What erasing an identity did, and what still holds it. */
export interface EraseReportDto {
  pseudonym: string;
  /** The real name, contact parts and marked identifiers that were erased. */
  identifiersErased: number;
  /** Where occurrences were replaced by the pseudonym: a kind of record and how many of them. */
  replaced: { place: string; rows: number; /** The place as a catalogue message, for the reader's language. */ placeText?: CatalogueText }[];
  /** Text originals (TXT, Markdown, HTML) rewritten with the pseudonym. */
  originalsRedacted: string[];
  undoHistoryCleared: boolean;
  snapshots: { createdAt: string; action: 'purged' | 'kept' }[];
  /** Places Comparanda could not clean, in sentences. */
  remaining: string[];
  /** The same sentences as catalogue messages, for the reader's language (`formatText`). */
  remainingTexts?: CatalogueText[];
}

/** An interviewee, known by pseudonym only. Real names (if recorded) are read only through participants.getIdentity. */
export interface ParticipantDto {
  id: string;
  pseudonym: string;
  roleCategory: string;
  interviewDate: string | null;
  place: string;
  language: string;
  consent: Consent;
  restrictions: string;
  hasIdentity: boolean;
}

export interface CodeDto {
  id: string;
  parentId: string | null;
  name: string;
  description: string;
  palette: number;
  position: number;
  /** False for a code that only groups others (REFI-QDA's isCodable="false"): excerpts are coded with its sub-codes. */
  isCodable: boolean;
}

export type TextKind = 'quote' | 'paraphrase';

/**
 * An area of a PDF page in PDF points (1/72 inch), origin at the page's upper left corner, y growing downwards, as
 * REFI-QDA's PDFSelection gives it: (x1, y1) the upper left corner, (x2, y2) the lower right.
 */
export interface PdfRegion {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ExcerptDto {
  id: string;
  sourceId: string;
  documentId: string | null;
  page: number | null;
  startOffset: number | null;
  endOffset: number | null;
  paragraph: number | null;
  /** A region excerpt: the area drawn on the page (`page`), with or without the text under it (offsets). */
  region: PdfRegion | null;
  locator: string;
  text: string;
  textKind: TextKind;
  language: string;
  translation: string;
  translationLanguage: string;
  /** A public actor quoted (interviewees are participants, by pseudonym). */
  speaker: string;
  participantId: string | null;
  verification: Verification;
  verificationNote: string;
  codeIds: string[];
  cellIds: string[];
  createdAt: string;
  updatedAt: string;
}

export type MemoTarget = 'project' | 'case' | 'norm' | 'cell' | 'source' | 'excerpt';

export interface MemoDto {
  id: string;
  targetType: MemoTarget;
  targetId: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** The two ways of counting coded excerpts against the matrix: per case (columns) or per stage. */
export type CodeMatrixBy = 'case' | 'stage';

/**
 * A code × case or code × stage table (NVivo's matrix coding query, MAXQDA's code matrix browser): how many excerpts
 * coded with each code are evidence for a live cell of each case (or stage), and how many are evidence for none.
 */
export interface CodeMatrixDto {
  by: CodeMatrixBy;
  normId: string | null;
  columns: { id: string; label: string }[];
  /** One row per code, in codebook order; `counts[i]` is for `columns[i]`. */
  rows: { codeId: string; counts: number[]; unlinked: number; total: number }[];
  /** Distinct coded excerpts per column (an excerpt with two codes counts once). */
  columnTotals: number[];
}

/** One memo of the project, with what it is written on, for the memo overview. */
export interface MemoOverviewItem {
  /** The memo's id, or `cell:<cell id>` for a cell's own memo field. */
  key: string;
  kind: MemoTarget;
  /** The memo row (null for a cell's memo field, which is part of the assessment). */
  memoId: string | null;
  targetId: string;
  /** What it is on: "Kazakhstan · Election observation · Diffusion", a source's title, an excerpt's first words. */
  label: string;
  text: string;
  cell: { caseId: string; normId: string; stageId: string } | null;
  sourceId: string | null;
  updatedAt: string;
}

export const SEARCH_KINDS = ['page', 'excerpt', 'cell', 'memo', 'claim', 'election', 'mission', 'source', 'code'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How many matching rows of each kind are ranked (see SearchResultDto.bounded). */
export const SEARCH_CANDIDATES = 1000;

/** Marks the start and end of a matched term inside `SearchHitDto.snippet`. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

export interface SearchHitDto {
  kind: SearchKind;
  /** The page's document id, or the excerpt, cell, memo, claim, election, mission, source or code id. */
  refId: string;
  /** What a record hit is: a claim's claimant, an election's label, a mission's organisation, a source's title, a code's name; null for the others. */
  label: string | null;
  sourceId: string | null;
  documentId: string | null;
  page: number | null;
  /** Plain text with matches between SNIPPET_OPEN and SNIPPET_CLOSE. */
  snippet: string;
  cell: { caseId: string; normId: string; stageId: string } | null;
  /** Where the first match starts in the page text (for pages), so the reader can scroll to it. */
  offset: number | null;
  /** For a memo: what it is written on (a memo on a cell also gives `cell`); null for other hits. */
  memoTarget: { type: MemoTarget; id: string } | null;
}

export interface SearchResultDto {
  query: string;
  total: number;
  /**
   * Where a search matched more than SEARCH_CANDIDATES rows of one kind (a very common word), the hits are the best
   * ranked of the first SEARCH_CANDIDATES of those rows, not of all of them: the kinds for which that happened.
   */
  bounded: SearchKind[];
  /** Hits grouped by source (cells and memos not tied to a source come last, with source null). */
  groups: { source: { id: string; title: string; kind: SourceKind } | null; hits: SearchHitDto[] }[];
}

/** What a finished job produced: the imported document, or the files an export wrote. */
export interface JobResult {
  document?: DocumentDto | undefined;
  files?: { path: string; bytes: number }[] | undefined;
  /** An export's warnings, each said in the client's language (see `Notice`). */
  warnings?: Notice[] | undefined;
  /** A REFI-QDA import's report. */
  report?: QdpxImportReportDto | undefined;
  /** A REFI-QDA export's file and what it holds. */
  exported?: { path: string; counts: Record<string, number> } | undefined;
  /** What a team sync sent and received. */
  sync?: SyncReportDto | undefined;
  /** A QCA minimisation's truth table and solutions. */
  qca?: QcaMinimizeResultDto | undefined;
}

export interface JobDto {
  id: string;
  kind: 'document-import' | 'export' | 'ocr' | 'qdpx-import' | 'qdpx-export' | 'audit-export' | 'team-sync' | 'qca';
  label: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  /** What is happening now, e.g. "Printing the PDF" (in the client's language: see `text`). */
  message: string;
  /** `message` as a catalogue entry, which clients render in their language (null before the first progress). */
  text: CatalogueText | null;
  result: JobResult | null;
  /** `text`: the message as a catalogue entry, for the reader's language (`errorText`). */
  error: { code: string; message: string; text?: CatalogueText } | null;
}

export const EXPORT_KINDS = ['matrix', 'case', 'appendix', 'claims', 'observation', 'qca'] as const;
export type ExportKindName = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export interface ExportKindDto {
  kind: ExportKindName;
  label: string;
  description: string;
  formats: ExportFormatName[];
  /** Null when available; otherwise why not. */
  unavailable: string | null;
}

/** What to export and how; the same options as `comparanda export`. */
export interface ExportRequest {
  what: ExportKindName;
  format: ExportFormatName;
  norms?: string[] | undefined;
  cases?: string[] | undefined;
  view?: string | undefined;
  case?: string | undefined;
  claim?: string | undefined;
  layout?: Orientation | undefined;
  shape?: 'long' | 'wide' | undefined;
  style?: string | undefined;
  locale?: string | undefined;
  paper?: 'a4' | 'letter' | undefined;
  orientation?: 'landscape' | 'portrait' | undefined;
  author?: string | undefined;
  /** Notes of note styles: superscript letters per table (default; Chicago 3.77) or running numbers. */
  noteMarks?: 'letters' | 'numbers' | undefined;
  /** CSV: a UTF-8 byte order mark first (default true), so that Excel on Windows reads Cyrillic correctly. */
  bom?: boolean | undefined;
  /** The language of the export's own words (headings, captions, labels, notes); default: the locale's language. */
  language?: 'en' | 'ru' | 'kk' | undefined;
  /** Cyrillic references in Latin letters by the ALA-LC tables, with the translated title in brackets. */
  romanise?: boolean | undefined;
  /** QCA: the analysis to report; default the project's outcome set and all its condition sets. */
  qca?: QcaExportDefinition | undefined;
}

export interface BibliographyPreviewItem {
  index: number;
  title: string;
  authors: string;
  year: number | null;
  type: string;
  /** The source the project already has that this item duplicates (DOI, or title + year). */
  duplicateOf: SourceDto | null;
}

// ---- Observation record, claims, regional context, indicators, verification ---------------------------------------

export const VERIFICATION_STATUSES = ['verified-external', 'one-source', 'contested', 'unverified'] as const;
export type Verification = (typeof VERIFICATION_STATUSES)[number];
export const ELECTION_TYPES = ['parliamentary', 'presidential', 'referendum', 'local', 'other'] as const;
export type ElectionType = (typeof ELECTION_TYPES)[number];
export const MISSION_TYPES = ['full-eom', 'limited-eom', 'needs-assessment', 'expert-team', 'technical-assessment', 'none', 'other'] as const;
export type MissionType = (typeof MISSION_TYPES)[number];
export const SEVERITIES = ['none', 'minor', 'moderate', 'serious', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CLAIM_ASSESSMENTS = ['supported', 'partly-supported', 'not-supported', 'undetermined'] as const;
export type ClaimAssessment = (typeof CLAIM_ASSESSMENTS)[number];
export const MEMBERSHIP_STATUSES = ['member', 'founding-member', 'observer', 'dialogue-partner', 'participating-state', 'applicant', 'suspended', 'other'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const CSV_KINDS = ['elections', 'missions', 'claims', 'indicators', 'regional', 'cases', 'cells'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export interface DimensionDto {
  id: string;
  label: string;
  description: string;
  position: number;
}

export interface FindingDto {
  dimensionId: string;
  severity: Severity;
  note: string;
}

export interface MissionDto {
  id: string;
  electionId: string;
  organisation: string;
  missionType: MissionType;
  reason: string;
  headOfMission: string;
  verdict: string;
  verdictQuote: string;
  verdictSourceId: string | null;
  verdictExcerptId: string | null;
  verification: Verification;
  verificationNote: string;
  findings: FindingDto[];
}

export interface ElectionDto {
  id: string;
  caseId: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  type: ElectionType;
  round: number | null;
  label: string;
  officialResult: string;
  notes: string;
  verification: Verification;
  verificationNote: string;
  missions: MissionDto[];
}

export interface ClaimDto {
  id: string;
  claimant: string;
  claimantRole: string;
  claimantCaseId: string | null;
  date: string | null;
  statement: string;
  statementKind: TextKind;
  excerptId: string | null;
  target: string;
  focalCaseId: string | null;
  comparatorCaseIds: string[];
  comparatorNote: string;
  dimensionId: string | null;
  dimensionNote: string;
  normId: string | null;
  stageId: string | null;
  /** The researcher's test of the claim against the observers' verdicts. */
  assessment: ClaimAssessment;
  reasoning: string;
  /** Whether the claim was made as recorded. */
  verification: Verification;
  verificationNote: string;
  /** The missions whose verdicts the claim compares (focal and comparator sides). */
  missionIds: string[];
}

export interface OrganisationDto {
  id: string;
  name: string;
  fullName: string;
  description: string;
}

export interface RegionalNormDto {
  id: string;
  label: string;
  description: string;
  organisationId: string | null;
  entrepreneurs: string;
  yearFrom: number | null;
  yearTo: number | null;
  verification: Verification;
  verificationNote: string;
  instrumentIds: string[];
  /** The cells whose contestation draws on this norm. */
  cellIds: string[];
}

export interface InstrumentDto {
  id: string;
  title: string;
  organisationId: string | null;
  date: string | null;
  description: string;
  sourceId: string | null;
  verification: Verification;
  verificationNote: string;
}

export interface MembershipDto {
  id: string;
  caseId: string;
  organisationId: string;
  status: MembershipStatus;
  dateFrom: string | null;
  dateTo: string | null;
  note: string;
  verification: Verification;
}

export interface RegionalContextDto {
  organisations: OrganisationDto[];
  regionalNorms: RegionalNormDto[];
  instruments: InstrumentDto[];
  memberships: MembershipDto[];
}

export interface IndicatorValueDto {
  caseId: string;
  year: number;
  value: number | null;
  label: string;
  sourceId: string | null;
  verification: Verification;
  note: string;
}

export interface IndicatorDto {
  id: string;
  name: string;
  scale: string;
  minValue: number | null;
  maxValue: number | null;
  higherIs: 'better' | 'worse' | 'neither';
  sourceId: string | null;
  description: string;
  values: IndicatorValueDto[];
}

export interface VerificationFlagDto {
  id: string;
  issue: string;
  severity: string;
  targetType: string | null;
  targetId: string | null;
  resolved: boolean;
}

/** One fact or claim not yet verified externally, for the "still unverified" view. */
export interface UnverifiedItemDto {
  type: 'election' | 'mission' | 'claim' | 'excerpt' | 'indicator-value' | 'regional-norm' | 'instrument' | 'membership';
  id: string;
  label: string;
  /** The label as a catalogue message where the core words it (elections, missions), for the reader's language. */
  labelText?: CatalogueText;
  caseId: string | null;
  verification: Verification;
  note: string;
}

export interface CsvProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
  /** `message` as a catalogue entry, for the reader's language (the API client puts it in the window's). */
  text?: CatalogueText | undefined;
}

/** A row that changes a stored record, and the columns it changes. */
export interface CsvChange {
  line: number;
  fields: string[];
}

/** What an import does (or, in a preview, would do) to the rows it accepts. */
export interface CsvOutcome {
  created: number;
  updated: number;
  /** Rows whose given fields already hold those values: not written, no audit entry, no undo step. */
  unchanged: number;
  changes: CsvChange[];
  /** Organisations added because the import was asked to create what is missing. */
  createdNames: string[];
  /** The encoding the file was read in, e.g. "UTF-8" or "Windows-1251". */
  encoding: string;
  /** What the reader did that the user should know, e.g. a conversion from a legacy encoding. */
  notices: Notice[];
}

export interface CsvPreviewDto extends CsvOutcome {
  kind: CsvKind;
  header: string[];
  rows: number;
  /** The first rows as read, for a preview table. */
  sample: string[][];
  /** The line of the file each sample row starts on. */
  sampleLines: number[];
  /** Every bad row, each with the line it starts on. */
  problems: CsvProblem[];
}

export interface CsvImportDto extends CsvOutcome {
  /** Rows accepted: created + updated + unchanged. */
  imported: number;
  skipped: CsvProblem[];
}

export interface AuditEntryDto {
  id: number;
  at: string;
  /** What was done, as the undo menu names it. */
  action: string;
  table: string;
  rowKey: Record<string, unknown>;
  /** The row before and after the change (null: did not exist / was deleted). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The change's place in its audit row, where one row records a batch of changes (a large import). */
  index?: number;
}

export interface BackupDto {
  file: string;
  createdAt: string;
  reason: 'open' | 'edits' | 'before-migration' | 'manual';
  sizeBytes: number;
  encrypted: boolean;
}

/** An object of a project's schema that Comparanda did not make (added), lacks (missing) or made differently (changed). */
export interface SchemaDifferenceDto {
  change: 'added' | 'missing' | 'changed';
  /** table, index, trigger or view, as sqlite_master names it. */
  type: string;
  name: string;
}

export interface CheckReportDto {
  ok: boolean;
  integrity: string[];
  foreignKeys: { table: string; rowid: number; parent: string }[];
  /** The file's structure compared with the one Comparanda makes for its format: empty when they match. */
  schema: SchemaDifferenceDto[];
  schemaVersion: number;
}

export interface QdaSkippedDto {
  kind: string;
  name: string;
  /** A name the report made for what has none (an unnamed selection's place), for the reader's language. */
  nameText?: CatalogueText | undefined;
  /** What and why, in English; `text` is the same sentence for the reader's language. */
  message: string;
  text?: CatalogueText | undefined;
}

/** What a REFI-QDA import did: counts per kind (created + updated), and what it left out and why. */
export interface QdpxImportReportDto {
  file: string;
  format: 'qdpx' | 'qdc';
  origin: string | null;
  projectName: string;
  madeByComparanda: boolean;
  /** The unit the file's text positions were read in (null for a codebook). */
  positionUnit: 'codepoint' | 'utf16' | null;
  imported: Record<string, number>;
  created: Record<string, number>;
  updated: Record<string, number>;
  skipped: QdaSkippedDto[];
  /** Things worth knowing that are not omissions, in English; `notices` are the same, each with its catalogue entry. */
  notes: string[];
  notices?: Notice[] | undefined;
}

/** What a .qdpx holds, read without writing, so the researcher can map its codes to norms and stages. */
export interface QdpxPreviewDto {
  file: string;
  projectName: string;
  origin: string | null;
  madeByComparanda: boolean;
  counts: Record<string, number>;
  codes: {
    guid: string;
    name: string;
    path: string[];
    parentGuid: string | null;
    description: string;
    color: string | null;
    codings: number;
    comparanda: { normId: string; stageId: string | null } | null;
  }[];
  cases: { guid: string; name: string; sources: number; selections: number }[];
  skipped: QdaSkippedDto[];
}

/** A bibliography file to read: a path on this computer, or its text (exactly one of the two). */
type BibliographyInput = { format: 'bibtex' | 'ris' | 'csl-json'; path?: string | undefined; text?: string | undefined; fileName?: string | undefined };

type ParticipantFields = {
  pseudonym: string;
  roleCategory?: string | undefined;
  interviewDate?: string | null | undefined;
  place?: string | undefined;
  language?: string | undefined;
  consent?: Consent | undefined;
  restrictions?: string | undefined;
};

type ExcerptFields = {
  text: string;
  textKind?: TextKind | undefined;
  locator?: string | undefined;
  language?: string | undefined;
  translation?: string | undefined;
  translationLanguage?: string | undefined;
  speaker?: string | undefined;
  participantId?: string | null | undefined;
  verification?: Verification | undefined;
  verificationNote?: string | undefined;
  codeIds?: string[] | undefined;
};

export interface ProjectSummary {
  path: string;
  fileName: string;
  title: string;
  schemaVersion: number;
  encrypted: boolean;
  /** Opened read-only (e.g. because it is open elsewhere): edits are refused. */
  readonly: boolean;
  /**
   * Why it is read-only when the file itself cannot be written (a read-only drive or folder), or when an older-format
   * file is shown through an updated private copy (the file itself is never migrated by a read-only open).
   */
  readonlyReason?: 'read-only-storage' | 'older-format' | undefined;
  counts: ProjectCounts;
}

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  exists: boolean;
  /** Snapshots of it in the backups folder: a project whose file is gone can be restored from the newest. */
  backups: number;
}

export interface ProjectOverview {
  project: ProjectSummary;
  /** Live cases (focal first, then in order), then archived ones. */
  cases: CaseDto[];
  norms: NormDto[];
  frameworks: FrameworkDto[];
  attributes: AttributeDto[];
  views: ViewDto[];
}

type NormFields = {
  label: string;
  shortLabel?: string | undefined;
  description?: string | undefined;
  instrument?: string | undefined;
  paragraph?: string | undefined;
  diffusingAgent?: string | undefined;
};

type CaseFields = { name: string; isoCode?: string | null | undefined; role?: CaseRole | undefined; notes?: string | undefined };
type StageFields = { label: string; description?: string | undefined; asksMode?: boolean | undefined };

export interface AppInfo {
  appName: string;
  appVersion: string;
  schemaVersion: number;
  transport: 'ipc' | 'http';
  /** Where a new project goes unless the researcher chooses another place: Documents/Comparanda. */
  newProjectDir: string;
}

/** Settings of this installation (the user-data folder's preferences), shared by every project. */
export interface AppSettings {
  /** The interface language chosen by the user; null: follow the system's language. */
  language: Language | null;
}

type Empty = Record<string, never>;

export interface TeamValueDto {
  value: string | number | null;
  /** The replica that wrote it (random id); '' for a value this copy settled itself. */
  author: string;
  clock: string;
}

export interface TeamConflictDto {
  table: string;
  rowKey: Record<string, string | number>;
  /** A field name; "row" (archived on one laptop, edited on another); "duplicate" (a cell filled on two). */
  field: string;
  /** What it is about, in English words for logs and the CLI ("Kazakhstan · Election observation · Acceptance — summary"). */
  label: string;
  /** The same for a screen in any language: the kind of record and its name in the researcher's own words. */
  subject: { kind: 'cell' | 'case' | 'norm' | 'stage' | 'claim' | 'mission' | 'other'; name: string | null };
  shown: TeamValueDto;
  kept: TeamValueDto[];
}

export interface TeamStatusDto {
  teamId: string;
  hub: string;
  replicaId: string;
  lastSyncAt: string | null;
  /** Change records made here and not yet on the hub. */
  pending: number;
  conflicts: TeamConflictDto[];
  /** Automatic sync in this window: on or off, under way, when next, and whether the hub is out of reach. */
  auto: AutoSyncDto;
}

export interface AutoSyncDto {
  /** On unless turned off for this team on this computer (a preference, not part of the project). */
  enabled: boolean;
  /** The sync under way (automatic or by hand), as its job reports it. */
  syncing: { jobId: string; done: number; total: number; message: string; text: CatalogueText | null } | null;
  /** When the next automatic sync is due. */
  nextAt: string | null;
  /** Since when the hub has been out of reach (null once a sync succeeds). */
  offlineSince: string | null;
  /** Why the last sync failed, if it did. */
  lastError: string | null;
  /** The last sync that succeeded in this window. */
  last: { at: string; pushed: number; pulled: number; conflicts: number } | null;
}

export interface TeamMemberDto {
  role: string;
  replicaId: string;
  joinedAt: string;
  removed: boolean;
  /** This copy. */
  you: boolean;
}

export interface SyncReportDto {
  pushed: number;
  pulled: number;
  bytesSent: number;
  bytesReceived: number;
  cursor: number;
  conflicts: number;
}

/** Inputs and outputs of every method. */
export interface ApiSpec {
  'app.info': { input: Empty; output: AppInfo };
  'project.current': { input: Empty; output: ProjectSummary | null };
  /** PASSPHRASE_REQUIRED for an encrypted project opened without one; WRONG_PASSPHRASE for a wrong one. */
  'project.open': { input: { path: string; passphrase?: string | undefined; readonly?: boolean | undefined }; output: ProjectSummary };
  'project.create': { input: { path: string; title?: string | undefined; passphrase?: string | undefined; language?: Language | undefined }; output: ProjectSummary };
  'project.changePassphrase': { input: { current: string; next: string }; output: ProjectSummary };
  /** Writes an encrypted copy of the open (plain) project to a new file; the open project stays as it is. */
  'project.encryptCopy': { input: { path: string; passphrase: string }; output: { path: string } };
  'project.close': { input: Empty; output: null };
  /** Writes a consistent copy of the open project to a new file; answers the copy's path. */
  'project.saveCopy': { input: { path: string }; output: { path: string } };
  'project.recent': { input: Empty; output: RecentProject[] };
  'settings.get': { input: Empty; output: AppSettings };
  /** Chooses the interface language (null: the system's); the menus follow at once, no restart. */
  'settings.setLanguage': { input: { language: Language | null }; output: AppSettings };
  'project.overview': { input: Empty; output: ProjectOverview };
  'cells.list': { input: { normId?: string | undefined }; output: CellDto[] };
  /** How many excerpts are linked to each live cell that has any (the matrix's evidence marks). */
  'cells.evidenceCounts': { input: { normId?: string | undefined }; output: CellEvidenceCount[] };
  /** Cells kept aside by "keep archived" (not shown in the matrix). */
  'cells.archived': { input: { normId?: string | undefined }; output: (OrphanCellDto & { archivedAt: string })[] };
  /** Puts an archived cell back at its stage (or the given stage of the norm's framework). */
  'cells.restore': { input: { id: string; stageId?: string | undefined }; output: CellDto };
  /** Creates the cell if it does not exist yet. */
  'cells.update': { input: { caseId: string; normId: string; stageId: string; patch: CellPatch }; output: CellDto };
  'cases.create': { input: CaseFields; output: CaseDto };
  'cases.update': { input: { id: string } & Partial<CaseFields>; output: CaseDto };
  'cases.reorder': { input: { ids: string[] }; output: CaseDto[] };
  'cases.archive': { input: { id: string; archived: boolean }; output: CaseDto };
  'cases.setAttribute': { input: { caseId: string; attributeId: string; value: AttributeValue | null }; output: CaseDto };
  'attributes.create': { input: { name: string; type: AttributeType; choices?: string[] | undefined }; output: AttributeDto };
  'attributes.update': { input: { id: string; name?: string | undefined; choices?: string[] | undefined }; output: AttributeDto };
  'attributes.remove': { input: { id: string }; output: null };
  'norms.create': { input: NormFields & { frameworkId?: string | undefined }; output: NormDto };
  'norms.update': { input: { id: string } & Partial<NormFields> & { stageNotes?: Record<string, string> | undefined }; output: NormDto };
  'norms.reorder': { input: { ids: string[] }; output: NormDto[] };
  'norms.archive': { input: { id: string; archived: boolean }; output: NormDto };
  /** The cells that moving a norm to another framework would orphan. */
  'norms.frameworkImpact': { input: { id: string; frameworkId: string }; output: OrphanCellDto[] };
  /** Refused with CONFLICT when cells would be orphaned and no choice is given. */
  'norms.setFramework': { input: { id: string; frameworkId: string; orphans?: OrphanChoice | undefined }; output: NormDto };
  /** The templates' names, stages and descriptions in `language` (English if unset); their citations as published. */
  'frameworks.templates': { input: { language?: Language | undefined }; output: FrameworkTemplateDto[] };
  'frameworks.create': {
    input:
      | { templateId: string; name?: string | undefined; language?: Language | undefined }
      | { templateId?: undefined; name: string; description?: string | undefined; stages: StageFields[] };
    output: FrameworkDto;
  };
  'frameworks.update': { input: { id: string; name?: string | undefined; description?: string | undefined; isDefault?: true | undefined }; output: FrameworkDto };
  /** Replaces the status scale; refused with CONFLICT if a removed status is still used by a cell. */
  'frameworks.setStatuses': {
    input: { id: string; statuses: { key?: string | undefined; label: string; palette: number }[] };
    output: FrameworkDto;
  };
  'frameworks.remove': { input: { id: string }; output: null };
  'stages.add': { input: { frameworkId: string; position?: number | undefined } & StageFields; output: FrameworkDto };
  'stages.update': { input: { id: string } & Partial<StageFields>; output: FrameworkDto };
  'stages.reorder': { input: { frameworkId: string; ids: string[] }; output: FrameworkDto };
  'stages.removalImpact': { input: { id: string }; output: OrphanCellDto[] };
  /** Refused with CONFLICT when the stage holds cells and no choice is given. */
  'stages.remove': {
    input: { id: string; orphans?: { action: 'move'; toStageId: string } | { action: 'archive' } | { action: 'delete' } | undefined };
    output: FrameworkDto;
  };
  'views.save': {
    input: { id?: string | undefined; name: string; normIds: string[]; caseIds: string[]; orientation: Orientation; differences: boolean; columns?: ColumnArrangement | undefined };
    output: ViewDto;
  };
  'views.remove': { input: { id: string }; output: null };
  'history.state': { input: Empty; output: HistoryState };
  'history.undo': { input: Empty; output: HistoryState };
  'history.redo': { input: Empty; output: HistoryState };
  'participants.list': { input: Empty; output: ParticipantDto[] };
  'participants.create': { input: ParticipantFields; output: ParticipantDto };
  'participants.update': { input: { id: string } & Partial<ParticipantFields>; output: ParticipantDto };
  'participants.remove': { input: { id: string }; output: null };
  /** The recorded identity behind a pseudonym, shown only on explicit request; never in lists, search or exports. */
  'participants.getIdentity': { input: { id: string }; output: IdentityDto | null };
  'participants.setIdentity': {
    input: { id: string; realName: string | null; contact?: string | undefined; identifiers?: { kind: IdentifierKind; value: string }[] | undefined };
    output: ParticipantDto;
  };
  /** Erases the identity from the project, its audit trail, its undo history and free pages; optionally its snapshots. */
  'participants.eraseIdentity': { input: { id: string; purgeSnapshots?: boolean | undefined; historyOnly?: boolean | undefined }; output: EraseReportDto };
  'sources.list': { input: Empty; output: SourceDto[] };
  'sources.create': { input: { kind: SourceKind; csl: CslItem; participantId?: string | null | undefined; notes?: string | undefined }; output: SourceDto };
  'sources.update': {
    /** citationKey: refused unless BibTeX-safe and unused by any other source of the project (compared ignoring case). */
    input: { id: string; kind?: SourceKind | undefined; csl?: CslItem | undefined; participantId?: string | null | undefined; notes?: string | undefined; citationKey?: string | undefined };
    output: SourceDto;
  };
  /** Refused with CONFLICT while the source still has excerpts (they are the researcher's work). */
  'sources.remove': { input: { id: string }; output: null };
  /** Parses a Zotero export (BibTeX/BibLaTeX, RIS, CSL-JSON) without writing, marking duplicates. */
  'sources.previewBibliography': { input: BibliographyInput; output: BibliographyPreviewItem[] };
  /** Imports the chosen items of the preview (by index), in one transaction. */
  'sources.importBibliography': { input: BibliographyInput & { include: number[]; kind?: SourceKind | undefined }; output: SourceDto[] };
  'sources.exportBibliography': { input: { format: 'bibtex' | 'csl-json'; sourceIds?: string[] | undefined }; output: { text: string } };
  'documents.list': { input: { sourceId?: string | undefined }; output: DocumentDto[] };
  /** Starts importing a file (PDF, DOCX, TXT, Markdown, HTML) as a background job; poll jobs.get. */
  'documents.import': { input: { path: string; sourceId?: string | undefined; kind?: SourceKind | undefined; languages?: OcrLanguage[] | undefined }; output: JobDto };
  /**
   * Reads the text of a document's scanned pages again (a photo, image-only PDF pages), e.g. with other languages:
   * a job; all pages are written at the end or none. Pages with excerpts are refused (their offsets count in the text).
   */
  'documents.recognise': { input: { id: string; languages?: OcrLanguage[] | undefined; pages?: number[] | undefined }; output: JobDto };
  'documents.get': { input: { id: string }; output: DocumentTextDto };
  /** The original file's bytes (base64), for the page view of a PDF: read inside the app only, never written out. */
  'documents.original': { input: { id: string }; output: { base64: string; byteSize: number } };
  'documents.remove': { input: { id: string }; output: null };
  /** Refused with IDENTITY_IN_OUTPUT where the original holds a recorded identity, unless `allowIdentities` says the researcher knows. */
  'documents.saveOriginal': { input: { id: string; path: string; allowIdentities?: boolean | undefined }; output: { path: string } };
  'jobs.get': { input: { id: string }; output: JobDto };
  'jobs.cancel': { input: { id: string }; output: JobDto };
  'codes.list': { input: Empty; output: CodeDto[] };
  'codes.create': { input: { name: string; parentId?: string | null | undefined; description?: string | undefined; palette?: number | undefined }; output: CodeDto };
  'codes.update': {
    input: { id: string; name?: string | undefined; parentId?: string | null | undefined; description?: string | undefined; palette?: number | undefined };
    output: CodeDto;
  };
  'codes.remove': { input: { id: string }; output: null };
  'excerpts.list': { input: { sourceId?: string | undefined; documentId?: string | undefined; cellId?: string | undefined }; output: ExcerptDto[] };
  'excerpts.create': {
    input: ExcerptFields & {
      sourceId: string;
      documentId?: string | undefined;
      page?: number | undefined;
      startOffset?: number | undefined;
      endOffset?: number | undefined;
      paragraph?: number | undefined;
      region?: PdfRegion | undefined;
    };
    output: ExcerptDto;
  };
  'excerpts.update': { input: { id: string } & Partial<ExcerptFields>; output: ExcerptDto };
  'excerpts.remove': { input: { id: string }; output: null };
  /** Links an excerpt to the cell case x norm x stage as evidence (the cell is created if it was empty). */
  'excerpts.link': { input: { excerptId: string; caseId: string; normId: string; stageId: string }; output: ExcerptDto };
  'excerpts.unlink': { input: { excerptId: string; cellId: string }; output: ExcerptDto };
  'memos.list': { input: { targetType: MemoTarget; targetId: string }; output: MemoDto[] };
  'memos.create': { input: { targetType: MemoTarget; targetId: string; text: string }; output: MemoDto };
  'memos.update': { input: { id: string; text: string }; output: MemoDto };
  'memos.remove': { input: { id: string }; output: null };
  /** Every memo of the project (memo rows and cells' memo fields), newest first, each with what it is on. */
  'memos.overview': { input: Empty; output: MemoOverviewItem[] };
  /** Coded excerpts counted per code and case (or stage), through the live cells they are evidence for. */
  'codes.matrix': { input: { by: CodeMatrixBy; normId?: string | undefined }; output: CodeMatrixDto };
  /** The excerpts behind one count of codes.matrix; `columnId` null = those evidence for no cell (of the norm). */
  'codes.matrixExcerpts': { input: { by: CodeMatrixBy; codeId: string; columnId: string | null; normId?: string | undefined }; output: ExcerptDto[] };
  /** Codes every excerpt that a search finds with one code, as one undoable step. */
  'codes.autoCode': { input: { codeId: string; q: string }; output: { matched: number; coded: number; alreadyCoded: number } };
  /**
   * Asks the desktop for a file with its native dialog (open or save). Answers UNSUPPORTED in a browser, where the
   * UI asks for a path instead; null when the user cancels.
   */
  'host.chooseFile': {
    input: { mode: 'open' | 'save'; title: string; filters: { name: string; extensions: string[] }[]; defaultName?: string | undefined };
    output: { path: string | null };
  };
  /** Opens a file the app wrote (e.g. a document's original) with the system's default program. UNSUPPORTED in a browser. */
  'host.openPath': { input: { path: string }; output: null };
  'observation.list': { input: Empty; output: { dimensions: DimensionDto[]; elections: ElectionDto[] } };
  'dimensions.save': { input: { id?: string | undefined; label: string; description?: string | undefined }; output: DimensionDto };
  'dimensions.remove': { input: { id: string }; output: null };
  'elections.save': {
    input: {
      id?: string | undefined;
      caseId: string;
      date: string;
      type: ElectionType;
      round?: number | null | undefined;
      label?: string | undefined;
      officialResult?: string | undefined;
      notes?: string | undefined;
      verification?: Verification | undefined;
      verificationNote?: string | undefined;
    };
    output: ElectionDto;
  };
  'elections.remove': { input: { id: string }; output: null };
  'missions.save': {
    input: {
      id?: string | undefined;
      electionId: string;
      organisation: string;
      missionType: MissionType;
      reason?: string | undefined;
      headOfMission?: string | undefined;
      verdict?: string | undefined;
      verdictQuote?: string | undefined;
      verdictSourceId?: string | null | undefined;
      verdictExcerptId?: string | null | undefined;
      verification?: Verification | undefined;
      verificationNote?: string | undefined;
      findings?: { dimensionId: string; severity: Severity; note?: string | undefined }[] | undefined;
    };
    output: MissionDto;
  };
  'missions.remove': { input: { id: string }; output: null };
  'claims.list': { input: Empty; output: ClaimDto[] };
  'claims.save': {
    input: {
      id?: string | undefined;
      claimant: string;
      claimantRole?: string | undefined;
      claimantCaseId?: string | null | undefined;
      date?: string | null | undefined;
      statement: string;
      statementKind?: TextKind | undefined;
      excerptId?: string | null | undefined;
      target?: string | undefined;
      focalCaseId?: string | null | undefined;
      comparatorCaseIds?: string[] | undefined;
      comparatorNote?: string | undefined;
      dimensionId?: string | null | undefined;
      dimensionNote?: string | undefined;
      normId?: string | null | undefined;
      stageId?: string | null | undefined;
      assessment?: ClaimAssessment | undefined;
      reasoning?: string | undefined;
      verification?: Verification | undefined;
      verificationNote?: string | undefined;
      missionIds?: string[] | undefined;
    };
    output: ClaimDto;
  };
  'claims.remove': { input: { id: string }; output: null };
  'context.get': { input: Empty; output: RegionalContextDto };
  'organisations.save': { input: { id?: string | undefined; name: string; fullName?: string | undefined; description?: string | undefined }; output: OrganisationDto };
  'organisations.remove': { input: { id: string }; output: null };
  'regionalNorms.save': {
    input: {
      id?: string | undefined;
      label: string;
      description?: string | undefined;
      organisationId?: string | null | undefined;
      entrepreneurs?: string | undefined;
      yearFrom?: number | null | undefined;
      yearTo?: number | null | undefined;
      verification?: Verification | undefined;
      verificationNote?: string | undefined;
      instrumentIds?: string[] | undefined;
      cellIds?: string[] | undefined;
    };
    output: RegionalNormDto;
  };
  'regionalNorms.remove': { input: { id: string }; output: null };
  'instruments.save': {
    input: {
      id?: string | undefined;
      title: string;
      organisationId?: string | null | undefined;
      date?: string | null | undefined;
      description?: string | undefined;
      sourceId?: string | null | undefined;
      verification?: Verification | undefined;
      verificationNote?: string | undefined;
    };
    output: InstrumentDto;
  };
  'instruments.remove': { input: { id: string }; output: null };
  'memberships.save': {
    input: {
      id?: string | undefined;
      caseId: string;
      organisationId: string;
      status: MembershipStatus;
      dateFrom?: string | null | undefined;
      dateTo?: string | null | undefined;
      note?: string | undefined;
      verification?: Verification | undefined;
    };
    output: MembershipDto;
  };
  'memberships.remove': { input: { id: string }; output: null };
  'indicators.list': { input: Empty; output: IndicatorDto[] };
  'indicators.save': {
    input: {
      id?: string | undefined;
      name: string;
      scale?: string | undefined;
      minValue?: number | null | undefined;
      maxValue?: number | null | undefined;
      higherIs?: 'better' | 'worse' | 'neither' | undefined;
      sourceId?: string | null | undefined;
      description?: string | undefined;
    };
    output: IndicatorDto;
  };
  'indicators.remove': { input: { id: string }; output: null };
  /** Sets (or, with value null and no label, clears) one case's value for a year. */
  'indicators.setValue': {
    input: {
      indicatorId: string;
      caseId: string;
      year: number;
      value: number | null;
      label?: string | undefined;
      sourceId?: string | null | undefined;
      verification?: Verification | undefined;
      note?: string | undefined;
    };
    output: IndicatorDto;
  };
  'verification.list': { input: Empty; output: { items: UnverifiedItemDto[]; flags: VerificationFlagDto[] } };
  'flags.save': {
    input: { id?: string | undefined; issue: string; severity?: string | undefined; targetType?: string | null | undefined; targetId?: string | null | undefined; resolved?: boolean | undefined };
    output: VerificationFlagDto;
  };
  'flags.remove': { input: { id: string }; output: null };
  /**
   * Reads a CSV file of one kind and reports what importing it would do (new, changed and unchanged rows) and every
   * problem (line and reason), without writing. createMissing: as for data.importCsv.
   */
  'data.previewCsv': { input: { kind: CsvKind; path?: string | undefined; text?: string | undefined; createMissing?: boolean | undefined }; output: CsvPreviewDto };
  /**
   * Imports a CSV file in one transaction: a bad row aborts everything unless skipBadRows. Columns the file lacks are
   * left as they are. An organisation not in the project is refused (with the nearest names) unless createMissing.
   */
  'data.importCsv': {
    input: { kind: CsvKind; path?: string | undefined; text?: string | undefined; skipBadRows?: boolean | undefined; createMissing?: boolean | undefined };
    output: CsvImportDto;
  };
  'data.exportCsv': { input: { kind: CsvKind }; output: { text: string } };
  'audit.list': { input: { table?: string | undefined; rowId?: string | undefined; limit?: number | undefined }; output: AuditEntryDto[] };
  /** Restores a record to the version an audit entry left it in, or (side 'before') found it in: a new, undoable edit. */
  'audit.restore': { input: { id: number; index?: number | undefined; side?: 'before' | 'after' | undefined }; output: null };
  'audit.exportCsv': { input: Empty; output: { text: string } };
  /** The audit trail written to a CSV file as a job (progress, cancel): its result's `files`. */
  'audit.saveCsv': { input: { path: string }; output: JobDto };
  'backups.list': { input: Empty; output: BackupDto[] };
  'backups.create': { input: Empty; output: BackupDto };
  /** Restores a snapshot into a new file (never over the open project); answers its path. */
  'backups.restore': { input: { file: string; dest: string }; output: { path: string } };
  /** The snapshots of a project that is not open (one whose file was moved or deleted). */
  'backups.listFor': { input: { path: string }; output: BackupDto[] };
  /** Restores a snapshot of a project that is not open into a new file (its old path, if that is free). */
  'backups.restoreFor': { input: { project: string; file: string; dest: string }; output: { path: string } };
  'project.check': { input: Empty; output: CheckReportDto };
  /** The team this project syncs with (null when it is not in a team), with its open conflicts. Reads the project only. */
  'team.status': { input: Empty; output: TeamStatusDto | null };
  /** The team's members as the hub lists them (needs the hub). */
  'team.members': { input: Empty; output: TeamMemberDto[] };
  /**
   * Pushes this copy's changes and pulls everyone else's, as a job (poll jobs.get; the report is the result's
   * `sync`). While a sync is under way, answers with that one.
   */
  'team.sync': { input: Empty; output: JobDto };
  /** Turns automatic sync on or off for this team on this computer. */
  'team.setAutoSync': { input: { enabled: boolean }; output: AutoSyncDto };
  /** Resolves a conflict: the chosen or merged value becomes a new edit that supersedes every version in conflict. */
  'team.resolve': { input: { table: string; rowKey: Record<string, string | number>; field: string; value: string | number | null }; output: null };
  'exchange.previewQdpx': { input: { path: string }; output: QdpxPreviewDto };
  /** Imports a .qdpx into the open project (by GUID: importing again updates); `mapping` sends codes to matrix cells. */
  'exchange.importQdpx': { input: { path: string; mapping?: Record<string, { normId: string; stageId: string }> | undefined }; output: QdpxImportReportDto };
  /** The same as a job: poll jobs.get for progress (source by source), jobs.cancel leaves the project as it was; the report is the result. */
  'exchange.startImportQdpx': { input: { path: string; mapping?: Record<string, { normId: string; stageId: string }> | undefined }; output: JobDto };
  'exchange.importQdc': { input: { path: string }; output: QdpxImportReportDto };
  'exchange.exportQdpx': { input: { path: string }; output: { path: string; counts: Record<string, number> } };
  /** The same export as a job (progress source by source, cancellable): its result's `exported`. */
  'exchange.startExportQdpx': { input: { path: string }; output: JobDto };
  'exchange.exportQdc': { input: { path: string }; output: { path: string; counts: Record<string, number> } };
  'export.kinds': { input: Empty; output: ExportKindDto[] };
  /** Starts an export as a job (progress, cancel); the pre-export check refuses it if a real name would leak. */
  'export.run': { input: ExportRequest & { path: string }; output: JobDto };
  /** The export's HTML (what the PDF is printed from), for a live preview of its first page. */
  'export.preview': { input: ExportRequest; output: { html: string } };
  'search.query': {
    input: {
      q: string;
      kinds?: SearchKind[] | undefined;
      sourceKinds?: SourceKind[] | undefined;
      caseIds?: string[] | undefined;
      normIds?: string[] | undefined;
      stageIds?: string[] | undefined;
      limit?: number | undefined;
    };
    output: SearchResultDto;
  };
  'qca.sets': { input: Empty; output: QcaSetDto[] };
  'qca.saveSet': { input: QcaSetInput; output: QcaSetDto };
  'qca.removeSet': { input: { id: string }; output: null };
  /** Raw value → membership per active case, with the evidence behind each value. */
  'qca.calibrated': { input: { setId: string }; output: QcaCalibratedRowDto[] };
  /** A score by hand (with its reason) or the excerpt linked as its evidence; `score: null` clears it. */
  'qca.setScore': { input: { setId: string; caseId: string; score: number | null; reason?: string | undefined; excerptId?: string | null | undefined }; output: null };
  /** Necessity of each condition and the truth table of one definition. */
  'qca.analyse': { input: QcaAnalysisInput; output: QcaAnalysisDto };
  /** Minimises as a job (progress by phase, cancellable between phases); the result is in the job's `qca`. */
  'qca.minimize': { input: QcaMinimizeInput; output: JobDto };
  /** The XY plot of a term, a literal or a model against the outcome, with the fit the solution table gives it. */
  'qca.xyPlot': { input: QcaXyInput; output: QcaXyDto };
}

// Compile-time guarantee that the method list and the spec name the same methods.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const methodListMatchesSpec: Exact<Method, keyof ApiSpec> = true;

export type ApiInput<M extends Method> = ApiSpec[M]['input'];
export type ApiOutput<M extends Method> = ApiSpec[M]['output'];

/** What a client of the API looks like: every method, returning a promise of its result. */
export type Api = { [M in Method]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** What the server side implements: the same methods, sync or async. */
export type Handlers = { [M in Method]: (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>> };
