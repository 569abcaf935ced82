/**
 * One importer per kind: each reads one row, finds the stored record by its natural key and writes only what the
 * file gives. A column the file lacks leaves the field as it is (a new record gets the default); an empty cell in a
 * present column clears the field; a record whose given fields already hold those values is not written at all.
 */
import crypto from 'node:crypto';
import {
  CLAIM_ASSESSMENTS,
  ELECTION_TYPES,
  MEMBERSHIP_STATUSES,
  MISSION_TYPES,
  SEVERITIES,
  VERIFICATION_STATUSES,
  type CsvKind,
} from '../../contract/api';
import type { Known, Track, TrackedTable } from '../history';
import type { Project } from '../project';
import { changeLinks, writeChanges } from '../record';
import type { Row } from './headers';
import { stmt } from '../db/statements';
import { electionKey, type Keys } from './keys';
import { textOf } from '../../contract/i18n/format';
import { date, fold, int, list, num, oneOf, RowError } from './values';

export interface Context {
  p: Project;
  keys: Keys;
  track: Track;
  line: number;
  /** Per indicator, the line that first gave its scale, limits or direction, and what it gave. */
  indicatorFields: Map<string, { line: number; values: Record<string, unknown> }>;
  /** Per indicator id, its limits as stored (see the indicators importer). */
  indicatorLimits: Map<string, IndicatorLimits>;
  /** Per indicator id, the fields (by CSV column) this import found or left stored. */
  indicatorStored: Map<string, Record<string, unknown>>;
  /** Per indicator, the raw cells of its scale, limits and direction on the first row of it this import kept. */
  indicatorCells: Map<string, (string | undefined)[]>;
  /** Per indicator id, its values by case and year, as stored before the import and as they are now. */
  indicatorValues: Map<string, { read: ValuesByCase; now: ValuesByCase }>;
}

type ValuesByCase = Map<string, Map<number, IndicatorValue>>;

const byCase = (rows: IndicatorValue[]): ValuesByCase => {
  const map: ValuesByCase = new Map();
  for (const r of rows) {
    let years = map.get(r.case_id);
    if (!years) map.set(r.case_id, (years = new Map()));
    years.set(r.year, r);
  }
  return map;
};

/** A row of indicator_values as `SELECT *` returns it (columns in the table's order: see the journal below). */
export interface IndicatorValue {
  indicator_id: string;
  case_id: string;
  year: number;
  value: number | null;
  label: string;
  source_id: string | null;
  verification: string;
  note: string;
}

/**
 * Declares every indicator value the import wrote to the undo history, with the row it replaced (as read in bulk)
 * and the row written (built in the column order of `SELECT *`): one read per indicator instead of two per value.
 * Called once, after the last chunk: a rolled-back chunk's writes are forgotten with the maps (Keys.remember).
 */
type Stored = Record<string, unknown>;

export function journalIndicatorValues(ctx: Context, known: Known): void {
  for (const { read, now } of ctx.indicatorValues.values()) {
    for (const [caseId, years] of now) {
      const stored = read.get(caseId);
      for (const after of years.values()) {
        const before = stored?.get(after.year) ?? null;
        if (after !== before) known('indicator_values', { indicator_id: after.indicator_id, case_id: after.case_id, year: after.year }, before as Stored | null, after as unknown as Stored);
      }
    }
  }
}

export interface IndicatorLimits {
  min_value: number | null;
  max_value: number | null;
}

/** What one row did: created a record, changed these columns, or (neither) left everything as it was. */
export interface Outcome {
  created: boolean;
  fields: string[];
}

export type Importer = (ctx: Context, row: Row) => Outcome;

/** A field: its CSV column, its database column, how its cell is read, and its value on a new record without the column. */
export type Field = [column: string, dbColumn: string, read: (cell: string) => unknown, fallback: unknown];

export const has = (row: Row, column: string) => row[column] !== undefined;
export const asText = (cell: string) => cell;
const verification = (column = 'verification'): Field => [column, 'verification', (v) => oneOf(v, VERIFICATION_STATUSES, column, 'unverified'), 'unverified'];

