import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CellDto, CellEvidenceCount, CheckReportDto, ProjectCounts, ProjectOverview, ProjectSummary } from '../contract/api';
import { ApiError } from '../contract/errors';
import { localError } from '../contract/i18n/format';
import { Backups } from './backups';
import type { CheckRows } from './db/db-worker';
import { checkInWorker, copyEncryptedInWorker } from './db/in-worker';
import { applyKey, closeProjectDatabase, createProjectDatabase, openProjectDatabase, openProjectDatabaseReadOnly, privateCopyOf, type OpenOptions } from './db/project-file';
import { schemaDifferences } from './db/schema-check';
import { SCHEMA_VERSION } from './db/schema-version';
import { nowIso, stmt } from './db/statements';
import { discardTemp, fsyncDir, fsyncFile, publish, tempNameBeside } from './db/temp-files';
import { History } from './history';
import { defaultUserDataDir, migrationsDir } from './paths';
import { registerIdentitySource, unregisterIdentitySource } from './privacy/gate';
import { recordedIdentities } from './privacy/identities';
import { listAttributes, listCases } from './repos/cases';
import { listCells } from './repos/cells';
import { ARTICLE_FRAMEWORK, insertFramework, listFrameworks } from './repos/frameworks';
import { localiseFramework, localiseSeededDimensions } from './project-language';
import type { Language } from '../contract/i18n/languages';
import { listNorms } from './repos/norms';
import { listViews } from './repos/views';
import { attachCapture } from './team/capture';
import { pausePoint } from './test-pause';

export const APP_NAME = 'Comparanda';
export const APP_VERSION = '0.1.0';

export interface CreateOptions extends OpenOptions {
  title?: string | undefined;
  /** The language of the fixed words the project starts with (framework, statuses, dimensions); English if unset. */
  language?: Language | undefined;
  /** Fills the new project inside the creating transaction (the sample builder uses it). */
  fill?: ((db: Database.Database) => void) | undefined;
}

export interface ProjectOpenOptions extends OpenOptions {
  readonly?: boolean | undefined;
  /** Where the copy of an older-format project is kept before it is migrated; default: the user-data folder's. */
  backups?: Backups | undefined;
}

/** What opening did to an older-format project: from which format it was updated, and where its copy as it was is. */
export interface Migration {
  from: number;
  to: number;
  backup: string;
}

/** Each count of the overview: its key, the table it counts, and whether only live (unarchived) rows count. */
const COUNTED: readonly (readonly [keyof ProjectCounts, string, boolean])[] = [
  ['cases', 'cases', true],
  ['norms', 'norms', true],
  ['stages', 'stages', true],
  ['cells', 'cells', true],
  ['frameworks', 'frameworks', false],
  ['views', 'views', false],
  ['sources', 'sources', false],
  ['documents', 'documents', false],
  ['excerpts', 'excerpts', false],
  ['codes', 'codes', false],
  ['codings', 'excerpt_codes', false],
  ['memos', 'memos', false],
  ['participants', 'participants', false],
  ['elections', 'elections', false],
  ['missions', 'missions', false],
  ['claims', 'claims', false],
  ['regionalNorms', 'regional_norms', false],
  ['indicators', 'indicator_values', false],
];

const NO_COUNTS = Object.fromEntries(COUNTED.map(([key]) => [key, 0])) as unknown as ProjectCounts;

/**
 * The passphrase of each open encrypted project, for the worker thread that copies it (db/in-worker.ts) to open a
 * connection of its own: kept outside the object, so that nothing that lists, logs or serialises a project meets
 * it, and dropped with the project. (SQLite holds the key derived from it for as long as the project is open anyway.)
 */
const PASSPHRASES = new WeakMap<Project, string>();

function keyed(project: Project, passphrase: string | undefined): Project {
  if (passphrase !== undefined) PASSPHRASES.set(project, passphrase);
  return project;
}

function titleFromPath(file: string): string {
  return path.basename(file).replace(/\.comparanda$/i, '');
}

/** One open project file. All reads and writes of a project go through this object. */
export class Project {
  private closed = false;
  /** Whether the file keeps its counts in project_counts (format 15 on); learnt at the first `counts()`. */
  private keptCounts: boolean | undefined;
  /** Undo and redo of this session's edits. */
  readonly history: History;
  /** Set when opening updated the project from an older format. */
  migration: Migration | undefined;
  /** Connections of their own reading this project meanwhile (copyTo and checkInBackground in a worker, readingSnapshot). */
  private elsewhere = 0;

