/**
 * Erasing an interviewee's identity for real. Deleting the identity row is not enough: the name may have been typed
 * into an excerpt and corrected (the audit trail keeps the typo), sit in the undo history in memory, linger in free
 * pages of the file and in its search indexes, in the original of a text document, and in every snapshot. Erasing
 * replaces each occurrence with the pseudonym, redacts the audit trail, forgets the undo history, rebuilds the
 * search indexes, overwrites freed pages (secure_delete + VACUUM) and folds the WAL away; snapshots are purged if
 * the researcher asks, and the report says what remains where.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { ApiInput, EraseReportDto } from '../../contract/api';
import type { CatalogueText } from '../../contract/errors';
import { formatText, localError, textOf } from '../../contract/i18n/format';
import type { Backups } from '../backups';
import type { Project } from '../project';
import { recordedIdentities, redactDeep, redactWith, textTables, type Identity } from './identities';
import { Haystack } from './match';

type Row = Record<string, unknown>;

const FTS_TABLES = ['fts_cells', 'fts_excerpts', 'fts_memos', 'fts_pages', 'fts_records'];
const TEXT_ORIGINALS = new Set(['txt', 'md', 'html']);

/** A value with every identity replaced: JSON text is redacted value by value, so it stays valid JSON. */
function redactValue(identities: readonly Identity[], value: string): string {
  const first = value.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.stringify(redactDeep(identities, JSON.parse(value) as unknown));
    } catch {
      // Not JSON after all: redacted as text.
    }
  }
  return redactWith(identities, value);
}

function containsBytes(bytes: Buffer, value: string): boolean {
  return bytes.includes(Buffer.from(value, 'utf8')) || bytes.includes(Buffer.from(value, 'utf16le'));
}

/** Replaces every occurrence of the identities in the project's records; returns "table.column" → rows changed. */
function redactRecords(db: Database.Database, identities: readonly Identity[], only?: string): Map<string, number> {
  const changed = new Map<string, number>();
  for (const table of textTables(db).filter((t) => only === undefined || t.name === only)) {
    const keyWhere = table.key.length > 0 ? table.key.map((k) => `"${k}" = @__k_${k}`).join(' AND ') : 'rowid = @__rowid';
    // A table WITHOUT ROWID (the team's field clocks) has no rowid to select: it always has a primary key instead.
    const select = db.prepare(table.key.length > 0 ? `SELECT * FROM "${table.name}"` : `SELECT rowid AS __rowid, * FROM "${table.name}"`);
    const updates: { column: string; value: string; params: Row }[] = [];
    for (const row of select.iterate() as IterableIterator<Row>) {
      for (const column of table.columns) {
        const value = row[column];
        if (typeof value !== 'string') continue;
        // One fold of the value for every identity (a page of a document is folded once, not once per identity).
        const hay = new Haystack(value);
        if (!identities.some((i) => hay.has(i.needle))) continue;
        const redacted = redactValue(identities, value);
        if (redacted === value) continue;
        const params: Row = table.key.length > 0 ? Object.fromEntries(table.key.map((k) => [`__k_${k}`, row[k]])) : { __rowid: row.__rowid };
        updates.push({ column, value: redacted, params });
      }
    }
    for (const u of updates) {
      db.prepare(`UPDATE "${table.name}" SET "${u.column}" = @__value WHERE ${keyWhere}`).run({ ...u.params, __value: u.value });
      const k = `${table.name}.${u.column}`;
      changed.set(k, (changed.get(k) ?? 0) + 1);
    }
  }
  return changed;
}

/** Text originals are redacted like their pages; binary ones that still hold the bytes are reported. */
function redactOriginals(db: Database.Database, identities: readonly Identity[]): { redacted: string[]; remaining: CatalogueText[] } {
  const redacted: string[] = [];
  const remaining: CatalogueText[] = [];
  const rows = db.prepare('SELECT d.id, d.file_name AS fileName, d.format FROM documents d').all() as { id: string; fileName: string; format: string }[];
  for (const doc of rows) {
    const { bytes } = db.prepare('SELECT bytes FROM document_files WHERE document_id = ?').get(doc.id) as { bytes: Buffer };
    if (TEXT_ORIGINALS.has(doc.format)) {
      const text = bytes.toString('utf8');
      const clean = redactWith(identities, text);
      if (clean !== text) {
        db.prepare('UPDATE document_files SET bytes = ? WHERE document_id = ?').run(Buffer.from(clean, 'utf8'), doc.id);
        redacted.push(doc.fileName);
      }
    } else if (identities.some((i) => containsBytes(bytes, i.value))) {
      remaining.push(textOf('errorsPrivacy.eraseOriginal', { file: redactWith(identities, doc.fileName), format: doc.format.toUpperCase() }));
    }
  }
  return { redacted, remaining };
}

