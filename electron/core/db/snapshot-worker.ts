/**
 * The worker thread that copies an encrypted project (built to dist/snapshot-worker.cjs; started by
 * encrypted-copy.ts): a connection of its own, keyed as the app keys it, and one `VACUUM INTO`, which
 * writes a consistent copy encrypted with the same key. Answers `{ done }` or what SQLite said, as plain data.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from './cipher';

export interface EncryptedCopyInput {
  source: string;
  target: string;
  passphrase: string;
  /** The better_sqlite3.node the app's own connections use (this bundle cannot look for it: see encrypted-copy.ts). */
  nativeBinding: string;
}

export type EncryptedCopyAnswer = { done: true } | { failed: string; code?: string };

const input = workerData as EncryptedCopyInput;
let answer: EncryptedCopyAnswer;
try {
  // Read-write, though it runs nothing but the copy (which `query_only` would refuse): if the app's connection closes
  // first (the project closed while the copy is written), this one is the last and folds the WAL into the file as it
  // closes, as the app's would have. A read-only connection would leave the -wal beside the file.
  const db = new Database(input.source, { fileMustExist: true, nativeBinding: input.nativeBinding });
  try {
    applyKey(db, input.passphrase);
    db.exec(`VACUUM INTO '${input.target.replace(/'/g, "''")}'`);
  } finally {
    db.close();
  }
  answer = { done: true };
} catch (error) {
  const code = (error as { code?: unknown }).code;
  answer = { failed: (error as Error)?.message ?? String(error), ...(typeof code === 'string' ? { code } : {}) };
}
parentPort!.postMessage(answer);
