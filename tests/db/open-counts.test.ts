/**
 * Issue 22, open at scale: the overview's counts are kept by triggers (format 15) instead of counted at every open.
 * Opening reads none of the project's large tables; the counts stay those of the rows after edits, cascades, archiving,
 * undo and redo, a CSV import, an encrypted copy and the update from format 14; `check` reports counts that drifted.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DocumentTextDto, JobDto, ProjectCounts, ProjectOverview } from '../../electron/contract/api';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { importCsv } from '../../electron/core/csv-data';
import { SCHEMA_VERSION } from '../../electron/core/db/schema-version';
import type { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { sampleSession } from '../helpers/sample-session';
import { tempDir } from '../helpers/temp';
import { undoTo } from '../helpers/undo-formats';

/** The counts as the rows give them, counted here with raw SQL (not through the code under test). */
function rowCounts(db: Database.Database): ProjectCounts {
  const n = (sql: string) => (db.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;
  const live = (t: string) => n(`${t} WHERE archived_at IS NULL`);
  return {
    cases: live('cases'),
    norms: live('norms'),
    stages: live('stages'),
    cells: live('cells'),
    frameworks: n('frameworks'),
    views: n('views'),
    sources: n('sources'),
    documents: n('documents'),
    excerpts: n('excerpts'),
    codes: n('codes'),
    codings: n('excerpt_codes'),
    memos: n('memos'),
    participants: n('participants'),
    elections: n('elections'),
    missions: n('missions'),
    claims: n('claims'),
    regionalNorms: n('regional_norms'),
    indicators: n('indicator_values'),
  };
}

/** Every statement that reads `file` while `fn` runs (better-sqlite3's statements, patched for the test). */
function readsDuring(file: string, fn: () => unknown): string[] {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'all' | 'get' | 'iterate', (...args: unknown[]) => unknown>;
  probe.close();
  const originals = { all: proto.all!, get: proto.get!, iterate: proto.iterate! };
  const reads: string[] = [];
  for (const method of ['all', 'get', 'iterate'] as const) {
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (this.database.name === file) reads.push(this.source);
      return originals[method].apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    Object.assign(proto, originals);
  }
  return reads;
}

describe('the counts of the overview, kept by triggers', () => {
  it('opening a project and answering its overview counts no rows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const session = new Session(path.join(dir, 'user-data'));
    const dispatch = createDispatcher(createHandlers(session, 'http'));
    try {
      let overview: Promise<unknown> = Promise.resolve();
      const reads = readsDuring(file, () => {
        session.open(file);
        overview = dispatch('project.overview', {});
      });
      const answer = (await overview) as { ok: true; result: ProjectOverview };
      expect(reads.filter((sql) => /count\s*\(/i.test(sql))).toEqual([]);
      expect(answer.result.project.counts).toEqual(rowCounts(session.requireProject().db));
      expect(answer.result.project.counts.excerpts).toBeGreaterThan(0);
    } finally {
      session.close();
    }
  });

  it('stay those of the rows after edits, cascades, archiving, undo, redo and a CSV import', async () => {
    const { session, call } = sampleSession();
    try {
      const p = session.requireProject();
      const counts = async () => (await call<ProjectOverview>('project.overview', {})).project.counts;
      const right = async () => {
        const kept = await counts();
        expect(kept).toEqual(rowCounts(p.db));
        return kept;
      };
      const sample = await right();

      // A document imported (a job), a code, and two excerpts of the document coded with it.
      const job = await call<JobDto>('documents.import', { path: path.join(__dirname, '..', 'fixtures', 'documents', 'notes.txt') });
      const document = (await session.jobs.wait(job.id)).result!.document!;
      const code = await call<{ id: string }>('codes.create', { name: 'Count check' });
      const page = (await call<DocumentTextDto>('documents.get', { id: document.id })).pages[0]!;
      const excerpts: { id: string }[] = [];
      for (const [from, to] of [[0, 5], [6, 12]] as const) {
        excerpts.push(await call<{ id: string }>('excerpts.create', { sourceId: document.sourceId, documentId: document.id, page: 1, startOffset: from, endOffset: to, text: page.text.slice(from, to), codeIds: [code.id] }));
      }
      const start = await right();
      expect(start).toMatchObject({ sources: sample.sources + 1, documents: sample.documents + 1, excerpts: sample.excerpts + 2, codes: 1, codings: 2 });

      // An excerpt removed takes its coding with it (a foreign-key cascade).
      await call('excerpts.remove', { id: excerpts[0]!.id });
      const removed = await right();
      expect(removed).toMatchObject({ excerpts: start.excerpts - 1, codings: 1 });
      await call('history.undo', {});
      expect(await right()).toEqual(start);
      await call('history.redo', {});
      expect(await right()).toEqual(removed);
      await call('history.undo', {});

      // Archiving a case archives its cells: both leave the live counts, and come back when it is restored.
      const kase = p.db.prepare('SELECT id FROM cases WHERE archived_at IS NULL LIMIT 1').get() as { id: string };
      await call('cases.archive', { id: kase.id, archived: true });
      const archived = await right();
      expect(archived.cases).toBe(start.cases - 1);
      await call('history.undo', {});
      expect(await right()).toEqual(start);
      const norm = p.db.prepare('SELECT id FROM norms WHERE archived_at IS NULL LIMIT 1').get() as { id: string };
      await call('norms.archive', { id: norm.id, archived: true });
      expect((await right()).norms).toBe(start.norms - 1);
      await call('norms.archive', { id: norm.id, archived: false });
      expect(await right()).toEqual(start);

      await call('codes.remove', { id: code.id });
      expect(await right()).toMatchObject({ codes: 0, codings: 0 });
      await call('history.undo', {});
      expect(await right()).toEqual(start);

      // A CSV import adds rows in bulk, outside the dispatcher.
      const kaseName = (p.db.prepare('SELECT name FROM cases WHERE archived_at IS NULL LIMIT 1').get() as { name: string }).name;
      const rows = Array.from({ length: 25 }, (_, i) => `${kaseName},${2030 + i}-05-01,parliamentary,Count check ${i}`);
      importCsv(p, { kind: 'elections', text: ['case,date,type,label', ...rows].join('\n') });
      expect((await right()).elections).toBe(start.elections + 25);
      await call('history.undo', {});
      expect(await right()).toEqual(start);
    } finally {
      session.close();
    }
  });

  it('are right in an encrypted copy and after the update from format 14', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const session = new Session(path.join(dir, 'user-data'));
    let expected: ProjectCounts;
    let p: Project = session.open(file);
    try {
      expected = rowCounts(p.db);
      const copy = p.encryptCopy(path.join(dir, 'encrypted.comparanda'), 'correct horse battery staple');
      session.close();
      p = session.open(copy, 'correct horse battery staple');
      expect(p.counts()).toEqual(expected);
    } finally {
      session.close();
    }

    // Back to format 14, as a plain SQLite connection would leave it; then opened, so updated.
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.exec(`${undoTo(14)} PRAGMA user_version = 14;`);
    db.prepare('DELETE FROM excerpts WHERE rowid IN (SELECT rowid FROM excerpts LIMIT 2)').run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    p = session.open(file);
    try {
      expect(p.summary().schemaVersion).toBe(SCHEMA_VERSION);
      expect(p.counts()).toEqual({ ...expected, excerpts: expected.excerpts - 2 });
    } finally {
      session.close();
    }
  });

  it('"comparanda check" reports counts that are not those of the rows', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const session = new Session(path.join(dir, 'user-data'));
    const p = session.open(file);
    try {
      expect(p.check().ok).toBe(true);
      p.db.prepare("UPDATE project_counts SET n = n + 3 WHERE what = 'excerpts'").run();
      const report = p.check();
      expect(report.ok).toBe(false);
      expect(report.integrity.join('\n')).toMatch(/excerpts/);
    } finally {
      session.close();
    }
    expect(fs.existsSync(file)).toBe(true);
  });
});
