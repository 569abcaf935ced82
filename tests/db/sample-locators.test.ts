/**
 * Issue 17 finding 4: the sample shows users locators a researcher would write ("Stage 3, fn 53-54"), not the
 * line numbers of the text file its facts were taken from ("seed line 493"), which mean nothing outside this repository.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

describe('the sample project', () => {
  it('cites its manuscript by stage, footnote and section, never by the line of a developer file', () => {
    const file = path.join(tempDir(), 'sample.comparanda');
    writeSampleProject(file);
    const project = Project.open(file);
    try {
      const locators = (project.db.prepare('SELECT locator FROM excerpts').all() as { locator: string }[]).map((r) => r.locator);
      const searched = (project.db.prepare("SELECT count(*) AS n FROM fts_excerpts WHERE fts_excerpts MATCH 'locator:seed'").get() as { n: number }).n;
      expect(locators.filter((l) => /seed/i.test(l))).toEqual([]);
      expect(searched).toBe(0);
      expect(locators).toContain('Stage 3, fn 53-54');
      expect(locators).toContain('Concluding discussion');
      expect(locators.every((l) => l.trim() === l && !l.endsWith(';'))).toBe(true);
    } finally {
      project.close();
    }
  });
});
