/**
 * Issue 15, finding 3: LaTeX a journal's production editor accepts. A fragment a journal class can \input (no page,
 * font or style of its own) and a standalone wrapper; biblatex \cite commands whose keys are the project's citation
 * keys, a valid biblatex .bib; Cyrillic set in a font that has it or a compile that stops saying what to install.
 *
 * The standalone files of the sample's matrix, claims register and evidence appendix (with Russian and Kazakh text)
 * are compiled with XeLaTeX + biber, as CI does (.ci/run installs texlive-xetex, texlive-latex-extra,
 * texlive-bibtex-extra, biber, fonts-noto-core): any error, "Missing character", undefined citation or overfull box
 * of more than 5 pt fails. Each page is rendered to PNG (pdftoppm) for a person to look at (kept with
 * COMPARANDA_KEEP_LATEX=DIR).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExcerpt, createSource, linkExcerpt, listSources } from '../../electron/core/evidence';
import { updateCell } from '../../electron/core/edit';
import { exportProject, type ExportOptions } from '../../electron/core/export';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

const KAZAKH = 'Қазақстан Республикасының Орталық сайлау комиссиясы бақылаушыларды тіркеді';
const RUSSIAN = 'Наблюдатели ОБСЕ/БДИПЧ отметили серьёзные нарушения при подсчёте голосов';
const has = (tool: string) => spawnSync('which', [tool]).status === 0;
const TEX = has('xelatex') && has('biber');
// CI sets this (.ci/run): there, a machine without TeX fails the test instead of skipping the compilation.
const REQUIRED = !!process.env.COMPARANDA_REQUIRE_TEX;

let dir: string;
let project: Project;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-latex-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  project = Project.open(path.join(dir, 'sample.comparanda'));
  const overview = project.overview();
  const kaz = overview.cases.find((c) => c.name === 'Kazakhstan')!.id;
  const obs = overview.norms.find((n) => n.shortLabel === 'Election observation')!.id;
  const stage = overview.frameworks[0]!.stages[2]!.id;
  updateCell(project, { caseId: kaz, normId: obs, stageId: stage, patch: { summary: `${KAZAKH}. ${RUSSIAN}.` } });
  const source = createSource(project, {
    kind: 'media',
    csl: { type: 'article-newspaper', title: 'ОБСЕ критикует выборы в Казахстане', publisher: 'Известия', issued: { 'date-parts': [[2012, 1, 17]] }, language: 'ru', note: 'PRIVATE: met the editor' },
  });
  const excerpt = createExcerpt(project, { sourceId: source.id, text: RUSSIAN, language: 'ru', translation: 'OSCE/ODIHR observers noted serious violations in the count.', translationLanguage: 'en', textKind: 'quote', locator: 'p. 2' });
  linkExcerpt(project, { excerptId: excerpt.id, caseId: kaz, normId: obs, stageId: stage });
});

afterAll(() => {
  project?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function exportTex(name: string, options: Omit<ExportOptions, 'out' | 'format'>): Promise<{ tex: string; body: string; bib: string; files: string[] }> {
  const out = path.join(dir, `${name}.tex`);
  const result = await exportProject(project, { ...options, format: 'tex', out });
  const files = result.files.map((f) => f.path);
  const body = files.find((f) => f.endsWith('-body.tex'))!;
  const bib = files.find((f) => f.endsWith('.bib'))!;
  return { tex: fs.readFileSync(out, 'utf8'), body: fs.readFileSync(body, 'utf8'), bib: fs.readFileSync(bib, 'utf8'), files };
}

interface Compiled {
  log: string;
  problems: string[];
  pages: string[];
}

/** latex, biber, latex, latex (as latexmk does), then the problems a production editor would see in the log. */
function compile(name: string): Compiled {
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  const latex = () => run('xelatex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`]);
  let result = latex();
  const biber = run('biber', [name]);
  result = latex();
  result = latex();
  const log = fs.readFileSync(path.join(dir, `${name}.log`), 'utf8');
  const blg = fs.existsSync(path.join(dir, `${name}.blg`)) ? fs.readFileSync(path.join(dir, `${name}.blg`), 'utf8') : '';
  const problems: string[] = [];
  if (result.status !== 0) problems.push(`xelatex exited with ${result.status}: ${log.split('\n').filter((l) => l.startsWith('!')).join(' | ')}`);
  if (biber.status !== 0) problems.push(`biber exited with ${biber.status}: ${blg.split('\n').filter((l) => /ERROR/.test(l)).join(' | ')}`);
  for (const line of blg.split('\n')) if (/^\[\d+\] .*(WARN|ERROR)/.test(line)) problems.push(`biber: ${line}`);
  for (const m of log.matchAll(/^Missing character: .*$/gm)) problems.push(m[0]);
  for (const m of log.matchAll(/^.*(?:Citation|Reference) .* undefined.*$/gm)) problems.push(m[0]);
  if (/There were undefined (?:references|citations)/.test(log)) problems.push('undefined references or citations');
  if (/Empty bibliography/.test(log)) problems.push('biblatex: Empty bibliography');
  for (const m of log.matchAll(/^Overfull \\[hv]box \((\d+(?:\.\d+)?)pt too (?:wide|high)\).*$/gm)) if (Number(m[1]) > 5) problems.push(m[0]);
  const pdf = path.join(dir, `${name}.pdf`);
  const pages: string[] = [];
  if (fs.existsSync(pdf) && has('pdftoppm')) {
    const keep = process.env.COMPARANDA_KEEP_LATEX;
    const prefix = path.join(keep ?? dir, name);
    if (keep) fs.mkdirSync(keep, { recursive: true });
    run('pdftoppm', ['-r', '60', '-png', pdf, prefix]);
    pages.push(...fs.readdirSync(path.dirname(prefix)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')));
  }
  return { log, problems, pages };
}

describe('LaTeX for a journal', () => {
  it('writes a fragment to \\input (no page of its own), a wrapper that inputs it, and biblatex citations with the project keys', async () => {
    const { tex, body, bib, files } = await exportTex('matrix', { what: 'matrix' });
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['matrix-body.tex', 'matrix.bib', 'matrix.tex']);
    for (const forbidden of ['\\documentclass', '\\usepackage', 'geometry', 'fancyhdr', '\\pagestyle', '\\begin{document}', '\\setmainfont']) expect(body).not.toContain(forbidden);
    expect(tex).toContain('\\input{matrix-body}');
    expect(tex).toContain('\\addbibresource{matrix.bib}');
    expect(tex).toContain('\\printbibliography');
    expect(tex).toContain('{biblatex-chicago}');
    // Real citations: the matrix cites each cell's sources with the excerpts' locators, as the claims register does.
    // Table notes are lettered (Chicago 3.77) and set under the table, so they never join the article's footnotes.
    expect(body).toContain('\\textsuperscript{\\textit{a}}');
    expect(body).toMatch(/\\makebox\[1\.2em\]\[l\]\{\\textsuperscript\{\\textit\{a\}\}\}\\cites\[\{Stages 1 and 2 \(election monitoring\), n\. 45\}\]\{manuscript\}/);
    expect(body).not.toContain('\\footcite');
    expect(body).not.toContain('\\footnote{');
    // Numbers, when asked for, are real footnotes.
    const numbered = await exportTex('matrix-numbered', { what: 'matrix', noteMarks: 'numbers' });
    expect(numbered.body).toContain('\\footcites[{Stages 1 and 2 (election monitoring), n. 45}]{manuscript}');
    expect(numbered.body).not.toContain('\\textsuperscript{\\textit{a}}');
    // Every key cited is an entry of the .bib, and the keys are the project's citation keys (as in XLSX and CSL-JSON).
    const keys = new Set(listSources(project).map((s) => s.citationKey));
    const cited = new Set([...body.matchAll(/\\(?:foot|paren)?cites?((?:\[[^\]]*\])?\{[^}]+\})+/g)].flatMap((m) => [...m[0].matchAll(/\{([^{}]+)\}(?=\[|$|\{)/g)].map((k) => k[1]!)));
    const entries = new Set([...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]!));
    expect(cited.size).toBeGreaterThan(5);
    for (const key of cited) {
      expect(entries.has(key), key).toBe(true);
      expect(keys.has(key), key).toBe(true);
    }
    expect(entries.has('ap-2012-04-25')).toBe(true);
  });

  it('cites author-date styles with \\parencite before the full stop, with the matching biblatex style', async () => {
    const { tex, body } = await exportTex('apa', { what: 'matrix', style: 'apa', norms: ['observation'] });
    expect(tex).toContain('\\usepackage[style=apa,backend=biber]{biblatex}');
    expect(body).toContain('on 30 January 1992 \\parencites[{Stages 1 and 2 (election monitoring), n. 45}]{manuscript}[{Concluding discussion}]{manuscript}.');
  });

  it('writes a valid biblatex .bib: newspapers with their journaltitle, ISO dates, no private notes', async () => {
    const { bib } = await exportTex('appendix-bib', { what: 'appendix' });
    expect(bib).toContain('@article{ap-2012-04-25,\n\tentrysubtype = {newspaper},\n\tjournaltitle = {Associated Press via KTAR},');
    expect(bib).toContain('\tdate = {2012-04-25},');
    expect(bib).toContain('\tdate = {2016~/2019~},');
    expect(bib).toContain('journaltitle = {Известия}');
    expect(bib).not.toMatch(/^\s*(month|note|publisher) = .*(apr|Known|KTAR|PRIVATE)/im);
    expect(bib).not.toMatch(/^\s*note = /m);
    expect(bib).not.toMatch(/^\s*month = /m);
    expect(bib).not.toContain('PRIVATE');
  });

  it('asks for a font with Cyrillic and stops with what to install when it is missing', async () => {
    const { tex, body } = await exportTex('cyrillic', { what: 'matrix', norms: ['observation'] });
    expect(body).toContain(`\\foreignlanguage{russian}{${KAZAKH}. Наблюдатели ОБСЕ/\\hspace{0pt}БДИПЧ`);
    expect(tex).toContain('\\RequireTUTeX');
    expect(tex).toMatch(/\\IfFontExistsTF\{Noto Serif\}\{\\setmainfont\{Noto Serif\}\}\{\\GenericError/);
    expect(tex).toContain('apt-get install fonts-noto-core');
  });

  it.skipIf(!TEX && !REQUIRED)(
    'compiles the matrix, claims register and appendix with XeLaTeX + biber: no error, missing character, undefined citation or overfull box over 5 pt',
    async () => {
      expect(TEX, 'xelatex and biber are needed (CI installs them in .ci/run)').toBe(true);
      const outputs: Record<string, Compiled> = {};
      const runs: [string, Omit<ExportOptions, 'out' | 'format'>][] = [
        ['ci-matrix', { what: 'matrix' }],
        ['ci-claims', { what: 'claims', orientation: 'portrait' }],
        ['ci-appendix', { what: 'appendix', style: 'apa' }],
        ['ci-matrix-harvard', { what: 'matrix', style: 'harvard', norms: ['observation'] }],
        // The export languages: babel's Russian or Kazakh as the main language, biblatex's Russian strings.
        ['ci-matrix-ru', { what: 'matrix', language: 'ru', norms: ['observation'] }],
        ['ci-matrix-kk', { what: 'matrix', language: 'kk', norms: ['observation'], noteMarks: 'numbers' }],
      ];
      for (const [name, options] of runs) {
        const { body } = await exportTex(name, options);
        if (name === 'ci-matrix') expect(body).toContain('\\foreignlanguage{russian}');
        outputs[name] = compile(name);
      }
      for (const [name, compiled] of Object.entries(outputs)) {
        expect(compiled.problems, name).toEqual([]);
        expect(compiled.pages.length, name).toBeGreaterThan(0);
      }
      // The claims register's caption is on the page of its table, not alone on page 1.
      const claims = fs.readFileSync(path.join(dir, 'ci-claims-body.tex'), 'utf8');
      expect(claims).toMatch(/\\begin\{longtable\}\{[^\n]*\}\n\\multicolumn\{\d+\}\{@\{\}p\{\\linewidth\}@\{\}\}\{\\textbf\{Table~\\thetable\.\}/);
    },
    600_000,
  );
});
