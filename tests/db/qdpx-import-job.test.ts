/**
 * Issue 22: a REFI-QDA import runs as a job — it answers at once, reports progress source by source, and a cancel
 * leaves the project exactly as it was (the import writes in one transaction at its end).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobDto } from '../../electron/contract/api';
import { type Session } from '../../electron/core/session';
import { sampleSession } from '../helpers/sample-session';

const ATLAS = path.join(__dirname, '..', 'fixtures', 'refi-qda', 'atlasti-standard-project.qdpx');

function setup() {
  const { session, call } = sampleSession();
  return { session, call };
}

/** Every row of the tables an import writes, as text: "unchanged" means the same rows, not just the same counts. */
function snapshot(session: Session): string {
  const db = session.requireProject().db;
  return ['codes', 'sources', 'documents', 'excerpts', 'excerpt_codes', 'memos', 'cases', 'refi_users', 'refi_sets']
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()))
    .join('\n');
}

describe('a REFI-QDA import as a job', () => {
  it('answers at once, counts the sources as it reads them, and gives the report when done', async () => {
    const { session, call } = setup();
    const started = await call<JobDto>('exchange.startImportQdpx', { path: ATLAS });
    expect(started).toMatchObject({ kind: 'qdpx-import', state: 'running', label: 'Import atlasti-standard-project.qdpx' });
    const done = await session.jobs.wait(started.id);
    expect(done).toMatchObject({ state: 'done', done: 13, total: 13, message: 'Imported', error: null });
    expect(done.result?.report).toMatchObject({ file: 'atlasti-standard-project.qdpx', created: { excerpts: 4 } });
    session.close();
  });

  it('can be cancelled while it reads, and then the project is exactly as it was', async () => {
    const { session, call } = setup();
    const before = snapshot(session);
    const started = await call<JobDto>('exchange.startImportQdpx', { path: ATLAS });
    await call('jobs.cancel', { id: started.id });
    const finished = await session.jobs.wait(started.id);
    expect(finished.state).toBe('cancelled');
    expect(finished.done).toBeLessThan(13);
    expect(snapshot(session)).toBe(before);
    session.close();
  });
});
