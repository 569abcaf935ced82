/**
 * Hostile text in a source's metadata must stay text in every .bib the app writes (the LaTeX export's .bib and
 * sources.exportBibliography): no LaTeX command runs through biber, and no `}` ends a field early to write fields of
 * its own. Checked structurally always (parsed back with citation-js), and by compiling with biber where TeX is
 * installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { createExcerpt, createSource, exportBibliography, linkExcerpt } from '../../electron/core/evidence';
import { exportProject } from '../../electron/core/export';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { formatBibliography, parseBibliography } from '../../electron/core/sources/bibliography';
import { tempDir } from '../helpers/temp';

const MARKER = 'LEAKEDHOSTFILE';
const KAZAKH = 'Қазақстандағы сайлау: Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';
const EVERY_SPECIAL = 'All of \\ { } $ % # & _ ^ ~ in one title';
const INJECTING = 'Closing } brace, note = {injected}, howpublished = {x';

/** A file outside the project whose contents must never reach the output, and a title that tries to read it. */
function plantSecret(dir: string): string {
  const secret = path.join(dir, 'secret.tex');
  fs.writeFileSync(secret, `\\typeout{${MARKER}}${MARKER}`);
  return `Report \\input{${secret}}`;
}

interface BibEntry {
  label: string;
  type: string;
  properties: Record<string, string>;
}

/** The .bib as BibTeX entries (citation-js's own parser, no CSL mapping in between). */
function entries(bib: string): BibEntry[] {
  return new Cite(bib, { forceType: '@biblatex/text', generateGraph: false }).data.map((item: Record<string, unknown>) => item) as never;
}

