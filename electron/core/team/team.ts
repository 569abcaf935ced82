/**
 * Creating and joining a team. The creator's project is the team's starting point: every row of every synced table
 * goes into the outbox as an insert and is pushed at once. A joining member gets a new project, emptied of the rows a
 * new project starts with, and pulls everything.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { localError } from '../../contract/i18n/format';
import { SCHEMA_VERSION } from '../db/schema-version';
import { Project } from '../project';
import { DELETED, NEVER_SYNCED, SYNCED_KEYS, SYNCED_ORDER, attachCapture, ensureTriggers, stampOutbox, teamConfig } from './capture';
import { joinVerifier, keyFromPassphrase, newTeamKey, readKeyFile, writeKeyFile } from './crypto';
import { connect, hubError, publicUrl, requireHubVersion } from './hub/hub';
import { listConflicts, type Conflict } from './merge';
import { syncDatabase, type SyncOptions, type SyncReport } from './sync';

export interface TeamOptions {
  hubUrl: string;
  passwordFile?: string | undefined;
  /** A team passphrase instead of a random key: the key is derived from it with scrypt (see crypto.ts). */
  teamPassphrase?: string | undefined;
}

/** Puts every existing row into the outbox, as its insert trigger would have. */
function snapshot(db: Database.Database): void {
  for (const table of SYNCED_ORDER) {
    if (NEVER_SYNCED.has(table)) continue;
    const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
    const key = `json_object(${SYNCED_KEYS[table]!.map((k) => `'${k}', "${k}"`).join(', ')})`;
    const now = Date.now();
    const parts = [`SELECT ${key}, '${DELETED}', 0 FROM "${table}"`, ...cols.map((c) => `SELECT ${key}, '${c}', ${table === 'document_files' && c === 'bytes' ? 'NULL' : `"${c}"`} FROM "${table}"`)];
    db.prepare(`INSERT INTO team_outbox (tbl, row_key, field, value, at_ms) SELECT '${table}', * , ${now} FROM (${parts.join(' UNION ALL ')})`).run();
  }
}

function configure(db: Database.Database, teamId: string, hubUrl: string, replicaId: string, key: Buffer): void {
  db.prepare('INSERT INTO team_config (id, team_id, hub_url, replica_id, team_key) VALUES (1, ?, ?, ?, ?)').run(teamId, publicUrl(hubUrl), replicaId, key);
  ensureTriggers(db);
}

/** Makes the open project the starting point of a new team on the hub, writes the invitation key file, and pushes. */
export async function createTeam(project: Project, keyOut: string, options: TeamOptions & SyncOptions): Promise<{ teamId: string; sync: SyncReport }> {
  if (fs.existsSync(keyOut)) throw localError('FILE_EXISTS', 'errorsInput.keyFileExists', { file: keyOut });
  {
    if (teamConfig(project.db)) throw localError('CONFLICT', 'errorsInput.alreadyInTeam', { team: teamConfig(project.db)!.team_id });
    const teamId = crypto.randomUUID();
    const replicaId = crypto.randomUUID();
    const key = options.teamPassphrase !== undefined ? keyFromPassphrase(options.teamPassphrase, teamId) : newTeamKey();
    const client = await connect({ url: options.hubUrl, passwordFile: options.passwordFile });
    try {
      await requireHubVersion(client);
      await client.query('SELECT comparanda_create_team($1, $2, $3, $4)', [teamId, SCHEMA_VERSION, joinVerifier(key, teamId), replicaId]);
    } catch (error) {
      throw hubError(error, 'create');
    } finally {
      await client.end().catch(() => undefined);
    }
    writeKeyFile(keyOut, teamId, key);
    project.db
      .transaction(() => {
        configure(project.db, teamId, options.hubUrl, replicaId, key);
        snapshot(project.db);
        stampOutbox(project.db);
      })
      .immediate();
    attachCapture(project.history, project.db);
    const sync = await syncDatabase(project.db, options);
    return { teamId, sync };
  }
}

/** Joins with the invitation key file, or (keyFile undefined) with the team passphrase in the options. */
export async function joinTeam(out: string, teamId: string, keyFile: string | undefined, options: TeamOptions & SyncOptions): Promise<SyncReport> {
  if (keyFile === undefined && options.teamPassphrase === undefined) throw localError('VALIDATION_FAILED', 'errorsInput.giveKeyOrPassphrase');
  const invitation = keyFile !== undefined ? readKeyFile(keyFile) : { teamId, key: keyFromPassphrase(options.teamPassphrase!, teamId) };
  if (invitation.teamId !== teamId) throw localError('VALIDATION_FAILED', 'errorsInput.keyForOtherTeam', { keyTeam: invitation.teamId, team: teamId });
  if (fs.existsSync(out)) throw localError('FILE_EXISTS', 'errorsInput.teamCopyExists', { file: out });
  const replicaId = crypto.randomUUID();
  const client = await connect({ url: options.hubUrl, passwordFile: options.passwordFile });
  try {
    await requireHubVersion(client);
    await client.query('SELECT comparanda_join($1, $2, $3, $4)', [teamId, joinVerifier(invitation.key, teamId), replicaId, SCHEMA_VERSION]);
  } catch (error) {
    throw hubError(error, 'join');
  } finally {
    await client.end().catch(() => undefined);
  }
  const project = Project.create(out);
  try {
    project.db
      .transaction(() => {
        project.db.pragma('defer_foreign_keys = ON');
        for (const table of [...SYNCED_ORDER].reverse()) project.db.prepare(`DELETE FROM "${table}"`).run();
        configure(project.db, teamId, options.hubUrl, replicaId, invitation.key);
      })
      .immediate();
    return await syncDatabase(project.db, options);
  } finally {
    project.close();
  }
}

/** The team's owner removes a member's role: from then on the hub refuses that role's pulls and pushes. */
export async function removeMember(teamId: string, role: string, options: TeamOptions): Promise<number> {
  const client = await connect({ url: options.hubUrl, passwordFile: options.passwordFile });
  try {
    const result = await client.query('SELECT comparanda_remove_member($1, $2) AS n', [teamId, role]);
    return (result.rows[0] as { n: number }).n;
  } catch (error) {
    throw hubError(error, 'remove');
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TeamStatus {
  teamId: string;
  hub: string;
  replicaId: string;
  cursor: number;
  lastSyncAt: string | null;
  pending: number;
  conflicts: Conflict[];
}

export function teamStatus(db: Database.Database): TeamStatus | null {
  const config = teamConfig(db);
  if (!config) return null;
  const pending = db.prepare('SELECT count(*) FROM team_outbox').pluck().get() as number;
  return { teamId: config.team_id, hub: config.hub_url, replicaId: config.replica_id, cursor: config.cursor, lastSyncAt: config.last_sync_at, pending, conflicts: listConflicts(db) };
}
