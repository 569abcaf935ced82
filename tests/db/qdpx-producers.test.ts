/**
 * Files in the styles of the programs researchers move between (fixtures made by
 * tests/fixtures/refi-qda/make-producer-fixtures.ts): the unit their positions count in, and what a round trip
 * through our export keeps of their GUIDs, names, hierarchy, colours, positions and quoted text.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importQdpx } from '../../electron/core/exchange';
import { Project } from '../../electron/core/project';
import { tempDir } from '../helpers/temp';
import { SELECTIONS_A, SELECTIONS_B } from '../fixtures/refi-qda/make-producer-fixtures';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'refi-qda', name);

function emptyProject(): Project {
  return Project.create(path.join(tempDir(), 'empty.comparanda'));
}

function excerptTexts(p: Project): Record<string, string> {
  const rows = p.db.prepare('SELECT id, text FROM excerpts').all() as { id: string; text: string }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.text]));
}

const expected = Object.fromEntries([...SELECTIONS_A, ...SELECTIONS_B].map((s) => [s.guid.toLowerCase(), s.part]));

describe('the unit of text positions, per file', () => {
  it('reads an NVivo file in UTF-16 code units, so emoji before a passage do not shift it, and says so', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('nvivo-utf16.qdpx') });
    expect(excerptTexts(p)).toEqual(expected);
    expect(report.skipped.filter((s) => s.kind === 'selection')).toEqual([]);
    expect(report.positionUnit).toBe('utf16');
    expect(report.notes).toEqual([
      'Text positions were read in UTF-16 code units (a character outside the Basic Multilingual Plane, such as most emoji, counts 2), as NVivo writes them: of the 7 selections that lie after such a character, 7 start and end on word boundaries read in UTF-16 units, 1 read as characters.',
    ]);
  });

  it('tells UTF-16 units from the selections’ boundaries when the file does not say who wrote it', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('utf16-no-origin.qdpx') });
    expect(excerptTexts(p)).toEqual(expected);
    expect(report.positionUnit).toBe('utf16');
    expect(report.notes.join('\n')).toMatch(/^Text positions were read in UTF-16 code units \(.*\): of the 7 selections/m);
  });

  it('keeps code points for a QualCoder file with the same texts', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('qualcoder-codepoints.qdpx') });
    expect(excerptTexts(p)).toEqual(expected);
    expect(report.positionUnit).toBe('codepoint');
    expect(report.notes.join('\n')).not.toMatch(/UTF-16/);
  });
});
