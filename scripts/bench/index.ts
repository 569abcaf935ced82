/**
 * `npm run bench -- [--size S|M|L|XL] [--runs N] [--json OUT] [--seed N] [--fresh] [--cache DIR] [--only PHASES]
 * [--profile DIR] [--export-budget S] [--keep]`: benchmarks at the scale of a real research programme, each figure next to a physical
 * baseline measured in the same run (issue #8). See scripts/bench/README.md.
 *
 * Exits non-zero only when the benchmark itself breaks (a phase throws); missed targets are reported, never fatal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { currentFormat, defaultCacheDir, ensureProject, workingCopy } from './cache';
import { openSession, useBuiltCitationWorker, useBuiltDbWorker, type BenchContext, type OpenSession } from './context';
import { describeGeneration } from './generate';
import { machineInfo } from './machine';
import { PhasePeak } from './memory';
import { benchCsv } from './phases/csv';
import { benchEncrypted } from './phases/encrypted';
import { benchExport } from './phases/export';
import { benchImport } from './phases/import';
import { benchOpen } from './phases/open';
import { benchQuery } from './phases/query';
import { benchSearch } from './phases/search';
import { benchUi } from './phases/ui';
import { benchTeam } from './team';
import { figure, table, type Figure } from './report';
import { median } from './stats';
import { SIZES, type SizeName } from './sizes';

const PHASES = ['open', 'query', 'search', 'import', 'csv', 'export', 'encrypted', 'ui', 'team'] as const;
type Phase = (typeof PHASES)[number];

const USAGE = `Usage: npm run bench -- [--size S|M|L|XL] [--runs N] [--json OUT] [--seed N] [--fresh] [--cache DIR] [--only ${PHASES.join(',')}] [--profile DIR] [--export-budget S] [--keep]
  --size     S (5 cases, 2 norms, 100 documents), M (15, 4, 500), L (40 cases, 8 norms, 6 stages, 2,000 documents,
             50,000 excerpts, 20,000 cell edits) or XL (100 cases, 20 norms, 10,000 documents of ~1 GB of text,
             250,000 excerpts, 50,000 cell edits; generation takes long, once: it is cached). Default S.
  --runs     samples per figure (median, p95). Default 5.
  --json     write every figure, sample and the machine's description to this file.
  --seed     the generator's seed. Default 8.
  --fresh    regenerate the project (and nothing else) even if it is cached.
  --cache    where generated projects and the PDF fixture are kept (default $COMPARANDA_BENCH_CACHE or
             ${path.join(os.tmpdir(), 'comparanda-bench-cache')}).
  --only     run only these phases (comma-separated).
  --export-budget  seconds allowed to the all-norms exports of one format (default 300); samples done in time are kept;
             0 skips the all-norms exports (XL: their baseline alone outlasts a run).
  --profile  write CPU profiles (.cpuprofile) of search, import and export here and summarise them.
  --keep     keep the run's scratch folder (working copy of the project).`;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      runs: { type: 'string', default: '5' },
      json: { type: 'string' },
      seed: { type: 'string', default: '8' },
      fresh: { type: 'boolean', default: false },
      cache: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'string' },
      'export-budget': { type: 'string', default: '300' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const sizeName = values.size!.toUpperCase() as SizeName;
  const spec = SIZES[sizeName];
  if (!spec) throw new Error(`--size must be S, M, L or XL, not "${values.size}".`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}".`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}".`);
  const only = new Set<Phase>(values.only ? (values.only.split(',').map((p) => p.trim()) as Phase[]) : PHASES);
  for (const p of only) if (!PHASES.includes(p)) throw new Error(`Unknown phase "${p}"; the phases are ${PHASES.join(', ')}.`);
  const cacheDir = path.resolve(values.cache ?? defaultCacheDir());
  const exportBudgetMs = Number(values['export-budget']) * 1000;
  if (!(exportBudgetMs >= 0)) throw new Error(`--export-budget must be a number of seconds, not "${values['export-budget']}".`);
  const started = performance.now();

  const machine = machineInfo();
  log(`Comparanda benchmark, size ${spec.name}, ${runs} run${runs === 1 ? '' : 's'}, seed ${seed} — ${machine.cpu} x ${machine.cores}, ${machine.ramGiB} GiB, Node ${machine.node}, ${machine.chromium}, SQLite ${machine.sqlite}`);

  const genPeak = new PhasePeak();
  const cached = await ensureProject(spec, seed, { dir: cacheDir, fresh: values.fresh, log });
  const genPeakMb = genPeak.stop();
  log(`${cached.reused ? 'Reusing' : 'Made'} ${cached.file}\n  ${describeGeneration(cached.meta)}`);

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-bench-run-'));
  const figures: Figure[] = [];
  const errors: { phase: string; message: string }[] = [];
  const ctx: BenchContext = {
    size: spec,
    seed,
    runs,
    cacheDir,
    workDir,
    workFile: workingCopy(currentFormat(cached.file, log), workDir),
    meta: cached.meta,
    profileDir: values.profile ? path.resolve(values.profile) : null,
    log,
    figures,
    memory: {},
    info: {},
    profiles: [],
  };
  if (!cached.reused) ctx.memory['generation: bench process peak'] = genPeakMb;
  const citationWorker = useBuiltCitationWorker();
  useBuiltDbWorker();
  ctx.info.citationWorker = citationWorker ? 'citations formatted in the worker thread the app uses (dist/cite-worker.cjs)' : 'dist/cite-worker.cjs not built: citations formatted in the bench process';
  figures.push(
    figure({
      id: 'generation',
      label: `Generate the ${spec.name} project through the product${cached.reused ? ' (cached run)' : ''}`,
      samples: [cached.meta.generation.totalMs],
      breakdown: cached.meta.generation.stepsMs,
      notes: cached.reused ? `generated ${cached.meta.generatedAt}, reused from the cache` : 'generated in this run',
    }),
  );

  const phase = async (name: Phase, fn: () => Promise<void>) => {
    if (!only.has(name)) return;
    log(`— ${name} ...`);
    const t0 = performance.now();
    const peak = new PhasePeak();
    try {
      await fn();
    } catch (error) {
      errors.push({ phase: name, message: (error as Error).stack ?? String(error) });
      log(`  ${name} FAILED: ${(error as Error).message}`);
    } finally {
      const mb = peak.stop();
      if (name !== 'open' && name !== 'ui') ctx.memory[`${name}: bench process peak`] = mb;
      log(`  ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  };

  try {
    await phase('open', () => benchOpen(ctx));
    let open: OpenSession | undefined;
    const needsSession = (['query', 'search', 'import', 'export'] as const).some((p) => only.has(p));
    if (needsSession) {
      try {
        open = await openSession(ctx, 'core');
        figures.push(
          figure({ id: 'open.snapshot', label: 'Snapshot written on every open (background backup)', samples: open.openSnapshotMs === null ? [] : [open.openSnapshotMs] }),
          figure({
            id: 'open.snapshot.cells',
            label: 'cells.list (all) while that snapshot is written',
            samples: open.cellsDuringSnapshotMs,
            breakdown: { 'same call, idle (median)': median(open.cellsIdleMs), calls: open.cellsDuringSnapshotMs.length },
            notes: 'one call every 50 ms during the snapshot',
          }),
        );
      } catch (error) {
        errors.push({ phase: 'session', message: (error as Error).stack ?? String(error) });
      }
    }
    if (open) {
      const o = open;
      await phase('query', () => benchQuery(ctx, o));
      await phase('search', () => benchSearch(ctx, o));
      await phase('import', () => benchImport(ctx, o));
      await phase('export', () => benchExport(ctx, o, exportBudgetMs));
      o.close();
    }
    await phase('csv', () => benchCsv(ctx));
    await phase('encrypted', () => benchEncrypted(ctx));
    await phase('ui', () => benchUi(ctx));
    await phase('team', async () => {
      // Size S (the smoke run of npm test) keeps it small; M and L measure the issue's 10 replicas x 2,000 edits.
      const small = spec.name === 'S';
      const r = await benchTeam({ replicas: small ? 3 : 10, edits: small ? 100 : 2000, day: 500, log });
      if (!r.converged) throw new Error('the replicas did not converge');
      figures.push(
        figure({
          id: 'team.converge',
          label: `${r.replicas} replicas x ${r.editsPerReplica} offline edits, all synced until converged (${r.syncRounds} rounds)`,
          samples: [r.convergeSeconds * 1000],
          breakdown: { 'MB sent': r.bytesSent / 1e6, 'MB received': r.bytesReceived / 1e6, 'hub rows': r.hubRows, 'hub MB': r.hubBytes / 1e6 },
        }),
        figure({
          id: 'team.day',
          label: `One day's work (${r.dayEdits} edits, ${r.dayRows} change records) synced on loopback`,
          samples: [r.dayPushMs],
          baseline: { label: 'raw INSERT of the same rows, one transaction', samples: [r.baselineInsertMs] },
        }),
        figure({ id: 'team.edit', label: 'One cell edit in a team project (capture triggers + stamping)', samples: [r.editMsTeam], baseline: { label: 'the same edit outside a team', samples: [r.editMsPlain] } }),
      );
    });
  } finally {
    if (!values.keep) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`Kept the scratch folder ${workDir}`);
  }

  // --- Report ---------------------------------------------------------------------------------------------------
  const out: string[] = [];
  out.push('', `Comparanda benchmark — size ${spec.name} (${spec.cases} cases, ${spec.norms} norms, ${spec.stages} stages, ${cached.meta.counts.documents} documents, ${cached.meta.counts.excerpts} excerpts, ${cached.meta.counts.cells} cells), ${runs} run(s), seed ${seed}`);
  machine.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  out.push(`${machine.cpu} x ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ${machine.os}; Node ${machine.node}, ${machine.chromium}, SQLite ${machine.sqlite}; ${machine.date}`);
  out.push(`Load average (1, 5, 15 min) at start ${String(machine.loadAverageAtStart)}, at end ${String(machine.loadAverageAtEnd)}${Number((machine.loadAverageAtEnd as number[])[1]) > Number(machine.cores) ? ' — the machine was busy with other work: timings are inflated' : ''}.`);
  out.push(`Project: ${(cached.meta.fileBytes / 1e6).toFixed(0)} MB, ${(cached.meta.generation.textBytes / 1e6).toFixed(0)} MB of document text. Targets are those of size L; ratios are product / baseline.`, '');
  out.push(table(figures), '');
  out.push('Breakdowns (medians):');
  for (const f of figures) {
    if (!f.breakdown) continue;
    out.push(`  ${f.id}: ${Object.entries(f.breakdown)
      .map(([k, v]) => `${k} ${Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : '—'}`)
      .join(' · ')}${f.notes ? `  (${f.notes})` : ''}`);
  }
  out.push('', 'Peak memory (RSS high-water mark per phase, MB):');
  for (const [k, v] of Object.entries(ctx.memory)) out.push(`  ${k}: ${v === null ? '—' : v.toFixed(0)}`);
  if (ctx.profiles.length > 0) {
    out.push('', 'CPU profiles (top self time):');
    for (const p of ctx.profiles) {
      out.push(`  ${p.file} (${p.totalMs.toFixed(0)} ms)`);
      for (const t of p.top.slice(0, 8)) out.push(`    ${t.selfMs.toFixed(0).padStart(6)} ms ${t.selfPct.toFixed(1).padStart(5)}%  ${t.function} ${t.where}`);
    }
  }
  const missed = figures.filter((f) => f.met === false);
  out.push('', missed.length === 0 ? 'Every target met.' : `Targets missed: ${missed.map((f) => f.id).join(', ')}`);
  if (errors.length > 0) out.push('', `BENCHMARK ERRORS in ${errors.map((e) => e.phase).join(', ')}:`, ...errors.map((e) => `  [${e.phase}] ${e.message}`));
  out.push(`Total ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (values.json) {
    const json = {
      benchmark: 'comparanda',
      size: spec,
      seed,
      runs,
      machine,
      project: { cacheFile: cached.file, reused: cached.reused, ...cached.meta },
      figures,
      memoryMb: ctx.memory,
      info: ctx.info,
      profiles: ctx.profiles,
      errors,
      totalMs: performance.now() - started,
    };
    fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
    fs.writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
    log(`Wrote ${path.resolve(values.json)}`);
  }
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n${USAGE}\n`);
    process.exit(2);
  },
);
