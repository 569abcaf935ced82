/**
 * An encrypted project: made from the benchmark's project (`Encrypt a copy…`), then opened as the app opens it and
 * snapshotted as after five minutes of edits, while the window's calls go on (cells.list every 50 ms, and the longest
 * stretch the event loop was held). An encrypted project is copied by `VACUUM INTO` (SQLite's online backup would
 * write the copy in plain text); the app copies it in a worker thread (electron/core/db/in-worker.ts). The
 * baseline is the same `VACUUM INTO` on a connection in this thread, as the app did it before: its duration is how
 * long the window waited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createDispatcher, createHandlers } from '../../../electron/core/api';
import { applyKey } from '../../../electron/core/db/cipher';
import { Project } from '../../../electron/core/project';
import { Session } from '../../../electron/core/session';
import type { BenchContext, Dispatch } from '../context';
import { figure } from '../report';
import { median } from '../stats';

const PASS = 'a benchmark passphrase';

export async function benchEncrypted(ctx: BenchContext): Promise<void> {
  const file = path.join(ctx.workDir, 'encrypted.comparanda');
  const plain = Project.open(ctx.workFile, { readonly: true });
  let t0 = performance.now();
  plain.encryptCopy(file, PASS);
  const encryptMs = performance.now() - t0;
  plain.close();

  const userData = fs.mkdtempSync(path.join(ctx.workDir, 'encrypted-user-data-'));
  const session = new Session(userData);
  const dispatch = createDispatcher(createHandlers(session, 'http')) as Dispatch;
  const cellsCall = async () => {
    const t = performance.now();
    JSON.stringify(await dispatch('cells.list', {}));
    return performance.now() - t;
  };
  try {
    session.open(file, PASS);
    // The open snapshot first (it would compete with the one measured), as the app takes it a few seconds after an open.
    const deadline = Date.now() + 30 * 60 * 1000;
    while (session.backups.list(file).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    if (session.backups.list(file).length === 0) throw new Error('the open snapshot of the encrypted project was not written within 30 minutes');
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push(await cellsCall());

    // A snapshot as after five minutes of edits, with the window's calls going on.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    let done = false;
    t0 = performance.now();
    const snapshot = session.snapshot('edits').then(() => {
      done = true;
      return performance.now() - t0;
    });
    const during: number[] = [];
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!done) during.push(await cellsCall());
    }
    const snapshotMs = await snapshot;
    stalls.disable();
    const longestStall = stalls.max / 1e6;
    if (session.backups.list(file).length < 2) throw new Error('the snapshot of the encrypted project was not written');
    session.close();

    // The baseline: the same copy on a connection in this thread.
    const rawTarget = path.join(ctx.workDir, 'encrypted-raw-copy.comparanda');
    const db = new Database(file, { fileMustExist: true });
    t0 = performance.now();
    applyKey(db, PASS);
    db.exec(`VACUUM INTO '${rawTarget.replace(/'/g, "''")}'`);
    const rawMs = performance.now() - t0;
    db.close();
    fs.rmSync(rawTarget, { force: true });

    ctx.figures.push(
      figure({ id: 'encrypted.copy', label: 'Encrypt a copy of the project', samples: [encryptMs], notes: 'a new encrypted file, built by the migrations and filled from the project' }),
      figure({
        id: 'encrypted.snapshot',
        label: 'Snapshot of the encrypted project (background backup, every 5 min of edits)',
        samples: [snapshotMs],
        baseline: { label: 'VACUUM INTO of the same file, in this thread', samples: [rawMs] },
        breakdown: { 'longest event-loop stall': longestStall, 'baseline: event loop held': rawMs, 'cells.list calls answered meanwhile': during.length },
        notes: 'copied in a worker thread; the baseline is how the app copied it before, holding the thread that answers the window',
      }),
      figure({
        id: 'encrypted.snapshot.cells',
        label: 'cells.list (all) while that snapshot is written',
        samples: during,
        breakdown: { 'same call, idle (median)': median(idle), calls: during.length },
        notes: 'one call every 50 ms during the snapshot',
      }),
    );
  } finally {
    session.close();
    fs.rmSync(userData, { recursive: true, force: true });
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}
