/**
 * The state one REFI-QDA export builds up: its counts and archive files, the notes and links it writes, and the
 * labels the parts of the project are named by. Each part of the export (project notes, sources, cases) adds to it.
 */
import { derivedGuid } from '../guid';
import { encodeMachineNote, type NoteKind } from '../notes';
import { el, textEl, type XmlNode } from '../xml';
import { COMPARANDA_USER_GUID } from '../guid';
import type { Project } from '../../project';
import { all, group, noteGuid, type CaseRow, type MemoRow, type NormRow, type QdpxCounts, type Row, type StageRow } from './rows';

/** Where the archive's files go as they are made (archive.ts). */
export interface ArchiveFiles {
  addText(name: string, text: string): void;
  addBytes(name: string, bytes: Uint8Array): void;
}

/** Sources written out of all of them, with the title of the one being written. */
export type SourceProgress = (done: number, total: number, title: string) => void;

export function startExport(p: Project, files: ArchiveFiles, pause: () => Promise<void>, progress: SourceProgress) {
  const counts: QdpxCounts = {
    users: 1,
    codes: 0,
    normCodes: 0,
    stageCodes: 0,
    variables: 0,
    cases: 0,
    sources: 0,
    documents: 0,
    selections: 0,
    codings: 0,
    notes: 0,
    links: 0,
    sets: 0,
    files: 1,
  };
  const user = COMPARANDA_USER_GUID;
  const now = new Date().toISOString();
  const stamp = (created: unknown, modified: unknown) => ({
    creatingUser: user,
    creationDateTime: String(created),
    modifyingUser: user,
    modifiedDateTime: String(modified),
  });

  const notes: XmlNode[] = [];
  const links: XmlNode[] = [];
  const projectNoteRefs: string[] = [];
  /** NoteRefs to add to codes (norm and stage codes), sources and selections, by their GUID. */
  const noteRefs = new Map<string, string[]>();
  const addRef = (owner: string, note: string) => {
    const list = noteRefs.get(owner);
    if (list) list.push(note);
    else noteRefs.set(owner, [note]);
  };
  const addNote = (guid: string, name: string, text: string, attrs: { created?: unknown; modified?: unknown; description?: string } = {}) => {
    counts.notes++;
    notes.push(
      el('Note', { guid, name, ...stamp(attrs.created ?? now, attrs.modified ?? now) }, [
        attrs.description ? textEl('Description', attrs.description) : null,
        textEl('PlainTextContent', text),
        ...(noteRefs.get(guid) ?? []).map((g) => el('NoteRef', { targetGUID: g })),
      ]),
    );
  };
  const addLink = (origin: string, target: string, name: string) => {
    counts.links++;
    links.push(el('Link', { guid: derivedGuid('link', origin, target), name, direction: 'OneWay', originGUID: origin, targetGUID: target }));
  };
  const machine = (kind: NoteKind, id: string, name: string, data: unknown, body = '', extra: { created?: unknown; modified?: unknown; description?: string } = {}) => {
    const guid = noteGuid(kind, id);
    addNote(guid, name, encodeMachineNote(kind, data, body), extra);
    return guid;
  };

  // ---- Labels used in names and descriptions
  const caseRows = all<CaseRow & Row>(p, 'SELECT * FROM cases ORDER BY archived_at IS NOT NULL, position, rowid');
  const caseName = new Map(caseRows.map((c) => [c.id, c.name]));
  const normRows = all<NormRow & Row>(p, 'SELECT * FROM norms ORDER BY archived_at IS NOT NULL, position, rowid');
  const normLabel = new Map(normRows.map((n) => [n.id, String(n.short_label || n.label)]));
  const stageRows = all<StageRow & Row>(p, 'SELECT * FROM stages ORDER BY framework_id, position');
  const stageLabel = new Map(stageRows.map((s) => [s.id, `${s.position}. ${s.label}`]));
  const participants = all<Row & { id: string; pseudonym: string }>(
    p,
    // Explicit columns: nothing from participant_identities, ever.
    'SELECT id, pseudonym, role_category, interview_date, place, language, consent, restrictions, created_at, updated_at FROM participants ORDER BY pseudonym',
  );
  const pseudonym = new Map(participants.map((x) => [x.id, x.pseudonym]));
  const memos = all<MemoRow>(p, 'SELECT id, target_type, target_id, text, created_at, updated_at FROM memos ORDER BY created_at, rowid');
  const memosOf = group(memos, (m) => `${m.target_type}:${m.target_id}`);

  return { p, counts, files, pause, progress, user, now, stamp, notes, links, projectNoteRefs, noteRefs, addRef, addNote, addLink, machine, caseRows, caseName, normRows, normLabel, stageRows, stageLabel, participants, pseudonym, memos, memosOf };
}

export type ExportContext = ReturnType<typeof startExport>;
