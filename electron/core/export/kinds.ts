/**
 * The registry of export kinds: what can be exported, in which formats, and how its document is built. Every kind is
 * written in every format through the same renderers; more kinds can be added with `registerExportKind`.
 */
import type { MessageId } from '../../contract/i18n/catalogue';
import { localError, textOf } from '../../contract/i18n/format';
import type { Project } from '../project';
import { bibliographyBlock, buildAppendix, buildCase, buildMatrix, type Draft } from './build-documents';
import { buildClaims, buildObservation } from './build-record';
import { buildQca } from './build-qca';
import { projectCitationStore } from './citation-cache';
import { CitationSession, loadStyle } from './citations';
import { messagesFor, resolveExportLanguage } from './i18n';
import { EvidenceIndex, type BuildContext, type ExportDocument, type SheetModel } from './model';
import { EXPORT_FORMATS, type ExportFormat, type ExportKind, type ExportOptions } from './types';

export interface ExportKindSpec {
  kind: ExportKind;
  label: string;
  description: string;
  /** Null when the kind can be exported; otherwise a sentence saying why not. */
  unavailable: string | null;
  formats: readonly ExportFormat[];
  /** Builds the document (sections in reading order); citations are formatted afterwards. */
  build: ((ctx: BuildContext) => Draft) | null;
}

const registry = new Map<ExportKind, ExportKindSpec>([
  [
    'matrix',
    {
      kind: 'matrix',
      label: 'Matrix',
      description: 'One table per norm: the stages of its framework against the chosen cases, with notes and citations.',
      unavailable: null,
      formats: EXPORT_FORMATS,
      build: buildMatrix,
    },
  ],
  [
    'case',
    {
      kind: 'case',
      label: 'Case profile',
      description: 'A case’s notes, typed attributes and its cells across norms with their evidence counts.',
      unavailable: null,
      formats: EXPORT_FORMATS,
      build: buildCase,
    },
  ],
  [
    'appendix',
    {
      kind: 'appendix',
      label: 'Evidence appendix',
      description: 'The matrix, then for each cell the excerpts behind it with locators and citations, then the bibliography.',
      unavailable: null,
      formats: EXPORT_FORMATS,
      build: buildAppendix,
    },
  ],
  [
    'claims',
    {
      kind: 'claims',
      label: 'Claims register',
      description: 'Double-standards claims tested against the observers’ verdicts, one row per claim; or one claim as a comparison card.',
      unavailable: null,
      formats: EXPORT_FORMATS,
      build: buildClaims,
    },
  ],
  [
    'observation',
    {
      kind: 'observation',
      label: 'Observation record',
      description: 'Elections per case side by side, year by year, with the missions that watched them, their verdicts and findings by dimension.',
      unavailable: null,
      formats: EXPORT_FORMATS,
      build: buildObservation,
    },
  ],
  [
    'qca',
    {
      kind: 'qca',
      label: 'QCA truth table and solutions',
      description: 'The calibrated memberships, necessity, the truth table and the conservative, parsimonious and intermediate solutions, with the cuts and fit measures.',
      unavailable: null,
      formats: EXPORT_FORMATS,
      build: buildQca,
    },
  ],
]);

/** Every export kind, available or not, in a stable order (for the UI's list and the CLI's help). */
export function exportKinds(): ExportKindSpec[] {
  return [...registry.values()];
}

export function exportKind(kind: string): ExportKindSpec {
  const spec = registry.get(kind as ExportKind);
  if (!spec) throw localError('VALIDATION_FAILED', 'errorsExport.unknownKind', { kind, kinds: [...registry.keys()].join(', ') });
  return spec;
}

/** Adds or replaces a kind. */
export function registerExportKind(spec: ExportKindSpec): void {
  registry.set(spec.kind, spec);
}

/** Each kind's name as the export dialog shows it. */
const KIND_LABELS: Record<ExportKind, MessageId> = {
  matrix: 'exports.kindMatrix',
  case: 'exports.kindCase',
  appendix: 'exports.kindAppendix',
  claims: 'exports.kindClaims',
  observation: 'exports.kindObservation',
  qca: 'exports.kindQca',
};

/** Checks that the kind exists, is available and can be written in the format. */
export function assertExportable(kind: string, format: string): ExportKindSpec {
  const spec = exportKind(kind);
  // A kind's `unavailable` reason is the registry's own English: the sentence the user reads comes from the catalogue.
  if (spec.unavailable || !spec.build) throw localError('UNSUPPORTED', 'errorsCore.exportUnavailable', { kind });
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.unknownFormat', { format, formats: EXPORT_FORMATS.join(', ') });
  }
  if (!spec.formats.includes(format as ExportFormat)) {
    throw localError('UNSUPPORTED', 'errorsCore.exportFormatRefused', { label: spec.kind in KIND_LABELS ? textOf(KIND_LABELS[spec.kind]) : spec.label, format });
  }
  return spec;
}

/**
 * The document of an export: a pure function of the project data and the options. Asynchronous because formatting
 * the citations of a large matrix takes seconds and lets the event loop in as it goes (the data is read before that).
 */
export async function buildExportDocument(project: Project, options: ExportOptions): Promise<ExportDocument> {
  const spec = assertExportable(options.what, options.format);
  const style = loadStyle(options.style);
  const language = resolveExportLanguage(options.language, options.locale, style.defaultLocale);
  const m = messagesFor(language.language);
  const evidence = new EvidenceIndex(project, options.romanise ?? false);
  const citations = new CitationSession(style, language.locale, evidence.items, projectCitationStore(project.db));
  const runningHead = project.title;
  const author = options.author?.trim() || `Comparanda project “${runningHead}”`;
  const ctx: BuildContext = { project, options, citations, evidence, author, m };
  const draft = spec.build!(ctx);
  // The data tables are built before the first pause for the formats that write them (the export is of the project
  // as it was when asked for); for the others only if asked for (a matrix's took a tenth of a DOCX export).
  const buildSheets = typeof draft.sheets === 'function' ? draft.sheets : () => draft.sheets as SheetModel[];
  let sheets = options.format === 'csv' || options.format === 'xlsx' ? buildSheets() : undefined;
  // Formatting the citations the first time is most of a first export (seconds for a large matrix): said as such.
  await citations.finish(options.signal, (size) => options.onProgress?.({ phase: 'cite', text: { id: 'jobs.exportCite', values: size } }));
  const entries = citations.bibliography();
  const bibliography = bibliographyBlock(ctx, entries);
  const sections = draft.sections.map((s) => ({ ...s, blocks: [...s.blocks] }));
  if (bibliography) sections.at(-1)!.blocks.push(bibliography);
  return {
    kind: spec.kind,
    title: draft.title,
    subject: draft.subject,
    author,
    runningHead,
    // The document's own words follow the export language; citations follow the CSL locale.
    language: language.language,
    sections,
    style,
    citedSources: citations.citedSourceIds().map((id) => evidence.items.get(id)!),
    tables: draft.tables,
    get sheets() {
      return (sheets ??= buildSheets());
    },
    references: entries.map((e) => ({ key: evidence.sources.get(e.sourceId)?.citationKey ?? e.sourceId, runs: e.runs })),
    warnings: [...language.warnings, ...citations.warnings()],
  };
}