export function save(ctx: Context, row: Row, table: TrackedTable, existingId: string | undefined, onCreate: Record<string, unknown>, fields: Field[]): Outcome & { id: string } {
  const id = existingId ?? crypto.randomUUID();
  const values: Record<string, unknown> = existingId ? {} : { ...onCreate };
  for (const [column, dbColumn, read, fallback] of fields) {
    if (has(row, column)) values[dbColumn] = read(row[column]!);
    else if (!existingId) values[dbColumn] = fallback;
  }
  const result = writeChanges(ctx.p.db, ctx.track, table, id, values);
  if (result.changed.length === 0) return { id, created: result.created, fields: [] };
  const columnOf = new Map(fields.map(([column, dbColumn]) => [dbColumn, column]));
  return { id, created: result.created, fields: result.changed.map((c) => columnOf.get(c) ?? c) };
}

function links(ctx: Context, row: Row, outcome: Outcome, column: string, table: TrackedTable, owner: string, ownerId: string, other: string, ids: () => string[]): void {
  if (!has(row, column)) return;
  if (changeLinks(ctx.p.db, ctx.track, table, owner, ownerId, other, ids()) && !outcome.created) outcome.fields.push(column);
}

function findings(ctx: Context, row: Row, outcome: Outcome, missionId: string): void {
  if (!has(row, 'findings')) return;
  const wanted = new Map(
    list(row.findings!).map((entry) => {
      const at = entry.lastIndexOf(':');
      if (at < 0) throw new RowError(textOf('errorsCsv.findingsForm', { column: 'findings', entry }));
      const dimension = entry.slice(0, at).trim();
      const dimensionId = ctx.keys.dimensions.get(fold(dimension));
      if (!dimensionId) throw new RowError(textOf('errorsCsv.findingsDimension', { column: 'findings', dimension }));
      return [dimensionId, oneOf(entry.slice(at + 1), SEVERITIES, `findings severity for ${dimension}`)] as const;
    }),
  );
  const db = ctx.p.db;
  const current = stmt(db, 'SELECT dimension_id, severity, note FROM mission_findings WHERE mission_id = ?').all(missionId) as { dimension_id: string; severity: string; note: string }[];
  if (current.length === wanted.size && current.every((f) => wanted.get(f.dimension_id) === f.severity)) return;
  // The CSV has no column for a finding's note: a dimension that stays keeps its note.
  const notes = new Map(current.map((f) => [f.dimension_id, f.note]));
  for (const dimensionId of new Set([...notes.keys(), ...wanted.keys()])) ctx.track('mission_findings', { mission_id: missionId, dimension_id: dimensionId });
  stmt(db, 'DELETE FROM mission_findings WHERE mission_id = ?').run(missionId);
  const insert = stmt(db, 'INSERT INTO mission_findings (mission_id, dimension_id, severity, note) VALUES (?, ?, ?, ?)');
  for (const [dimensionId, severity] of wanted) insert.run(missionId, dimensionId, severity, notes.get(dimensionId) ?? '');
  if (!outcome.created) outcome.fields.push('findings');
}

/** The regional columns each kind of record does not use. */
const NOT_FOR = {
  norm: ['date', 'norms', 'case', 'status', 'date_from', 'date_to'],
  instrument: ['entrepreneurs', 'year_from', 'year_to', 'case', 'status', 'date_from', 'date_to'],
  membership: ['label', 'description', 'entrepreneurs', 'year_from', 'year_to', 'date', 'norms'],
} as const;

const INDICATOR_FIELDS: Field[] = [
  ['scale', 'scale', asText, ''],
  ['min', 'min_value', (v) => num(v, 'min'), null],
  ['max', 'max_value', (v) => num(v, 'max'), null],
  ['higher_is', 'higher_is', (v) => oneOf(v, ['better', 'worse', 'neither'] as const, 'higher_is', 'better'), 'better'],
];

/** The columns of an indicator value a file may give (the rest is its key and its source, which a file never sets). */
const VALUE_COLUMNS = ['value', 'label', 'verification', 'note'] as const;

const NO_FIELDS = Object.freeze([]) as unknown as string[];
/** A created row's outcome (one for all of them: nothing writes to an outcome's fields after its importer). */
const CREATED: Outcome = Object.freeze({ created: true, fields: NO_FIELDS });

