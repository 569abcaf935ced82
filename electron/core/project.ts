import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CellDto, CellEvidenceCount, CheckReportDto, ProjectCounts, ProjectOverview, ProjectSummary } from '../contract/api';
import { ApiError } from '../contract/errors';
import { applyKey, createProjectDatabase, openProjectDatabase, openProjectDatabaseReadOnly, publish, tempNameBeside, type OpenOptions } from './db/project-file';
import { closeProjectDatabase, privateCopyOf } from './db/project-file';
import { schemaDifferences } from './db/schema-check';
import { migrationsDir } from './paths';
import { SCHEMA_VERSION } from './db/schema-version';
import { nowIso, stmt } from './db/statements';
import { History } from './history';
import { listAttributes, listCases } from './repos/cases';
import { listCells } from './repos/cells';
import { ARTICLE_FRAMEWORK, insertFramework, listFrameworks } from './repos/frameworks';
import { listNorms } from './repos/norms';
import { listViews } from './repos/views';

export const APP_NAME = 'Comparanda';
export const APP_VERSION = '0.1.0';

export interface CreateOptions extends OpenOptions {
  title?: string | undefined;
  /** Fills the new project inside the creating transaction (the sample builder uses it). */
  fill?: ((db: Database.Database) => void) | undefined;
}

function titleFromPath(file: string): string {
  return path.basename(file).replace(/\.comparanda$/i, '');
}

