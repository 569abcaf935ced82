/**
 * Issue 15, finding 6: no English fixed word left in a Russian or Kazakh export. Every kind the sample has (matrix,
 * case profile, evidence appendix, claims register, comparison card, observation record) is exported in ru and kk in
 * every format (the PDF's HTML, DOCX, LaTeX, CSV, XLSX, Markdown), and in English for reference.
 *
 * The researcher's own data (quotations, titles, names, summaries, enum codes, citation keys) may be English, so the
 * check looks for the export's *fixed* words only: the English fixed-word vocabulary is every word of the English
 * catalogue (en.ts) plus every word the English export of the same kind and format prints that is not a word of the
 * project's data (so a label written in English in the code, outside the catalogues, is caught too). A Russian or
 * Kazakh export fails if it prints a word of that vocabulary that is not a word of the data.
 *
 * Not checked: the header row of the CSV and XLSX data sheets, which is the data's column names (snake_case
 * identifiers such as `claimant_role` that scripts read by name, the same in every language).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportDocument, renderHtml, type ExportFormat, type ExportOptions } from '../../electron/core/export';
import { noteTermsOf } from '../../electron/core/export/citations';
import { renderDocx } from '../../electron/core/export/docx';
import { en } from '../../electron/core/export/i18n/en';
import { ru } from '../../electron/core/export/i18n/ru';
import { renderLatex } from '../../electron/core/export/latex';
import { renderMarkdown } from '../../electron/core/export/markdown';
import { renderCsv, renderXlsx } from '../../electron/core/export/sheets';
import { parse } from 'csv-parse/sync';
import { listClaims } from '../../electron/core/record';
import { closeExportSample, type ExportSample } from '../helpers/export-sample';
import { Project } from '../../electron/core/project';
import { updateCell } from '../../electron/core/edit';
import { matrixTables } from '../../electron/core/matrix';
import { writeSampleProject } from '../../electron/core/sample';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let opened: Partial<ExportSample> = {};
let sample: Project;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-fixed-words-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  sample = Project.open(path.join(dir, 'sample.comparanda'));
  opened = { dir, sample };
  // The sample's record of changes is empty: one changed cell and one new one give the appendix's change table rows.
  const [table] = matrixTables(sample, {});
  const row = table!.rows.find((r) => r.cells[0])!;
  updateCell(sample, { caseId: table!.cases[0]!.id, normId: table!.norm.id, stageId: row.stage.id, patch: { status: 'partial', summary: 'Revised after the 2016 report.' } });
  const empty = table!.rows.find((r) => !r.cells[1]) ?? table!.rows[0]!;
  updateCell(sample, { caseId: table!.cases[1]!.id, normId: table!.norm.id, stageId: empty.stage.id, patch: { status: 'unclear' } });
});

afterAll(() => closeExportSample(opened));

const WORD = /[A-Za-z][A-Za-z’']*[A-Za-z]|[A-Za-z]/g;

/** The Latin words of a text; a word cut short by an ellipsis ("dome…" of "domestic") is not a word. */
function words(text: string): string[] {
  const clean = text.replace(/\u00ad/g, '');
  return [...clean.matchAll(WORD)].filter((m) => clean[m.index + m[0].length] !== '…').map((m) => m[0].replace(/[’']s$/, ''));
}

/**
 * Every word of the project file's text (the researcher's data), except the app's own defaults stored in it, which
 * exports translate while unchanged: stored codes (a value that is one lower-case word or words joined by hyphens,
 * such as `focal`, `paraphrase`, `not-supported`), the default status labels and the bundled frameworks' text.
 * Codes are data in the CSV and XLSX, which print them as stored (`codes`).
 */
function dataWords(project: Project): { words: Set<string>; codes: Set<string> } {
  const out = new Set<string>();
  const codes = new Set<string>();
  const defaults = new Set([...Object.values(en.defaultStatuses), ...Object.keys(ru.builtInText)]);
  const tables = project.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").all() as { name: string }[];
  for (const { name } of tables) {
    for (const row of project.db.prepare(`SELECT * FROM "${name}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        if (typeof value !== 'string') continue;
        if (/^[a-z]+(?:[-_][a-z]+)*$/.test(value) || defaults.has(value)) for (const w of words(value)) codes.add(w.toLowerCase());
        else for (const w of words(value)) out.add(w.toLowerCase());
      }
    }
  }
  return { words: out, codes };
}

/** The words of every value of the English catalogue, functions called with placeholder arguments. */
function catalogueWords(): Set<string> {
  const out = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const w of words(value)) out.add(w);
    else if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      for (const args of [[2, 3, 4, 5, 6, 7], ['Ω', 'Ω', 'Ω', 'Ω', 'Ω', 'Ω']]) {
        try {
          visit(fn(...args));
        } catch {
          // A function of other arguments (lists, groups): its words are in the English exports.
        }
      }
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) visit(v);
  };
  const { language: _l, tag: _t, ...rest } = en;
  visit(rest);
  visit(en.observation.verification([{ noun: 'verdicts', verified: 1, total: 2 }], 'Ω'));
  visit(en.observation.verification([{ noun: 'elections', verified: 2, total: 2 }], ''));
  return out;
}

function decode(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of a DOCX (body, notes, headers, footers, document properties). */
async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((n) => /^(word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml|docProps\/core\.xml)$/.test(n));
  const texts = await Promise.all(parts.map((n) => zip.file(n)!.async('string')));
  return texts
    .map((xml) => decode(xml.replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '').replace(/<w:r>(?:(?!<\/w:r>).)*?<w:vertAlign w:val="superscript"\/>.*?<\/w:r>/gs, ' ').replace(/<w:tab\/>|<w:br\/>|<\/w:p>|<\/w:tc>/g, ' ').replace(/<\/?(dc|cp|dcterms):[^>]*>/g, ' ').replace(/<[^>]+>/g, '')))
    .join('\n');
}

/** The text of an XLSX: sheet names and every cell but the data sheets' header rows. */
async function xlsxText(data: Buffer, headers: Set<string>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[] = [workbook.title ?? '', workbook.subject ?? ''];
  workbook.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? '' : v && typeof v === 'object' && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : String(v ?? '')));
      if (values.filter(Boolean).every((v) => headers.has(v))) return;
      out.push(values.join(' '));
    });
  });
  return out.join('\n');
}

/** The words of a LaTeX file a reader sees: commands, environments, packages, keys and options removed. */
function latexText(tex: string): string {
  return tex
    .replace(/(^|[^\\])%.*$/gm, '$1')
    .replace(/\\(?:usepackage|RequirePackage|documentclass|begin|end|input|addbibresource|setmainfont|setsansfont|setmonofont|newfontfamily|babelprovide|selectlanguage|definecolor|footcites?|parencites?|textcites?|cites?|autocites?|nocite|label|ref|hypersetup|geometry|pagestyle|thispagestyle|fancyhead|fancyfoot|fancyhf|rowcolors|cellcolor|color|textcolor|columncolor|newcommand|renewcommand|providecommand|setlength|arrayrulecolor|DeclareLanguageMapping|ExecuteBibliographyOptions|defbibheading|printbibliography|PackageError|IfFontExistsTF|iftutex|ifxetex|ifluatex|hyphenation|url|href|IfFileExists|addcontentsline|numberline|protect|multicolumn)(?![A-Za-z])\*?(\[[^\]]*\])*(\{[^{}]*(\{[^{}]*\}[^{}]*)*\})*(\[[^\]]*\])*(\{[^{}]*\})*/g, ' ')
    .replace(/\\foreignlanguage\{\w+\}/g, ' ')
    .replace(/\\textsuperscript\{\\textit\{[a-z]{1,2}\}\}/g, ' ')
    .replace(/\\[A-Za-z@]+\*?/g, ' ')
    .replace(/\d+(?:\.\d+)?(?:pt|em|ex|cm|mm|in|bp)\b/g, ' ')
    .replace(/\{[0-9A-F]{6}\}/g, ' ')
    .replace(/\\./g, ' ');
}

interface Export {
  name: string;
  options: Omit<ExportOptions, 'format' | 'out' | 'language'>;
}

const FORMATS: ExportFormat[] = ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md'];

/** The names of the citation styles (the CSL files' titles, such as "Chicago Manual of Style 17th edition"). */
const styleNames = new Set<string>();
/** Names and abbreviations that are the same in every language (ISO 3166 codes, the time zone of the change record). */
const PROPER_NAMES = new Set(['ISO', 'UTC']);

async function exportText(project: Project, e: Export, format: ExportFormat, language: 'en' | 'ru' | 'kk'): Promise<string> {
  const doc = await buildExportDocument(project, { ...e.options, format, out: '', language });
  for (const w of words(doc.style.title)) styleNames.add(w.toLowerCase());
  const meta = `${doc.title}\n${doc.subject}\n`;
  const headers = new Set(doc.sheets.flatMap((s) => s.columns.map((c) => c.header)));
  switch (format) {
    case 'pdf':
      return meta + renderHtml(doc, { paper: 'a4', noteMarks: 'letters' }).text;
    case 'docx':
      return meta + (await docxText(await renderDocx(doc, { paper: 'a4', noteMarks: 'letters' })));
    case 'tex': {
      const { tex, body } = renderLatex(doc, { paper: 'a4', bibFile: 'x.bib', bodyFile: 'x-body.tex', noteMarks: 'letters' });
      return meta + latexText(tex) + latexText(body);
    }
    case 'csv': {
      const rows = parse(renderCsv(doc, 'long', { bom: false }), { relax_column_count: true }) as string[][];
      const wide = parse(renderCsv(doc, 'wide', { bom: false }), { relax_column_count: true }) as string[][];
      return [...rows.slice(1), ...wide.slice(1)].map((r) => r.join(' ')).join('\n');
    }
    case 'xlsx':
      return meta + (await xlsxText(await renderXlsx(doc, undefined), headers));
    case 'md':
      // Without the lettered note marks (^a^).
      return meta + renderMarkdown(doc, { noteMarks: 'letters' }).replace(/\^[a-z]{1,2}\^/g, ' ');
  }
}

describe('no English fixed word in Russian and Kazakh exports', () => {
  it('prints no word of the English fixed-word vocabulary in ru or kk, in any kind or format', async () => {
    const data = dataWords(sample);
    const card = listClaims(sample).find((c) => c.claimant === 'Marat Tazhin')!.id;
    const linked = listClaims(sample).find((c) => c.comparatorCaseIds.length > 0)!.id;
    const exports: Export[] = [
      { name: 'matrix', options: { what: 'matrix' } },
      { name: 'case', options: { what: 'case', case: 'Kazakhstan' } },
      { name: 'appendix', options: { what: 'appendix' } },
      { name: 'claims', options: { what: 'claims' } },
      { name: 'claims filtered', options: { what: 'claims', cases: ['Belarus'], norms: ['observation'] } },
      { name: 'card without verdicts', options: { what: 'claims', claim: card } },
      { name: 'card with verdicts', options: { what: 'claims', claim: linked } },
      { name: 'observation', options: { what: 'observation' } },
    ];
    const catalogue = catalogueWords();
    const isData = (w: string, format: ExportFormat) => {
      const lower = w.toLowerCase();
      return data.words.has(lower) || ((format === 'csv' || format === 'xlsx') && data.codes.has(lower)) || styleNames.has(lower) || PROPER_NAMES.has(w);
    };
    const found: string[] = [];
    for (const e of exports) {
      for (const format of FORMATS) {
        const english = new Set([...catalogue, ...words(await exportText(sample, e, format, 'en')).filter((w) => !isData(w, format))]);
        for (const language of ['ru', 'kk'] as const) {
          const text = await exportText(sample, e, format, language);
          const left = [...new Set(words(text).filter((w) => english.has(w) && !isData(w, format)))];
          if (left.length > 0) found.push(`${e.name} ${format} ${language}: ${left.join(', ')}`);
        }
      }
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('writes a locator’s note term in the citation locale’s words: “прим. 53–54”, not “nn. 53–54”', async () => {
    expect(noteTermsOf('ru-RU')).toEqual({ single: 'прим.', multiple: 'прим.' });
    expect(noteTermsOf('en-GB')).toEqual({ single: 'n.', multiple: 'nn.' });
    const text = await exportText(sample, { name: 'matrix', options: { what: 'matrix' } }, 'md', 'ru');
    expect(text).toContain('Stage 3, прим. 53–54');
    const doc = await buildExportDocument(sample, { what: 'matrix', format: 'tex', out: '', language: 'kk' });
    const { body } = renderLatex(doc, { paper: 'a4', bibFile: 'x.bib', bodyFile: 'x-body.tex', noteMarks: 'letters' });
    expect(body).toContain("Stage 3, \\foreignlanguage{russian}{прим}. 53--54");
  });

  it('prints the app’s own codes in the language, where the data also has the English word (which the check above cannot see)', async () => {
    const card = await exportText(sample, { name: 'card', options: { what: 'claims', claim: 'belarus is held up' } }, 'md', 'ru');
    expect(card).toContain('(пересказ)');
    expect(card).toContain('Kazakhstan (фокусный) в сравнении с Belarus');
    expect(card).toContain('Election observation · 3. Реконституция');
    expect(card).toMatch(/19 декабря 2010 г\.\*\* · Президентские/);
    for (const english of ['(paraphrase)', '(focal)', 'Reconstitution', '· Presidential']) expect(card).not.toContain(english);
    const record = await exportText(sample, { name: 'observation', options: { what: 'observation' } }, 'md', 'kk');
    expect(record).toContain('Президенттік');
    expect(record).not.toMatch(/· (Presidential|Parliamentary)b/);
  });

  it('names the changed fields and the default statuses of the record of changes in the language', async () => {
    const md = await exportText(sample, { name: 'appendix', options: { what: 'appendix' } }, 'md', 'ru');
    expect(md).toContain('B. Журнал изменений');
    expect(md).toMatch(/статус: Достигнута → Частично; резюме: .* → Revised after the 2016 report\./);
    expect(md).toContain('| ячейка | создано |');
  });

  it('the check sees fixed words: the English export itself prints words of the vocabulary', async () => {
    const data = dataWords(sample);
    const text = await exportText(sample, { name: 'card', options: { what: 'claims', claim: listClaims(sample)[0]!.id } }, 'md', 'en');
    const fixed = words(text).filter((w) => catalogueWords().has(w) && !data.words.has(w.toLowerCase()));
    expect(fixed.length).toBeGreaterThan(20);
  });
});
