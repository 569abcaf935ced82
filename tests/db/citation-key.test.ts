/**
 * Issue 17 finding 5: a generated citation key ("sourcekyrgyz") can be replaced by the researcher's own, and every
 * export cites the source by the new key — the .bib entry, LaTeX's \cite, the XLSX key column. A key BibTeX cannot
 * read, or one another source already has, is refused with a sentence that says what to do; the change is one
 * undoable step and stays in the audit trail.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../../electron/contract/i18n/format';
import { listAudit } from '../../electron/core/audit';
import { listSources, updateSource } from '../../electron/core/evidence';
import { exportProject } from '../../electron/core/export';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { errorOf } from '../helpers/errors';
import { tempDir } from '../helpers/temp';

let dir: string;
let p: Project;
const manuscript = () => listSources(p).find((s) => s.title.startsWith('Untitled manuscript'))!;

beforeEach(() => {
  dir = tempDir();
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  p = Project.open(path.join(dir, 'sample.comparanda'));
});
afterEach(() => p.close());

describe('editing a citation key', () => {
  it('reaches the .bib, the \\cite of the .tex and the XLSX', async () => {
    expect(manuscript().citationKey).toBe('manuscript');
    const edited = updateSource(p, { id: manuscript().id, citationKey: '  isaacs2016 ' });
    expect(edited.citationKey).toBe('isaacs2016');
    expect(edited.csl.id).toBe('isaacs2016');

    const tex = await exportProject(p, { what: 'matrix', format: 'tex', out: path.join(dir, 'matrix.tex') });
    const read = (ending: string) => fs.readFileSync(tex.files.find((f) => f.path.endsWith(ending))!.path, 'utf8');
    expect(read('.bib')).toMatch(/@\w+\{isaacs2016,/);
    expect(read('-body.tex')).toContain('{isaacs2016}');
    expect(read('.bib') + read('-body.tex')).not.toMatch(/\{manuscript[,}]/);

    const xlsx = await exportProject(p, { what: 'matrix', format: 'xlsx', out: path.join(dir, 'matrix.xlsx') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.files[0]!.path);
    expect(workbook.getWorksheet('Table 1')!.getCell('E3').value).toBe('isaacs2016');
    const notes = workbook.getWorksheet('Notes')!.getSheetValues().flat();
    expect(notes).toContain('isaacs2016');
    expect(notes).not.toContain('manuscript');
  });

  it('refuses a key another source has (whatever its case), one BibTeX cannot read, or none, and changes nothing', () => {
    const id = manuscript().id;
    const other = listSources(p).find((s) => s.citationKey === 'eurasianet-2010')!;
    for (const taken of ['eurasianet-2010', 'Eurasianet-2010']) {
      const error = errorOf(() => updateSource(p, { id, citationKey: taken }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe(`The citation key "${taken}" is already used by “${other.title}”. Choose another key: each source needs its own, or their references would merge into one.`);
      expect(error.text).toEqual({ id: 'sources.keyTaken', values: { key: taken, title: other.title } });
    }
    const spaced = errorOf(() => updateSource(p, { id, citationKey: 'isaacs 2016{}' }));
    expect(spaced.code).toBe('VALIDATION_FAILED');
    expect(spaced.message).toBe('The citation key "isaacs 2016{}" contains characters BibTeX cannot read in a key (␣ { }). Use only Latin letters, digits and _ : . - (for example isaacs2016).');
    expect(errorOf(() => updateSource(p, { id, citationKey: 'Исаакс2016' })).text?.id).toBe('sources.keyCharacters');
    expect(errorOf(() => updateSource(p, { id, citationKey: '   ' })).text?.id).toBe('sources.keyEmpty');
    expect(errorOf(() => updateSource(p, { id, citationKey: 'k'.repeat(101) })).text?.id).toBe('sources.keyTooLong');
    // In the researcher's language, from the same catalogue entry.
    expect(formatMessage('ru', 'sources.keyTaken', { key: 'eurasianet-2010', title: other.title })).toContain('уже занят');
    expect(manuscript().citationKey).toBe('manuscript');
    // Keeping its own key is no conflict.
    expect(updateSource(p, { id, citationKey: 'manuscript' }).citationKey).toBe('manuscript');
  });

  it('is one undoable step, recorded in the audit trail', () => {
    const id = manuscript().id;
    updateSource(p, { id, citationKey: 'isaacs2016' });
    const [entry] = listAudit(p, { table: 'sources', rowId: id });
    expect(entry).toMatchObject({ action: expect.stringMatching(/citation key .* to isaacs2016$/), before: { citation_key: 'manuscript' }, after: { citation_key: 'isaacs2016' } });
    p.history.undo();
    expect(manuscript().citationKey).toBe('manuscript');
    expect(manuscript().csl.id).toBe('manuscript');
    p.history.redo();
    expect(manuscript().citationKey).toBe('isaacs2016');
  });
});
