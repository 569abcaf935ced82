/**
 * Issue 21: the analysis reproduces what the R package QCA (Dusa) prints for the Lipset data of the textbooks
 * (Rihoux & De Meur 2009; Cronqvist & Berg-Schlosser 2009), numbers copied from the package's reference output
 * (tests/fixtures/qca/README.md says where the data come from).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSolutions, minimize, necessityTable } from '../../electron/core/qca/analysis';
import { calibrateCrisp, calibrateFuzzy, calibrateValue } from '../../electron/core/qca/calibrate';
import { prepareData, readMembershipCsv } from '../../electron/core/qca/data';
import { parseTerm, sufficiency, termMembership } from '../../electron/core/qca/sets';
import { truthTable } from '../../electron/core/qca/truth-table';

const fixture = (name: string) => readMembershipCsv(path.resolve(__dirname, '../fixtures/qca', name));
const LC = () => prepareData(fixture('LC.csv'), 'SURV');
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

describe('truth table', () => {
  it('LC: the rows, outputs, frequencies and cases R prints', () => {
    const tt = truthTable(LC());
    expect(tt.rows.map((r) => [r.id, r.out, r.n, r.cases.join(',')])).toEqual([
      [1, '0', 3, 'GR,PT,ES'],
      [2, '0', 2, 'IT,RO'],
      [5, '0', 2, 'HU,PL'],
      [6, '0', 1, 'EE'],
      [22, '1', 2, 'FI,IE'],
      [23, '0', 1, 'AU'],
      [24, '1', 2, 'FR,SE'],
      [31, '0', 1, 'DE'],
      [32, '1', 4, 'BE,CZ,NL,UK'],
    ]);
    expect(tt.remainders).toBe(23);
  });

  it('LM with n.cut = 2: the rows with one case become remainders, as in ttLM$removed', () => {
    const tt = truthTable(prepareData(fixture('LM.csv'), 'SURV'), { nCut: 2 });
    expect(tt.rows.filter((r) => r.out === '?').map((r) => [r.id, r.cases.join(',')])).toEqual([
      [6, 'EE'],
      [23, 'AU'],
      [31, 'DE'],
      [32, 'CZ'],
    ]);
    expect(tt.rows.filter((r) => r.out === '1').map((r) => r.id)).toEqual([22, 40, 48]);
  });

  it('fuzzy: a case sits in the row where it is above 0.5; a row\'s inclusion counts every case; 0.5 places a case nowhere', () => {
    const data = prepareData({ cases: ['a', 'b', 'c'], columns: { A: [0.8, 0.3, 0.5], B: [0.6, 0.9, 0.7], Y: [0.7, 0.2, 0.9] } }, 'Y');
    const tt = truthTable(data, { inclCut: 0.8 });
    expect(tt.unassigned).toEqual(['c']);
    const row = tt.rows.find((r) => r.id === 4)!; // A*B
    expect(row.cases).toEqual(['a']);
    // A*B = min(A, B) = 0.6, 0.3, 0.5; Σ = 1.4; Σ min(A*B, Y) = 0.6 + 0.2 + 0.5 = 1.3.
    expect(row.incl).toBeCloseTo(1.3 / 1.4, 12);
    expect(row.out).toBe('1');
    expect(tt.rows.find((r) => r.id === 2)).toMatchObject({ cases: ['b'], out: '0' }); // ~A*B
  });

  it('a contradiction between two inclusion cuts, and the PRI cut', () => {
    const data = prepareData({ cases: ['a', 'b', 'c', 'd'], columns: { A: [1, 1, 1, 0], Y: [1, 1, 0, 0] } }, 'Y');
    expect(truthTable(data, { inclCut: [0.8, 0.6] }).rows.find((r) => r.id === 2)?.out).toBe('C');
    expect(truthTable(data, { inclCut: 0.6 }).rows.find((r) => r.id === 2)?.out).toBe('1');
    expect(truthTable(data, { inclCut: 0.6, priCut: 0.7 }).rows.find((r) => r.id === 2)?.out).toBe('0');
  });
});

describe('minimisation of the Lipset crisp data', () => {
  it('conservative: DEV*~URB*LIT*STB + DEV*LIT*IND*STB with R\'s fit (Rihoux & De Meur 2009, p. 57)', () => {
    const { solutions } = minimize(LC());
    const [model] = solutions[0]!.models;
    expect(solutions[0]!.models).toHaveLength(1);
    expect(model!.terms).toEqual(['DEV*~URB*LIT*STB', 'DEV*LIT*IND*STB']);
    const fits = model!.terms.map((t) => model!.termFits[t]!);
    expect(fits.map((f) => [f.inclS, f.PRI, f.covS, round3(f.covU)])).toEqual([
      [1, 1, 0.5, 0.25],
      [1, 1, 0.75, 0.5],
    ]);
    expect(fits.map((f) => f.cases.map((c) => c.join(',')).join('; '))).toEqual(['FI,IE; FR,SE', 'FR,SE; BE,CZ,NL,UK']);
    expect(model!.fit).toEqual({ inclS: 1, PRI: 1, covS: 1 });
  });

  it('parsimonious: DEV*STB, with the five simplifying assumptions R lists', () => {
    const { solutions } = minimize(LC(), { include: '?' });
    expect(solutions[0]!.models.map((m) => m.terms)).toEqual([['DEV*STB']]);
    expect(solutions[0]!.models[0]!.termFits['DEV*STB']).toMatchObject({ inclS: 1, covS: 1, covU: null });
    expect(solutions[0]!.simplifyingAssumptions).toEqual({ count: 5, rows: [18, 20, 26, 28, 30] });
  });

  it('the negated outcome: ~DEV*~URB*~IND + DEV*LIT*IND*~STB, and ~DEV + ~STB with remainders', () => {
    const neg = prepareData(fixture('LC.csv'), '~SURV');
    expect(minimize(neg).solutions[0]!.models.map((m) => m.terms)).toEqual([['~DEV*~URB*~IND', 'DEV*LIT*IND*~STB']]);
    const pars = minimize(neg, { include: '?' }).solutions[0]!.models[0]!;
    expect(pars.terms).toEqual(['~DEV', '~STB']);
    expect(pars.terms.map((t) => [round3(pars.termFits[t]!.covS), round3(pars.termFits[t]!.covU)])).toEqual([
      [0.8, 0.3],
      [0.7, 0.2],
    ]);
  });
});

describe('minimisation of the Lipset multi-value data (Cronqvist & Berg-Schlosser 2009, p. 80)', () => {
  const LM = (outcome: string) => prepareData(fixture('LM.csv'), outcome, ['DEV', 'URB', 'LIT', 'IND']);

  it('conservative and parsimonious, in bracket notation, with coverage', () => {
    const cons = minimize(LM('SURV')).solutions[0]!.models[0]!;
    expect(cons.terms).toEqual(['DEV[2]*LIT[1]*IND[1]', 'DEV[1]*URB[0]*LIT[1]*IND[0]']);
    expect(cons.terms.map((t) => cons.termFits[t]!.covS)).toEqual([0.625, 0.25]);
    expect(cons.fit.covS).toBe(0.875);
    expect(minimize(LM('SURV'), { include: '?' }).solutions[0]!.models.map((m) => m.terms)).toEqual([['DEV[2]', 'DEV[1]*IND[0]']]);
  });

  it('the negated outcome', () => {
    expect(minimize(LM('~SURV')).solutions[0]!.models[0]!.terms).toEqual(['DEV[0]*URB[0]*IND[0]', 'DEV[1]*URB[0]*LIT[1]*IND[1]']);
    expect(minimize(LM('~SURV'), { include: '?' }).solutions[0]!.models[0]!.terms).toEqual(['DEV[0]', 'DEV[1]*URB[0]*IND[1]']);
  });
});

describe('intermediate solution', () => {
  /**
   * The truth table of the fuzzy Lipset data at inclusion 0.8 has the positive rows 10101 (FI, IE) and 11111 (BE, CZ,
   * NL, UK), the conservative model DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB and the parsimonious DEV*~IND +
   * URB*STB (R's reference output for minimize(ttLF)). A crisp table with the same positive rows and the same two
   * models (LC with FR and SE not surviving) therefore has the same intermediate solutions as R prints for LF.
   */
  const lfShaped = () => {
    const table = fixture('LC.csv');
    const surv = table.columns.SURV!.map((v, i) => (['FR', 'SE'].includes(table.cases[i]!) ? 0 : v));
    return prepareData({ cases: table.cases, columns: { ...table.columns, SURV: surv } }, 'SURV');
  };

  it('has the conservative and parsimonious models R prints for LF', () => {
    const all = allSolutions(lfShaped(), {});
    expect(all.conservative.models.map((m) => m.terms)).toEqual([['DEV*URB*LIT*IND*STB', 'DEV*~URB*LIT*~IND*STB']]);
    expect(all.parsimonious.models.map((m) => m.terms)).toEqual([['DEV*~IND', 'URB*STB']]);
  });

  it('all conditions expected present: DEV*URB*LIT*STB + DEV*LIT*~IND*STB (R: dir.exp = "DEV, URB, LIT, IND, STB")', () => {
    const [sol] = allSolutions(lfShaped(), {}, { DEV: 1, URB: 1, LIT: 1, IND: 1, STB: 1 }).intermediate;
    expect(sol!.from).toBe('C1P1');
    expect(sol!.models.map((m) => m.terms)).toEqual([['DEV*URB*LIT*STB', 'DEV*LIT*~IND*STB']]);
    // The only easy counterfactual is 11101 (row 30); the parsimonious model's other remainders are difficult.
    expect(sol!.easyCounterfactuals).toEqual({ count: 1, rows: [30] });
    expect(sol!.difficultCounterfactuals!.count).toBeGreaterThan(0);
    expect(sol!.difficultCounterfactuals!.rows).not.toContain(30);
  });

  it('a condition left without expectation is a don\'t care (R: URB unspecified gives DEV*URB*STB + DEV*~IND*STB)', () => {
    const [sol] = allSolutions(lfShaped(), {}, { DEV: 1, STB: 1, LIT: 0, IND: 1 }).intermediate;
    expect(sol!.models.map((m) => m.terms)).toEqual([['DEV*URB*STB', 'DEV*~IND*STB']]);
  });
});

