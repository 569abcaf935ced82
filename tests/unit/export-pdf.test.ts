/**
 * PDF exports of the sample project, printed by Chromium (playwright-core + /usr/bin/chromium or CHROMIUM_PATH) and
 * inspected with poppler (pdffonts, pdfinfo, pdftotext, pdftoppm) and a reviewed golden image.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { createExcerpt, createSource, linkExcerpt, listExcerpts, listParticipants, setIdentity, updateExcerpt } from '../../electron/core/evidence';
import { updateCell } from '../../electron/core/edit';
import { exportProject, playwrightPrinter, type ClosablePdfPrinter, type ExportOptions } from '../../electron/core/export';
import { pdfTexts } from '../../electron/core/export/check';
import { guardOutput } from '../../electron/core/privacy/gate';
import { foldNeedle } from '../../electron/core/privacy/match';
import { matrixTables } from '../../electron/core/matrix';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { markdownToPlainText } from '../../electron/core/text';

const GOLDEN = path.resolve(__dirname, '../fixtures/golden/export-matrix-observation-p1.png');
const KAZAKH = 'Қазақстан: Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі — бақылаушылар';

let dir: string;
let sample: Project;
let edited: Project;
let printer: ClosablePdfPrinter;
let ids: { kaz: string; blr: string; obs: string; stages: string[] };

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

// Soft hyphens (where a word may break) are in the text layer, as the PDF standard has them; a reader drops them and
// joins a word hyphenated at a line end.
const text = (pdf: string) =>
  run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])
    .replace(/\u00ad\s*-?\s*/g, '')
    .replace(/\s+/g, ' ');
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

async function exportTo(project: Project, name: string, options: Omit<ExportOptions, 'out'>): Promise<string> {
  const out = path.join(dir, name);
  const result = await exportProject(project, { ...options, out }, printer);
  expect(result.files.map((f) => f.path)).toEqual([out]);
  expect(result.warnings).toEqual([]);
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-export-pdf-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  writeSampleProject(path.join(dir, 'edited.comparanda'));
  sample = Project.open(path.join(dir, 'sample.comparanda'), { readonly: true });
  edited = Project.open(path.join(dir, 'edited.comparanda'));
  const overview = edited.overview();
  ids = {
    kaz: overview.cases.find((c) => c.name === 'Kazakhstan')!.id,
    blr: overview.cases.find((c) => c.name === 'Belarus')!.id,
    obs: overview.norms.find((n) => n.shortLabel === 'Election observation')!.id,
    stages: overview.frameworks[0]!.stages.map((s) => s.id),
  };
  // Kazakh text in a cell, and two sources with clear authors (one Kazakh) cited by it.
  updateCell(edited, { caseId: ids.blr, normId: ids.obs, stageId: ids.stages[2]!, patch: { status: 'partial', summary: KAZAKH } });
  const ivanova = createSource(edited, {
    kind: 'academic',
    csl: { type: 'report', title: 'Observer access in Kazakh elections', author: [{ family: 'Ivanova', given: 'Anna' }], publisher: 'Almaty Press', issued: { 'date-parts': [[2019]] } },
  });
  const alieva = createSource(edited, {
    kind: 'academic',
    csl: { type: 'book', title: 'Сайлау бақылаушылары', author: [{ family: 'Әлиева', given: 'Әйгерім' }], publisher: 'Алматы', issued: { 'date-parts': [[2020]] } },
  });
  for (const source of [ivanova, alieva]) {
    const excerpt = createExcerpt(edited, { sourceId: source.id, text: `Observers were admitted (${source.title}).`, textKind: 'quote', locator: 'p. 12' });
    linkExcerpt(edited, { excerptId: excerpt.id, caseId: ids.blr, normId: ids.obs, stageId: ids.stages[2]! });
  }
  printer = playwrightPrinter();
});

