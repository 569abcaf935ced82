/**
 * Every change a researcher makes to the matrix and its structure. Each function is one transaction and one
 * undoable step (see history.ts): it declares the rows it touches with `track` before changing them.
 * Structural changes never drop cell content silently: when cells would be orphaned they refuse with CONFLICT
 * until the caller says what to do with them (move, archive or delete).
 */
import crypto from 'node:crypto';
import type {
  ApiInput,
  ApiOutput,
  AttributeDto,
  AttributeValue,
  CaseDto,
  CellDto,
  FrameworkDto,
  NormDto,
  OrphanCellDto,
  ViewDto,
} from '../contract/api';
import { isCalendarDate } from '../contract/dates';
import { localError } from '../contract/i18n/format';
import type { Method } from '../contract/methods';
import { nowIso, stmt } from './db/statements';
import { notFound } from './not-found';
import type { Track } from './history';
import type { Project } from './project';
import { getCase, insertCase, listAttributes, listCases } from './repos/cases';
import { findLiveCell, getCell, insertCell } from './repos/cells';
import { DEFAULT_STATUSES, defaultFrameworkId, getFramework, insertFramework } from './repos/frameworks';
import { getNorm, insertNorm, listNorms } from './repos/norms';
import { listViews, NO_ARRANGEMENT } from './repos/views';
import { FRAMEWORK_TEMPLATES } from './templates';
import { localiseFramework } from './project-language';

type In<M extends Method> = ApiInput<M>;
type Out<M extends Method> = ApiOutput<M>;

function requireCase(p: Project, id: string): CaseDto {
  const found = getCase(p.db, id);
  if (!found) throw notFound('case');
  return found;
}

function requireNorm(p: Project, id: string): NormDto {
  const found = getNorm(p.db, id);
  if (!found) throw notFound('norm');
  return found;
}

function requireFramework(p: Project, id: string): FrameworkDto {
  const found = getFramework(p.db, id);
  if (!found) throw notFound('framework');
  return found;
}

interface StageRow {
  id: string;
  framework_id: string;
  label: string;
  position: number;
  archived_at: string | null;
}

function requireStage(p: Project, id: string): StageRow {
  const row = stmt(p.db, 'SELECT id, framework_id, label, position, archived_at FROM stages WHERE id = ?').get(id) as StageRow | undefined;
  if (!row || row.archived_at) throw notFound('stage');
  return row;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'status'
  );
}

/** Lists cells as the orphan dialog shows them. */
function describeCells(p: Project, where: string, params: unknown[]): OrphanCellDto[] {
  return (
    p.db
      .prepare(
        `SELECT c.id AS cellId, cs.name AS caseName, n.label AS normLabel, s.id AS stageId, s.label AS stageLabel, c.status, c.summary
         FROM cells c JOIN cases cs ON cs.id = c.case_id JOIN norms n ON n.id = c.norm_id JOIN stages s ON s.id = c.stage_id
         WHERE c.archived_at IS NULL AND ${where}
         ORDER BY n.position, s.position, cs.position`,
      )
      .all(...params) as OrphanCellDto[]
  ).map((c) => ({ ...c, summary: c.summary.length > 200 ? `${c.summary.slice(0, 199)}…` : c.summary }));
}

/** Gives the live stages of a framework the positions 1..n in the given order (two passes: positions are unique). */
function renumberStages(p: Project, track: Track, frameworkId: string, orderedIds: string[]): void {
  for (const id of orderedIds) track('stages', { id });
  const park = stmt(p.db, 'UPDATE stages SET position = -1000000 - rowid WHERE id = ?');
  for (const id of orderedIds) park.run(id);
  const place = stmt(p.db, 'UPDATE stages SET position = ? WHERE id = ? AND framework_id = ?');
  orderedIds.forEach((id, index) => place.run(index + 1, id, frameworkId));
}

function liveStageIds(p: Project, frameworkId: string): string[] {
  return (stmt(p.db, 'SELECT id FROM stages WHERE framework_id = ? AND archived_at IS NULL ORDER BY position').all(frameworkId) as { id: string }[]).map(
    (r) => r.id,
  );
}

function archiveCell(p: Project, track: Track, cellId: string, now: string): void {
  track('cells', { id: cellId });
  stmt(p.db, 'UPDATE cells SET archived_at = ?, updated_at = ? WHERE id = ?').run(now, now, cellId);
}

