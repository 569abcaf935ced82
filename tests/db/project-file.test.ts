import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError, type ErrorCode } from '../../electron/contract/errors';
import { Backups } from '../../electron/core/backups';
import { loadMigrations, migrate } from '../../electron/core/db/migrate';
import { inspectProjectFile } from '../../electron/core/db/project-file';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../electron/core/db/schema-version';
import { migrationsDir } from '../../electron/core/paths';
import { Project } from '../../electron/core/project';
import { listDir, sha256, tempDir } from '../helpers/temp';

function newProject(dir: string, name = 'p.comparanda'): string {
  const file = path.join(dir, name);
  Project.create(file).close();
  return file;
}

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return undefined;
}

/** Expects opening `file` to be refused with `code`, leaving its bytes and its folder exactly as they were. */
function expectRefused(file: string, code: ErrorCode, messagePart: RegExp): void {
  const dir = path.dirname(file);
  const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha256(file) : undefined;
  const filesBefore = listDir(dir);
  let error: unknown;
  try {
    Project.open(file).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  expect((error as ApiError).message).toMatch(messagePart);
  if (before) expect(sha256(file)).toBe(before);
  expect(listDir(dir)).toEqual(filesBefore);
}

describe('creating a project', () => {
  it('writes a SQLite file marked as a Comparanda project at the current format, in WAL mode with foreign keys on', () => {
    const dir = tempDir();
    const file = newProject(dir);
    expect(listDir(dir)).toEqual(['p.comparanda']);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const project = Project.open(file);
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(project.summary()).toMatchObject({ title: 'p', schemaVersion: SCHEMA_VERSION, counts: { cases: 0, norms: 0, stages: 4, cells: 0 } });
    const [framework] = project.overview().frameworks;
    expect(framework?.isDefault).toBe(true);
    expect(framework?.stages.map((s) => s.label)).toEqual(['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation']);
    expect(framework?.stages.find((s) => s.label === 'Reconstitution')?.asksMode).toBe(true);
    expect(framework?.statuses.map((s) => s.key)).toEqual(['not-reached', 'reached', 'partial', 'contested', 'unclear', 'no-data']);
    project.close();
  });

  it('refuses to overwrite an existing file', () => {
    const dir = tempDir();
    const file = newProject(dir);
    const before = sha256(file);
    expect(codeOf(() => Project.create(file))).toBe('FILE_EXISTS');
    expect(sha256(file)).toBe(before);
  });

  it('leaves nothing behind when filling the new project fails (all or nothing)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.comparanda');
    expect(() =>
      Project.create(file, {
        fill: () => {
          throw new Error('disk on fire');
        },
      }),
    ).toThrow('disk on fire');
    expect(listDir(dir)).toEqual([]);
  });

  it('folds the WAL into the file on close, so a closed project is one file', () => {
    const dir = tempDir();
    const file = newProject(dir);
    const project = Project.open(file);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    project.close();
    expect(listDir(dir)).toEqual(['p.comparanda']);
  });
});

describe('opening what is not a current project', () => {
  it('refuses a project from a newer version of Comparanda and does not change it', () => {
    const dir = tempDir();
    const file = newProject(dir);
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefused(file, 'PROJECT_FROM_NEWER_VERSION', /newer version of Comparanda.*Update Comparanda/);
  });

  it('refuses a text file renamed .comparanda', () => {
    const file = path.join(tempDir(), 'notes.comparanda');
    fs.writeFileSync(file, 'Interview notes, Almaty, 2016.\n'.repeat(20));
    expectRefused(file, 'NOT_SQLITE', /not a SQLite database/);
  });

  it('refuses an empty file', () => {
    const file = path.join(tempDir(), 'empty.comparanda');
    fs.writeFileSync(file, '');
    expectRefused(file, 'NOT_SQLITE', /not a Comparanda project/);
  });

  it('refuses a SQLite database that is not a project', () => {
    const file = path.join(tempDir(), 'other.comparanda');
    const raw = new Database(file);
    raw.exec('CREATE TABLE contacts (name TEXT)');
    raw.close();
    expectRefused(file, 'NOT_A_PROJECT', /SQLite database but not a Comparanda project/);
  });

  it('refuses a truncated project', () => {
    const dir = tempDir();
    const file = newProject(dir);
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, 'cut.comparanda');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(cut, 'PROJECT_CORRUPT', /truncated/);
  });

  it('refuses a missing file and a folder', () => {
    const dir = tempDir();
    expectRefused(path.join(dir, 'nope.comparanda'), 'FILE_NOT_FOUND', /does not exist/);
    const folder = path.join(dir, 'folder.comparanda');
    fs.mkdirSync(folder);
    expectRefused(folder, 'NOT_A_PROJECT', /folder/);
  });

  it('inspects without creating -wal or -shm files', () => {
    const dir = tempDir();
    const file = newProject(dir);
    expect(inspectProjectFile(file)).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect(listDir(dir)).toEqual(['p.comparanda']);
  });

  it('reads a project read-only without changing a byte or leaving files behind', () => {
    const dir = tempDir();
    const file = newProject(dir);
    const before = sha256(file);
    const project = Project.open(file, { readonly: true });
    expect(project.counts().stages).toBe(4);
    expect(() => project.db.exec("UPDATE project SET title = 'x'")).toThrow(/readonly|query_only/i);
    project.close();
    expect(sha256(file)).toBe(before);
    expect(listDir(dir)).toEqual(['p.comparanda']);
  });
});

