import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as edit from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';

function sample() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  const o = p.overview();
  const f = o.frameworks[0]!;
  const [kaz, blr] = o.cases;
  const [obs, ffv] = o.norms;
  const [s1, s2, s3, s4] = f.stages;
  return { p, file, f, kaz: kaz!, blr: blr!, obs: obs!, ffv: ffv!, s1: s1!, s2: s2!, s3: s3!, s4: s4! };
}


describe('cells', () => {
  it('creates a cell on first edit, updates it after, and validates status and period', () => {
    const { p, blr, obs, s3: s1 } = sample(); // Belarus has no cell at observation x reconstitution yet
    const created = edit.updateCell(p, { caseId: blr.id, normId: obs.id, stageId: s1.id, patch: { status: 'reached', periodFrom: 1992 } });
    expect(created).toMatchObject({ status: 'reached', periodFrom: 1992, periodTo: null, summary: '' });
    const updated = edit.updateCell(p, { caseId: blr.id, normId: obs.id, stageId: s1.id, patch: { summary: 'Belarus joined the CSCE in 1992.', periodTo: 1992 } });
    expect(updated.id).toBe(created.id);
    expect(updated).toMatchObject({ status: 'reached', periodFrom: 1992, periodTo: 1992, summary: 'Belarus joined the CSCE in 1992.' });
    expect(errorOf(() => edit.updateCell(p, { caseId: blr.id, normId: obs.id, stageId: s1.id, patch: { status: 'triumphant' } })).code).toBe('VALIDATION_FAILED');
    expect(errorOf(() => edit.updateCell(p, { caseId: blr.id, normId: obs.id, stageId: s1.id, patch: { periodFrom: 2000 } })).message).toMatch(/end before it starts/);
    expect(errorOf(() => edit.updateCell(p, { caseId: 'gone', normId: obs.id, stageId: s1.id, patch: {} })).code).toBe('NOT_FOUND');
    p.close();
  });

  it('undoes and redoes every edit, and merges typing in one field into one step', () => {
    const { p, kaz, obs, s3 } = sample();
    const before = p.cells(obs.id).find((c) => c.caseId === kaz.id && c.stageId === s3.id)!;
    for (const summary of ['D', 'Di', 'Dis', 'Discourse']) edit.updateCell(p, { caseId: kaz.id, normId: obs.id, stageId: s3.id, patch: { summary } });
    edit.updateCell(p, { caseId: kaz.id, normId: obs.id, stageId: s3.id, patch: { status: 'partial' } });
    expect(p.history.state()).toMatchObject({ canUndo: true, undoLabel: 'Edit Kazakhstan · Reconstitution' });

    p.history.undo(); // the status change
    expect(p.cells(obs.id).find((c) => c.id === before.id)).toMatchObject({ status: 'reached', summary: 'Discourse' });
    p.history.undo(); // all the typing at once
    expect(p.cells(obs.id).find((c) => c.id === before.id)).toMatchObject({ status: 'reached', summary: before.summary });
    expect(p.history.state().canUndo).toBe(false);
    p.history.redo();
    p.history.redo();
    expect(p.cells(obs.id).find((c) => c.id === before.id)).toMatchObject({ status: 'partial', summary: 'Discourse' });
    expect(errorOf(() => p.history.redo()).code).toBe('CONFLICT');
    p.close();
  });

  it('undoing the creation of a cell removes it again', () => {
    const { p, blr, ffv, s2 } = sample();
    edit.updateCell(p, { caseId: blr.id, normId: ffv.id, stageId: s2.id, patch: { status: 'partial' } });
    expect(p.cells(ffv.id)).toHaveLength(8);
    p.history.undo();
    expect(p.cells(ffv.id)).toHaveLength(7);
    p.close();
  });
});