function deleteCell(p: Project, track: Track, cellId: string): void {
  track('cells', { id: cellId });
  stmt(p.db, 'DELETE FROM cells WHERE id = ?').run(cellId);
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

export function updateCell(p: Project, input: In<'cells.update'>): Out<'cells.update'> {
  const kase = requireCase(p, input.caseId);
  const norm = requireNorm(p, input.normId);
  const stage = requireStage(p, input.stageId);
  if (stage.framework_id !== norm.frameworkId) {
    throw localError('VALIDATION_FAILED', 'errorsInput.stageNotInFramework', { stage: stage.label, norm: norm.label });
  }
  const framework = requireFramework(p, norm.frameworkId);
  const { patch } = input;
  if (patch.status !== undefined && !framework.statuses.some((s) => s.key === patch.status)) {
    throw localError('VALIDATION_FAILED', 'errorsInput.notAStatus', { status: patch.status, framework: framework.name });
  }
  const existing = findLiveCell(p.db, kase.id, norm.id, stage.id);
  // A patch that changes nothing is not an edit: no write, no undo step, no audit entry.
  if (existing && (Object.keys(patch) as (keyof typeof patch)[]).every((k) => existing[k] === patch[k])) return existing;
  const from = patch.periodFrom !== undefined ? patch.periodFrom : (existing?.periodFrom ?? null);
  const to = patch.periodTo !== undefined ? patch.periodTo : (existing?.periodTo ?? null);
  if (from !== null && to !== null && from > to) throw localError('VALIDATION_FAILED', 'errorsInput.periodBackwards');

  const fields = Object.keys(patch).sort().join(',');
  const label = `Edit ${kase.name} · ${stage.label}`;
  const coalesceKey = `cell:${kase.id}:${norm.id}:${stage.id}:${fields}`;
  const id = p.history.edit(
    label,
    (track) => {
      if (existing) {
        track('cells', { id: existing.id });
        const next: CellDto = { ...existing, ...patch, updatedAt: nowIso() } as CellDto;
        stmt(
          p.db,
          `UPDATE cells SET status = @status, mode = @mode, period_from = @periodFrom, period_to = @periodTo, summary = @summary,
             confidence = @confidence, memo = @memo, updated_at = @updatedAt WHERE id = @id`,
        ).run({
          id: existing.id,
          status: next.status,
          mode: next.mode,
          periodFrom: next.periodFrom,
          periodTo: next.periodTo,
          summary: next.summary,
          confidence: next.confidence,
          memo: next.memo,
          updatedAt: next.updatedAt,
        });
        return existing.id;
      }
      const fallback = framework.statuses.find((s) => s.key === 'no-data') ?? framework.statuses.at(-1);
      const created = insertCell(p.db, {
        caseId: kase.id,
        normId: norm.id,
        stageId: stage.id,
        status: patch.status ?? fallback?.key ?? 'no-data',
        mode: patch.mode ?? null,
        periodFrom: patch.periodFrom ?? null,
        periodTo: patch.periodTo ?? null,
        summary: patch.summary ?? '',
        confidence: patch.confidence ?? null,
        memo: patch.memo ?? '',
      });
      track('cells', { id: created }, 'inserted');
      return created;
    },
    coalesceKey,
  );
  return getCell(p.db, id)!;
}

// ---------------------------------------------------------------------------------------------------------------
// Cases and their attributes

/** One focal case: making a case focal makes the previous focal case a comparison case. */
function demoteOtherFocal(p: Project, track: Track, keepId: string, now: string): void {
  const others = stmt(p.db, "SELECT id FROM cases WHERE role = 'focal' AND id != ?").all(keepId) as { id: string }[];
  for (const { id } of others) {
    track('cases', { id });
    stmt(p.db, "UPDATE cases SET role = 'comparison', updated_at = ? WHERE id = ?").run(now, id);
  }
}

export function createCase(p: Project, input: In<'cases.create'>): Out<'cases.create'> {
  const id = p.history.edit(`Add case ${input.name}`, (track) => {
    const now = nowIso();
    const created = insertCase(p.db, { name: input.name, isoCode: input.isoCode ?? null, role: input.role ?? 'comparison', notes: input.notes });
    track('cases', { id: created }, 'inserted');
    if (input.role === 'focal') demoteOtherFocal(p, track, created, now);
    return created;
  });
  return requireCase(p, id);
}

export function updateCase(p: Project, input: In<'cases.update'>): Out<'cases.update'> {
  const kase = requireCase(p, input.id);
  p.history.edit(
    `Edit case ${kase.name}`,
    (track) => {
      const now = nowIso();
      track('cases', { id: kase.id });
      stmt(p.db, 'UPDATE cases SET name = @name, iso_code = @isoCode, role = @role, notes = @notes, updated_at = @now WHERE id = @id').run({
        id: kase.id,
        name: input.name ?? kase.name,
        isoCode: input.isoCode !== undefined ? input.isoCode : kase.isoCode,
        role: input.role ?? kase.role,
        notes: input.notes ?? kase.notes,
        now,
      });
      if (input.role === 'focal') demoteOtherFocal(p, track, kase.id, now);
    },
    `case:${kase.id}:${Object.keys(input).sort().join(',')}`,
  );
  return requireCase(p, kase.id);
}

export function reorderCases(p: Project, input: In<'cases.reorder'>): Out<'cases.reorder'> {
  const all = listCases(p.db);
  const known = new Set(all.map((c) => c.id));
  const missing = input.ids.find((id) => !known.has(id));
  if (missing) throw notFound('case');
  if (new Set(input.ids).size !== input.ids.length) throw localError('VALIDATION_FAILED', 'errorsInput.caseTwiceInOrder');
  // The given cases first, in the given order; any others keep their relative order after them.
  const order = [...input.ids, ...all.map((c) => c.id).filter((id) => !input.ids.includes(id))];
  p.history.edit('Reorder cases', (track) => {
    const place = stmt(p.db, 'UPDATE cases SET position = ? WHERE id = ?');
    order.forEach((id, index) => {
      track('cases', { id });
      place.run(index + 1, id);
    });
  });
  return listCases(p.db);
}

export function archiveCase(p: Project, input: In<'cases.archive'>): Out<'cases.archive'> {
  const kase = requireCase(p, input.id);
  p.history.edit(`${input.archived ? 'Archive' : 'Restore'} case ${kase.name}`, (track) => {
    track('cases', { id: kase.id });
    const now = nowIso();
    stmt(p.db, 'UPDATE cases SET archived_at = ?, updated_at = ? WHERE id = ?').run(input.archived ? now : null, now, kase.id);
  });
  return requireCase(p, kase.id);
}

function requireAttribute(p: Project, id: string): AttributeDto {
  const found = listAttributes(p.db).find((a) => a.id === id);
  if (!found) throw notFound('attribute');
  return found;
}

/** Validates an attribute value against its type and returns the canonical text it is stored as. */
export function encodeAttributeValue(attribute: AttributeDto, value: AttributeValue): string {
  const wrong = (expected: string) => localError('VALIDATION_FAILED', 'errorsInput.attributeTakes', { attribute: attribute.name, expected });
  switch (attribute.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('yes or no');
      return value ? 'true' : 'false';
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw wrong('a date as YYYY-MM-DD');
      if (!isCalendarDate(value)) throw wrong('a real calendar date (YYYY-MM-DD)');
      return value;
    }
    case 'choice':
      if (typeof value !== 'string' || !attribute.choices.includes(value)) throw wrong(`one of: ${attribute.choices.join(', ')}`);
      return value;
    case 'text':
      if (typeof value !== 'string') throw wrong('text');
      return value;
  }
}

