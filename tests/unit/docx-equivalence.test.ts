/**
 * Issue 22: the DOCX body and footnotes are written as WordprocessingML strings (docx-body.ts) instead of a `docx`
 * package object per run and cell. The package is what it was, part for part and byte for byte: the writer it replaces
 * (tests/helpers/docx-reference.ts) and the new one give the same XML for the sample project's exports and for a
 * document holding every block, run format and table feature. The structure is also checked on its own (table rows,
 * repeated header rows, footnote references, a language on every run of text, the caption's SEQ field), LibreOffice
 * opens the result. Its cost is the benchmark's (`npm run bench`, export.docx.one against a plain `docx` table).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportDocument, type ExportOptions } from '../../electron/core/export';
import { renderDocx } from '../../electron/core/export/docx';
import { plain, isCite } from '../../electron/core/export/inline';
import type { ExportDocument } from '../../electron/core/export/model';
import { readZip } from '../../electron/core/export/zip';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { everyBlockDocument, largeMatrixDocument } from '../helpers/docx-documents';
import { renderDocxReference } from '../helpers/docx-reference';

let dir: string;
let sample: Project;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-docx-equivalence-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  sample = Project.open(path.join(dir, 'sample.comparanda'), { readonly: true });
});

afterAll(() => {
  sample?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function parts(docx: Buffer): Map<string, string> {
  // The creation and modification times are the clock's.
  return new Map(readZip(docx).map((e) => [e.name, e.data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1')]));
}

async function expectSameAsReference(doc: ExportDocument, options: { paper: 'a4' | 'letter'; noteMarks?: 'letters' | 'numbers' }): Promise<Map<string, string>> {
  const reference = parts(await renderDocxReference(doc, options));
  const written = parts(await renderDocx(doc, options));
  expect([...written.keys()]).toEqual([...reference.keys()]);
  for (const [name, xml] of reference) expect(firstDifference(xml, written.get(name)!), name).toBeNull();
  return written;
}

/** Where two parts part ways, with some context (a whole document.xml is too long to read in a failure). */
function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  let i = 0;
  while (expected[i] === actual[i]) i++;
  return `at ${i}: expected …${expected.slice(Math.max(0, i - 120), i + 200)}… but got …${actual.slice(Math.max(0, i - 120), i + 200)}…`;
}

describe('the DOCX writer writes what the docx package wrote', () => {
  const exports: [string, Omit<ExportOptions, 'out' | 'format'>][] = [
    ['matrix', { what: 'matrix' }],
    ['matrix, numbered notes', { what: 'matrix', noteMarks: 'numbers' }],
    ['matrix in Kazakh on Letter', { what: 'matrix', language: 'kk', paper: 'letter' }],
    ['matrix, author-date', { what: 'matrix', style: 'apa' }],
    ['appendix, numbered notes', { what: 'appendix', noteMarks: 'numbers' }],
    ['appendix in Russian', { what: 'appendix', language: 'ru' }],
    ['claims register', { what: 'claims' }],
    ['observation', { what: 'observation' }],
    ['case profile, numbered notes', { what: 'case', case: 'BLR', noteMarks: 'numbers' }],
  ];
  it.each(exports)('for the sample project: %s', async (_name, options) => {
    const doc = await buildExportDocument(sample, { ...options, format: 'docx', out: '' });
    await expectSameAsReference(doc, { paper: options.paper ?? 'a4', noteMarks: options.noteMarks });
  });

  it.each([
    ['letters', 'en'],
    ['numbers', 'ru'],
  ] as const)('for a document with every block, run format and table feature (%s, %s)', async (noteMarks, language) => {
    const written = await expectSameAsReference(everyBlockDocument(language), { paper: 'a4', noteMarks });
    // The document does hold what it is meant to test.
    const body = written.get('word/document.xml')!;
    for (const feature of ['<w:gridSpan', '<w:tblInd', '<w:vertAlign w:val="subscript"/>', '<w:smallCaps/>', '<w:br/>', '&amp;', '&quot;', '&lt;', 'tags&gt;', '<w:cantSplit w:val="off"/>', 'w:val="right"', '<w:sectPr>']) {
      expect(body, feature).toContain(feature);
    }
    expect(body).not.toContain('\u0001');
  });
});

describe('the DOCX structure', () => {
  it('keeps every table row, repeated header row, footnote, language and caption field', async () => {
    const doc = largeMatrixDocument(4, 6, 12);
    const xml = parts(await renderDocx(doc, { paper: 'a4', noteMarks: 'numbers' }));
    const body = xml.get('word/document.xml')!;
    const footnotes = xml.get('word/footnotes.xml')!;
    const table = doc.sections[0]!.blocks[0]!;
    if (table.type !== 'table') throw new Error('not a table');
    expect(body.match(/<w:tr>/g)).toHaveLength(table.table.rows.length + 1);
    expect(body.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(body.match(/<w:tc>/g)).toHaveLength(5 * 7);
    // One reference per note, each with its footnote, and a space after the footnote's number.
    const references = [...body.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(references).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    for (const id of references) expect(footnotes).toMatch(new RegExp(`<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`));
    // Every run of the cells' text says its language: Russian and Kazakh words apart from English ones.
    const textRuns = [...body.matchAll(/<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">([^<]*[\p{L}]{3,}[^<]*)<\/w:t><\/w:r>/gu)].filter((m) => !m[2]!.startsWith('Table'));
    expect(textRuns.length).toBeGreaterThan(100);
    for (const m of textRuns) expect(m[1] ?? '', m[2]).toMatch(/<w:lang w:val="(en-GB|ru-RU|kk-KZ)"\/>/);
    expect(body).toContain('<w:lang w:val="ru-RU"/></w:rPr><w:t xml:space="preserve">мониторинг');
    expect(body).toContain('<w:lang w:val="kk-KZ"/></w:rPr><w:t xml:space="preserve">бақылаушылар');
    // "Table 1" is Word's caption: a SEQ field holding its number.
    expect(body).toContain('<w:instrText xml:space="preserve"> SEQ Table \\* ARABIC </w:instrText></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>1</w:t>');
    // Every cell's text is there.
    const cells = table.table.rows.flatMap((r) => ('cells' in r ? r.cells : []));
    for (const c of cells) for (const run of c.content) if (!isCite(run)) expect(body).toContain(plain([run]).split(' ')[0]);
  });

  const soffice = spawnSync('which', ['soffice']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
  it.skipIf(!soffice)('opens in LibreOffice, every block and note in it', async () => {
    const file = path.join(dir, 'every-block.docx');
    fs.writeFileSync(file, await renderDocx(everyBlockDocument(), { paper: 'a4', noteMarks: 'numbers' }));
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 180_000 });
    expect(converted.status, converted.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'every-block.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    // LibreOffice computes the SEQ fields (and numbers the footnotes) itself: the tables are 1 and 2 there.
    for (const expected of ['A title with kk: Қазақстан', 'Heading three', 'Table 1 (part 1 of 2). Every feature', 'Stage group: before the vote', 'after a break — «кавычки» & <tags>', 'The elections were "free" & fair.', 'Fourth note Report', 'Verdicts (colour and label)', 'Table 2. Every feature', 'Final Report']) {
      expect(text).toContain(expected);
    }
  }, 200_000);
});