afterAll(async () => {
  await printer?.close();
  sample?.close();
  edited?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('PDF export of the matrix', () => {
  it('embeds only the bundled Noto fonts, on A4 landscape, with title, author and subject, tagged', async () => {
    const pdf = await exportTo(sample, 'matrix.pdf', { what: 'matrix', format: 'pdf', norms: ['observation'] });
    const fonts = run('pdffonts', [pdf]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      const columns = line.trim().split(/\s+/);
      // name, type..., emb, sub, uni, object, generation: "emb" is the 5th column from the end.
      expect(columns.at(-5), line).toBe('yes');
      expect(columns[0], line).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)-/);
    }
    const info = run('pdfinfo', [pdf]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info);
    expect(size, info).not.toBeNull();
    expect(Math.abs(Number(size![1]) - 841.89)).toBeLessThan(1);
    expect(Math.abs(Number(size![2]) - 595.28)).toBeLessThan(1);
    expect(info).toMatch(/Title:\s+International election observation: Kazakhstan and Belarus, stage by stage\n/);
    expect(info).toMatch(/Author:\s+Comparanda project “Kazakhstan & Belarus \(sample\)”/);
    expect(info).toMatch(/Subject:\s+Comparative matrix of norm diffusion and contestation/);
    expect(info).toMatch(/Tagged:\s+yes/);

    const content = text(pdf);
    expect(content).toContain('Table 1. International election observation: Kazakhstan and Belarus, stage by stage');
    for (const name of ['Kazakhstan', 'Belarus', 'focal case', '1. Diffusion', '2. Acceptance', '3. Reconstitution', '4. Moment of contestation']) expect(content).toContain(name);
    const [table] = matrixTables(sample, { norms: ['observation'] });
    let summaries = 0;
    for (const row of table!.rows) {
      for (const cell of row.cells) {
        if (!cell) continue;
        expect(content).toContain(normalise(markdownToPlainText(cell.summary)));
        summaries++;
      }
    }
    expect(summaries).toBe(7);
    // Status by text as well as colour, the legend, what "no data" means, page numbers.
    for (const label of ['Reached', 'Unclear', 'Contested', 'No data', 'Status scale (colour and label):', 'No data: nothing has been recorded']) expect(content).toContain(label);
    expect(content).toMatch(/\b1 ?\/ ?2\b/);

    // Golden image of page 1 (no dates are printed, so it is stable).
    const prefix = path.join(dir, 'page');
    run('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, prefix]);
    const actual = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
    if (!fs.existsSync(GOLDEN) && process.env.UPDATE_GOLDEN) fs.copyFileSync(`${prefix}.png`, GOLDEN);
    const golden = PNG.sync.read(fs.readFileSync(GOLDEN));
    const keep = path.join(os.tmpdir(), 'comparanda-export-matrix-p1.actual.png');
    expect([actual.width, actual.height], `page size differs from the golden image; actual kept at ${keep}`).toEqual([golden.width, golden.height]);
    const diff = pixelmatch(actual.data, golden.data, undefined, golden.width, golden.height, { threshold: 0.1 });
    const share = diff / (golden.width * golden.height);
    if (share >= 0.01) fs.copyFileSync(`${prefix}.png`, keep);
    expect(share, `${(share * 100).toFixed(2)}% of pixels differ from ${GOLDEN}; actual page kept at ${keep}`).toBeLessThan(0.01);
  });

  it('keeps Kazakh text intact in the same faces and cites with Chicago notes and a bibliography', async () => {
    const pdf = await exportTo(edited, 'kazakh.pdf', { what: 'matrix', format: 'pdf', norms: ['observation'], style: 'chicago-note' });
    const content = text(pdf);
    expect(content).toContain(KAZAKH.replace(/\s+/g, ' '));
    const families = new Set(
      run('pdffonts', [pdf])
        .trim()
        .split('\n')
        .slice(2)
        .map((l) => l.trim().split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '').replace(/-.*/, '')),
    );
    expect([...families].sort()).toEqual(['NotoSans', 'NotoSerif']);
    // The Belarus cell's sources: note numbers in the table, notes under it, the bibliography after.
    expect(content).toMatch(/Notes .*Ivanova, “Observer Access in Kazakh Elections”?.*Әлиева, Сайлау бақылаушылары/);
    expect(content).toContain('Bibliography');
    expect(content).toContain('Ivanova, Anna. “Observer Access in Kazakh Elections.” Almaty Press, 2019.');
    expect(content).toContain('Әлиева, Әйгерім. Сайлау бақылаушылары. Алматы, 2020.');
  });

  it('cites author-date with APA, initialising Kazakh given names', async () => {
    const pdf = await exportTo(edited, 'apa.pdf', { what: 'matrix', format: 'pdf', norms: ['observation'], style: 'apa' });
    const content = text(pdf);
    // The matrix cites with the excerpts' locators (issue 15), as the appendix and the claims register do.
    expect(content).toContain(`${KAZAKH.replace(/\s+/g, ' ')} (Ivanova, 2019, p. 12; Әлиева, 2020, p. 12)`);
    expect(content).toContain('References');
    expect(content).toContain('Ivanova, A. (2019). Observer access in Kazakh elections. Almaty Press.');
    expect(content).toContain('Әлиева, Ә. (2020). Сайлау бақылаушылары. Алматы.');
    expect(content).not.toContain('Notes');
  });

  it('prints the evidence appendix: matrix pages in landscape, evidence in portrait, notes, pseudonyms, bibliography', async () => {
    const pdf = await exportTo(sample, 'appendix.pdf', { what: 'appendix', format: 'pdf' });
    const info = run('pdfinfo', ['-l', '99', pdf]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
    expect(sizes[0]).toBe('landscape');
    expect(sizes.at(-1)).toBe('portrait');
    expect(sizes.length).toBeGreaterThan(4);
    const content = text(pdf);
    for (const expected of [
      'Evidence appendix',
      'Table 1. International election observation',
      'Table 2. Free and fair voting procedures',
      'A. Evidence by cell',
      'Kazakhstan — 3. Reconstitution',
      '“interested in scandal or provocations”',
      '(paraphrase)',
      'CEC member 1 (interviewee, pseudonym)',
      'Stage 4 (election monitoring), n. 57',
      'Bibliography',
    ]) {
      expect(content).toContain(expected);
    }
    // A quote carries quotation marks, a paraphrase does not.
    expect(content).toContain('“could not distinguish Pakistan from Kazakhstan…have little knowledge of the country…and behave disrespectfully”');
    expect(content).not.toContain('“A CEC member noted');
  });
});

describe('pre-export check', () => {
  const REAL_NAME = 'Aigerim Bekova';

  it('refuses every format when a real name would leave the app, writing nothing; a clean export passes', async () => {
    const project = edited;
    {
      const participant = listParticipants(project).find((p) => p.pseudonym === 'CEC member 1')!;
      setIdentity(project, { id: participant.id, realName: REAL_NAME, contact: '+7 701 555 0101' });
      // With the identity recorded but not used, exports pass.
      await exportTo(project, 'clean.md', { what: 'appendix', format: 'md' });
      const excerpt = listExcerpts(project, {}).find((e) => e.participantId === participant.id && e.cellIds.length > 0)!;
      updateExcerpt(project, { id: excerpt.id, text: `${excerpt.text} (said ${REAL_NAME})`, textKind: 'paraphrase' });
      const target = fs.mkdtempSync(path.join(dir, 'refused-'));
      for (const format of ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md'] as const) {
        const out = path.join(target, `appendix.${format}`);
        const error = await exportProject(project, { what: 'appendix', format, out }, printer).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, format).toBeInstanceOf(ApiError);
        expect((error as ApiError).code).toBe('IDENTITY_IN_OUTPUT');
        expect((error as ApiError).message).not.toContain(REAL_NAME);
        expect((error as ApiError).message).toMatch(/the real name recorded for participant “CEC member 1”/);
        expect((error as ApiError).message).toMatch(/an excerpt of “Untitled manuscript.*\(field text, characters \d+–\d+\)/);
        expect((error as ApiError).message).toContain('Nothing was written');
        expect(fs.readdirSync(target), format).toEqual([]);
      }
      // The matrix does not show excerpt text: it passes.
      await exportTo(project, 'matrix-ok.md', { what: 'matrix', format: 'md' });
    }
  });

  it('finds a name in the text of a printed PDF, even broken across lines', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><p style="width:60px;font-size:12px">Interview with Aigerim Bekova in Almaty</p></body></html>`;
    const pdf = await printer.print(html, { paper: 'a4', orientation: 'portrait', title: 't', author: 'a', subject: 's' });
    const texts = await pdfTexts(pdf);
    const identity = (value: string) => [{ participantId: 'p', pseudonym: 'P-1', kind: 'real name' as const, value, needle: foldNeedle(value) }];
    expect(() => guardOutput(sample.db, 'PDF', texts, { identities: identity('aigerim bekova') })).toThrow(/real name recorded for participant “P-1”/);
    expect(() => guardOutput(sample.db, 'PDF', texts, { identities: identity('Someone Else') })).not.toThrow();
  });
});
