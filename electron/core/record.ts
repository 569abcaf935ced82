/**
 * The observation record (elections and the missions that watched them, with findings on shared dimensions) and the
 * double-standards claims register that is tested against it. Every save is one undoable step.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ApiInput, ApiOutput, ClaimDto, DimensionDto, ElectionDto, FindingDto, MissionDto } from '../contract/api';
import { localError } from '../contract/i18n/format';
import type { Method } from '../contract/methods';
import { nowIso, stmt } from './db/statements';
import { notFound } from './not-found';
import type { Track, TrackedTable } from './history';
import type { Project } from './project';

type In<M extends Method> = ApiInput<M>;
type Out<M extends Method> = ApiOutput<M>;


export function requireRow(db: Database.Database, table: string, id: string, what: string): void {
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw notFound(what);
}

/** Replaces the link rows of one owner (e.g. a claim's comparator cases), recording every row touched. */
export function setLinks(
  db: Database.Database,
  track: Track,
  table: TrackedTable,
  ownerColumn: string,
  ownerId: string,
  otherColumn: string,
  otherIds: readonly string[],
): void {
  const current = (stmt(db, `SELECT ${otherColumn} AS other FROM ${table} WHERE ${ownerColumn} = ?`).all(ownerId) as { other: string }[]).map((r) => r.other);
  for (const other of new Set([...current, ...otherIds])) track(table, { [ownerColumn]: ownerId, [otherColumn]: other });
  stmt(db, `DELETE FROM ${table} WHERE ${ownerColumn} = ?`).run(ownerId);
  const insert = stmt(db, `INSERT INTO ${table} (${ownerColumn}, ${otherColumn}) VALUES (?, ?)`);
  for (const other of new Set(otherIds)) insert.run(ownerId, other);
}

/**
 * Inserts or updates one row from a plain record of column values: the common shape of every "save" here.
 * Returns whether the row was new.
 */
