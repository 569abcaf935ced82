/**
 * Issue 15, finding 8: formatted citations are kept in the project (citation_cache), so a reopened project and a
 * command-line export (read-only) reuse them instead of formatting every citation again; erasing an identity
 * empties the cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createParticipant, setIdentity } from '../../electron/core/evidence';
import { exportProject } from '../../electron/core/export';
import { clearCitationCache } from '../../electron/core/export/citations';
import { eraseIdentity } from '../../electron/core/privacy/erase';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

function rows(file: string): { key: string; formatted: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT key, formatted FROM citation_cache').all() as { key: string; formatted: string }[];
  } finally {
    db.close();
  }
}

describe('citation cache in the project', () => {
  it('a read-only (command-line) export stores its formatting; a reopened project reuses it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    clearCitationCache();
    const first = Project.open(file, { readonly: true });
    await exportProject(first, { what: 'matrix', format: 'md', out: path.join(dir, 'a.md') });
    first.close();
    const stored = rows(file);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.formatted).toContain('Untitled Manuscript');

    // Proof of reuse: the stored text is marked, and the next process (no formatting in memory) prints the mark.
    const db = new Database(file);
    db.prepare('UPDATE citation_cache SET formatted = replace(formatted, ?, ?)').run('Untitled Manuscript', 'FROM THE CACHE');
    db.close();
    clearCitationCache();
    const again = Project.open(file, { readonly: true });
    await exportProject(again, { what: 'matrix', format: 'md', out: path.join(dir, 'b.md') });
    again.close();
    expect(fs.readFileSync(path.join(dir, 'b.md'), 'utf8')).toContain('FROM THE CACHE');
  });

  it('erasing an identity empties the cache', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const project = Project.open(file);
    const participant = createParticipant(project, { pseudonym: 'Astana official 7', roleCategory: 'Election official' });
    setIdentity(project, { id: participant.id, realName: 'Dinara Kassymzhomartova', contact: '' });
    clearCitationCache();
    await exportProject(project, { what: 'claims', format: 'md', out: path.join(dir, 'c.md') });
    expect(project.db.prepare('SELECT count(*) AS n FROM citation_cache').get()).toEqual({ n: 1 });
    eraseIdentity(project, { id: participant.id, purgeSnapshots: false }, undefined);
    expect(project.db.prepare('SELECT count(*) AS n FROM citation_cache').get()).toEqual({ n: 0 });
    project.close();
  });
});
