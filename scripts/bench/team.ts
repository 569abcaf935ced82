/**
 * `npx tsx scripts/bench/team.ts [--replicas 10] [--edits 2000] [--day 500]` (also `npm run bench -- --only team`):
 * team sync on loopback against a throwaway PostgreSQL 15 cluster (issue 20).
 *  1. N replicas of the sample each make E offline cell edits (one undoable action each), then all sync until every
 *     replica holds everything: seconds to converge, bytes sent and received, hub rows.
 *  2. One day's work (D edits) pushed by one replica, next to its baseline: a raw INSERT of the same number of rows of
 *     the same sizes into a plain table, in one transaction, over the same connection kind.
 *  3. What capture costs an edit: D edits in a team project and in the same project outside a team.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { updateCell } from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { initHub } from '../../electron/core/team/hub/hub';
import { syncDatabase, type SyncReport } from '../../electron/core/team/sync';
import { createTeam, joinTeam } from '../../electron/core/team/team';
import { startCluster, type Cluster } from '../../tests/helpers/postgres';
import { canonicalDump } from '../../tests/helpers/team';

export interface TeamBenchResult {
  replicas: number;
  editsPerReplica: number;
  convergeSeconds: number;
  syncRounds: number;
  bytesSent: number;
  bytesReceived: number;
  hubRows: number;
  hubBytes: number;
  converged: boolean;
  dayEdits: number;
  dayPushMs: number;
  dayRows: number;
  baselineInsertMs: number;
  editMsTeam: number;
  editMsPlain: number;
}

function edits(file: string, tag: string, count: number, seed: number): number {
  const p = Project.open(file);
  try {
    const cells = p.cells();
    const started = performance.now();
    let s = seed >>> 0;
    for (let i = 0; i < count; i++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      const c = cells[s % cells.length]!;
      updateCell(p, { caseId: c.caseId, normId: c.normId, stageId: c.stageId, patch: { summary: `${tag} ${i}: a reading of the cell as this researcher made it offline` } });
    }
    return (performance.now() - started) / count;
  } finally {
    p.close();
  }
}

async function sync(file: string): Promise<SyncReport> {
  const p = Project.open(file);
  try {
    return await syncDatabase(p.db);
  } finally {
    p.close();
  }
}

export async function benchTeam(options: { replicas: number; edits: number; day: number; log: (m: string) => void }): Promise<TeamBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-team-bench-'));
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster();
    const roles = Array.from({ length: options.replicas }, (_, i) => `member${i}`);
    for (const role of roles) await cluster.sql(`CREATE ROLE ${role} LOGIN`);
    await initHub({ url: cluster.url() });
    const files = roles.map((_, i) => path.join(dir, `r${i}.comparanda`));
    writeSampleProject(files[0]!);
    const key = path.join(dir, 'team.key');
    const owner = Project.open(files[0]!);
    const { teamId } = await createTeam(owner, key, { hubUrl: cluster.url(roles[0]) }).finally(() => owner.close());
    for (let i = 1; i < files.length; i++) await joinTeam(files[i]!, teamId, key, { hubUrl: cluster.url(roles[i]) });
    const startRows = Number(((await cluster.sql('SELECT count(*) AS n FROM comparanda_changes')).rows[0] as { n: string }).n);
    options.log(`team of ${files.length} ready (${startRows} hub rows from the initial project); ${options.edits} offline edits each`);

    for (let i = 0; i < files.length; i++) edits(files[i]!, `replica ${i}`, options.edits, 1000 + i);

    let bytesSent = 0;
    let bytesReceived = 0;
    let rounds = 0;
    const started = performance.now();
    // Round 1 pushes everyone's work (and pulls what came before); round 2 brings the early pushers the rest.
    for (; rounds < 2; rounds++) {
      for (const file of files) {
        const r = await sync(file);
        bytesSent += r.bytesSent;
        bytesReceived += r.bytesReceived;
      }
    }
    const convergeSeconds = (performance.now() - started) / 1000;
    const dump = canonicalDump(files[0]!);
    const converged = files.every((f) => canonicalDump(f) === dump);
    const hub = (await cluster.sql('SELECT count(*) AS n, sum(octet_length(body) + octet_length(clock) + octet_length(author)) AS b FROM comparanda_changes')).rows[0] as { n: string; b: string };
    options.log(`converged=${converged} in ${convergeSeconds.toFixed(1)} s`);

    // One day's work, pushed; then its baseline.
    const editMsTeam = edits(files[0]!, 'day', options.day, 7);
    const before = Number(((await cluster.sql('SELECT count(*) AS n FROM comparanda_changes')).rows[0] as { n: string }).n);
    const p = Project.open(files[0]!);
    const bodies: { clock: string; body: Buffer }[] = [];
    let dayPushMs: number;
    try {
      const t = performance.now();
      await syncDatabase(p.db);
      dayPushMs = performance.now() - t;
    } finally {
      p.close();
    }
    const dayRowsResult = await cluster.sql('SELECT clock, body FROM comparanda_changes ORDER BY seq DESC LIMIT $1', [
      Number(((await cluster.sql('SELECT count(*) AS n FROM comparanda_changes')).rows[0] as { n: string }).n) - before,
    ]);
    for (const row of dayRowsResult.rows as { clock: string; body: Buffer }[]) bodies.push(row);
    await cluster.sql('CREATE TABLE baseline (seq bigserial PRIMARY KEY, clock text, body bytea)');
    await cluster.sql('GRANT ALL ON baseline, baseline_seq_seq TO member0');
    const client = new pg.Client({ connectionString: cluster.url(roles[0]) });
    await client.connect();
    const t = performance.now();
    await client.query('BEGIN');
    await client.query('INSERT INTO baseline (clock, body) SELECT * FROM unnest($1::text[], $2::bytea[])', [bodies.map((b) => b.clock), bodies.map((b) => b.body)]);
    await client.query('COMMIT');
    const baselineInsertMs = performance.now() - t;
    await client.end();

    // The same edits in the same project outside a team (a fresh copy of the sample).
    const plain = path.join(dir, 'plain.comparanda');
    writeSampleProject(plain);
    const editMsPlain = edits(plain, 'day', options.day, 7);

    return {
      replicas: files.length,
      editsPerReplica: options.edits,
      convergeSeconds,
      syncRounds: rounds,
      bytesSent,
      bytesReceived,
      hubRows: Number(hub.n),
      hubBytes: Number(hub.b),
      converged,
      dayEdits: options.day,
      dayPushMs,
      dayRows: bodies.length,
      baselineInsertMs,
      editMsTeam,
      editMsPlain,
    };
  } finally {
    cluster?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { replicas: { type: 'string', default: '10' }, edits: { type: 'string', default: '2000' }, day: { type: 'string', default: '500' } } });
  benchTeam({ replicas: Number(values.replicas), edits: Number(values.edits), day: Number(values.day), log: (m) => process.stderr.write(`${m}\n`) }).then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