  private constructor(
    /** The connection; replaced (never while a statement runs) when a passphrase change swaps the file. */
    private connection: Database.Database,
    readonly path: string,
    readonly readonly: boolean,
    /** Whether the file is encrypted: then no copy of it (snapshot, saved copy) is ever written in plain text. */
    readonly encrypted: boolean,
    /** How the file was opened (without the passphrase), to open it again after a passphrase change. */
    private readonly options: OpenOptions,
  ) {
    this.history = new History(() => this.connection, readonly);
    // While it is open, its identities are redacted from every message and log line of this process.
    registerIdentitySource(this, () => recordedIdentities(this.connection));
  }

  get db(): Database.Database {
    return this.connection;
  }

  /**
   * Opens a project. Opened for writing, an older-format project is first copied whole into its backups (the
   * "before-migration" snapshot), then migrated; `migration` says so. Read-only, nothing is migrated or written.
   */
  static open(file: string, options: ProjectOpenOptions = {}): Project {
    const absolute = path.resolve(file);
    const { readonly, backups, passphrase, ...rest } = options;
    const encrypted = passphrase !== undefined;
    if (readonly) return keyed(new Project(openProjectDatabaseReadOnly(absolute, options), absolute, true, encrypted, rest), passphrase);
    let migration: Migration | undefined;
    const db = openProjectDatabase(absolute, {
      ...options,
      beforeMigration: (target, from) => {
        const backup = (backups ?? new Backups(path.join(defaultUserDataDir(), 'backups'))).copyClosed(target, 'before-migration');
        migration = { from, to: SCHEMA_VERSION, backup };
      },
    });
    const project = keyed(new Project(db, absolute, false, encrypted, rest), passphrase);
    project.migration = migration;
    attachCapture(project.history, db);
    return project;
  }

  /** Creates a project with the article's framework as its default, then opens it. */
  static create(file: string, options: CreateOptions = {}): Project {
    const absolute = path.resolve(file);
    createProjectDatabase(
      absolute,
      (db) => {
        stmt(db, 'INSERT INTO project (id, title, created_at, created_by_app) VALUES (1, @title, @now, @app)').run({
          title: options.title ?? titleFromPath(absolute),
          now: nowIso(),
          app: `${APP_NAME} ${APP_VERSION}`,
        });
        insertFramework(db, localiseFramework(ARTICLE_FRAMEWORK, options.language ?? 'en'));
        localiseSeededDimensions(db, options.language ?? 'en');
        options.fill?.(db);
      },
      options,
    );
    return Project.open(absolute, options);
  }

  get title(): string {
    const row = stmt(this.db, 'SELECT title FROM project WHERE id = 1').get() as { title: string } | undefined;
    return row?.title ?? titleFromPath(this.path);
  }

  /**
   * What the project holds, as its triggers keep it (format 15): one read of a small table, where counting the rows
   * read every excerpt and coding of a large project at each open.
   */
  counts(): ProjectCounts {
    // A project read as it is in an older format (no table yet), or a table short of a row, is counted row by row.
    if (!this.keepsCounts()) return this.countRows();
    const rows = stmt(this.db, 'SELECT what, n FROM project_counts').all() as { what: keyof ProjectCounts; n: number }[];
    const counts = { ...NO_COUNTS };
    let found = 0;
    for (const row of rows) {
      if (!(row.what in counts)) continue;
      counts[row.what] = row.n;
      found++;
    }
    return found === COUNTED.length ? counts : this.countRows();
  }

