/**
 * The hub: a PostgreSQL database reached with `pg`. Comparanda creates and upgrades the hub's schema with its own
 * numbered migrations (hub/migrations), each in one transaction under an advisory lock, so two `hub init` at once
 * cannot interleave. Passwords never come from the command line: from PGPASSFILE (read by `pg`) or a password file.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ApiError } from '../../../contract/errors';
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
    throw new ApiError('VALIDATION_FAILED', `"${url}" is not a PostgreSQL address. Give one like postgres://user@host:5432/database.`);
  }
}

export async function connect(options: HubOptions): Promise<pg.Client> {
  const url = new URL(publicUrl(options.url));
  if (new URL(options.url).password) {
    throw new ApiError('VALIDATION_FAILED', 'Put the hub password in PGPASSFILE or a --password-file, never in the address: addresses end up in shell histories and process lists.');
  }
  const config: pg.ClientConfig = { connectionString: url.toString(), connectionTimeoutMillis: 10_000 };
  if (options.passwordFile) config.password = fs.readFileSync(options.passwordFile, 'utf8').replace(/\r?\n$/, '');
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw hubError(error, `The hub at ${url.host} cannot be reached`);
  }
  return client;
}

/** A hub error as a sentence: the codes raised by the hub's functions say what happened. */
export function hubError(error: unknown, doing: string): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'CP403':
      return new ApiError('NOT_A_MEMBER', `${e.message} Ask the team's owner to add you again; nothing was sent or received.`, { cause: error });
    case 'CP404':
      return new ApiError('NOT_FOUND', `${e.message} Check the team id and the hub address.`, { cause: error });
    case 'CP401':
      return new ApiError('NOT_A_MEMBER', `${e.message} Ask the team for its invitation key file again.`, { cause: error });
    case 'CP409':
      return new ApiError('CONFLICT', `${e.message} Every member must use the same version of Comparanda; update, then sync again.`, { cause: error });
    default:
      return new ApiError('HUB_UNAVAILABLE', `${doing}: ${e.message ?? String(error)}. Nothing was lost: sync again when the hub is reachable.`, { cause: error });
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
      throw new ApiError('PROJECT_FROM_NEWER_VERSION', `This hub has format ${from}, newer than this Comparanda reads (${HUB_VERSION}). Update Comparanda.`);
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
        throw hubError(error, `Upgrading the hub to format ${version} failed and was rolled back`);
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
  if (version === 0) throw new ApiError('NOT_FOUND', 'This database is not a Comparanda hub yet. Run "comparanda hub init --url URL" first.');
  if (version > HUB_VERSION) throw new ApiError('PROJECT_FROM_NEWER_VERSION', `This hub has format ${version}, newer than this Comparanda reads (${HUB_VERSION}). Update Comparanda.`);
  if (version < HUB_VERSION) throw new ApiError('CONFLICT', `This hub has format ${version}; this Comparanda needs ${HUB_VERSION}. Run "comparanda hub init --url URL" to upgrade it.`);
}
