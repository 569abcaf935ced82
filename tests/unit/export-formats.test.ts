/**
 * DOCX, LaTeX, CSV, XLSX and Markdown exports of the sample project, the citation engine and its Kazakh quirk, the
 * export kinds registry and the `export` command line. (PDF: export-pdf.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import CSL from 'citeproc';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExportUsageError, parseExportArgs, runExportCommand } from '../../electron/cli/export-command';
import type { ApiError } from '../../electron/contract/errors';
import { createExcerpt, createParticipant, createSource, linkExcerpt, listExcerpts } from '../../electron/core/evidence';
import { updateCell } from '../../electron/core/edit';
import { defaultExportFileName, exportKinds, exportProject, type ExportOptions, type ExportProgress } from '../../electron/core/export';
import { formatText } from '../../electron/contract/i18n/format';
import { codePointsOf, uncoveredCharacters } from '../../electron/core/export/fonts';
import { citationLocator, clearCitationCache, cslDir, loadStyle, preInitialiseGiven } from '../../electron/core/export/citations';
import { readZip } from '../../electron/core/export/zip';
import { matrixTables } from '../../electron/core/matrix';
import { matrixToCsv } from '../../electron/core/matrix-format';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

let dir: string;
let sample: Project;
let edited: Project;
const KAZAKH = 'Қазақстан: Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';
const REAL_NAME_IN_CSL = 'Aigerim Bekova';

async function exportTo(project: Project, name: string, options: Omit<ExportOptions, 'out'>): Promise<string[]> {
  const out = path.join(dir, name);
  const result = await exportProject(project, { ...options, out });
  expect(result.warnings).toEqual([]);
  for (const f of result.files) expect(fs.statSync(f.path).size).toBe(f.bytes);
  return result.files.map((f) => f.path);
}

function zipText(file: string, entry: string): string {
  const found = readZip(fs.readFileSync(file)).find((e) => e.name === entry);
  if (!found) throw new Error(`${entry} is not in ${file}`);
  return found.data.toString('utf8');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-export-formats-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  writeSampleProject(path.join(dir, 'edited.comparanda'));
  sample = Project.open(path.join(dir, 'sample.comparanda'), { readonly: true });
  edited = Project.open(path.join(dir, 'edited.comparanda'));
  const overview = edited.overview();
  const blr = overview.cases.find((c) => c.name === 'Belarus')!.id;
  const obs = overview.norms.find((n) => n.shortLabel === 'Election observation')!.id;
  const stage = overview.frameworks[0]!.stages[2]!.id;
  updateCell(edited, { caseId: blr, normId: obs, stageId: stage, patch: { status: 'partial', summary: KAZAKH } });
  // An interview whose stored CSL names the interviewee: exports must cite the pseudonym only.
  const participant = createParticipant(edited, { pseudonym: 'Minsk official 1', roleCategory: 'Election official' });
  const interview = createSource(edited, {
    kind: 'interview',
    participantId: participant.id,
    csl: { type: 'interview', title: 'Interview on observer access', author: [{ literal: REAL_NAME_IN_CSL }], issued: { 'date-parts': [[2021, 5]] }, note: `With ${REAL_NAME_IN_CSL}` },
  });
  const excerpt = createExcerpt(edited, { sourceId: interview.id, text: 'Наблюдатели нам не нужны.', language: 'ru', translation: 'We do not need observers.', translationLanguage: 'en', textKind: 'quote', locator: 'p. 3, para 2' });
  linkExcerpt(edited, { excerptId: excerpt.id, caseId: blr, normId: obs, stageId: stage });
});

afterAll(() => {
  sample?.close();
  edited?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('DOCX', () => {
  it('is an editable Word table with caption, repeated header row, status text, footnotes and the bibliography', async () => {
    // Numbered notes are real Word footnotes (the default, lettered table notes: export-details.test.ts).
    const [file] = await exportTo(sample, 'matrix.docx', { what: 'matrix', format: 'docx', norms: ['observation'], noteMarks: 'numbers' });
    const { value } = await mammoth.extractRawText({ path: file! });
    const textValue = value.replace(/\s+/g, ' ');
    expect(textValue).toContain('Table 1. International election observation: Kazakhstan and Belarus, stage by stage');
    for (const s of ['1. Diffusion', '4. Moment of contestation', 'Kazakhstan', 'Belarus', 'Reached', 'Unclear', 'No data', 'Status scale (colour and label):', 'Bibliography']) expect(textValue).toContain(s);
    expect(textValue).toContain('OSCE/ODIHR diffuses the Copenhagen para 8 commitment');
    expect(textValue).toContain('Eurasianet. “Kazakhstan Takes on OSCE Chairmanship with Call for West to Ditch Stereotypes,” January 2010.');
    const xml = zipText(file!, 'word/document.xml');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(5);
    expect(zipText(file!, 'word/footnotes.xml')).toContain('Untitled Manuscript on OSCE/ODIHR Norm Contestation in Kazakhstan');
    expect(zipText(file!, 'docProps/core.xml')).toContain('<dc:title>International election observation: Kazakhstan and Belarus, stage by stage</dc:title>');
  });

  it('writes author-date citations as text with APA, and Kazakh text intact', async () => {
    const [file] = await exportTo(edited, 'apa.docx', { what: 'appendix', format: 'docx', style: 'apa' });
    const { value } = await mammoth.extractRawText({ path: file! });
    const textValue = value.replace(/\s+/g, ' ');
    expect(textValue).toContain(KAZAKH);
    // The matrix cites with the excerpt's locator, as the appendix does.
    expect(textValue).toContain('(Minsk official 1, personal communication, May 2021, p. 3, para 2)');
    expect(textValue).toContain('“Наблюдатели нам не нужны.”');
    expect(textValue).toContain('“We do not need observers.”');
    expect(textValue).toContain('References');
    expect(textValue).not.toContain(REAL_NAME_IN_CSL);
    expect(zipText(file!, 'word/document.xml')).not.toContain('<w:footnoteReference');
  });
});

describe('progress', () => {
  it('says how many citations it formats when citeproc formats them, and not when they were formatted before', async () => {
    clearCitationCache();
    const exportWithPhases = async (name: string) => {
      const seen: ExportProgress[] = [];
      await exportProject(sample, { what: 'matrix', format: 'md', norms: ['observation'], style: 'harvard', out: path.join(dir, name), onProgress: (p) => seen.push(p) });
      return seen;
    };
    const first = await exportWithPhases('progress-1.md');
    expect(first.map((p) => p.phase)).toEqual(['prepare', 'cite', 'render', 'write']);
    const cite = first.find((p) => p.phase === 'cite')!;
    expect(cite.text.id).toBe('jobs.exportCite');
    const size = cite.text.values as { citations: number; sources: number };
    expect(size.sources).toBeGreaterThan(0);
    expect(size.citations).toBeGreaterThanOrEqual(size.sources);
    expect(formatText('en', cite.text)).toBe(`Formatting ${size.citations} citations of ${size.sources} sources`);
    expect(formatText('ru', { id: 'jobs.exportCite', values: { citations: 5, sources: 3 } })).toBe('Оформление 5 ссылок на 3 источника');
    expect(formatText('ru', { id: 'jobs.exportCite', values: { citations: 21, sources: 1 } })).toBe('Оформление 21 ссылки на 1 источник');
    // The same matrix again: its citations are formatted already.
    expect((await exportWithPhases('progress-2.md')).map((p) => p.phase)).toEqual(['prepare', 'render', 'write']);
  });
});

describe('LaTeX', () => {
  it('writes booktabs + longtable with a repeated header, biblatex citations and a .bib of the cited sources', async () => {
    const [tex, bib, body] = await exportTo(sample, 'matrix.tex', { what: 'matrix', format: 'tex' });
    expect(bib).toBe(path.join(dir, 'matrix.bib'));
    expect(body).toBe(path.join(dir, 'matrix-body.tex'));
    const wrapper = fs.readFileSync(tex!, 'utf8');
    const source = fs.readFileSync(body!, 'utf8');
    for (const s of ['\\usepackage{array,booktabs,longtable}', '\\begin{document}', '\\input{matrix-body}', '\\printbibliography', '\\end{document}']) expect(wrapper).toContain(s);
    for (const s of ['\\begin{longtable}', '\\toprule', '\\endfirsthead', '\\endhead', '\\bottomrule', '\\end{longtable}']) expect(source).toContain(s);
    expect(source).toContain('{\\textbf{Table~\\thetable.} International election observation: Kazakhstan and Belarus, stage by stage');
    expect(source).toContain('\\statusmark{009E73}{Reached}');
    // Table notes lettered under the table (Chicago 3.77); \\footcites with --note-marks numbers (export-latex.test.ts).
    expect(source).toContain('\\cites[{Stages 1 and 2 (election monitoring), n. 45}]{manuscript}');
    const bibText = fs.readFileSync(bib!, 'utf8');
    expect(bibText).toMatch(/@\w+\{manuscript,/);
    expect(bibText).toMatch(/@article\{eurasianet-2010,/);
    // Exactly the cited sources, not the project's 105.
    expect(bibText.match(/^@/gm)!.length).toBeLessThan(15);
  });

  it('requires XeLaTeX/LuaLaTeX for Cyrillic, cites by pseudonym, and compiles where a TeX system is installed', async () => {
    const [tex, bib, body] = await exportTo(edited, 'appendix.tex', { what: 'appendix', format: 'tex', style: 'apa' });
    const wrapper = fs.readFileSync(tex!, 'utf8');
    const source = fs.readFileSync(body!, 'utf8');
    expect(wrapper).toContain('\\RequireTUTeX');
    expect(source).toContain('Қазақстан');
    expect(source).toContain('\\begin{landscape}');
    expect(wrapper + source + fs.readFileSync(bib!, 'utf8')).not.toContain(REAL_NAME_IN_CSL);
    expect(fs.readFileSync(bib!, 'utf8')).toContain('Minsk official 1');
    // Compiled with biber and checked for errors, missing characters and overfull boxes in export-latex.test.ts.
  });
});

describe('CSV and XLSX', () => {
  it('writes the long CSV exactly as matrix-format does, and a wide CSV with stages as rows', async () => {
    const [long] = await exportTo(sample, 'long.csv', { what: 'matrix', format: 'csv' });
    // After the byte order mark that Excel needs to read UTF-8 (export-details.test.ts).
    expect(fs.readFileSync(long!, 'utf8')).toBe(`\ufeff${matrixToCsv(matrixTables(sample))}`);
    const [wide] = await exportTo(sample, 'wide.csv', { what: 'matrix', format: 'csv', shape: 'wide' });
    const lines = fs.readFileSync(wide!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('norm,stage,Kazakhstan: status,Kazakhstan: assessment,Kazakhstan: sources,Belarus: status,Belarus: assessment,Belarus: sources');
    expect(fs.readFileSync(wide!, 'utf8')).toContain('International election observation,1. Diffusion,Reached,"1990–1992 · high confidence');
  });

  it('writes an XLSX with frozen headers, widths, status cells filled and labelled, and the references', async () => {
    const [file] = await exportTo(sample, 'matrix.xlsx', { what: 'matrix', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file!);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Table 1', 'Table 2', 'Data', 'Notes']);
    const table = workbook.getWorksheet('Table 1')!;
    expect(table.getCell('A1').value).toBe('Table 1. International election observation: Kazakhstan and Belarus, stage by stage');
    expect(table.getRow(2).values).toEqual([undefined, 'norm', 'stage', 'Kazakhstan: status', 'Kazakhstan: assessment', 'Kazakhstan: sources', 'Belarus: status', 'Belarus: assessment', 'Belarus: sources']);
    expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
    const status = table.getCell('C3');
    expect(status.value).toBe('Reached');
    expect(status.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF009E73' } });
    expect(table.getCell('F5').value).toBe('No data');
    expect(table.getCell('D3').value).toMatch(/^1990–1992 · high confidence\nOSCE\/ODIHR diffuses/);
    expect(table.getCell('E3').value).toBe('manuscript');
    expect(table.getColumn(4).width).toBe(60);
    const data = workbook.getWorksheet('Data')!;
    expect(data.rowCount).toBe(1 + 2 * 4 * 2);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getRow(2).getCell(8).value).toBe('Reached');
    const notes = workbook.getWorksheet('Notes')!;
    const noteValues = notes.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(noteValues).toContain('manuscript');
    expect(noteValues.some((v) => v.includes('Untitled Manuscript on OSCE/ODIHR Norm Contestation in Kazakhstan'))).toBe(true);
  });

  it('writes the appendix as data: one row per excerpt, pseudonyms only, Kazakh text intact', async () => {
    const [file] = await exportTo(edited, 'appendix.xlsx', { what: 'appendix', format: 'xlsx', shape: 'long' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file!);
    const evidence = workbook.getWorksheet('Evidence')!;
    expect(evidence.rowCount).toBe(1 + listExcerpts(edited, {}).reduce((n, e) => n + e.cellIds.length, 0));
    const rows = evidence.getSheetValues().slice(2) as unknown[][];
    const russian = rows.find((r) => r[7] === 'Наблюдатели нам не нужны.')!;
    expect(russian.slice(1)).toEqual(['International election observation', 3, 'Reconstitution', 'Belarus', 'Partial', 'quote', 'Наблюдатели нам не нужны.', 'ru', 'We do not need observers.', 'en', 'Minsk official 1 (interviewee, pseudonym)', 'p. 3, para 2', expect.any(String)]);
    const data = workbook.getWorksheet('Data')!;
    expect(JSON.stringify(data.getSheetValues())).toContain(KAZAKH);
  });
});

describe('Markdown', () => {
  it('reuses matrix-format for the table and adds notes and the bibliography', async () => {
    const [file] = await exportTo(sample, 'matrix.md', { what: 'matrix', format: 'md', norms: ['observation'] });
    const md = fs.readFileSync(file!, 'utf8');
    const table = matrixTables(sample, { norms: ['observation'] })[0]!;
    const expected = (await import('../../electron/core/matrix-format')).matrixToMarkdown([table]).replace(/^### .*\n\n/, '').trim();
    expect(md).toContain('**Table 1.** International election observation: Kazakhstan and Belarus, stage by stage');
    expect(md).toContain(expected);
    // Table notes by letter (Chicago 3.77), as superscripts that Pandoc keeps out of the article's footnotes.
    expect(md).toMatch(/- Kazakhstan, 1\. Diffusion\^a\^/);
    expect(md).toMatch(/\n\^a\^ “Untitled Manuscript/);
    expect(md).toContain('## Bibliography');
  });
});

describe('citations', () => {
  const locale = (l: string) => fs.readFileSync(path.join(cslDir(), 'locales', `locales-${l}.xml`), 'utf8');
  const kazakh = { id: 'k', type: 'book', title: 'Сайлау', author: [{ family: 'Тоқаев', given: 'Қасым-Жомарт' }, { family: 'Әлиев', given: 'Әлихан' }], issued: { 'date-parts': [[2012]] } };

  it('citeproc itself does not initialise given names starting with Kazakh letters (the quirk being worked around)', () => {
    const engine = new CSL.Engine({ retrieveLocale: locale, retrieveItem: () => kazakh }, loadStyle('apa').xml, 'en-US');
    engine.updateItems(['k']);
    const bibliography = (engine.makeBibliography() as [unknown, string[]])[1].join('');
    expect(bibliography).toContain('Қасым');
  });

  it('initialises them ahead of citeproc', () => {
    expect(preInitialiseGiven('Қасым-Жомарт')).toBe('Қ.-Ж.');
    expect(preInitialiseGiven('Әлихан Нұрсұлтанұлы')).toBe('Ә. Н.');
    expect(preInitialiseGiven('Ivan')).toBe('Ivan');
    expect(preInitialiseGiven('Иван Петрович')).toBe('Иван Петрович');
  });

  it('reads labelled locators as CSL label + locator and gives the others to citeproc as locators printed as recorded', () => {
    expect(citationLocator('p. 3')).toEqual({ label: 'page', locator: '3' });
    expect(citationLocator('pp. 3-5')).toEqual({ label: 'page', locator: '3–5' });
    expect(citationLocator('para 4')).toEqual({ label: 'paragraph', locator: '4' });
    expect(citationLocator('fn 53-54')).toEqual({ label: 'note', locator: '53–54' });
    expect(citationLocator('p. 3, para 2')).toEqual({ label: 'timestamp', locator: 'p. 3, para 2' });
    expect(citationLocator('Stage 3, fn 53-54; seed line 493')).toEqual({ label: 'timestamp', locator: 'Stage 3, nn. 53–54; seed line 493' });
  });

  it('accepts the bundled styles and a user .csl path, and refuses unknown or dependent styles', () => {
    expect(loadStyle('chicago-note')).toMatchObject({ note: true, hasBibliography: true });
    expect(loadStyle('apa')).toMatchObject({ note: false, initialises: true });
    expect(loadStyle('harvard')).toMatchObject({ note: false, defaultLocale: 'en-GB' });
    expect(loadStyle(path.join(cslDir(), 'styles', 'apa.csl')).title).toMatch(/American Psychological Association/);
    expect(() => loadStyle('mla')).toThrow(/Unknown citation style "mla"/);
    const dependent = path.join(dir, 'dependent.csl');
    fs.writeFileSync(dependent, '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text"><info><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>');
    expect(() => loadStyle(dependent)).toThrow(/dependent style of http:\/\/www.zotero.org\/styles\/apa/);
  });

  it('formats with Harvard in en-GB and with a Russian locale', async () => {
    // Harvard gives every web source's access date: the sample records none, and the export says so.
    const harvard = path.join(dir, 'harvard.md');
    const result = await exportProject(sample, { what: 'matrix', format: 'md', style: 'harvard', norms: ['observation'], out: harvard });
    expect(result.warnings).toHaveLength(1);
    expect(fs.readFileSync(harvard, 'utf8')).toContain('(*Eurasianet*, 2010, Eurasianet, Jan 2010 (video address to OSCE Permanent Council, 14 Jan 2010); ');
    const [russian] = await exportTo(sample, 'ru.md', { what: 'matrix', format: 'md', style: 'apa', locale: 'ru-RU', norms: ['observation'] });
    expect(fs.readFileSync(russian!, 'utf8')).toContain('(2010, январь)');
    // There is no Kazakh CSL locale: kk-KZ gives a Kazakh export whose citations use Russian terms, and says so.
    const kazakh = await exportProject(sample, { what: 'matrix', format: 'md', locale: 'kk-KZ', norms: ['observation'], out: path.join(dir, 'kk.md') });
    expect(kazakh.warnings.map((w) => w.message).join(' ')).toMatch(/no Kazakh CSL locale/);
    expect(fs.readFileSync(path.join(dir, 'kk.md'), 'utf8')).toContain('**1-кесте.**');
    await expect(exportProject(sample, { what: 'matrix', format: 'md', locale: 'de-DE', out: path.join(dir, 'de.md') })).rejects.toThrow(/"de-DE" is not bundled/);
  });
});

describe('fonts and file names', () => {
  it('knows which characters the bundled fonts cover (Kazakh, Cyrillic, arrows: yes; CJK: no)', () => {
    expect(uncoveredCharacters(codePointsOf('Қазақстан Ә ғ ң ө ұ ү һ і → “quoted” – 5 № ½'))).toEqual([]);
    expect(uncoveredCharacters(codePointsOf('Beijing 北京'))).toEqual(['北', '京']);
  });

  it('proposes a file name for a save dialog', () => {
    expect(defaultExportFileName('Kazakhstan & Belarus (sample)', 'appendix', 'pdf')).toBe('Kazakhstan & Belarus (sample) – evidence appendix.pdf');
    expect(defaultExportFileName('a/b: c?', 'matrix', 'xlsx')).toBe('a b c – matrix.xlsx');
  });
});

describe('export kinds and errors', () => {
  it('lists every kind as available (claims and observation: export-record.test.ts; qca: export-qca.test.ts)', () => {
    expect(exportKinds().map((k) => [k.kind, k.unavailable === null])).toEqual([
      ['matrix', true],
      ['case', true],
      ['appendix', true],
      ['claims', true],
      ['observation', true],
      ['qca', true],
    ]);
  });

  it("keeps matrix.ts's NOT_FOUND messages for unknown norms, cases and views", async () => {
    for (const [key, value, message] of [
      ['norms', ['nothing-like-this'], /No norm matches "nothing-like-this"/],
      ['cases', ['Atlantis'], /No case matches "Atlantis"/],
      ['view', 'Missing view', /No view matches "Missing view"/],
    ] as const) {
      const error = await exportProject(sample, { what: 'matrix', format: 'csv', out: path.join(dir, 'x.csv'), [key]: value }).catch((e: unknown) => e);
      expect((error as ApiError).code).toBe('NOT_FOUND');
      expect((error as ApiError).message).toMatch(message);
    }
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });

  it('profiles a case: notes, attributes, its cells across norms with evidence counts', async () => {
    const [file] = await exportTo(sample, 'case.md', { what: 'case', format: 'md', case: 'KAZ' });
    const md = fs.readFileSync(file!, 'utf8');
    expect(md).toContain('# Case profile: Kazakhstan');
    expect(md).toContain('Post-Soviet personalist authoritarian regime');
    expect(md).toContain('No attributes are recorded for this case.');
    expect(md).toContain('| **International election observation** |');
    expect(md).toContain('| **Free and fair voting procedures (balanced, impartial election commissions)** |');
    expect(md).toMatch(/\| \*\*3\. Reconstitution\*\* \| \*\*Reached\*\* \(Discourse · 2012–2016 · medium confidence\) \| .* \| 8 excerpts; \*5 quotes, 3 paraphrases\* \|/);
  });
});

describe('comparanda export (command line)', () => {
  it('parses its options and reports usage mistakes', () => {
    const { file, options } = parseExportArgs(['p.comparanda', '--what', 'matrix', '--out', 'out.docx', '--norm', 'observation', '--cases', 'KAZ, BLR', '--paper', 'letter']);
    expect(file).toBe('p.comparanda');
    expect(options).toMatchObject({ what: 'matrix', format: 'docx', norms: ['observation'], cases: ['KAZ, BLR'], paper: 'letter', out: path.resolve('out.docx') });
    expect(() => parseExportArgs(['p', '--what', 'matrix'])).toThrow(ExportUsageError);
    expect(() => parseExportArgs(['p', '--what', 'tables', '--out', 'x.pdf'])).toThrow(/--what must be matrix, case, appendix, claims, observation or qca, not "tables"/);
    expect(() => parseExportArgs(['p', '--what', 'matrix', '--out', 'x'])).toThrow(/--format/);
    expect(() => parseExportArgs(['p', '--what', 'matrix', '--out', 'x.pdf', '--paper', 'a3'])).toThrow(/--paper must be a4 or letter/);
    expect(() => parseExportArgs(['p', '--what', 'case', '--out', 'x.pdf'])).toThrow(/--case NAME/);
    expect(() => parseExportArgs(['p', '--what', 'matrix', '--out', 'x.pdf', '--bogus'])).toThrow(ExportUsageError);
    // Table notes lettered (the default) or numbered; a CSV for people with or without its byte order mark.
    expect(parseExportArgs(['p', '--what', 'claims', '--out', 'x.csv', '--note-marks', 'numbers', '--no-bom']).options).toMatchObject({ noteMarks: 'numbers', bom: false });
    expect(parseExportArgs(['p', '--what', 'claims', '--out', 'x.csv']).options).not.toHaveProperty('bom');
    expect(() => parseExportArgs(['p', '--what', 'claims', '--out', 'x.csv', '--note-marks', 'roman'])).toThrow(/--note-marks must be letters or numbers/);
  });

  it('exports read-only and prints what it wrote, the claims register too', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const out = path.join(dir, 'cli.tex');
      await runExportCommand([path.join(dir, 'sample.comparanda'), '--what', 'matrix', '--format', 'tex', '--out', out, '--style', 'harvard']);
      const printed = write.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain(`Wrote ${out} (`);
      expect(printed).toContain(`Wrote ${path.join(dir, 'cli.bib')} (`);
      const claims = path.join(dir, 'cli-claims.csv');
      await runExportCommand([path.join(dir, 'sample.comparanda'), '--what', 'claims', '--out', claims, '--cases', 'BLR']);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain(`Wrote ${claims} (`);
      const csv = fs.readFileSync(claims, 'utf8');
      expect(csv).toMatch(/^\ufeffclaimant,claimant_role,date,statement,/);
      expect(csv).toContain('Alyaksandr Sychov');
      expect(csv).not.toContain('Marat Tazhin');
    } finally {
      write.mockRestore();
    }
  });
});