  private keepsCounts(): boolean {
    this.keptCounts ??= !!stmt(this.db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'project_counts'").get();
    return this.keptCounts;
  }

  /** The counts as the rows give them: what `counts()` must equal (`check` compares them). */
  countRows(): ProjectCounts {
    return stmt(this.db, `SELECT ${COUNTED.map(([key, table, live]) => `(SELECT count(*) FROM ${table}${live ? ' WHERE archived_at IS NULL' : ''}) AS ${key}`).join(',\n')}`).get() as ProjectCounts;
  }

  summary(): ProjectSummary {
    const copy = privateCopyOf(this.db);
    return {
      path: this.path,
      fileName: path.basename(this.path),
      title: this.title,
      // The file's own format, also when an older one is read through an updated private copy.
      schemaVersion: copy?.schemaVersion ?? (this.db.pragma('user_version', { simple: true }) as number),
      encrypted: this.encrypted,
      readonly: this.readonly,
      ...(copy ? { readonlyReason: copy.reason } : {}),
      counts: this.counts(),
    };
  }

  overview(): ProjectOverview {
    return {
      project: this.summary(),
      cases: listCases(this.db),
      norms: listNorms(this.db),
      frameworks: listFrameworks(this.db),
      attributes: listAttributes(this.db),
      views: listViews(this.db),
    };
  }

  /** Excerpts linked to each live cell that has any (of one norm, or all). */
  evidenceCounts(normId?: string): CellEvidenceCount[] {
    const where = normId === undefined ? '' : ' AND c.norm_id = ?';
    return stmt(
      this.db,
      `SELECT ec.cell_id AS cellId, count(*) AS excerpts FROM excerpt_cells ec JOIN cells c ON c.id = ec.cell_id
       WHERE c.archived_at IS NULL${where} GROUP BY ec.cell_id`,
    ).all(...(normId === undefined ? [] : [normId])) as CellEvidenceCount[];
  }

  cells(normId?: string): CellDto[] {
    if (normId !== undefined && !stmt(this.db, 'SELECT 1 FROM norms WHERE id = ?').get(normId)) {
      throw localError('NOT_FOUND', 'errors.normGone');
    }
    return listCells(this.db, normId);
  }

  /**
   * Writes a consistent copy of the project to `dest` with SQLite's online backup, without closing or locking
   * the open project. The copy is made under a temporary name and moved into place only when complete; it never
   * replaces an existing file.
   */
  async saveCopy(dest: string): Promise<string> {
    const target = path.resolve(dest);
    if (target === this.path) throw localError('FILE_EXISTS', 'errors.copyOverOpen');
    if (fs.existsSync(target)) throw localError('FILE_EXISTS', 'errors.nameTaken', { file: path.basename(target) });
    if (!fs.existsSync(path.dirname(target))) throw localError('FILE_NOT_FOUND', 'errors.folderNotFound', { folder: path.dirname(target) });
    const temp = tempNameBeside(target);
    try {
      await this.copyTo(temp);
      publish(temp, target);
    } catch (error) {
      discardTemp(temp);
      if (error instanceof ApiError) throw error;
      throw localError('PROJECT_UNREADABLE', 'errors.copyNotWritten', { target, reason: (error as Error).message }, { cause: error });
    }
    return target;
  }

  /**
   * Runs `read` on a connection of its own that sees the project as it is when called, whatever this one writes
   * meanwhile: for long reads that let the event loop in between their statements (the REFI-QDA export), so that the
   * window's edits neither wait for them nor reach them half-way. Closed when `read` ends.
   */
  async readingSnapshot<T>(read: (snapshot: Project) => Promise<T>): Promise<T> {
    const snapshot = Project.open(this.db.name, { ...this.options, passphrase: PASSPHRASES.get(this), readonly: true });
    this.elsewhere++;
    try {
      snapshot.db.exec('BEGIN');
      // A read transaction's snapshot is taken at its first read.
      snapshot.db.prepare('SELECT count(*) FROM project').get();
      return await read(snapshot);
    } finally {
      this.elsewhere--;
      if (snapshot.db.inTransaction) snapshot.db.exec('COMMIT');
      snapshot.close();
    }
  }

  /**
   * A consistent copy of the open project in a new file. An encrypted project is copied with VACUUM INTO, which
   * writes the copy encrypted with the same key (the online backup API cannot copy between cipher settings).
   */
  async copyTo(file: string): Promise<void> {
    if (!this.encrypted) return void (await this.db.backup(file));
    // In a worker thread with a connection of its own (db/in-worker.ts); on this one where none can run.
    const passphrase = PASSPHRASES.get(this);
    if (passphrase !== undefined) {
      this.elsewhere++;
      try {
        if (await copyEncryptedInWorker({ source: this.db.name, passphrase, nativeBinding: this.options.nativeBinding }, file)) return;
      } finally {
        this.elsewhere--;
      }
    }
    this.db.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  }

  /**
   * Changes an encrypted project's passphrase without ever leaving a file that neither passphrase opens: a copy
   * re-encrypted with the new one is made beside the project, flushed to disk, and swapped in by one atomic rename
   * while the project is briefly closed. A crash before the rename leaves the project as it was (old passphrase) and a
   * temporary file the next open removes; after it, the new file is whole. (Re-keying the file in place, as SQLite3MC's
   * rekey does, rewrites every page under a journal that only a read-write connection with the right key can roll
   * back: a crash in the middle locked the researcher out.)
   */
  changePassphrase(current: string, next: string): void {
    if (!this.encrypted) throw localError('VALIDATION_FAILED', 'errors.notEncryptedNoChange');
    if (this.readonly) throw localError('READ_ONLY', 'errors.readOnlyNoRekey');
    const probe = new Database(this.path, { readonly: true, fileMustExist: true, ...this.binding() });
    try {
      applyKey(probe, current);
      probe.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw localError('WRONG_PASSPHRASE', 'errors.wrongCurrentPassphrase');
    } finally {
      probe.close();
    }
    const temp = tempNameBeside(this.path);
    let closed = false;
    try {
      // VACUUM INTO writes the copy encrypted with the current key (from its first byte); only the copy is re-keyed.
      this.connection.exec(`VACUUM INTO '${temp.replace(/'/g, "''")}'`);
      pausePoint('rekey:copied');
      const copy = new Database(temp, { fileMustExist: true, ...this.binding() });
      try {
        applyKey(copy, current);
        copy.pragma('journal_mode = DELETE');
        copy.pragma(`rekey = '${next.replace(/'/g, "''")}'`);
        copy.pragma('journal_mode = WAL');
      } finally {
        copy.close();
      }
      fsyncFile(temp);
      pausePoint('rekey:rekeyed');
      // The project closes so its WAL is folded in and removed: a -wal left beside the new file would be read into it.
      this.connection.pragma('wal_checkpoint(TRUNCATE)');
      this.connection.close();
      closed = true;
      if (fs.existsSync(`${this.path}-wal`) || fs.existsSync(`${this.path}-shm`)) {
        throw localError('PROJECT_IN_USE', 'errors.rekeyInUse', { file: path.basename(this.path) });
      }
      pausePoint('rekey:closed');
      fs.renameSync(temp, this.path);
      fsyncDir(path.dirname(this.path));
      pausePoint('rekey:renamed');
    } catch (error) {
      discardTemp(temp);
      if (closed) this.connection = openProjectDatabase(this.path, { ...this.options, passphrase: current });
      if (error instanceof ApiError) throw error;
      if ((error as { code?: string }).code === 'SQLITE_FULL') {
        throw localError('DISK_FULL', 'errors.rekeyDiskFull', undefined, { cause: error });
      }
      throw localError('PROJECT_UNREADABLE', 'errors.rekeyFailed', { reason: (error as Error).message }, { cause: error });
    }
    this.connection = openProjectDatabase(this.path, { ...this.options, passphrase: next });
    PASSPHRASES.set(this, next);
  }

  private binding(): { nativeBinding?: string } {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }

  /**
   * Writes an encrypted copy of this (plain) project: a new file, encrypted from its first byte, built by the same
   * migrations and filled from this one. The plain original stays as it is (deleting it is the researcher's call): an
   * older-format project, opened read-only, is updated in the copy only.
   */
  encryptCopy(dest: string, passphrase: string, options: OpenOptions = {}): string {
    if (this.encrypted) throw localError('VALIDATION_FAILED', 'errors.alreadyEncrypted');
    const target = path.resolve(dest);
    if (target === this.path) throw localError('FILE_EXISTS', 'errors.encryptedCopyNew');
    const schemaVersion = this.db.pragma('user_version', { simple: true }) as number;
    if (!this.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
    createProjectDatabase(
      target,
      (db) => {
        db.pragma('defer_foreign_keys = ON');
        const tables = (
          db.prepare(`SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as {
            name: string;
          }[]
        )
          .map((t) => t.name)
          .filter((t) => t !== 'project_counts');
        // Rows the migrations seeded (default dimensions) are replaced by the project's own; search indexes and the
        // counts (which the copy's triggers keep, whatever order the tables come in) fill as the rows arrive.
        for (const table of tables) db.exec(`DELETE FROM main."${table}"`);
        for (const table of tables) db.exec(`INSERT INTO main."${table}" SELECT * FROM src."${table}"`);
      },
      { ...options, passphrase },
      // The file this connection reads: a private, already updated copy where the original is on read-only storage or older.
      { alias: 'src', file: this.db.name, schemaVersion },
    );
    return target;
  }

  /**
   * A full integrity check, a foreign-key check and the schema compared with the one Comparanda makes for the
   * file's format: what `comparanda check` reports. A file too damaged to check says so in `integrity`.
   */
  check(): CheckReportDto {
    return this.report(() => this.checkRows());
  }

  /**
   * The same check, its two whole-file reads (5–10 s at the benchmark's L size) done in a worker thread with a
   * connection of its own (db/in-worker.ts): the window's other calls are answered meanwhile. On this connection where
   * no worker can run.
   */
  async checkInBackground(): Promise<CheckReportDto> {
    let rows: CheckRows | null | Error;
    this.elsewhere++;
    try {
      rows = await checkInWorker({ source: this.db.name, passphrase: PASSPHRASES.get(this), nativeBinding: this.options.nativeBinding });
    } catch (error) {
      rows = error as Error;
    } finally {
      this.elsewhere--;
    }
    return this.report(() => {
      if (rows instanceof Error) throw rows;
      return rows ?? this.checkRows();
    });
  }

  private checkRows(): CheckRows {
    const integrity = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const foreignKeys = (this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
    return { integrity, foreignKeys };
  }

  /** The report from the two checks' rows (or what stopped them) and the schema and counts compared here. */
  private report(rowsOf: () => CheckRows): CheckReportDto {
    const schemaVersion = this.db.pragma('user_version', { simple: true }) as number;
    const damaged = (error: unknown): string[] => {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return [`the file is damaged: ${(error as Error).message}`];
      throw error;
    };
    let integrity: string[];
    let foreignKeys: CheckReportDto['foreignKeys'] = [];
    let schema: CheckReportDto['schema'] = [];
    try {
      ({ integrity, foreignKeys } = rowsOf());
    } catch (error) {
      integrity = damaged(error);
    }
    try {
      schema = schemaDifferences(this.db, migrationsDir());
      if (schema.length === 0 && integrity.length === 0) integrity = this.countDifferences();
    } catch (error) {
      if (integrity.length === 0) integrity = damaged(error);
    }
    return { ok: integrity.length === 0 && foreignKeys.length === 0 && schema.length === 0, integrity, foreignKeys, schema, schemaVersion };
  }

  /** Counts the triggers kept that differ from the rows (none unless the file was written without its triggers). */
  private countDifferences(): string[] {
    // A file checked as it is in a format before 15 keeps no counts (and may lack tables counted today).
    if (!this.keepsCounts()) return [];
    const kept = this.counts();
    const rows = this.countRows();
    return COUNTED.filter(([key]) => kept[key] !== rows[key]).map(
      ([key, table]) => `the kept count of ${key} is ${kept[key]} but ${table} holds ${rows[key]} (the file was changed outside Comparanda)`,
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    unregisterIdentitySource(this);
    PASSPHRASES.delete(this);
    // Fold the WAL back into the file so a closed project is one self-contained file to copy or carry.
    try {
      if (!this.readonly) {
        // A copy or a check in a worker thread, or an export's snapshot, reads the project on a connection of its own:
        // the checkpoint would wait for it (up to the busy timeout, holding this thread). It does not wait; that
        // connection, the last one to close, folds the WAL into the file instead, or, if the app quits first, the next
        // open does.
        if (this.elsewhere > 0) this.db.pragma('busy_timeout = 0');
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      }
    } catch (error) {
      // Every committed change is in the -wal file already; the next open folds it in. Say so rather than crash.
      const code = (error as { code?: string }).code ?? '';
      const name = path.basename(this.path);
      if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
        const full = code === 'SQLITE_FULL';
        throw localError(full ? 'DISK_FULL' : 'PROJECT_UNREADABLE', full ? 'errors.closedWalDiskFull' : 'errors.closedWalWriteFailed', { name, wal: `${name}-wal` }, { cause: error });
      }
      throw error;
    } finally {
      closeProjectDatabase(this.db);
    }
  }
}

export { SCHEMA_VERSION };
