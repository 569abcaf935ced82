/**
 * Issue 21: QCA sets defined from what the bundled study records — an indicator's mean over a period and a stage's
 * status for a norm — calibrated, with the evidence behind each score, and undone like any edit.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { saveIndicator, setIndicatorValue } from '../../electron/core/context';
import { calibratedTable, listSets, projectMembershipTable, saveSet, setScore } from '../../electron/core/qca/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

describe('QCA sets in a project', () => {
  it('calibrates an indicator\'s period mean and a stage status, keeps the evidence, and undoes', () => {
    const file = path.join(tempDir(), 'study.comparanda');
    writeSampleProject(file);
    const p = Project.open(file);
    try {
      const cases = p.db.prepare('SELECT id, name FROM cases WHERE archived_at IS NULL ORDER BY position').all() as { id: string; name: string }[];
      const indicator = saveIndicator(p, { name: 'Press freedom (test)', scale: '0-100' });
      [2019, 2020, 2021].forEach((year, k) => {
        setIndicatorValue(p, { indicatorId: indicator.id, caseId: cases[0]!.id, year, value: 20 + k * 10 });
        setIndicatorValue(p, { indicatorId: indicator.id, caseId: cases[1]!.id, year, value: 80 });
      });
      const press = saveSet(p, {
        name: 'FREE',
        definition: 'A free press',
        source: { kind: 'indicator', indicatorId: indicator.id, from: 2019, to: 2021 },
        calibration: { method: 'fuzzy', exclusion: 20, crossover: 50, inclusion: 80 },
      });
      const rows = calibratedTable(p, press.id);
      expect(rows[0]).toMatchObject({ raw: 30, evidence: { kind: 'indicator', label: 'Press freedom (test) 2019–2021, mean of 3 values' } });
      expect(rows[0]!.score!).toBeGreaterThan(0.05);
      expect(rows[0]!.score!).toBeLessThan(0.5);
      expect(rows[1]!.score).toBeCloseTo(0.95, 12);

      const cell = p.db.prepare('SELECT id, case_id, norm_id, stage_id, status FROM cells WHERE archived_at IS NULL AND case_id = ? LIMIT 1').get(cases[0]!.id) as {
        id: string;
        norm_id: string;
        stage_id: string;
        status: string;
      };
      const stage = saveSet(p, { name: 'STAGE', role: 'outcome', source: { kind: 'cell', normId: cell.norm_id, stageId: cell.stage_id, statuses: [cell.status] }, calibration: { method: 'direct' } });
      const stageRows = calibratedTable(p, stage.id);
      expect(stageRows[0]).toMatchObject({ raw: 1, score: 1, evidence: { kind: 'cell', cellId: cell.id } });

      // A score by hand needs its reason; an excerpt can be linked as the evidence of any score.
      const manual = saveSet(p, { name: 'CIVIL', source: { kind: 'manual' }, calibration: { method: 'manual', scores: {} } });
      expect(() => setScore(p, { setId: manual.id, caseId: cases[0]!.id, score: 0.7 })).toThrow(/Say why this score/);
      const excerpt = p.db.prepare('SELECT id FROM excerpts LIMIT 1').get() as { id: string };
      setScore(p, { setId: manual.id, caseId: cases[0]!.id, score: 0.7, reason: 'Mission report, p. 12', excerptId: excerpt.id });
      expect(calibratedTable(p, manual.id)[0]).toMatchObject({ score: 0.7, reason: 'Mission report, p. 12', evidence: { excerptIds: [excerpt.id] } });
      expect(() => projectMembershipTable(p, ['CIVIL'], 'STAGE')).toThrow(new RegExp(`CIVIL has no score for ${cases[1]!.name}`));

      const audited = p.db.prepare("SELECT action FROM audit_log WHERE table_name IN ('qca_sets', 'qca_scores') ORDER BY id").all() as { action: string }[];
      expect(audited.map((a) => a.action)).toEqual(['Add QCA set FREE', 'Add QCA set STAGE', 'Add QCA set CIVIL', 'Score CIVIL']);
      p.history.undo();
      p.history.undo();
      expect(listSets(p).map((s) => s.name)).toEqual(['FREE', 'STAGE']);
    } finally {
      p.close();
    }
  });
});