describe('model ambiguity', () => {
  it('lists every equally minimal model', () => {
    // Positive 011, 101, 110, 111 style cyclic chart: two covers of two implicants each.
    const data = prepareData(
      { cases: ['a', 'b', 'c', 'd', 'e', 'f'], columns: { A: [1, 1, 0, 0, 1, 0], B: [1, 0, 1, 0, 0, 1], C: [0, 1, 1, 0, 1, 0], Y: [1, 1, 1, 0, 0, 0] } },
      'Y',
    );
    const models = minimize(data, { include: '?' }).solutions[0]!.models.map((m) => m.terms.join(' + '));
    expect(models.length).toBeGreaterThan(1);
    expect(new Set(models.map((m) => m.split(' + ').length)).size).toBe(1);
  });
});

describe('fit and necessity', () => {
  it('inclusion, PRI and coverage by their definitions on fuzzy scores', () => {
    const x = [0.2, 0.8, 0.6, 1];
    const y = [0.3, 0.9, 0.4, 0.7];
    // Σmin(x,y) = 0.2+0.8+0.4+0.7 = 2.1; Σx = 2.6; Σy = 2.3; Σmin(x,y,1−y) = 0.2+0.1+0.4+0.3 = 1.0
    const fit = sufficiency(x, y);
    expect(fit.inclS).toBeCloseTo(2.1 / 2.6, 12);
    expect(fit.covS).toBeCloseTo(2.1 / 2.3, 12);
    expect(fit.PRI).toBeCloseTo((2.1 - 1.0) / (2.6 - 1.0), 12);
  });

  it('necessity of each literal: inclN, RoN, covN (LC: STB is necessary for survival)', () => {
    const rows = necessityTable(LC());
    const stb = rows.find((r) => r.condition === 'STB')!;
    expect(stb.inclN).toBe(1);
    // Σ(1−X) = 7 cases without STB; Σ(1−min(X,Y)) = 18 − 8 surviving = 10; covN = 8 surviving of 11 stable.
    expect(stb.RoN).toBeCloseTo(7 / 10, 12);
    expect(stb.covN).toBeCloseTo(8 / 11, 12);
    expect(rows.map((r) => r.condition)).toContain('~DEV');
  });

  it('reads DEV*~IND and the older lower-case negation', () => {
    const data = LC();
    expect(parseTerm('DEV*~IND', data.conditions, data.levels)).toEqual(parseTerm('DEV*ind', data.conditions, data.levels));
    expect(termMembership(data, parseTerm('DEV*~IND', data.conditions, data.levels)).filter((m) => m === 1)).toHaveLength(2);
  });
});

