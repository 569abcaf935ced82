/**
 * Export to REFI-QDA: a .qdpx project (project.qde per Project.xsd + the texts and originals under Sources/) and a
 * .qdc codebook (Codebook.xsd). See docs/refi-qda.md for how each part of a Comparanda project is represented.
 * Interviewees appear only by pseudonym: participant_identities is never read, and the bytes about to be written
 * are searched for every recorded real name or contact before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import { xmlTexts } from '../export/check';
import { exportCancelled } from '../export/types';
import { recordedIdentities } from '../privacy/identities';
import { guardOutput } from '../privacy/gate';
import { APP_NAME, APP_VERSION, type Project } from '../project';
import { derivedGuid } from './guid';
import { el, renderXml, renderXmlPieces, textEl, type XmlNode } from './xml';
import { QdpxArchive, XML_PIECE } from './exporting/archive';
import { partialNameBeside } from '../db/temp-files';
import { codeTree } from './exporting/codebook';
import { startExport, type ArchiveFiles, type SourceProgress } from './exporting/context';
import { writeCases } from './exporting/cases';
import { writeProjectNotes } from './exporting/project-notes';
import { all, CODEBOOK_NAMESPACE, PROJECT_NAMESPACE, type MemoRow, type QdpxCounts, type QdpxExportOptions, type QdpxExportResult } from './exporting/rows';
import { writeSources } from './exporting/sources';

export { CODEBOOK_NAMESPACE, PROJECT_NAMESPACE, RECORD_TABLES, noteGuid, originalPath, representationGuid, stageCodeGuid } from './exporting/rows';
export type { QdpxCounts, QdpxExportOptions, QdpxExportResult } from './exporting/rows';

interface Built {
  root: XmlNode;
  counts: QdpxCounts;
}

/**
 * project.qde's document, built part by part (exporting/): the order of the parts is the file's. The archive's other
 * files go to `files` as they are made.
 */
async function build(p: Project, files: ArchiveFiles, pause: () => Promise<void>, progress: SourceProgress): Promise<Built> {
  const x = startExport(p, files, pause, progress);
  const { counts, user, now, notes, links, projectNoteRefs, noteRefs, addNote, caseName, normLabel, memos } = x;
  writeProjectNotes(x);
  const { sources, sourceNodes, caseSelections, caseSources, sourceKinds, refiUsers } = await writeSources(x);
  const { caseNodes, attributes, variableType } = writeCases(x, caseSelections, caseSources);

  // ---- Memos (ordinary notes, with their text as it is)
  const targetLabel = (m: MemoRow) =>
    m.target_type === 'project'
      ? 'the project'
      : m.target_type === 'case'
        ? (caseName.get(m.target_id) ?? 'a case')
        : m.target_type === 'norm'
          ? (normLabel.get(m.target_id) ?? 'a norm')
          : m.target_type === 'source'
            ? (sources.find((s) => s.id === m.target_id)?.title ?? 'a source')
            : m.target_type;
  for (const memo of memos) {
    if (memo.target_type === 'project') projectNoteRefs.push(memo.id);
    addNote(memo.id, `Memo on ${targetLabel(memo)}`, memo.text, { created: memo.created_at, modified: memo.updated_at });
  }

  // ---- Code book (after the notes, so that the norm and stage codes can refer to theirs)
  const codeNodes = codeTree(p, true, counts, noteRefs);

  // NoteRefs collected for sources and selections were rendered inline above; notes referring to memos are in addNote.
  const variables = attributes.map((a) => {
    counts.variables++;
    return el('Variable', { guid: a.id, name: a.name, typeOfVariable: variableType(a) });
  });

  const sets: XmlNode[] = [];
  // Sets another program made, with the members that are still in the project.
  const exportedSources = new Set([...sourceKinds.values()].flat());
  const codeIds = new Set(all<{ id: string }>(p, 'SELECT id FROM codes').map((c) => c.id));
  for (const set of all<{ guid: string; name: string; member_codes: string; member_sources: string }>(p, 'SELECT guid, name, member_codes, member_sources FROM refi_sets ORDER BY rowid')) {
    counts.sets++;
    sets.push(
      el('Set', { guid: set.guid, name: set.name }, [
        ...(JSON.parse(set.member_codes) as string[]).filter((g) => codeIds.has(g)).map((g) => el('MemberCode', { targetGUID: g })),
        ...(JSON.parse(set.member_sources) as string[]).filter((g) => exportedSources.has(g)).map((g) => el('MemberSource', { targetGUID: g })),
      ]),
    );
  }
  for (const [kind, members] of [...sourceKinds.entries()].sort()) {
    if (members.length === 0) continue;
    counts.sets++;
    sets.push(
      el('Set', { guid: derivedGuid('set', 'source-kind', kind), name: `Sources: ${kind}` }, [
        textEl('Description', `Comparanda sources of the kind “${kind}”.`),
        ...members.map((g) => el('MemberSource', { targetGUID: g })),
      ]),
    );
  }

  const root = el(
    'Project',
    {
      xmlns: PROJECT_NAMESPACE,
      name: p.title,
      origin: `${APP_NAME} ${APP_VERSION}`,
      creatingUserGUID: user,
      creationDateTime: String((p.db.prepare('SELECT created_at FROM project WHERE id = 1').get() as { created_at: string } | undefined)?.created_at ?? now),
      modifyingUserGUID: user,
      modifiedDateTime: now,
    },
    [
      el('Users', {}, [el('User', { guid: user, name: APP_NAME }), ...refiUsers.map((u) => el('User', { guid: u.guid, name: u.name }))]),
      codeNodes.length ? el('CodeBook', {}, [el('Codes', {}, codeNodes)]) : null,
      variables.length ? el('Variables', {}, variables) : null,
      caseNodes.length ? el('Cases', {}, caseNodes) : null,
      sourceNodes.length ? el('Sources', {}, sourceNodes) : null,
      notes.length ? el('Notes', {}, notes) : null,
      links.length ? el('Links', {}, links) : null,
      sets.length ? el('Sets', {}, sets) : null,
      textEl('Description', `Exported from ${APP_NAME} ${APP_VERSION}. Norms are codes with their stages as child codes; see the note “Comparanda project data”.`),
      ...projectNoteRefs.map((g) => el('NoteRef', { targetGUID: g })),
    ],
  );
  return { root, counts };
}

