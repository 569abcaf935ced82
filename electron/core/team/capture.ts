/**
 * Change capture: SQLite triggers on every synced table write one outbox record per changed field, whatever wrote
 * it (an edit, undo, an import, a document import, erasing an identity). The committing edit then stamps its records
 * with one action id and a clock each, inside its own transaction (History.beforeCommit); writes made outside the
 * undo journal are stamped by the next edit or sync, with the wall time their trigger recorded.
 *
 * The triggers are generated from the live column lists when a project joins a team and checked again on every open,
 * so a column added by a later migration is captured too. Tables of real identities have none: they never travel.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { PARENT_FIRST, TABLE_KEYS } from '../history';
import { nextClock } from './clock';

/** Every table whose rows travel, parents before children, with its key columns. */
export const SYNCED_KEYS: Record<string, readonly string[]> = {
  ...TABLE_KEYS,
  documents: ['id'],
  document_pages: ['document_id', 'number'],
  document_files: ['document_id'],
};

export const SYNCED_ORDER: readonly string[] = [
  ...PARENT_FIRST.slice(0, PARENT_FIRST.indexOf('sources') + 1),
  'documents',
  'document_pages',
  'document_files',
  ...PARENT_FIRST.slice(PARENT_FIRST.indexOf('sources') + 1),
];

/** Never synced, whatever a later change to the lists above says. */
export const NEVER_SYNCED = new Set(['participant_identities', 'participant_identifiers', 'audit_log', 'citation_cache', 'project']);

/** The pseudo-field of a deleted row (value 1) or a row (re)inserted (value 0). */
export const DELETED = '$deleted';

/** Document bytes travel as an encrypted blob: the outbox holds no copy, the push reads the row. */
const BLOB_COLUMNS: Record<string, string> = { document_files: 'bytes' };

const TRIGGER_PREFIX = 'team_capture_';
const NOW_MS = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
const ACTIVE = `(SELECT capturing FROM team_config WHERE id = 1) = 1`;

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function keyJson(table: string, side: 'new' | 'old'): string {
  return `json_object(${SYNCED_KEYS[table]!.map((k) => `'${k}', ${side}.${q(k)}`).join(', ')})`;
}

function valueOf(table: string, column: string, side: 'new' | 'old'): string {
  return BLOB_COLUMNS[table] === column ? 'NULL' : `${side}.${q(column)}`;
}

/** The CREATE TRIGGER statements for one table (insert, update, delete). */
export function triggerSql(db: Database.Database, table: string): string[] {
  const cols = columns(db, table);
  const insertOne = (field: string, value: string, side: 'new' | 'old') =>
    `SELECT '${table}', ${keyJson(table, side)}, '${field}', ${value}, ${NOW_MS}`;
  const onInsert = [insertOne(DELETED, '0', 'new'), ...cols.map((c) => insertOne(c, valueOf(table, c, 'new'), 'new'))].join(' UNION ALL ');
  const onUpdate = cols
    .map((c) => `${insertOne(c, valueOf(table, c, 'new'), 'new')} WHERE old.${q(c)} IS NOT new.${q(c)}`)
    .join(' UNION ALL ');
  const keyChanged = SYNCED_KEYS[table]!.map((k) => `old.${q(k)} IS NOT new.${q(k)}`).join(' OR ');
  const into = 'INSERT INTO team_outbox (tbl, row_key, field, value, at_ms)';
  return [
    `CREATE TRIGGER ${TRIGGER_PREFIX}${table}_i AFTER INSERT ON ${q(table)} WHEN ${ACTIVE} BEGIN ${into} ${onInsert}; END`,
    // A changed key is a delete of the old row and an insert of the new one.
    `CREATE TRIGGER ${TRIGGER_PREFIX}${table}_u AFTER UPDATE ON ${q(table)} WHEN ${ACTIVE} BEGIN ` +
      `${into} ${insertOne(DELETED, '1', 'old')} WHERE ${keyChanged}; ` +
      `${into} ${insertOne(DELETED, '0', 'new')} WHERE ${keyChanged}; ` +
      `${into} ${onUpdate}; END`,
    `CREATE TRIGGER ${TRIGGER_PREFIX}${table}_d AFTER DELETE ON ${q(table)} WHEN ${ACTIVE} BEGIN ${into} ${insertOne(DELETED, '1', 'old')}; END`,
  ];
}

/** Every capture trigger this schema gets when its project joins a team, by name (none before format 12). */
export function teamTriggers(db: Database.Database): Map<string, string> {
  const out = new Map<string, string>();
  if (!db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'team_outbox'`).get()) return out;
  for (const table of SYNCED_ORDER) {
    if (NEVER_SYNCED.has(table)) continue;
    for (const sql of triggerSql(db, table)) out.set(/CREATE TRIGGER (\S+)/.exec(sql)![1]!, sql);
  }
  return out;
}

/** Creates (or re-creates, when a table's columns changed) the capture triggers. Idempotent and cheap when current. */
export function ensureTriggers(db: Database.Database): void {
  const existing = new Map(
    (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '${TRIGGER_PREFIX}%'`).all() as { name: string; sql: string }[]).map(
      (t) => [t.name, t.sql],
    ),
  );
  const wanted = teamTriggers(db);
  const stale = [...existing].filter(([name, sql]) => wanted.get(name) !== sql).map(([name]) => name);
  const missing = [...wanted].filter(([name, sql]) => existing.get(name) !== sql);
  if (stale.length === 0 && missing.length === 0) return;
  db.transaction(() => {
    for (const name of stale) db.exec(`DROP TRIGGER ${q(name)}`);
    for (const [, sql] of missing) db.exec(sql);
  }).immediate();
}

