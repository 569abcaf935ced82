/**
 * Merging change records from the hub. The merge state keeps, per field, its concurrent latest versions ("heads"):
 * a change supersedes every version its author knew (its own earlier changes, and every hub change up to the cursor it
 * had applied). The value shown is always the head with the highest clock (per-field last-writer-wins); for
 * interpretive fields two or more heads with different values are a conflict, kept until someone edits the field
 * again. Both depend only on the set of changes received, not on their order, so every replica converges.
 * Rows are then written ("materialised") from the winning values, parents before children, deletions children first.
 */
import type Database from 'better-sqlite3';
import { localError } from '../../contract/i18n/format';
import { ARCHIVABLE, DELETED, SYNCED_KEYS, SYNCED_ORDER, rowKind, sqliteValue, type Head, type StoredValue } from './capture';
import { receiveClock } from './clock';

/** The interpretive fields: concurrent edits to them are listed for review instead of silently resolved. */
export const INTERPRETIVE: Record<string, readonly string[]> = {
  cells: ['status', 'summary', 'confidence'],
  claims: ['assessment', 'reasoning'],
  missions: ['verdict'],
  mission_findings: ['severity'],
};

export interface RemoteChange {
  seq: number;
  author: string;
  clock: string;
  t: string;
  k: string;
  f: string;
  v: StoredValue;
  n: number;
}

/** Whether `head` is known to the author of `change` (so the change supersedes it). */
function known(head: Head, change: { a: string; c: string; n: number }): boolean {
  return (head.a === change.a && head.c < change.c) || (head.s !== null && head.s <= change.n);
}

function winner(heads: Head[]): Head {
  return heads.reduce((best, h) => (h.c > best.c ? h : best));
}

