/**
 * Issue 21: the QCA analysis through the publication exports — the calibrated memberships, necessity, the truth
 * table and the solutions with the cuts and fit measures in the table notes — in PDF (read back with pdftotext),
 * DOCX (mammoth), LaTeX, CSV and XLSX, in English and in Russian, from sets defined on the sample's matrix.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listParticipants, setIdentity } from '../../electron/core/evidence';
import { exportKinds, exportProject, type ClosablePdfPrinter, type ExportOptions } from '../../electron/core/export';
import { Project } from '../../electron/core/project';
import { listSets, saveSet } from '../../electron/core/qca/project';
import { writeSampleProject } from '../../electron/core/sample';
import { closeExportSample, openExportSample } from '../helpers/export-sample';

let dir: string;
let printer: ClosablePdfPrinter;
let project: Project;
let sample: Project;

const pdfText = (pdf: string) => {
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.replace(/\u00ad\s*-?\s*/g, '').replace(/\s+/g, ' ');
};

async function exportTo(name: string, options: Omit<ExportOptions, 'out'>, from = project): Promise<string[]> {
  const out = path.join(dir, name);
  const result = await exportProject(from, { ...options, out }, printer);
  expect(result.warnings).toEqual([]);
  return result.files.map((f) => f.path);
}

beforeAll(() => {
  ({ dir, printer, sample } = openExportSample('export-qca'));
  const file = path.join(dir, 'qca.comparanda');
  writeSampleProject(file);
  project = Project.open(file);
  const o = project.overview();
  const [obs, ffv] = o.norms;
  const stages = o.frameworks[0]!.stages;
  const crisp = { method: 'crisp' as const, thresholds: [1] };
  saveSet(project, { name: 'OBS2', role: 'outcome', definition: 'Acceptance of observation reached', source: { kind: 'cell', normId: obs!.id, stageId: stages[1]!.id, statuses: ['reached'] }, calibration: crisp });
  saveSet(project, { name: 'FFV1', source: { kind: 'cell', normId: ffv!.id, stageId: stages[0]!.id, statuses: ['reached'] }, calibration: crisp });
  // Kazakhstan is the focal case of six claims, Belarus of one.
  saveSet(project, { name: 'CLAIMS', source: { kind: 'claims' }, calibration: { method: 'crisp', thresholds: [2] } });
});

afterAll(async () => {
  project?.close();
  await closeExportSample({ dir, sample, printer });
});

