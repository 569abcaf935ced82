/**
 * Long whole-file operations on a project in a worker thread (db-worker.ts, built to dist/db-worker.cjs), so that
 * the thread answering the window goes on answering while they run:
 *
 * - An encrypted project's copy (its snapshots, `Save a copy`). It cannot be made by SQLite's online backup (which
 *   writes the copy in plain text) but by `VACUUM INTO`, one statement that runs to its end: on the project's own
 *   connection it held the app's only thread for the whole copy — 8.6 s for a 945 MB project (the benchmark's L
 *   size) at every snapshot (one at open and one every five minutes of edits).
 * - The integrity and foreign-key checks of `Check project`, which read every page: 5–10 s at L.
 *
 * The worker opens a connection of its own, with the same key; SQLite's WAL gives it the project as it was when it
 * began, while the app's connection writes on. It needs the better_sqlite3.node the app uses: its bundle, started
 * from a file beside app.asar when packaged, finds better-sqlite3's JavaScript unpacked there but not the `bindings`
 * package that would look for the addon, so the addon's path is handed to it. Where no worker script is built
 * (running from the sources) or the worker cannot start, the caller does the work on the project's connection, as
 * before: a snapshot or a check is never skipped.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { builtWorkerScript } from '../paths';
import { runOnceInWorker } from '../worker-once';
import type { CheckRows, DbWorkerAnswer, DbWorkerInput, DbWorkerOperation } from './db-worker';

/** undefined: look beside the bundle; null: never a worker (the work is done on the project's connection). */
let workerScript: string | null | undefined;

/** Runs the work in this worker script (tests and the benchmark name the built one; null: on the project's connection). */
export function useDbWorker(file: string | null | undefined): void {
  workerScript = file;
}

function dbWorker(): string | null {
  if (workerScript === undefined) workerScript = builtWorkerScript('db-worker.cjs');
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

/** An error as SQLite gave it in the worker (its code kept: SQLITE_FULL is a full disk, SQLITE_CORRUPT a damaged file). */
function sqliteError(answer: { failed: string; code?: string }): Error {
  return Object.assign(new Error(answer.failed), answer.code ? { code: answer.code } : {});
}

/** Where the project is and how to open it. */
export interface WorkerConnection {
  source: string;
  passphrase?: string | undefined;
  nativeBinding?: string | undefined;
}

/**
 * Runs `operation` in a worker thread (worker-once.ts). Answers null when no worker could run it (none built, or it
 * could not start): the caller does it on its own connection; `cleanUp` removes what a worker that died half-way
 * left. Rejects with SQLite's error when the operation itself failed.
 */
function inWorker(connection: WorkerConnection, operation: DbWorkerOperation, cleanUp: () => void = () => undefined): Promise<{ check?: CheckRows } | null> {
  const script = dbWorker();
  const binding = connection.nativeBinding ?? packageBinding();
  if (!script || !binding) return Promise.resolve(null);
  const input: DbWorkerInput = { ...operation, source: connection.source, passphrase: connection.passphrase, nativeBinding: binding };
  return runOnceInWorker(script, input, {
    answer: (answer: DbWorkerAnswer) => {
      if (!('done' in answer)) throw sqliteError(answer);
      return answer.check ? { check: answer.check } : {};
    },
    unable: (why) => {
      cleanUp();
      console.error(`[comparanda] The ${operation.op} is done on the project's own connection: the worker thread ${script} could not run (${why}).`);
    },
  });
}

/**
 * Writes an encrypted copy of an encrypted project at `target`, which must not exist. Answers false when no worker
 * could do it, having left nothing at `target`.
 */
export async function copyEncryptedInWorker(connection: WorkerConnection & { passphrase: string }, target: string): Promise<boolean> {
  // What a worker that died in the middle left: the caller writes the same file again.
  const cleanUp = () => {
    for (const file of [target, `${target}-journal`]) fs.rmSync(file, { force: true });
  };
  return (await inWorker(connection, { op: 'copy', target }, cleanUp)) !== null;
}

/** The integrity and foreign-key checks of a project; null when no worker could run them. */
export async function checkInWorker(connection: WorkerConnection): Promise<CheckRows | null> {
  return (await inWorker(connection, { op: 'check' }))?.check ?? null;
}
