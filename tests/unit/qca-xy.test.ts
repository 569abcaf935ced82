/**
 * Issue 21, the XY plot's data: one point per case at (membership in the term, membership in the outcome), and the
 * inclusion and coverage printed under it equal to what the solution table shows for the same term or model.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSolutions } from '../../electron/core/qca/analysis';
import { prepareData, readMembershipCsv } from '../../electron/core/qca/data';
import { xyPlot } from '../../electron/core/qca/xy';
import { crowdedSpots, keyboardOrder, percent, sameSpot } from '../../renderer/src/qca/xy-geometry';

/** Eight fuzzy cases, three conditions: enough for two-term models with inconsistent cases in each. */
const FUZZY = {
  cases: ['Kazakhstan', 'Belarus', 'Armenia', 'Georgia', 'Moldova', 'Kyrgyzstan', 'Azerbaijan', 'Ukraine'],
  columns: {
    DEV: [0.83, 0.67, 0.4, 0.2, 0.9, 0.1, 0.75, 0.6],
    IND: [0.3, 0.8, 0.2, 0.6, 0.1, 0.7, 0.9, 0.45],
    STB: [0.9, 0.95, 0.6, 0.3, 0.8, 0.2, 0.85, 0.7],
    SURV: [0.83, 0.1, 0.7, 0.4, 0.9, 0.3, 0.2, 0.8],
  },
};
const fuzzy = () => prepareData(FUZZY, 'SURV', ['DEV', 'IND', 'STB']);

describe('the XY plot of a term against the outcome', () => {
  it('places each case at its fuzzy AND over the term\'s literals (1 − x for a negated one) and its outcome', () => {
    const plot = xyPlot(fuzzy(), 'DEV*~IND', FUZZY.cases.map((_, i) => `id-${i}`));
    expect(plot.points).toHaveLength(8);
    // Kazakhstan: min(0.83, 1 − 0.3) = 0.7; Belarus: min(0.67, 0.2) = 0.2; Moldova: min(0.9, 0.9) = 0.9.
    expect(plot.points.map((p) => [p.caseName, Math.round(p.x * 1000) / 1000, p.y])).toEqual([
      ['Kazakhstan', 0.7, 0.83],
      ['Belarus', 0.2, 0.1],
      ['Armenia', 0.4, 0.7],
      ['Georgia', 0.2, 0.4],
      ['Moldova', 0.9, 0.9],
      ['Kyrgyzstan', 0.1, 0.3],
      ['Azerbaijan', 0.1, 0.2],
      ['Ukraine', 0.55, 0.8],
    ]);
    expect(plot.points[0]!.caseId).toBe('id-0');
    // x ≤ y is the region consistent with sufficiency; Belarus (0.2 > 0.1) is the only case outside it.
    expect(plot.points.filter((p) => !p.consistent).map((p) => p.caseName)).toEqual(['Belarus']);
    expect(plot.expression).toBe('DEV*~IND');
    expect(plot.outcome).toBe('SURV');
  });

  it('prints for every term and every model the inclS, PRI and covS of the solution table', () => {
    const data = fuzzy();
    const solutions = allSolutions(data, { inclCut: [0.8, 0.8] }, { DEV: 1, IND: 0, STB: 1 });
    const all = [solutions.conservative, solutions.parsimonious, ...solutions.intermediate];
    let compared = 0;
    for (const solution of all) {
      for (const model of solution.models) {
        for (const term of model.terms) {
          const { inclS, PRI, covS } = model.termFits[term]!;
          expect(xyPlot(data, term).fit, term).toEqual({ inclS, PRI, covS });
          compared++;
        }
        expect(xyPlot(data, model.terms.join(' + ')).fit).toEqual(model.fit);
      }
    }
    expect(compared).toBeGreaterThan(2);
  });

  it('plots a condition or its negation, and the crisp Lipset solution DEV*STB with every case on a corner', () => {
    const lc = prepareData(readMembershipCsv(path.resolve(__dirname, '../fixtures/qca/LC.csv')), 'SURV');
    const pars = allSolutions(lc, {}).parsimonious.models[0]!;
    expect(pars.terms).toEqual(['DEV*STB']);
    const plot = xyPlot(lc, 'DEV*STB');
    expect(plot.points).toHaveLength(18);
    expect(plot.points.every((p) => (p.x === 0 || p.x === 1) && (p.y === 0 || p.y === 1))).toBe(true);
    expect(plot.fit).toEqual(pars.fit);
    expect(plot.points.filter((p) => p.x === 1 && p.y === 1).map((p) => p.caseName).sort()).toEqual(['BE', 'CZ', 'FI', 'FR', 'IE', 'NL', 'SE', 'UK']);
    const notStb = xyPlot(lc, '~STB');
    expect(notStb.points.filter((p) => p.x === 1)).toHaveLength(7);
  });

  it('refuses a literal that is not a condition of the analysis, and an empty term', () => {
    expect(() => xyPlot(fuzzy(), 'DEV*URB')).toThrow(/URB.*not one of the conditions/);
    expect(() => xyPlot(fuzzy(), 'DEV + ')).toThrow(/empty literal/);
  });
});

describe('the plot\'s geometry in the view', () => {
  it('reaches the points left to right, then bottom to top, and names every case on one spot', () => {
    const lc = prepareData(readMembershipCsv(path.resolve(__dirname, '../fixtures/qca/LC.csv')), 'SURV');
    const { points } = xyPlot(lc, 'DEV*STB');
    const order = keyboardOrder(points);
    expect(order).toHaveLength(18);
    expect(order.map((p) => [p.x, p.y])).toEqual([...order.map((p) => [p.x, p.y])].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    const top = order.at(-1)!;
    expect(sameSpot(points, top).sort()).toEqual(['BE', 'CZ', 'FI', 'FR', 'IE', 'NL', 'SE', 'UK']);
    // Crisp data: every case on a corner; the plot says how many on each (8 + 10 = 18).
    expect(crowdedSpots(points).map((s) => [s.x, s.y, s.count]).sort()).toEqual([
      [0, 0, 10],
      [1, 1, 8],
    ]);
    // The corners of the square sit inside the box, at the same place the SVG draws them.
    expect(percent({ x: 0, y: 0 })).toEqual({ left: '16.25%', top: '83.75%' });
    expect(percent({ x: 1, y: 1 })).toEqual({ left: '95.625%', top: '4.375%' });
  });
});