/** The places a report names, as `errorsPrivacy.erasePlace` calls them; any other is named by its table and column. */
const PLACES: Record<string, string> = {
  'audit_log.before': 'auditBefore',
  'audit_log.after': 'auditAfter',
  'audit_log.action': 'auditAction',
  'document_pages.text': 'pages',
  'excerpts.text': 'excerptTexts',
  'excerpts.translation': 'excerptTranslations',
  'cells.summary': 'cellSummaries',
  'cells.memo': 'cellMemos',
  'memos.text': 'memos',
  'sources.csl': 'csl',
  'sources.title': 'sourceTitles',
  'claims.claimant': 'claimants',
  'claims.statement': 'statements',
};

function placeText(place: string): CatalogueText {
  const [table = place, column = ''] = place.split('.');
  return textOf('errorsPrivacy.erasePlace', { place: PLACES[place] ?? 'other', table: table.replace(/_/g, ' '), column: column.replace(/_/g, ' ') });
}

export function eraseIdentity(p: Project, input: ApiInput<'participants.eraseIdentity'>, backups: Backups | undefined): EraseReportDto {
  if (p.readonly) throw localError('READ_ONLY', 'errorsInput.readOnlyNoErase');
  const participant = p.db.prepare('SELECT id, pseudonym FROM participants WHERE id = ?').get(input.id) as { id: string; pseudonym: string } | undefined;
  if (!participant) throw localError('NOT_FOUND', 'errorsInput.participantGone');
  const identities = recordedIdentities(p.db).filter((i) => i.participantId === participant.id);
  if (identities.length === 0) throw localError('CONFLICT', 'errorsInput.nothingToErase', { pseudonym: participant.pseudonym });

  const db = p.db;
  db.pragma('secure_delete = ON');
  let changed = new Map<string, number>();
  let originals: { redacted: string[]; remaining: CatalogueText[] } = { redacted: [], remaining: [] };
  const historyOnly = input.historyOnly === true;
  db.transaction(() => {
    // "History only": the identity stays recorded (and guarded); a name once typed and corrected leaves the audit
    // trail and the undo history, so the exports that include them are no longer refused for it.
    changed = redactRecords(db, identities, historyOnly ? 'audit_log' : undefined);
    if (historyOnly) return;
    originals = redactOriginals(db, identities);
    db.prepare('DELETE FROM participant_identities WHERE participant_id = ?').run(participant.id);
    db.prepare('DELETE FROM participant_identifiers WHERE participant_id = ?').run(participant.id);
    // Formatted citations are output text made from the records as they were: formatted again on the next export.
    db.prepare('DELETE FROM citation_cache').run();
    // The search indexes keep the terms of rows that were changed until their segments merge: rebuilt from the rows.
    for (const fts of FTS_TABLES) db.prepare(`INSERT INTO "${fts}" ("${fts}") VALUES ('rebuild')`).run();
  }).immediate();
  // Undo steps hold rows as they were, names included: the history of this session goes.
  const historySteps = p.history.state().canUndo || p.history.state().canRedo;
  p.history.clear();
  // Freed pages are overwritten (secure_delete), the file rewritten without them, and the WAL folded in and emptied.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');

  const snapshots = backups ? backups.list(p.path) : [];
  const snapshotReport: EraseReportDto['snapshots'] = [];
  if (input.purgeSnapshots && backups) {
    for (const snapshot of snapshots) {
      for (const f of [snapshot.file, `${snapshot.file}-wal`]) fs.rmSync(f, { force: true });
      snapshotReport.push({ createdAt: snapshot.createdAt, action: 'purged' });
    }
  } else {
    for (const snapshot of snapshots) snapshotReport.push({ createdAt: snapshot.createdAt, action: 'kept' });
  }

  const replaced = [...changed.entries()].map(([place, rows]) => {
    const text = placeText(place);
    return { place: formatText('en', text), rows, placeText: text };
  });
  const remaining = [...originals.remaining];
  if (snapshotReport.some((s) => s.action === 'kept')) {
    remaining.push(textOf('errorsPrivacy.eraseSnapshots', { count: snapshotReport.filter((s) => s.action === 'kept').length }));
  }
  remaining.push(textOf('errorsPrivacy.eraseCopies'));
  if (historyOnly) remaining.unshift(textOf('errorsPrivacy.eraseIdentityKept'));
  return {
    pseudonym: participant.pseudonym,
    identifiersErased: historyOnly ? 0 : identities.filter((i) => !i.derived).length,
    replaced,
    originalsRedacted: originals.redacted,
    undoHistoryCleared: historySteps,
    snapshots: snapshotReport,
    remaining: remaining.map((text) => formatText('en', text)),
    remainingTexts: remaining,
  };
}
