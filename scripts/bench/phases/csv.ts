/**
 * CSV imports at 10k and 100k rows (issue 22): elections and indicator values through the product's importCsv (read,
 * decode, parse, per-row checks and savepoints, undo history, audit trail), each into a fresh copy of the sample
 * project, against a raw prepared INSERT of the same rows into another copy, in one transaction. The import must grow
 * linearly (100k / 10k ≤ 12) and cost at most three times the raw INSERT.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import { importCsv } from '../../../electron/core/csv-data';
import { Project } from '../../../electron/core/project';
import { writeSampleProject } from '../../../electron/core/sample';
import type { BenchContext } from '../context';
import { profile } from '../profiler';
import { figure } from '../report';
import { median } from '../stats';

const TYPES = ['parliamentary', 'presidential', 'referendum', 'local', 'other'] as const;
const INDICATORS = 50;

interface Rows {
  header: string[];
  rows: string[][];
}

/** Elections: distinct days per case, every type, rounds on some, a label and notes on each. */
function electionRows(cases: string[], n: number): Rows {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / cases.length);
    const day = new Date(Date.UTC(1800, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
    rows.push([cases[i % cases.length]!, day, TYPES[i % TYPES.length]!, i % 7 === 0 ? '2' : '', `Election ${i}`, `Notes on election ${i}: turnout, complaints, the count.`]);
  }
  return { header: ['case', 'date', 'type', 'round', 'label', 'notes'], rows };
}

/** Indicator values: 50 indicators with a scale and limits, one value per case and year. */
function indicatorRows(cases: string[], n: number): Rows {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / cases.length);
    rows.push([`Indicator ${k % INDICATORS}`, cases[i % cases.length]!, String(1000 + Math.floor(k / INDICATORS)), String((i * 37) % 100), '0-100', '0', '100']);
  }
  return { header: ['indicator', 'case', 'year', 'value', 'scale', 'min', 'max'], rows };
}

const toCsv = ({ header, rows }: Rows) => `${[header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\n`;

/** The same rows written with raw prepared INSERTs, ids and timestamps made as the product makes them. */
function rawInsert(file: string, kind: 'elections' | 'indicators', data: Rows): void {
  const db = new Database(file);
  try {
    const caseId = new Map((db.prepare('SELECT id, iso_code FROM cases').all() as { id: string; iso_code: string }[]).map((c) => [c.iso_code, c.id]));
    const now = new Date().toISOString();
    db.transaction(() => {
      if (kind === 'elections') {
        const insert = db.prepare('INSERT INTO elections (id, case_id, date, type, round, label, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const [c, d, type, round, label, notes] of data.rows) insert.run(crypto.randomUUID(), caseId.get(c!), d, type, round ? Number(round) : null, label, notes, now, now);
      } else {
        const indicator = db.prepare("INSERT INTO indicators (id, name, scale, min_value, max_value, higher_is, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'better', '', ?, ?)");
        const insert = db.prepare("INSERT INTO indicator_values (indicator_id, case_id, year, value, label, verification, note) VALUES (?, ?, ?, ?, '', 'unverified', '')");
        const ids = new Map<string, string>();
        for (const [name, c, year, value, scale, min, max] of data.rows) {
          let id = ids.get(name!);
          if (!id) {
            id = crypto.randomUUID();
            ids.set(name!, id);
            indicator.run(id, name, scale, Number(min), Number(max), now, now);
          }
          insert.run(id, caseId.get(c!), Number(year), Number(value));
        }
      }
    })();
  } finally {
    db.close();
  }
}

export async function benchCsv(ctx: BenchContext): Promise<void> {
  const dir = fs.mkdtempSync(path.join(ctx.workDir, 'csv-'));
  const template = path.join(dir, 'sample.comparanda');
  writeSampleProject(template);
  const probe = Project.open(template);
  const cases = (probe.db.prepare('SELECT iso_code FROM cases WHERE iso_code IS NOT NULL ORDER BY iso_code').all() as { iso_code: string }[]).map((c) => c.iso_code);
  probe.close();
  const copy = (name: string) => {
    const file = path.join(dir, name);
    fs.copyFileSync(template, file);
    return file;
  };
  const medians: Record<string, number> = {};
  for (const kind of ['elections', 'indicators'] as const) {
    for (const n of [10_000, 100_000]) {
      const data = kind === 'elections' ? electionRows(cases, n) : indicatorRows(cases, n);
      const csvFile = path.join(dir, `${kind}-${n}.csv`);
      fs.writeFileSync(csvFile, toCsv(data));
      // 100k rows take seconds each: two samples at most (one for a single-run smoke test).
      const runs = n > 10_000 ? Math.min(ctx.runs, 2) : ctx.runs;
      const product: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < runs; i++) {
        const file = copy(`product-${kind}-${n}-${i}.comparanda`);
        const p = Project.open(file);
        const t0 = performance.now();
        const outcome = importCsv(p, { kind, path: csvFile });
        product.push(performance.now() - t0);
        p.close();
        if (outcome.created !== n) throw new Error(`The ${kind} import of ${n} rows created ${outcome.created}: ${JSON.stringify(outcome.skipped.slice(0, 3))}`);
        fs.rmSync(file, { force: true });
        const rawFile = copy(`raw-${kind}-${n}-${i}.comparanda`);
        const t1 = performance.now();
        rawInsert(rawFile, kind, data);
        baseline.push(performance.now() - t1);
        fs.rmSync(rawFile, { force: true });
      }
      medians[`${kind}-${n}`] = median(product);
      const growth = n > 10_000 ? median(product) / medians[`${kind}-10000`]! : null;
      ctx.figures.push(
        figure({
          id: `import.csv.${kind}.${n / 1000}k`,
          label: `Import ${n.toLocaleString('en')} ${kind} rows from CSV (importCsv)`,
          samples: product,
          baseline: { label: 'raw prepared INSERT, one transaction', samples: baseline },
          breakdown: { 'file MB': fs.statSync(csvFile).size / 1e6, ...(growth !== null ? { 'time / time at 10k rows': growth } : {}) },
          ...(growth !== null && growth > 12 ? { unfinished: `grows faster than the rows: ${growth.toFixed(1)}x the 10k time for 10x the rows (target ≤ 12)` } : {}),
          notes: 'into a fresh copy of the sample project',
        }),
      );
      if (ctx.profileDir && n > 10_000) {
        const file = copy(`profile-${kind}.comparanda`);
        const p = Project.open(file);
        const { summary } = await profile(ctx.profileDir, `csv-${kind}-${ctx.size.name}`, () => Promise.resolve(importCsv(p, { kind, path: csvFile })));
        p.close();
        ctx.profiles.push(summary);
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
