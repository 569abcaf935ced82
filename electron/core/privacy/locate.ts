/**
 * Where in a project an identity is recorded: every text field of every record is read (the pages of documents
 * last, since they are the bulk), and each place is named as a researcher finds it — the record, the field, the
 * characters — with any identity in the description itself replaced by a pseudonym.
 */
import type Database from 'better-sqlite3';
import { redactWith, textTables, type Identity } from './identities';
import { Haystack } from './match';

type Row = Record<string, unknown>;
type Describe = (db: Database.Database, row: Row) => string;

const one = (db: Database.Database, sql: string, ...params: unknown[]): Row | undefined => db.prepare(sql).get(...params) as Row | undefined;

function sourceTitle(db: Database.Database, id: unknown): string {
  const title = one(db, 'SELECT title FROM sources WHERE id = ?', id)?.title;
  return typeof title === 'string' && title ? `“${title}”` : 'a source';
}

function cellName(db: Database.Database, id: unknown): string {
  const row = one(
    db,
    `SELECT ca.name AS c, coalesce(nullif(n.short_label, ''), n.label) AS n, s.label AS s FROM cells x
     JOIN cases ca ON ca.id = x.case_id JOIN norms n ON n.id = x.norm_id JOIN stages s ON s.id = x.stage_id WHERE x.id = ?`,
    id,
  );
  return row ? `the cell ${String(row.c)} · ${String(row.n)} · ${String(row.s)}` : 'a cell';
}

/** How each table's records are named; a table not listed is named generically. */
const DESCRIBE: Record<string, Describe> = {
  project: () => 'the project’s details',
  cases: (_db, r) => `the case ${String(r.name)}`,
  norms: (_db, r) => `the norm ${String(r.short_label || r.label)}`,
  stages: (_db, r) => `the stage ${String(r.label)}`,
  cells: (db, r) => cellName(db, r.id),
  sources: (db, r) => `the source ${sourceTitle(db, r.id)}`,
  documents: (db, r) => `the document “${String(r.file_name)}” of ${sourceTitle(db, r.source_id)}`,
  document_pages: (db, r) => {
    const doc = one(db, 'SELECT file_name FROM documents WHERE id = ?', r.document_id);
    return `page ${String(r.number)} of the document “${String(doc?.file_name ?? '?')}”`;
  },
  excerpts: (db, r) => `an excerpt of ${sourceTitle(db, r.source_id)}${r.locator ? ` (${String(r.locator)})` : ''}`,
  memos: (_db, r) => `a memo on ${String(r.target_type)} ${String(r.target_id).slice(0, 8)}`,
  participants: (_db, r) => `the participant “${String(r.pseudonym)}”`,
  claims: (_db, r) => `the claim of ${String(r.date ?? 'no date')} by ${String(r.claimant)}`,
  elections: (_db, r) => `the election of ${String(r.date)}`,
  missions: (db, r) => {
    const e = one(db, 'SELECT date FROM elections WHERE id = ?', r.election_id);
    return `a mission to the election of ${String(e?.date ?? '?')}`;
  },
  audit_log: (_db, r) => `the audit trail (entry ${String(r.id)}, ${String(r.at)})`,
  views: (_db, r) => `the saved view ${String(r.name)}`,
  codes: (_db, r) => `the code ${String(r.name)}`,
};

/** Read after the records a researcher edits: the history of changes, then the bulk of document text. */
const LAST = ['audit_log', 'document_pages'];

/**
 * Up to `limit` places where `identity` is recorded: "the claim of 2012-04-25 by [P-03] (statement, characters
 * 12–25)". Descriptions are redacted with `all`, since a record's name may itself hold an identity.
 */
export function locateInProject(db: Database.Database, identity: Identity, all: readonly Identity[], limit: number): string[] {
  const tables = textTables(db).sort((a, b) => LAST.indexOf(a.name) - LAST.indexOf(b.name) || a.name.localeCompare(b.name));
  const places: string[] = [];
  // The shortest form of the identity that can match (its letters without spaces): shorter values cannot hold it.
  const shortest = identity.needle.tight?.length ?? identity.needle.spaced.length;
  for (const { name: table, columns } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as IterableIterator<Row>) {
      for (const column of columns) {
        const value = row[column];
        if (typeof value !== 'string' || value.length < shortest) continue;
        const [at] = new Haystack(value).find(identity.needle, 1);
        if (!at) continue;
        const record = (DESCRIBE[table] ?? ((_db: Database.Database, r: Row) => `a ${table.replace(/_/g, ' ')} record${typeof r.id === 'string' ? ` (${r.id.slice(0, 8)})` : ''}`))(db, row);
        places.push(`${redactWith(all, record)} (field ${column}, characters ${at.start + 1}–${at.end})`);
        if (places.length >= limit) return places;
      }
    }
  }
  return places;
}
