/**
 * Automatic sync (issue 20: "automatic while the hub is reachable and manual otherwise"), with two app sessions on two
 * laptops' files and a real PostgreSQL hub: an edit reaches the other laptop with nobody pressing Sync; with the hub
 * stopped the session says since when it is out of reach and retries, waiting longer each time, and catches up when
 * the hub is back; turned off, nothing moves until Sync now; a sync is a job with progress; the undo journal survives
 * what arrives, refusing only the steps a teammate changed since.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { updateCell } from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import type { AutoSyncTimings } from '../../electron/core/team/auto';
import { createTeam, joinTeam } from '../../electron/core/team/team';
import { hubForTests } from '../helpers/team-hub';
import { tempDir } from '../helpers/temp';

const hub = hubForTests(['alice', 'bob']);

const FAST: AutoSyncTimings = { openDelayMs: 50, afterEditMs: 150, pollMs: 400, retryMs: 200, maxRetryMs: 800 };

async function until<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function twoLaptops(): Promise<{ a: Session; b: Session; dir: string }> {
  const dir = tempDir();
  const fileA = path.join(dir, 'a.comparanda');
  const fileB = path.join(dir, 'b.comparanda');
  const key = path.join(dir, 'team.key');
  writeSampleProject(fileA);
  const owner = Project.open(fileA);
  const { teamId } = await createTeam(owner, key, { hubUrl: hub().url('alice') }).finally(() => owner.close());
  await joinTeam(fileB, teamId, key, { hubUrl: hub().url('bob') });
  const a = new Session(path.join(dir, 'user-a'), {}, 5 * 60 * 1000, FAST);
  const b = new Session(path.join(dir, 'user-b'), {}, 5 * 60 * 1000, FAST);
  a.open(fileA);
  b.open(fileB);
  return { a, b, dir };
}

function cellsWithSummary(s: Session) {
  return s.requireProject().cells().filter((x) => x.summary !== '');
}

function summaryOf(s: Session, id: string): string | undefined {
  return s.requireProject().cells().find((x) => x.id === id)?.summary;
}

const ref = (x: { caseId: string; normId: string; stageId: string }) => ({ caseId: x.caseId, normId: x.normId, stageId: x.stageId });

describe('automatic team sync', () => {
  it('carries an edit to the other laptop without Sync now, waits out a stopped hub, and catches up', async () => {
    const { a, b } = await twoLaptops();
    try {
      // Both sessions sync once shortly after opening.
      await until('the first automatic syncs', () => a.autoSync.state().last && b.autoSync.state().last);
      const [cell] = cellsWithSummary(a);
      updateCell(a.requireProject(), { ...ref(cell!), patch: { summary: 'Written on laptop A, synced by itself' } });
      await until("A's edit on B", () => summaryOf(b, cell!.id) === 'Written on laptop A, synced by itself');

      // The hub goes away: A's next edit cannot leave, and A says so, retrying with longer waits.
      hub().stop('fast');
      let started = false;
      try {
      updateCell(a.requireProject(), { ...ref(cell!), patch: { summary: 'Written while the hub was down' } });
      const offline = await until('A to notice the hub is out of reach', () => (a.autoSync.state().offlineSince !== null ? a.autoSync.state() : undefined));
      expect(offline.lastError).toMatch(/Nothing was lost/);
      expect(offline.enabled).toBe(true);
      const firstRetry = Date.parse(offline.nextAt!) - Date.now();
      expect(firstRetry).toBeLessThanOrEqual(FAST.retryMs);
      // A second failure waits longer than the first.
      const failedAt = offline.lastError;
      await until('a second failed try', () => {
        const s = a.autoSync.state();
        return s.nextAt !== null && Date.parse(s.nextAt) - Date.now() > FAST.retryMs && s.lastError === failedAt && s;
      });
      expect(a.requireProject().db.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBeGreaterThan(0);

      } finally {
        if (!started) hub().start();
        started = true;
      }
      await until('A back online', () => a.autoSync.state().offlineSince === null && a.autoSync.state().last !== null && a.requireProject().db.prepare('SELECT count(*) FROM team_outbox').pluck().get() === 0);
      await until('the edit made offline on B', () => summaryOf(b, cell!.id) === 'Written while the hub was down');
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('when turned off moves nothing until Sync now, which is a job with progress; the choice is kept', async () => {
    const { a, b, dir } = await twoLaptops();
    try {
      await until('the first automatic syncs', () => a.autoSync.state().last && b.autoSync.state().last);
      expect(b.setAutoSync(false)).toMatchObject({ enabled: false, nextAt: null });
      const [cell] = cellsWithSummary(a);
      updateCell(a.requireProject(), { ...ref(cell!), patch: { summary: 'B has automatic sync off' } });
      await until('A to send it', () => a.requireProject().db.prepare('SELECT count(*) FROM team_outbox').pluck().get() === 0 && a.autoSync.state().last!.pushed > 0);
      await new Promise((r) => setTimeout(r, FAST.pollMs * 3));
      expect(summaryOf(b, cell!.id)).not.toBe('B has automatic sync off');

      const job = b.autoSync.start('manual');
      expect(job).toMatchObject({ kind: 'team-sync', state: 'running' });
      // A second Sync now while one runs answers with the same job.
      expect(b.autoSync.start('manual').id).toBe(job.id);
      const done = await b.jobs.wait(job.id);
      expect(done.state).toBe('done');
      expect(done.result?.sync?.pulled).toBeGreaterThan(0);
      expect(summaryOf(b, cell!.id)).toBe('B has automatic sync off');

      // The preference outlives the session.
      const again = new Session(path.join(dir, 'user-b'), {}, 5 * 60 * 1000, FAST);
      expect(again.prefs.read().teamAutoSyncOff).toHaveLength(1);
      b.setAutoSync(true);
      expect(b.autoSync.state()).toMatchObject({ enabled: true });
      expect(b.autoSync.state().nextAt).not.toBeNull();
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('keeps the undo journal after a sync, refusing only the step a teammate changed since', async () => {
    const { a, b } = await twoLaptops();
    try {
      await until('the first automatic syncs', () => a.autoSync.state().last && b.autoSync.state().last);
      const [mine, theirs] = cellsWithSummary(b);
      const pb = b.requireProject();
      updateCell(pb, { ...ref(theirs!), patch: { summary: 'B wrote this first' } });
      updateCell(pb, { ...ref(mine!), patch: { summary: 'Only B touches this one' } });
      await until("B's edits on A", () => summaryOf(a, theirs!.id) === 'B wrote this first' && summaryOf(a, mine!.id) === 'Only B touches this one');
      // A rewrites one of them after seeing it (no conflict: A saw B's version).
      updateCell(a.requireProject(), { ...ref(theirs!), patch: { summary: 'A rewrote it after B' } });
      await until("A's rewrite on B", () => summaryOf(b, theirs!.id) === 'A rewrote it after B');

      // B's newest step is untouched by A: it undoes. B's older step was changed by A since: refused, nothing changes.
      expect(pb.history.state().canUndo).toBe(true);
      pb.history.undo();
      expect(summaryOf(b, mine!.id)).toBe(mine!.summary);
      let refused: unknown;
      try {
        pb.history.undo();
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).message).toMatch(/changed since by another program or window/);
      expect(summaryOf(b, theirs!.id)).toBe('A rewrote it after B');
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('refuses Sync now on a project that is not in a team, starting no job', () => {
    const dir = tempDir();
    const file = path.join(dir, 'solo.comparanda');
    writeSampleProject(file);
    const s = new Session(path.join(dir, 'user'), {}, 5 * 60 * 1000, FAST);
    s.open(file);
    try {
      expect(() => s.autoSync.start('manual')).toThrow(/not part of a team/);
      expect(() => s.setAutoSync(false)).toThrow(/not part of a team/);
      expect(s.autoSync.state()).toMatchObject({ enabled: false, syncing: null, nextAt: null });
    } finally {
      s.close();
    }
  });
});
