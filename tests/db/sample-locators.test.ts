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

  it('speaks of the article as a researcher would: no developer word "seed" in any text a user can see', () => {
    const file = path.join(tempDir(), 'sample.comparanda');
    writeSampleProject(file);
    const project = Project.open(file);
    try {
      const tables = (project.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fts_%' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
      const found: string[] = [];
      for (const table of tables) {
        for (const row of project.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
          for (const [column, value] of Object.entries(row)) {
            if (typeof value === 'string' && /seed/i.test(value)) found.push(`${table}.${column}: ${value.slice(0, 120)}`);
          }
        }
      }
      expect(found).toEqual([]);
      const titles = (project.db.prepare('SELECT title FROM sources').all() as { title: string }[]).map((r) => r.title);
      expect(titles).toContain('Untitled manuscript on OSCE/ODIHR norm contestation in Kazakhstan');
      const claimants = (project.db.prepare('SELECT claimant FROM claims').all() as { claimant: string }[]).map((r) => r.claimant);
      expect(claimants).toContain('unnamed Kazakhstani officials/commentators (discourse reported in the article)');
    } finally {
      project.close();
    }
  });
});