describe('cases', () => {
  it('adds, reorders and archives cases, keeping one focal case', () => {
    const { p, kaz, blr } = sample();
    const rus = edit.createCase(p, { name: 'Russia', isoCode: 'RUS' });
    expect(rus).toMatchObject({ role: 'comparison', position: 3, archived: false });
    edit.reorderCases(p, { ids: [rus.id, blr.id] });
    expect(p.overview().cases.map((c) => c.name)).toEqual(['Kazakhstan', 'Russia', 'Belarus']); // focal stays first
    edit.updateCase(p, { id: blr.id, role: 'focal' });
    expect(p.overview().cases.filter((c) => c.role === 'focal').map((c) => c.id)).toEqual([blr.id]);
    p.history.undo();
    expect(p.overview().cases.find((c) => c.id === kaz.id)?.role).toBe('focal');
    edit.archiveCase(p, { id: rus.id, archived: true });
    expect(p.overview().cases.at(-1)).toMatchObject({ name: 'Russia', archived: true });
    expect(p.counts().cases).toBe(2);
    p.close();
  });

  it('stores typed attributes and refuses values of the wrong type', () => {
    const { p, kaz } = sample();
    const since = edit.createAttribute(p, { name: 'OSCE participating State since', type: 'date' });
    const sco = edit.createAttribute(p, { name: 'SCO status', type: 'choice', choices: ['member', 'observer', 'dialogue partner', 'none'] });
    const seats = edit.createAttribute(p, { name: 'Parliament seats', type: 'number' });
    const chair = edit.createAttribute(p, { name: 'OSCE chair held', type: 'boolean' });
    edit.setCaseAttribute(p, { caseId: kaz.id, attributeId: since.id, value: '1992-01-30' });
    edit.setCaseAttribute(p, { caseId: kaz.id, attributeId: sco.id, value: 'member' });
    edit.setCaseAttribute(p, { caseId: kaz.id, attributeId: seats.id, value: 107 });
    const withChair = edit.setCaseAttribute(p, { caseId: kaz.id, attributeId: chair.id, value: true });
    expect(withChair.attributes).toEqual({ [since.id]: '1992-01-30', [sco.id]: 'member', [seats.id]: 107, [chair.id]: true });
    expect(errorOf(() => edit.setCaseAttribute(p, { caseId: kaz.id, attributeId: since.id, value: '1992-02-30' })).message).toMatch(/real calendar date/);
    expect(errorOf(() => edit.setCaseAttribute(p, { caseId: kaz.id, attributeId: sco.id, value: 'ally' })).message).toMatch(/one of: member/);
    expect(errorOf(() => edit.setCaseAttribute(p, { caseId: kaz.id, attributeId: seats.id, value: 'many' })).message).toMatch(/a number/);
    expect(errorOf(() => edit.updateAttribute(p, { id: sco.id, choices: ['observer'] })).code).toBe('CONFLICT');
    expect(errorOf(() => edit.createAttribute(p, { name: 'sco STATUS', type: 'text' })).code).toBe('CONFLICT');
    edit.removeAttribute(p, { id: sco.id });
    expect(Object.keys(p.overview().cases[0]!.attributes)).not.toContain(sco.id);
    p.history.undo();
    expect(p.overview().cases[0]!.attributes[sco.id]).toBe('member');
    p.close();
  });
});