export function setCaseAttribute(p: Project, input: In<'cases.setAttribute'>): Out<'cases.setAttribute'> {
  const kase = requireCase(p, input.caseId);
  const attribute = requireAttribute(p, input.attributeId);
  const encoded = input.value === null || input.value === '' ? null : encodeAttributeValue(attribute, input.value);
  p.history.edit(
    `Set ${attribute.name} of ${kase.name}`,
    (track) => {
      track('case_attribute_values', { case_id: kase.id, attribute_id: attribute.id });
      if (encoded === null) {
        stmt(p.db, 'DELETE FROM case_attribute_values WHERE case_id = ? AND attribute_id = ?').run(kase.id, attribute.id);
      } else {
        stmt(
          p.db,
          `INSERT INTO case_attribute_values (case_id, attribute_id, value) VALUES (?, ?, ?)
           ON CONFLICT (case_id, attribute_id) DO UPDATE SET value = excluded.value`,
        ).run(kase.id, attribute.id, encoded);
      }
    },
    `attr:${kase.id}:${attribute.id}`,
  );
  return requireCase(p, kase.id);
}

function assertUniqueAttributeName(p: Project, name: string, exceptId?: string): void {
  const clash = listAttributes(p.db).find((a) => a.name.toLocaleLowerCase() === name.toLocaleLowerCase() && a.id !== exceptId);
  if (clash) throw localError('CONFLICT', 'errorsInput.attributeExists', { name: clash.name });
}

export function createAttribute(p: Project, input: In<'attributes.create'>): Out<'attributes.create'> {
  assertUniqueAttributeName(p, input.name);
  const choices = input.type === 'choice' ? [...new Set(input.choices ?? [])] : [];
  if (input.type === 'choice' && choices.length === 0) throw localError('VALIDATION_FAILED', 'errorsInput.choiceNeedsChoices');
  const id = crypto.randomUUID();
  p.history.edit(`Add attribute ${input.name}`, (track) => {
    const now = nowIso();
    const next = stmt(p.db, 'SELECT coalesce(max(position), 0) + 1 AS position FROM case_attributes').get() as { position: number };
    stmt(p.db, 'INSERT INTO case_attributes (id, name, type, choices, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      input.name,
      input.type,
      JSON.stringify(choices),
      next.position,
      now,
      now,
    );
    track('case_attributes', { id }, 'inserted');
  });
  return requireAttribute(p, id);
}

export function updateAttribute(p: Project, input: In<'attributes.update'>): Out<'attributes.update'> {
  const attribute = requireAttribute(p, input.id);
  if (input.name) assertUniqueAttributeName(p, input.name, attribute.id);
  if (input.choices !== undefined) {
    if (attribute.type !== 'choice') throw localError('VALIDATION_FAILED', 'errorsInput.notChoiceAttribute', { attribute: attribute.name });
    const used = stmt(p.db, 'SELECT DISTINCT value FROM case_attribute_values WHERE attribute_id = ?').all(attribute.id) as { value: string }[];
    const dropped = used.map((u) => u.value).filter((v) => !input.choices!.includes(v));
    if (dropped.length > 0) {
      throw localError('CONFLICT', 'errorsInput.choicesInUse', { choices: dropped.map((d) => `"${d}"`).join(', ') });
    }
  }
  p.history.edit(`Edit attribute ${attribute.name}`, (track) => {
    track('case_attributes', { id: attribute.id });
    stmt(p.db, 'UPDATE case_attributes SET name = ?, choices = ?, updated_at = ? WHERE id = ?').run(
      input.name ?? attribute.name,
      JSON.stringify(input.choices ? [...new Set(input.choices)] : attribute.choices),
      nowIso(),
      attribute.id,
    );
  });
  return requireAttribute(p, attribute.id);
}

