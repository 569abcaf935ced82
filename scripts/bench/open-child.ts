/**
 * One cold open, in a process of its own (run by phases/open.ts): what the app does when a researcher opens a
 * project — a fresh connection (Session.open: inspect, migrate check, open, recent list, open-time snapshot started)
 * and the first query the UI makes (project.overview through the dispatcher, serialised as the transports do) — or
 * the baseline: the same reads with raw better-sqlite3 (issue 22: every statement that read the project during a
 * product open, recorded once in 'record' mode, replayed on a raw connection), or the old baseline 'count' (raw open
 * and SELECT count(*) FROM cells). Modules are loaded before the clock starts. Prints one JSON line.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { Session } from '../../electron/core/session';

interface Args {
  mode: 'product' | 'baseline' | 'count' | 'record';
  file: string;
  userData: string;
  /** The reads recorded by 'record' (a JSON file), replayed by 'baseline'. */
  reads?: string;
}

interface Read {
  sql: string;
  args: unknown[];
}

/** Records every statement that reads `file` (its SQL and arguments) while the product runs. */
function recordReads(file: string): Read[] {
  const reads: Read[] = [];
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'all' | 'get' | 'iterate', (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ['all', 'get', 'iterate'] as const) {
    const original = proto[method]!;
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (this.reader && this.database.name === file) reads.push({ sql: this.source, args });
      return original.apply(this, args);
    };
  }
  return reads;
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
    const reads = JSON.parse(fs.readFileSync(args.reads!, 'utf8')) as Read[];
    const t0 = performance.now();
    const db = new Database(args.file);
    let rows = 0;
    for (const read of reads) {
      // A pragma that returned rows when it set something (journal_mode = WAL) returns none once it is set.
      const statement = db.prepare(read.sql);
      if (statement.reader) rows += statement.all(...read.args).length;
      else statement.run(...read.args);
    }
    const ms = performance.now() - t0;
    db.close();
    process.stdout.write(`${JSON.stringify({ ms, reads: reads.length, rows, peakMb: peakMb() })}\n`);
    return;
  }
  if (args.mode === 'count') {
    const t0 = performance.now();
    const db = new Database(args.file);
    const row = db.prepare('SELECT count(*) AS n FROM cells').get() as { n: number };
    const ms = performance.now() - t0;
    db.close();
    process.stdout.write(`${JSON.stringify({ ms, cells: row.n, peakMb: peakMb() })}\n`);
    return;
  }
  const recorded = args.mode === 'record' ? recordReads(args.file) : null;
  // The app's session exists before any project is opened (it holds the preferences), and the app has read them at
  // start (the window's bounds, the language of the menus: electron/main/index.ts), so an open finds them read.
  const session = new Session(args.userData);
  session.prefs.read();
  const dispatch = createDispatcher(createHandlers(session, 'http'));
  const t0 = performance.now();
  session.open(args.file);
  const t1 = performance.now();
  const overview = await dispatch('project.overview', {});
  const json = JSON.stringify(overview);
  const t2 = performance.now();
  if (!overview.ok) throw new Error(`project.overview failed: ${json}`);
  if (recorded) {
    fs.writeFileSync(args.reads!, JSON.stringify(recorded));
    process.stdout.write(`${JSON.stringify({ ms: t2 - t0, reads: recorded.length, peakMb: peakMb() })}\n`);
    process.exit(0);
  }
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
