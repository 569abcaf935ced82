/**
 * Issue 17 finding 2: a study's structure built from a script. The bundled study is rebuilt from an empty file with
 * `new`, `framework add`, `stage add`, `case add`, `norm add` and the cases and cells CSV kinds, and its matrix
 * equals the sample's; then the column rules of the two new kinds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../electron/core/lock';
import { tempDir } from '../helpers/temp';
import { cli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');


function ok(args: string[], cwd: string): string {
  const result = cli(args, cwd);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
}

/** Ids differ between two projects; everything a reader sees must not. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id').map(([k, v]) => [k, withoutIds(v)]));
  return value;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build (the CLI runs from dist/).');
});

describe('building a study from the command line', () => {
  it('rebuilds the bundled study from an empty file: matrix --format json equals the sample', () => {
    const dir = tempDir();
    ok(['sample', '--out', 'sample.comparanda'], dir);
    const cases = JSON.parse(ok(['case', 'list', 'sample.comparanda', '--json'], dir)) as { name: string; isoCode: string | null; role: string }[];
    const norms = JSON.parse(ok(['norm', 'list', 'sample.comparanda', '--json'], dir)) as { label: string; shortLabel: string; framework: string }[];
    const frameworks = (JSON.parse(ok(['framework', 'list', 'sample.comparanda', '--json'], dir)) as { frameworks: { name: string; stages: { label: string; asksMode: boolean }[] }[] }).frameworks;
    expect(cases.map((c) => c.isoCode)).toEqual(['KAZ', 'BLR']);
    expect(frameworks).toHaveLength(1);

    // Another template first, so that the sample's framework is built stage by stage.
    expect(ok(['new', 'built.comparanda', '--title', 'Rebuilt study', '--framework', 'norm-life-cycle'], dir)).toMatch(/default framework: Norm life cycle/);
    expect(cli(['new', 'built.comparanda'], dir).stderr).toMatch(/already exists; nothing was changed/);
    const [first, ...rest] = frameworks[0]!.stages;
    ok(['framework', 'add', 'built.comparanda', '--name', frameworks[0]!.name, '--stage', first!.label, '--default'], dir);
    for (const stage of rest) ok(['stage', 'add', 'built.comparanda', '--framework', 'Micro-politics', '--label', stage.label, ...(stage.asksMode ? ['--asks-mode'] : [])], dir);

    // Cases as a REFI-QDA import leaves them, without ISO codes; the cases CSV gives them theirs.
    for (const c of cases) ok(['case', 'add', 'built.comparanda', '--name', c.name, '--role', c.role], dir);
    for (const n of norms) ok(['norm', 'add', 'built.comparanda', '--label', n.label, '--short', n.shortLabel, '--framework', n.framework], dir);
    fs.writeFileSync(path.join(dir, 'cases.csv'), `name,iso\n${cases.map((c) => `${c.name},${c.isoCode}`).join('\n')}\n`);
    expect(ok(['import', 'built.comparanda', '--from', 'csv', '--kind', 'cases', 'cases.csv'], dir)).toMatch(/Imported 2 cases rows: 0 new, 2 changed \(iso \(2\)\)/);

    ok(['export', 'sample.comparanda', '--data', 'cells', '--out', 'cells.csv'], dir);
    const dry = ok(['import', 'built.comparanda', '--from', 'csv', '--kind', 'cells', 'cells.csv', '--dry-run'], dir);
    expect(dry).toMatch(/Would import 14 cells rows: 14 new/);
    expect(JSON.parse(ok(['info', 'built.comparanda', '--json'], dir)).counts.cells).toBe(0);
    expect(ok(['import', 'built.comparanda', '--from', 'csv', '--kind', 'cells', 'cells.csv'], dir)).toMatch(/Imported 14 cells rows: 14 new, 0 changed, 0 unchanged/);

    const want = JSON.parse(ok(['matrix', 'sample.comparanda', '--norm', 'all', '--format', 'json'], dir)) as { norms: { stages: { cells: Record<string, unknown> }[] }[] };
    const got = JSON.parse(ok(['matrix', 'built.comparanda', '--norm', 'all', '--format', 'json'], dir));
    expect(want.norms).toHaveLength(2);
    expect(Object.keys(want.norms[0]!.stages[2]!.cells)).toEqual(['Kazakhstan', 'Belarus']);
    expect(withoutIds(got)).toEqual(withoutIds(want));
    // Once more changes nothing: the CSV reads back as it was written.
    expect(ok(['import', 'built.comparanda', '--from', 'csv', '--kind', 'cells', 'cells.csv'], dir)).toMatch(/0 new, 0 changed, 14 unchanged/);
    expect(ok(['export', 'built.comparanda', '--data', 'cells'], dir)).toBe(fs.readFileSync(path.join(dir, 'cells.csv'), 'utf8'));
  }, 180_000);

  it('cases CSV: attr:NAME columns, an absent column left alone, an empty cell cleared, every bad row reported', () => {
    const dir = tempDir();
    ok(['new', 'p.comparanda'], dir);
    // Open in the app (its lock held): every command that writes is refused, reading ones work.
    const lock = acquireLock(path.join(dir, 'p.comparanda'))!;
    try {
      for (const args of [['case', 'add', 'p.comparanda', '--name', 'Kazakhstan'], ['norm', 'add', 'p.comparanda', '--label', 'X'], ['stage', 'add', 'p.comparanda', '--label', 'Y']]) {
        const refused = cli(args, dir);
        expect(refused.code, args.join(' ')).toBe(1);
        expect(refused.stderr).toMatch(/is open in Comparanda/);
      }
      ok(['case', 'list', 'p.comparanda'], dir);
    } finally {
      lock.release();
    }
    ok(['case', 'add', 'p.comparanda', '--name', 'Kazakhstan', '--iso', 'KAZ', '--role', 'focal', '--notes', 'Focal since 2024'], dir);
    fs.writeFileSync(path.join(dir, 'attrs.csv'), 'name,iso,attr:Regime type\nKazakhstan,,authoritarian\nKyrgyzstan,KGZ,hybrid\n');
    const refused = cli(['import', 'p.comparanda', '--from', 'csv', '--kind', 'cases', 'attrs.csv'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Nothing was imported: 2 bad rows[\s\S]*line 2: attr:Regime type: "Regime type" is not a case attribute[\s\S]*line 3:/);
    expect(ok(['import', 'p.comparanda', '--from', 'csv', '--kind', 'cases', 'attrs.csv', '--create-missing'], dir)).toMatch(/1 new, 1 changed \(iso \(1\), attr:Regime type \(1\)\)[\s\S]*Added case attribute "Regime type"/);
    const listed = JSON.parse(ok(['case', 'list', 'p.comparanda', '--json'], dir)) as { name: string; isoCode: string | null; role: string; notes: string; attributes: Record<string, unknown> }[];
    expect(listed.map(({ name, isoCode, role, notes, attributes }) => ({ name, isoCode, role, notes, attributes }))).toEqual([
      { name: 'Kazakhstan', isoCode: null, role: 'focal', notes: 'Focal since 2024', attributes: { 'Regime type': 'authoritarian' } },
      { name: 'Kyrgyzstan', isoCode: 'KGZ', role: 'comparison', notes: '', attributes: { 'Regime type': 'hybrid' } },
    ]);
    ok(['norm', 'add', 'p.comparanda', '--label', 'Election observation'], dir);
    expect(ok(['matrix', 'p.comparanda', '--norm', 'all', '--cases', 'KGZ', '--format', 'csv'], dir)).toBe(ok(['matrix', 'p.comparanda', '--norm', 'all', '--cases', 'Kyrgyzstan', '--format', 'csv'], dir));

    fs.writeFileSync(path.join(dir, 'bad.csv'), 'name,iso,role\nA,,boss\nB,XY,\nC,,focal\nD,,focal\nKyrgyzstan,KGZ,\n');
    const dry = cli(['import', 'p.comparanda', '--from', 'csv', '--kind', 'cases', 'bad.csv', '--dry-run'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/line 2: role must be one of focal, comparison/);
    expect(dry.stdout).toMatch(/line 3: iso must be a three-letter ISO 3166 code/);
    expect(dry.stdout).toMatch(/line 4: lines 4 and 5 each make a case focal/);
    expect(dry.stdout).toMatch(/line 5: lines 4 and 5 each make a case focal/);
    expect(dry.stderr).toMatch(/4 bad rows/);
    expect(JSON.parse(ok(['case', 'list', 'p.comparanda', '--json'], dir))).toHaveLength(2);
  }, 120_000);

  it('cells CSV: a cell is found by case, norm and stage; unknown ones are reported with what the project has', () => {
    const dir = tempDir();
    ok(['new', 'p.comparanda'], dir);
    ok(['case', 'add', 'p.comparanda', '--name', 'Kyrgyzstan', '--iso', 'KGZ', '--role', 'focal'], dir);
    ok(['norm', 'add', 'p.comparanda', '--label', 'Independent election administration', '--short', 'Independent EMB'], dir);
    const write = (text: string) => fs.writeFileSync(path.join(dir, 'cells.csv'), text);
    write('case,norm,stage,status,period,summary\nKGZ,Independent EMB,Acceptance,Reached,2010–,Constitution of 2010.\nKGZ,Independent EMB,Adoption,reached,,\nRUS,Independent EMB,1,,,\nKGZ,Independent EMB,2,Done,2016-2012,\n');
    const bad = cli(['import', 'p.comparanda', '--from', 'csv', '--kind', 'cells', 'cells.csv'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 3: stage "Adoption" is not a stage of "Micro-politics of norm contestation \(four stages\)" \(its stages: Diffusion, Acceptance, Reconstitution, Moment of contestation\)/);
    expect(bad.stderr).toMatch(/line 4: case "RUS" is not a case of this project/);
    expect(bad.stderr).toMatch(/line 5: (status "Done" is not on the scale|period ends \(2012\) before it starts \(2016\))/);
    write('case,norm,stage,status,period,summary,confidence\nKGZ,Independent EMB,Acceptance,Reached,2010–,Constitution of 2010.,high\n');
    ok(['import', 'p.comparanda', '--from', 'csv', '--kind', 'cells', 'cells.csv'], dir);
    // Only the status column: the summary, period and confidence stay; an empty confidence clears it.
    write('case,norm,stage,status,confidence\nKyrgyzstan,Independent election administration,acceptance,partial,\n');
    expect(ok(['import', 'p.comparanda', '--from', 'csv', '--kind', 'cells', 'cells.csv'], dir)).toMatch(/1 changed \(status \(1\), confidence \(1\)\)/);
    const cell = (JSON.parse(ok(['matrix', 'p.comparanda', '--norm', 'EMB', '--format', 'json'], dir)) as { norms: { stages: { cells: Record<string, unknown> }[] }[] }).norms[0]!.stages[1]!.cells.Kyrgyzstan;
    expect(cell).toEqual({ status: 'partial', statusLabel: 'Partial', mode: null, periodFrom: 2010, periodTo: null, summary: 'Constitution of 2010.', confidence: null });
  }, 120_000);
});
