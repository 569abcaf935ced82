import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { localError } from '../../contract/i18n/format';
import { SCHEMA_VERSION } from './schema-version';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Reads the numbered migrations. Refuses gaps, duplicates, stray names and a folder that holds more (or fewer)
 * migrations than this build knows, since any of those means the app and its resources are out of step.
 */
export function loadMigrations(dir: string): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql') && f !== 'schema.sql');
  const migrations = files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file name "${file}" does not look like 0001_name.sql.`);
    return { version: Number(match[1]), name: file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3... without gaps or duplicates; found ${m.name} at place ${i + 1}.`);
    }
  });
  if (migrations.length !== SCHEMA_VERSION) {
    throw new Error(`This build expects ${SCHEMA_VERSION} migrations but ${dir} holds ${migrations.length}.`);
  }
  return migrations;
}

/**
 * Brings a project up to SCHEMA_VERSION, one migration per transaction, each setting `user_version` inside its
 * own transaction so a crash leaves the file at a whole version. Returns the versions applied.
 */
export function migrate(db: Database.Database, migrations: Migration[]): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw localError(
      'PROJECT_FROM_NEWER_VERSION',
      'errors.newerFormat',
      { found: String(current), supported: String(SCHEMA_VERSION) },
    );
  }
  const applied: number[] = [];
  // SQLite's way to rebuild a table that others reference (to change a CHECK constraint): foreign keys off, so
  // dropping the old table does not cascade; they are checked below. The pragma only takes effect outside a transaction.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      const run = db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      });
      try {
        run.immediate();
      } catch (error) {
        throw localError(
          'MIGRATION_FAILED',
          'errors.migrationFailed',
          { version: String(migration.version), name: migration.name, reason: (error as Error).message },
          { cause: error },
        );
      }
      applied.push(migration.version);
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  // A migration that rebuilt tables is checked for broken references. An ordinary open is not: foreign keys are
  // enforced on every write, and the check reads every row of every table (the text of every page of every document:
  // over a second on a large project, before its first screen). "comparanda check" runs it on demand.
  if (applied.length === 0) return applied;
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) {
    throw localError('PROJECT_CORRUPT', 'errors.brokenReferences', { count: problems.length, command: 'comparanda check' });
  }
  return applied;
}
