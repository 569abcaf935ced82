/**
 * The regional norm context (organisations such as the SCO and CIS, the regional norms Russia and China promote,
 * the instruments that carry them, each case's membership over time, and the cells whose contestation draws on
 * them), indicators per case and year, and the verification view. Every save is one undoable step.
 */
import crypto from 'node:crypto';
import type {
  ApiInput,
  ApiOutput,
  IndicatorDto,
  InstrumentDto,
  MembershipDto,
  OrganisationDto,
  RegionalContextDto,
  RegionalNormDto,
  UnverifiedItemDto,
  VerificationFlagDto,
} from '../contract/api';
import { localError, textOf } from '../contract/i18n/format';
import type { Method } from '../contract/methods';
import { stmt } from './db/statements';
import type { Project } from './project';
import { notFound } from './not-found';
import { requireRow, setLinks, upsertRow } from './record';

type In<M extends Method> = ApiInput<M>;
type Out<M extends Method> = ApiOutput<M>;

function pick<T>(given: T | undefined, current: T | undefined, fallback: T): T {
  return given !== undefined ? given : current !== undefined ? current : fallback;
}

// -----------------------------------------------------------------------------------------------------------------
// Regional context

export function getContext(p: Project): RegionalContextDto {
  const organisations = stmt(p.db, 'SELECT id, name, full_name AS fullName, description FROM organisations ORDER BY name').all() as OrganisationDto[];
  const norms = stmt(
    p.db,
    `SELECT id, label, description, organisation_id AS organisationId, entrepreneurs, year_from AS yearFrom, year_to AS yearTo, verification,
       verification_note AS verificationNote FROM regional_norms ORDER BY coalesce(year_from, 9999), label`,
  ).all() as Omit<RegionalNormDto, 'instrumentIds' | 'cellIds'>[];
  const instrumentLinks = stmt(p.db, 'SELECT instrument_id, regional_norm_id FROM instrument_norms').all() as { instrument_id: string; regional_norm_id: string }[];
  const cellLinks = stmt(p.db, 'SELECT regional_norm_id, cell_id FROM regional_norm_cells').all() as { regional_norm_id: string; cell_id: string }[];
  const instruments = stmt(
    p.db,
    `SELECT id, title, organisation_id AS organisationId, date, description, source_id AS sourceId, verification, verification_note AS verificationNote
     FROM instruments ORDER BY coalesce(date, '9999'), title`,
  ).all() as InstrumentDto[];
  const memberships = stmt(
    p.db,
    `SELECT id, case_id AS caseId, organisation_id AS organisationId, status, date_from AS dateFrom, date_to AS dateTo, note, verification
     FROM memberships ORDER BY case_id, coalesce(date_from, '0000')`,
  ).all() as MembershipDto[];
  return {
    organisations,
    regionalNorms: norms.map((n) => ({
      ...n,
      instrumentIds: instrumentLinks.filter((l) => l.regional_norm_id === n.id).map((l) => l.instrument_id),
      cellIds: cellLinks.filter((l) => l.regional_norm_id === n.id).map((l) => l.cell_id),
    })),
    instruments,
    memberships,
  };
}