function keyWhere(table: string): string {
  return SYNCED_KEYS[table]!.map((k) => `"${k}" = @${k}`).join(' AND ');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

/**
 * Applies one page of hub changes, in hub order, and moves the cursor past them: all in the caller's transaction,
 * so a crash leaves the page either wholly applied or not at all. `blobs` holds the decrypted document bytes the
 * page's rows need.
 */
export function applyChanges(db: Database.Database, replica: string, changes: RemoteChange[], blobs: Map<string, Buffer>): void {
  if (changes.length === 0) return;
  const read = db.prepare('SELECT heads FROM team_fields WHERE tbl = ? AND row_key = ? AND field = ?').pluck();
  const write = db.prepare(
    `INSERT INTO team_fields (tbl, row_key, field, heads) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_key, field) DO UPDATE SET heads = excluded.heads`,
  );
  const cache = new Map<string, { t: string; k: string; f: string; heads: Head[] }>();
  const headsOf = (t: string, k: string, f: string) => {
    const id = `${t}\u0000${k}\u0000${f}`;
    let entry = cache.get(id);
    if (!entry) {
      const text = read.get(t, k, f) as string | undefined;
      entry = { t, k, f, heads: text ? (JSON.parse(text) as Head[]) : [] };
      cache.set(id, entry);
    }
    return entry;
  };
  const touched = new Map<string, { t: string; k: string }>();
  let clock = (db.prepare('SELECT clock FROM team_config WHERE id = 1').pluck().get() as string) ?? '';

  for (const change of changes) {
    if (!(change.t in SYNCED_KEYS)) {
      throw localError('CONFLICT', 'errorsTeam.unknownTable', { table: change.t });
    }
    const kind = ARCHIVABLE.has(change.t) ? rowKind(change.f, change.v) : undefined;
    const fields = kind ? [change.f, '*'] : [change.f];
    for (const field of fields) {
      const entry = headsOf(change.t, change.k, field);
      if (change.author === replica) {
        // Our own change back from the hub: it now has a sequence number, which later changes may have seen.
        for (const h of entry.heads) if (h.c === change.clock) h.s = change.seq;
        continue;
      }
      if (entry.heads.some((h) => h.c === change.clock)) continue;
      const head: Head = { c: change.clock, a: change.author, s: change.seq, n: change.n, v: field === '*' ? kind! : change.v };
      entry.heads = [...entry.heads.filter((h) => !known(h, head)), head];
    }
    if (change.author !== replica) touched.set(`${change.t}\u0000${change.k}`, { t: change.t, k: change.k });
    clock = receiveClock(clock, change.clock, replica);
  }
  for (const e of cache.values()) write.run(e.t, e.k, e.f, JSON.stringify(e.heads));

  db.prepare('UPDATE team_config SET capturing = 0 WHERE id = 1').run();
  db.pragma('defer_foreign_keys = ON');
  materialise(db, [...touched.values()], blobs);
  db.prepare('UPDATE team_config SET capturing = 1, cursor = ?, clock = ? WHERE id = 1').run(changes.at(-1)!.seq, clock);
}

/** Writes each touched row as its winning values say: deleted, updated field by field, or inserted. */
function materialise(db: Database.Database, rows: { t: string; k: string }[], blobs: Map<string, Buffer>): void {
  const fieldsOf = db.prepare(`SELECT field, heads FROM team_fields WHERE tbl = ? AND row_key = ? AND field <> '*'`);
  const plans = rows.map((row) => {
    const values = new Map<string, unknown>();
    for (const f of fieldsOf.all(row.t, row.k) as { field: string; heads: string }[]) {
      const heads = JSON.parse(f.heads) as Head[];
      if (heads.length === 0) continue;
      const v = winner(heads).v;
      if (v !== null && typeof v === 'object' && 'blob' in v) {
        const bytes = blobs.get(v.blob);
        if (!bytes) throw localError('HUB_UNAVAILABLE', 'errorsTeam.documentNotOnHub');
        values.set(f.field, bytes);
      } else values.set(f.field, sqliteValue(v));
    }
    return { ...row, key: JSON.parse(row.k) as Record<string, unknown>, values, rank: SYNCED_ORDER.indexOf(row.t) };
  });
  const deletions = plans.filter((p) => p.values.get(DELETED) === 1).sort((a, b) => b.rank - a.rank);
  for (const p of deletions) db.prepare(`DELETE FROM "${p.t}" WHERE ${keyWhere(p.t)}`).run(p.key);

  // Within a table, rows being archived go before rows coming back: a cell leaving its place in the matrix frees it
  // for the one returning to it (a duplicate settled by swapping them).
  const leaving = (p: (typeof plans)[number]) => (p.values.has('archived_at') && p.values.get('archived_at') !== null ? 0 : 1);
  const writes = plans.filter((p) => p.values.get(DELETED) !== 1).sort((a, b) => a.rank - b.rank || leaving(a) - leaving(b));
  // Stages and status levels hold one place each in their framework: their places are settled after the rows are
  // written (below), so a row first goes to a free temporary place, never onto another row's.
  const placed = new Map<string, Set<string>>();
  let parking = 0;
  for (const p of writes) {
    const group = PLACED[p.t];
    let plan = p;
    if (group && p.values.has('position')) {
      const current = db.prepare(`SELECT "${group}" FROM "${p.t}" WHERE ${keyWhere(p.t)}`).pluck().get(p.key) as string | undefined;
      const values = new Map(p.values);
      if (current === undefined) values.set('position', PARKED - ++parking);
      else values.delete('position');
      plan = { ...p, values };
      const framework = String(p.values.get(group) ?? current);
      if (!placed.has(p.t)) placed.set(p.t, new Set());
      placed.get(p.t)!.add(framework);
    }
    try {
      writeRow(db, plan);
    } catch (error) {
      if (p.t !== 'cells' || (error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      settleDuplicateCell(db, plan);
    }
  }
  for (const [table, frameworks] of placed) for (const framework of frameworks) settlePlaces(db, table, framework);
}

/** Tables whose rows hold a unique place (`position`) within a group, by the group's column. */
const PLACED: Record<string, string> = { stages: 'framework_id', status_levels: 'framework_id' };
/** Temporary places, far below any real one (real places count from 1). */
const PARKED = -2_000_000;

/**
 * Gives every row of one framework its place from what the team says: rows ordered by the place their winning
 * version asks for, ties (two laptops inserting at the same place) broken by row key, then numbered 1…n. The order
 * depends only on the merged values, so every replica reaches the same one; two stages inserted at the same place
 * both stay, side by side.
 */
function settlePlaces(db: Database.Database, table: string, framework: string): void {
  const keys = SYNCED_KEYS[table]!;
  const rows = db.prepare(`SELECT rowid AS rid, position, json_object(${keys.map((k) => `'${k}', "${k}"`).join(', ')}) AS k FROM "${table}" WHERE "${PLACED[table]}" = ?`).all(framework) as {
    rid: number;
    position: number;
    k: string;
  }[];
  const heads = db.prepare(`SELECT heads FROM team_fields WHERE tbl = ? AND row_key = ? AND field = 'position'`).pluck();
  const wanted = rows.map((r) => {
    const text = heads.get(table, r.k) as string | undefined;
    const list = text ? (JSON.parse(text) as Head[]) : [];
    const v = list.length > 0 ? winner(list).v : null;
    return { ...r, want: typeof v === 'number' ? v : r.position };
  });
  wanted.sort((x, y) => x.want - y.want || (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  if (wanted.every((r, i) => r.position === i + 1)) return;
  const move = db.prepare(`UPDATE "${table}" SET position = ? WHERE rowid = ?`);
  wanted.forEach((r, i) => move.run(PARKED - 1_000_000 - i, r.rid));
  wanted.forEach((r, i) => move.run(i + 1, r.rid));
}

type Plan = { t: string; k: string; key: Record<string, unknown>; values: Map<string, unknown> };

/**
 * Two laptops filled the same empty cell offline: two rows, one live slot. On every replica the row with the smaller
 * id stays live and the other is kept archived (as of its creation), so all converge and nothing is lost; the archived
 * one shows in the cell's archive and in the conflicts list.
 */
function settleDuplicateCell(db: Database.Database, p: Plan): void {
  const slot = db
    .prepare('SELECT id, created_at FROM cells WHERE norm_id = ? AND case_id = ? AND stage_id = ? AND archived_at IS NULL')
    .get(p.values.get('norm_id'), p.values.get('case_id'), p.values.get('stage_id')) as { id: string; created_at: string } | undefined;
  if (!slot) throw localError('CONFLICT', 'errorsTeam.cellNotPlaced');
  if (slot.id < String(p.key.id)) {
    writeRow(db, { ...p, values: new Map([...p.values, ['archived_at', p.values.get('created_at')]]) });
  } else {
    db.prepare('UPDATE cells SET archived_at = created_at WHERE id = ?').run(slot.id);
    writeRow(db, p);
  }
}

/** Updates the row's changed columns, or inserts it once its insert records have all arrived. */
function writeRow(db: Database.Database, p: Plan): void {
  {
    const columns = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(p.t) as { name: string }[]).map((c) => c.name));
    const current = db.prepare(`SELECT * FROM "${p.t}" WHERE ${keyWhere(p.t)}`).get(p.key) as Record<string, unknown> | undefined;
    const wanted = [...p.values].filter(([c]) => columns.has(c));
    if (current) {
      const changed = wanted.filter(([c, v]) => !sameValue(current[c], v));
      if (changed.length === 0) return;
      const params = Object.fromEntries([...Object.entries(p.key).map(([c, v]) => [c, v] as const), ...changed.map(([, v], i) => [`v${i}`, v] as const)]);
      db.prepare(`UPDATE "${p.t}" SET ${changed.map(([c], i) => `"${c}" = @v${i}`).join(', ')} WHERE ${keyWhere(p.t)}`).run(params);
      return;
    }
    if (p.values.get(DELETED) !== 0) return;
    try {
      db.prepare(`INSERT INTO "${p.t}" (${wanted.map(([c]) => `"${c}"`).join(', ')}) VALUES (${wanted.map((_, i) => `@v${i}`).join(', ')})`).run(
        Object.fromEntries(wanted.map(([, v], i) => [`v${i}`, v])),
      );
    } catch (error) {
      // The rest of the row is in a later page of the same pull: it is written when that page is applied.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_NOTNULL') return;
      throw error;
    }
  }
}

export interface Conflict {
  table: string;
  rowKey: Record<string, unknown>;
  /** The field; "row" for an archive on one replica while another edited the row; "duplicate" for a cell filled on two. */
  field: string;
  shown: { value: StoredValue; author: string; clock: string };
  kept: { value: StoredValue; author: string; clock: string }[];
}

/** Every open conflict, in a stable order (the same on every replica once they have synced). */
export function listConflicts(db: Database.Database): Conflict[] {
  const rows = db.prepare(`SELECT tbl, row_key, field, heads FROM team_fields WHERE json_array_length(heads) > 1 ORDER BY tbl, row_key, field`).all() as {
    tbl: string;
    row_key: string;
    field: string;
    heads: string;
  }[];
  const out: Conflict[] = [];
  for (const row of rows) {
    const heads = JSON.parse(row.heads) as Head[];
    const interpretive = row.field === '*' ? heads.some((h) => h.v === 'archive') && heads.some((h) => h.v === 'edit') : INTERPRETIVE[row.tbl]?.includes(row.field);
    if (!interpretive) continue;
    if (row.field !== '*' && new Set(heads.map((h) => JSON.stringify(h.v))).size < 2) continue;
    const shown = winner(heads);
    const view = (h: Head) => ({ value: h.v, author: h.a, clock: h.c });
    out.push({
      table: row.tbl,
      rowKey: JSON.parse(row.row_key) as Record<string, unknown>,
      field: row.field === '*' ? 'row' : row.field,
      shown: view(shown),
      kept: heads.filter((h) => h !== shown).sort((a, b) => (a.c < b.c ? 1 : -1)).map(view),
    });
  }
  // Cells filled on two laptops at once: the one archived by settleDuplicateCell (its own records say live).
  const parked = db
    .prepare(
      `SELECT c.id, c.summary, f.heads, (SELECT l.summary FROM cells l WHERE l.norm_id = c.norm_id AND l.case_id = c.case_id AND l.stage_id = c.stage_id AND l.archived_at IS NULL) AS live
       FROM cells c JOIN team_fields f ON f.tbl = 'cells' AND f.row_key = json_object('id', c.id) AND f.field = 'archived_at'
       WHERE c.archived_at IS NOT NULL ORDER BY c.id`,
    )
    .all() as { id: string; summary: string; heads: string; live: string | null }[];
  for (const row of parked) {
    const heads = JSON.parse(row.heads) as Head[];
    if (heads.length === 0 || winner(heads).v !== null || row.live === null) continue;
    const h = winner(heads);
    out.push({ table: 'cells', rowKey: { id: row.id }, field: 'duplicate', shown: { value: row.live, author: '', clock: '' }, kept: [{ value: row.summary, author: h.a, clock: h.c }] });
  }
  return out;
}