function rawEntries(bib: string): { key: string; fields: string[] }[] {
  // Field names at the start of a line inside an entry: what citation-js writes, one field per line.
  return bib
    .split(/^@/m)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => ({ key: /^\w+\{([^,]*),/.exec(chunk)?.[1] ?? '', fields: [...chunk.matchAll(/^\t(\w+) = \{/gm)].map((m) => m[1]!) }));
}

/** Every brace the writer did not escape, balanced within each field line. */
function unbalancedLines(bib: string): string[] {
  return bib
    .split('\n')
    .filter((line) => line.startsWith('\t'))
    .filter((line) => {
      let depth = 0;
      for (const ch of line.replace(/\\./g, '')) {
        if (ch === '{') depth++;
        if (ch === '}') depth--;
        if (depth < 0) return true;
      }
      return depth !== 0;
    });
}

/** The .bib is balanced, runs no command, and each entry carrying one of these titles has exactly the fields written. */
function checkStructure(bib: string, titles: string[]): void {
  expect(unbalancedLines(bib)).toEqual([]);
  expect(bib).not.toMatch(/\\input\b/);
  expect(bib).toContain('Қазақстандағы сайлау');
  // Read back by a BibTeX parser, each title is exactly the text that was written.
  const parsed = parseBibliography(bib, 'bibtex', 'export.bib');
  for (const title of titles) expect(parsed.map((item) => item.title)).toContain(title);
  const ours = new Set(parsed.filter((item) => titles.includes(String(item.title))).map((item) => item.id));
  for (const entry of rawEntries(bib)) {
    // The project's citation keys, as in the XLSX and CSL-JSON exports (issue 15): letters, digits and _ : . -
    expect(entry.key).toMatch(/^[A-Za-z0-9_:.-]+$/);
    if (!ours.has(entry.key)) continue;
    expect(entry.fields.filter((f) => f === 'title'), `fields of ${entry.key}`).toHaveLength(1);
    expect(entry.fields, `fields of ${entry.key}`).not.toContain('note');
    if (!entry.fields.includes('url')) expect(entry.fields, `fields of ${entry.key}`).not.toContain('howpublished');
  }
  expect(ours.size).toBe(titles.length);
}

const hasBiber = spawnSync('which', ['biber']).status === 0 && spawnSync('which', ['xelatex']).status === 0;

/**
 * xelatex → biber → xelatex over a document that prints every entry of the .bib: everything they printed and logged,
 * the text of the PDF (where pdftotext is installed), and which step failed, if any.
 */
function compileWithBiber(dir: string, bib: string): { log: string; text: string; failed: string | null } {
  fs.writeFileSync(path.join(dir, 'refs.bib'), bib);
  fs.writeFileSync(
    path.join(dir, 'doc.tex'),
    '\\documentclass{article}\n\\usepackage[backend=biber,style=authoryear]{biblatex}\n\\addbibresource{refs.bib}\n' +
      '\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n',
  );
  let log = '';
  let failed: string | null = null;
  for (const [cmd, args] of [
    ['xelatex', ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex']],
    ['biber', ['doc']],
    ['xelatex', ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex']],
  ] as const) {
    const result = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    log += result.stdout;
    if (result.status !== 0) {
      failed = `${cmd}: ${result.stdout.slice(-3000)}`;
      break;
    }
  }
  for (const name of ['doc.log', 'doc.bbl']) if (fs.existsSync(path.join(dir, name))) log += fs.readFileSync(path.join(dir, name), 'utf8');
  const pdf = path.join(dir, 'doc.pdf');
  const text = fs.existsSync(pdf) && spawnSync('which', ['pdftotext']).status === 0 ? spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout : '';
  return { log, text, failed };
}

/** The sample project with the hostile titles cited in a cell; the .bib of its LaTeX export and of exportBibliography. */
async function exportHostileSources(dir: string): Promise<{ hostile: string; exported: string; listed: string }> {
  const hostile = plantSecret(dir);
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file);
  const project = Project.open(file);
  try {
    const overview = project.overview();
    const kaz = overview.cases.find((c) => c.name === 'Kazakhstan')!.id;
    const norm = overview.norms.find((n) => n.shortLabel === 'Election observation')!.id;
    const stage = overview.frameworks[0]!.stages[0]!.id;
    const sources = [hostile, INJECTING, EVERY_SPECIAL, KAZAKH].map((title) =>
      createSource(project, { kind: 'observer-report', csl: { type: 'report', title, issued: { 'date-parts': [[2021]] } } }),
    );
    for (const source of sources) {
      const excerpt = createExcerpt(project, { sourceId: source.id, text: `Quoted from ${source.id}.`, language: 'en', textKind: 'quote', locator: 'p. 1' });
      linkExcerpt(project, { excerptId: excerpt.id, caseId: kaz, normId: norm, stageId: stage });
    }
    const result = await exportProject(project, { what: 'matrix', format: 'tex', norms: [norm], out: path.join(dir, 'matrix.tex') });
    const bibFile = result.files.map((f) => f.path).find((f) => f.endsWith('.bib'))!;
    const listed = exportBibliography(project, { format: 'bibtex', sourceIds: sources.map((s) => s.id) }).text;
    return { hostile, exported: fs.readFileSync(bibFile, 'utf8'), listed };
  } finally {
    project.close();
  }
}

describe('BibTeX written by the app', () => {
  it('escapes every special character and keeps field boundaries (formatBibliography)', () => {
    const dir = tempDir();
    const hostile = plantSecret(dir);
    const bib = formatBibliography(
      [
        { id: 'a', type: 'report', title: hostile, publisher: 'OSCE & ODIHR', URL: 'https://example.org/a_b?x=1&y=%20#frag}, note={url' },
        { id: 'b', type: 'book', title: INJECTING, author: [{ family: 'Ivanov}, note = {x', given: 'Ә.' }] },
        { id: 'c', type: 'article-journal', title: EVERY_SPECIAL, 'container-title': '<i>Unclosed markup' },
        { id: 'd', type: 'book', title: KAZAKH, author: [{ family: 'Назарбаев', given: 'Нұрсұлтан' }] },
      ],
      'bibtex',
    );
    checkStructure(bib, [hostile, INJECTING, EVERY_SPECIAL, KAZAKH]);
    const parsed = parseBibliography(bib, 'bibtex', 'export.bib');
    expect(parsed.find((item) => item.title === hostile)?.URL).toBe('https://example.org/a_b?x=1&y=%20#frag%7D, note=%7Burl');
    expect(parsed.find((item) => item.title === hostile)?.publisher).toBe('OSCE & ODIHR');
    expect(entries(bib)).toHaveLength(4);
  });

  it('keeps hostile source titles inert in the LaTeX export’s .bib and in sources.exportBibliography', async () => {
    const dir = tempDir();
    const { hostile, exported, listed } = await exportHostileSources(dir);
    checkStructure(exported, [hostile, INJECTING, EVERY_SPECIAL, KAZAKH]);
    checkStructure(listed, [hostile, INJECTING, EVERY_SPECIAL, KAZAKH]);
  });

  it.skipIf(!hasBiber)(
    hasBiber ? 'prints them as text through biber and XeLaTeX, reading no file' : 'prints them as text through biber (SKIPPED: biber or xelatex is not installed)',
    async () => {
      const dir = tempDir();
      const { hostile, exported } = await exportHostileSources(dir);
      // Alone, the \input title is what biber passes on to LaTeX unescaped (with the `}` title beside it, an
      // unescaped file would not even get that far).
      const alone = path.join(dir, 'alone');
      fs.mkdirSync(alone);
      const single = compileWithBiber(alone, formatBibliography([{ id: 'a', type: 'report', title: hostile, issued: { 'date-parts': [[2021]] } }], 'bibtex'));
      expect(single.log).not.toContain(MARKER);
      expect(single.text).not.toContain(MARKER);
      expect(single.failed).toBeNull();

      const compiled = compileWithBiber(dir, exported);
      expect(compiled.failed).toBeNull();
      expect(compiled.log).not.toContain(MARKER);
      expect(compiled.log).not.toMatch(/Undefined control sequence|Runaway argument|Missing \$ inserted/);
      if (compiled.text) {
        const text = compiled.text.replace(/\s+/g, ' ');
        expect(text).not.toContain(MARKER);
        expect(text).toContain('Report \\input{');
        expect(text).toContain('All of \\ { } $ % # & _ ^ ~ in one title');
        expect(text).toContain('note = {injected}');
      }
    },
    180_000,
  );
});