export function saveOrganisation(p: Project, input: In<'organisations.save'>): Out<'organisations.save'> {
  const context = getContext(p);
  const current = input.id ? context.organisations.find((o) => o.id === input.id) : undefined;
  if (input.id && !current) throw notFound('organisation');
  const clash = context.organisations.find((o) => o.name.toLocaleLowerCase() === input.name.toLocaleLowerCase() && o.id !== input.id);
  if (clash) throw localError('CONFLICT', 'errorsInput.organisationExists', { name: clash.name });
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} organisation ${input.name}`, (track) =>
    upsertRow(p.db, track, 'organisations', id, {
      name: input.name,
      full_name: pick(input.fullName, current?.fullName, ''),
      description: pick(input.description, current?.description, ''),
    }),
  );
  return getContext(p).organisations.find((o) => o.id === id)!;
}

export function removeOrganisation(p: Project, input: In<'organisations.remove'>): Out<'organisations.remove'> {
  const context = getContext(p);
  const organisation = context.organisations.find((o) => o.id === input.id);
  if (!organisation) throw notFound('organisation');
  const used = context.memberships.filter((m) => m.organisationId === organisation.id).length;
  if (used > 0) throw localError('CONFLICT', 'errorsInput.organisationUsed', { count: used, name: organisation.name });
  p.history.edit(`Remove organisation ${organisation.name}`, (track) => {
    for (const n of context.regionalNorms.filter((x) => x.organisationId === organisation.id)) {
      track('regional_norms', { id: n.id });
    }
    for (const i of context.instruments.filter((x) => x.organisationId === organisation.id)) track('instruments', { id: i.id });
    track('organisations', { id: organisation.id });
    stmt(p.db, 'DELETE FROM organisations WHERE id = ?').run(organisation.id);
  });
  return null;
}

export function saveRegionalNorm(p: Project, input: In<'regionalNorms.save'>): Out<'regionalNorms.save'> {
  const context = getContext(p);
  const current = input.id ? context.regionalNorms.find((n) => n.id === input.id) : undefined;
  if (input.id && !current) throw notFound('regional norm');
  if (input.organisationId) requireRow(p.db, 'organisations', input.organisationId, 'organisation');
  for (const i of input.instrumentIds ?? []) requireRow(p.db, 'instruments', i, 'instrument');
  for (const c of input.cellIds ?? []) requireRow(p.db, 'cells', c, 'cell');
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} regional norm ${input.label}`, (track) => {
    upsertRow(p.db, track, 'regional_norms', id, {
      label: input.label,
      description: pick(input.description, current?.description, ''),
      organisation_id: pick(input.organisationId, current?.organisationId, null),
      entrepreneurs: pick(input.entrepreneurs, current?.entrepreneurs, ''),
      year_from: pick(input.yearFrom, current?.yearFrom, null),
      year_to: pick(input.yearTo, current?.yearTo, null),
      verification: pick(input.verification, current?.verification, 'unverified'),
      verification_note: pick(input.verificationNote, current?.verificationNote, ''),
    });
    // Links are kept from the regional norm's side: instrument_norms is keyed (instrument, norm).
    if (input.instrumentIds) setLinks(p.db, track, 'instrument_norms', 'regional_norm_id', id, 'instrument_id', input.instrumentIds);
    if (input.cellIds) setLinks(p.db, track, 'regional_norm_cells', 'regional_norm_id', id, 'cell_id', input.cellIds);
  });
  return getContext(p).regionalNorms.find((n) => n.id === id)!;
}

export function removeRegionalNorm(p: Project, input: In<'regionalNorms.remove'>): Out<'regionalNorms.remove'> {
  const norm = getContext(p).regionalNorms.find((n) => n.id === input.id);
  if (!norm) throw notFound('regional norm');
  p.history.edit(`Remove regional norm ${norm.label}`, (track) => {
    setLinks(p.db, track, 'instrument_norms', 'regional_norm_id', norm.id, 'instrument_id', []);
    setLinks(p.db, track, 'regional_norm_cells', 'regional_norm_id', norm.id, 'cell_id', []);
    track('regional_norms', { id: norm.id });
    stmt(p.db, 'DELETE FROM regional_norms WHERE id = ?').run(norm.id);
  });
  return null;
}

