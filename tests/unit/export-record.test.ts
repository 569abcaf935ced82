/**
 * Exports of the claims register (and its comparison card) and of the observation record, in every format, from the
 * sample project: PDFs printed by Chromium and read back with poppler (pdftotext, pdffonts, pdfinfo), DOCX with
 * mammoth, XLSX with exceljs, CSV with csv-parse; the --cases/--norm filters; and the pre-export check.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { listParticipants, setIdentity } from '../../electron/core/evidence';
import { exportKinds, exportProject, type ClosablePdfPrinter, type ExportOptions } from '../../electron/core/export';
import { formatDate, shortVerdict } from '../../electron/core/export/build-record';
import { Project } from '../../electron/core/project';
import { listClaims, listElections, saveClaim, saveMission } from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';
import { closeExportSample, openExportSample } from '../helpers/export-sample';

let dir: string;
let sample: Project;
let printer: ClosablePdfPrinter;

const BELARUS_CLAIM = 'Belarus is held up as a country whose ODIHR final reports were less critical than Kazakhstan';

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** The text of a PDF (or of its page `page`) in the order Chromium drew it (the document's order), white space collapsed. */
// Soft hyphens (where a word may break) are in the text layer, as the PDF standard has them; a reader drops them and
// joins a word hyphenated at a line end ("sup\u00ad-" + "ported").
const pdfText = (pdf: string, page?: number) =>
  run('pdftotext', ['-raw', '-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'])
    .replace(/\u00ad\s*-?\s*/g, '')
    .replace(/\s+/g, ' ');

async function exportTo(project: Project, name: string, options: Omit<ExportOptions, 'out'>): Promise<string[]> {
  const out = path.join(dir, name);
  const result = await exportProject(project, { ...options, out }, printer);
  expect(result.warnings).toEqual([]);
  for (const f of result.files) expect(fs.statSync(f.path).size).toBe(f.bytes);
  return result.files.map((f) => f.path);
}

function expectLandscapeA4WithNotoFonts(pdf: string): number {
  for (const line of run('pdffonts', [pdf]).trim().split('\n').slice(2)) {
    const columns = line.trim().split(/\s+/);
    expect(columns.at(-5), line).toBe('yes');
    expect(columns[0], line).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)-/);
  }
  const info = run('pdfinfo', ['-l', '99', pdf]);
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) expect(size).toEqual([842, 595]);
  expect(info).toMatch(/Tagged:\s+yes/);
  return sizes.length;
}

beforeAll(() => {
  ({ dir, sample, printer } = openExportSample('export-record'));
});

afterAll(() => closeExportSample({ dir, sample, printer }));

