/**
 * Issue 15, finding 6, leftovers: two fixed words of the record exports that did not follow the export's language or
 * the project's own scale.
 * - The claims register names a claim's case that is no longer in the project (a file written by another program, or
 *   from before the foreign keys) in the export's language, not in English.
 * - The record of changes prints a cell's status with the label of the cell's framework, as the matrix does: a status
 *   the researcher renamed is their word, in every language; a label left at the English default is translated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportDocument, type ExportOptions } from '../../electron/core/export';
import { en } from '../../electron/core/export/i18n/en';
import { kk } from '../../electron/core/export/i18n/kk';
import { ru } from '../../electron/core/export/i18n/ru';
import { renderMarkdown } from '../../electron/core/export/markdown';
import { renderCsv } from '../../electron/core/export/sheets';
import { setStatuses, updateCell } from '../../electron/core/edit';
import { matrixTables } from '../../electron/core/matrix';
import { Project } from '../../electron/core/project';
import { listClaims } from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';

let dir = '';
let sample: Project;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-record-words-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  sample = Project.open(path.join(dir, 'sample.comparanda'));
});

afterAll(() => {
  sample?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Language = 'en' | 'ru' | 'kk';
const CATALOGUES = { en, ru, kk };

async function markdown(options: Omit<ExportOptions, 'format' | 'out' | 'language'>, language: Language): Promise<string> {
  const doc = await buildExportDocument(sample, { ...options, format: 'md', out: '', language });
  return renderMarkdown(doc, { noteMarks: 'letters' });
}

async function csv(options: Omit<ExportOptions, 'format' | 'out' | 'language'>, language: Language): Promise<string[][]> {
  const doc = await buildExportDocument(sample, { ...options, format: 'csv', out: '', language });
  return parse(renderCsv(doc, 'long', { bom: false }), { relax_column_count: true }) as string[][];
}

describe('fixed words of the record exports', () => {
  it('names a claim’s case that is gone from the project in the export’s language (claims register, card, CSV)', async () => {
    const claim = listClaims(sample).find((c) => c.focalCaseId && c.comparatorCaseIds.length > 0)!;
    // A case gone without the foreign keys' SET NULL: a file written by another program keeps the claim's reference.
    sample.db.pragma('foreign_keys = OFF');
    try {
      sample.db.prepare('UPDATE claims SET focal_case_id = ? WHERE id = ?').run('gone-case', claim.id);
      sample.db.prepare('UPDATE claim_comparators SET case_id = ? WHERE claim_id = ? AND case_id = ?').run('gone-comparator', claim.id, claim.comparatorCaseIds[0]);
    } finally {
      sample.db.pragma('foreign_keys = ON');
    }
    for (const language of ['ru', 'kk', 'en'] as const) {
      const unknown = CATALOGUES[language].unknownCase;
      const register = await markdown({ what: 'claims' }, language);
      const card = await markdown({ what: 'claims', claim: claim.id }, language);
      const rows = (await csv({ what: 'claims' }, language)).flat();
      for (const text of [register, card, rows.join('\n')]) {
        if (language !== 'en') expect(text).not.toMatch(/unknown case/i);
        expect(text).toContain(unknown);
      }
    }
    expect(ru.unknownCase).not.toBe(en.unknownCase);
    expect(kk.unknownCase).not.toBe(en.unknownCase);
  });

  it('prints a cell’s status in the record of changes with its framework’s own labels, in every language', async () => {
    const [table] = matrixTables(sample, {});
    const framework = table!.framework;
    // The researcher renames two levels of the scale; the others keep the English defaults.
    const renamed: Record<string, string> = { reached: 'Fully institutionalised', partial: 'Half-way' };
    setStatuses(sample, { id: framework.id, statuses: framework.statuses.map((s) => ({ key: s.key, label: renamed[s.key] ?? s.label, palette: s.palette })) });
    const row = table!.rows.find((r) => r.cells[0]?.status === 'reached') ?? table!.rows.find((r) => r.cells[0])!;
    const from = row.cells[0]!.status;
    updateCell(sample, { caseId: table!.cases[0]!.id, normId: table!.norm.id, stageId: row.stage.id, patch: { status: 'partial' } });
    const unchanged = table!.rows.find((r) => r !== row && r.cells[0] && r.cells[0].status !== 'unclear')!;
    updateCell(sample, { caseId: table!.cases[0]!.id, normId: table!.norm.id, stageId: unchanged.stage.id, patch: { status: 'unclear' } });
    const fromUnclear = unchanged.cells[0]!.status;

    const labelIn = (language: Language, key: string) => renamed[key] ?? CATALOGUES[language].defaultStatuses[key as keyof typeof en.defaultStatuses];
    for (const language of ['en', 'ru', 'kk'] as const) {
      const m = CATALOGUES[language];
      const md = await markdown({ what: 'appendix' }, language);
      // The spreadsheet's sheet of changes (XLSX), from the same document model.
      const doc = await buildExportDocument(sample, { what: 'appendix', format: 'xlsx', out: '', language });
      const sheet = doc.sheets.find((x) => x.name === m.changes.sheetName)!;
      for (const text of [md, sheet.rows.map((r) => r.join(' | ')).join('\n')]) {
        expect(text).toContain(`${m.changes.field('status')}: ${labelIn(language, from)} → Half-way`);
        expect(text).toContain(`${m.changes.field('status')}: ${labelIn(language, fromUnclear)} → ${m.defaultStatuses.unclear}`);
        expect(text).not.toContain(`→ ${m.defaultStatuses.partial}`);
      }
    }
  });
});
