/**
 * Where in a project an identity is recorded: every text field of every record is read (the pages of documents
 * last, since they are the bulk), and each place is named as a researcher finds it — the record, the field, the
 * characters — with any identity in the description itself replaced by a pseudonym.
 */
import type Database from 'better-sqlite3';
import type { CatalogueText, TextValue } from '../../contract/errors';
import { textOf } from '../../contract/i18n/format';
import { redactWith, textTables, type Identity } from './identities';
import { Haystack } from './match';

type Row = Record<string, unknown>;
type Describe = (db: Database.Database, row: Row) => CatalogueText;

const one = (db: Database.Database, sql: string, ...params: unknown[]): Row | undefined => db.prepare(sql).get(...params) as Row | undefined;

function sourceTitle(db: Database.Database, id: unknown): CatalogueText {
  const title = one(db, 'SELECT title FROM sources WHERE id = ?', id)?.title;
  return typeof title === 'string' && title ? textOf('errorsPrivacy.titled', { title }) : textOf('errorsPrivacy.untitled');
}

function cellName(db: Database.Database, id: unknown): CatalogueText {
  const row = one(
    db,
    `SELECT ca.name AS c, coalesce(nullif(n.short_label, ''), n.label) AS n, s.label AS s FROM cells x
     JOIN cases ca ON ca.id = x.case_id JOIN norms n ON n.id = x.norm_id JOIN stages s ON s.id = x.stage_id WHERE x.id = ?`,
    id,
  );
  return row ? textOf('errorsPrivacy.cell', { name: `${String(row.c)} · ${String(row.n)} · ${String(row.s)}` }) : textOf('errorsPrivacy.someCell');
}

/** How each table's records are named; a table not listed is named generically. */
const DESCRIBE: Record<string, Describe> = {
  project: () => textOf('errorsPrivacy.project'),
  cases: (_db, r) => textOf('errorsPrivacy.case', { name: String(r.name) }),
  norms: (_db, r) => textOf('errorsPrivacy.norm', { label: String(r.short_label || r.label) }),
  stages: (_db, r) => textOf('errorsPrivacy.stage', { label: String(r.label) }),
  cells: (db, r) => cellName(db, r.id),
  sources: (db, r) => textOf('errorsPrivacy.source', { source: sourceTitle(db, r.id) }),
  documents: (db, r) => textOf('errorsPrivacy.document', { file: String(r.file_name), source: sourceTitle(db, r.source_id) }),
  document_pages: (db, r) => {
    const doc = one(db, 'SELECT file_name FROM documents WHERE id = ?', r.document_id);
    return textOf('errorsPrivacy.documentPage', { number: String(r.number), file: String(doc?.file_name ?? '?') });
  },
  excerpts: (db, r) =>
    r.locator ? textOf('errorsPrivacy.excerptAt', { source: sourceTitle(db, r.source_id), locator: String(r.locator) }) : textOf('errorsPrivacy.excerpt', { source: sourceTitle(db, r.source_id) }),
  memos: (_db, r) => textOf('errorsPrivacy.memo', { type: String(r.target_type), id: String(r.target_id).slice(0, 8) }),
  participants: (_db, r) => textOf('errorsPrivacy.participant', { pseudonym: String(r.pseudonym) }),
  claims: (_db, r) =>
    r.date ? textOf('errorsPrivacy.claim', { date: String(r.date), claimant: String(r.claimant) }) : textOf('errorsPrivacy.claimUndated', { claimant: String(r.claimant) }),
  elections: (_db, r) => textOf('errorsPrivacy.election', { date: String(r.date) }),
  missions: (db, r) => {
    const e = one(db, 'SELECT date FROM elections WHERE id = ?', r.election_id);
    return textOf('errorsPrivacy.mission', { date: String(e?.date ?? '?') });
  },
  audit_log: (_db, r) => textOf('errorsPrivacy.auditEntry', { id: String(r.id), at: String(r.at) }),
  views: (_db, r) => textOf('errorsPrivacy.view', { name: String(r.name) }),
  codes: (_db, r) => textOf('errorsPrivacy.code', { name: String(r.name) }),
};

const generic = (table: string, r: Row): CatalogueText =>
  typeof r.id === 'string'
    ? textOf('errorsPrivacy.recordId', { table: table.replace(/_/g, ' '), id: r.id.slice(0, 8) })
    : textOf('errorsPrivacy.record', { table: table.replace(/_/g, ' ') });

/** Every string a message is made of, at any depth, redacted: a record's name may itself hold an identity. */
function redactText(all: readonly Identity[], text: CatalogueText): CatalogueText {
  if (!text.values) return text;
  const values: Record<string, TextValue> = {};
  for (const [key, value] of Object.entries(text.values)) {
    values[key] = typeof value === 'string' ? redactWith(all, value) : typeof value === 'object' && !Array.isArray(value) && 'id' in value ? redactText(all, value) : value;
  }
  return { id: text.id, values };
}

/** Read after the records a researcher edits: the history of changes, then the bulk of document text. */
const LAST = ['audit_log', 'document_pages'];

/**
 * Up to `limit` places where `identity` is recorded: "the claim of 2012-04-25 by [P-03] (field statement, characters
 * 12–25)", as catalogue messages. Descriptions are redacted with `all`, since a record's name may itself hold an
 * identity.
 */
export function locateInProjectText(db: Database.Database, identity: Identity, all: readonly Identity[], limit: number): CatalogueText[] {
  const tables = textTables(db).sort((a, b) => LAST.indexOf(a.name) - LAST.indexOf(b.name) || a.name.localeCompare(b.name));
  const places: CatalogueText[] = [];
  // The shortest form of the identity that can match (its letters without spaces): shorter values cannot hold it.
  const shortest = identity.needle.tight?.length ?? identity.needle.spaced.length;
  for (const { name: table, columns } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as IterableIterator<Row>) {
      for (const column of columns) {
        const value = row[column];
        if (typeof value !== 'string' || value.length < shortest) continue;
        const [at] = new Haystack(value).find(identity.needle, 1);
        if (!at) continue;
        const record = (DESCRIBE[table] ?? ((_db: Database.Database, r: Row) => generic(table, r)))(db, row);
        places.push(textOf('errorsPrivacy.place', { record: redactText(all, record), column, from: String(at.start + 1), to: String(at.end) }));
        if (places.length >= limit) return places;
      }
    }
  }
  return places;
}