describe('calibration', () => {
  it('crisp and multi-value thresholds: the number of thresholds reached (DEV at 550 and 850 USD)', () => {
    expect([320, 550, 700, 850, 1098].map((x) => calibrateCrisp(x, [550]))).toEqual([0, 1, 1, 1, 1]);
    expect([320, 550, 700, 850, 1098].map((x) => calibrateCrisp(x, [850, 550]))).toEqual([0, 1, 1, 2, 2]);
  });

  it('fuzzy direct method: 0.95 / 0.5 / 0.05 at the anchors, logistic between, also for a decreasing set', () => {
    const anchors = { exclusion: 400, crossover: 550, inclusion: 900 };
    expect(calibrateFuzzy(900, anchors)).toBeCloseTo(0.95, 12);
    expect(calibrateFuzzy(550, anchors)).toBe(0.5);
    expect(calibrateFuzzy(400, anchors)).toBeCloseTo(0.05, 12);
    // Log-odds linear in x on each side: halfway to full membership is log-odds 1.472.
    expect(Math.log(calibrateFuzzy(725, anchors) / (1 - calibrateFuzzy(725, anchors)))).toBeCloseTo(Math.log(19) / 2, 12);
    expect(calibrateFuzzy(100000, anchors)).toBe(1);
    const fewerIsMore = { exclusion: 20, crossover: 10, inclusion: 5 };
    expect(calibrateFuzzy(5, fewerIsMore)).toBeCloseTo(0.95, 12);
    expect(calibrateFuzzy(20, fewerIsMore)).toBeCloseTo(0.05, 12);
  });

  it('refuses anchors out of order and a manual score without a reason', () => {
    expect(() => calibrateFuzzy(1, { exclusion: 1, crossover: 5, inclusion: 3 })).toThrow(/strictly between/);
    expect(() => calibrateValue({ method: 'manual', scores: { KAZ: { score: 0.6, reason: ' ' } } }, 'KAZ', null)).toThrow(/reason/);
    expect(calibrateValue({ method: 'manual', scores: { KAZ: { score: 0.6, reason: 'ODIHR 2021 report, p. 4' } } }, 'KAZ', null)).toMatchObject({ score: 0.6 });
  });
});
