/**
 * Issue 13, finding 10: a project file is data, not code. A file whose schema was changed outside Comparanda (an added
 * trigger that deletes evidence links, a changed trigger, an added view or table, a missing index) is refused before
 * anything runs, `comparanda check` lists the differences, and an older-format or damaged file is described in a
 * sentence rather than an "unexpected error".
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/db/schema-version';
import { applyKey } from '../../electron/core/db/project-file';
import { normaliseSql } from '../../electron/core/db/schema-check';
import * as edit from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { undoTo } from '../helpers/undo-formats';
import { listDir, sha256, tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';
import { cli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');
const FORMAT_1 = path.join(root, 'tests', 'fixtures', 'projects', 'format-1-sample.comparanda');
const PASS = 'correct horse battery staple';
/** What formats 7 and later added, taken away again to make an older project. */
const UNDO_REFI_GUIDS = undoTo(6);

/** The trigger of the finding: every edit of a cell's summary silently unlinks the cell's evidence. */
const HOSTILE_TRIGGER = `CREATE TRIGGER cells_tidy AFTER UPDATE OF summary ON cells BEGIN DELETE FROM excerpt_cells WHERE cell_id = NEW.id; END`;

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build:node (the CLI runs from dist/).');
});



/** Changes a closed project's schema the way a foreign tool would: a plain SQLite connection, no Comparanda. */
function tamper(file: string, sql: string, passphrase?: string): void {
  const db = new Database(file);
  if (passphrase !== undefined) applyKey(db, passphrase);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function sample(options: { passphrase?: string } = {}): string {
  const dir = tempDir();
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file, options);
  return file;
}

const linkCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM excerpt_cells').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('a project whose schema was changed outside Comparanda', () => {
  it('is refused by every open, naming the trigger, before the trigger can run; check lists it and exits 1', () => {
    const file = sample();
    tamper(file, HOSTILE_TRIGGER);
    const links = linkCount(file);
    expect(links).toBeGreaterThan(0);
    const before = sha256(file);

    const session = new Session(path.join(tempDir(), 'ud'));
    const refused = errorOf(() => session.open(file));
    expect(refused.code).toBe('PROJECT_SCHEMA_ALTERED');
    expect(refused.message).toMatch(/"sample\.comparanda" was changed outside Comparanda: .*an added trigger cells_tidy.*Restore it from a backup, or run "comparanda check"/);
    expect(errorOf(() => session.open(file, undefined, { readonly: true })).code).toBe('PROJECT_SCHEMA_ALTERED');
    expect(errorOf(() => Project.open(file, { readonly: true })).code).toBe('PROJECT_SCHEMA_ALTERED');
    expect(sha256(file)).toBe(before);
    expect(linkCount(file)).toBe(links);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);

    const dir = path.dirname(file);
    for (const command of [['info', file], ['search', file, 'commissions'], ['export', file, '--data', 'claims']]) {
      const result = cli(command, dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/was changed outside Comparanda: .*trigger cells_tidy/);
    }
    const check = cli(['check', file], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^structure: trigger cells_tidy is not made by Comparanda$/m);
    expect(check.stderr).toMatch(/was changed outside Comparanda/);
    const json = JSON.parse(cli(['check', file, '--json'], dir).stdout);
    expect(json).toMatchObject({ ok: false, integrity: [], foreignKeys: [], schema: [{ change: 'added', type: 'trigger', name: 'cells_tidy' }] });
    expect(sha256(file)).toBe(before);
  });

  it('is refused for a changed trigger, an added view or table and a missing index, each named; an untouched project opens', () => {
    const file = sample();
    const project = Project.open(file);
    expect(project.db.pragma('trusted_schema', { simple: true })).toBe(0);
    project.close();

    tamper(
      file,
      `DROP TRIGGER cells_au;
       CREATE TRIGGER cells_au AFTER UPDATE OF summary, memo ON cells BEGIN DELETE FROM memos; END;
       CREATE VIEW everything AS SELECT * FROM cells;
       CREATE TABLE notes (x);
       DROP INDEX audit_log_at;`,
    );
    const refused = errorOf(() => Project.open(file));
    expect(refused.message).toMatch(/a changed trigger cells_au/);
    expect(refused.message).toMatch(/an added view everything/);
    expect(refused.message).toMatch(/an added table notes/);
    expect(refused.message).toMatch(/a missing index audit_log_at/);
    const check = cli(['check', file], path.dirname(file));
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').filter((l) => l.startsWith('structure: ')).sort()).toEqual([
      'structure: index audit_log_at is missing',
      'structure: table notes is not made by Comparanda',
      'structure: trigger cells_au is changed from what Comparanda made',
      'structure: view everything is not made by Comparanda',
    ]);
  });

  it('is refused when encrypted too, with the passphrase', () => {
    const file = sample({ passphrase: PASS });
    tamper(file, HOSTILE_TRIGGER, PASS);
    expect(errorOf(() => Project.open(file, { passphrase: PASS })).code).toBe('PROJECT_SCHEMA_ALTERED');
    expect(errorOf(() => Project.open(file, { passphrase: PASS, readonly: true })).code).toBe('PROJECT_SCHEMA_ALTERED');
    // Untouched, an encrypted project still opens and edits as before (the search triggers run with trusted_schema OFF).
    const clean = sample({ passphrase: PASS });
    const project = Project.open(clean, { passphrase: PASS });
    const o = project.overview();
    edit.updateCell(project, { caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[0]!.id, patch: { summary: 'still indexed' } });
    project.close();
    // An encrypted project one format behind (format 4: the same, without the audit trail and marked identifiers) is compared with format 4's
    // schema, shown read-only through an updated copy, and migrated when opened for editing.
    tamper(clean, `DROP TABLE participant_identifiers; DROP TABLE audit_log; ${UNDO_REFI_GUIDS} PRAGMA user_version = 4;`, PASS);
    const before = sha256(clean);
    const readonly = Project.open(clean, { passphrase: PASS, readonly: true });
    expect(readonly.summary()).toMatchObject({ schemaVersion: 4, encrypted: true, readonlyReason: 'older-format', counts: { cells: 14 } });
    readonly.close();
    expect(sha256(clean)).toBe(before);
    const upgraded = Project.open(clean, { passphrase: PASS });
    expect(upgraded.summary().schemaVersion).toBe(SCHEMA_VERSION);
    upgraded.close();
  });

  it('is refused in an older format before it is migrated (the file stays as it was); untouched, it opens and migrates', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(FORMAT_1, file);
    tamper(file, `CREATE TRIGGER cells_blank AFTER UPDATE ON cells BEGIN UPDATE cells SET memo = '' WHERE id = NEW.id; END`);
    const before = sha256(file);
    expect(errorOf(() => new Session(path.join(dir, 'ud')).open(file)).message).toMatch(/an added trigger cells_blank/);
    expect(sha256(file)).toBe(before);
    expect(listDir(dir).filter((f) => f.startsWith('old.'))).toEqual(['old.comparanda']);

    const clean = path.join(dir, 'clean.comparanda');
    fs.copyFileSync(FORMAT_1, clean);
    const readonly = Project.open(clean, { readonly: true });
    expect(readonly.summary()).toMatchObject({ schemaVersion: 1, readonlyReason: 'older-format', counts: { cells: 8 } });
    readonly.close();
    const project = Project.open(clean);
    expect(project.summary().schemaVersion).toBe(SCHEMA_VERSION);
    project.close();
  });
});