describe('the qca export kind', () => {
  it('is available in every format', () => {
    expect(exportKinds().find((k) => k.kind === 'qca')).toMatchObject({ unavailable: null, formats: ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md'] });
  });

  it('prints the truth table and the solutions with their parameters in a PDF', async () => {
    const [pdf] = await exportTo('qca.pdf', { what: 'qca', format: 'pdf' });
    const text = pdfText(pdf!);
    expect(text).toContain('Table 1. Calibrated set memberships');
    expect(text).toContain('OBS2 (outcome — Acceptance of observation reached): crisp, threshold 1');
    expect(text).toContain('Table 3. Truth table of OBS2');
    expect(text).toContain('Inclusion cut 1; frequency cut 1; PRI cut 0. 2 logical remainders of 4 configurations (not shown).');
    expect(text).toContain('Table 4. Conservative solution for OBS2: FFV1*CLAIMS → OBS2');
    expect(text).toContain('Table 5. Parsimonious solution for OBS2: CLAIMS → OBS2');
    expect(text).toMatch(/CLAIMS 1\.000 1\.000 1\.000 – Kazakhstan/);
    expect(text).toContain('1 simplifying assumption (remainders used).');
  });

  it('speaks Russian with the glossary’s terms and a decimal comma', async () => {
    const [pdf] = await exportTo('qca-ru.pdf', { what: 'qca', format: 'pdf', language: 'ru' });
    const text = pdfText(pdf!);
    expect(text).toContain('Таблица истинности для OBS2');
    expect(text).toContain('Экономное решение для OBS2: CLAIMS → OBS2');
    expect(text).toContain('Порог согласованности 1; порог частоты 1; порог PRI 0. 2 логических остатка из 4 конфигураций');
    expect(text).toMatch(/CLAIMS 1,000 1,000 1,000/);
    expect(text).not.toContain('Truth table');
  });

  it('writes the same tables to DOCX and LaTeX', async () => {
    const [docx] = await exportTo('qca.docx', { what: 'qca', format: 'docx' });
    const { value } = await mammoth.extractRawText({ path: docx! });
    expect(value).toContain('Truth table of OBS2');
    expect(value).toContain('Parsimonious solution for OBS2: CLAIMS → OBS2');
    const files = await exportTo('qca.tex', { what: 'qca', format: 'tex' });
    const latex = fs.readFileSync(files.find((f) => f.endsWith('qca-body.tex'))!, 'utf8');
    expect(latex).toContain('Truth table of OBS2');
    expect(latex).toMatch(/Parsimonious solution for OBS2: CLAIMS/);
    expect(latex).toContain('Inclusion cut 1; frequency cut 1; PRI cut 0.');
  });

  it('gives CSV one long table of truth-table rows and solution terms, and XLSX a sheet each', async () => {
    const [csv] = await exportTo('qca.csv', { what: 'qca', format: 'csv' });
    const rows = parse(fs.readFileSync(csv!, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.table === 'truth table').map((r) => [r.item, r.configuration, r.out, r.cases])).toEqual([
      ['3', 'FFV1=1, CLAIMS=0', '0', 'Belarus'],
      ['4', 'FFV1=1, CLAIMS=1', '1', 'Kazakhstan'],
    ]);
    expect(rows.find((r) => r.table === 'parsimonious' && r.item === 'CLAIMS')).toMatchObject({ model: 'M1', incl: '1', pri: '1', cov: '1', cases: 'Kazakhstan' });
    const [xlsx] = await exportTo('qca.xlsx', { what: 'qca', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx!);
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['qca', 'truth_table', 'memberships']));
  });

  it('reports the analysis asked for, with its cuts and the intermediate solution of its expectations', async () => {
    const [md] = await exportTo('qca.md', { what: 'qca', format: 'md', qca: { outcome: 'OBS2', conditions: ['CLAIMS', 'FFV1'], inclCut: 0.9, dirExp: { CLAIMS: 1, FFV1: 1 } } });
    const text = fs.readFileSync(md!, 'utf8');
    expect(text).toContain('Inclusion cut 0.9; frequency cut 1; PRI cut 0.');
    expect(text).toContain('Intermediate solution for OBS2 (C1P1)');
    expect(text).toContain('Easy counterfactuals: ');
  });

  it('says what to do when the project has no QCA sets', async () => {
    await expect(exportTo('none.pdf', { what: 'qca', format: 'pdf' }, sample)).rejects.toThrow(/no QCA outcome yet\. Define one in the QCA view/);
  });

  it('refuses a document whose set definition names an interviewee (the data tables do not carry definitions)', async () => {
    const participant = listParticipants(project)[0]!;
    setIdentity(project, { id: participant.id, realName: 'Aigerim Testova', contact: '' });
    const outcome = listSets(project).find((s) => s.name === 'OBS2')!;
    saveSet(project, { ...outcome, definition: 'Acceptance reached, as Aigerim Testova told us' });
    try {
      for (const format of ['pdf', 'docx', 'tex', 'md'] as const) {
        const error = await exportTo(`leak.${format}`, { what: 'qca', format }).catch((e: unknown) => e as Error & { code?: string });
        expect((error as { code?: string }).code, format).toBe('IDENTITY_IN_OUTPUT');
        expect(fs.existsSync(path.join(dir, `leak.${format}`)), format).toBe(false);
      }
      const [csv] = await exportTo('leak.csv', { what: 'qca', format: 'csv' });
      expect(fs.readFileSync(csv!, 'utf8')).not.toContain('Aigerim');
    } finally {
      saveSet(project, outcome);
    }
  });
});
