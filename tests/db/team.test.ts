/**
 * Team projects (issue 20) against a real PostgreSQL 15 hub in a throwaway cluster: three replicas of the sample
 * edit offline, sync in random orders and converge; interpretive edits on two replicas are exactly one conflict; an
 * archive against an edit is one too; the hub holds none of the sample's words; a planted real name never leaves its
 * laptop; a removed member's next sync is refused.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { setIdentity, storeDocument } from '../../electron/core/evidence';
import { archiveCase, updateCase, updateCell } from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { initHub } from '../../electron/core/team/hub/hub';
import { listConflicts } from '../../electron/core/team/merge';
import { resolveConflict } from '../../electron/core/team/resolve';
import { createTeam, joinTeam, removeMember } from '../../electron/core/team/team';
import { startCluster, type Cluster } from '../helpers/postgres';
import { canonicalDump, distinctiveWords, syncFile, withProject } from '../helpers/team';
import { tempDir } from '../helpers/temp';

let cluster: Cluster;
/** The data directory's text before any team used the hub: a word already in it (PostgreSQL's own catalogs) proves nothing. */
let baseline: Buffer = Buffer.alloc(0);

beforeAll(async () => {
  cluster = await startCluster();
  await cluster.sql('CHECKPOINT');
  baseline = dataDirText();
  for (const role of ['alice', 'bob', 'carol']) await cluster.sql(`CREATE ROLE ${role} LOGIN`);
  await initHub({ url: cluster.url() });
}, 60_000);

afterAll(() => cluster?.destroy());

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Everything the hub's tables hold, as text, and every byte of its data directory. */
async function hubText(): Promise<Buffer> {
  const tables = ['comparanda_teams', 'comparanda_members', 'comparanda_changes', 'comparanda_blobs'];
  const parts: Buffer[] = [];
  for (const t of tables) {
    const rows = (await cluster.sql(`SELECT * FROM ${t}`)).rows as Record<string, unknown>[];
    for (const row of rows) for (const v of Object.values(row)) parts.push(Buffer.isBuffer(v) ? v : Buffer.from(String(v)));
  }
  return Buffer.concat(parts);
}

function dataDirText(): Buffer {
  execFileSync('sync');
  const chunks: Buffer[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) chunks.push(fs.readFileSync(full));
    }
  };
  walk(cluster.dir);
  return Buffer.concat(chunks);
}

