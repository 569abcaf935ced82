/**
 * Issue 22: a long PDF is stored as it is read (pages staged outside the project, a batch at a time), not collected
 * in memory first, and the project gets all of them at the end or none: a cancel in the middle leaves it unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobDto } from '../../electron/contract/api';
import type { Envelope } from '../../electron/contract/errors';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { extractDocument } from '../../electron/core/documents/extract';
import { writeSampleProject } from '../../electron/core/sample';
import { search } from '../../electron/core/search';
import { Session } from '../../electron/core/session';
import { writeLargePdf } from '../../scripts/bench/pdf-large';
import { tempDir } from '../helpers/temp';

const PAGES = 1200;

function setup() {
  const dir = tempDir();
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file);
  const pdf = path.join(dir, 'long.pdf');
  writeLargePdf(pdf, PAGES, 8);
  const session = new Session(path.join(dir, 'user-data'));
  session.open(file);
  const dispatch = createDispatcher(createHandlers(session, 'http'));
  const start = async () => {
    const envelope = (await dispatch('documents.import', { path: pdf, kind: 'observer-report' })) as Envelope<JobDto>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.result;
  };
  return { session, pdf, start };
}

/** Waits until the job has read at least `pages` pages (or has ended). */
async function readPast(session: Session, id: string, pages: number): Promise<JobDto> {
  for (;;) {
    const job = session.jobs.get(id);
    if (job.state !== 'running' || job.done >= pages) return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Everything a document import could change, as one comparable value. */
function fingerprint(session: Session): unknown {
  const db = session.requireProject().db;
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sources) AS sources,
        (SELECT count(*) || ':' || total(length(text)) FROM document_pages) AS pages, (SELECT count(*) FROM document_files) AS files,
        (SELECT count(*) FROM fts_pages WHERE fts_pages MATCH 'страница') AS indexed`,
    )
    .get();
}

const staged = (session: Session) => (session.requireProject().db.prepare('SELECT count(*) AS n FROM temp.import_pages').get() as { n: number }).n;

describe('issue 22: a long PDF streams into the project', () => {
  it('hands every page over as it is read and keeps none (the extractor alone)', async () => {
    const { pdf } = setup();
    const seen: number[] = [];
    const result = await extractDocument({ fileName: 'long.pdf', bytes: new Uint8Array(fs.readFileSync(pdf)), onPage: (page) => seen.push(page.number) });
    expect(result.pages).toEqual([]);
    expect(seen).toEqual(Array.from({ length: PAGES }, (_, i) => i + 1));
  });

  it('stores pages while it reads, shows none of them before the end, then all of them at once', async () => {
    const { session, start } = setup();
    const before = fingerprint(session);
    const job = await start();
    const midway = await readPast(session, job.id, PAGES / 2);
    expect(midway.state).toBe('running');
    // Half read: most of those pages are already written out of memory, and the project does not show them yet.
    expect(staged(session)).toBeGreaterThanOrEqual(PAGES / 2 - 200);
    expect(fingerprint(session)).toEqual(before);
    const done = await session.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', done: PAGES, total: PAGES });
    expect(done.result?.document).toMatchObject({ pageCount: PAGES });
    expect(staged(session)).toBe(0);
    const p = session.requireProject();
    expect((p.db.prepare('SELECT count(*) AS n FROM document_pages').get() as { n: number }).n).toBe(PAGES);
    expect(search(p, { q: '"Page 1199"', kinds: ['page'] }).groups[0]?.hits[0]).toMatchObject({ page: 1199 });
    session.close();
  });

  it('cancelled in the middle, leaves the project exactly as it was and forgets what it staged', async () => {
    const { session, start } = setup();
    const before = fingerprint(session);
    const job = await start();
    const midway = await readPast(session, job.id, PAGES / 3);
    expect(midway.state).toBe('running');
    expect(staged(session)).toBeGreaterThan(0);
    session.jobs.cancel(job.id);
    const finished = await session.jobs.wait(job.id);
    expect(finished.state).toBe('cancelled');
    expect(fingerprint(session)).toEqual(before);
    expect(staged(session)).toBe(0);
    session.close();
  });
});
