/**
 * Team sync survives crashes (issue 20): the command-line `sync` is killed with SIGKILL at the named moments of a
 * push (before and after the hub commits) and of a pull (before and after a page is applied), and PostgreSQL is
 * restarted in the middle of a push and of a pull. After syncing again every replica holds every edit, the hub holds
 * each change once, and the replicas' content is identical. Also: the command-line names of issue 20 end to end.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCell } from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { syncDatabase } from '../../electron/core/team/sync';
import { cli } from '../helpers/cli';
import { startCluster, type Cluster } from '../helpers/postgres';
import { canonicalDump } from '../helpers/team';
import { tempDir } from '../helpers/temp';

const bin = path.resolve(__dirname, '../../bin/comparanda.cjs');
let cluster: Cluster;

beforeAll(async () => {
  if (!fs.existsSync(path.resolve(__dirname, '../../dist/cli.cjs'))) throw new Error('Build first: npm run build:node (the CLI runs from dist/).');
  cluster = await startCluster();
  for (const role of ['alice', 'bob']) await cluster.sql(`CREATE ROLE ${role} LOGIN`);
}, 60_000);

afterAll(() => cluster?.destroy());

/** Runs `comparanda sync FILE` until it says it paused at `point`, then kills it with SIGKILL. */
function syncKilledAt(file: string, point: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'sync', file], { cwd, env: { ...process.env, COMPARANDA_USER_DATA: path.join(cwd, '.user-data'), COMPARANDA_TEST_PAUSE_AT: point } });
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sync never reached ${point}: ${err}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes(`paused at ${point}`)) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && err.includes(`paused at ${point}`)) resolve();
      else reject(new Error(`sync ended without pausing at ${point}: ${err}`));
    });
  });
}

/** Edits `count` cell summaries, each its own undoable edit (its own action). */
function editMany(file: string, tag: string, count: number): void {
  const p = Project.open(file);
  try {
    const cells = p.cells();
    for (let i = 0; i < count; i++) {
      const c = cells[i % cells.length]!;
      updateCell(p, { caseId: c.caseId, normId: c.normId, stageId: c.stageId, patch: { summary: `${tag} edit ${i}` } });
    }
  } finally {
    p.close();
  }
}

async function hubCounts(): Promise<{ rows: number; distinct: number }> {
  const r = await cluster.sql('SELECT count(*)::int AS rows, count(DISTINCT clock)::int AS distinct FROM comparanda_changes');
  return r.rows[0] as { rows: number; distinct: number };
}

async function syncIn(file: string, options: Parameters<typeof syncDatabase>[1] = {}) {
  const p = Project.open(file);
  try {
    return await syncDatabase(p.db, options);
  } finally {
    p.close();
  }
}

describe('team sync under crashes, from the command line', () => {
  it('hub init, team create, join, sync and conflicts by their names; SIGKILL in push and pull and a PostgreSQL restart lose and duplicate nothing', async () => {
    const dir = tempDir();
    const run = (args: string[]) => cli(args, dir);
    expect(run(['hub', 'init', '--url', cluster.url()])).toMatchObject({ code: 0, stdout: expect.stringMatching(/created: hub format 1/) });
    expect(run(['hub', 'init', '--url', cluster.url()])).toMatchObject({ code: 0, stdout: expect.stringMatching(/up to date/) });
    // A password in the address is refused before anything connects.
    expect(run(['hub', 'init', '--url', `postgres://alice:secret@127.0.0.1:${cluster.port}/comparanda`])).toMatchObject({ code: 1, stderr: expect.stringMatching(/PGPASSFILE or a --password-file/) });

    writeSampleProject(path.join(dir, 'a.comparanda'));
    const created = run(['team', 'create', 'a.comparanda', '--hub', cluster.url('alice'), '--key-out', 'team.key', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { teamId } = JSON.parse(created.stdout) as { teamId: string };
    expect(fs.statSync(path.join(dir, 'team.key')).mode & 0o777).toBe(0o600);
    const joined = run(['team', 'join', '--hub', cluster.url('bob'), '--team', teamId, '--key-file', 'team.key', '--out', 'b.comparanda']);
    expect(joined.code, joined.stderr).toBe(0);
    const a = path.join(dir, 'a.comparanda');
    const b = path.join(dir, 'b.comparanda');
    expect(canonicalDump(b)).toBe(canonicalDump(a));

    // SIGKILL during a push: before the hub commits (nothing arrives) and after (the outbox still holds it: sent again, stored once).
    editMany(a, 'A1', 40);
    const before = await hubCounts();
    await syncKilledAt('a.comparanda', 'team-push-before-commit', dir);
    expect(await hubCounts()).toEqual(before);
    editMany(a, 'A2', 40);
    await syncKilledAt('a.comparanda', 'team-push-after-commit', dir);
    const afterCommit = await hubCounts();
    expect(afterCommit.rows).toBeGreaterThan(before.rows);
    const again = JSON.parse(run(['sync', 'a.comparanda', '--json']).stdout) as { pushed: number };
    expect(again.pushed).toBeGreaterThan(0);
    expect(await hubCounts()).toEqual(afterCommit);

    // SIGKILL during a pull: before a page is applied and after (the cursor moved with it).
    await syncKilledAt('b.comparanda', 'team-pull-before-apply', dir);
    await syncKilledAt('b.comparanda', 'team-pull-after-apply', dir);
    expect(run(['sync', 'b.comparanda']).code).toBe(0);
    expect(canonicalDump(b)).toBe(canonicalDump(a));

    // PostgreSQL restarts in the middle of a push, then in the middle of a pull (after its first page).
    editMany(b, 'B3', 300);
    const restart = () => {
      cluster.stop('fast');
      cluster.start();
    };
    let restarted = false;
    const failedPush = await syncIn(b, {
      onProgress: (progress) => {
        if (progress.phase === 'push' && !restarted) {
          restarted = true;
          restart();
        }
      },
    }).catch((error: unknown) => error);
    expect(failedPush).toMatchObject({ code: 'HUB_UNAVAILABLE', message: expect.stringMatching(/Nothing was lost/) });
    expect((await syncIn(b)).pushed).toBeGreaterThan(0);
    restarted = false;
    const failedPull = await syncIn(a, {
      pageSize: 100,
      onProgress: (progress) => {
        if (progress.phase === 'pull' && !restarted) {
          restarted = true;
          restart();
        }
      },
    }).catch((error: unknown) => error);
    expect(failedPull).toMatchObject({ code: 'HUB_UNAVAILABLE' });
    await syncIn(a, { pageSize: 100 });
    await syncIn(b);
    expect(canonicalDump(a)).toBe(canonicalDump(b));
    const counts = await hubCounts();
    expect(counts.rows).toBe(counts.distinct);
    expect(canonicalDump(a)).toContain('B3 edit 299');
    // (B's 300 later edits wrote over every cell A edited: last writer wins.)

    // Conflicts by name: none here (no interpretive field was edited on both).
    expect(JSON.parse(run(['conflicts', 'a.comparanda', '--json']).stdout)).toEqual([]);
    expect(run(['conflicts', 'a.comparanda']).stdout).toMatch(/No conflicts/);
  }, 180_000);
});