export interface TeamConfig {
  team_id: string;
  hub_url: string;
  replica_id: string;
  team_key: Buffer;
  cursor: number;
  clock: string;
  last_sync_at: string | null;
}

export function teamConfig(db: Database.Database): TeamConfig | undefined {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'team_config'`).get();
  if (!hasTable) return undefined;
  return db.prepare('SELECT team_id, hub_url, replica_id, team_key, cursor, clock, last_sync_at FROM team_config WHERE id = 1').get() as TeamConfig | undefined;
}

interface Unstamped {
  seq: number;
  tbl: string;
  row_key: string;
  field: string;
  at_ms: number;
}

/**
 * Gives every unstamped outbox record one action id, its own clock and the cursor it was made at, and folds it into
 * the merge state: a local change knows every version this replica holds, so it becomes the field's only head.
 * Runs inside the committing transaction (or the sync's).
 */
export function stampOutbox(db: Database.Database): number {
  const config = teamConfig(db);
  if (!config) return 0;
  const rows = db.prepare('SELECT seq, tbl, row_key, field, at_ms FROM team_outbox WHERE clock IS NULL ORDER BY seq').all() as Unstamped[];
  if (rows.length === 0) return 0;
  const action = crypto.randomUUID();
  let clock = config.clock;
  const stamp = db.prepare('UPDATE team_outbox SET action_id = ?, clock = ?, seen = ? WHERE seq = ?');
  const valueOfRecord = db.prepare('SELECT value FROM team_outbox WHERE seq = ?').pluck();
  const setHeads = db.prepare(
    `INSERT INTO team_fields (tbl, row_key, field, heads) VALUES (?, ?, ?, ?)
     ON CONFLICT (tbl, row_key, field) DO UPDATE SET heads = excluded.heads`,
  );
  for (const row of rows) {
    clock = nextClock(clock, Math.max(row.at_ms, 0), config.replica_id);
    stamp.run(action, clock, config.cursor, row.seq);
    const head: Head = { c: clock, a: config.replica_id, s: null, n: config.cursor, v: storedValue(valueOfRecord.get(row.seq)) };
    setHeads.run(row.tbl, row.row_key, row.field, JSON.stringify([head]));
    const kind = ARCHIVABLE.has(row.tbl) ? rowKind(row.field, head.v) : undefined;
    if (kind) setHeads.run(row.tbl, row.row_key, '*', JSON.stringify([{ ...head, v: kind }]));
  }
  db.prepare('UPDATE team_config SET clock = ? WHERE id = 1').run(clock);
  return rows.length;
}

/** One version of a field as the merge state keeps it. */
export interface Head {
  /** Clock (also the change id). */
  c: string;
  /** Author replica. */
  a: string;
  /** Hub sequence, once known. */
  s: number | null;
  /** The hub cursor its author had applied when making it. */
  n: number;
  /** The value (blobs as { blob: address }). */
  v: StoredValue;
}

export type StoredValue = string | number | null | { b64: string } | { blob: string };

export function storedValue(value: unknown): StoredValue {
  if (Buffer.isBuffer(value)) return { b64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as string | number | null;
}

export function sqliteValue(value: StoredValue): unknown {
  if (value !== null && typeof value === 'object' && 'b64' in value) return Buffer.from(value.b64, 'base64');
  return value;
}

/** The tables whose rows can be archived: only they can have archive-versus-edit conflicts. */
export const ARCHIVABLE = new Set(['cases', 'norms', 'stages', 'cells']);

/** Bookkeeping fields say nothing about what a researcher did to a row: they do not count as edits of it. */
const BOOKKEEPING = new Set(['updated_at', 'created_at', 'position', DELETED]);

/** What a change of `field` does to its row, for archive-versus-edit conflicts (undefined: not counted). */
export function rowKind(field: string, value: StoredValue): 'archive' | 'edit' | undefined {
  if (field === 'archived_at') return value === null ? 'edit' : 'archive';
  if (BOOKKEEPING.has(field)) return undefined;
  return 'edit';
}

/** Called by History inside every committing edit: stamps the edit's records as one action. */
export function attachCapture(history: { beforeCommit: ((db: Database.Database) => void) | undefined }, db: Database.Database): void {
  if (!teamConfig(db)) return;
  ensureTriggers(db);
  history.beforeCommit = (connection) => {
    stampOutbox(connection);
  };
}