export function saveInstrument(p: Project, input: In<'instruments.save'>): Out<'instruments.save'> {
  const current = input.id ? getContext(p).instruments.find((i) => i.id === input.id) : undefined;
  if (input.id && !current) throw notFound('instrument');
  if (input.organisationId) requireRow(p.db, 'organisations', input.organisationId, 'organisation');
  if (input.sourceId) requireRow(p.db, 'sources', input.sourceId, 'source');
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} instrument ${input.title}`, (track) =>
    upsertRow(p.db, track, 'instruments', id, {
      title: input.title,
      organisation_id: pick(input.organisationId, current?.organisationId, null),
      date: pick(input.date, current?.date, null),
      description: pick(input.description, current?.description, ''),
      source_id: pick(input.sourceId, current?.sourceId, null),
      verification: pick(input.verification, current?.verification, 'unverified'),
      verification_note: pick(input.verificationNote, current?.verificationNote, ''),
    }),
  );
  return getContext(p).instruments.find((i) => i.id === id)!;
}

export function removeInstrument(p: Project, input: In<'instruments.remove'>): Out<'instruments.remove'> {
  const instrument = getContext(p).instruments.find((i) => i.id === input.id);
  if (!instrument) throw notFound('instrument');
  p.history.edit(`Remove instrument ${instrument.title}`, (track) => {
    setLinks(p.db, track, 'instrument_norms', 'instrument_id', instrument.id, 'regional_norm_id', []);
    track('instruments', { id: instrument.id });
    stmt(p.db, 'DELETE FROM instruments WHERE id = ?').run(instrument.id);
  });
  return null;
}

export function saveMembership(p: Project, input: In<'memberships.save'>): Out<'memberships.save'> {
  const current = input.id ? getContext(p).memberships.find((m) => m.id === input.id) : undefined;
  if (input.id && !current) throw notFound('membership');
  requireRow(p.db, 'cases', input.caseId, 'case');
  requireRow(p.db, 'organisations', input.organisationId, 'organisation');
  const from = pick(input.dateFrom, current?.dateFrom, null);
  const to = pick(input.dateTo, current?.dateTo, null);
  if (from && to && from > to) throw localError('VALIDATION_FAILED', 'errorsInput.membershipBackwards');
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} membership`, (track) =>
    upsertRow(p.db, track, 'memberships', id, {
      case_id: input.caseId,
      organisation_id: input.organisationId,
      status: input.status,
      date_from: from,
      date_to: to,
      note: pick(input.note, current?.note, ''),
      verification: pick(input.verification, current?.verification, 'unverified'),
    }),
  );
  return getContext(p).memberships.find((m) => m.id === id)!;
}

export function removeMembership(p: Project, input: In<'memberships.remove'>): Out<'memberships.remove'> {
  const membership = getContext(p).memberships.find((m) => m.id === input.id);
  if (!membership) throw notFound('membership');
  p.history.edit('Remove membership', (track) => {
    track('memberships', { id: membership.id });
    stmt(p.db, 'DELETE FROM memberships WHERE id = ?').run(membership.id);
  });
  return null;
}

// -----------------------------------------------------------------------------------------------------------------
// Indicators

export function listIndicators(p: Project): IndicatorDto[] {
  const indicators = stmt(
    p.db,
    `SELECT id, name, scale, min_value AS minValue, max_value AS maxValue, higher_is AS higherIs, source_id AS sourceId, description
     FROM indicators ORDER BY name`,
  ).all() as Omit<IndicatorDto, 'values'>[];
  const values = stmt(
    p.db,
    `SELECT indicator_id, case_id AS caseId, year, value, label, source_id AS sourceId, verification, note FROM indicator_values ORDER BY case_id, year`,
  ).all() as (IndicatorDto['values'][number] & { indicator_id: string })[];
  return indicators.map((i) => ({
    ...i,
    values: values.filter((v) => v.indicator_id === i.id).map(({ indicator_id: _ignored, ...v }) => v),
  }));
}

function requireIndicator(p: Project, id: string): IndicatorDto {
  const found = listIndicators(p).find((i) => i.id === id);
  if (!found) throw notFound('indicator');
  return found;
}

