/**
 * One cold open, in a process of its own (run by phases/open.ts): what the app does when a researcher opens a
 * project — a fresh connection (Session.open: inspect, migrate check, open, recent list, open-time snapshot started)
 * and the first query the UI makes (project.overview through the dispatcher, serialised as the transports do) — or
 * the baseline: raw better-sqlite3 open and SELECT count(*) FROM cells. Modules are loaded before the clock starts.
 * Prints one JSON line.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { Session } from '../../electron/core/session';

interface Args {
  mode: 'product' | 'baseline';
  file: string;
  userData: string;
}

function peakMb(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  if (args.mode === 'baseline') {
    const t0 = performance.now();
    const db = new Database(args.file);
    const row = db.prepare('SELECT count(*) AS n FROM cells').get() as { n: number };
    const ms = performance.now() - t0;
    db.close();
    process.stdout.write(`${JSON.stringify({ ms, cells: row.n, peakMb: peakMb() })}\n`);
    return;
  }
  // The app's session exists before any project is opened (it holds the preferences).
  const session = new Session(args.userData);
  const dispatch = createDispatcher(createHandlers(session, 'http'));
  const t0 = performance.now();
  session.open(args.file);
  const t1 = performance.now();
  const overview = await dispatch('project.overview', {});
  const json = JSON.stringify(overview);
  const t2 = performance.now();
  if (!overview.ok) throw new Error(`project.overview failed: ${json}`);
  // What the UI asks next (all cells), while the open-time snapshot is being written in the background.
  const cells = await dispatch('cells.list', {});
  const cellsJson = JSON.stringify(cells);
  const t3 = performance.now();
  process.stdout.write(
    `${JSON.stringify({ ms: t2 - t0, openMs: t1 - t0, overviewMs: t2 - t1, overviewBytes: json.length, cellsAfterOpenMs: t3 - t2, cellsBytes: cellsJson.length, peakMb: peakMb() })}\n`,
  );
  // The snapshot started by the open is abandoned with the process; the caller removes the user-data folder.
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
