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
import { ApiError } from '../../contract/errors';
import type { CatalogueText } from '../../contract/errors';
import { formatText, localError } from '../../contract/i18n/format';
import { cancelledError } from '../documents/import-error';
import type { Project } from '../project';
import type { ArchiveLimits } from './archive';
import { normaliseGuid } from './guid';
import { loadFile, type Loaded } from './load';
import type { QdaCode, QdaProject, QdaSource } from './model';
import { decidePositionUnit, producerOf, type UnitDecision } from './producers';
import { type NormStageTarget, type QdpxImportOptions, COUNT_KINDS, type SkippedItem, type ImportReport, type QdpxPreview } from './importing/types';
import { zero, said, skip, selectionsOf, codingsIn, type SourcePlan, type OwnData } from './importing/helpers';
import { noteText, readOwnData, planSources } from './importing/plan';
import { reportLeftovers, Importer } from './importing/importer';
export { COUNT_KINDS, type CountKind, type ImportCounts, type ImportReport, type NormStageTarget, type PreviewCode, type QdpxImportOptions, type QdpxPreview, type SkippedItem, type SkippedKind } from './importing/types';

// -----------------------------------------------------------------------------------------------------------------
// Entry points

function normaliseMapping(p: Project, qda: QdaProject, mapping: QdpxImportOptions['mapping']): Map<string, NormStageTarget> {
  const out = new Map<string, NormStageTarget>();
  for (const [raw, target] of Object.entries(mapping ?? {})) {
    const guid = normaliseGuid(raw);
    const code = guid ? qda.codes.find((c) => c.guid === guid) : undefined;
    if (!guid || !code) throw localError('VALIDATION_FAILED', 'errorsImport.mappingUnknownCode', { code: raw });
    const norm = p.db.prepare('SELECT id, label, framework_id FROM norms WHERE id = ?').get(target?.normId) as { id: string; label: string; framework_id: string } | undefined;
    if (!norm) throw localError('VALIDATION_FAILED', 'errorsImport.mappingUnknownNorm', { code: code.name });
    if (!p.db.prepare('SELECT 1 FROM stages WHERE id = ? AND framework_id = ?').get(target.stageId, norm.framework_id)) {
      throw localError('VALIDATION_FAILED', 'errorsImport.mappingWrongStage', { code: code.name, norm: norm.label });
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
    throw localError('VALIDATION_FAILED', 'errorsImport.importFailed', { file: loaded.fileName, reason: (error as Error).message }, { cause: error });
  }
  return importer;
}

/** Decides the unit of the file's text positions (see producers/units.ts) and says what it decided, when it matters. */
function positionUnitOf(loaded: Loaded, plans: SourcePlan[], notes: CatalogueText[]): UnitDecision {
  const producer = producerOf(loaded.qda.origin);
  const texts = plans.filter((p) => p.text !== null && !p.textExtracted).map((p) => ({ text: p.text!, selections: p.textRef?.selections ?? [] }));
  const decision = decidePositionUnit(producer, texts);
  const { unit, evidence, compared, fits } = decision;
  const counted = said('counted', { compared, utf16: fits.utf16, codepoint: fits.codepoint });
  const who = { known: producer.id === 'other' ? 'no' : 'yes', producer: producer.label };
  if (unit === 'utf16' && evidence === 'selections') {
    notes.push(said('unitUtf16Selections', { ...who, counted }));
  } else if (unit === 'utf16') {
    notes.push(said('unitUtf16', { ...who, both: evidence === 'producer' ? 'yes' : 'no' }));
  } else if (evidence === 'selections' && producer.positionUnit === 'utf16') {
    notes.push(said('unitCodepoints', { producer: producer.label, counted }));
  }
  return decision;
}

function report(importer: Importer, loaded: Loaded, format: 'qdpx' | 'qdc', madeByComparanda: boolean, early: SkippedItem[], earlyNotes: CatalogueText[]): ImportReport {
  const imported = zero();
  for (const kind of COUNT_KINDS) imported[kind] = importer.created[kind] + importer.updated[kind];
  const notices = [...earlyNotes, ...importer.notes].map((text) => ({ message: formatText('en', text), text }));
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
    notes: notices.map((n) => n.message),
    notices,
  };
}

/**
 * Imports a REFI-QDA project (.qdpx) into `project`. All or nothing: a file that cannot be read fails with an
 * ApiError (VALIDATION_FAILED, naming the file) and leaves the project as it was.
 */
export async function importQdpx(project: Project, options: QdpxImportOptions): Promise<{ report: ImportReport }> {
  if (project.readonly) throw localError('CONFLICT', 'errorsImport.readOnlyNoImport');
  const loaded = loadFile(options.path, 'project', options.limits);
  const mapping = normaliseMapping(project, loaded.qda, options.mapping);
  const skipped: SkippedItem[] = [];
  const notes: CatalogueText[] = [];
  const texts = noteTextsOf(loaded, skipped);
  const own = readOwnData(loaded, texts, skipped);
  const total = loaded.qda.sources.length + 1;
  const plans = await planSources(loaded, own, skipped, notes, true, {
    signal: options.signal,
    onSource: (done, _total, name) => options.onProgress?.(done, total, { id: 'jobs.qdaReadingSource', values: { name } }),
  });
  const { unit } = positionUnitOf(loaded, plans, notes);
  // The last moment a cancel is heard: what follows is one transaction, all or nothing.
  if (options.signal?.aborted) throw cancelledError(loaded.fileName);
  options.onProgress?.(total - 1, total, { id: 'jobs.qdaWriting' });
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
  options.onProgress?.(total, total, { id: 'jobs.qdaImported' });
  return { report: report(importer, loaded, 'qdpx', own.project !== null, skipped, notes) };
}

/** Imports a REFI-QDA codebook (.qdc): its codes, with their hierarchy. Comparanda's norm codes are recognised. */
export async function importQdc(project: Project, options: { path: string; limits?: Partial<ArchiveLimits> | undefined }): Promise<{ report: ImportReport }> {
  if (project.readonly) throw localError('CONFLICT', 'errorsImport.readOnlyNoImport');
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
      skipped.push(skip('source', plan.source.name, said('previewMissing', { source: plan.source.name, missing: plan.missing, selections: plan.text === null ? selections : 0 })));
    }
  }
  reportLeftovers(qda, skipped, own.project !== null, true);

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
