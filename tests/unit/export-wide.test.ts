/**
 * A matrix wider than the page is set in parts (the focal case first in each, cited once), and formatted citations
 * are reused between exports only while nothing citeproc reads has changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDto } from '../../electron/contract/api';
import { createCase, updateCell } from '../../electron/core/edit';
import { listExcerpts, listSources, updateSource } from '../../electron/core/evidence';
import { exportProject, type ExportOptions } from '../../electron/core/export';
import { splitByCases } from '../../electron/core/export/build-matrix';
import { pdfTexts } from '../../electron/core/export/check';
import { clearCitationCache } from '../../electron/core/export/citations';
import { readZip } from '../../electron/core/export/zip';
import { matrixTables } from '../../electron/core/matrix';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

let dir: string;
let project: Project;
let obs: string;

async function exportTo(name: string, options: Omit<ExportOptions, 'out' | 'what'>): Promise<string> {
  const out = path.join(dir, name);
  await exportProject(project, { what: 'matrix', norms: [obs], ...options, out });
  return out;
}

const docxText = async (file: string) => (await mammoth.extractRawText({ path: file })).value;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-export-wide-'));
  writeSampleProject(path.join(dir, 'wide.comparanda'));
  project = Project.open(path.join(dir, 'wide.comparanda'));
  const overview = project.overview();
  obs = overview.norms.find((n) => n.shortLabel === 'Election observation')!.id;
  const stage = overview.frameworks[0]!.stages[0]!.id;
  // Twelve cases in all: the sample's, then comparison cases up to twelve, each with an assessment to show.
  for (let i = overview.cases.length; i < 12; i++) {
    const kase = createCase(project, { name: `Comparison ${String.fromCharCode(65 + i)}` });
    updateCell(project, { caseId: kase.id, normId: obs, stageId: stage, patch: { status: 'partial', summary: `Assessed for comparison ${String.fromCharCode(65 + i)}.` } });
  }
});

afterAll(() => {
  project.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a matrix wider than the page', () => {
  it('is split into balanced parts, each beginning with the focal case', () => {
    const [table] = matrixTables(project, { norms: [obs] });
    const cases = (n: number): CaseDto[] => Array.from({ length: n }, (_, i) => ({ ...table!.cases[0]!, id: `c${i}`, name: `Case ${i}`, role: i === 0 ? 'focal' : 'comparison' }));
    const parts = splitByCases({ ...table!, cases: cases(40), rows: table!.rows.map((r) => ({ ...r, cells: Array.from({ length: 40 }, () => null) })) }, 7);
    // 39 comparison cases, six per part beside the focal case: seven parts of six or five.
    expect(parts.map((p) => p.cases.length)).toEqual([7, 7, 7, 7, 6, 6, 6]);
    expect(parts.every((p) => p.cases[0]!.id === 'c0')).toBe(true);
    // Every comparison case exactly once, in order.
    expect(parts.flatMap((p) => p.cases.slice(1).map((c) => c.id))).toEqual(Array.from({ length: 39 }, (_, i) => `c${i + 1}`));
    expect(parts.every((p) => p.rows.every((r) => r.cells.length === p.cases.length))).toBe(true);
    // Narrow enough already: one part, the table itself.
    expect(splitByCases(table!, 20)).toEqual([table]);
  });

  it('prints as numbered parts in the PDF and the DOCX, the focal case’s evidence cited once', async () => {
    const [table] = matrixTables(project, { norms: [obs] });
    expect(table!.cases.length).toBe(12);
    const focal = table!.cases.find((c) => c.role === 'focal')!;
    const pdf = (await pdfTexts(fs.readFileSync(await exportTo('wide.pdf', { format: 'pdf' })))).join('\n');
    expect(pdf).toContain('Table 1 (part 1 of 2).');
    expect(pdf).toContain('Table 1 (part 2 of 2).');
    expect(pdf).toContain('focal case, repeated');
    expect(pdf).toContain('set in 2 parts');
    // Numbered notes are Word footnotes (lettered ones are set under each part instead).
    const docxFile = await exportTo('wide.docx', { format: 'docx', noteMarks: 'numbers' });
    const docx = await docxText(docxFile);
    expect(docx).toContain('Table 1 (part 1 of 2).');
    expect(docx).toContain('Table 1 (part 2 of 2).');
    // One footnote per cell with evidence: the focal case's cells, repeated in part 2, are not cited again.
    const cited = table!.rows.flatMap((r) => r.cells).filter((c) => c && listExcerpts(project, { cellId: c.id }).length > 0);
    const focalCited = cited.filter((c) => c!.caseId === focal.id).length;
    const footnotes = readZip(fs.readFileSync(docxFile)).find((e) => e.name === 'word/footnotes.xml')!.data.toString('utf8');
    const ids = [...footnotes.matchAll(/<w:footnote [^>]*w:id="(\d+)"/g)].map((m) => Number(m[1])).filter((id) => id > 0);
    expect(focalCited).toBeGreaterThan(0);
    expect(ids.length).toBe(cited.length);
  });

  it('stays one table in Markdown (text, not pages)', async () => {
    const md = fs.readFileSync(await exportTo('wide.md', { format: 'md' }), 'utf8');
    expect(md).toContain('**Table 1.**');
    expect(md).not.toContain('part 1 of');
  });
});

describe('formatted citations', () => {
  it('are reused for an unchanged matrix and formatted again when a cited source changes', async () => {
    clearCitationCache();
    const first = await docxText(await exportTo('cite-1.docx', { format: 'docx' }));
    const again = await docxText(await exportTo('cite-2.docx', { format: 'docx' }));
    expect(again).toBe(first);
    // A source the matrix cites gets a new title: the next export shows it.
    const [table] = matrixTables(project, { norms: [obs] });
    const cell = table!.rows.flatMap((r) => r.cells).find((c) => c && listExcerpts(project, { cellId: c.id }).length > 0)!;
    const sourceId = listExcerpts(project, { cellId: cell.id })[0]!.sourceId;
    const source = listSources(project).find((s) => s.id === sourceId)!;
    expect(first.toLowerCase()).toContain(String(source.csl.title).slice(0, 20).toLowerCase());
    updateSource(project, { id: source.id, csl: { ...source.csl, title: 'A Retitled Observer Report' } });
    const changed = await docxText(await exportTo('cite-3.docx', { format: 'docx' }));
    expect(changed).toContain('A Retitled Observer Report');
    expect(changed).not.toBe(first);
  });
});

describe('an export under way', () => {
  it('is of the project as it was when asked for, even if the project is closed meanwhile', async () => {
    const file = path.join(dir, 'closing.comparanda');
    writeSampleProject(file);
    const closing = Project.open(file);
    clearCitationCache();
    const out = path.join(dir, 'closing.docx');
    const exporting = exportProject(closing, { what: 'matrix', format: 'docx', out });
    closing.close();
    await expect(exporting).resolves.toMatchObject({ files: [{ path: out }] });
    expect(await docxText(out)).toContain('Table 1.');
  });
});

