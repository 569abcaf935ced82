/**
 * The worker thread that does a long whole-file operation on a project with a connection of its own (built to
 * dist/db-worker.cjs; started by in-worker.ts), so that the thread answering the window goes on answering:
 * - `copy`: one `VACUUM INTO`, a consistent copy encrypted with the same key (an encrypted project's snapshot or
 *   saved copy: SQLite's online backup would write it in plain text);
 * - `check`: `PRAGMA integrity_check` and `foreign_key_check`, which read every page of the file.
 * Answers the result or what SQLite said, as plain data.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from './cipher';

export type DbWorkerOperation = { op: 'copy'; target: string } | { op: 'check' };

export type DbWorkerInput = DbWorkerOperation & {
  source: string;
  /** An encrypted project's passphrase. */
  passphrase?: string | undefined;
  /** The better_sqlite3.node the app's own connections use (this bundle cannot look for it: see in-worker.ts). */
  nativeBinding: string;
};

export interface CheckRows {
  integrity: string[];
  foreignKeys: { table: string; rowid: number; parent: string }[];
}

export type DbWorkerAnswer = { done: true; check?: CheckRows } | { failed: string; code?: string };

const input = workerData as DbWorkerInput;
let answer: DbWorkerAnswer;
try {
  // Read-write, though it writes nothing in the project (`query_only` would refuse VACUUM INTO): if the app's
  // connection closes first (the project closed meanwhile), this one is the last and folds the WAL into the file as
  // it closes, as the app's would have. A read-only connection would leave the -wal beside the file.
  const db = new Database(input.source, { fileMustExist: true, nativeBinding: input.nativeBinding });
  try {
    if (input.passphrase !== undefined) applyKey(db, input.passphrase);
    if (input.op === 'copy') {
      db.exec(`VACUUM INTO '${input.target.replace(/'/g, "''")}'`);
      answer = { done: true };
    } else {
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
      const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
      answer = { done: true, check: { integrity, foreignKeys } };
    }
  } finally {
    db.close();
  }
} catch (error) {
  const code = (error as { code?: unknown }).code;
  answer = { failed: (error as Error)?.message ?? String(error), ...(typeof code === 'string' ? { code } : {}) };
}
parentPort!.postMessage(answer);
