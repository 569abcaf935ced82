/** What every phase of a run shares: the project, the options, and where figures, memory peaks and notes go. */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../electron/contract/errors';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { useDbWorker } from '../../electron/core/db/in-worker';
import { useCitationWorker } from '../../electron/core/export/citations';
import { Session } from '../../electron/core/session';
import type { GeneratedProject } from './generate';
import type { ProfileSummary } from './profiler';
import type { Figure } from './report';
import type { SizeSpec } from './sizes';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The bench runs the product from its sources, where no worker script sits beside the code: it formats citations in
 * the worker thread the app uses (dist/cite-worker.cjs, built by `npm run bench` before it runs), when it is built.
 */
export function useBuiltCitationWorker(): string | null {
  const file = path.join(REPO_ROOT, 'dist', 'cite-worker.cjs');
  const found = fs.existsSync(file) ? file : null;
  useCitationWorker(found);
  return found;
}

/** Likewise, an encrypted project is copied in the worker thread the app uses (dist/db-worker.cjs), when it is built. */
export function useBuiltDbWorker(): string | null {
  const file = path.join(REPO_ROOT, 'dist', 'db-worker.cjs');
  const found = fs.existsSync(file) ? file : null;
  useDbWorker(found);
  return found;
}

export interface BenchContext {
  size: SizeSpec;
  seed: number;
  runs: number;
  cacheDir: string;
  /** Scratch folder of this run (removed at the end). */
  workDir: string;
  /** The run's working copy of the cached project. */
  workFile: string;
  meta: GeneratedProject;
  /** Write CPU profiles of the in-process phases here (--profile). */
  profileDir: string | null;
  log: (message: string) => void;
  figures: Figure[];
  /** Peak RSS per phase and process, MB. */
  memory: Record<string, number | null>;
  /** Everything else worth keeping: breakdowns, hit counts, versions. */
  info: Record<string, unknown>;
  profiles: ProfileSummary[];
}

export type Dispatch = (method: string, input: unknown) => Promise<Envelope>;

export interface OpenSession {
  session: Session;
  dispatch: Dispatch;
  /** How long the snapshot the app takes on every open took to write (it runs in the background). */
  openSnapshotMs: number | null;
  /** cells.list (all) + JSON, called every 50 ms while that snapshot was being written, and then idle. */
  cellsDuringSnapshotMs: number[];
  cellsIdleMs: number[];
  close(): void;
}

/** Opens the working copy as the app does (Session.open) and waits for its open-time snapshot to be written. */
export async function openSession(ctx: BenchContext, name: string): Promise<OpenSession> {
  const userData = fs.mkdtempSync(path.join(ctx.workDir, `${name}-user-data-`));
  const session = new Session(userData);
  const dispatch = createDispatcher(createHandlers(session, 'http')) as Dispatch;
  const t0 = performance.now();
  session.open(ctx.workFile);
  let openSnapshotMs: number | null = null;
  const deadline = Date.now() + 10 * 60 * 1000;
  const cellsCall = async () => {
    const t = performance.now();
    JSON.stringify(await dispatch('cells.list', {}));
    return performance.now() - t;
  };
  // What the UI's first calls meet: the snapshot is copied in steps on this same event loop.
  const cellsDuringSnapshotMs: number[] = [];
  while (Date.now() < deadline) {
    if (session.backups.list(ctx.workFile).length > 0) {
      openSnapshotMs = performance.now() - t0;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (session.backups.list(ctx.workFile).length === 0) cellsDuringSnapshotMs.push(await cellsCall());
  }
  const cellsIdleMs: number[] = [];
  for (let i = 0; i < 10; i++) cellsIdleMs.push(await cellsCall());
  return {
    session,
    dispatch,
    openSnapshotMs,
    cellsDuringSnapshotMs,
    cellsIdleMs,
    close: () => {
      session.close();
      fs.rmSync(userData, { recursive: true, force: true });
    },
  };
}

/** Unwraps an envelope, failing the phase loudly when the product answered with an error. */
export function result<T>(envelope: Envelope, method: string): T {
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.result as T;
}
