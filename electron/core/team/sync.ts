/**
 * One sync: stamp what the outbox still holds, push it (one hub transaction), then pull from the cursor page by page,
 * each page applied in one SQLite transaction together with the cursor. A crash anywhere loses nothing: an
 * unacknowledged push is sent again (the hub stores a clock once), a page not committed is pulled again.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { localError } from '../../contract/i18n/format';
import { SCHEMA_VERSION } from '../db/schema-version';
import { recordedIdentities, redactWith } from '../privacy/identities';
import { pausePoint } from '../test-pause';
import { stampOutbox, storedValue, teamConfig, type StoredValue, type TeamConfig } from './capture';
import { blobAddress, open, seal } from './crypto';
import { connect, hubError, requireHubVersion } from './hub/hub';
import { applyChanges, listConflicts, type RemoteChange } from './merge';

export const PAGE = 5000;

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number | null;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  bytesSent: number;
  bytesReceived: number;
  cursor: number;
  conflicts: number;
}

export interface SyncOptions {
  passwordFile?: string | undefined;
  /** Changes per pulled page (each page is one local transaction). */
  pageSize?: number | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  /** Stops between steps: before the push commits (rolled back, sent again next time) and between pulled pages. */
  signal?: AbortSignal | undefined;
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw localError('CONFLICT', 'errorsTeam.syncCancelled');
}

export function requireTeam(db: Database.Database): TeamConfig {
  const config = teamConfig(db);
  if (!config) throw localError('CONFLICT', 'errorsTeam.notInTeam', { create: 'comparanda team create', join: 'comparanda team join' });
  return config;
}

interface OutboxRow {
  seq: number;
  tbl: string;
  row_key: string;
  field: string;
  value: unknown;
  action_id: string;
  clock: string;
  seen: number;
}

function associated(teamId: string, clock: string): string {
  return `${teamId}|${clock}`;
}

/** Real identities never leave the laptop: a value that contains one stops the push, with where it is. */
function refuseIdentities(db: Database.Database, rows: OutboxRow[]): void {
  const identities = recordedIdentities(db);
  if (identities.length === 0) return;
  for (const row of rows) {
    if (typeof row.value !== 'string') continue;
    if (redactWith(identities, row.value) === row.value) continue;
    const found = identities.find((i) => redactWith([i], row.value as string) !== row.value)!;
    throw localError('IDENTITY_IN_OUTPUT', 'errorsTeam.identityUnsent', {
      kind: found.kind === 'real name' ? 'real' : found.kind,
      pseudonym: found.pseudonym,
      field: row.field.replace(/_/g, ' '),
      record: row.tbl.replace(/_/g, ' ').replace(/s$/, ''),
    });
  }
}

async function push(db: Database.Database, client: pg.Client, config: TeamConfig, options: SyncOptions): Promise<{ count: number; bytes: number }> {
  db.transaction(() => stampOutbox(db)).immediate();
  const rows = db.prepare('SELECT seq, tbl, row_key, field, value, action_id, clock, seen FROM team_outbox WHERE clock IS NOT NULL ORDER BY seq').all() as OutboxRow[];
  if (rows.length === 0) return { count: 0, bytes: 0 };
  refuseIdentities(db, rows);
  options.onProgress?.({ phase: 'push', done: 0, total: rows.length });
  const blobs = new Map<string, Buffer>();
  const fileBytes = db.prepare('SELECT bytes FROM document_files WHERE document_id = ?').pluck();
  const clocks: string[] = [];
  const bodies: Buffer[] = [];
  let bytes = 0;
  for (const row of rows) {
    let value: StoredValue = storedValue(row.value);
    if (row.tbl === 'document_files' && row.field === 'bytes') {
      const file = fileBytes.get((JSON.parse(row.row_key) as { document_id: string }).document_id) as Buffer | undefined;
      if (file) {
        const address = blobAddress(config.team_key, file);
        if (!blobs.has(address)) blobs.set(address, seal(config.team_key, file, associated(config.team_id, `blob:${address}`)));
        value = { blob: address };
      }
    }
    const plain = Buffer.from(JSON.stringify({ t: row.tbl, k: row.row_key, f: row.field, v: value, a: row.action_id, n: row.seen }), 'utf8');
    const body = seal(config.team_key, plain, associated(config.team_id, row.clock));
    clocks.push(row.clock);
    bodies.push(body);
    bytes += body.length + row.clock.length;
  }
  stopIfCancelled(options.signal);
  try {
    await client.query('BEGIN');
    for (const [address, body] of blobs) {
      await client.query('SELECT comparanda_put_blob($1, $2, $3)', [config.team_id, address, body]);
      bytes += body.length + address.length;
    }
    await client.query('SELECT comparanda_push($1, $2, $3, $4, $5)', [config.team_id, config.replica_id, SCHEMA_VERSION, clocks, bodies]);
    pausePoint('team-push-before-commit');
    stopIfCancelled(options.signal);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw hubError(error, 'push');
  }
  pausePoint('team-push-after-commit');
  const last = rows.at(-1)!.seq;
  db.prepare('DELETE FROM team_outbox WHERE seq <= ? AND clock IS NOT NULL').run(last);
  options.onProgress?.({ phase: 'push', done: rows.length, total: rows.length });
  return { count: rows.length, bytes };
}