describe('structural changes never drop cell content silently', () => {
  it('refuses to remove a stage holding cells until the researcher chooses', () => {
    const { p, s3 } = sample();
    expect(edit.stageRemovalImpact(p, { id: s3.id }).map((c) => c.caseName)).toEqual(['Kazakhstan', 'Kazakhstan', 'Belarus']);
    const refused = errorOf(() => edit.removeStage(p, { id: s3.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/holds 3 filled cells/);
    expect(p.counts()).toMatchObject({ stages: 4, cells: 14 });
    p.close();
  });

  it('lists archived cells and puts one back where the framework has room for it', () => {
    const { p, f, s3, s4 } = sample();
    edit.removeStage(p, { id: s3.id, orphans: { action: 'archive' } });
    const archived = edit.listArchivedCells(p, {});
    expect(archived.map((c) => c.stageLabel)).toEqual(['Reconstitution', 'Reconstitution', 'Reconstitution']);
    expect(() => edit.restoreArchivedCell(p, { id: archived[0]!.cellId })).toThrow(/Choose a stage/);
    expect(() => edit.restoreArchivedCell(p, { id: archived[0]!.cellId, stageId: s4.id })).toThrow(/already holds a cell/);
    const added = edit.addStage(p, { frameworkId: f.id, label: 'Reconstitution (new)', position: 3 });
    const restored = edit.restoreArchivedCell(p, { id: archived[0]!.cellId, stageId: added.stages[2]!.id });
    expect(restored.stageId).toBe(added.stages[2]!.id);
    expect(edit.listArchivedCells(p, {})).toHaveLength(2);
    p.close();
  });

  it('does not record a patch that changes nothing', () => {
    const { p, kaz, obs, s1 } = sample();
    const cell = p.cells(obs.id).find((c) => c.caseId === kaz.id && c.stageId === s1.id)!;
    const same = edit.updateCell(p, { caseId: kaz.id, normId: obs.id, stageId: s1.id, patch: { status: cell.status, summary: cell.summary } });
    expect(same.updatedAt).toBe(cell.updatedAt);
    expect(p.history.state().canUndo).toBe(false);
    p.close();
  });

  it('archives the cells with their stage, and undo brings both back', () => {
    const { p, f, s3 } = sample();
    const framework = edit.removeStage(p, { id: s3.id, orphans: { action: 'archive' } });
    expect(framework.stages.map((s) => [s.label, s.position])).toEqual([
      ['Diffusion', 1],
      ['Acceptance', 2],
      ['Moment of contestation', 3],
    ]);
    expect(p.counts()).toMatchObject({ stages: 3, cells: 11 });
    const archived = p.db.prepare('SELECT count(*) AS n FROM cells WHERE archived_at IS NOT NULL').get() as { n: number };
    expect(archived.n).toBe(3);
    p.history.undo();
    expect(p.overview().frameworks.find((x) => x.id === f.id)!.stages.map((s) => s.label)).toEqual(['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation']);
    expect(p.counts()).toMatchObject({ stages: 4, cells: 14 });
    p.close();
  });

  it('moves cells to another stage, refusing when that would overwrite a filled cell', () => {
    const { p, s3, s4, s2 } = sample();
    expect(errorOf(() => edit.removeStage(p, { id: s3.id, orphans: { action: 'move', toStageId: s4.id } })).message).toMatch(/already has a filled cell for Kazakhstan/);
    edit.updateCell(p, { caseId: p.overview().cases[1]!.id, normId: p.overview().norms[0]!.id, stageId: s3.id, patch: { status: 'unclear' } });
    const belarusStage3 = p.cells().filter((c) => c.stageId === s3.id && c.status === 'unclear');
    expect(belarusStage3).toHaveLength(1);
    edit.removeStage(p, { id: s3.id, orphans: { action: 'delete' } });
    expect(p.counts().cells).toBe(11);
    p.history.undo();
    expect(p.counts().cells).toBe(15);
    expect(s2.id).toBeTruthy();
    p.close();
  });

  it('moves a norm to another framework only with a choice for its cells', () => {
    const { p, obs, s1, s2, s3, s4 } = sample();
    const spiral = edit.createFramework(p, { templateId: 'spiral-model' });
    expect(spiral.stages.map((s) => s.label)).toEqual(['Repression', 'Denial', 'Tactical concessions', 'Prescriptive status', 'Rule-consistent behaviour']);
    expect(edit.normFrameworkImpact(p, { id: obs.id, frameworkId: spiral.id })).toHaveLength(7);
    expect(errorOf(() => edit.setNormFramework(p, { id: obs.id, frameworkId: spiral.id })).code).toBe('CONFLICT');
    const [r, d, t, ps] = spiral.stages;
    expect(errorOf(() => edit.setNormFramework(p, { id: obs.id, frameworkId: spiral.id, orphans: { action: 'move', stageMap: { [s1.id]: r!.id } } })).code).toBe('VALIDATION_FAILED');
    expect(
      errorOf(() =>
        edit.setNormFramework(p, { id: obs.id, frameworkId: spiral.id, orphans: { action: 'move', stageMap: { [s1.id]: r!.id, [s2.id]: r!.id, [s3.id]: t!.id, [s4.id]: ps!.id } } }),
      ).message,
    ).toMatch(/same stage/);
    const moved = edit.setNormFramework(p, {
      id: obs.id,
      frameworkId: spiral.id,
      orphans: { action: 'move', stageMap: { [s1.id]: r!.id, [s2.id]: d!.id, [s3.id]: t!.id, [s4.id]: ps!.id } },
    });
    expect(moved.frameworkId).toBe(spiral.id);
    expect(new Set(p.cells(obs.id).map((c) => c.stageId))).toEqual(new Set([r!.id, d!.id, t!.id, ps!.id]));
    p.history.undo();
    expect(p.overview().norms[0]!.frameworkId).not.toBe(spiral.id);
    expect(new Set(p.cells(obs.id).map((c) => c.stageId))).toEqual(new Set([s1.id, s2.id, s3.id, s4.id]));
    p.close();
  });

  it('refuses to drop a status that cells still use, and adds new ones', () => {
    const { p, f } = sample();
    const keep = f.statuses.filter((s) => s.key !== 'contested');
    expect(errorOf(() => edit.setStatuses(p, { id: f.id, statuses: keep })).message).toMatch(/4 cells are still “Contested”/);
    const next = edit.setStatuses(p, { id: f.id, statuses: [...f.statuses, { label: 'Reversed', palette: 6 }] });
    expect(next.statuses.at(-1)).toMatchObject({ key: 'reversed', label: 'Reversed', position: 7 });
    const reordered = edit.setStatuses(p, { id: f.id, statuses: [...next.statuses].reverse() });
    expect(reordered.statuses[0]?.key).toBe('reversed');
    p.history.undo();
    p.history.undo();
    expect(p.overview().frameworks[0]!.statuses.map((s) => s.key)).toEqual(f.statuses.map((s) => s.key));
    p.close();
  });

  it('adds, renames and reorders stages; the framework stays numbered 1..n', () => {
    const { p, f, s1, s2, s3, s4 } = sample();
    const added = edit.addStage(p, { frameworkId: f.id, label: 'Norm regression', position: 2 });
    expect(added.stages.map((s) => s.label)).toEqual(['Diffusion', 'Norm regression', 'Acceptance', 'Reconstitution', 'Moment of contestation']);
    const reordered = edit.reorderStages(p, { frameworkId: f.id, ids: [s4.id, s3.id, s2.id, s1.id, added.stages[1]!.id] });
    expect(reordered.stages.map((s) => s.position)).toEqual([1, 2, 3, 4, 5]);
    expect(reordered.stages[0]!.label).toBe('Moment of contestation');
    expect(errorOf(() => edit.reorderStages(p, { frameworkId: f.id, ids: [s1.id] })).code).toBe('VALIDATION_FAILED');
    p.history.undo();
    p.history.undo();
    expect(p.overview().frameworks[0]!.stages.map((s) => s.label)).toEqual(['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation']);
    p.close();
  });
});

describe('saved views', () => {
  it('stores a named selection and refuses duplicate names', () => {
    const { p, kaz, blr, obs } = sample();
    const view = edit.saveView(p, { name: 'Article table 1', normIds: [obs.id], caseIds: [kaz.id, blr.id], orientation: 'cases-as-columns', differences: true });
    expect(p.overview().views).toEqual([view]);
    expect(p.counts().views).toBe(1);
    expect(errorOf(() => edit.saveView(p, { name: 'article TABLE 1', normIds: [], caseIds: [], orientation: 'stages-as-columns', differences: false })).code).toBe('CONFLICT');
    const renamed = edit.saveView(p, { ...view, name: 'Table 1 (transposed)', orientation: 'stages-as-columns' });
    expect(renamed.id).toBe(view.id);
    edit.removeView(p, { id: view.id });
    expect(p.overview().views).toEqual([]);
    p.close();
  });
});
