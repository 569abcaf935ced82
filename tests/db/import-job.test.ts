import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobDto } from '../../electron/contract/api';
import { sampleSession } from '../helpers/sample-session';

const documents = path.join(__dirname, '..', 'fixtures', 'documents');

function setup() {
  const { dir, session, dispatch, call } = sampleSession();
  return { dir, session, dispatch, call };
}

describe('importing a document as a job', () => {
  it('answers at once, reports progress by page, and stores the document when done', async () => {
    const { session, call } = setup();
    const started = await call<JobDto>('documents.import', { path: path.join(documents, 'ru-kk.pdf'), kind: 'observer-report' });
    expect(started).toMatchObject({ state: 'running', label: 'Import ru-kk.pdf' });
    const done = await session.jobs.wait(started.id);
    expect(done).toMatchObject({ state: 'done', done: 3, total: 3, error: null });
    expect(done.result?.document).toMatchObject({ fileName: 'ru-kk.pdf', pageCount: 3 });
    expect(await call('jobs.get', { id: started.id })).toMatchObject({ state: 'done' });
    expect(session.requireProject().counts().documents).toBe(1);
    session.close();
  });

  it('can be cancelled, and then writes nothing', async () => {
    const { session, call } = setup();
    const before = session.requireProject().counts();
    const started = await call<JobDto>('documents.import', { path: path.join(documents, 'ru-kk.pdf') });
    await call('jobs.cancel', { id: started.id });
    const finished = await session.jobs.wait(started.id);
    expect(finished.state).toBe('cancelled');
    expect(session.requireProject().counts()).toEqual(before);
    session.close();
  });

  it.each([
    ['encrypted.pdf', /password/i],
    ['truncated.pdf', /damaged|corrupt|truncated|cannot be read/i],
    ['notapdf.pdf', /not a valid PDF/i],
    ['corrupt.docx', /damaged|corrupt|cannot be read/i],
    ['empty.docx', /no text/i],
    ['empty.txt', /empty/i],
    ['unsupported.xyz', /supported|cannot import/i],
  ])('refuses %s with a message naming it, and leaves the project as it was', async (name, pattern) => {
    const { session, call } = setup();
    const before = session.requireProject().counts();
    const started = await call<JobDto>('documents.import', { path: path.join(documents, name) });
    const finished = await session.jobs.wait(started.id);
    expect(finished.state).toBe('failed');
    expect(finished.error?.message).toContain(name);
    expect(finished.error?.message).toMatch(pattern);
    expect(session.requireProject().counts()).toEqual(before);
    session.close();
  });

  it('refuses a missing file and an unknown source at once', async () => {
    const { dispatch } = setup();
    expect(await dispatch('documents.import', { path: path.join(documents, 'nope.pdf') })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await dispatch('documents.import', { path: path.join(documents, 'notes.txt'), sourceId: 'gone' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('writes nothing into a project closed during the import', async () => {
    const { dir, session, call } = setup();
    const started = await call<JobDto>('documents.import', { path: path.join(documents, 'ru-kk.pdf') });
    session.close();
    const finished = await session.jobs.wait(started.id);
    expect(finished.state).not.toBe('done');
    session.open(path.join(dir, 'sample.comparanda'));
    expect(session.requireProject().counts().documents).toBe(0);
    expect(fs.existsSync(path.join(dir, 'sample.comparanda'))).toBe(true);
    session.close();
  });
});