describe('the claims and observation kinds', () => {
  it('are available in every format', () => {
    const kinds = exportKinds().filter((k) => k.kind === 'claims' || k.kind === 'observation');
    expect(kinds.map((k) => [k.kind, k.unavailable, k.formats])).toEqual([
      ['claims', null, ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md']],
      ['observation', null, ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md']],
    ]);
  });

  it('prints dates as "15 Jan 2012" and verdicts in short, clause by clause', () => {
    expect(formatDate('2012-01-15')).toBe('15 Jan 2012');
    expect(formatDate('2012-01')).toBe('Jan 2012');
    expect(formatDate('2012')).toBe('2012');
    expect(shortVerdict('Assessment text not retrieved. The parliament elected was later invalidated.')).toBe('Assessment text not retrieved');
    expect(shortVerdict('A desire for open elections (15 observers; the 55th mission); more.')).toBe('A desire for open elections (15 observers; the 55th mission); more');
    expect(shortVerdict(`Failed; ${'x'.repeat(200)}`)).toBe('Failed');
    expect(shortVerdict('word '.repeat(60)).endsWith('…')).toBe(true);
  });
});

describe('claims register', () => {
  it('prints the register as a PDF: the claims tested against the verdicts, assessments in words, markers, notes', async () => {
    const [pdf] = await exportTo(sample, 'claims.pdf', { what: 'claims', format: 'pdf' });
    const pages = expectLandscapeA4WithNotoFonts(pdf!);
    expect(run('pdfinfo', [pdf!])).toMatch(/Title:\s+Claims register: double-standards claims tested against the observers’ verdicts\n/);
    const content = pdfText(pdf!);
    expect(content).toContain('Table 1. Double-standards claims tested against the observers’ verdicts');
    expect(content).toContain(`${BELARUS_CLAIM}'s despite similar electoral fraud`);
    for (const s of ['Kazakhstan', 'Belarus', 'Not supported', 'Undetermined', 'considerable way to go', '“This election was not competitive from the start.”', '(paraphrase)', 'Marat Tazhin', '2 Mar 2012']) {
      expect(content).toContain(s);
    }
    // The verdicts compared, with their election and organisation.
    expect(content).toMatch(/20 Mar 2016, parliamentary, OSCE\/ODIHR: “Kazakhstan still has a considerable way to go/);
    expect(content).toMatch(/19 Dec 2010, presidential, OSCE\/ODIHR: “The presidential election indicated that Belarus still has a considerable way to go/);
    // The Poland claim is flagged as contested in its row; one-source claims too; the notes say what the marks mean.
    expect(content).toMatch(/† contested “Poland, the country which hosts the headquarters of the OSCE/);
    expect(content).toMatch(/† one source Belarus is held up/);
    for (const s of ['Assessment scale (colour and label): Supported Partly supported Not supported Undetermined', 'Not supported: the verdicts compared contradict it', '“† contested” — its wording or factual premise is disputed', 'Notes', 'Bibliography']) {
      expect(content).toContain(s);
    }
    // The header row is repeated on every page of the table.
    expect(pages).toBeGreaterThan(2);
    for (let page = 2; page < pages - 1; page++) expect(pdfText(pdf!, page), `page ${page}`).toMatch(/Claimant role, date Claim Comparison focal vs comparator/);
  });

  it('prints a comparison card for one claim: the claim, then the focal and comparator verdicts side by side', async () => {
    const [pdf] = await exportTo(sample, 'card.pdf', { what: 'claims', format: 'pdf', claim: 'belarus is held up' });
    expectLandscapeA4WithNotoFonts(pdf!);
    const content = pdfText(pdf!);
    expect(content).toContain('Comparison card: unnamed Kazakhstani officials/commentators');
    expect(content).toContain(BELARUS_CLAIM);
    expect(content).toContain('Table 1. The verdicts compared: Kazakhstan and Belarus, year by year');
    expect(content).toMatch(/Year Kazakhstan focal case of the claim Belarus comparator/);
    expect(content).toContain('“Kazakhstan still has a considerable way to go in meeting its OSCE commitments for democratic elections”');
    expect(content).toContain('“The 11 October election once again indicated that Belarus still has a considerable way to go');
    expect(content).toContain('“This election was not competitive from the start.”');
    expect(content).toContain('Not supported');
    expect(content).not.toContain('Marat Tazhin');
    // By id too; an ambiguous or unknown choice is refused.
    const id = listClaims(sample).find((c) => c.claimant === 'Marat Tazhin')!.id;
    const [md] = await exportTo(sample, 'card.md', { what: 'claims', format: 'md', claim: id });
    const card = fs.readFileSync(md!, 'utf8');
    expect(card).toContain('# Comparison card: Marat Tazhin');
    expect(card).toContain('No verdict is linked to this claim.');
    const ambiguous = await exportProject(sample, { what: 'claims', format: 'md', out: path.join(dir, 'x.md'), claim: 'Nazarbayev' }).catch((e: unknown) => e);
    expect((ambiguous as ApiError).code).toBe('VALIDATION_FAILED');
    expect((ambiguous as ApiError).message).toMatch(/"Nazarbayev" matches 3 claims/);
    const unknown = await exportProject(sample, { what: 'claims', format: 'md', out: path.join(dir, 'x.md'), claim: 'nobody said this' }).catch((e: unknown) => e);
    expect((unknown as ApiError).code).toBe('NOT_FOUND');
  });

  it('writes the register as DOCX, LaTeX, Markdown, CSV (one row per claim) and XLSX', async () => {
    const [docx] = await exportTo(sample, 'claims.docx', { what: 'claims', format: 'docx' });
    const { value } = await mammoth.extractRawText({ path: docx! });
    const words = value.replace(/\s+/g, ' ');
    for (const s of ['Table 1. Double-standards claims tested against the observers’ verdicts', BELARUS_CLAIM, 'Not supported', '† contested', 'considerable way to go', 'Assessment scale (colour and label):']) expect(words).toContain(s);

    const [tex, bib, body] = await exportTo(sample, 'claims.tex', { what: 'claims', format: 'tex' });
    const source = fs.readFileSync(tex!, 'utf8') + fs.readFileSync(body!, 'utf8');
    expect(source).toContain('\\textbf{Table~\\thetable.} Double-standards claims tested against the observers’ verdicts');
    expect(source).toContain('\\textbf{\\dag{} contested}');
    expect(source).toContain('\\statusmark{D55E00}{Not supported}');
    // Latin text and the dagger only: pdfLaTeX can compile it.
    expect(source).toContain('Compile with pdfLaTeX, XeLaTeX or LuaLaTeX');
    expect(fs.readFileSync(bib!, 'utf8')).toContain('url = {https://docslib.org/doc/9544012/international-election-observation-mission}');

    const [md] = await exportTo(sample, 'claims.md', { what: 'claims', format: 'md' });
    const markdown = fs.readFileSync(md!, 'utf8');
    expect(markdown).toContain('| Claimant (role, date) | Claim | Comparison (focal vs comparator) | Verdicts compared (the observers’ words, by case) | Assessment | Reasoning |');
    // A cell's lines joined with "; " (raw <br> is dropped by Pandoc): export-details.test.ts.
    expect(markdown).toMatch(/\| \*\*unnamed election official\*\*; \*Kazakh election official \(interviewee\)\*; undated \| \*\*† contested\*\*; “Poland, the country/);

    const [csv] = await exportTo(sample, 'claims.csv', { what: 'claims', format: 'csv' });
    const records = parse(fs.readFileSync(csv!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(records).toHaveLength(7);
    expect(Object.keys(records[0]!)).toEqual([
      'claimant',
      'claimant_role',
      'date',
      'statement',
      'statement_kind',
      'source',
      'locator',
      'target',
      'focal_case',
      'comparator_cases',
      'comparator_note',
      'dimension',
      'dimension_note',
      'norm',
      'stage',
      'assessment',
      'assessment_label',
      'reasoning',
      'verification',
      'verification_note',
      'verdicts_compared',
      'verdicts',
      'verdict_sources',
      'claim_id',
    ]);
    const belarus = records.find((r) => r.statement!.startsWith(BELARUS_CLAIM))!;
    expect(belarus).toMatchObject({ focal_case: 'Kazakhstan', comparator_cases: 'Belarus', assessment: 'not-supported', assessment_label: 'Not supported', statement_kind: 'paraphrase', verdicts_compared: '6' });
    expect(belarus.verdicts).toContain('Belarus 2010-12-19 presidential, OSCE/ODIHR: “The presidential election indicated that Belarus still has a considerable way to go');
    expect(records.find((r) => r.statement!.startsWith('Poland'))!.verification).toBe('contested');

    const [xlsx] = await exportTo(sample, 'claims.xlsx', { what: 'claims', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Claims', 'Notes']);
    const sheet = workbook.getWorksheet('Claims')!;
    expect(sheet.getCell('A1').value).toBe('Double-standards claims tested against the observers’ verdicts');
    expect(sheet.rowCount).toBe(2 + 7);
    const header = sheet.getRow(2).values as unknown[];
    const label = header.indexOf('assessment_label');
    const row = [3, 4, 5, 6, 7, 8, 9].map((r) => sheet.getRow(r)).find((r) => String(r.getCell(header.indexOf('statement')).value).startsWith(BELARUS_CLAIM))!;
    expect(row.getCell(label).value).toBe('Not supported');
    expect(row.getCell(label).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD55E00' } });
    const notes = (workbook.getWorksheet('Notes')!.getSheetValues().flat().filter((v) => typeof v === 'string') as string[]).join('\n');
    expect(notes).toContain('Assessment scale');
    expect(notes).toContain('odihr-blr-2010-ps');
  });

  it('filters by case (focal or comparator) and by norm', async () => {
    const [csv] = await exportTo(sample, 'claims-blr.csv', { what: 'claims', format: 'csv', cases: ['BLR'] });
    const records = parse(fs.readFileSync(csv!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(records.map((r) => [r.focal_case, r.comparator_cases])).toEqual([
      ['Kazakhstan', 'Belarus'],
      ['Belarus', ''],
    ]);
    const [md] = await exportTo(sample, 'claims-norm.md', { what: 'claims', format: 'md', norms: ['Election observation'], cases: ['Belarus'] });
    expect(fs.readFileSync(md!, 'utf8')).toContain('2 of the 7 double-standards claims recorded (claims about Belarus, on Election observation)');
    const none = await exportProject(sample, { what: 'claims', format: 'csv', out: path.join(dir, 'none.csv'), norms: ['Free and fair voting'] }).catch((e: unknown) => e);
    expect((none as ApiError).code).toBe('NOT_FOUND');
    expect((none as ApiError).message).toMatch(/No double-standards claim matches \(on Free and fair voting\)/);
    expect(fs.existsSync(path.join(dir, 'none.csv'))).toBe(false);
  });
});

describe('observation record', () => {
  it('prints the cases side by side, year by year, then the findings by dimension', async () => {
    const [pdf] = await exportTo(sample, 'observation.pdf', { what: 'observation', format: 'pdf' });
    expectLandscapeA4WithNotoFonts(pdf!);
    expect(run('pdfinfo', [pdf!])).toMatch(/Title:\s+Observation record: Kazakhstan and Belarus\n/);
    const content = pdfText(pdf!);
    expect(content).toContain('Table 1. Elections and the verdicts of the missions that observed them: Kazakhstan and Belarus, year by year');
    expect(content).toMatch(/Year Kazakhstan focal case Belarus 1994 7 Mar 1994 · Parliamentary/);
    for (const s of ['15 Jan 2012 · Parliamentary (early, Majilis)', 'OSCE/ODIHR · full EOM', 'CIS · observer mission', 'SCO · observer mission', '9 Aug 2020 · Presidential OSCE/ODIHR · no mission', 'Did not meet fundamental principles of democratic elections']) {
      expect(content).toContain(s);
    }
    // Findings with their severity in words, in the cell and in the table by dimension.
    expect(content).toMatch(/Did not meet fundamental principles of democratic elections; several parties blocked, candidates de-registered ?[a-z\d]+ • Fraud and ballot stuffing: moderate/);
    expect(content).toContain('• Executive interference: severe');
    expect(content).toContain('Table 2. Findings by dimension');
    expect(content).toMatch(/Counting and tabulation Serious Serious Serious — Serious Moderate Moderate/);
    for (const s of ['Severity scale (colour and label): None Minor Moderate Serious Severe', 'Verification: All 34 verdicts and 28 elections shown are verified against an external source.', '—: not coded']) {
      expect(content).toContain(s);
    }
  });

  it('writes DOCX, CSV/XLSX (one row per mission, findings as columns per dimension) and Markdown; filters by case', async () => {
    const [docx] = await exportTo(sample, 'observation.docx', { what: 'observation', format: 'docx' });
    const { value } = await mammoth.extractRawText({ path: docx! });
    const words = value.replace(/\s+/g, ' ');
    for (const s of ['Table 1. Elections and the verdicts', 'Table 2. Findings by dimension', '15 Jan 2012', 'Severity scale (colour and label):']) expect(words).toContain(s);
    // Rows = dimensions, columns = case x election year, severity in words (and colour).
    expect(words).toMatch(/Dimension Kazakhstan 2012 ?OSCE\/ODIHR · parliamentary Kazakhstan 2016 ?OSCE\/ODIHR · parliamentary Belarus 2010/);
    expect(words).toMatch(/Counting and tabulation ■ ?Serious ■ ?Serious ■ ?Serious — ■ ?Serious ■ ?Moderate ■ ?Moderate/);

    const missions = listElections(sample).reduce((n, e) => n + e.missions.length, 0);
    const [csv] = await exportTo(sample, 'observation.csv', { what: 'observation', format: 'csv' });
    const records = parse(fs.readFileSync(csv!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(records).toHaveLength(missions);
    expect(Object.keys(records[0]!).slice(-7)).toEqual(['Fraud and ballot stuffing', 'Executive interference', 'Media environment', 'Commission composition', 'Candidate registration', 'Observer access', 'Counting and tabulation']);
    const kaz2012 = records.find((r) => r.election_date === '2012-01-15' && r.organisation === 'OSCE/ODIHR')!;
    expect(kaz2012).toMatchObject({ case: 'Kazakhstan', mission_type: 'full-eom', 'Fraud and ballot stuffing': 'Moderate', 'Candidate registration': 'Serious', 'Observer access': '', verdict_source: 'odihr-kaz-2012-ps' });

    const [xlsx] = await exportTo(sample, 'observation.xlsx', { what: 'observation', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Missions', 'Notes']);
    const sheet = workbook.getWorksheet('Missions')!;
    expect(sheet.rowCount).toBe(2 + missions);
    const header = sheet.getRow(2).values as unknown[];
    const severe = [...Array(missions).keys()].map((i) => sheet.getRow(3 + i).getCell(header.indexOf('Executive interference'))).find((c) => c.value === 'Severe')!;
    expect(severe.fill).toMatchObject({ fgColor: { argb: 'FFD55E00' } });
    const notes = (workbook.getWorksheet('Notes')!.getSheetValues().flat().filter((v) => typeof v === 'string') as string[]).join('\n');
    expect(notes).toContain('Severity scale');

    const [md] = await exportTo(sample, 'observation-blr.md', { what: 'observation', format: 'md', cases: ['Belarus'] });
    const markdown = fs.readFileSync(md!, 'utf8');
    expect(markdown).toContain('| Year | Belarus |');
    expect(markdown).toContain('**19 Dec 2010** · Presidential');
    expect(markdown).not.toContain('15 Jan 2012');
    expect(markdown).not.toContain('Kazakhstan 2016');
  });
});

describe('pre-export check', () => {
  const REAL_NAME = 'Aigerim Bekova';

  it('refuses both kinds in every format when a real name would leave the app, writing nothing', async () => {
    writeSampleProject(path.join(dir, 'planted.comparanda'));
    const project = Project.open(path.join(dir, 'planted.comparanda'));
    try {
      const participant = listParticipants(project).find((p) => p.pseudonym === 'CEC member 1')!;
      setIdentity(project, { id: participant.id, realName: REAL_NAME, contact: '+7 701 555 0101' });
      // Recorded but not used: both kinds pass.
      await exportTo(project, 'clean-claims.md', { what: 'claims', format: 'md' });
      await exportTo(project, 'clean-observation.md', { what: 'observation', format: 'md' });

      const poland = listClaims(project).find((c) => c.statement.startsWith('Poland'))!;
      saveClaim(project, { id: poland.id, claimant: poland.claimant, statement: `${poland.statement} (told to us by ${REAL_NAME})` });
      const mission = listElections(project).find((e) => e.date === '2012-01-15')!.missions.find((m) => m.organisation === 'CIS')!;
      saveMission(project, { id: mission.id, electionId: mission.electionId, organisation: mission.organisation, missionType: mission.missionType, verdict: `${REAL_NAME} said: ${mission.verdict}` });

      const target = fs.mkdtempSync(path.join(dir, 'refused-'));
      for (const [what, where] of [
        ['claims', /the claim of (no date|[0-9-]+) by unnamed election official \(field statement, characters \d+–\d+\)/],
        ['observation', /a mission to the election of 2012-01-15 \(field verdict, characters 1–14\)/],
      ] as const) {
        for (const format of ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md'] as const) {
          const error = await exportProject(project, { what, format, out: path.join(target, `${what}.${format}`) }, printer).catch((e: unknown) => e);
          expect(error, `${what} ${format}`).toBeInstanceOf(ApiError);
          expect((error as ApiError).code).toBe('IDENTITY_IN_OUTPUT');
          // The refusal says where, never what: the name itself is not in it.
          expect((error as ApiError).message).not.toContain(REAL_NAME);
          expect((error as ApiError).message).toContain('the real name recorded for participant “');
          expect((error as ApiError).message).toMatch(where);
          expect((error as ApiError).message).toContain('Nothing was written');
          expect(fs.readdirSync(target), `${what} ${format}`).toEqual([]);
        }
      }
    } finally {
      project.close();
    }
  });
});