export function saveIndicator(p: Project, input: In<'indicators.save'>): Out<'indicators.save'> {
  const all = listIndicators(p);
  const current = input.id ? all.find((i) => i.id === input.id) : undefined;
  if (input.id && !current) throw notFound('indicator');
  const clash = all.find((i) => i.name.toLocaleLowerCase() === input.name.toLocaleLowerCase() && i.id !== input.id);
  if (clash) throw localError('CONFLICT', 'errorsInput.indicatorExists', { name: clash.name });
  if (input.sourceId) requireRow(p.db, 'sources', input.sourceId, 'source');
  const min = pick(input.minValue, current?.minValue, null);
  const max = pick(input.maxValue, current?.maxValue, null);
  if (min !== null && max !== null && min > max) throw localError('VALIDATION_FAILED', 'errorsInput.scaleInverted');
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} indicator ${input.name}`, (track) =>
    upsertRow(p.db, track, 'indicators', id, {
      name: input.name,
      scale: pick(input.scale, current?.scale, ''),
      min_value: min,
      max_value: max,
      higher_is: pick(input.higherIs, current?.higherIs, 'better'),
      source_id: pick(input.sourceId, current?.sourceId, null),
      description: pick(input.description, current?.description, ''),
    }),
  );
  return requireIndicator(p, id);
}

export function removeIndicator(p: Project, input: In<'indicators.remove'>): Out<'indicators.remove'> {
  const indicator = requireIndicator(p, input.id);
  p.history.edit(`Remove indicator ${indicator.name}`, (track) => {
    for (const v of indicator.values) track('indicator_values', { indicator_id: indicator.id, case_id: v.caseId, year: v.year });
    track('indicators', { id: indicator.id });
    stmt(p.db, 'DELETE FROM indicators WHERE id = ?').run(indicator.id);
  });
  return null;
}

export function setIndicatorValue(p: Project, input: In<'indicators.setValue'>): Out<'indicators.setValue'> {
  const indicator = requireIndicator(p, input.indicatorId);
  requireRow(p.db, 'cases', input.caseId, 'case');
  if (input.sourceId) requireRow(p.db, 'sources', input.sourceId, 'source');
  if (input.value !== null) {
    if (indicator.minValue !== null && input.value < indicator.minValue) throw localError('VALIDATION_FAILED', 'errorsInput.belowScale', { value: String(input.value), indicator: indicator.name, hasScale: indicator.scale ? 'yes' : 'no', scale: indicator.scale, bound: String(indicator.minValue) });
    if (indicator.maxValue !== null && input.value > indicator.maxValue) throw localError('VALIDATION_FAILED', 'errorsInput.aboveScale', { value: String(input.value), indicator: indicator.name, hasScale: indicator.scale ? 'yes' : 'no', scale: indicator.scale, bound: String(indicator.maxValue) });
  }
  const key = { indicator_id: indicator.id, case_id: input.caseId, year: input.year };
  // Fields left out keep what the value had (as every other save does).
  const current = indicator.values.find((v) => v.caseId === input.caseId && v.year === input.year);
  p.history.edit(
    `Set ${indicator.name} ${input.year}`,
    (track) => {
      track('indicator_values', key);
      if (input.value === null && !(input.label ?? current?.label)) {
        stmt(p.db, 'DELETE FROM indicator_values WHERE indicator_id = @indicator_id AND case_id = @case_id AND year = @year').run(key);
        return;
      }
      stmt(
        p.db,
        `INSERT INTO indicator_values (indicator_id, case_id, year, value, label, source_id, verification, note)
         VALUES (@indicator_id, @case_id, @year, @value, @label, @source_id, @verification, @note)
         ON CONFLICT (indicator_id, case_id, year) DO UPDATE SET value = excluded.value, label = excluded.label, source_id = excluded.source_id,
           verification = excluded.verification, note = excluded.note`,
      ).run({
        ...key,
        value: input.value,
        label: input.label ?? current?.label ?? '',
        source_id: input.sourceId !== undefined ? input.sourceId : (current?.sourceId ?? null),
        verification: input.verification ?? current?.verification ?? 'unverified',
        note: input.note ?? current?.note ?? '',
      });
    },
    `indicator:${indicator.id}:${input.caseId}:${input.year}`,
  );
  return requireIndicator(p, indicator.id);
}

// -----------------------------------------------------------------------------------------------------------------
// Verification

export function listFlags(p: Project): VerificationFlagDto[] {
  return (
    stmt(p.db, 'SELECT id, issue, severity, target_type AS targetType, target_id AS targetId, resolved FROM verification_flags ORDER BY resolved, created_at, rowid').all() as (Omit<
      VerificationFlagDto,
      'resolved'
    > & { resolved: number })[]
  ).map((f) => ({ ...f, resolved: f.resolved === 1 }));
}

export function saveFlag(p: Project, input: In<'flags.save'>): Out<'flags.save'> {
  const current = input.id ? listFlags(p).find((f) => f.id === input.id) : undefined;
  if (input.id && !current) throw notFound('flag');
  const id = input.id ?? crypto.randomUUID();
  p.history.edit(`${current ? 'Edit' : 'Add'} verification flag`, (track) =>
    upsertRow(p.db, track, 'verification_flags', id, {
      issue: input.issue,
      severity: pick(input.severity, current?.severity, ''),
      target_type: pick(input.targetType, current?.targetType, null),
      target_id: pick(input.targetId, current?.targetId, null),
      resolved: pick(input.resolved, current?.resolved, false) ? 1 : 0,
    }),
  );
  return listFlags(p).find((f) => f.id === id)!;
}

export function removeFlag(p: Project, input: In<'flags.remove'>): Out<'flags.remove'> {
  const flag = listFlags(p).find((f) => f.id === input.id);
  if (!flag) throw notFound('flag');
  p.history.edit('Remove verification flag', (track) => {
    track('verification_flags', { id: flag.id });
    stmt(p.db, 'DELETE FROM verification_flags WHERE id = ?').run(flag.id);
  });
  return null;
}

/** The labels of elections and missions, whose joining words are the core's, also as catalogue messages. */
function worded(p: Project, rows: UnverifiedItemDto[]): void {
  if (!rows.some((r) => r.type === 'election' || r.type === 'mission')) return;
  const elections = new Map(
    (p.db.prepare('SELECT e.id, c.name AS kase, e.type, e.date FROM elections e JOIN cases c ON c.id = e.case_id').all() as { id: string; kase: string; type: string; date: string }[]).map((e) => [e.id, e]),
  );
  const missions = new Map(
    (p.db.prepare('SELECT m.id, m.organisation, m.election_id AS electionId FROM missions m').all() as { id: string; organisation: string; electionId: string }[]).map((m) => [m.id, m]),
  );
  for (const row of rows) {
    if (row.type === 'election') {
      const e = elections.get(row.id);
      if (e) row.labelText = textOf('errorsCore.unverifiedElection', { case: e.kase, election: textOf('record.electionTitle', { type: e.type, date: e.date }) });
    } else if (row.type === 'mission') {
      const m = missions.get(row.id);
      const e = m ? elections.get(m.electionId) : undefined;
      if (m && e) row.labelText = textOf('errorsCore.unverifiedMission', { case: e.kase, organisation: m.organisation, date: e.date });
    }
  }
}

/** Everything not yet verified externally, in one list: what still needs checking before publication. */
export function listUnverified(p: Project): Out<'verification.list'> {
  const rows = p.db
    .prepare(
      `SELECT 'election' AS type, e.id, c.name || ' · ' || e.type || ' election ' || e.date AS label, e.case_id AS caseId, e.verification, e.verification_note AS note
         FROM elections e JOIN cases c ON c.id = e.case_id WHERE e.verification != 'verified-external'
       UNION ALL
       SELECT 'mission', m.id, c.name || ' · ' || m.organisation || ' on the ' || e.date || ' election', e.case_id, m.verification, m.verification_note
         FROM missions m JOIN elections e ON e.id = m.election_id JOIN cases c ON c.id = e.case_id WHERE m.verification != 'verified-external'
       UNION ALL
       SELECT 'claim', id, claimant || ': ' || substr(statement, 1, 120), focal_case_id, verification, verification_note FROM claims WHERE verification != 'verified-external'
       UNION ALL
       SELECT 'excerpt', x.id, substr(x.text, 1, 120), NULL, x.verification, x.verification_note FROM excerpts x WHERE x.verification != 'verified-external'
       UNION ALL
       SELECT 'indicator-value', v.indicator_id || '|' || v.case_id || '|' || v.year, i.name || ' · ' || c.name || ' ' || v.year, v.case_id, v.verification, v.note
         FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id JOIN cases c ON c.id = v.case_id WHERE v.verification != 'verified-external'
       UNION ALL
       SELECT 'regional-norm', id, label, NULL, verification, verification_note FROM regional_norms WHERE verification != 'verified-external'
       UNION ALL
       SELECT 'instrument', id, title, NULL, verification, verification_note FROM instruments WHERE verification != 'verified-external'
       UNION ALL
       SELECT 'membership', m.id, c.name || ' · ' || o.name || ' ' || m.status, m.case_id, m.verification, m.note
         FROM memberships m JOIN cases c ON c.id = m.case_id JOIN organisations o ON o.id = m.organisation_id WHERE m.verification != 'verified-external'`,
    )
    .all() as UnverifiedItemDto[];
  worded(p, rows);
  // Contested first: what a source contradicts matters most; then one-source, then unverified.
  const order = { contested: 0, 'one-source': 1, unverified: 2, 'verified-external': 3 } as const;
  rows.sort((a, b) => order[a.verification] - order[b.verification] || a.type.localeCompare(b.type) || a.label.localeCompare(b.label));
  return { items: rows, flags: listFlags(p) };
}