describe('check and info on a file that is not as expected', () => {
  it('describe an older format in a sentence, and do not change it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(FORMAT_1, file);
    const before = sha256(file);
    const info = cli(['info', file], dir);
    expect(info).toMatchObject({ code: 0, stderr: '' });
    expect(info.stdout).toMatch(new RegExp(`format {3}1, older than this app's ${SCHEMA_VERSION}, shown as updated in a private copy \\(the file is unchanged\\)`));
    const check = cli(['check', file], dir);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toMatch(new RegExp(`is in project format 1, older than this app's ${SCHEMA_VERSION}`));
    expect(check.stdout).toMatch(/no problems found/);
    expect(sha256(file)).toBe(before);
    expect(listDir(dir).filter((f) => f.startsWith('old.'))).toEqual(['old.comparanda']);
  });

  it('say that a file with a damaged page in the middle is damaged, instead of "unexpected error"', () => {
    const file = sample();
    const fd = fs.openSync(file, 'r+');
    const pageSize = 4096;
    const pages = fs.statSync(file).size / pageSize;
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xde), 0, pageSize, Math.floor(pages / 2) * pageSize);
    fs.closeSync(fd);
    const dir = path.dirname(file);
    const check = cli(['check', file], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^integrity: /m);
    expect(check.stderr).not.toMatch(/unexpected error/);
    expect(check.stderr).toMatch(/problem\(s\); restore a backup/);
    for (const command of [['info', file], ['export', file, '--data', 'elections'], ['matrix', file, '--norm', 'all']]) {
      const result = cli(command, dir);
      expect(result.stderr).not.toMatch(/unexpected error/);
    }
  });

  it('say that a truncated file is truncated', () => {
    const file = sample();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const check = cli(['check', file], path.dirname(file));
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/is truncated: it holds \d+ bytes of the \d+ it should\. Restore it from a backup/);
  });
});

describe('the schema comparison', () => {
  it('ignores layout, comments and quoting of names, and not the text of a literal', () => {
    expect(normaliseSql(`CREATE TABLE "a" (\n  x TEXT -- note\n, y  INT /* c */ )`)).toBe(normaliseSql('create table a(x text,y int)'));
    expect(normaliseSql("CREATE TABLE a (x DEFAULT 'A')")).not.toBe(normaliseSql("CREATE TABLE a (x DEFAULT 'a')"));
  });
});
