/**
 * Issue 15, acceptance: every export of the sample in every format, rendered as a reader gets it — PDF as printed,
 * DOCX through LibreOffice (one headless call for all of them), LaTeX through XeLaTeX (one pass: the citations'
 * correctness is export-latex.test.ts's) — and every page checked for ink (a blank page is a failure) and text
 * (pdftotext finds the caption or title). CSV, XLSX and Markdown are text: checked for their tables. A Russian
 * matrix is rendered too. COMPARANDA_KEEP_RENDERS=DIR keeps a PNG of every page to look at.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject, type ClosablePdfPrinter, type ExportFormat, type ExportOptions } from '../../electron/core/export';
import { type Project } from '../../electron/core/project';
import { closeExportSample, openExportSample } from '../helpers/export-sample';

const has = (tool: string) => spawnSync('which', [tool]).status === 0;
const TOOLS = has('pdftoppm') && has('pdftotext') && has('soffice') && has('xelatex');

let dir: string;
let sample: Project;
let printer: ClosablePdfPrinter;

beforeAll(() => {
  ({ dir, sample, printer } = openExportSample('export-render'));
});

afterAll(() => closeExportSample({ dir, sample, printer }));

/** Each export kind with what it needs, and a phrase of its first page (caption or title) in every format. */
const KINDS: { name: string; options: Omit<ExportOptions, 'out' | 'format'>; phrase: RegExp }[] = [
  { name: 'matrix', options: { what: 'matrix' }, phrase: /International election observation/ },
  { name: 'case', options: { what: 'case', case: 'Kazakhstan' }, phrase: /Case profile: Kazakhstan/ },
  { name: 'appendix', options: { what: 'appendix', norms: ['observation'] }, phrase: /Evidence appendix/ },
  { name: 'claims', options: { what: 'claims' }, phrase: /Double-standards claims/ },
  { name: 'observation', options: { what: 'observation' }, phrase: /Observation record|Elections and the/ },
  { name: 'matrix-ru', options: { what: 'matrix', language: 'ru', norms: ['observation'] }, phrase: /Таблица 1\./ },
];
const FORMATS: ExportFormat[] = ['pdf', 'docx', 'tex', 'csv', 'xlsx', 'md'];

function run(command: string, args: string[], cwd: string, timeout = 120_000): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

/** The share of dark pixels of each page (pdftoppm's greyscale PGM at 12 dpi: a blank page is 0). */
function inkPerPage(pdf: string): number[] {
  const prefix = path.join(path.dirname(pdf), `${path.basename(pdf, '.pdf')}-ink`);
  spawnSync('pdftoppm', ['-r', '12', '-gray', pdf, prefix]);
  const pages = fs
    .readdirSync(path.dirname(prefix))
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.pgm'))
    .sort();
  return pages.map((f) => {
    const data = fs.readFileSync(path.join(path.dirname(prefix), f));
    // P5 header: magic, width, height, maxval, each followed by whitespace; then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'))!;
    const pixels = data.subarray(header[0].length);
    let dark = 0;
    for (const value of pixels) if (value < 200) dark++;
    return dark / pixels.length;
  });
}

function textPerPage(pdf: string): string[] {
  const all = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  return all.split('\f').slice(0, -1);
}