function checkOut(p: Project, out: string): string {
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target))) throw localError('FILE_NOT_FOUND', 'errors.folderNotFound', { folder: path.dirname(target) });
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw localError('VALIDATION_FAILED', 'errorsExport.outIsFolder', { path: target });
  if (target === p.path) throw localError('FILE_EXISTS', 'errorsExport.overProject');
  return target;
}

/** Writes under a temporary name, then moves into place: a failed export leaves nothing behind. */
function writeAtomically(target: string, data: Uint8Array): void {
  const temp = partialNameBeside(target);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw notWritten(target, error);
  }
}

function notWritten(target: string, error: unknown) {
  return localError('PROJECT_UNREADABLE', 'errorsExport.notWrittenTo', { target, reason: (error as Error).message }, { cause: error });
}

/** How long the export runs before letting the event loop in (the app's window is answered meanwhile). */
const YIELD_EVERY_MS = 30;

/**
 * Exports the whole project as a REFI-QDA project (.qdpx) for NVivo, MAXQDA, ATLAS.ti, QualCoder and others.
 * Refuses (IDENTITY_IN_OUTPUT, nothing written) when a recorded identity of an interviewee would be in it. The
 * archive is written as it is made (exporting/archive.ts): texts are checked, compressed and let go one by one,
 * project.qde in pieces, with the event loop let in every few milliseconds.
 */
export async function exportQdpx(project: Project, options: QdpxExportOptions): Promise<QdpxExportResult> {
  const target = checkOut(project, options.out);
  const { signal, onProgress } = options;
  let slice = performance.now();
  const pause = async () => {
    if (signal?.aborted) throw exportCancelled();
    if (performance.now() - slice < YIELD_EVERY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    slice = performance.now();
    if (signal?.aborted) throw exportCancelled();
  };
  // One step per source, and one for project.qde (written last, in pieces).
  let steps = 1;
  const progress: SourceProgress = (done, total, title) => {
    steps = total + 1;
    onProgress?.(done, steps, { id: 'jobs.qdaExportSource', values: { name: title } });
  };
  if (signal?.aborted) throw exportCancelled();
  // The project as it is now, on a connection of its own: edits made while the export lets the window in reach none
  // of it (a code deleted half-way would leave codings pointing at nothing).
  return project.readingSnapshot(async (snapshot) => {
    let archive: QdpxArchive;
    try {
      archive = new QdpxArchive(snapshot.db, recordedIdentities(snapshot.db), partialNameBeside(target));
    } catch (error) {
      throw notWritten(target, error);
    }
    try {
      const built = await build(snapshot, archive, pause, progress);
      onProgress?.(steps - 1, steps, { id: 'jobs.qdaExportProjectFile', values: { file: 'project.qde' } });
      await archive.addXml('project.qde', renderXmlPieces(built.root, XML_PIECE), pause);
      archive.finish(target);
      onProgress?.(steps, steps, { id: 'jobs.qdaExported' });
      return { path: target, counts: { ...built.counts, files: archive.count } };
    } catch (error) {
      archive.discard();
      if (error instanceof ApiError) throw error;
      throw notWritten(target, error);
    }
  });
}

export interface QdcExportResult {
  path: string;
  counts: { codes: number; normCodes: number; stageCodes: number };
}

/** Exports the codebook alone (.qdc): the project's codes, and each norm as a code with its stages as child codes. */
export async function exportQdc(project: Project, options: QdpxExportOptions): Promise<QdcExportResult> {
  const target = checkOut(project, options.out);
  const counts = { codes: 0, normCodes: 0, stageCodes: 0 } as QdpxCounts;
  const codes = codeTree(project, false, counts, new Map());
  if (codes.length === 0) throw localError('VALIDATION_FAILED', 'errorsExport.noCodebook');
  const xml = renderXml(el('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: `${APP_NAME} ${APP_VERSION}` }, [el('Codes', {}, codes)]));
  guardOutput(project.db, 'codebook', xmlTexts(xml).map((text) => ({ text, label: 'codebook' })));
  writeAtomically(target, new TextEncoder().encode(xml));
  return { path: target, counts: { codes: counts.codes, normCodes: counts.normCodes, stageCodes: counts.stageCodes } };
}
