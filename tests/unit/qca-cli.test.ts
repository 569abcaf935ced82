/**
 * Issue 21: `comparanda qca minimize|truth-table|necessity` on a CSV of memberships and on a project's QCA sets
 * (scores set by hand, with their reasons, and a set calibrated from a case attribute).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { saveSet, setScore } from '../../electron/core/qca/project';
import { addCase, createProjectFile } from '../../electron/core/structure';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');
const LC = path.join(root, 'tests', 'fixtures', 'qca', 'LC.csv');

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build (the CLI runs from dist/).');
});

function ok(args: string[], cwd: string): string {
  const result = cli(args, cwd);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
}

describe('comparanda qca on a CSV', () => {
  it('minimize --include "?" --json prints the parsimonious solution in R\'s notation with each term\'s fit', () => {
    const out = JSON.parse(ok(['qca', 'minimize', '--data', LC, '--outcome', 'SURV', '--include', '?', '--json'], tempDir()));
    expect(out.solutions).toEqual([['DEV*STB']]);
    expect(out.terms['DEV*STB']).toEqual({ inclS: 1, PRI: 1, covS: 1, covU: null, cases: [['FI', 'IE'], ['FR', 'SE'], ['BE', 'CZ', 'NL', 'UK']] });
  });

  it('minimize without --include gives the conservative solution; --conditions chooses the conditions', () => {
    const dir = tempDir();
    const out = JSON.parse(ok(['qca', 'minimize', '--data', LC, '--outcome', 'SURV', '--conditions', 'DEV,URB,LIT,IND,STB', '--json'], dir));
    expect(out.solutions).toEqual([['DEV*~URB*LIT*STB', 'DEV*LIT*IND*STB']]);
    expect(out.terms['DEV*LIT*IND*STB']).toMatchObject({ covS: 0.75, covU: 0.5 });
    const text = ok(['qca', 'minimize', '--data', LC, '--outcome', 'SURV', '--include', '?', '--dir-exp', 'DEV,URB,LIT,IND,STB'], dir);
    // ~URB in the first conservative term goes against the expectation (URB present): an easy counterfactual.
    expect(text).toMatch(/Intermediate solution \(from C1P1\):\nM1: DEV\*LIT\*STB -> SURV/);
    expect(text).toMatch(/Easy counterfactuals: 1; difficult: 4/);
  });

  it('truth-table and necessity --json', () => {
    const dir = tempDir();
    const tt = JSON.parse(ok(['qca', 'truth-table', '--data', LC, '--outcome', 'SURV', '--incl-cut', '0.8', '--json'], dir));
    expect(tt.rows.map((r: { row: number; OUT: string }) => `${r.row}:${r.OUT}`)).toEqual(['1:0', '2:0', '5:0', '6:0', '22:1', '23:0', '24:1', '31:0', '32:1']);
    expect(tt.rows[8]).toMatchObject({ values: [1, 1, 1, 1, 1], n: 4, incl: 1, cases: ['BE', 'CZ', 'NL', 'UK'] });
    const nec = JSON.parse(ok(['qca', 'necessity', '--data', LC, '--outcome', 'SURV', '--json'], dir));
    expect(nec.necessity.find((r: { condition: string }) => r.condition === 'STB')).toEqual({ condition: 'STB', inclN: 1, RoN: 0.7, covN: 0.727 });
  });

  it('usage mistakes exit 2 and a bad file exits 1 with a sentence', () => {
    const dir = tempDir();
    expect(cli(['qca', 'minimize', '--data', LC], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Name the outcome with --outcome/) });
    expect(cli(['qca', 'minimize', '--data', LC, '--outcome', 'SURV', '--incl-cut', '2'], dir)).toMatchObject({ code: 2 });
    expect(cli(['qca', 'frobnicate'], dir)).toMatchObject({ code: 2 });
    const bad = cli(['qca', 'minimize', '--data', LC, '--outcome', 'SURVIVAL'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/There is no outcome column "SURVIVAL"/);
  });
});

describe('comparanda qca export', () => {
  it('writes the table for R and fsQCA and an R script that checks R finds the same solutions', () => {
    const dir = tempDir();
    const out = ok(['qca', 'export', '--data', LC, '--outcome', 'SURV', '--dir-exp', 'DEV,URB,LIT,IND,STB', '--out', 'r'], dir);
    expect(out).toMatch(/Wrote qca-data.csv, qca-data-fsqca.csv, qca-solutions.R/);
    const csv = fs.readFileSync(path.join(dir, 'r', 'qca-data.csv'), 'utf8');
    expect(csv.split('\n').slice(0, 2)).toEqual(['case,DEV,URB,LIT,IND,STB,SURV', 'AU,1,0,1,1,0,0']);
    expect(fs.readFileSync(path.join(dir, 'r', 'qca-data-fsqca.csv'), 'utf8')).toMatch(/^CASEID,DEV,/);
    const script = fs.readFileSync(path.join(dir, 'r', 'qca-solutions.R'), 'utf8');
    expect(script).toContain('truthTable(data, outcome = "SURV", conditions = "DEV, URB, LIT, IND, STB",');
    expect(script).toContain('expected_parsimonious <- list(c("DEV*STB"))');
    expect(script).toContain('expected_intermediate <- list(c("DEV*LIT*STB"))');
    expect(script).toContain('dir.exp = "DEV, URB, LIT, IND, STB"');
    expect(cli(['qca', 'export', '--data', LC, '--outcome', 'SURV', '--out', 'r'], dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
  });
});

describe('comparanda qca on a project', () => {
  it('analyses the project\'s sets: scores by hand with reasons, and a crisp set from a case attribute', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lipset.comparanda');
    createProjectFile(file, { title: 'Lipset' });
    const rows = fs.readFileSync(LC, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const p = Project.open(file);
    try {
      const cases = rows.map((r) => addCase(p, { name: r[0]! }));
      const attribute = p.db.prepare("INSERT INTO case_attributes (id, name, type, position, created_at, updated_at) VALUES ('gdp', 'GDP per capita', 'number', 0, '', '') RETURNING id").get() as { id: string };
      // Development as GDP per capita (a raw value), calibrated at 550 USD: 1 for the developed cases of LC.
      rows.forEach((r, i) => p.db.prepare('INSERT INTO case_attribute_values (case_id, attribute_id, value) VALUES (?, ?, ?)').run(cases[i]!.id, attribute.id, r[1] === '1' ? '700' : '400'));
      saveSet(p, { name: 'DEV', definition: 'Developed', source: { kind: 'attribute', attributeId: attribute.id }, calibration: { method: 'crisp', thresholds: [550] } });
      ['URB', 'LIT', 'IND', 'STB', 'SURV'].forEach((name, k) => {
        const set = saveSet(p, { name, role: name === 'SURV' ? 'outcome' : 'condition', source: { kind: 'manual' }, calibration: { method: 'manual', scores: {} } });
        rows.forEach((r, i) => setScore(p, { setId: set.id, caseId: cases[i]!.id, score: Number(r[k + 2]), reason: 'Lipset (1959), as coded by Rihoux & De Meur (2009)' }));
      });
      const audited = p.db.prepare("SELECT count(*) AS n FROM audit_log WHERE table_name IN ('qca_sets', 'qca_scores')").get() as { n: number };
      expect(audited.n).toBe(6 + 5 * 18);
    } finally {
      p.close();
    }
    const out = JSON.parse(ok(['qca', 'minimize', 'lipset.comparanda', '--outcome', 'SURV', '--include', '?', '--json'], dir));
    expect(out.solutions).toEqual([['DEV*STB']]);
    const refused = cli(['qca', 'minimize', 'lipset.comparanda', '--outcome', 'SURV', '--conditions', 'DEV,GDP'], dir);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/no QCA set called "GDP"/) });
  });
});
