/**
 * Opening the project. Each sample is a new process (open-child.ts); "cold" also evicts the project file from the
 * OS page cache first (fsync, then dd iflag=nocache: posix_fadvise DONTNEED on this one file, no root-wide cache drop),
 * so the first reads come from the disk as after a reboot. "Warm" is a new process with the whole file read into the
 * page cache first. BENCH_CHILD_ARGS adds node flags to the children (e.g. "--cpu-prof --cpu-prof-dir=DIR").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Backups } from '../../../electron/core/backups';
import { REPO_ROOT, type BenchContext } from '../context';
import { figure } from '../report';
import { median } from '../stats';

interface ChildResult {
  ms: number;
  openMs?: number;
  overviewMs?: number;
  overviewBytes?: number;
  cellsAfterOpenMs?: number;
  peakMb: number | null;
}

/** Evicts a file from the page cache; answers whether that worked. */
export function dropFromPageCache(file: string): boolean {
  for (const f of [file, `${file}-wal`]) {
    if (!fs.existsSync(f)) continue;
    const fd = fs.openSync(f, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const dd = spawnSync('dd', [`if=${f}`, 'iflag=nocache', 'count=0', 'status=none']);
    if (dd.status !== 0) return false;
  }
  return true;
}

/** Reads a file through once, so that it is in the page cache (a cold sample before may have evicted it). */
function warmPageCache(file: string): void {
  const buffer = Buffer.alloc(8 * 1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0) {
      // Just reading.
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A process that was ended without closing leaves a -wal file and its lock behind; fold the one back and remove the
 * other (as the app's quit would have), so that every sample starts alike and none pays for a stale lock.
 */
function tidy(file: string): void {
  fs.rmSync(`${file}.lock`, { force: true });
  if (!fs.existsSync(`${file}-wal`)) return;
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export async function benchOpen(ctx: BenchContext): Promise<void> {
  const child = path.join(__dirname, '..', 'open-child.ts');
  let cacheDropped = true;
  let childPeak = 0;
  let reopenPeak = 0;
  // The baseline replays the reads of a product open on a raw connection: recorded once, from a product open.
  const reads = path.join(ctx.workDir, 'open-reads.json');
  const run = (mode: 'product' | 'baseline' | 'count' | 'record', cold: boolean, keptUserData?: string): ChildResult => {
    tidy(ctx.workFile);
    if (cold) cacheDropped = dropFromPageCache(ctx.workFile) && cacheDropped;
    else warmPageCache(ctx.workFile);
    const userData = keptUserData ?? fs.mkdtempSync(path.join(ctx.workDir, 'open-user-data-'));
    try {
      const out = spawnSync(process.execPath, [...(process.env.BENCH_CHILD_ARGS ? process.env.BENCH_CHILD_ARGS.split(' ') : []), '--import', 'tsx', child, JSON.stringify({ mode, file: ctx.workFile, userData, reads })], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 300_000,
      });
      if (out.status !== 0) throw new Error(`The ${mode} open failed (${out.status ?? out.signal}):\n${out.stderr}`);
      const line = out.stdout.trim().split('\n').at(-1) ?? '';
      const parsed = JSON.parse(line) as ChildResult;
      if (mode === 'product' && !keptUserData) childPeak = Math.max(childPeak, parsed.peakMb ?? 0);
      if (mode === 'product' && keptUserData) reopenPeak = Math.max(reopenPeak, parsed.peakMb ?? 0);
      return parsed;
    } finally {
      if (!keptUserData) fs.rmSync(userData, { recursive: true, force: true });
      tidy(ctx.workFile);
    }
  };

  const recorded = run('record', false) as ChildResult & { reads?: number };
  ctx.info.openReads = recorded.reads ?? null;
  // One of each first: the loader's caches (tsx, the native module) warm up as they would on a user's machine.
  if (ctx.runs > 1) {
    run('product', false);
    run('baseline', false);
  }
  const cold: ChildResult[] = [];
  const coldBase: ChildResult[] = [];
  const warm: ChildResult[] = [];
  const warmBase: ChildResult[] = [];
  const coldCount: ChildResult[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    cold.push(run('product', true));
    coldBase.push(run('baseline', true));
    coldCount.push(run('count', true));
    warm.push(run('product', false));
    warmBase.push(run('baseline', false));
  }
  // Reopening: the researcher has opened this project before, so its user data holds a snapshot of it as it is
  // (named now, newer than the file: the app then takes no new one). Cold, the snapshot evicted from the cache too.
  const reopenUserData = fs.mkdtempSync(path.join(ctx.workDir, 'reopen-user-data-'));
  const folder = new Backups(path.join(reopenUserData, 'backups')).folderFor(ctx.workFile);
  fs.mkdirSync(folder, { recursive: true });
  const snapshot = path.join(folder, `${new Date().toISOString().replace(/[-:]/g, '').replace('.', '')}-open.comparanda`);
  fs.copyFileSync(ctx.workFile, snapshot);
  const reopen: ChildResult[] = [];
  const reopenBase: ChildResult[] = [];
  try {
    for (let i = 0; i < ctx.runs; i++) {
      dropFromPageCache(snapshot);
      reopen.push(run('product', true, reopenUserData));
      reopenBase.push(run('baseline', true));
    }
  } finally {
    fs.rmSync(reopenUserData, { recursive: true, force: true });
  }

  const breakdown = (list: ChildResult[]) => ({
    'Session.open': median(list.map((r) => r.openMs ?? NaN)),
    'project.overview + JSON': median(list.map((r) => r.overviewMs ?? NaN)),
  });
  const note = cacheDropped ? 'new process; project file evicted from the page cache' : 'new process; the page cache could NOT be dropped (warm)';
  ctx.figures.push(
    figure({
      id: 'open.cold',
      label: 'Open project, cold: Session.open + project.overview',
      samples: cold.map((r) => r.ms),
      baseline: { label: 'raw open + the same reads', samples: coldBase.map((r) => r.ms) },
      target: { max: ctx.size.targets.openMs, ratioMax: 1.5 },
      notes: `${note}; the baseline replays the ${String(recorded.reads ?? '?')} statements that read the project during a product open`,
      breakdown: { ...breakdown(cold), 'raw open + count(cells), the old baseline': median(coldCount.map((r) => r.ms)) },
    }),
    figure({
      id: 'open.warm',
      label: 'Open project, warm (new process, file cached)',
      samples: warm.map((r) => r.ms),
      baseline: { label: 'raw open + the same reads', samples: warmBase.map((r) => r.ms) },
      target: { ratioMax: 1.5 },
      breakdown: breakdown(warm),
    }),
    figure({
      id: 'open.reopen',
      label: 'Reopen, cold, with its snapshot in user data',
      samples: reopen.map((r) => r.ms),
      baseline: { label: 'raw open + the same reads', samples: reopenBase.map((r) => r.ms) },
      target: { max: ctx.size.targets.openMs, ratioMax: 1.5 },
      notes: 'the common case: a snapshot of the project as it is exists from an earlier open',
      breakdown: breakdown(reopen),
    }),
    figure({
      id: 'open.firstCells',
      label: 'Then the first cells.list (all) of the process',
      samples: cold.map((r) => r.cellsAfterOpenMs ?? NaN),
      notes: 'what the UI asks for right after the overview',
    }),
  );
  ctx.memory['open: child process peak'] = childPeak;
  ctx.memory['open: child process peak, reopen with a snapshot'] = reopenPeak;
  ctx.info.openOverviewBytes = cold[0]?.overviewBytes ?? null;
}
