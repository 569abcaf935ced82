/**
 * Property (issue 13): a CSV round trip never changes a field that was not in the file. Each iteration exports one
 * kind from the sample, drops random columns, edits random cells of the columns it keeps (with values taken from
 * other rows, or emptied), imports the result, and compares the full export before and after. A seeded generator
 * keeps every run the same; the seed and iteration are in each failure message.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { CsvKind } from '../../electron/contract/api';
import { CSV_HEADERS, exportCsv, importCsv } from '../../electron/core/csv-data';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The columns that identify a record (never dropped or edited: changing them names another record). */
const KEYS: Record<CsvKind, string[]> = {
  elections: ['case', 'date', 'type', 'round'],
  missions: ['case', 'election_date', 'election_type', 'election_round', 'organisation', 'mission_type'],
  claims: ['claimant', 'statement'],
  indicators: ['indicator', 'case', 'year'],
  regional: ['record', 'label', 'organisation', 'case', 'status', 'date_from'],
  cases: ['name'],
  cells: ['case', 'norm', 'stage'],
};
/** An indicator's own columns: repeated on each of its rows, so another row of the same indicator may change them. */
const SHARED = new Set(['scale', 'min', 'max', 'higher_is']);
/** Columns whose empty cell stands for a default, so the stored value is not the written one. */
const DEFAULTED = new Set(['verification', 'statement_kind', 'assessment', 'target', 'higher_is', 'role', 'status']);

function rowsOf(text: string, kind: CsvKind): Map<string, Record<string, string>> {
  const [header, ...records] = parse(text) as string[][];
  const rows = records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  return new Map(rows.map((r) => [KEYS[kind].map((k) => r[k]).join('\u0000'), r]));
}

describe('CSV round trips (seeded property)', () => {
  it('never change a field that was not in the file, over 200 random files', () => {
    const seed = 20261206;
    const random = prng(seed);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const file = path.join(tempDir(), 'sample.comparanda');
    writeSampleProject(file);
    const p = Project.open(file);
    const kinds: CsvKind[] = ['elections', 'missions', 'claims', 'indicators', 'regional', 'cases', 'cells'];
    let updated = 0;
    let dropped = 0;
    for (let iteration = 0; iteration < 200; iteration++) {
      const where = `seed ${seed}, iteration ${iteration}`;
      const kind = pick(kinds);
      const before = rowsOf(exportCsv(p, { kind }).text, kind);
      const optional = CSV_HEADERS[kind].filter((c) => !KEYS[kind].includes(c));
      const kept = optional.filter(() => random() < 0.5);
      const columns = CSV_HEADERS[kind].filter((c) => KEYS[kind].includes(c) || kept.includes(c));
      dropped += optional.length - kept.length;
      const all = [...before.values()];
      const written = all.map((row) => {
        const out = { ...row };
        for (const column of kept) if (random() < 0.2) out[column] = random() < 0.3 ? '' : pick(all)[column]!;
        return out;
      });
      const text = stringify([columns, ...written.map((r) => columns.map((c) => r[c]))]);
      const result = importCsv(p, { kind, text, skipBadRows: true });
      updated += result.updated;
      const skippedLines = new Set(result.skipped.map((s) => s.line));
      const after = rowsOf(exportCsv(p, { kind }).text, kind);
      expect([...after.keys()].sort(), where).toEqual([...before.keys()].sort());
      written.forEach((row, i) => {
        const key = KEYS[kind].map((k) => row[k]).join('\u0000');
        const old = before.get(key)!;
        const now = after.get(key)!;
        for (const column of CSV_HEADERS[kind]) {
          if (!columns.includes(column)) expect(now[column], `${where}: ${kind} line ${i + 2}, ${column} (not in the file)`).toBe(old[column]);
          else if (skippedLines.has(i + 2)) {
            if (kind !== 'indicators' || !SHARED.has(column)) expect(now[column], `${where}: ${kind} line ${i + 2}, ${column} (row refused)`).toBe(old[column]);
          } else if (!DEFAULTED.has(column) || row[column] !== '') expect(now[column], `${where}: ${kind} line ${i + 2}, ${column}`).toBe(row[column]);
        }
      });
    }
    // The property is only worth something if the files really dropped columns and changed records.
    expect(dropped).toBeGreaterThan(500);
    expect(updated).toBeGreaterThan(100);
    p.close();
  });
});
