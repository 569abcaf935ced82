/**
 * Structure edited on two laptops at once (issue 20): stages and status levels have one place each in their framework
 * (a unique position), so two laptops inserting at the same place, or one reordering while another inserts, must
 * still converge — both stages kept, the same order everywhere — instead of stopping every later sync on the unique
 * index.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addStage, reorderStages, setStatuses, updateCell } from '../../electron/core/edit';
import { resolve } from '../../electron/core/team/api';
import { listConflicts } from '../../electron/core/team/merge';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { createTeam, joinTeam } from '../../electron/core/team/team';
import { canonicalDump, syncFile, withProject } from '../helpers/team';
import { hubForTests } from '../helpers/team-hub';
import { tempDir } from '../helpers/temp';

const hub = hubForTests(['alice', 'bob']);

function stageLabels(file: string, frameworkId: string): string[] {
  return withProject(file, (p) => (p.db.prepare('SELECT label FROM stages WHERE framework_id = ? ORDER BY position').pluck().all(frameworkId) as string[]));
}

function positions(file: string, frameworkId: string): number[] {
  return withProject(file, (p) => p.db.prepare('SELECT position FROM stages WHERE framework_id = ? ORDER BY position').pluck().all(frameworkId) as number[]);
}

async function team(): Promise<{ a: string; b: string; frameworkId: string }> {
  const dir = tempDir();
  const a = path.join(dir, 'a.comparanda');
  const b = path.join(dir, 'b.comparanda');
  const key = path.join(dir, 'team.key');
  writeSampleProject(a);
  const owner = Project.open(a);
  const { teamId } = await createTeam(owner, key, { hubUrl: hub().url('alice') }).finally(() => owner.close());
  await joinTeam(b, teamId, key, { hubUrl: hub().url('bob') });
  const frameworkId = withProject(a, (p) => p.db.prepare('SELECT id FROM frameworks ORDER BY is_default DESC, name LIMIT 1').pluck().get() as string);
  return { a, b, frameworkId };
}

describe('structure edited on two laptops', () => {
  it('two stages inserted at the same place offline are both kept, in the same order on both laptops', async () => {
    const { a, b, frameworkId } = await team();
    const before = stageLabels(a, frameworkId);
    withProject(a, (p) => addStage(p, { frameworkId, position: 2, label: 'Translation (added on A)', description: '', asksMode: false }));
    withProject(b, (p) => addStage(p, { frameworkId, position: 2, label: 'Framing (added on B)', description: '', asksMode: false }));
    await syncFile(a);
    await syncFile(b);
    await syncFile(a);
    const onA = stageLabels(a, frameworkId);
    expect(onA).toHaveLength(before.length + 2);
    expect(onA).toContain('Translation (added on A)');
    expect(onA).toContain('Framing (added on B)');
    expect(stageLabels(b, frameworkId)).toEqual(onA);
    expect(positions(a, frameworkId)).toEqual(onA.map((_, i) => i + 1));
    expect(canonicalDump(b)).toBe(canonicalDump(a));
    // Both new stages sit where their authors put them: between the first stage and the old second one.
    expect(onA[0]).toBe(before[0]);
    expect(onA.slice(3)).toEqual(before.slice(1));
  }, 120_000);

  it('a reorder on one laptop and an insertion on the other converge, and later syncs keep working', async () => {
    const { a, b, frameworkId } = await team();
    const ids = withProject(a, (p) => p.db.prepare('SELECT id FROM stages WHERE framework_id = ? ORDER BY position').pluck().all(frameworkId) as string[]);
    withProject(a, (p) => reorderStages(p, { frameworkId, ids: [...ids].reverse() }));
    withProject(b, (p) => addStage(p, { frameworkId, label: 'Aftermath (added on B)', description: '', asksMode: false }));
    await syncFile(b);
    await syncFile(a);
    await syncFile(b);
    expect(stageLabels(b, frameworkId)).toEqual(stageLabels(a, frameworkId));
    expect(stageLabels(a, frameworkId)).toContain('Aftermath (added on B)');
    expect(canonicalDump(b)).toBe(canonicalDump(a));

    // Status levels have one place each too.
    const statuses = withProject(a, (p) => p.db.prepare('SELECT key, label, palette FROM status_levels WHERE framework_id = ? ORDER BY position').all(frameworkId) as { key: string; label: string; palette: number }[]);
    withProject(a, (p) => setStatuses(p, { id: frameworkId, statuses: [...statuses].reverse() }));
    withProject(b, (p) => setStatuses(p, { id: frameworkId, statuses: [...statuses, { label: 'Disputed (added on B)', palette: statuses[0]!.palette }] }));
    await syncFile(a);
    await syncFile(b);
    await syncFile(a);
    expect(canonicalDump(b)).toBe(canonicalDump(a));
    const levels = withProject(a, (p) => p.db.prepare('SELECT position FROM status_levels WHERE framework_id = ? ORDER BY position').pluck().all(frameworkId) as number[]);
    expect(levels).toEqual(levels.map((_, i) => i + 1));
  }, 120_000);

  for (const keep of ['parked', 'live'] as const) {
    it(`a cell filled on two laptops is settled from the conflicts list, keeping the ${keep === 'live' ? 'one shown' : 'other laptop’s'}`, async () => {
      const { a, b } = await team();
      const slot = withProject(a, (p) => {
        const o = p.overview();
        const cells = p.cells();
        const stages = p.db.prepare('SELECT id, framework_id FROM stages WHERE archived_at IS NULL').all() as { id: string; framework_id: string }[];
        for (const n of o.norms) for (const k of o.cases) for (const s of stages.filter((x) => x.framework_id === n.frameworkId)) {
          if (!cells.some((x) => x.caseId === k.id && x.normId === n.id && x.stageId === s.id)) return { caseId: k.id, normId: n.id, stageId: s.id };
        }
        throw new Error('the sample has no empty cell');
      });
      withProject(a, (p) => updateCell(p, { ...slot, patch: { summary: 'A fills the empty cell' } }));
      withProject(b, (p) => updateCell(p, { ...slot, patch: { summary: 'B fills the empty cell' } }));
      await syncFile(a);
      await syncFile(b);
      await syncFile(a);
      const [conflict] = withProject(b, (p) => listConflicts(p.db).filter((c) => c.field === 'duplicate'));
      expect(conflict).toBeDefined();
      const shown = conflict!.shown.value;
      const parked = conflict!.kept[0]!.value;
      // Only "live" or "parked" say which: anything else is refused with a sentence and changes nothing.
      expect(() => withProject(b, (p) => resolve(p, { table: 'cells', rowKey: { id: String(conflict!.rowKey.id) }, field: 'duplicate', value: 'A' }))).toThrow(/say which to keep/);
      withProject(b, (p) => resolve(p, { table: 'cells', rowKey: { id: String(conflict!.rowKey.id) }, field: 'duplicate', value: keep }));
      await syncFile(b);
      await syncFile(a);
      for (const f of [a, b]) {
        expect(withProject(f, (p) => listConflicts(p.db))).toEqual([]);
        const live = withProject(f, (p) => p.cells().filter((x) => x.caseId === slot.caseId && x.normId === slot.normId && x.stageId === slot.stageId));
        expect(live.map((x) => x.summary)).toEqual([keep === 'live' ? shown : parked]);
      }
      expect(canonicalDump(b)).toBe(canonicalDump(a));
    }, 120_000);
  }
});