export function removeAttribute(p: Project, input: In<'attributes.remove'>): Out<'attributes.remove'> {
  const attribute = requireAttribute(p, input.id);
  p.history.edit(`Remove attribute ${attribute.name}`, (track) => {
    const values = stmt(p.db, 'SELECT case_id FROM case_attribute_values WHERE attribute_id = ?').all(attribute.id) as { case_id: string }[];
    for (const v of values) track('case_attribute_values', { case_id: v.case_id, attribute_id: attribute.id });
    track('case_attributes', { id: attribute.id });
    stmt(p.db, 'DELETE FROM case_attribute_values WHERE attribute_id = ?').run(attribute.id);
    stmt(p.db, 'DELETE FROM case_attributes WHERE id = ?').run(attribute.id);
  });
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Norms

export function createNorm(p: Project, input: In<'norms.create'>): Out<'norms.create'> {
  const frameworkId = input.frameworkId ?? defaultFrameworkId(p.db);
  if (!frameworkId) throw localError('CONFLICT', 'errorsInput.noFrameworkYet');
  requireFramework(p, frameworkId);
  const id = p.history.edit(`Add norm ${input.label}`, (track) => {
    const created = insertNorm(p.db, { ...input, frameworkId });
    track('norms', { id: created }, 'inserted');
    return created;
  });
  return requireNorm(p, id);
}

export function updateNorm(p: Project, input: In<'norms.update'>): Out<'norms.update'> {
  const norm = requireNorm(p, input.id);
  const stages = new Set(liveStageIds(p, norm.frameworkId));
  const unknownStage = Object.keys(input.stageNotes ?? {}).find((id) => !stages.has(id));
  if (unknownStage) throw localError('VALIDATION_FAILED', 'errorsInput.stageNoteUnknownStage');
  p.history.edit(
    `Edit norm ${norm.shortLabel || norm.label}`,
    (track) => {
      track('norms', { id: norm.id });
      stmt(
        p.db,
        `UPDATE norms SET label = @label, short_label = @shortLabel, description = @description, instrument = @instrument,
           paragraph = @paragraph, diffusing_agent = @diffusingAgent, updated_at = @now WHERE id = @id`,
      ).run({
        id: norm.id,
        label: input.label ?? norm.label,
        shortLabel: input.shortLabel ?? norm.shortLabel,
        description: input.description ?? norm.description,
        instrument: input.instrument ?? norm.instrument,
        paragraph: input.paragraph ?? norm.paragraph,
        diffusingAgent: input.diffusingAgent ?? norm.diffusingAgent,
        now: nowIso(),
      });
      for (const [stageId, text] of Object.entries(input.stageNotes ?? {})) {
        track('norm_stage_notes', { norm_id: norm.id, stage_id: stageId });
        if (text.trim() === '') {
          stmt(p.db, 'DELETE FROM norm_stage_notes WHERE norm_id = ? AND stage_id = ?').run(norm.id, stageId);
        } else {
          stmt(
            p.db,
            `INSERT INTO norm_stage_notes (norm_id, stage_id, description) VALUES (?, ?, ?)
             ON CONFLICT (norm_id, stage_id) DO UPDATE SET description = excluded.description`,
          ).run(norm.id, stageId, text);
        }
      }
    },
    `norm:${norm.id}:${Object.keys(input).sort().join(',')}`,
  );
  return requireNorm(p, norm.id);
}

export function reorderNorms(p: Project, input: In<'norms.reorder'>): Out<'norms.reorder'> {
  const all = listNorms(p.db);
  const known = new Set(all.map((n) => n.id));
  if (input.ids.some((id) => !known.has(id))) throw notFound('norm');
  if (new Set(input.ids).size !== input.ids.length) throw localError('VALIDATION_FAILED', 'errorsInput.normTwiceInOrder');
  const order = [...input.ids, ...all.map((n) => n.id).filter((id) => !input.ids.includes(id))];
  p.history.edit('Reorder norms', (track) => {
    const place = stmt(p.db, 'UPDATE norms SET position = ? WHERE id = ?');
    order.forEach((id, index) => {
      track('norms', { id });
      place.run(index + 1, id);
    });
  });
  return listNorms(p.db);
}

export function archiveNorm(p: Project, input: In<'norms.archive'>): Out<'norms.archive'> {
  const norm = requireNorm(p, input.id);
  p.history.edit(`${input.archived ? 'Archive' : 'Restore'} norm ${norm.shortLabel || norm.label}`, (track) => {
    track('norms', { id: norm.id });
    const now = nowIso();
    stmt(p.db, 'UPDATE norms SET archived_at = ?, updated_at = ? WHERE id = ?').run(input.archived ? now : null, now, norm.id);
  });
  return requireNorm(p, norm.id);
}

export function normFrameworkImpact(p: Project, input: In<'norms.frameworkImpact'>): Out<'norms.frameworkImpact'> {
  const norm = requireNorm(p, input.id);
  requireFramework(p, input.frameworkId);
  if (norm.frameworkId === input.frameworkId) return [];
  return describeCells(p, 'c.norm_id = ?', [norm.id]);
}

export function setNormFramework(p: Project, input: In<'norms.setFramework'>): Out<'norms.setFramework'> {
  const norm = requireNorm(p, input.id);
  const target = requireFramework(p, input.frameworkId);
  if (norm.frameworkId === target.id) return norm;
  const orphans = describeCells(p, 'c.norm_id = ?', [norm.id]);
  if (orphans.length > 0 && !input.orphans) {
    throw localError('CONFLICT', 'errorsInput.orphansOnSwitch', { count: orphans.length, norm: norm.shortLabel || norm.label, framework: target.name });
  }
  const targetStages = new Set(target.stages.map((s) => s.id));
  if (input.orphans?.action === 'move') {
    const map = input.orphans.stageMap;
    const unmapped = orphans.find((o) => !map[o.stageId] || !targetStages.has(map[o.stageId]!));
    if (unmapped) throw localError('VALIDATION_FAILED', 'errorsInput.chooseStageFor', { framework: target.name, stage: unmapped.stageLabel });
    const seen = new Set<string>();
    for (const cell of p.db.prepare('SELECT id, case_id, stage_id FROM cells WHERE norm_id = ? AND archived_at IS NULL').all(norm.id) as {
      id: string;
      case_id: string;
      stage_id: string;
    }[]) {
      const key = `${cell.case_id}:${map[cell.stage_id]}`;
      if (seen.has(key)) {
        throw localError('CONFLICT', 'errorsInput.twoStagesIntoOne');
      }
      seen.add(key);
    }
  }
  p.history.edit(`Change framework of ${norm.shortLabel || norm.label}`, (track) => {
    const now = nowIso();
    for (const orphan of orphans) {
      const choice = input.orphans!;
      if (choice.action === 'archive') archiveCell(p, track, orphan.cellId, now);
      else if (choice.action === 'delete') deleteCell(p, track, orphan.cellId);
      else {
        track('cells', { id: orphan.cellId });
        stmt(p.db, 'UPDATE cells SET stage_id = ?, updated_at = ? WHERE id = ?').run(choice.stageMap[orphan.stageId], now, orphan.cellId);
      }
    }
    track('norms', { id: norm.id });
    stmt(p.db, 'UPDATE norms SET framework_id = ?, updated_at = ? WHERE id = ?').run(target.id, now, norm.id);
  });
  return requireNorm(p, norm.id);
}

// ---------------------------------------------------------------------------------------------------------------
// Frameworks, stages and status scales

export function createFramework(p: Project, input: In<'frameworks.create'>): Out<'frameworks.create'> {
  let spec: Parameters<typeof insertFramework>[1];
  if (input.templateId !== undefined) {
    const template = FRAMEWORK_TEMPLATES.find((t) => t.id === input.templateId);
    if (!template) throw localError('NOT_FOUND', 'errorsInput.noSuchTemplate', { template: input.templateId });
    const words = localiseFramework({ template: template.id, name: template.name, description: template.description, stages: template.stages, statuses: DEFAULT_STATUSES }, input.language ?? 'en');
    spec = { ...words, name: input.name ?? words.name };
  } else {
    spec = { name: input.name, description: input.description, stages: input.stages, statuses: DEFAULT_STATUSES };
  }
  const id = p.history.edit(`Add framework ${spec.name}`, (track) => {
    const created = insertFramework(p.db, spec);
    track('frameworks', { id: created }, 'inserted');
    for (const stageId of liveStageIds(p, created)) track('stages', { id: stageId }, 'inserted');
    for (const s of spec.statuses) track('status_levels', { framework_id: created, key: s.key }, 'inserted');
    return created;
  });
  return requireFramework(p, id);
}

export function updateFramework(p: Project, input: In<'frameworks.update'>): Out<'frameworks.update'> {
  const framework = requireFramework(p, input.id);
  p.history.edit(
    `Edit framework ${framework.name}`,
    (track) => {
      const now = nowIso();
      if (input.isDefault) {
        for (const other of stmt(p.db, 'SELECT id FROM frameworks WHERE is_default = 1 AND id != ?').all(framework.id) as { id: string }[]) {
          track('frameworks', { id: other.id });
          stmt(p.db, 'UPDATE frameworks SET is_default = 0, updated_at = ? WHERE id = ?').run(now, other.id);
        }
      }
      track('frameworks', { id: framework.id });
      stmt(p.db, 'UPDATE frameworks SET name = ?, description = ?, is_default = ?, updated_at = ? WHERE id = ?').run(
        input.name ?? framework.name,
        input.description ?? framework.description,
        input.isDefault || framework.isDefault ? 1 : 0,
        now,
        framework.id,
      );
    },
    `framework:${framework.id}:${Object.keys(input).sort().join(',')}`,
  );
  return requireFramework(p, framework.id);
}

export function setStatuses(p: Project, input: In<'frameworks.setStatuses'>): Out<'frameworks.setStatuses'> {
  const framework = requireFramework(p, input.id);
  const taken = new Set<string>();
  const next = input.statuses.map((s) => {
    let key = s.key ?? slug(s.label);
    // A new status gets a key of its own, never one of another status in the new scale.
    if (s.key === undefined) for (let n = 2; taken.has(key) || input.statuses.some((i) => i.key === key); n++) key = `${slug(s.label)}-${n}`;
    if (taken.has(key)) throw localError('VALIDATION_FAILED', 'errorsInput.statusTwice', { status: s.label });
    taken.add(key);
    return { ...s, key };
  });
  const removed = framework.statuses.filter((s) => !taken.has(s.key));
  for (const status of removed) {
    const used = stmt(
      p.db,
      `SELECT count(*) AS n FROM cells c JOIN norms n ON n.id = c.norm_id WHERE n.framework_id = ? AND c.status = ?`,
    ).get(framework.id, status.key) as { n: number };
    if (used.n > 0) {
      throw localError('CONFLICT', 'errorsInput.statusStillUsed', { count: used.n, status: status.label });
    }
  }
  p.history.edit(`Edit status scale of ${framework.name}`, (track) => {
    for (const s of framework.statuses) track('status_levels', { framework_id: framework.id, key: s.key });
    for (const s of next) track('status_levels', { framework_id: framework.id, key: s.key });
    for (const s of removed) stmt(p.db, 'DELETE FROM status_levels WHERE framework_id = ? AND key = ?').run(framework.id, s.key);
    stmt(p.db, 'UPDATE status_levels SET position = -1000000 - rowid WHERE framework_id = ?').run(framework.id);
    next.forEach((s, index) => {
      stmt(
        p.db,
        `INSERT INTO status_levels (framework_id, key, label, position, palette) VALUES (@frameworkId, @key, @label, @position, @palette)
         ON CONFLICT (framework_id, key) DO UPDATE SET label = excluded.label, position = excluded.position, palette = excluded.palette`,
      ).run({ frameworkId: framework.id, key: s.key, label: s.label, position: index + 1, palette: s.palette });
    });
  });
  return requireFramework(p, framework.id);
}

export function removeFramework(p: Project, input: In<'frameworks.remove'>): Out<'frameworks.remove'> {
  const framework = requireFramework(p, input.id);
  if (framework.isDefault) throw localError('CONFLICT', 'errorsInput.defaultFrameworkKept', { framework: framework.name });
  const users = stmt(p.db, 'SELECT label FROM norms WHERE framework_id = ?').all(framework.id) as { label: string }[];
  if (users.length > 0) throw localError('CONFLICT', 'errorsInput.frameworkInUse', { framework: framework.name, norms: users.map((u) => `"${u.label}"`).join(', ') });
  const archivedCells = stmt(p.db, 'SELECT count(*) AS n FROM cells c JOIN stages s ON s.id = c.stage_id WHERE s.framework_id = ?').get(framework.id) as { n: number };
  if (archivedCells.n > 0) throw localError('CONFLICT', 'errorsInput.archivedCellsKeepFramework', { count: archivedCells.n, framework: framework.name });
  p.history.edit(`Remove framework ${framework.name}`, (track) => {
    const stages = stmt(p.db, 'SELECT id FROM stages WHERE framework_id = ?').all(framework.id) as { id: string }[];
    for (const { id } of stages) {
      for (const note of stmt(p.db, 'SELECT norm_id FROM norm_stage_notes WHERE stage_id = ?').all(id) as { norm_id: string }[]) {
        track('norm_stage_notes', { norm_id: note.norm_id, stage_id: id });
      }
      track('stages', { id });
    }
    for (const s of framework.statuses) track('status_levels', { framework_id: framework.id, key: s.key });
    track('frameworks', { id: framework.id });
    stmt(p.db, 'DELETE FROM frameworks WHERE id = ?').run(framework.id);
  });
  return null;
}

export function addStage(p: Project, input: In<'stages.add'>): Out<'stages.add'> {
  const framework = requireFramework(p, input.frameworkId);
  const ids = framework.stages.map((s) => s.id);
  const at = Math.min(Math.max((input.position ?? ids.length + 1) - 1, 0), ids.length);
  p.history.edit(`Add stage ${input.label} to ${framework.name}`, (track) => {
    const id = crypto.randomUUID();
    stmt(
      p.db,
      `INSERT INTO stages (id, framework_id, position, label, description, asks_mode) VALUES (?, ?, -999999, ?, ?, ?)`,
    ).run(id, framework.id, input.label, input.description ?? '', input.asksMode ? 1 : 0);
    track('stages', { id }, 'inserted');
    ids.splice(at, 0, id);
    renumberStages(p, track, framework.id, ids);
  });
  return requireFramework(p, framework.id);
}

export function updateStage(p: Project, input: In<'stages.update'>): Out<'stages.update'> {
  const stage = requireStage(p, input.id);
  const current = stmt(p.db, 'SELECT label, description, asks_mode FROM stages WHERE id = ?').get(stage.id) as {
    label: string;
    description: string;
    asks_mode: number;
  };
  p.history.edit(
    `Edit stage ${stage.label}`,
    (track) => {
      track('stages', { id: stage.id });
      stmt(p.db, 'UPDATE stages SET label = ?, description = ?, asks_mode = ? WHERE id = ?').run(
        input.label ?? current.label,
        input.description ?? current.description,
        input.asksMode === undefined ? current.asks_mode : input.asksMode ? 1 : 0,
        stage.id,
      );
    },
    `stage:${stage.id}:${Object.keys(input).sort().join(',')}`,
  );
  return requireFramework(p, stage.framework_id);
}

export function reorderStages(p: Project, input: In<'stages.reorder'>): Out<'stages.reorder'> {
  const framework = requireFramework(p, input.frameworkId);
  const live = framework.stages.map((s) => s.id);
  if (input.ids.length !== live.length || [...input.ids].sort().join() !== [...live].sort().join()) {
    throw localError('VALIDATION_FAILED', 'errorsInput.everyStageOnce', { framework: framework.name });
  }
  p.history.edit(`Reorder stages of ${framework.name}`, (track) => renumberStages(p, track, framework.id, input.ids));
  return requireFramework(p, framework.id);
}

export function stageRemovalImpact(p: Project, input: In<'stages.removalImpact'>): Out<'stages.removalImpact'> {
  const stage = requireStage(p, input.id);
  return describeCells(p, 'c.stage_id = ?', [stage.id]);
}

export function removeStage(p: Project, input: In<'stages.remove'>): Out<'stages.remove'> {
  const stage = requireStage(p, input.id);
  const framework = requireFramework(p, stage.framework_id);
  if (framework.stages.length === 1) throw localError('CONFLICT', 'errorsInput.onlyStage', { stage: stage.label, framework: framework.name });
  const orphans = describeCells(p, 'c.stage_id = ?', [stage.id]);
  if (orphans.length > 0 && !input.orphans) {
    throw localError('CONFLICT', 'errorsInput.stageHoldsCells', { stage: stage.label, count: orphans.length });
  }
  const choice = input.orphans;
  if (choice?.action === 'move') {
    const target = requireStage(p, choice.toStageId);
    if (target.framework_id !== framework.id || target.id === stage.id) {
      throw localError('VALIDATION_FAILED', 'errorsInput.moveToAnotherStage', { framework: framework.name });
    }
    const clash = describeCells(
      p,
      `c.stage_id = ? AND EXISTS (SELECT 1 FROM cells o WHERE o.archived_at IS NULL AND o.stage_id = ? AND o.case_id = c.case_id AND o.norm_id = c.norm_id)`,
      [stage.id, target.id],
    );
    if (clash.length > 0) {
      throw localError('CONFLICT', 'errorsInput.stageHasCellFor', { stage: target.label, cells: [...new Set(clash.map((c) => `${c.caseName} (${c.normLabel})`))].join(', ') });
    }
  }
  p.history.edit(`Remove stage ${stage.label}`, (track) => {
    const now = nowIso();
    for (const orphan of orphans) {
      if (choice?.action === 'move') {
        track('cells', { id: orphan.cellId });
        stmt(p.db, 'UPDATE cells SET stage_id = ?, updated_at = ? WHERE id = ?').run(choice.toStageId, now, orphan.cellId);
      } else if (choice?.action === 'archive') archiveCell(p, track, orphan.cellId, now);
      else deleteCell(p, track, orphan.cellId);
    }
    track('stages', { id: stage.id });
    const stillReferenced = stmt(p.db, 'SELECT count(*) AS n FROM cells WHERE stage_id = ?').get(stage.id) as { n: number };
    if (stillReferenced.n > 0) {
      // Archived cells keep their stage, archived with them, so they can be restored later.
      stmt(p.db, 'UPDATE stages SET archived_at = ?, position = -1000000 - rowid WHERE id = ?').run(now, stage.id);
    } else {
      for (const note of stmt(p.db, 'SELECT norm_id FROM norm_stage_notes WHERE stage_id = ?').all(stage.id) as { norm_id: string }[]) {
        track('norm_stage_notes', { norm_id: note.norm_id, stage_id: stage.id });
      }
      stmt(p.db, 'DELETE FROM stages WHERE id = ?').run(stage.id);
    }
    renumberStages(
      p,
      track,
      framework.id,
      framework.stages.map((s) => s.id).filter((id) => id !== stage.id),
    );
  });
  return requireFramework(p, framework.id);
}

// ---------------------------------------------------------------------------------------------------------------
// Saved views

export function saveView(p: Project, input: In<'views.save'>): Out<'views.save'> {
  const norms = new Set(listNorms(p.db).map((n) => n.id));
  const cases = new Set(listCases(p.db).map((c) => c.id));
  if (input.normIds.some((id) => !norms.has(id))) throw notFound('norm');
  if (input.caseIds.some((id) => !cases.has(id))) throw notFound('case');
  const columns = input.columns ?? NO_ARRANGEMENT;
  const attributes = new Set(listAttributes(p.db).map((a) => a.id));
  if ([...columns.filters.map((f) => f.attributeId), ...(columns.groupBy ? [columns.groupBy] : [])].some((id) => !attributes.has(id))) throw notFound('attribute');
  const clash = listViews(p.db).find((v) => v.name.toLocaleLowerCase() === input.name.toLocaleLowerCase() && v.id !== input.id);
  if (clash) throw localError('CONFLICT', 'errorsInput.viewExists', { name: clash.name });
  const existing = input.id ? listViews(p.db).find((v) => v.id === input.id) : undefined;
  if (input.id && !existing) throw notFound('view');
  const id = existing?.id ?? crypto.randomUUID();
  p.history.edit(`${existing ? 'Update' : 'Save'} view ${input.name}`, (track) => {
    track('views', { id });
    const now = nowIso();
    stmt(
      p.db,
      `INSERT INTO views (id, name, norm_ids, case_ids, orientation, differences, columns, created_at, updated_at)
       VALUES (@id, @name, @normIds, @caseIds, @orientation, @differences, @columns, @now, @now)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, norm_ids = excluded.norm_ids, case_ids = excluded.case_ids,
         orientation = excluded.orientation, differences = excluded.differences, columns = excluded.columns, updated_at = excluded.updated_at`,
    ).run({
      id,
      name: input.name,
      normIds: JSON.stringify(input.normIds),
      caseIds: JSON.stringify(input.caseIds),
      orientation: input.orientation,
      differences: input.differences ? 1 : 0,
      columns: JSON.stringify({ filters: columns.filters, groupBy: columns.groupBy }),
      now,
    });
  });
  return listViews(p.db).find((v) => v.id === id) as ViewDto;
}

export function removeView(p: Project, input: In<'views.remove'>): Out<'views.remove'> {
  const view = listViews(p.db).find((v) => v.id === input.id);
  if (!view) throw notFound('view');
  p.history.edit(`Delete view ${view.name}`, (track) => {
    track('views', { id: view.id });
    stmt(p.db, 'DELETE FROM views WHERE id = ?').run(view.id);
  });
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Archived cells

/** Cells kept aside by a structural change ("keep archived"), with where they were. */
export function listArchivedCells(p: Project, input: In<'cells.archived'>): Out<'cells.archived'> {
  const where = input.normId ? 'c.archived_at IS NOT NULL AND c.norm_id = ?' : 'c.archived_at IS NOT NULL';
  return (
    p.db
      .prepare(
        `SELECT c.id AS cellId, cs.name AS caseName, n.label AS normLabel, s.id AS stageId, s.label AS stageLabel, c.status, c.summary, c.archived_at AS archivedAt
         FROM cells c JOIN cases cs ON cs.id = c.case_id JOIN norms n ON n.id = c.norm_id JOIN stages s ON s.id = c.stage_id
         WHERE ${where} ORDER BY c.archived_at DESC`,
      )
      .all(...(input.normId ? [input.normId] : [])) as Out<'cells.archived'>
  );
}

/**
 * Puts an archived cell back into the matrix, at a stage of its norm's current framework (its own stage if that is
 * still live). Refused when that place already holds a cell: the researcher empties or moves it first.
 */
export function restoreArchivedCell(p: Project, input: In<'cells.restore'>): Out<'cells.restore'> {
  const cell = getCell(p.db, input.id);
  if (!cell) throw notFound('cell');
  const archived = p.db.prepare('SELECT archived_at FROM cells WHERE id = ?').get(cell.id) as { archived_at: string | null };
  if (!archived.archived_at) return cell;
  const norm = requireNorm(p, cell.normId);
  const stageId = input.stageId ?? cell.stageId;
  const stage = p.db.prepare('SELECT id, framework_id, archived_at FROM stages WHERE id = ?').get(stageId) as { id: string; framework_id: string; archived_at: string | null } | undefined;
  if (!stage || stage.archived_at || stage.framework_id !== norm.frameworkId) {
    throw localError('VALIDATION_FAILED', 'errorsInput.chooseStageToRestore', { framework: requireFramework(p, norm.frameworkId).name });
  }
  if (findLiveCell(p.db, cell.caseId, cell.normId, stage.id)) {
    throw localError('CONFLICT', 'errorsInput.placeTaken');
  }
  p.history.edit('Restore archived cell', (track) => {
    track('cells', { id: cell.id });
    stmt(p.db, 'UPDATE cells SET archived_at = NULL, stage_id = ?, updated_at = ? WHERE id = ?').run(stage.id, nowIso(), cell.id);
  });
  return getCell(p.db, cell.id)!;
}
