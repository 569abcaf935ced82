/**
 * The hub: a PostgreSQL database reached with `pg`. Comparanda creates and upgrades the hub's schema with its own
 * numbered migrations (hub/migrations), each in one transaction under an advisory lock, so two `hub init` at once
 * cannot interleave. Passwords never come from the command line: from PGPASSFILE (read by `pg`) or a password file.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ApiError } from '../../../contract/errors';
import { localError } from '../../../contract/i18n/format';
import { migrationsDir } from '../../paths';

/** The hub format this build reads and writes: the number of its last hub migration. */
export const HUB_VERSION = 1;

const LOCK = 0x436f6d70;

export interface HubOptions {
  url: string;
  passwordFile?: string | undefined;
}

/** The hub's migrations ship with the project's, in migrations/hub (a folder the project migrations skip). */
function hubMigrationsDir(): string {
  return path.join(migrationsDir(), 'hub');
}

/** The URL without any password: what the project stores and what messages show. */
export function publicUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    throw localError('VALIDATION_FAILED', 'errorsTeam.notPostgresAddress', { url, example: 'postgres://user@host:5432/database' });
  }
}

export async function connect(options: HubOptions): Promise<pg.Client> {
  const url = new URL(publicUrl(options.url));
  if (new URL(options.url).password) {
    throw localError('VALIDATION_FAILED', 'errorsTeam.passwordInAddress', { variable: 'PGPASSFILE', option: '--password-file' });
  }
  const config: pg.ClientConfig = { connectionString: url.toString(), connectionTimeoutMillis: 10_000 };
  if (options.passwordFile) config.password = fs.readFileSync(options.passwordFile, 'utf8').replace(/\r?\n$/, '');
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw hubError(error, 'reach', { host: url.host });
  }
  return client;
}

/** What was being done when the hub failed: a key of errorsTeam.hubUnavailable, so each language words it. */
export type HubDoing = 'reach' | 'members' | 'upgrade' | 'push' | 'pull' | 'documents' | 'read' | 'create' | 'join' | 'remove';

/** A hub error as a sentence: the codes raised by the hub's functions say what happened. */
export function hubError(error: unknown, doing: HubDoing, values?: { host?: string; version?: number }): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'CP403':
      return localError('NOT_A_MEMBER', 'errorsTeam.notAMember', { message: e.message ?? '' }, { cause: error });
    case 'CP404':
      return localError('NOT_FOUND', 'errorsTeam.teamNotFound', { message: e.message ?? '' }, { cause: error });
    case 'CP401':
      return localError('NOT_A_MEMBER', 'errorsTeam.keyRejected', { message: e.message ?? '' }, { cause: error });
    case 'CP409':
      return localError('CONFLICT', 'errorsTeam.otherVersion', { message: e.message ?? '' }, { cause: error });
    default:
      return localError('HUB_UNAVAILABLE', 'errorsTeam.hubUnavailable', { ...values, doing, message: e.message ?? String(error) }, { cause: error });
  }
}

async function hubVersion(client: pg.Client): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('comparanda_hub_migrations') IS NOT NULL AS ok`);
  if (!(exists.rows[0] as { ok: boolean }).ok) return 0;
  const result = await client.query('SELECT coalesce(max(version), 0) AS v FROM comparanda_hub_migrations');
  return Number((result.rows[0] as { v: number }).v);
}

/** Creates or upgrades the hub's schema; returns the versions applied. */
export async function initHub(options: HubOptions): Promise<{ from: number; to: number }> {
  const client = await connect(options);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS comparanda_hub_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    // Members read the hub's format (to refuse a mismatch with a sentence); everything else goes through functions.
    await client.query('GRANT SELECT ON comparanda_hub_migrations TO PUBLIC');
    const from = await hubVersion(client);
    if (from > HUB_VERSION) {
      throw localError('PROJECT_FROM_NEWER_VERSION', 'errorsTeam.hubNewer', { version: from, supported: HUB_VERSION });
    }
    const dir = hubMigrationsDir();
    const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
    for (const file of files) {
      const version = Number(file.slice(0, 4));
      if (version <= from) continue;
      await client.query('BEGIN');
      try {
        await client.query(fs.readFileSync(path.join(dir, file), 'utf8'));
        await client.query('INSERT INTO comparanda_hub_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw hubError(error, 'upgrade', { version });
      }
    }
    return { from, to: HUB_VERSION };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Refuses a hub that is not initialised or is on another hub format, with what to do. */
export async function requireHubVersion(client: pg.Client): Promise<void> {
  const version = await hubVersion(client);
  if (version === 0) throw localError('NOT_FOUND', 'errorsTeam.notAHub', { command: 'comparanda hub init --url URL' });
  if (version > HUB_VERSION) throw localError('PROJECT_FROM_NEWER_VERSION', 'errorsTeam.hubNewer', { version, supported: HUB_VERSION });
  if (version < HUB_VERSION) throw localError('CONFLICT', 'errorsTeam.hubOlder', { version, supported: HUB_VERSION, command: 'comparanda hub init --url URL' });
}