/** One open project file. All reads and writes of a project go through this object. */
export class Project {
  private closed = false;
  /** Undo and redo of this session's edits. */
  readonly history: History;

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly readonly: boolean,
    /** Whether the file is encrypted: then no copy of it (snapshot, saved copy) is ever written in plain text. */
    readonly encrypted: boolean,
  ) {
    this.history = new History(db, readonly);
  }

  static open(file: string, options: OpenOptions & { readonly?: boolean } = {}): Project {
    const absolute = path.resolve(file);
    const encrypted = options.passphrase !== undefined;
    if (options.readonly) return new Project(openProjectDatabaseReadOnly(absolute, options), absolute, true, encrypted);
    return new Project(openProjectDatabase(absolute, options), absolute, false, encrypted);
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
        insertFramework(db, ARTICLE_FRAMEWORK);
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

  counts(): ProjectCounts {
    return stmt(
      this.db,
      `SELECT (SELECT count(*) FROM cases WHERE archived_at IS NULL) AS cases,
              (SELECT count(*) FROM norms WHERE archived_at IS NULL) AS norms,
              (SELECT count(*) FROM stages WHERE archived_at IS NULL) AS stages,
              (SELECT count(*) FROM cells WHERE archived_at IS NULL) AS cells,
              (SELECT count(*) FROM frameworks) AS frameworks,
              (SELECT count(*) FROM views) AS views,
              (SELECT count(*) FROM sources) AS sources,
              (SELECT count(*) FROM documents) AS documents,
              (SELECT count(*) FROM excerpts) AS excerpts,
              (SELECT count(*) FROM participants) AS participants,
              (SELECT count(*) FROM elections) AS elections,
              (SELECT count(*) FROM missions) AS missions,
              (SELECT count(*) FROM claims) AS claims,
              (SELECT count(*) FROM regional_norms) AS regionalNorms,
              (SELECT count(*) FROM indicator_values) AS indicators`,
    ).get() as ProjectCounts;
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
      throw new ApiError('NOT_FOUND', 'That norm no longer exists in this project. Reload the matrix.');
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
    if (target === this.path) throw new ApiError('FILE_EXISTS', 'A copy cannot replace the open project itself. Choose another name.');
    if (fs.existsSync(target)) throw new ApiError('FILE_EXISTS', `"${path.basename(target)}" already exists. Choose another name.`);
    if (!fs.existsSync(path.dirname(target))) throw new ApiError('FILE_NOT_FOUND', `The folder ${path.dirname(target)} does not exist.`);
    const temp = tempNameBeside(target);
    try {
      await this.copyTo(temp);
      publish(temp, target);
    } catch (error) {
      for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(leftover, { force: true });
      if (error instanceof ApiError) throw error;
      throw new ApiError('PROJECT_UNREADABLE', `The copy could not be written to ${target}: ${(error as Error).message}`, { cause: error });
    }
    return target;
  }

  /**
   * A consistent copy of the open project in a new file. An encrypted project is copied with VACUUM INTO, which
   * writes the copy encrypted with the same key (the online backup API cannot copy between cipher settings).
   */
  async copyTo(file: string): Promise<void> {
    if (this.encrypted) this.db.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
    else await this.db.backup(file);
  }

  /** Changes an encrypted project's passphrase (SQLite3MC re-keys only outside WAL mode, so WAL is paused meanwhile). */
  changePassphrase(current: string, next: string): void {
    if (!this.encrypted) throw new ApiError('VALIDATION_FAILED', 'This project is not encrypted. Save an encrypted copy instead.');
    const probe = new Database(this.path, { readonly: true, fileMustExist: true });
    try {
      applyKey(probe, current);
      probe.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new ApiError('WRONG_PASSPHRASE', 'The current passphrase is not right; the passphrase was not changed.');
    } finally {
      probe.close();
    }
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.pragma('journal_mode = DELETE');
    try {
      this.db.pragma(`rekey = '${next.replace(/'/g, "''")}'`);
    } finally {
      this.db.pragma('journal_mode = WAL');
    }
  }

  /**
   * Writes an encrypted copy of this (plain) project: a new file, encrypted from its first byte, built by the same
   * migrations and filled from this one. The plain original stays as it is (deleting it is the researcher's call).
   */
  encryptCopy(dest: string, passphrase: string, options: OpenOptions = {}): string {
    if (this.encrypted) throw new ApiError('VALIDATION_FAILED', 'This project is already encrypted; change its passphrase instead.');
    const target = path.resolve(dest);
    if (target === this.path) throw new ApiError('FILE_EXISTS', 'The encrypted copy must be a new file. Choose another name.');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    createProjectDatabase(
      target,
      (db) => {
        db.pragma('defer_foreign_keys = ON');
        const tables = (
          db.prepare(`SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as {
            name: string;
          }[]
        ).map((t) => t.name);
        // Rows the migrations seeded (default dimensions) are replaced by the project's own; search indexes fill
        // themselves through their triggers as the rows arrive.
        for (const table of tables) db.exec(`DELETE FROM main."${table}"`);
        for (const table of tables) db.exec(`INSERT INTO main."${table}" SELECT * FROM src."${table}"`);
      },
      { ...options, passphrase },
      { alias: 'src', file: this.path },
    );
    return target;
  }

  /**
   * A full integrity check, a foreign-key check and the schema compared with the one Comparanda makes for the
   * file's format: what `comparanda check` reports. A file too damaged to check says so in `integrity`.
   */
  check(): CheckReportDto {
    const schemaVersion = this.db.pragma('user_version', { simple: true }) as number;
    const damaged = (error: unknown): string[] => {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return [`the file is damaged: ${(error as Error).message}`];
      throw error;
    };
    let integrity: string[];
    try {
      integrity = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    } catch (error) {
      integrity = damaged(error);
    }
    let foreignKeys: CheckReportDto['foreignKeys'] = [];
    let schema: CheckReportDto['schema'] = [];
    try {
      foreignKeys = (this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => ({
        table: r.table,
        rowid: r.rowid,
        parent: r.parent,
      }));
      schema = schemaDifferences(this.db, migrationsDir());
    } catch (error) {
      if (integrity.length === 0) integrity = damaged(error);
    }
    return { ok: integrity.length === 0 && foreignKeys.length === 0 && schema.length === 0, integrity, foreignKeys, schema, schemaVersion };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Fold the WAL back into the file so a closed project is one self-contained file to copy or carry.
    try {
      if (!this.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      closeProjectDatabase(this.db);
    }
  }
}

export { SCHEMA_VERSION };