describe('team sync through a PostgreSQL hub', () => {
  it('three replicas edit offline, sync in random orders, converge, and show exactly the conflicts', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.comparanda');
    const b = path.join(dir, 'b.comparanda');
    const c = path.join(dir, 'c.comparanda');
    const key = path.join(dir, 'team.key');
    writeSampleProject(a);
    const words = distinctiveWords(a, 200).filter((w) => !baseline.includes(Buffer.from(w))).slice(0, 40);
    expect(words.length).toBeGreaterThan(20);

    const owner = Project.open(a);
    const { teamId } = await createTeam(owner, key, { hubUrl: cluster.url('alice') }).finally(() => owner.close());
    await joinTeam(b, teamId, key, { hubUrl: cluster.url('bob') });
    await joinTeam(c, teamId, key, { hubUrl: cluster.url('carol') });
    expect(canonicalDump(b)).toBe(canonicalDump(a));
    expect(canonicalDump(c)).toBe(canonicalDump(a));

    // Offline work. Cells of the sample's first norm, one stage each.
    const cells = withProject(a, (p) => p.cells().filter((x) => x.summary !== ''));
    const [one, two, same] = cells;
    const cellRef = (x: (typeof cells)[number]) => ({ caseId: x.caseId, normId: x.normId, stageId: x.stageId });
    const [archivedCase] = withProject(a, (p) => p.overview().cases);
    const planted = 'Zhanar Qyzylbekova';
    // A slot of the matrix with no cell yet, filled on two laptops at once.
    const empty = withProject(a, (p) => {
      const o = p.overview();
      const stages = p.db.prepare('SELECT id, framework_id FROM stages WHERE archived_at IS NULL').all() as { id: string; framework_id: string }[];
      for (const n of o.norms) for (const k of o.cases) for (const s of stages.filter((x) => x.framework_id === n.frameworkId)) {
        if (!cells.concat(p.cells()).some((x) => x.caseId === k.id && x.normId === n.id && x.stageId === s.id)) return { caseId: k.id, normId: n.id, stageId: s.id };
      }
      throw new Error('the sample has no empty cell');
    });
    withProject(a, (p) => {
      updateCell(p, { ...cellRef(one!), patch: { summary: 'A: different cell edited on laptop A' } });
      updateCell(p, { ...cellRef(same!), patch: { summary: 'A: the same cell, as A reads it' } });
      updateCell(p, { ...empty, patch: { summary: 'A fills the empty cell' } });
      updateCase(p, { id: archivedCase!.id, notes: 'A: notes edited while C archives the case' });
      const participant = p.db.prepare('SELECT id FROM participants LIMIT 1').pluck().get() as string;
      setIdentity(p, { id: participant, realName: planted, contact: '+7 701 555 0199' });
    });
    withProject(b, (p) => {
      const statuses = p.overview().frameworks.flatMap((f) => f.statuses.map((x) => x.key));
      updateCell(p, { ...cellRef(two!), patch: { status: statuses.find((x) => x !== two!.status)! } });
      updateCell(p, { ...cellRef(same!), patch: { summary: 'B: the same cell, as B reads it' } });
      updateCell(p, { ...empty, patch: { summary: 'B fills the empty cell' } });
      const bytes = Buffer.from('Interview transcript imported on laptop B.\n\nSecond page of the transcript.');
      storeDocument(p, { fileName: 'transcript-b.txt', bytes }, { format: 'txt', mimeType: 'text/plain', pages: [{ number: 1, text: 'Interview transcript imported on laptop B.' }], title: null, warnings: [] }, { kind: 'interview' });
    });
    withProject(c, (p) => archiveCase(p, { id: archivedCase!.id, archived: true }));

    const rnd = random(20);
    const files = [a, b, c];
    for (let round = 0; round < 3; round++) for (const f of shuffle(files, rnd)) await syncFile(f);

    const dumpA = canonicalDump(a);
    expect(canonicalDump(b)).toBe(dumpA);
    expect(canonicalDump(c)).toBe(dumpA);
    // The counts each replica keeps (triggers, issue 22) follow the rows that syncs wrote: a document, an archived case.
    for (const f of files) withProject(f, (p) => expect(p.counts()).toEqual(p.countRows()));
    expect(dumpA).toContain('transcript-b.txt');
    expect(dumpA).toContain('A: different cell edited on laptop A');

    const conflicts = withProject(a, (p) => listConflicts(p.db));
    expect(withProject(b, (p) => listConflicts(p.db))).toEqual(conflicts);
    expect(withProject(c, (p) => listConflicts(p.db))).toEqual(conflicts);
    const onSame = conflicts.filter((x) => x.table === 'cells' && x.rowKey.id === same!.id);
    expect(onSame).toHaveLength(1);
    expect([onSame[0]!.shown.value, onSame[0]!.kept[0]!.value].sort()).toEqual(['A: the same cell, as A reads it', 'B: the same cell, as B reads it']);
    const archiveConflict = conflicts.filter((x) => x.table === 'cases' && x.field === 'row');
    expect(archiveConflict).toHaveLength(1);
    // The cell filled on two laptops: one live, the other kept archived, listed.
    const filled = conflicts.filter((x) => x.field === 'duplicate');
    expect(filled).toHaveLength(1);
    expect([filled[0]!.shown.value, filled[0]!.kept[0]!.value].sort()).toEqual(['A fills the empty cell', 'B fills the empty cell']);
    expect(withProject(a, (p) => p.cells().filter((x) => x.caseId === empty.caseId && x.normId === empty.normId && x.stageId === empty.stageId))).toHaveLength(1);
    expect(conflicts).toHaveLength(3);

    // The hub holds ciphertext only: none of the sample's words, nor the planted name, in its tables or its files.
    await cluster.sql('CHECKPOINT');
    const hub = await hubText();
    const files_ = dataDirText();
    for (const word of [...words, 'Qyzylbekova', 'transcript']) {
      expect(hub.includes(Buffer.from(word)), word).toBe(false);
      expect(files_.includes(Buffer.from(word)), word).toBe(false);
    }
    // The planted real name stays on A.
    for (const f of [b, c]) expect(fs.readFileSync(f).toString('utf8')).not.toContain('Qyzylbekova');

    // Resolving on one replica clears the conflict everywhere.
    withProject(b, (p) => resolveConflict(p, { table: 'cells', rowKey: { id: same!.id }, field: 'summary', value: 'Merged: A and B agree in part' }));
    for (const f of [b, a, c]) await syncFile(f);
    for (const f of files) expect(withProject(f, (p) => listConflicts(p.db)).filter((x) => x.table === 'cells' && x.field === 'summary')).toEqual([]);
    expect(canonicalDump(a)).toBe(canonicalDump(b));
    expect(canonicalDump(c)).toBe(canonicalDump(b));

    // A removed member's next sync is refused.
    await removeMember(teamId, 'carol', { hubUrl: cluster.url('alice') });
    const refused = await syncFile(c).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'NOT_A_MEMBER', message: expect.stringMatching(/not a member of this team/) });
  }, 120_000);
});