describe('every export of the sample, rendered', () => {
  it.skipIf(!TOOLS)(
    'has ink and text on every page of every PDF, DOCX and LaTeX export; CSV, XLSX and Markdown hold their tables',
    async () => {
      const started = performance.now();
      const files = new Map<string, string>();
      fs.mkdirSync(path.join(dir, 'tex'));
      for (const kind of KINDS) {
        for (const format of FORMATS) {
          if (kind.name === 'matrix-ru' && format !== 'pdf' && format !== 'docx' && format !== 'tex') continue;
          // LaTeX in a folder of its own: XeLaTeX writes NAME.pdf beside NAME.tex, where the printed PDF is.
          const out = format === 'tex' ? path.join(dir, 'tex', `${kind.name}.tex`) : path.join(dir, `${kind.name}.${format}`);
          const result = await exportProject(sample, { ...kind.options, format, out }, printer);
          expect(result.files[0]!.bytes, `${kind.name}.${format}`).toBeGreaterThan(200);
          files.set(`${kind.name}.${format}`, out);
        }
      }
      const exported = performance.now();

      // DOCX through LibreOffice, all in one call (a start of soffice costs seconds); LaTeX meanwhile, two at a time.
      const docx = [...files.keys()].filter((k) => k.endsWith('.docx')).map((k) => files.get(k)!);
      const office = path.join(dir, 'office');
      fs.mkdirSync(office);
      const soffice = run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', office, ...docx], dir, 150_000);
      const tex = [...files.keys()].filter((k) => k.endsWith('.tex')).map((k) => files.get(k)!);
      const texResults: { file: string; status: number | null; out: string }[] = [];
      const queue = [...tex];
      const worker = async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          const result = await run('xelatex', ['-interaction=nonstopmode', '-halt-on-error', path.basename(file)], path.dirname(file));
          texResults.push({ file, ...result });
        }
      };
      await Promise.all([worker(), worker()]);
      const converted = await soffice;
      expect(converted.status, converted.out).toBe(0);
      for (const r of texResults) expect(r.status, `${path.basename(r.file)}: ${r.out.split('\n').filter((l) => l.startsWith('!')).join(' | ')}`).toBe(0);
      const rendered = performance.now();

      const pdfs: [string, string, RegExp][] = [];
      for (const kind of KINDS) {
        pdfs.push([`${kind.name} PDF`, files.get(`${kind.name}.pdf`)!, kind.phrase]);
        pdfs.push([`${kind.name} DOCX`, path.join(office, `${kind.name}.pdf`), kind.phrase]);
        pdfs.push([`${kind.name} LaTeX`, path.join(dir, 'tex', `${kind.name}.pdf`), kind.phrase]);
      }
      const keep = process.env.COMPARANDA_KEEP_RENDERS;
      if (keep) fs.mkdirSync(keep, { recursive: true });
      for (const [label, pdf, phrase] of pdfs) {
        expect(fs.existsSync(pdf), label).toBe(true);
        const ink = inkPerPage(pdf);
        const text = textPerPage(pdf);
        expect(ink.length, label).toBeGreaterThan(0);
        expect(ink.length, `${label}: pdftotext and pdftoppm count the same pages`).toBe(text.length);
        ink.forEach((share, i) => expect(share, `${label}, page ${i + 1} is blank`).toBeGreaterThan(0.003));
        text.forEach((t, i) => expect(t.replace(/\s+/g, '').length, `${label}, page ${i + 1} has no text`).toBeGreaterThan(20));
        expect(text.join('\n').replace(/\u00ad/g, '').replace(/-\n\s*/g, ''), label).toMatch(phrase);
        if (keep) spawnSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(keep, label.replace(/\s+/g, '-'))]);
      }

      for (const kind of KINDS.filter((k) => k.name !== 'matrix-ru')) {
        const csv = fs.readFileSync(files.get(`${kind.name}.csv`)!, 'utf8');
        expect(csv.split('\n').length, `${kind.name}.csv`).toBeGreaterThan(2);
        const md = fs.readFileSync(files.get(`${kind.name}.md`)!, 'utf8');
        expect(md, `${kind.name}.md`).toMatch(/^\|.*\|$/m);
        expect(md.replace(/\\/g, ''), `${kind.name}.md`).toMatch(kind.phrase);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(files.get(`${kind.name}.xlsx`)!);
        expect(workbook.worksheets.length, `${kind.name}.xlsx`).toBeGreaterThan(1);
        expect(workbook.worksheets[0]!.rowCount, `${kind.name}.xlsx`).toBeGreaterThan(1);
      }
      const seconds = (ms: number) => (ms / 1000).toFixed(1);
      console.log(`export-render: ${files.size} exports ${seconds(exported - started)} s, DOCX + LaTeX rendering ${seconds(rendered - exported)} s, checks ${seconds(performance.now() - rendered)} s`);
    },
    240_000,
  );
});
