/**
 * A project's QCA sets: a condition or outcome takes its raw value per case from what the project records (a case
 * attribute, an indicator in a year or a period's mean, a stage's status for a norm, the claims about the case) or
 * from scores set by hand, and is calibrated into memberships. Every change is one undoable edit and enters the audit
 * trail; each score carries the evidence behind it (the indicator value and its source, the cell and its excerpts, the
 * claims, or the excerpt linked to the score).
 */
import crypto from 'node:crypto';
import { localError } from '../../contract/i18n/format';
import { stmt } from '../db/statements';
import { requireRow, upsertRow } from '../record';
import type { Project } from '../project';
import { calibrateValue, type Calibration } from './calibrate';
import type { MembershipTable } from './data';

export type SetSource =
  | { kind: 'attribute'; attributeId: string }
  | { kind: 'indicator'; indicatorId: string; year?: number; from?: number; to?: number }
  | { kind: 'cell'; normId: string; stageId: string; statuses: string[] }
  | { kind: 'claims'; normId?: string; assessments?: string[] }
  | { kind: 'manual' };

export interface QcaSet {
  id: string;
  name: string;
  role: 'condition' | 'outcome';
  definition: string;
  memo: string;
  source: SetSource;
  calibration: Calibration;
  position: number;
}

export interface Evidence {
  /** What the raw value was read from, in words ("Freedom House 2019–2021, mean of 3 values"). */
  label: string;
  kind: 'attribute' | 'indicator' | 'cell' | 'claims' | 'manual';
  /** The records behind it: cell, claim, or indicator ids (with the year), and any excerpt linked to the score. */
  cellId?: string;
  claimIds?: string[];
  excerptIds?: string[];
  sourceIds?: string[];
}

export interface CalibratedRow {
  caseId: string;
  caseName: string;
  raw: number | null;
  score: number | null;
  reason?: string;
  evidence: Evidence;
}

interface SetRow {
  id: string;
  name: string;
  role: 'condition' | 'outcome';
  definition: string;
  memo: string;
  source: string;
  calibration: string;
  position: number;
}

const toSet = (r: SetRow): QcaSet => ({ ...r, source: JSON.parse(r.source) as SetSource, calibration: JSON.parse(r.calibration) as Calibration });

export function listSets(p: Project): QcaSet[] {
  return (stmt(p.db, 'SELECT id, name, role, definition, memo, source, calibration, position FROM qca_sets ORDER BY position').all() as SetRow[]).map(toSet);
}

function requireSet(p: Project, id: string): QcaSet {
  const set = listSets(p).find((s) => s.id === id);
  if (!set) throw localError('NOT_FOUND', 'errorsQca.setGone');
  return set;
}

function checkSource(p: Project, source: SetSource): void {
  switch (source.kind) {
    case 'attribute': {
      const attribute = stmt(p.db, 'SELECT type, name FROM case_attributes WHERE id = ?').get(source.attributeId) as { type: string; name: string } | undefined;
      if (!attribute) throw localError('NOT_FOUND', 'errorsQca.attributeGone');
      if (attribute.type !== 'number' && attribute.type !== 'boolean') {
        throw localError('VALIDATION_FAILED', 'errorsQca.attributeNotNumeric', { attribute: attribute.name, type: attribute.type });
      }
      return;
    }
    case 'indicator':
      requireRow(p.db, 'indicators', source.indicatorId, 'indicator');
      if (source.from !== undefined && source.to !== undefined && source.from > source.to) throw localError('VALIDATION_FAILED', 'errorsQca.periodStartsAfterEnd');
      return;
    case 'cell':
      requireRow(p.db, 'norms', source.normId, 'norm');
      requireRow(p.db, 'stages', source.stageId, 'stage');
      if (source.statuses.length === 0) throw localError('VALIDATION_FAILED', 'errorsQca.chooseMembershipStatus');
      return;
    case 'claims':
      if (source.normId) requireRow(p.db, 'norms', source.normId, 'norm');
      return;
    case 'manual':
      return;
  }
}

export interface SaveSetInput {
  id?: string;
  name: string;
  role?: 'condition' | 'outcome';
  definition?: string;
  memo?: string;
  source: SetSource;
  calibration: Calibration;
}

