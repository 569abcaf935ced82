/**
 * Files written under a temporary name and moved into place when complete (new projects, copies, snapshots, the
 * re-encrypted file of a passphrase change, CSV exports). A process killed meanwhile leaves its temporary file
 * behind; the next writer of the same name (or the next open of the project) removes it, so a crash never leaves a
 * 100 MB stray file for good.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';

/** Temporary files this process is writing now: never taken for a crash's leftovers. */
const inProgress = new Set<string>();

/** SQLite's companions of a database file (a temporary one has them while it is being built). */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/** A hidden temporary name in the same folder (same file system, so the final link or rename is atomic). */
export function tempNameBeside(file: string): string {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  inProgress.add(temp);
  return temp;
}

/**
 * The hidden name an export writes under, beside its target, until it is complete and renamed into place (a file the
 * researcher chose, not a project: never swept as a stale temporary file).
 */
export function partialNameBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}.partial`);
}

/** Removes a temporary file (and SQLite's companions of it) that will not be published. */
export function discardTemp(temp: string): void {
  for (const suffix of COMPANIONS) {
    try {
      fs.rmSync(`${temp}${suffix}`, { force: true });
    } catch {
      // Its folder is gone or unreadable: there is nothing there to remove, and the failure being handled matters more.
    }
  }
  inProgress.delete(temp);
}

const TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp(-wal|-shm|-journal)?$/;

/** A temporary file of another name untouched this long is a leftover: every writer here writes without pause. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes what killed writers left in `dir`: the temporary files of `name` (every name when it is omitted), unless
 * this process is writing them. Only the writer of a project (or of a new file under that name) calls it, so a
 * temporary file it finds belongs to a process that is gone. With `othersToo`, temporary files of other names are
 * removed as well once untouched for an hour (a copy killed half-way whose name was never used again).
 */
export function removeStaleTemps(dir: string, name?: string, othersToo = false): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = TEMP.exec(entry);
    if (!match) continue;
    const full = path.join(dir, entry);
    if (inProgress.has(full.replace(/-(wal|shm|journal)$/, ''))) continue;
    if (name !== undefined && match[1] !== name) {
      const modified = fs.statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (!othersToo || Date.now() - modified < ABANDONED_AFTER_MS) continue;
    }
    try {
      fs.rmSync(full, { force: true });
      removed.push(full);
    } catch {
      // Not ours to remove (permissions): it stays, as it would have.
    }
  }
  return removed;
}

/** Flushes a file's bytes to the disk, so that a rename that follows never publishes a file whose data is not there yet. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename in it) to the disk; some systems (Windows) cannot, and do it themselves. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Moves a finished file into place without ever replacing a file that appeared meanwhile under that name. */
export function publish(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
    inProgress.delete(temp);
    // The next open of `file` may already have removed the temporary name as a leftover: then it is gone either way.
    fs.rmSync(temp, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw localError('FILE_EXISTS', 'errors.fileExists', { file: path.basename(file) });
    // File systems without hard links (FAT, some network shares): fall back to a rename.
    if (fs.existsSync(file)) throw localError('FILE_EXISTS', 'errors.fileExists', { file: path.basename(file) });
    fs.renameSync(temp, file);
    inProgress.delete(temp);
  }
  fsyncDir(path.dirname(file));
}

/**
 * Writes `data` to `file` (which must not exist) by way of a temporary file: on any failure (a full disk) nothing is
 * left under either name, never an empty or truncated file that looks like a finished one.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temp = tempNameBeside(file);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fsyncFile(temp);
    publish(temp, file);
  } catch (error) {
    discardTemp(temp);
    if (error instanceof ApiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw localError('DISK_FULL', 'errors.diskFullNothingLeft', { file: path.basename(file) }, { cause: error });
    }
    throw localError('PROJECT_UNREADABLE', 'errors.notWritten', { file: path.basename(file), reason: (error as Error).message }, { cause: error });
  }
}
