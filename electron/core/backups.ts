/**
 * Snapshots of a project, kept beside the user data (never inside the project, and never in the project's own
 * folder, which may be a shared or removable drive): one when it is opened, one every few minutes of edits, one
 * before a migration. Made with SQLite's online backup, so the open project is never locked or closed; written under a
 * temporary name and moved into place when complete. Rotated: the newest 10, plus the newest of each day for 30
 * days, within a size cap. A snapshot is restored into a new file, never over the open project.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupDto } from '../contract/api';
import { localError } from '../contract/i18n/format';
import { inspectProjectFile, isPlainSqlite } from './db/project-file';
import { discardTemp, fsyncFile, publish, removeStaleTemps, tempNameBeside } from './db/temp-files';
import type { Project } from './project';
import { pausePoint } from './test-pause';

const KEEP_RECENT = 10;
const KEEP_DAYS = 30;
const SIZE_CAP_BYTES = 4 * 1024 * 1024 * 1024;
const NAME = /^(\d{8}T\d{6}\d{3}Z)-(open|edits|before-migration|manual)\.comparanda$/;

type Reason = BackupDto['reason'];

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function parseStamp(s: string): string {
  // 20261127T203755123Z -> 2026-11-27T20:37:55.123Z
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

export class Backups {
  constructor(readonly root: string) {}

  /** One folder per project file: its name, and a hash of its full path so two "study.comparanda" never mix. */
  folderFor(projectPath: string): string {
    const absolute = path.resolve(projectPath);
    const base = path.basename(absolute).replace(/\.comparanda$/i, '').replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 60);
    const hash = crypto.createHash('sha256').update(absolute).digest('hex').slice(0, 12);
    return path.join(this.root, `${base}-${hash}`);
  }

  /**
   * When the newest snapshot of a project was taken, from the names alone: opening a project asks this, and must
   * not read the header of every snapshot (each a read from the disk before the first screen, cold).
   */
  latestCreatedAt(projectPath: string): string | undefined {
    let files: string[];
    try {
      files = fs.readdirSync(this.folderFor(projectPath));
    } catch {
      return undefined;
    }
    let latest: string | undefined;
    for (const file of files) {
      const match = NAME.exec(file);
      if (match && (latest === undefined || match[1]! > latest)) latest = match[1]!;
    }
    return latest === undefined ? undefined : parseStamp(latest);
  }

  list(projectPath: string): BackupDto[] {
    const folder = this.folderFor(projectPath);
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .map((file) => ({ file, match: NAME.exec(file) }))
      .filter((x): x is { file: string; match: RegExpExecArray } => x.match !== null)
      .map(({ file, match }) => {
        const full = path.join(folder, file);
        return {
          file: full,
          createdAt: parseStamp(match[1]!),
          reason: match[2] as Reason,
          sizeBytes: fs.statSync(full).size,
          // By its first 16 bytes (a snapshot of a large project is hundreds of MB: never read it whole).
          encrypted: !isPlainSqlite(full),
        };
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** A consistent snapshot of the open project, by the online backup API. */
  async snapshot(project: Project, reason: Reason): Promise<BackupDto> {
    const folder = this.folderFor(project.path);
    fs.mkdirSync(folder, { recursive: true });
    const target = path.join(folder, `${stamp(new Date())}-${reason}.comparanda`);
    const temp = tempNameBeside(target);
    try {
      await project.copyTo(temp);
      publish(temp, target);
    } catch (error) {
      discardTemp(temp);
      throw error;
    }
    this.rotate(project.path);
    return this.list(project.path).find((b) => b.file === target)!;
  }

  /** A byte copy of a project file that is not open (before it is migrated to a newer format). Returns the copy. */
  copyClosed(projectPath: string, reason: Reason): string {
    const folder = this.folderFor(projectPath);
    const target = path.join(folder, `${stamp(new Date())}-${reason}.comparanda`);
    const temp = tempNameBeside(target);
    try {
      fs.mkdirSync(folder, { recursive: true });
      fs.copyFileSync(projectPath, temp);
      if (fs.existsSync(`${projectPath}-wal`)) fs.copyFileSync(`${projectPath}-wal`, `${temp}-wal`);
      fsyncFile(temp);
      pausePoint('snapshot:copied');
      // The WAL goes into place first: a snapshot under its final name is always whole.
      if (fs.existsSync(`${temp}-wal`)) fs.renameSync(`${temp}-wal`, `${target}-wal`);
      publish(temp, target);
    } catch (error) {
      discardTemp(temp);
      discardTemp(`${target}-wal`);
      throw localError(
        (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'DISK_FULL' : 'PROJECT_UNREADABLE',
        'errors.migrationBackupFailed',
        { folder, reason: (error as Error).message },
        { cause: error },
      );
    }
    this.rotate(projectPath);
    return target;
  }

  /**
   * Keeps the newest KEEP_RECENT, plus the newest snapshot of each of the last KEEP_DAYS days, within the size cap;
   * removes what a snapshot interrupted by a crash left (its temporary file, never listed as a snapshot).
   */
  rotate(projectPath: string): void {
    const folder = this.folderFor(projectPath);
    removeStaleTemps(folder);
    // A -wal whose snapshot never got its name (a crash between the two renames) belongs to nothing.
    for (const entry of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
      if (entry.endsWith('-wal') && NAME.test(entry.slice(0, -4)) && !fs.existsSync(path.join(folder, entry.slice(0, -4)))) fs.rmSync(path.join(folder, entry), { force: true });
    }
    const all = this.list(projectPath);
    const keep = new Set(all.slice(0, KEEP_RECENT).map((b) => b.file));
    const days = new Set<string>();
    const oldest = Date.now() - KEEP_DAYS * 24 * 3600 * 1000;
    for (const b of all) {
      const day = b.createdAt.slice(0, 10);
      if (Date.parse(b.createdAt) >= oldest && !days.has(day)) {
        days.add(day);
        keep.add(b.file);
      }
    }
    let total = 0;
    for (const b of all) {
      // Newest first: once the cap is reached, older snapshots go (the newest one always stays).
      if (keep.has(b.file) && (total + b.sizeBytes <= SIZE_CAP_BYTES || total === 0)) total += b.sizeBytes;
      else keep.delete(b.file);
    }
    for (const b of all) {
      if (!keep.has(b.file)) for (const f of [b.file, `${b.file}-wal`]) fs.rmSync(f, { force: true });
    }
  }

  /** Restores a snapshot of this project into a new file. */
  restore(projectPath: string, file: string, dest: string, how: { projectGone?: boolean } = {}): string {
    const backup = this.list(projectPath).find((b) => b.file === path.resolve(file));
    if (!backup) throw localError('NOT_FOUND', 'errors.snapshotNotFound');
    const target = path.resolve(dest);
    // A project whose file is gone may come back where it was; an existing one never gets a snapshot written over it.
    if (target === path.resolve(projectPath) && !(how.projectGone && !fs.existsSync(target))) throw localError('FILE_EXISTS', 'errors.restoreOverOpen');
    if (fs.existsSync(target)) throw localError('FILE_EXISTS', 'errors.nameTaken', { file: path.basename(target) });
    const temp = tempNameBeside(target);
    try {
      fs.copyFileSync(backup.file, temp);
      if (fs.existsSync(`${backup.file}-wal`)) fs.copyFileSync(`${backup.file}-wal`, `${temp}-wal`);
      if (!backup.encrypted) inspectProjectFile(temp);
      publish(temp, target);
      if (fs.existsSync(`${temp}-wal`)) fs.renameSync(`${temp}-wal`, `${target}-wal`);
    } catch (error) {
      discardTemp(temp);
      throw error;
    }
    return target;
  }
}
