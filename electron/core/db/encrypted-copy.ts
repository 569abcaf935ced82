/**
 * An encrypted project copied in a worker thread (snapshot-worker.ts, built to dist/snapshot-worker.cjs), so that
 * the thread answering the window goes on answering while it is written.
 *
 * An encrypted project cannot be copied by SQLite's online backup (it writes the copy in plain text): it is copied by
 * `VACUUM INTO`, one statement that runs to its end. On the project's own connection that held the app's only
 * thread for the whole copy: 8.6 s for a 945 MB project (the benchmark's L size) at every snapshot (one at open and
 * one every five minutes of edits), every `Save a copy`. The worker opens a connection of its own, read-only, with
 * the same key; SQLite's WAL gives it the project as it was when the copy began, while the app's connection writes
 * on.
 *
 * The worker needs the better_sqlite3.node the app uses: its bundle, started from a file beside app.asar when
 * packaged, finds better-sqlite3's JavaScript unpacked there but not the `bindings` package that would look for the
 * addon, so the addon's path is handed to it. Where no worker script is built (running from the sources) or the
 * worker cannot start, the copy is made on the project's connection, as before: the snapshot is never skipped.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtWorkerScript } from '../paths';
import type { EncryptedCopyAnswer, EncryptedCopyInput } from './snapshot-worker';

/** undefined: look beside the bundle; null: never a worker (copy on the project's connection). */
let workerScript: string | null | undefined;

/** Copies with this worker script (tests and the benchmark name the built one; null: on the project's connection). */
export function useSnapshotWorker(file: string | null | undefined): void {
  workerScript = file;
}

function snapshotWorker(): string | null {
  if (workerScript === undefined) workerScript = builtWorkerScript('snapshot-worker.cjs');
  return workerScript;
}

/** The better_sqlite3.node this process loads when none is named: the package's own (unpacked beside app.asar). */
function packageBinding(): string | null {
  try {
    const dir = path.dirname(createRequire(__filename).resolve('better-sqlite3/package.json'));
    const file = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
    const unpacked = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    return [unpacked, file].find((f) => fs.existsSync(f)) ?? null;
  } catch {
    return null;
  }
}

/** An error as SQLite gave it in the worker (its code kept: SQLITE_FULL is a full disk). */
function sqliteError(answer: { failed: string; code?: string }): Error {
  return Object.assign(new Error(answer.failed), answer.code ? { code: answer.code } : {});
}

/**
 * Writes an encrypted copy of `source` (an encrypted project file, open or not) at `target`, which must not exist, in
 * a worker thread. Answers false when no worker could do it (none built, or it could not start), having left nothing
 * at `target`: the caller copies on its own connection. Rejects with SQLite's error when the copy itself failed.
 */
export function copyEncryptedInWorker(source: string, target: string, passphrase: string, nativeBinding?: string): Promise<boolean> {
  const script = snapshotWorker();
  const binding = nativeBinding ?? packageBinding();
  if (!script || !binding) return Promise.resolve(false);
  const input: EncryptedCopyInput = { source, target, passphrase, nativeBinding: binding };
  return new Promise<boolean>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const unable = (why: string) => {
      // What a worker that died in the middle left: the caller writes the same file again.
      for (const file of [target, `${target}-journal`]) fs.rmSync(file, { force: true });
      console.error(`[comparanda] The encrypted copy is made on the project's own connection: the worker thread ${script} could not run (${why}).`);
      resolve(false);
    };
    let worker: Worker;
    try {
      // A bundle needing nothing of this process's loaders (tsx, when the tests or the benchmark run the sources).
      worker = new Worker(script, { workerData: input, execArgv: [] });
    } catch (error) {
      return unable((error as Error).message);
    }
    worker.on('message', (answer: EncryptedCopyAnswer) => settle(() => ('done' in answer ? resolve(true) : reject(sqliteError(answer)))));
    worker.on('error', (error: Error & { code?: string }) => settle(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? reject(error) : unable(error.message))));
    worker.on('exit', (code) => settle(() => unable(`exit code ${code}`)));
  });
}
