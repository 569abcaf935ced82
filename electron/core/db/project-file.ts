import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import { migrationsDir } from '../paths';
import { applyKey } from './cipher';
import { loadMigrations, migrate } from './migrate';
import { assertSchemaAsExpected } from './schema-check';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema-version';
import { discardTemp, publish, removeStaleTemps, tempNameBeside } from './temp-files';

export { applyKey, publish, tempNameBeside };

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron in development); default: the package's own. */
  nativeBinding?: string | undefined;
  migrationsDir?: string | undefined;
  /** The passphrase of an encrypted project (SQLCipher 4 format, through SQLite3 Multiple Ciphers). */
  passphrase?: string | undefined;
  /**
   * Called when the project is about to be migrated from `fromVersion` (never for a file that is already current), to
   * keep a copy of it as it was; a throw refuses the open. The file is closed and whole at that moment.
   */
  beforeMigration?: ((file: string, fromVersion: number) => void) | undefined;
  /**
   * Read-only opens only: the file as it is, for `check` to examine — neither migrated nor refused for a schema
   * changed outside Comparanda (check reports that instead). Never used to show or export a project.
   */
  asIs?: boolean | undefined;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;


function connect(file: string, options: OpenOptions, readonly: boolean): Database.Database {
  const db = new Database(file, {
    readonly,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (options.passphrase !== undefined) applyKey(db, options.passphrase);
  // Triggers, views and defaults stored in the file may call no function with side effects: the file's schema is
  // data from outside the app (the schema comparison on open refuses what Comparanda did not make).
  db.pragma('trusted_schema = OFF');
  return db;
}

/** Whether the file is a (plain) SQLite database by its first 16 bytes; an encrypted project is not. */
export function isPlainSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** Could these bytes be an encrypted database (whole pages of noise) rather than, say, a text file? */
function looksEncrypted(file: string, size: number): boolean {
  if (size < 1024 || size % 512 !== 0) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const sample = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, sample, 0, sample.length, 0);
    let printable = 0;
    for (const byte of sample) if ((byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09) printable++;
    return printable / sample.length < 0.8;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads application_id and user_version through an encrypted connection; a wrong passphrase is reported as such.
 * `at` is the file to connect to (a sparse copy of the header on storage that cannot be written); `file` is named.
 */
function inspectEncrypted(file: string, options: OpenOptions, at = file): { applicationId: number; userVersion: number } {
  if (at === file && !storageWritable(file)) return throughHeaderCopy(file, (copy) => inspectEncrypted(file, options, copy));
  let db: Database.Database | undefined;
  try {
    // A journal left by a crash in the middle of a write must be rolled back before anything can be read, and only a
    // read-write connection holding the key can do that (a read-only one fails with "attempt to write a readonly
    // database", whatever the passphrase). A wrong key rolls nothing back: the first read fails first.
    db = connect(at, options, at !== file || !hasJournal(file));
    return { applicationId: db.pragma('application_id', { simple: true }) as number, userVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw localError('WRONG_PASSPHRASE', 'errors.wrongPassphrase', { file: base(file) });
    }
    throw localError('PROJECT_UNREADABLE', 'errors.cannotOpen', { file: base(file), reason: (error as Error).message });
  } finally {
    db?.close();
  }
}

function hasJournal(file: string): boolean {
  return (fs.statSync(`${file}-journal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

/** Page 1 is at most 64 KiB: all that application_id and user_version need. */
const LARGEST_PAGE = 65536;

/**
 * On storage that cannot be written no connection opens a WAL database in place (SQLite wants its -shm beside it). A
 * sparse copy in a private folder stands in to read the header: the first 64 KiB at the file's real size (so SQLite
 * sees no truncation) and any -wal (which may hold a newer page 1). Removed at once.
 */
function throughHeaderCopy<T>(file: string, read: (copy: string) => T): T {
  const dir = makeCopyDir();
  try {
    const copy = path.join(dir, path.basename(file));
    const head = Buffer.alloc(LARGEST_PAGE);
    const fd = fs.openSync(file, 'r');
    let bytes: number;
    try {
      bytes = fs.readSync(fd, head, 0, LARGEST_PAGE, 0);
    } finally {
      fs.closeSync(fd);
    }
    fs.writeFileSync(copy, head.subarray(0, bytes));
    fs.truncateSync(copy, fs.statSync(file).size);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return read(copy);
  } finally {
    removeCopyDir(dir);
  }
}

function name(file: string): string {
  return `"${path.basename(file)}"`;
}

/** A file as error messages name it: its name only (the catalogue quotes it as each language does). */
function base(file: string): string {
  return path.basename(file);
}

/**
 * Decides whether a file can be opened as a project without writing anything: the 100-byte SQLite header is
 * read as bytes (magic, page count, user_version, application_id). Throws an ApiError that says what is wrong and what to do.
 */
export function inspectProjectFile(file: string, options: OpenOptions = {}): { schemaVersion: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw localError('FILE_NOT_FOUND', 'errors.fileNotFound', { file: base(file) });
  }
  if (!stat.isFile()) throw localError('NOT_A_PROJECT', 'errors.isFolder', { file: base(file) });

  const header = Buffer.alloc(HEADER_SIZE);
  let bytesRead = 0;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      bytesRead = fs.readSync(fd, header, 0, HEADER_SIZE, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw localError('PROJECT_UNREADABLE', 'errors.cannotRead', { file: base(file), reason: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  if (bytesRead < HEADER_SIZE || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    if (looksEncrypted(file, stat.size)) {
      if (options.passphrase === undefined) {
        throw localError('PASSPHRASE_REQUIRED', 'errors.passphraseRequired', { file: base(file) });
      }
      const { applicationId, userVersion } = inspectEncrypted(file, options);
      return checkIdentity(file, applicationId, userVersion);
    }
    throw localError('NOT_SQLITE', 'errors.notSqlite', { file: base(file) });
  }
  if (options.passphrase !== undefined) {
    throw localError('VALIDATION_FAILED', 'errors.notEncrypted', { file: base(file) });
  }

  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  let userVersion = header.readInt32BE(60);
  let applicationId = header.readInt32BE(68);

  // Committed transactions not yet checkpointed live in the -wal file, and may include a newer first page.
  // Only then is a (read-only) connection needed to read the true values; otherwise the header is authoritative
  // and nothing is opened, so no -wal/-shm files are created beside a file we refuse.
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    const readIdentity = (at: string) => {
      let db: Database.Database | undefined;
      try {
        db = connect(at, options, true);
        applicationId = db.pragma('application_id', { simple: true }) as number;
        userVersion = db.pragma('user_version', { simple: true }) as number;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
          throw localError('PROJECT_CORRUPT', 'errors.damaged', { file: base(file) });
        }
        throw localError('PROJECT_UNREADABLE', 'errors.cannotOpen', { file: base(file), reason: (error as Error).message });
      } finally {
        db?.close();
      }
    };
    if (storageWritable(file)) readIdentity(file);
    else throughHeaderCopy(file, readIdentity);
  } else if (validFor === changeCounter && pageCount > 0 && stat.size < pageCount * pageSize) {
    throw localError('PROJECT_CORRUPT', 'errors.truncated', { file: base(file), size: String(stat.size), expected: String(pageCount * pageSize) });
  }

  return checkIdentity(file, applicationId, userVersion);
}

function checkIdentity(file: string, applicationId: number, userVersion: number): { schemaVersion: number } {
  if (applicationId !== APPLICATION_ID) {
    throw localError('NOT_A_PROJECT', 'errors.notAProject', { file: base(file) });
  }
  if (userVersion > SCHEMA_VERSION) {
    throw localError('PROJECT_FROM_NEWER_VERSION', 'errors.newerVersion', { file: base(file), found: String(userVersion), supported: String(SCHEMA_VERSION) });
  }
  return { schemaVersion: userVersion };
}

/** A file, folder or drive that cannot be written: a sentence and the offer to open read-only. */
function readOnlyFailure(file: string, error: unknown): ApiError | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !(code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM')) return null;
  return localError(
    'READ_ONLY',
    'errors.readOnly',
    { file: base(file) },
    { cause: error },
  );
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: every committed transaction is on disk before the call returns; nothing acknowledged is lost on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Whether SQLite can write beside the file (its -wal and -shm live in the same folder) and the file itself. */
export function storageWritable(file: string): boolean {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export type ReadOnlyReason = 'read-only-storage' | 'older-format';

/** A read-only open that reads a private copy: why, the file's own format, and the folder to remove on close. */
interface PrivateCopy {
  reason: ReadOnlyReason;
  schemaVersion: number;
  dir: string;
}

const privateCopies = new WeakMap<Database.Database, PrivateCopy>();
const copyDirs = new Set<string>();
let exitHookInstalled = false;

function removeCopyDir(dir: string): void {
  copyDirs.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

const COPY_PREFIX = 'comparanda-readonly-';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Private copies left by a process that was killed (no exit handler ran): each folder names its owner's pid. */
function sweepAbandonedCopies(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith(COPY_PREFIX));
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(os.tmpdir(), entry);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (owner > 0 && !processAlive(owner)) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours to judge (no owner file yet, or another user's folder).
    }
  }
}

/** A folder only this user can read, for a private copy; removed on close, or at exit at the latest. */
function makeCopyDir(): string {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const dir of [...copyDirs]) removeCopyDir(dir);
    });
    sweepAbandonedCopies();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), COPY_PREFIX));
  copyDirs.add(dir);
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  return dir;
}

/** Why a project open read-only reads a private copy rather than its file, and the file's own format. */
export function privateCopyOf(db: Database.Database): { reason: ReadOnlyReason; schemaVersion: number } | undefined {
  const copy = privateCopies.get(db);
  return copy && { reason: copy.reason, schemaVersion: copy.schemaVersion };
}

/** Closes a project's connection, and removes the private copy a read-only open may have read. */
export function closeProjectDatabase(db: Database.Database): void {
  const copy = privateCopies.get(db);
  try {
    db.close();
  } finally {
    if (copy) removeCopyDir(copy.dir);
  }
}

/**
 * Opens an existing project to read it as it is: the file is never migrated or written, and `query_only` refuses
 * every write. The connection itself is read-write where the file allows, because a read-only connection to a WAL
 * database leaves -wal and -shm files behind, while the last read-write connection removes them when it closes.
 *
 * Two cases read a private copy in a temporary folder instead (removed on close): storage that cannot be written
 * (a read-only drive or folder: SQLite cannot open a WAL database there without creating its -shm beside it, and
 * this build of SQLite takes no `immutable` URI), and a project of an older format, which is shown as the current
 * format would show it by migrating the copy. An encrypted project's copy is as encrypted as the file.
 */
export function openProjectDatabaseReadOnly(file: string, options: OpenOptions = {}): Database.Database {
  const writable = storageWritable(file);
  const { schemaVersion } = inspectProjectFile(file, options);
  if (writable && (schemaVersion === SCHEMA_VERSION || options.asIs)) return readOnlyReady(connectForReading(file, options), file, options);

  const dir = makeCopyDir();
  const copy = path.join(dir, path.basename(file));
  let db: Database.Database | undefined;
  try {
    if (writable) {
      // Another process may be writing the original: VACUUM INTO takes one consistent state of it.
      // (VACUUM INTO runs no trigger: the schema is compared on the copy, before anything reads it.)
      const source = connectForReading(file, options);
      try {
        source.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
      } finally {
        source.close();
      }
    } else {
      // Nothing can change a file on read-only storage: its bytes (with any committed -wal) are a consistent copy.
      fs.copyFileSync(file, copy);
      if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    }
    db = connect(copy, options, false);
    if (!options.asIs && schemaVersion < SCHEMA_VERSION) {
      assertSchemaAsExpected(db, file, options.migrationsDir ?? migrationsDir(), options.nativeBinding);
      configure(db);
      migrate(db, loadMigrations(options.migrationsDir ?? migrationsDir()));
    }
    privateCopies.set(db, { reason: writable ? 'older-format' : 'read-only-storage', schemaVersion, dir });
    return readOnlyReady(db, file, options);
  } catch (error) {
    db?.close();
    removeCopyDir(dir);
    if ((error as { code?: string }).code === 'ENOSPC') {
      throw localError('DISK_FULL', 'errors.diskFullReadOnly', { file: name(file) });
    }
    throw error;
  }
}

function connectForReading(file: string, options: OpenOptions): Database.Database {
  try {
    return connect(file, options, false);
  } catch {
    return connect(file, options, true);
  }
}

/** Checks the schema (unless `check` asked for the file as it is) and makes the connection refuse every write. */
function readOnlyReady(db: Database.Database, file: string, options: OpenOptions): Database.Database {
  try {
    if (!options.asIs) assertSchemaAsExpected(db, file, options.migrationsDir ?? migrationsDir(), options.nativeBinding);
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    closeProjectDatabase(db);
    throw error;
  }
}

/** Opens an existing project for reading and writing, migrating it forward if it is from an older version. */
export function openProjectDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const { schemaVersion } = inspectProjectFile(file, options);
  // A read-only file opens, but fails at the first write: find out now, not in the middle of the researcher's work.
  // (The folder must be writable too: SQLite keeps its -wal and -shm files beside the project.)
  for (const target of [file, path.dirname(file)]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      throw readOnlyFailure(file, Object.assign(new Error((error as Error).message), { code: 'SQLITE_READONLY' }))!;
    }
  }
  // What a killed passphrase change (or copy under this name) left beside the project goes: the writer is opening it.
  // So do copies to other names in the folder that a crash abandoned long ago.
  removeStaleTemps(path.dirname(file), path.basename(file), true);
  // Format 0 is a file created but never migrated: it holds nothing to keep.
  if (schemaVersion > 0 && schemaVersion < SCHEMA_VERSION) options.beforeMigration?.(file, schemaVersion);
  let db: Database.Database;
  try {
    db = connect(file, options, false);
  } catch (error) {
    throw readOnlyFailure(file, error) ?? error;
  }
  try {
    // Before anything reads or writes it (a migration too): a file whose schema Comparanda did not make is refused.
    assertSchemaAsExpected(db, file, options.migrationsDir ?? migrationsDir(), options.nativeBinding);
    configure(db);
    // The migrations folder was read (and checked to match this build) by the schema comparison; a project already
    // in the current format needs none of it again.
    if ((db.pragma('user_version', { simple: true }) as number) !== SCHEMA_VERSION) migrate(db, loadMigrations(options.migrationsDir ?? migrationsDir()));
    return db;
  } catch (error) {
    db.close();
    throw readOnlyFailure(file, error) ?? error;
  }
}

/**
 * Creates a new project file atomically: it is built under a temporary name in the same folder and renamed into
 * place only when complete, so a crash never leaves a half-made project under the chosen name.
 */
export function createProjectDatabase(
  file: string,
  fill: (db: Database.Database) => void,
  options: OpenOptions = {},
  /**
   * A plain project attached (outside the filling transaction, where SQLite allows it) for `fill` to copy from. The new
   * file is built up to the attached project's format, filled, then migrated forward like the project itself would be.
   */
  attach?: { alias: string; file: string; schemaVersion: number },
): void {
  if (fs.existsSync(file)) {
    throw localError('FILE_EXISTS', 'errors.fileExists', { file: base(file) });
  }
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw localError('FILE_NOT_FOUND', 'errors.folderNotFound', { folder: dir });
  const migrations = loadMigrations(options.migrationsDir ?? migrationsDir());
  removeStaleTemps(dir, path.basename(file));
  const temp = tempNameBeside(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(temp, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // An encrypted project is encrypted from its first byte: the key is set before anything is written.
    if (options.passphrase !== undefined) applyKey(db, options.passphrase);
    db.pragma('trusted_schema = OFF');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    configure(db);
    migrate(db, attach ? migrations.filter((m) => m.version <= attach.schemaVersion) : migrations);
    if (attach) db.exec(`ATTACH DATABASE '${attach.file.replace(/'/g, "''")}' AS ${attach.alias} KEY ''`);
    db.transaction(() => fill(db!)).immediate();
    if (attach) {
      db.exec(`DETACH DATABASE ${attach.alias}`);
      migrate(db, migrations);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    db = undefined;
    publish(temp, file);
  } catch (error) {
    db?.close();
    discardTemp(temp);
    throw error;
  }
}