/** The indicator a row names, checked against the earlier rows of it and written where it gives new fields. */
function indicatorOf(ctx: Context, row: Row, name: string, indicatorKey: string): Outcome & { id: string } {
  const { keys } = ctx;
  // The indicator's own fields repeat on each of its rows: rows that disagree are refused, not settled by order.
  const given = Object.fromEntries(INDICATOR_FIELDS.filter(([column]) => has(row, column)).map(([column, , read]) => [column, read(row[column]!)]));
  const seen = ctx.indicatorFields.get(indicatorKey);
  for (const [column, value] of Object.entries(given)) {
    if (seen && column in seen.values && seen.values[column] !== value) throw new RowError(textOf('errorsCsv.indicatorDiffers', { column, line: String(seen.line), name }));
  }
  // A row that gives the indicator's fields as an earlier row of this import left them stored is not written, nor
  // the stored row read, again; a refused row's knowledge goes with it (remember).
  const knownId = keys.indicators.get(indicatorKey);
  const known = knownId === undefined ? undefined : ctx.indicatorStored.get(knownId);
  const same = known !== undefined && Object.keys(known).length === Object.keys(given).length && Object.entries(given).every(([column, value]) => column in known && known[column] === value);
  const indicator = same ? { id: knownId!, created: false, fields: [] as string[] } : save(ctx, row, 'indicators', knownId, { name, source_id: null, description: '' }, INDICATOR_FIELDS);
  if (!same) keys.remember(ctx.indicatorStored, indicator.id, { ...given });
  if (indicator.created) keys.remember(keys.indicators, indicatorKey, indicator.id);
  if (!seen) ctx.indicatorFields.set(indicatorKey, { line: ctx.line, values: given });
  else Object.assign(seen.values, given);
  if (!ctx.indicatorCells.has(indicatorKey)) keys.remember(ctx.indicatorCells, indicatorKey, [row.scale, row.min, row.max, row.higher_is]);
  return indicator;
}