export function upsertRow(db: Database.Database, track: Track, table: TrackedTable, id: string, values: Record<string, unknown>): boolean {
  const exists = !!stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  const now = nowIso();
  if (exists) {
    track(table, { id });
    const cols = Object.keys(values);
    stmt(db, `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run({ ...values, id, updated_at: now });
    return false;
  }
  insertRow(db, track, table, id, values, now);
  return true;
}

/** Inserts a row known to be new (the caller has just looked for it). */
function insertRow(db: Database.Database, track: Track, table: TrackedTable, id: string, values: Record<string, unknown>, now = nowIso()): void {
  const row = { ...values, id, created_at: now, updated_at: now };
  const cols = Object.keys(row);
  stmt(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  track(table, { id }, 'inserted');
}

/**
 * Like upsertRow, but an existing row is written only where a value differs, and not at all when none does (no
 * updated_at bump, so no audit entry and no undo step for a row that stays as it was). Answers whether the row was
 * new and which of the given columns changed.
 */
export function writeChanges(db: Database.Database, track: Track, table: TrackedTable, id: string, values: Record<string, unknown>): { created: boolean; changed: string[] } {
  const current = stmt(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!current) {
    insertRow(db, track, table, id, values);
    return { created: true, changed: [] };
  }
  const changed = Object.keys(values).filter((c) => (values[c] ?? null) !== (current[c] ?? null));
  if (changed.length === 0) return { created: false, changed };
  track(table, { id });
  stmt(db, `UPDATE ${table} SET ${changed.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run({
    ...Object.fromEntries(changed.map((c) => [c, values[c] ?? null])),
    id,
    updated_at: nowIso(),
  });
  return { created: false, changed };
}

/** Like setLinks, but leaves the links alone when they are already the given set. Answers whether they changed. */
export function changeLinks(
  db: Database.Database,
  track: Track,
  table: TrackedTable,
  ownerColumn: string,
  ownerId: string,
  otherColumn: string,
  otherIds: readonly string[],
): boolean {
  const current = new Set((db.prepare(`SELECT ${otherColumn} AS other FROM ${table} WHERE ${ownerColumn} = ?`).all(ownerId) as { other: string }[]).map((r) => r.other));
  const wanted = new Set(otherIds);
  if (current.size === wanted.size && [...wanted].every((x) => current.has(x))) return false;
  setLinks(db, track, table, ownerColumn, ownerId, otherColumn, otherIds);
  return true;
}

/** Keeps a provided value, else the current one, else a default (for partial saves of existing rows). */
function pick<T>(given: T | undefined, current: T | undefined, fallback: T): T {
  return given !== undefined ? given : current !== undefined ? current : fallback;
}

// -----------------------------------------------------------------------------------------------------------------
// Dimensions

export function listDimensions(p: Project): DimensionDto[] {
  return stmt(p.db, 'SELECT id, label, description, position FROM finding_dimensions ORDER BY position').all() as DimensionDto[];
}

export function saveDimension(p: Project, input: In<'dimensions.save'>): Out<'dimensions.save'> {
  const current = input.id ? listDimensions(p).find((d) => d.id === input.id) : undefined;
  if (input.id && !current) throw notFound('dimension');
  const clash = listDimensions(p).find((d) => d.label.toLocaleLowerCase() === input.label.toLocaleLowerCase() && d.id !== input.id);
  if (clash) throw localError('CONFLICT', 'errorsInput.dimensionExists', { name: clash.label });
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} dimension ${input.label}`, (track) => {
    const next = stmt(p.db, 'SELECT coalesce(max(position), 0) + 1 AS position FROM finding_dimensions').get() as { position: number };
    upsertRow(p.db, track, 'finding_dimensions', id, {
      label: input.label,
      description: pick(input.description, current?.description, ''),
      position: current?.position ?? next.position,
    });
  });
  return listDimensions(p).find((d) => d.id === id)!;
}

export function removeDimension(p: Project, input: In<'dimensions.remove'>): Out<'dimensions.remove'> {
  const dimension = listDimensions(p).find((d) => d.id === input.id);
  if (!dimension) throw notFound('dimension');
  const used = stmt(p.db, 'SELECT (SELECT count(*) FROM mission_findings WHERE dimension_id = ?) + (SELECT count(*) FROM claims WHERE dimension_id = ?) AS n').get(
    dimension.id,
    dimension.id,
  ) as { n: number };
  if (used.n > 0) throw localError('CONFLICT', 'errorsInput.dimensionUsed', { name: dimension.label, count: used.n });
  p.history.edit(`Remove dimension ${dimension.label}`, (track) => {
    track('finding_dimensions', { id: dimension.id });
    stmt(p.db, 'DELETE FROM finding_dimensions WHERE id = ?').run(dimension.id);
  });
  return null;
}

// -----------------------------------------------------------------------------------------------------------------
// Elections and missions

interface ElectionRow {
  id: string;
  case_id: string;
  date: string;
  type: ElectionDto['type'];
  round: number | null;
  label: string;
  official_result: string;
  notes: string;
  verification: ElectionDto['verification'];
  verification_note: string;
}

interface MissionRow {
  id: string;
  election_id: string;
  organisation: string;
  mission_type: MissionDto['missionType'];
  reason: string;
  head_of_mission: string;
  verdict: string;
  verdict_quote: string;
  verdict_source_id: string | null;
  verdict_excerpt_id: string | null;
  verification: MissionDto['verification'];
  verification_note: string;
}

/** Every election with its missions and their findings, in three queries, in date order. */
export function listElections(p: Project): ElectionDto[] {
  const elections = stmt(p.db, 'SELECT id, case_id, date, type, round, label, official_result, notes, verification, verification_note FROM elections ORDER BY date, type').all() as ElectionRow[];
  const missions = stmt(
    p.db,
    `SELECT id, election_id, organisation, mission_type, reason, head_of_mission, verdict, verdict_quote, verdict_source_id, verdict_excerpt_id,
       verification, verification_note FROM missions ORDER BY organisation`,
  ).all() as MissionRow[];
  const findings = stmt(p.db, 'SELECT f.mission_id, f.dimension_id, f.severity, f.note FROM mission_findings f JOIN finding_dimensions d ON d.id = f.dimension_id ORDER BY d.position').all() as {
    mission_id: string;
    dimension_id: string;
    severity: FindingDto['severity'];
    note: string;
  }[];
  const findingsBy = new Map<string, FindingDto[]>();
  for (const f of findings) findingsBy.set(f.mission_id, [...(findingsBy.get(f.mission_id) ?? []), { dimensionId: f.dimension_id, severity: f.severity, note: f.note }]);
  const missionsBy = new Map<string, MissionDto[]>();
  for (const m of missions) {
    const dto: MissionDto = {
      id: m.id,
      electionId: m.election_id,
      organisation: m.organisation,
      missionType: m.mission_type,
      reason: m.reason,
      headOfMission: m.head_of_mission,
      verdict: m.verdict,
      verdictQuote: m.verdict_quote,
      verdictSourceId: m.verdict_source_id,
      verdictExcerptId: m.verdict_excerpt_id,
      verification: m.verification,
      verificationNote: m.verification_note,
      findings: findingsBy.get(m.id) ?? [],
    };
    missionsBy.set(m.election_id, [...(missionsBy.get(m.election_id) ?? []), dto]);
  }
  return elections.map((e) => ({
    id: e.id,
    caseId: e.case_id,
    date: e.date,
    type: e.type,
    round: e.round,
    label: e.label,
    officialResult: e.official_result,
    notes: e.notes,
    verification: e.verification,
    verificationNote: e.verification_note,
    missions: missionsBy.get(e.id) ?? [],
  }));
}

function requireElection(p: Project, id: string): ElectionDto {
  const found = listElections(p).find((e) => e.id === id);
  if (!found) throw notFound('election');
  return found;
}

export function requireMission(p: Project, id: string): MissionDto {
  for (const election of listElections(p)) {
    const mission = election.missions.find((m) => m.id === id);
    if (mission) return mission;
  }
  throw notFound('mission');
}

export function saveElection(p: Project, input: In<'elections.save'>): Out<'elections.save'> {
  requireRow(p.db, 'cases', input.caseId, 'case');
  const current = input.id ? requireElection(p, input.id) : undefined;
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(
    `${current ? 'Edit' : 'Add'} election ${input.date}`,
    (track) =>
      upsertRow(p.db, track, 'elections', id, {
        case_id: input.caseId,
        date: input.date,
        type: input.type,
        round: pick(input.round, current?.round, null),
        label: pick(input.label, current?.label, ''),
        official_result: pick(input.officialResult, current?.officialResult, ''),
        notes: pick(input.notes, current?.notes, ''),
        verification: pick(input.verification, current?.verification, 'unverified'),
        verification_note: pick(input.verificationNote, current?.verificationNote, ''),
      }),
    current ? `election:${id}` : undefined,
  );
  return requireElection(p, id);
}

export function removeElection(p: Project, input: In<'elections.remove'>): Out<'elections.remove'> {
  const election = requireElection(p, input.id);
  p.history.edit(`Remove election ${election.date}`, (track) => {
    for (const mission of election.missions) forgetMission(p, track, mission);
    track('elections', { id: election.id });
    stmt(p.db, 'DELETE FROM elections WHERE id = ?').run(election.id);
  });
  return null;
}

/** Records everything a mission's deletion removes by cascade, so that undo restores it whole. */
function forgetMission(p: Project, track: Track, mission: MissionDto): void {
  for (const f of mission.findings) track('mission_findings', { mission_id: mission.id, dimension_id: f.dimensionId });
  for (const row of stmt(p.db, 'SELECT claim_id FROM claim_missions WHERE mission_id = ?').all(mission.id) as { claim_id: string }[]) {
    track('claim_missions', { claim_id: row.claim_id, mission_id: mission.id });
  }
  track('missions', { id: mission.id });
}

export function saveMission(p: Project, input: In<'missions.save'>): Out<'missions.save'> {
  requireElection(p, input.electionId);
  const current = input.id ? requireMission(p, input.id) : undefined;
  if (input.verdictSourceId) requireRow(p.db, 'sources', input.verdictSourceId, 'source');
  if (input.verdictExcerptId) requireRow(p.db, 'excerpts', input.verdictExcerptId, 'excerpt');
  const dimensions = new Set(listDimensions(p).map((d) => d.id));
  if (input.findings?.some((f) => !dimensions.has(f.dimensionId))) throw notFound('dimension');
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} ${input.organisation} mission`, (track) => {
    upsertRow(p.db, track, 'missions', id, {
      election_id: input.electionId,
      organisation: input.organisation,
      mission_type: input.missionType,
      reason: pick(input.reason, current?.reason, ''),
      head_of_mission: pick(input.headOfMission, current?.headOfMission, ''),
      verdict: pick(input.verdict, current?.verdict, ''),
      verdict_quote: pick(input.verdictQuote, current?.verdictQuote, ''),
      verdict_source_id: pick(input.verdictSourceId, current?.verdictSourceId, null),
      verdict_excerpt_id: pick(input.verdictExcerptId, current?.verdictExcerptId, null),
      verification: pick(input.verification, current?.verification, 'unverified'),
      verification_note: pick(input.verificationNote, current?.verificationNote, ''),
    });
    if (input.findings) {
      for (const f of current?.findings ?? []) track('mission_findings', { mission_id: id, dimension_id: f.dimensionId });
      for (const f of input.findings) track('mission_findings', { mission_id: id, dimension_id: f.dimensionId });
      stmt(p.db, 'DELETE FROM mission_findings WHERE mission_id = ?').run(id);
      const insert = stmt(p.db, 'INSERT INTO mission_findings (mission_id, dimension_id, severity, note) VALUES (?, ?, ?, ?)');
      for (const f of new Map(input.findings.map((x) => [x.dimensionId, x])).values()) insert.run(id, f.dimensionId, f.severity, f.note ?? '');
    }
  });
  return requireMission(p, id);
}

export function removeMission(p: Project, input: In<'missions.remove'>): Out<'missions.remove'> {
  const mission = requireMission(p, input.id);
  p.history.edit(`Remove ${mission.organisation} mission`, (track) => {
    forgetMission(p, track, mission);
    stmt(p.db, 'DELETE FROM missions WHERE id = ?').run(mission.id);
  });
  return null;
}

// -----------------------------------------------------------------------------------------------------------------
// Claims

interface ClaimRow {
  id: string;
  claimant: string;
  claimant_role: string;
  claimant_case_id: string | null;
  date: string | null;
  statement: string;
  statement_kind: ClaimDto['statementKind'];
  excerpt_id: string | null;
  target: string;
  focal_case_id: string | null;
  comparator_note: string;
  dimension_id: string | null;
  dimension_note: string;
  norm_id: string | null;
  stage_id: string | null;
  assessment: ClaimDto['assessment'];
  reasoning: string;
  verification: ClaimDto['verification'];
  verification_note: string;
}

export function listClaims(p: Project): ClaimDto[] {
  const rows = stmt(
    p.db,
    `SELECT id, claimant, claimant_role, claimant_case_id, date, statement, statement_kind, excerpt_id, target, focal_case_id, comparator_note,
       dimension_id, dimension_note, norm_id, stage_id, assessment, reasoning, verification, verification_note FROM claims ORDER BY created_at, rowid`,
  ).all() as ClaimRow[];
  const comparators = stmt(p.db, 'SELECT claim_id, case_id FROM claim_comparators').all() as { claim_id: string; case_id: string }[];
  const missions = stmt(p.db, 'SELECT claim_id, mission_id FROM claim_missions').all() as { claim_id: string; mission_id: string }[];
  return rows.map((r) => ({
    id: r.id,
    claimant: r.claimant,
    claimantRole: r.claimant_role,
    claimantCaseId: r.claimant_case_id,
    date: r.date,
    statement: r.statement,
    statementKind: r.statement_kind,
    excerptId: r.excerpt_id,
    target: r.target,
    focalCaseId: r.focal_case_id,
    comparatorCaseIds: comparators.filter((c) => c.claim_id === r.id).map((c) => c.case_id),
    comparatorNote: r.comparator_note,
    dimensionId: r.dimension_id,
    dimensionNote: r.dimension_note,
    normId: r.norm_id,
    stageId: r.stage_id,
    assessment: r.assessment,
    reasoning: r.reasoning,
    verification: r.verification,
    verificationNote: r.verification_note,
    missionIds: missions.filter((m) => m.claim_id === r.id).map((m) => m.mission_id),
  }));
}

function requireClaim(p: Project, id: string): ClaimDto {
  const found = listClaims(p).find((c) => c.id === id);
  if (!found) throw notFound('claim');
  return found;
}

export function saveClaim(p: Project, input: In<'claims.save'>): Out<'claims.save'> {
  const current = input.id ? requireClaim(p, input.id) : undefined;
  for (const [table, value, what] of [
    ['cases', input.claimantCaseId, 'case'],
    ['cases', input.focalCaseId, 'case'],
    ['excerpts', input.excerptId, 'excerpt'],
    ['finding_dimensions', input.dimensionId, 'dimension'],
    ['norms', input.normId, 'norm'],
    ['stages', input.stageId, 'stage'],
  ] as const) {
    if (value) requireRow(p.db, table, value, what);
  }
  for (const caseId of input.comparatorCaseIds ?? []) requireRow(p.db, 'cases', caseId, 'case');
  for (const missionId of input.missionIds ?? []) requireMission(p, missionId);
  const normId = pick(input.normId, current?.normId, null);
  const stageId = pick(input.stageId, current?.stageId, null);
  if (normId && stageId) {
    const ok = stmt(p.db, 'SELECT 1 FROM norms n JOIN stages s ON s.framework_id = n.framework_id WHERE n.id = ? AND s.id = ?').get(normId, stageId);
    if (!ok) throw localError('VALIDATION_FAILED', 'errorsInput.stageNotOfNorm');
  }
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(
    `${current ? 'Edit' : 'Add'} claim by ${input.claimant}`,
    (track) => {
      upsertRow(p.db, track, 'claims', id, {
        claimant: input.claimant,
        claimant_role: pick(input.claimantRole, current?.claimantRole, ''),
        claimant_case_id: pick(input.claimantCaseId, current?.claimantCaseId, null),
        date: pick(input.date, current?.date, null),
        statement: input.statement,
        statement_kind: pick(input.statementKind, current?.statementKind, 'paraphrase'),
        excerpt_id: pick(input.excerptId, current?.excerptId, null),
        target: pick(input.target, current?.target, 'OSCE/ODIHR'),
        focal_case_id: pick(input.focalCaseId, current?.focalCaseId, null),
        comparator_note: pick(input.comparatorNote, current?.comparatorNote, ''),
        dimension_id: pick(input.dimensionId, current?.dimensionId, null),
        dimension_note: pick(input.dimensionNote, current?.dimensionNote, ''),
        norm_id: normId,
        stage_id: stageId,
        assessment: pick(input.assessment, current?.assessment, 'undetermined'),
        reasoning: pick(input.reasoning, current?.reasoning, ''),
        verification: pick(input.verification, current?.verification, 'unverified'),
        verification_note: pick(input.verificationNote, current?.verificationNote, ''),
      });
      if (input.comparatorCaseIds) setLinks(p.db, track, 'claim_comparators', 'claim_id', id, 'case_id', input.comparatorCaseIds);
      if (input.missionIds) setLinks(p.db, track, 'claim_missions', 'claim_id', id, 'mission_id', input.missionIds);
    },
    current ? `claim:${id}:${Object.keys(input).sort().join(',')}` : undefined,
  );
  return requireClaim(p, id);
}

export function removeClaim(p: Project, input: In<'claims.remove'>): Out<'claims.remove'> {
  const claim = requireClaim(p, input.id);
  p.history.edit(`Remove claim by ${claim.claimant}`, (track) => {
    setLinks(p.db, track, 'claim_comparators', 'claim_id', claim.id, 'case_id', []);
    setLinks(p.db, track, 'claim_missions', 'claim_id', claim.id, 'mission_id', []);
    track('claims', { id: claim.id });
    stmt(p.db, 'DELETE FROM claims WHERE id = ?').run(claim.id);
  });
  return null;
}
