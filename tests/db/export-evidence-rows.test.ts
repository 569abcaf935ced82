/**
 * Issue 22 at XL: a one-norm matrix export reads the rows of its own cells only, and only the columns it prints —
 * no excerpt texts, no per-source counts over every excerpt, no cells of other norms, no sources it does not cite —
 * and still cites exactly what the excerpts of its cells say, in their order, when other norms cite the same sources.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExcerpt, createSource, excerptsOfCells, linkExcerpt } from '../../electron/core/evidence';
import { buildExportDocument } from '../../electron/core/export';
import { citeRefsOfCells } from '../../electron/core/export/evidence-rows';
import type { Cite } from '../../electron/core/export/inline';
import type { ExportDocument } from '../../electron/core/export/model';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

/** The sample, with two norms citing the same three sources, and links that tie on position and creation time. */
function sharedSourcesProject(): { project: Project; normA: string; normB: string } {
  const file = path.join(tempDir(), 'shared.comparanda');
  writeSampleProject(file);
  const project = Project.open(file);
  const overview = project.overview();
  const [normA, normB] = overview.norms.filter((n) => !n.archived).map((n) => n.id);
  const cases = overview.cases.filter((c) => !c.archived).map((c) => c.id);
  const stages = overview.frameworks.find((f) => f.id === overview.norms.find((n) => n.id === normA)!.frameworkId)!.stages.map((s) => s.id);
  const sources = ['Alpha report', 'Beta statement', 'Gamma law'].map((title, i) =>
    createSource(project, { kind: 'academic', csl: { type: 'report', title, author: [{ family: `Author${i}`, given: 'A.' }], issued: { 'date-parts': [[2010 + i]] } } }),
  );
  for (const [n, norm] of [normA!, normB!].entries()) {
    for (const [k, source] of sources.entries()) {
      const excerpt = createExcerpt(project, { sourceId: source.id, text: `Said ${n}-${k}.`, textKind: 'quote', locator: `p. ${10 * n + k + 1}` });
      linkExcerpt(project, { excerptId: excerpt.id, caseId: cases[k % 2]!, normId: norm, stageId: stages[1]! });
      linkExcerpt(project, { excerptId: excerpt.id, caseId: cases[0]!, normId: norm, stageId: stages[2]! });
    }
  }
  // Ties: every link of a cell in the same position and every excerpt created at the same instant, so that only the
  // order the links are listed in decides.
  project.db.prepare('UPDATE excerpt_cells SET position = 1').run();
  project.db.prepare("UPDATE excerpts SET created_at = '2020-01-01T00:00:00.000Z'").run();
  return { project, normA: normA!, normB: normB! };
}

function cellIdsOf(project: Project, normId: string): string[] {
  return project.cells(normId).map((c) => c.id);
}

function matrixCites(doc: ExportDocument): { key: string; locator: string }[][] {
  const out: { key: string; locator: string }[][] = [];
  for (const block of doc.sections[0]!.blocks) {
    if (block.type !== 'table') continue;
    for (const row of block.table.rows) if ('cells' in row) for (const cell of row.cells) if (cell.cite) out.push([...((cell.cite as Cite).refs ?? [])]);
  }
  return out;
}

describe('a one-norm matrix export', () => {
  it('cites each cell’s excerpts in the order their full rows are listed, ties included', () => {
    const { project, normA, normB } = sharedSourcesProject();
    try {
      for (const norm of [normA, normB]) {
        const ids = cellIdsOf(project, norm);
        const full = excerptsOfCells(project, ids);
        const refs = citeRefsOfCells(project, ids);
        expect([...refs.keys()]).toEqual([...full.keys()]);
        for (const id of ids) expect(refs.get(id)).toEqual(full.get(id)!.map((e) => ({ sourceId: e.sourceId, locator: e.locator })));
      }
    } finally {
      project.close();
    }
  });

  it('cites in the matrix what the evidence appendix’s matrix cites, and lists only its own norm’s citations', async () => {
    const { project, normA } = sharedSourcesProject();
    try {
      const matrix = await buildExportDocument(project, { what: 'matrix', format: 'pdf', out: '', norms: [normA] });
      const appendix = await buildExportDocument(project, { what: 'appendix', format: 'pdf', out: '', norms: [normA] });
      const cites = matrixCites(matrix);
      expect(cites.flat().length).toBeGreaterThanOrEqual(6);
      expect(cites).toEqual(matrixCites(appendix));
      expect(cites.flat().map((r) => r.locator)).not.toContain('p. 11');
      expect(new Set(matrix.references.map((r) => r.key))).toEqual(new Set(cites.flat().map((r) => r.key)));
    } finally {
      project.close();
    }
  });

  it('reads neither excerpt texts, nor counts over every excerpt, nor the cells of other norms, nor sources it does not cite', async () => {
    const { project, normA } = sharedSourcesProject();
    const statements: string[] = [];
    const prepare = project.db.prepare.bind(project.db);
    // Every statement the export prepares, seen on the project's real connection (statements are cached per
    // connection, and this one has prepared none of the export's yet).
    project.db.prepare = ((sql: string) => {
      statements.push(sql.replace(/\s+/g, ' '));
      return prepare(sql);
    }) as typeof project.db.prepare;
    try {
      await buildExportDocument(project, { what: 'matrix', format: 'docx', out: '', norms: [normA] });
      expect(statements.length).toBeGreaterThan(0);
      expect.soft(statements.filter((s) => /\be\.text\b/.test(s))).toEqual([]);
      expect.soft(statements.filter((s) => /count\(\*\) FROM excerpts/i.test(s))).toEqual([]);
      expect.soft(statements.filter((s) => /FROM cells c\b/.test(s) && !/norm_id = \?/.test(s))).toEqual([]);
      expect.soft(statements.filter((s) => /FROM sources s\b/.test(s) && !/WHERE s\.id/.test(s))).toEqual([]);
    } finally {
      project.db.prepare = prepare;
      project.close();
    }
  });
});