export const IMPORTERS: Record<Exclude<CsvKind, 'cases' | 'cells'>, Importer> = {
  elections(ctx, row) {
    const caseId = ctx.keys.caseId(row.case!, 'case')!;
    const d = date(row.date!, 'date', true)!;
    const type = oneOf(row.type!, ELECTION_TYPES, 'type');
    const round = int(row.round ?? '', 'round');
    const key = electionKey(caseId, d, type, round);
    const outcome = save(ctx, row, 'elections', ctx.keys.elections.get(key), { case_id: caseId, date: d, type, round }, [
      ['label', 'label', asText, ''],
      ['official_result', 'official_result', asText, ''],
      ['notes', 'notes', asText, ''],
      verification(),
      ['verification_note', 'verification_note', asText, ''],
    ]);
    if (outcome.created) ctx.keys.remember(ctx.keys.elections, key, outcome.id);
    return outcome;
  },

  missions(ctx, row) {
    const electionId = ctx.keys.election(row.case!, row.election_date!, row.election_type!, row.election_round ?? '');
    const organisation = ctx.keys.missionOrganisation(row.organisation!);
    const existing = stmt(ctx.p.db, 'SELECT id FROM missions WHERE election_id = ? AND organisation = ?').get(electionId, organisation) as { id: string } | undefined;
    const outcome = save(ctx, row, 'missions', existing?.id, { election_id: electionId, organisation }, [
      ['mission_type', 'mission_type', (v) => oneOf(v, MISSION_TYPES, 'mission_type'), undefined],
      ['reason', 'reason', asText, ''],
      ['head_of_mission', 'head_of_mission', asText, ''],
      ['verdict', 'verdict', asText, ''],
      ['verdict_quote', 'verdict_quote', asText, ''],
      verification(),
      ['verification_note', 'verification_note', asText, ''],
    ]);
    findings(ctx, row, outcome, outcome.id);
    return outcome;
  },

  claims(ctx, row) {
    const { p, keys } = ctx;
    const claimant = row.claimant!.trim();
    const claimKey = `${claimant}\u0000${row.statement}`;
    const existingId = keys.claims.get(claimKey);
    const existing = existingId === undefined ? undefined : (stmt(p.db, 'SELECT id, norm_id, stage_id FROM claims WHERE id = ?').get(existingId) as
      | { id: string; norm_id: string | null; stage_id: string | null }
      | undefined);
    const normOf = (value: string) => {
      if (!value.trim()) return null;
      const norm = keys.norms.get(fold(value));
      if (!norm) throw new RowError(textOf('errorsCsv.notANorm', { value }));
      return norm;
    };
    const norm = has(row, 'norm') ? normOf(row.norm!) : undefined;
    // A stage belongs to the framework of the claim's norm: the file's norm, or else the stored one.
    const frameworkId =
      norm !== undefined ? (norm?.frameworkId ?? null) : existing?.norm_id ? ((stmt(p.db, 'SELECT framework_id FROM norms WHERE id = ?').get(existing.norm_id) as { framework_id: string }).framework_id) : null;
    const stageOf = (value: string) => {
      if (!value.trim()) return null;
      if (!frameworkId) throw new RowError(textOf('errorsCsv.stageNeedsNorm'));
      const stage = stmt(p.db, 'SELECT id FROM stages WHERE framework_id = ? AND lower(label) = lower(?) AND archived_at IS NULL').get(frameworkId, value.trim()) as { id: string } | undefined;
      if (!stage) throw new RowError(textOf('errorsCsv.notAStage', { value }));
      return stage.id;
    };
    if (!has(row, 'stage') && norm !== undefined && existing?.stage_id) {
      const kept = stmt(p.db, 'SELECT framework_id, label FROM stages WHERE id = ?').get(existing.stage_id) as { framework_id: string; label: string };
      if (kept.framework_id !== frameworkId) throw new RowError(textOf('errorsCsv.claimStageKept', { stage: kept.label }));
    }
    const dimensionOf = (value: string) => {
      if (!value.trim()) return null;
      const dimension = keys.dimensions.get(fold(value));
      if (!dimension) throw new RowError(textOf('errorsCsv.notADimension', { value }));
      return dimension;
    };
    const outcome = save(ctx, row, 'claims', existing?.id, { claimant, statement: row.statement }, [
      ['claimant_role', 'claimant_role', asText, ''],
      ['claimant_case', 'claimant_case_id', (v) => keys.caseId(v, 'claimant_case', false), null],
      ['date', 'date', (v) => date(v, 'date'), null],
      ['statement_kind', 'statement_kind', (v) => oneOf(v, ['quote', 'paraphrase'] as const, 'statement_kind', 'paraphrase'), 'paraphrase'],
      ['target', 'target', (v) => v.trim() || 'OSCE/ODIHR', 'OSCE/ODIHR'],
      ['focal_case', 'focal_case_id', (v) => keys.caseId(v, 'focal_case', false), null],
      ['comparator_note', 'comparator_note', asText, ''],
      ['dimension', 'dimension_id', dimensionOf, null],
      ['dimension_note', 'dimension_note', asText, ''],
      ['norm', 'norm_id', () => norm?.id ?? null, null],
      ['stage', 'stage_id', stageOf, null],
      ['assessment', 'assessment', (v) => oneOf(v, CLAIM_ASSESSMENTS, 'assessment', 'undetermined'), 'undetermined'],
      ['reasoning', 'reasoning', asText, ''],
      verification(),
      ['verification_note', 'verification_note', asText, ''],
    ]);
    if (outcome.created) keys.remember(keys.claims, claimKey, outcome.id);
    links(ctx, row, outcome, 'comparator_cases', 'claim_comparators', 'claim_id', outcome.id, 'case_id', () => list(row.comparator_cases!).map((c) => keys.caseId(c, 'comparator_cases')!));
    links(ctx, row, outcome, 'compared_missions', 'claim_missions', 'claim_id', outcome.id, 'mission_id', () =>
      list(row.compared_missions!).map((entry) => {
        const parts = entry.split('|').map((x) => x.trim());
        if (parts.length < 4) throw new RowError(textOf('errorsCsv.comparedForm', { column: 'compared_missions', entry, form: 'CASE|DATE|TYPE|ORGANISATION', round: '|ROUND' }));
        const electionId = keys.election(parts[0]!, parts[1]!, parts[2]!, parts[4] ?? '', 'compared_missions');
        const organisation = keys.missionOrganisations.get(fold(parts[3]!)) ?? parts[3];
        const mission = stmt(p.db, 'SELECT id FROM missions WHERE election_id = ? AND organisation = ?').get(electionId, organisation) as { id: string } | undefined;
        if (!mission) throw new RowError(textOf('errorsCsv.comparedMissing', { column: 'compared_missions', organisation: parts[3]! }));
        return mission.id;
      }),
    );
    return outcome;
  },

  indicators(ctx, row) {
    const { p, keys } = ctx;
    const name = row.indicator!.trim();
    const indicatorKey = fold(name);
    // Every row of an indicator repeats its scale, limits and direction: a row whose cells are those of a row this
    // import kept was checked and written already (the columns are the file's, the same on every row).
    const knownId = keys.indicators.get(indicatorKey);
    const cells = ctx.indicatorCells.get(indicatorKey);
    const same = knownId !== undefined && cells !== undefined && cells[0] === row.scale && cells[1] === row.min && cells[2] === row.max && cells[3] === row.higher_is;
    const indicator = same ? { id: knownId, created: false, fields: NO_FIELDS } : indicatorOf(ctx, row, name, indicatorKey);

    const caseId = keys.caseId(row.case!, 'case')!;
    const year = int(row.year!, 'year');
    if (year === null) throw new RowError(textOf('errorsCore.csvRequired', { column: 'year' }));
    // An indicator's stored values are read in one query the first time a row names it, then kept as rows write them.
    let values = ctx.indicatorValues.get(indicator.id);
    if (!values) {
      const rows = stmt(p.db, 'SELECT * FROM indicator_values WHERE indicator_id = ?').all(indicator.id) as IndicatorValue[];
      values = { read: byCase(rows), now: byCase(rows) };
      keys.remember(ctx.indicatorValues, indicator.id, values);
    }
    let years = values.now.get(caseId);
    if (!years) {
      years = new Map();
      keys.remember(values.now, caseId, years);
    }
    const current = years.get(year);
    // Columns in the order of the table, as `SELECT *` returns them: the undo history compares whole rows.
    const next: IndicatorValue = {
      indicator_id: indicator.id,
      case_id: caseId,
      year,
      value: has(row, 'value') ? num(row.value!, 'value') : (current?.value ?? null),
      label: has(row, 'label') ? row.label! : (current?.label ?? ''),
      source_id: current?.source_id ?? null,
      verification: has(row, 'verification') ? oneOf(row.verification!, VERIFICATION_STATUSES, 'verification', 'unverified') : (current?.verification ?? 'unverified'),
      note: has(row, 'note') ? row.note! : (current?.note ?? ''),
    };
    const value = next.value;
    if (value === null && next.label.trim() === '') throw new RowError(textOf('errorsCsv.valueOrLabel'));
    // The limits are read once per indicator, and again only after a row changed the indicator; a rolled-back row's
    // reading is forgotten with it (remember), so a value is never checked against limits that were not kept.
    let limits = indicator.created || indicator.fields.length > 0 ? undefined : ctx.indicatorLimits.get(indicator.id);
    if (!limits) {
      limits = stmt(p.db, 'SELECT min_value, max_value FROM indicators WHERE id = ?').get(indicator.id) as IndicatorLimits;
      keys.remember(ctx.indicatorLimits, indicator.id, limits);
    }
    if (value !== null && limits.min_value !== null && value < limits.min_value) throw new RowError(textOf('errorsCsv.belowMinimum', { value: String(value), bound: String(limits.min_value) }));
    if (value !== null && limits.max_value !== null && value > limits.max_value) throw new RowError(textOf('errorsCsv.aboveMaximum', { value: String(value), bound: String(limits.max_value) }));
    const changed = current ? VALUE_COLUMNS.filter((c) => next[c] !== current[c]) : [];
    if (!current || changed.length > 0) {
      stmt(
        p.db,
        `INSERT INTO indicator_values (indicator_id, case_id, year, value, label, source_id, verification, note)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
           ON CONFLICT (indicator_id, case_id, year) DO UPDATE SET value = excluded.value, label = excluded.label, verification = excluded.verification, note = excluded.note`,
      ).run(next.indicator_id, next.case_id, next.year, next.value, next.label, next.verification, next.note);
      keys.remember(years, year, next);
    }
    return current ? { created: false, fields: [...indicator.fields, ...changed] } : CREATED;
  },

  regional(ctx, row) {
    const { p, keys } = ctx;
    const record = oneOf(row.record ?? '', ['norm', 'instrument', 'membership'] as const, 'record');
    // A cell a record does not use would be dropped without a word: refuse it instead.
    const unused = NOT_FOR[record].filter((column) => row[column]?.trim());
    if (unused.length > 0) throw new RowError(textOf('errorsCsv.unusedCells', { record, columns: unused.join(', '), count: unused.length }));
    const organisationId = has(row, 'organisation') && row.organisation!.trim() ? keys.organisation(ctx.track, row.organisation!) : null;
    const organisation: Field = ['organisation', 'organisation_id', () => organisationId, null];
    const note = (dbColumn: string): Field => ['note', dbColumn, asText, ''];
    if (record === 'norm') {
      if (!row.label?.trim()) throw new RowError(textOf('errorsCsv.normLabel', { column: 'label' }));
      const label = row.label.trim();
      const existingId = keys.regionalNorms.get(fold(label));
      const current = existingId ? (stmt(p.db, 'SELECT year_from, year_to FROM regional_norms WHERE id = ?').get(existingId) as { year_from: number | null; year_to: number | null }) : undefined;
      const from = has(row, 'year_from') ? int(row.year_from!, 'year_from') : (current?.year_from ?? null);
      const to = has(row, 'year_to') ? int(row.year_to!, 'year_to') : (current?.year_to ?? null);
      if (from !== null && to !== null && from > to) throw new RowError(textOf('errorsCsv.yearsBackwards', { to: 'year_to', from: 'year_from' }));
      const outcome = save(ctx, row, 'regional_norms', existingId, { label }, [
        ['label', 'label', (v) => v.trim(), label],
        ['description', 'description', asText, ''],
        organisation,
        ['entrepreneurs', 'entrepreneurs', asText, ''],
        ['year_from', 'year_from', () => from, null],
        ['year_to', 'year_to', () => to, null],
        verification(),
        note('verification_note'),
      ]);
      if (outcome.created) keys.remember(keys.regionalNorms, fold(label), outcome.id);
      return outcome;
    }
    if (record === 'instrument') {
      if (!row.label?.trim()) throw new RowError(textOf('errorsCsv.instrumentLabel', { column: 'label' }));
      const title = row.label.trim();
      const outcome = save(ctx, row, 'instruments', keys.instruments.get(title), { title, source_id: null }, [
        organisation,
        ['description', 'description', asText, ''],
        ['date', 'date', (v) => date(v, 'date'), null],
        verification(),
        note('verification_note'),
      ]);
      if (outcome.created) keys.remember(keys.instruments, title, outcome.id);
      links(ctx, row, outcome, 'norms', 'instrument_norms', 'instrument_id', outcome.id, 'regional_norm_id', () =>
        list(row.norms!).map((label) => {
          const normId = keys.regionalNorms.get(fold(label));
          if (!normId) throw new RowError(textOf('errorsCsv.notRegionalNorm', { column: 'norms', label }));
          return normId;
        }),
      );
      return outcome;
    }
    if (!organisationId) throw new RowError(textOf('errorsCsv.membershipOrganisation', { column: 'organisation' }));
    const caseId = keys.caseId(row.case ?? '', 'case')!;
    const status = oneOf(row.status ?? '', MEMBERSHIP_STATUSES, 'status');
    const from = date(row.date_from ?? '', 'date_from');
    const existing = stmt(p.db, "SELECT id, date_to FROM memberships WHERE case_id = ? AND organisation_id = ? AND status = ? AND coalesce(date_from, '') = coalesce(?, '')")
      .get(caseId, organisationId, status, from) as { id: string; date_to: string | null } | undefined;
    const to = has(row, 'date_to') ? date(row.date_to!, 'date_to') : (existing?.date_to ?? null);
    if (from && to && from > to) throw new RowError(textOf('errorsCsv.datesBackwards', { to: 'date_to', from: 'date_from' }));
    return save(ctx, row, 'memberships', existing?.id, { case_id: caseId, organisation_id: organisationId, status, date_from: from }, [
      ['date_to', 'date_to', () => to, null],
      note('note'),
      verification(),
    ]);
  },
};
