/**
 * Issue 15, finding 2: the claims register in portrait (the narrowest columns of any export) is printed by Chromium
 * (PDF) and by LibreOffice (DOCX, where installed), and the word boxes of the pages are read back with poppler
 * (`pdftotext -bbox`): no word may cross into the next column, and every line that ends inside a word ends with a
 * hyphen. Also: the HTML marks Cyrillic stretches with their language and carries soft hyphens.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCell } from '../../electron/core/edit';
import { buildExportDocument, exportProject, renderHtml, type ClosablePdfPrinter, type PaperSize } from '../../electron/core/export';
import { documentText } from '../../electron/core/export/html';
import { hyphenate, languageSpans, namesIn } from '../../electron/core/export/hyphenate';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { closeExportSample, openExportSample } from '../helpers/export-sample';

let dir: string;
let sample: Project;
let printer: ClosablePdfPrinter;

beforeAll(() => {
  ({ dir, sample, printer } = openExportSample('export-layout'));
});

afterAll(() => closeExportSample({ dir, sample, printer }));

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

interface Page {
  width: number;
  height: number;
  words: Word[];
}

function pagesOf(pdf: string): Page[] {
  const result = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout
    .split('<page ')
    .slice(1)
    .map((chunk) => ({
      width: Number(/width="([\d.]+)"/.exec(chunk)![1]),
      height: Number(/height="([\d.]+)"/.exec(chunk)![1]),
      words: [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5]!.replace(/\u00ad/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      })),
    }));
}

const HEADERS = ['Claimant', 'Claim', 'Compar', 'Verdicts', 'Assess', 'Reason'];
const bare = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

interface Measured {
  pages: number;
  checkedWords: number;
  hyphenatedLines: number;
}

/**
 * Checks the table pages of a claims register: the columns start where their header labels start (less the cell
 * padding); every word of the body lies within its column; a line ending inside a word ends with a hyphen.
 */
function checkRegister(pdf: string, sourceWords: Set<string>, padding: number): Measured {
  const pages = pagesOf(pdf);
  let checkedWords = 0;
  let hyphenatedLines = 0;
  let tablePages = 0;
  for (const [p, page] of pages.entries()) {
    const claimant = page.words.find((w) => w.text === 'Claimant');
    if (!claimant) continue;
    tablePages++;
    // Header labels sit on the last line of the header row, or a line above it when they wrap or have a note.
    const band = page.words.filter((w) => w.y1 > claimant.y0 - 40 && w.y0 < claimant.y1 + 16);
    const starts = HEADERS.map((label) => {
      const word = band.find((w) => (label === 'Claim' ? w.text === 'Claim' : w.text.startsWith(label)));
      expect(word, `page ${p + 1}: the header "${label}"`).toBeDefined();
      return word!.x0 - padding;
    });
    expect([...starts].sort((a, b) => a - b), `page ${p + 1}: header order`).toEqual(starts);
    const headerBottom = Math.max(...page.words.filter((w) => w.y0 < claimant.y1 + 14 && w.y0 >= claimant.y0 - 40).map((w) => w.y1));
    const end = page.words.find((w, i) => w.y0 > headerBottom && ((w.text === 'Assessment' && page.words[i + 1]?.text === 'scale') || w.text === 'Notes'));
    const bottom = Math.min(end?.y0 ?? Infinity, page.height - 40);
    const body = page.words.filter((w) => w.y0 > headerBottom + 1 && w.y1 < bottom);
    const right = page.width - 40;
    const columns: Word[][] = HEADERS.map(() => []);
    for (const word of body) {
      let column = starts.findIndex((s, i) => word.x0 >= s - 1 && word.x0 < (starts[i + 1] ?? right));
      if (column < 0) column = 0;
      const limit = (starts[column + 1] ?? right) + 1;
      expect(word.x1, `page ${p + 1}: "${word.text}" in column ${HEADERS[column]} runs to ${word.x1.toFixed(1)} pt, past the next column at ${limit.toFixed(1)} pt`).toBeLessThanOrEqual(limit);
      checkedWords++;
      columns[column]!.push(word);
    }
    // Lines of a column: words whose boxes overlap vertically (a superscript note mark overlaps its line).
    const lines: Word[][] = [];
    for (const words of columns) {
      let line: Word[] = [];
      for (const word of [...words].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0)) {
        const base = line.find((w) => w.y1 - w.y0 > word.y1 - word.y0 - 0.5) ?? line[0];
        if (base && Math.min(base.y1, word.y1) - Math.max(base.y0, word.y0) > 0.3 * Math.min(base.y1 - base.y0, word.y1 - word.y0)) line.push(word);
        else {
          if (line.length) lines.push(line);
          line = [word];
        }
      }
      if (line.length) lines.push(line);
    }
    // A line's first word continues a word hyphenated at the end of the line before it in the same column.
    let carry = '';
    let carryColumn = -1;
    for (const words of lines) {
      // Superscript note marks ("elections”ᵇ") are not words of the line.
      const tallest = Math.max(...words.map((w) => w.y1 - w.y0));
      words.splice(0, words.length, ...words.filter((w) => w.y1 - w.y0 > 0.8 * tallest).sort((a, b) => a.x0 - b.x0));
      const column = starts.findIndex((s, i) => words[0]!.x0 >= s - 1 && words[0]!.x0 < (starts[i + 1] ?? right));
      const last = words.at(-1)!;
      // Joined to a word hyphenated on the line before: at a soft hyphen (dropped) or a hard one (kept).
      const joined = words.length === 1 && carry && carryColumn === column ? [carry.slice(0, -1) + last.text, carry + last.text] : [last.text];
      carry = '';
      if (/[-‐]$/.test(last.text)) {
        hyphenatedLines++;
        carry = joined[0]!;
        carryColumn = column;
        continue;
      }
      if (joined.some((t) => t.endsWith('/'))) continue;
      const tokens = joined.map((t) => bare(t.split('/').filter(Boolean).at(-1) ?? '')).filter(Boolean);
      if (tokens.length === 0) continue;
      expect(tokens.some((t) => sourceWords.has(t)), `page ${p + 1}: a line ends in "${last.text}", a piece of a word, without a hyphen`).toBe(true);
    }
  }
  expect(tablePages).toBeGreaterThan(0);
  expect(checkedWords).toBeGreaterThan(500);
  return { pages: pages.length, checkedWords, hyphenatedLines };
}

