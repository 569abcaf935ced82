/**
 * One writer per project file: a small lock file beside the project while it is open for writing, holding the
 * process id only (nothing about the project or the person). A second window or process is refused with an offer
 * to open the project read-only; a lock left by a process that no longer runs (a crash) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localError } from '../contract/i18n/format';

export interface ProjectLock {
  file: string;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of a project, or null where none can be written (a read-only folder: SQLite will refuse writes anyway). */
export function acquireLock(projectPath: string): ProjectLock | null {
  const file = `${projectPath}.lock`;
  const body = JSON.stringify({ pid: process.pid, app: 'Comparanda' });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, body, { flag: 'wx' });
      let released = false;
      return {
        file,
        release: () => {
          if (released) return;
          released = true;
          try {
            const held = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number };
            if (held.pid === process.pid) fs.rmSync(file, { force: true });
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return null;
      let pid = 0;
      try {
        pid = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown }).pid) || 0;
      } catch {
        // An unreadable lock is a stale one.
      }
      if (pid > 0 && alive(pid)) {
        throw localError('PROJECT_IN_USE', 'errors.inUse', { file: path.basename(projectPath) });
      }
      fs.rmSync(file, { force: true });
    }
  }
  return null;
}