describe('migrations', () => {
  it('ships exactly SCHEMA_VERSION numbered migrations', () => {
    const migrations = loadMigrations(migrationsDir());
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  function migrationsFolder(files: Record<string, string>): string {
    const dir = tempDir();
    for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
    return dir;
  }

  it('refuses gaps, duplicates, stray names and a count the build does not expect', () => {
    expect(() => loadMigrations(migrationsFolder({ '0001_a.sql': '', '0003_c.sql': '' }))).toThrow(/without gaps/);
    expect(() => loadMigrations(migrationsFolder({ '0001_a.sql': '', '0001_b.sql': '' }))).toThrow(/without gaps or duplicates/);
    expect(() => loadMigrations(migrationsFolder({ '0001_a.sql': '', 'notes.sql': '' }))).toThrow(/does not look like/);
    const shipped = Object.fromEntries(loadMigrations(migrationsDir()).map((m) => [m.name, m.sql]));
    const next = `${String(SCHEMA_VERSION + 1).padStart(4, '0')}_next.sql`;
    expect(() => loadMigrations(migrationsFolder({ ...shipped, [next]: 'SELECT 1;' }))).toThrow(new RegExp(`expects ${SCHEMA_VERSION} migrations`));
  });

  it('applies each migration in its own transaction: a failing one leaves the file at the last whole version', () => {
    const file = path.join(tempDir(), 'm.sqlite');
    const db = new Database(file);
    const real = loadMigrations(migrationsDir());
    const failing = { version: SCHEMA_VERSION + 1, name: 'next_bad.sql', sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);' };
    let error: unknown;
    try {
      migrate(db, [...real, failing]);
    } catch (e) {
      error = e;
    }
    expect((error as ApiError).code).toBe('MIGRATION_FAILED');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('migrates a real format-1 project (committed fixture) to the current format, keeping every cell', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(path.join(__dirname, '../fixtures/projects/format-1-sample.comparanda'), file);
    expect(inspectProjectFile(file).schemaVersion).toBe(1);
    const before = sha256(file);
    // Its copy as it was goes to the backups given (by default the user-data folder's), before anything is written.
    const backups = new Backups(path.join(dir, 'backups'));
    const project = Project.open(file, { backups });
    expect(project.migration).toEqual({ from: 1, to: SCHEMA_VERSION, backup: backups.list(file)[0]!.file });
    expect(sha256(project.migration!.backup)).toBe(before);
    expect(project.summary()).toMatchObject({ schemaVersion: SCHEMA_VERSION, counts: { cases: 2, norms: 2, stages: 4, cells: 8 } });
    expect(project.cells().every((c) => c.summary.length > 0)).toBe(true);
    expect(project.db.pragma('foreign_key_check')).toEqual([]);
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    project.close();
  });

  it('does not migrate a project whose copy as it was cannot be kept', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(path.join(__dirname, '../fixtures/projects/format-1-sample.comparanda'), file);
    const before = sha256(file);
    // The backups folder cannot be made: a file stands where it would go.
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    expect(codeOf(() => Project.open(file, { backups: new Backups(path.join(dir, 'backups')) }))).toBe('PROJECT_UNREADABLE');
    expect(sha256(file)).toBe(before);
    expect(listDir(dir)).toEqual(['backups', 'old.comparanda']);
  });

  it('migrates a project saved at an older format forward when it is opened', () => {
    // Format 0 is "created but never migrated": the oldest state a project file can be in.
    const file = path.join(tempDir(), 'old.comparanda');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.close();
    const project = Project.open(file);
    expect(project.summary().schemaVersion).toBe(SCHEMA_VERSION);
    project.close();
  });
});