async function sourceWordsOf(project: Project): Promise<Set<string>> {
  const doc = await buildExportDocument(project, { what: 'claims', format: 'pdf', out: '', orientation: 'portrait' });
  return new Set(
    documentText(doc)
      .split(/[\s/]+/)
      .map(bare)
      .filter(Boolean),
  );
}

describe('claims register in portrait', () => {
  for (const paper of ['a4', 'letter'] as PaperSize[]) {
    it(`PDF on ${paper}: no word crosses a column, broken words end with a hyphen`, async () => {
      const out = path.join(dir, `claims-${paper}.pdf`);
      await exportProject(sample, { what: 'claims', format: 'pdf', orientation: 'portrait', paper, out }, printer);
      const measured = checkRegister(out, await sourceWordsOf(sample), 6);
      // Hyphenation is in use (the narrow columns need it), not only widths.
      expect(measured.hyphenatedLines).toBeGreaterThan(5);
      console.info(`claims register, portrait ${paper} PDF: ${JSON.stringify(measured)}`);
    });
  }

  const soffice = spawnSync('which', ['soffice']).status === 0;
  it.skipIf(!soffice)('DOCX on A4 as LibreOffice lays it out: no word crosses a column, none broken without a hyphen', async () => {
    const out = path.join(dir, 'claims.docx');
    await exportProject(sample, { what: 'claims', format: 'docx', orientation: 'portrait', paper: 'a4', out });
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, out], { encoding: 'utf8', timeout: 180_000 });
    expect(converted.status, converted.stderr).toBe(0);
    const measured = checkRegister(path.join(dir, 'claims.pdf'), await sourceWordsOf(sample), 5);
    console.info(`claims register, portrait A4 DOCX (LibreOffice): ${JSON.stringify(measured)}`);
  }, 240_000);
});

describe('languages and hyphenation in the HTML', () => {
  it('marks Russian and Kazakh stretches with lang and sets soft hyphens by the language’s patterns', async () => {
    const file = path.join(dir, 'edited.comparanda');
    writeSampleProject(file);
    const edited = Project.open(file);
    try {
      const overview = edited.overview();
      const blr = overview.cases.find((c) => c.name === 'Belarus')!.id;
      const obs = overview.norms.find((n) => n.shortLabel === 'Election observation')!.id;
      const stages = overview.frameworks[0]!.stages;
      updateCell(edited, { caseId: blr, normId: obs, stageId: stages[2]!.id, patch: { status: 'partial', summary: 'Международное наблюдение: Қазақстан бақылаушылары; international observation' } });
      const doc = await buildExportDocument(edited, { what: 'matrix', format: 'pdf', out: '', norms: ['observation'] });
      const { html } = renderHtml(doc, { paper: 'a4' });
      expect(html).toContain('<span lang="ru">Меж\u00adду\u00adна\u00adрод\u00adное на\u00adблю\u00adде\u00adние: </span><span lang="kk">Қазақстан бақылаушылары; </span>');
      expect(html).toContain('in\u00adter\u00adna\u00adtional ob\u00adser\u00adva\u00adtion');
    } finally {
      edited.close();
    }
  });

  it('never hyphenates names, and keeps two letters before and three after a break', () => {
    const names = namesIn('The mission to Kazakhstan said. Notwithstanding the report, Belarus objected.');
    expect([...names].sort()).toEqual(['Belarus', 'Kazakhstan']);
    expect(hyphenate('Kazakhstan Notwithstanding', 'en', names)).toBe('Kazakhstan Notwith\u00adstand\u00ading');
    expect(hyphenate('Kazakhstan', 'en')).toBe('Kazakhstan');
    expect(hyphenate('international', 'en')).toBe('in\u00adter\u00adna\u00adtional');
    expect(hyphenate('https://example.org/international-observation', 'en')).toBe('https://example.org/international-observation');
    expect(languageSpans('OSCE «Выборы в Беларуси» 2015').map((s) => [s.text, s.lang])).toEqual([
      ['OSCE «', 'en'],
      ['Выборы в Беларуси» ', 'ru'],
      ['2015', 'en'],
    ]);
  });
});
