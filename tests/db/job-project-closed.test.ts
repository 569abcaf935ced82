/**
 * A job whose project closes under it (the window closed, another project opened) ends cancelled, not failed: its
 * connection is gone, which is expected, not a fault to log. The project file stays as it was and opens again.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobDto } from '../../electron/contract/api';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { createTeam } from '../../electron/core/team/team';
import { sampleSession } from '../helpers/sample-session';
import { canonicalDump } from '../helpers/team';
import { hubForTests } from '../helpers/team-hub';
import { tempDir } from '../helpers/temp';

const PDF = path.join(__dirname, '..', 'fixtures', 'documents', 'ru-kk.pdf');

/** Resolves once the job has read at least `pages` pages (the extraction yields to the event loop after each). */
async function pagesRead(session: Session, id: string, pages: number): Promise<void> {
  for (let turn = 0; turn < 100_000; turn++) {
    const job = session.jobs.get(id);
    if (job.state !== 'running') throw new Error(`The job ended (${job.state}) before reading ${pages} page(s): the test could not close mid-job.`);
    if (job.done >= pages) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('The job made no progress.');
}

type When = 'before it reads the file' | 'after its first page';
type How = 'the session closes' | 'another project is opened';

afterEach(() => vi.restoreAllMocks());

function jobFailedLines(logged: { mock: { calls: unknown[][] } }): string[] {
  return logged.mock.calls.map((c) => c.map(String).join(' ')).filter((line) => /job failed/i.test(line));
}

function intact(file: string): void {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

describe('a document import whose project closes under it', () => {
  it.each<[How, When]>([
    ['the session closes', 'before it reads the file'],
    ['the session closes', 'after its first page'],
    ['another project is opened', 'before it reads the file'],
    ['another project is opened', 'after its first page'],
  ])('ends cancelled, not failed, when %s %s; the project is intact and opens again', async (how, when) => {
    const { dir, session, call } = sampleSession();
    const file = path.join(dir, 'sample.comparanda');
    const other = path.join(dir, 'other.comparanda');
    writeSampleProject(other);
    const logged = vi.spyOn(console, 'error');

    const started = await call<JobDto>('documents.import', { path: PDF, kind: 'observer-report' });
    if (when === 'after its first page') await pagesRead(session, started.id, 1);
    if (how === 'the session closes') session.close();
    else session.open(other);
    const finished = await session.jobs.wait(started.id);

    expect(finished.state).toBe('cancelled');
    expect(finished.result).toBeNull();
    expect(finished.error).toMatchObject({ code: 'NO_PROJECT_OPEN', message: expect.stringMatching(/project was closed/) });
    expect(jobFailedLines(logged)).toEqual([]);

    session.close();
    intact(file);
    session.open(file);
    expect(session.requireProject().counts().documents).toBe(0);
    session.close();
  });
});

describe('a team sync whose project closes under it', () => {
  const hub = hubForTests(['alice']);
  // Automatic sync far off: the test starts the one sync itself.
  const QUIET = { openDelayMs: 3_600_000, afterEditMs: 3_600_000, pollMs: 3_600_000, retryMs: 3_600_000, maxRetryMs: 3_600_000 };

  it('ends cancelled, not failed, when the session closes under it; the project opens again and syncs', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.comparanda');
    writeSampleProject(file);
    const owner = Project.open(file);
    await createTeam(owner, path.join(dir, 'team.key'), { hubUrl: hub().url('alice') }).finally(() => owner.close());
    const session = new Session(path.join(dir, 'user'), {}, 5 * 60 * 1000, QUIET);
    session.open(file);
    const logged = vi.spyOn(console, 'error');

    // Closed while the sync waits for the hub: it meets the closed connection when the hub answers.
    const started = session.autoSync.start('manual');
    session.close();
    const finished = await session.jobs.wait(started.id);

    expect(finished.state).toBe('cancelled');
    expect(finished.error).toMatchObject({ code: 'NO_PROJECT_OPEN', message: expect.stringMatching(/project was closed/) });
    expect(jobFailedLines(logged)).toEqual([]);

    intact(file);
    const before = canonicalDump(file);
    session.open(file);
    const again = await session.jobs.wait(session.autoSync.start('manual').id);
    expect(again).toMatchObject({ state: 'done', error: null });
    session.close();
    expect(canonicalDump(file)).toBe(before);
  }, 120_000);
});