export function saveSet(p: Project, input: SaveSetInput): QcaSet {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(input.name)) {
    throw localError('VALIDATION_FAILED', 'errorsQca.badSetName', { name: input.name, examples: 'DEV, FREE_PRESS' });
  }
  const all = listSets(p);
  const current = input.id ? all.find((s) => s.id === input.id) : undefined;
  if (input.id && !current) throw localError('NOT_FOUND', 'errorsQca.setGone');
  const clash = all.find((s) => s.name.toLowerCase() === input.name.toLowerCase() && s.id !== input.id);
  if (clash) throw localError('CONFLICT', 'errorsQca.setExists', { name: clash.name });
  checkSource(p, input.source);
  if (input.calibration.method === 'manual' && input.source.kind !== 'manual') throw localError('VALIDATION_FAILED', 'errorsQca.manualNeedsByHand');
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} QCA set ${input.name}`, (track) =>
    upsertRow(p.db, track, 'qca_sets', id, {
      name: input.name,
      role: input.role ?? current?.role ?? 'condition',
      definition: input.definition ?? current?.definition ?? '',
      memo: input.memo ?? current?.memo ?? '',
      source: JSON.stringify(input.source),
      calibration: JSON.stringify(input.calibration),
      position: current?.position ?? all.reduce((m, s) => Math.max(m, s.position + 1), 0),
    }),
  );
  return requireSet(p, id);
}

export function removeSet(p: Project, id: string): void {
  const set = requireSet(p, id);
  p.history.edit(`Remove QCA set ${set.name}`, (track) => {
    for (const r of stmt(p.db, 'SELECT case_id FROM qca_scores WHERE set_id = ?').all(id) as { case_id: string }[]) track('qca_scores', { set_id: id, case_id: r.case_id });
    track('qca_sets', { id });
    stmt(p.db, 'DELETE FROM qca_sets WHERE id = ?').run(id);
  });
}

/** A score by hand needs its reason; an excerpt may be linked as the evidence of any score. `score: null` keeps only the link. */
export function setScore(p: Project, input: { setId: string; caseId: string; score: number | null; reason?: string; excerptId?: string | null }): void {
  const set = requireSet(p, input.setId);
  requireRow(p.db, 'cases', input.caseId, 'case');
  if (input.excerptId) requireRow(p.db, 'excerpts', input.excerptId, 'excerpt');
  const reason = (input.reason ?? '').trim();
  if (input.score !== null) {
    if (!(input.score >= 0 && input.score <= 1)) throw localError('VALIDATION_FAILED', 'errorsQca.scoreRange');
    if (!reason) throw localError('VALIDATION_FAILED', 'errorsQca.scoreNeedsReason');
  }
  const key = { set_id: set.id, case_id: input.caseId };
  p.history.edit(`Score ${set.name}`, (track) => {
    track('qca_scores', key);
    if (input.score === null && !input.excerptId) {
      stmt(p.db, 'DELETE FROM qca_scores WHERE set_id = @set_id AND case_id = @case_id').run(key);
      return;
    }
    stmt(
      p.db,
      `INSERT INTO qca_scores (set_id, case_id, score, reason, excerpt_id) VALUES (@set_id, @case_id, @score, @reason, @excerpt_id)
       ON CONFLICT (set_id, case_id) DO UPDATE SET score = excluded.score, reason = excluded.reason, excerpt_id = excluded.excerpt_id`,
    ).run({ ...key, score: input.score, reason, excerpt_id: input.excerptId ?? null });
  });
}

interface CaseRow {
  id: string;
  name: string;
}

function activeCases(p: Project): CaseRow[] {
  return stmt(p.db, 'SELECT id, name FROM cases WHERE archived_at IS NULL ORDER BY position').all() as CaseRow[];
}

function rawValues(p: Project, set: QcaSet, cases: CaseRow[]): Map<string, { raw: number | null; evidence: Evidence }> {
  const out = new Map<string, { raw: number | null; evidence: Evidence }>();
  const source = set.source;
  for (const c of cases) {
    switch (source.kind) {
      case 'attribute': {
        const row = stmt(p.db, 'SELECT v.value, a.type, a.name FROM case_attributes a LEFT JOIN case_attribute_values v ON v.attribute_id = a.id AND v.case_id = ? WHERE a.id = ?').get(c.id, source.attributeId) as
          | { value: string | null; type: string; name: string }
          | undefined;
        const value = row?.value ?? null;
        const raw = value === null ? null : row?.type === 'boolean' ? (value === 'true' ? 1 : 0) : Number(value);
        out.set(c.id, { raw: raw !== null && Number.isFinite(raw) ? raw : null, evidence: { kind: 'attribute', label: `case attribute "${row?.name ?? ''}"` } });
        break;
      }
      case 'indicator': {
        const rows = stmt(p.db, 'SELECT year, value, source_id FROM indicator_values WHERE indicator_id = ? AND case_id = ? AND value IS NOT NULL ORDER BY year').all(source.indicatorId, c.id) as {
          year: number;
          value: number;
          source_id: string | null;
        }[];
        const name = (stmt(p.db, 'SELECT name FROM indicators WHERE id = ?').get(source.indicatorId) as { name: string } | undefined)?.name ?? 'indicator';
        const chosen =
          source.year !== undefined
            ? rows.filter((r) => r.year === source.year)
            : source.from !== undefined || source.to !== undefined
              ? rows.filter((r) => r.year >= (source.from ?? -Infinity) && r.year <= (source.to ?? Infinity))
              : rows.slice(-1);
        const raw = chosen.length ? chosen.reduce((a, r) => a + r.value, 0) / chosen.length : null;
        const years = chosen.map((r) => r.year);
        const label = !chosen.length ? `${name}: no value` : chosen.length === 1 ? `${name} ${years[0]}` : `${name} ${years[0]}–${years.at(-1)}, mean of ${chosen.length} values`;
        out.set(c.id, { raw, evidence: { kind: 'indicator', label, sourceIds: [...new Set(chosen.flatMap((r) => (r.source_id ? [r.source_id] : [])))] } });
        break;
      }
      case 'cell': {
        const cell = stmt(p.db, 'SELECT id, status FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL').get(c.id, source.normId, source.stageId) as
          | { id: string; status: string }
          | undefined;
        const excerpts = cell ? (stmt(p.db, 'SELECT excerpt_id FROM excerpt_cells WHERE cell_id = ?').all(cell.id) as { excerpt_id: string }[]).map((r) => r.excerpt_id) : [];
        out.set(c.id, {
          raw: cell ? (source.statuses.includes(cell.status) ? 1 : 0) : null,
          evidence: { kind: 'cell', label: cell ? `stage status "${cell.status}"` : 'no assessment of this stage', cellId: cell?.id, excerptIds: excerpts },
        });
        break;
      }
      case 'claims': {
        const claims = (stmt(p.db, 'SELECT id, norm_id, assessment FROM claims WHERE focal_case_id = ?').all(c.id) as { id: string; norm_id: string | null; assessment: string }[]).filter(
          (r) => (!source.normId || r.norm_id === source.normId) && (!source.assessments?.length || source.assessments.includes(r.assessment)),
        );
        out.set(c.id, { raw: claims.length, evidence: { kind: 'claims', label: `${claims.length} claim${claims.length === 1 ? '' : 's'}`, claimIds: claims.map((r) => r.id) } });
        break;
      }
      case 'manual':
        out.set(c.id, { raw: null, evidence: { kind: 'manual', label: 'set by hand' } });
    }
  }
  return out;
}

/** Raw value → membership per case, with the evidence one click away (the renderer opens the records by id). */
export function calibratedTable(p: Project, setId: string): CalibratedRow[] {
  const set = requireSet(p, setId);
  const cases = activeCases(p);
  const raws = rawValues(p, set, cases);
  const scores = new Map(
    (stmt(p.db, 'SELECT case_id, score, reason, excerpt_id FROM qca_scores WHERE set_id = ?').all(set.id) as { case_id: string; score: number | null; reason: string; excerpt_id: string | null }[]).map((r) => [r.case_id, r]),
  );
  const manual: Calibration =
    set.calibration.method === 'manual'
      ? { method: 'manual', scores: Object.fromEntries([...scores].flatMap(([caseId, s]) => (s.score === null ? [] : [[caseId, { score: s.score, reason: s.reason }]]))) }
      : set.calibration;
  return cases.map((c) => {
    const { raw, evidence } = raws.get(c.id)!;
    const stored = scores.get(c.id);
    const value = calibrateValue(manual, c.id, raw);
    const excerptIds = [...(evidence.excerptIds ?? []), ...(stored?.excerpt_id ? [stored.excerpt_id] : [])];
    return { caseId: c.id, caseName: c.name, raw, score: value.score, ...(value.reason ? { reason: value.reason } : {}), evidence: { ...evidence, excerptIds } };
  });
}

/**
 * The membership table of the named conditions (or every set whose role is "condition") and the outcome, for the
 * analysis. A case without a score in one of them stops the analysis with its name: QCA has no missing values, and
 * dropping a case silently would change the result.
 */
export function projectMembershipTable(p: Project, conditions: string[] | undefined, outcome: string): MembershipTable {
  const sets = listSets(p);
  const names = [...(conditions ?? sets.filter((s) => s.role === 'condition' && s.name !== outcome).map((s) => s.name)), outcome];
  const wanted = names.map((n) => {
    const set = sets.find((s) => s.name === n);
    if (!set) throw localError('NOT_FOUND', 'errorsQca.noSetCalled', { name: n, any: sets.length ? 'yes' : 'no', sets: sets.map((s) => s.name).join(', ') });
    return set;
  });
  const cases = activeCases(p);
  const columns: Record<string, number[]> = {};
  for (const set of wanted) {
    const rows = calibratedTable(p, set.id);
    const missing = rows.filter((r) => r.score === null).map((r) => r.caseName);
    if (missing.length) throw localError('VALIDATION_FAILED', 'errorsQca.setMissingScores', { set: set.name, cases: missing.join(', ') });
    columns[set.name] = rows.map((r) => r.score!);
  }
  return { cases: cases.map((c) => c.name), columns };
}