async function pull(db: Database.Database, client: pg.Client, config: TeamConfig, options: SyncOptions): Promise<{ count: number; bytes: number; cursor: number }> {
  let cursor = (db.prepare('SELECT cursor FROM team_config WHERE id = 1').pluck().get() as number) ?? 0;
  let count = 0;
  let bytes = 0;
  const pageSize = options.pageSize ?? PAGE;
  for (;;) {
    stopIfCancelled(options.signal);
    let result: pg.QueryResult;
    try {
      result = await client.query('SELECT seq, author, clock, body FROM comparanda_pull($1, $2, $3)', [config.team_id, cursor, pageSize]);
    } catch (error) {
      throw hubError(error, 'pull');
    }
    const page = result.rows as { seq: string; author: string; clock: string; body: Buffer }[];
    if (page.length === 0) break;
    const changes: RemoteChange[] = page.map((r) => {
      bytes += r.body.length + r.clock.length;
      const record = JSON.parse(open(config.team_key, r.body, associated(config.team_id, r.clock)).toString('utf8')) as { t: string; k: string; f: string; v: StoredValue; n: number };
      return { seq: Number(r.seq), author: r.author, clock: r.clock, ...record };
    });
    const blobs = await fetchBlobs(db, client, config, changes);
    for (const b of blobs.values()) bytes += b.length;
    stopIfCancelled(options.signal);
    pausePoint('team-pull-before-apply');
    db.transaction(() => applyChanges(db, config.replica_id, changes, blobs)).immediate();
    pausePoint('team-pull-after-apply');
    cursor = changes.at(-1)!.seq;
    // This copy's own changes come back too (to learn their sequence numbers); they are not news.
    count += changes.filter((c) => c.author !== config.replica_id).length;
    options.onProgress?.({ phase: 'pull', done: count, total: null });
    if (page.length < pageSize) break;
  }
  return { count, bytes, cursor };
}

/** The document bytes a page's rows will need: those it names, and those earlier pages named for the same rows. */
async function fetchBlobs(db: Database.Database, client: pg.Client, config: TeamConfig, changes: RemoteChange[]): Promise<Map<string, Buffer>> {
  const wanted = new Set<string>();
  const earlier = db.prepare(`SELECT heads FROM team_fields WHERE tbl = 'document_files' AND row_key = ? AND field = 'bytes'`).pluck();
  for (const c of changes) {
    if (c.t !== 'document_files') continue;
    if (c.v !== null && typeof c.v === 'object' && 'blob' in c.v) wanted.add(c.v.blob);
    const text = earlier.get(c.k) as string | undefined;
    for (const h of text ? (JSON.parse(text) as { v: StoredValue }[]) : []) if (h.v !== null && typeof h.v === 'object' && 'blob' in h.v) wanted.add(h.v.blob);
  }
  const out = new Map<string, Buffer>();
  if (wanted.size === 0) return out;
  let result: pg.QueryResult;
  try {
    result = await client.query('SELECT address, body FROM comparanda_get_blobs($1, $2)', [config.team_id, [...wanted]]);
  } catch (error) {
    throw hubError(error, 'documents');
  }
  for (const row of result.rows as { address: string; body: Buffer }[]) {
    out.set(row.address, open(config.team_key, row.body, associated(config.team_id, `blob:${row.address}`)));
  }
  return out;
}

/** Pushes then pulls; returns what moved. */
export async function syncDatabase(db: Database.Database, options: SyncOptions = {}): Promise<SyncReport> {
  const config = requireTeam(db);
  const client = await connect({ url: config.hub_url, passwordFile: options.passwordFile });
  try {
    try {
      await requireHubVersion(client);
    } catch (error) {
      throw hubError(error, 'read');
    }
    const pushed = await push(db, client, config, options);
    const pulled = await pull(db, client, config, options);
    db.prepare('UPDATE team_config SET last_sync_at = ? WHERE id = 1').run(new Date().toISOString());
    return { pushed: pushed.count, pulled: pulled.count, bytesSent: pushed.bytes, bytesReceived: pulled.bytes, cursor: pulled.cursor, conflicts: listConflicts(db).length };
  } finally {
    await client.end().catch(() => undefined);
  }
}
