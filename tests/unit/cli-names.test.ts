/**
 * Names on the command line (issue 17 finding 3, issue 15 finding 1): one rule in every command — exact ISO code,
 * name or label first, then a unique prefix, never a substring inside a word; lists by repeated flags or "|", never
 * by commas, which a norm's label may hold.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';
import { cli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');
const LONG_NORM = 'Free and fair voting procedures (balanced, impartial election commissions)';


/** The sample, plus Russia and Kyrgyzstan as a REFI-QDA import adds cases: without ISO codes. */
function studyWithNewCases(dir: string): string {
  const file = path.join(dir, 'study.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  createCase(p, { name: 'Russia', role: 'comparison' });
  createCase(p, { name: 'Kyrgyzstan', role: 'comparison' });
  p.close();
  return file;
}

const columns = (stdout: string) => (JSON.parse(stdout) as { norms: { cases: { name: string }[] }[] }).norms[0]!.cases.map((c) => c.name);

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build (the CLI runs from dist/).');
});

describe('cases named on the command line', () => {
  it('RUS finds Russia, never Belarus by substring; a prefix finds the one case it starts', () => {
    const dir = tempDir();
    studyWithNewCases(dir);
    const rus = cli(['matrix', 'study.comparanda', '--norm', 'Election observation', '--cases', 'RUS', '--format', 'json'], dir);
    expect(rus.stderr).toBe('');
    expect(columns(rus.stdout)).toEqual(['Russia']);
    const kyrg = cli(['matrix', 'study.comparanda', '--norm', 'Election observation', '--cases', 'Kyrg', '--format', 'json'], dir);
    expect(columns(kyrg.stdout)).toEqual(['Kyrgyzstan']);
  }, 120_000);

  it('an ambiguous prefix is an error that lists the candidates; nothing found lists the cases', () => {
    const dir = tempDir();
    studyWithNewCases(dir);
    const k = cli(['matrix', 'study.comparanda', '--norm', 'Election observation', '--cases', 'K'], dir);
    expect(k.code).toBe(1);
    expect(k.stderr).toMatch(/"K" matches 2 cases: Kazakhstan \(KAZ\); Kyrgyzstan\. Give the full name or the ISO code/);
    const none = cli(['matrix', 'study.comparanda', '--norm', 'Election observation', '--cases', 'arus'], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No case matches "arus"\. The project's cases: Kazakhstan \(KAZ\); Belarus \(BLR\); Russia; Kyrgyzstan\./);
  }, 120_000);

  it('KGZ finds Kyrgyzstan once its ISO code is set, in every command', () => {
    const dir = tempDir();
    studyWithNewCases(dir);
    const set = cli(['case', 'update', 'study.comparanda', 'Kyrgyzstan', '--iso', 'KGZ'], dir);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const m = cli(['matrix', 'study.comparanda', '--norm', 'Election observation', '--cases', 'KGZ', '--cases', 'kaz', '--format', 'json'], dir);
    expect(columns(m.stdout)).toEqual(['Kazakhstan', 'Kyrgyzstan']);
    const out = cli(['export', 'study.comparanda', '--what', 'matrix', '--norm', 'Election observation', '--cases', 'KGZ|BLR', '--format', 'csv', '--out', 'm.csv'], dir);
    expect(out.stderr).toBe('');
    const csv = fs.readFileSync(path.join(dir, 'm.csv'), 'utf8');
    expect(csv).toContain('Kyrgyzstan');
    expect(csv).not.toContain('Russia');
    // The old comma list of ISO codes still works.
    const old = cli(['matrix', 'study.comparanda', '--norm', 'Election observation', '--cases', 'KAZ,BLR', '--format', 'json'], dir);
    expect(columns(old.stdout)).toEqual(['Kazakhstan', 'Belarus']);
  }, 120_000);
});

describe('norms named on the command line', () => {
  it('a label with a comma exports one table in every format', async () => {
    const dir = tempDir();
    writeSampleProject(path.join(dir, 's.comparanda'));
    const csv = cli(['export', 's.comparanda', '--what', 'matrix', '--norm', LONG_NORM, '--format', 'csv', '--out', 'one.csv'], dir);
    expect(csv.stderr).toBe('');
    const lines = fs.readFileSync(path.join(dir, 'one.csv'), 'utf8').trim().split(/\r?\n/);
    // A header and one row per stage and case: 4 stages x 2 cases.
    expect(lines.length - 1).toBe(8);
    const xlsx = cli(['export', 's.comparanda', '--what', 'matrix', '--norm', LONG_NORM, '--format', 'xlsx', '--out', 'one.xlsx'], dir);
    expect(xlsx.stderr).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'one.xlsx'));
    expect(workbook.worksheets.filter((w) => /^Table /.test(w.name)).map((w) => w.name)).toEqual(['Table 1']);
    for (const format of ['md', 'json', 'csv']) {
      const m = cli(['matrix', 's.comparanda', '--norm', LONG_NORM, '--format', format], dir);
      expect(m.code, m.stderr).toBe(0);
      if (format === 'json') expect((JSON.parse(m.stdout) as { norms: unknown[] }).norms).toHaveLength(1);
    }
  }, 120_000);

  it('several norms by repeated flags or "|"; a comma list is refused with how to give several', () => {
    const dir = tempDir();
    writeSampleProject(path.join(dir, 's.comparanda'));
    const count = (args: string[]) => (JSON.parse(cli(['matrix', 's.comparanda', ...args, '--format', 'json'], dir).stdout) as { norms: unknown[] }).norms.length;
    expect(count(['--norm', 'Election observation', '--norm', LONG_NORM])).toBe(2);
    expect(count(['--norm', `Election observation|${LONG_NORM}`])).toBe(2);
    expect(count(['--norm', 'observation'])).toBe(1);
    const comma = cli(['matrix', 's.comparanda', '--norm', 'Election observation,Free and fair voting'], dir);
    expect(comma.code).toBe(1);
    expect(comma.stderr).toMatch(/repeat --norm or separate them with "\|"/);
  }, 120_000);
});
