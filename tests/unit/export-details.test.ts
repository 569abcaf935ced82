/**
 * Issue 15, findings 5 and 7: table notes marked with letters (Chicago 3.77) unless numbers are asked for; the CSV
 * for people starts with a byte order mark; XLSX dates are dates and empty cells empty; DOCX runs carry their
 * language, footnotes a space after the number, captions a SEQ field, the font table fallbacks; Markdown tables hold
 * no raw <br>.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputSchemas } from '../../electron/contract/schemas';
import { createExcerpt, createSource, linkExcerpt } from '../../electron/core/evidence';
import { updateCell } from '../../electron/core/edit';
import { buildExportDocument, exportProject, renderHtml, type ExportOptions } from '../../electron/core/export';
import { letterMark } from '../../electron/core/export/model';
import { readZip } from '../../electron/core/export/zip';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

let dir: string;
let sample: Project;
let edited: Project;

async function exportTo(project: Project, name: string, options: Omit<ExportOptions, 'out'>): Promise<string> {
  const out = path.join(dir, name);
  const result = await exportProject(project, { ...options, out });
  expect(result.warnings).toEqual([]);
  return out;
}

function zipText(file: string, entry: string): string {
  const found = readZip(fs.readFileSync(file)).find((e) => e.name === entry);
  if (!found) throw new Error(`${entry} is not in ${file}`);
  return found.data.toString('utf8');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-export-details-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  writeSampleProject(path.join(dir, 'edited.comparanda'));
  sample = Project.open(path.join(dir, 'sample.comparanda'), { readonly: true });
  edited = Project.open(path.join(dir, 'edited.comparanda'));
  const overview = edited.overview();
  const blr = overview.cases.find((c) => c.name === 'Belarus')!.id;
  const obs = overview.norms.find((n) => n.shortLabel === 'Election observation')!.id;
  const stage = overview.frameworks[0]!.stages[2]!.id;
  updateCell(edited, { caseId: blr, normId: obs, stageId: stage, patch: { status: 'partial', summary: 'Наблюдатели допущены. Қазақстан бақылаушылары келді. Observers were admitted.' } });
  const source = createSource(edited, { kind: 'academic', csl: { type: 'book', title: 'Сайлау бақылаушылары', author: [{ family: 'Әлиева', given: 'Әйгерім' }], issued: { 'date-parts': [[2020]] } } });
  const excerpt = createExcerpt(edited, { sourceId: source.id, text: 'Observers were admitted.', textKind: 'quote', locator: 'p. 12' });
  linkExcerpt(edited, { excerptId: excerpt.id, caseId: blr, normId: obs, stageId: stage });
  // One claim dated to the month only: a partial date stays text in XLSX.
  edited.db.prepare("UPDATE claims SET date = '2011-04' WHERE id = (SELECT id FROM claims WHERE date IS NULL ORDER BY id LIMIT 1)").run();
});

afterAll(() => {
  sample?.close();
  edited?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('table notes (finding 5)', () => {
  it('counts a, b, … z, aa, ab', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(letterMark)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
  });

  it('marks the notes of a table with superscript letters by default, numbers when asked', async () => {
    const doc = await buildExportDocument(sample, { what: 'claims', format: 'pdf', out: '' });
    const letters = renderHtml(doc, { paper: 'a4' }).html;
    expect(letters).toMatch(/<sup class="noteref"><a href="#note-1" id="ref-1">a<\/a><\/sup>/);
    expect(letters).toMatch(/<li id="note-2"><sup class="mark">b<\/sup> /);
    const numbers = renderHtml(doc, { paper: 'a4', noteMarks: 'numbers' }).html;
    expect(numbers).toMatch(/<sup class="noteref"><a href="#note-1" id="ref-1">1<\/a><\/sup>/);
    expect(numbers).toMatch(/<li id="note-2"><sup class="mark">2<\/sup> /);
  });

  it('sets lettered notes under the table in DOCX, not in the footnote sequence; numbers are real footnotes', async () => {
    const lettered = await exportTo(sample, 'claims-letters.docx', { what: 'claims', format: 'docx' });
    const xml = zipText(lettered, 'word/document.xml');
    expect(xml).not.toContain('<w:footnoteReference');
    const { value } = await mammoth.extractRawText({ path: lettered });
    expect(value).toMatch(/\na “Untitled Manuscript on OSCE\/ODIHR Norm Contestation in Kazakhstan/);
    expect(value).toMatch(/\nb OSCE\/ODIHR, “International Election Observation, Kazakhstan Early Parliamentary Elections/);
    const numbered = await exportTo(sample, 'claims-numbers.docx', { what: 'claims', format: 'docx', noteMarks: 'numbers' });
    expect(zipText(numbered, 'word/document.xml').match(/<w:footnoteReference w:id="\d+"\/>/g)!.length).toBeGreaterThan(5);
  });

  it('writes lettered Markdown notes as superscripts (Pandoc would merge [^n] footnotes into the article’s)', async () => {
    const md = fs.readFileSync(await exportTo(sample, 'claims.md', { what: 'claims', format: 'md' }), 'utf8');
    expect(md).not.toMatch(/\[\^\d+\]/);
    expect(md).toContain('^a^');
    expect(md).toMatch(/\n\^a\^ “Untitled Manuscript/);
    const numbered = fs.readFileSync(await exportTo(sample, 'claims-n.md', { what: 'claims', format: 'md', noteMarks: 'numbers' }), 'utf8');
    expect(numbered).toMatch(/\n\[\^1\]: “Untitled Manuscript/);
  });

  it('is an option of the API: letters or numbers, nothing else', () => {
    const schema = inputSchemas['export.preview'];
    expect(schema.safeParse({ what: 'claims', format: 'pdf', noteMarks: 'numbers' }).success).toBe(true);
    expect(schema.safeParse({ what: 'claims', format: 'pdf', noteMarks: 'roman' }).success).toBe(false);
    expect(schema.safeParse({ what: 'claims', format: 'csv', bom: false }).success).toBe(true);
  });
});

describe('CSV, XLSX, DOCX and Markdown details (finding 7)', () => {
  it('starts the CSV with a UTF-8 byte order mark, unless asked not to', async () => {
    const withBom = fs.readFileSync(await exportTo(edited, 'matrix.csv', { what: 'matrix', format: 'csv', norms: ['observation'] }));
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.toString('utf8')).toContain('Қазақстан бақылаушылары');
    const without = fs.readFileSync(await exportTo(edited, 'matrix-nobom.csv', { what: 'matrix', format: 'csv', norms: ['observation'], bom: false }));
    expect(without.toString('utf8').startsWith('norm,')).toBe(true);
    expect(withBom.subarray(3).equals(without)).toBe(true);
  });

  it('writes full dates as XLSX dates, partial dates as text, empty cells empty', async () => {
    const file = await exportTo(edited, 'claims.xlsx', { what: 'claims', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.getWorksheet('Claims')!;
    const headerRow = ws.getRow(1).getCell(1).value === 'claimant' ? 1 : 2;
    const headers = (ws.getRow(headerRow).values as unknown[]).map(String);
    const dateColumn = headers.indexOf('date');
    expect(dateColumn).toBeGreaterThan(0);
    const dates: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > headerRow) dates.push(row.getCell(dateColumn).value);
    });
    const full = dates.find((d) => d instanceof Date) as Date | undefined;
    expect(full?.toISOString()).toBe('2012-03-02T00:00:00.000Z');
    expect(dates).toContain('2011-04');
    expect(dates).toContain(null);
    const sheetXml = zipText(file, 'xl/worksheets/sheet1.xml');
    const dateCell = ws.getRow(headerRow + 1 + dates.findIndex((d) => d instanceof Date)).getCell(dateColumn);
    expect(dateCell.numFmt).toBe('yyyy-mm-dd');
    // No cell holds an empty string: an empty cell has no value at all.
    const shared = zipText(file, 'xl/sharedStrings.xml');
    expect(shared).not.toMatch(/<si><t\/><\/si>|<si><t><\/t><\/si>|<si><t xml:space="preserve"><\/t><\/si>/);
    expect(sheetXml).not.toMatch(/t="inlineStr"><is><t\/?>(<\/t>)?<\/is>/);
  });

  it('gives DOCX runs their language, footnotes a space after the number, the caption a SEQ field, fonts fallbacks', async () => {
    const file = await exportTo(edited, 'matrix.docx', { what: 'matrix', format: 'docx', norms: ['observation'], noteMarks: 'numbers' });
    const xml = zipText(file, 'word/document.xml');
    expect(xml).toMatch(/<w:lang w:val="ru-RU"\/><\/w:rPr><w:t xml:space="preserve">Наблюдатели допущены\. <\/w:t>/);
    expect(xml).toMatch(/<w:lang w:val="kk-KZ"\/><\/w:rPr><w:t xml:space="preserve">Қазақстан бақылаушылары келді\. <\/w:t>/);
    expect(xml).toMatch(/<w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">Observers were admitted\.<\/w:t>/);
    expect(xml).toMatch(/<w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:instrText xml:space="preserve"> SEQ Table \\\* ARABIC <\/w:instrText><\/w:r>.*?<w:t>1<\/w:t>/);
    const footnotes = zipText(file, 'word/footnotes.xml');
    expect(footnotes).toMatch(/<w:footnoteRef\/><\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r>/);
    const fonts = zipText(file, 'word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="Noto Serif"><w:altName w:val="Cambria"\/><w:panose1 w:val="[0-9A-F]{20}"\/><w:charset w:val="00"\/><w:family w:val="roman"\/>/);
    expect(fonts).toMatch(/<w:font w:name="Noto Sans"><w:altName w:val="Arial"\/>.*<w:family w:val="swiss"\/>/);
    expect(zipText(file, 'word/settings.xml')).toContain('<w:autoHyphenation/>');
    const { value } = await mammoth.extractRawText({ path: file });
    expect(value).toContain('Table 1. International election observation: Kazakhstan and Belarus, stage by stage');
  });

  it('writes Markdown tables without raw <br> (Pandoc drops it): the lines of a cell are joined with "; "', async () => {
    const md = fs.readFileSync(await exportTo(sample, 'case.md', { what: 'case', format: 'md', case: 'KAZ' }), 'utf8');
    expect(md).not.toContain('<br>');
    expect(md).toMatch(/\| 8 excerpts; \*5 quotes, 3 paraphrases\* \|/);
    const claims = fs.readFileSync(await exportTo(sample, 'claims-br.md', { what: 'claims', format: 'md' }), 'utf8');
    expect(claims).not.toContain('<br>');
  });
});
