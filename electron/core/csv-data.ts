/**
 * Bulk data from spreadsheets: elections, missions, claims, indicators and the regional context as CSV, with the
 * headers documented in the README. Rows refer to cases, elections, norms and dimensions by their natural keys
 * (ISO code or name, date + type, label), so an export imports into another project as it is. An import is one
 * transaction and one undoable step; a bad row aborts it with its line number unless bad rows are skipped, and the
 * preview runs the very same code and rolls it back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  CLAIM_ASSESSMENTS,
  ELECTION_TYPES,
  MEMBERSHIP_STATUSES,
  MISSION_TYPES,
  SEVERITIES,
  VERIFICATION_STATUSES,
  type ApiInput,
  type ApiOutput,
  type CsvKind,
  type CsvProblem,
} from '../contract/api';
import { ApiError } from '../contract/errors';
import type { Track } from './history';
import type { Project } from './project';
import { setLinks, upsertRow } from './record';

/** The columns of each kind, in order. Required columns are marked in REQUIRED. */
export const CSV_HEADERS: Record<CsvKind, readonly string[]> = {
  elections: ['case', 'date', 'type', 'round', 'label', 'official_result', 'notes', 'verification', 'verification_note'],
  missions: ['case', 'election_date', 'election_type', 'election_round', 'organisation', 'mission_type', 'reason', 'head_of_mission', 'verdict', 'verdict_quote', 'findings', 'verification', 'verification_note'],
  claims: [
    'claimant',
    'claimant_role',
    'claimant_case',
    'date',
    'statement',
    'statement_kind',
    'target',
    'focal_case',
    'comparator_cases',
    'comparator_note',
    'dimension',
    'dimension_note',
    'norm',
    'stage',
    'compared_missions',
    'assessment',
    'reasoning',
    'verification',
    'verification_note',
  ],
  indicators: ['indicator', 'case', 'year', 'value', 'label', 'scale', 'min', 'max', 'higher_is', 'verification', 'note'],
  regional: ['record', 'organisation', 'label', 'description', 'entrepreneurs', 'year_from', 'year_to', 'date', 'norms', 'case', 'status', 'date_from', 'date_to', 'verification', 'note'],
};

const REQUIRED: Record<CsvKind, readonly string[]> = {
  elections: ['case', 'date', 'type'],
  missions: ['case', 'election_date', 'election_type', 'organisation', 'mission_type'],
  claims: ['claimant', 'statement'],
  indicators: ['indicator', 'case', 'year'],
  regional: ['record'],
};

type Row = Record<string, string>;

class RowError extends Error {}

const fold = (s: string) => s.normalize('NFKC').trim().toLocaleLowerCase();
const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

function oneOf<T extends string>(value: string, allowed: readonly T[], column: string, fallback?: T): T {
  const v = value.trim();
  if (v === '' && fallback !== undefined) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new RowError(`${column} must be one of ${allowed.join(', ')}${fallback !== undefined ? ' (or empty)' : ''}, not "${v}"`);
}

function date(value: string, column: string, required = false): string | null {
  const v = value.trim();
  if (v === '') {
    if (required) throw new RowError(`${column} is required`);
    return null;
  }
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(v)) throw new RowError(`${column} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
  return v;
}

function int(value: string, column: string): number | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^-?\d+$/.test(v)) throw new RowError(`${column} must be a whole number, not "${v}"`);
  return Number(v);
}

function num(value: string, column: string): number | null {
  const v = value.trim();
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new RowError(`${column} must be a number, not "${v}"`);
  return n;
}

/** Lookups by natural key, built once per import and kept up to date as rows are written. */
class Keys {
  readonly cases = new Map<string, string>();
  readonly norms = new Map<string, { id: string; frameworkId: string }>();
  readonly dimensions = new Map<string, string>();
  readonly organisations = new Map<string, string>();
  readonly indicators = new Map<string, string>();
  readonly regionalNorms = new Map<string, string>();

  constructor(private readonly p: Project) {
    for (const c of p.db.prepare('SELECT id, name, iso_code FROM cases').all() as { id: string; name: string; iso_code: string | null }[]) {
      this.cases.set(fold(c.name), c.id);
      if (c.iso_code) this.cases.set(fold(c.iso_code), c.id);
    }
    for (const n of p.db.prepare('SELECT id, label, short_label, framework_id FROM norms').all() as { id: string; label: string; short_label: string; framework_id: string }[]) {
      this.norms.set(fold(n.label), { id: n.id, frameworkId: n.framework_id });
      if (n.short_label) this.norms.set(fold(n.short_label), { id: n.id, frameworkId: n.framework_id });
    }
    for (const d of p.db.prepare('SELECT id, label FROM finding_dimensions').all() as { id: string; label: string }[]) this.dimensions.set(fold(d.label), d.id);
    for (const o of p.db.prepare('SELECT id, name FROM organisations').all() as { id: string; name: string }[]) this.organisations.set(fold(o.name), o.id);
    for (const i of p.db.prepare('SELECT id, name FROM indicators').all() as { id: string; name: string }[]) this.indicators.set(fold(i.name), i.id);
    for (const r of p.db.prepare('SELECT id, label FROM regional_norms').all() as { id: string; label: string }[]) this.regionalNorms.set(fold(r.label), r.id);
  }

  caseId(value: string, column: string, required = true): string | null {
    if (value.trim() === '') {
      if (required) throw new RowError(`${column} is required`);
      return null;
    }
    const id = this.cases.get(fold(value));
    if (!id) throw new RowError(`${column} "${value}" is not a case of this project (use its name or ISO code)`);
    return id;
  }

  election(caseValue: string, dateValue: string, typeValue: string, roundValue: string, column = 'election'): string {
    const caseId = this.caseId(caseValue, 'case')!;
    const d = date(dateValue, `${column}_date`, true);
    const type = oneOf(typeValue, ELECTION_TYPES, `${column}_type`);
    const round = int(roundValue, `${column}_round`);
    const found = this.p.db
      .prepare('SELECT id FROM elections WHERE case_id = ? AND date = ? AND type = ? AND coalesce(round, 0) = coalesce(?, 0)')
      .get(caseId, d, type, round) as { id: string } | undefined;
    if (!found) throw new RowError(`there is no ${type} election of ${caseValue} on ${d}${round ? ` (round ${round})` : ''}; import the elections first`);
    return found.id;
  }

  organisation(track: Track, name: string): string {
    const existing = this.organisations.get(fold(name));
    if (existing) return existing;
    const id = crypto.randomUUID();
    upsertRow(this.p.db, track, 'organisations', id, { name: name.trim(), full_name: '', description: '' });
    this.organisations.set(fold(name), id);
    return id;
  }
}

type Importer = (p: Project, keys: Keys, track: Track, row: Row) => void;

const IMPORTERS: Record<CsvKind, Importer> = {
  elections(p, keys, track, row) {
    const caseId = keys.caseId(row.case!, 'case')!;
    const d = date(row.date!, 'date', true)!;
    const type = oneOf(row.type!, ELECTION_TYPES, 'type');
    const round = int(row.round ?? '', 'round');
    const existing = p.db
      .prepare('SELECT id FROM elections WHERE case_id = ? AND date = ? AND type = ? AND coalesce(round, 0) = coalesce(?, 0)')
      .get(caseId, d, type, round) as { id: string } | undefined;
    upsertRow(p.db, track, 'elections', existing?.id ?? crypto.randomUUID(), {
      case_id: caseId,
      date: d,
      type,
      round,
      label: row.label ?? '',
      official_result: row.official_result ?? '',
      notes: row.notes ?? '',
      verification: oneOf(row.verification ?? '', VERIFICATION_STATUSES, 'verification', 'unverified'),
      verification_note: row.verification_note ?? '',
    });
  },

  missions(p, keys, track, row) {
    const electionId = keys.election(row.case!, row.election_date!, row.election_type!, row.election_round ?? '');
    const organisation = row.organisation!.trim();
    const findings = list(row.findings ?? '').map((entry) => {
      const at = entry.lastIndexOf(':');
      if (at < 0) throw new RowError(`findings entry "${entry}" must look like "Dimension: severity"`);
      const dimension = entry.slice(0, at).trim();
      const dimensionId = keys.dimensions.get(fold(dimension));
      if (!dimensionId) throw new RowError(`findings: "${dimension}" is not a finding dimension of this project`);
      return { dimensionId, severity: oneOf(entry.slice(at + 1), SEVERITIES, `findings severity for ${dimension}`) };
    });
    const existing = p.db.prepare('SELECT id FROM missions WHERE election_id = ? AND organisation = ?').get(electionId, organisation) as { id: string } | undefined;
    const id = existing?.id ?? crypto.randomUUID();
    upsertRow(p.db, track, 'missions', id, {
      election_id: electionId,
      organisation,
      mission_type: oneOf(row.mission_type!, MISSION_TYPES, 'mission_type'),
      reason: row.reason ?? '',
      head_of_mission: row.head_of_mission ?? '',
      verdict: row.verdict ?? '',
      verdict_quote: row.verdict_quote ?? '',
      verification: oneOf(row.verification ?? '', VERIFICATION_STATUSES, 'verification', 'unverified'),
      verification_note: row.verification_note ?? '',
    });
    for (const f of p.db.prepare('SELECT dimension_id FROM mission_findings WHERE mission_id = ?').all(id) as { dimension_id: string }[]) {
      track('mission_findings', { mission_id: id, dimension_id: f.dimension_id });
    }
    for (const f of findings) track('mission_findings', { mission_id: id, dimension_id: f.dimensionId });
    p.db.prepare('DELETE FROM mission_findings WHERE mission_id = ?').run(id);
    const insert = p.db.prepare('INSERT INTO mission_findings (mission_id, dimension_id, severity, note) VALUES (?, ?, ?, ?)');
    for (const f of new Map(findings.map((x) => [x.dimensionId, x])).values()) insert.run(id, f.dimensionId, f.severity, '');
  },

  claims(p, keys, track, row) {
    const norm = row.norm?.trim() ? keys.norms.get(fold(row.norm)) : undefined;
    if (row.norm?.trim() && !norm) throw new RowError(`norm "${row.norm}" is not a norm of this project`);
    let stageId: string | null = null;
    if (row.stage?.trim()) {
      if (!norm) throw new RowError('a stage needs its norm');
      const stage = p.db.prepare('SELECT id FROM stages WHERE framework_id = ? AND lower(label) = lower(?) AND archived_at IS NULL').get(norm.frameworkId, row.stage.trim()) as
        | { id: string }
        | undefined;
      if (!stage) throw new RowError(`stage "${row.stage}" is not a stage of that norm's framework`);
      stageId = stage.id;
    }
    const dimension = row.dimension?.trim() ? keys.dimensions.get(fold(row.dimension)) : null;
    if (row.dimension?.trim() && !dimension) throw new RowError(`dimension "${row.dimension}" is not a finding dimension of this project`);
    const comparators = list(row.comparator_cases ?? '').map((c) => keys.caseId(c, 'comparator_cases')!);
    const missions = list(row.compared_missions ?? '').map((entry) => {
      const parts = entry.split('|').map((x) => x.trim());
      if (parts.length < 4) throw new RowError(`compared_missions entry "${entry}" must look like "CASE|DATE|TYPE|ORGANISATION" (optionally "|ROUND")`);
      const electionId = keys.election(parts[0]!, parts[1]!, parts[2]!, parts[4] ?? '', 'compared_missions');
      const mission = p.db.prepare('SELECT id FROM missions WHERE election_id = ? AND organisation = ?').get(electionId, parts[3]) as { id: string } | undefined;
      if (!mission) throw new RowError(`compared_missions: no ${parts[3]} mission on that election; import the missions first`);
      return mission.id;
    });
    const existing = p.db.prepare('SELECT id FROM claims WHERE claimant = ? AND statement = ?').get(row.claimant!.trim(), row.statement) as { id: string } | undefined;
    const id = existing?.id ?? crypto.randomUUID();
    upsertRow(p.db, track, 'claims', id, {
      claimant: row.claimant!.trim(),
      claimant_role: row.claimant_role ?? '',
      claimant_case_id: keys.caseId(row.claimant_case ?? '', 'claimant_case', false),
      date: date(row.date ?? '', 'date'),
      statement: row.statement,
      statement_kind: oneOf(row.statement_kind ?? '', ['quote', 'paraphrase'] as const, 'statement_kind', 'paraphrase'),
      target: row.target?.trim() || 'OSCE/ODIHR',
      focal_case_id: keys.caseId(row.focal_case ?? '', 'focal_case', false),
      comparator_note: row.comparator_note ?? '',
      dimension_id: dimension ?? null,
      dimension_note: row.dimension_note ?? '',
      norm_id: norm?.id ?? null,
      stage_id: stageId,
      assessment: oneOf(row.assessment ?? '', CLAIM_ASSESSMENTS, 'assessment', 'undetermined'),
      reasoning: row.reasoning ?? '',
      verification: oneOf(row.verification ?? '', VERIFICATION_STATUSES, 'verification', 'unverified'),
      verification_note: row.verification_note ?? '',
    });
    setLinks(p.db, track, 'claim_comparators', 'claim_id', id, 'case_id', comparators);
    setLinks(p.db, track, 'claim_missions', 'claim_id', id, 'mission_id', missions);
  },

  indicators(p, keys, track, row) {
    const name = row.indicator!.trim();
    let indicatorId = keys.indicators.get(fold(name));
    const min = num(row.min ?? '', 'min');
    const max = num(row.max ?? '', 'max');
    if (!indicatorId) {
      indicatorId = crypto.randomUUID();
      upsertRow(p.db, track, 'indicators', indicatorId, {
        name,
        scale: row.scale ?? '',
        min_value: min,
        max_value: max,
        higher_is: oneOf(row.higher_is ?? '', ['better', 'worse', 'neither'] as const, 'higher_is', 'better'),
        source_id: null,
        description: '',
      });
      keys.indicators.set(fold(name), indicatorId);
    }
    const limits = p.db.prepare('SELECT min_value, max_value FROM indicators WHERE id = ?').get(indicatorId) as { min_value: number | null; max_value: number | null };
    const caseId = keys.caseId(row.case!, 'case')!;
    const year = int(row.year!, 'year');
    if (year === null) throw new RowError('year is required');
    const value = num(row.value ?? '', 'value');
    const label = row.label ?? '';
    if (value === null && label.trim() === '') throw new RowError('give a value, a label, or both');
    if (value !== null && limits.min_value !== null && value < limits.min_value) throw new RowError(`value ${value} is below the indicator's minimum ${limits.min_value}`);
    if (value !== null && limits.max_value !== null && value > limits.max_value) throw new RowError(`value ${value} is above the indicator's maximum ${limits.max_value}`);
    const key = { indicator_id: indicatorId, case_id: caseId, year };
    track('indicator_values', key);
    p.db
      .prepare(
        `INSERT INTO indicator_values (indicator_id, case_id, year, value, label, source_id, verification, note)
         VALUES (@indicator_id, @case_id, @year, @value, @label, NULL, @verification, @note)
         ON CONFLICT (indicator_id, case_id, year) DO UPDATE SET value = excluded.value, label = excluded.label, verification = excluded.verification, note = excluded.note`,
      )
      .run({ ...key, value, label, verification: oneOf(row.verification ?? '', VERIFICATION_STATUSES, 'verification', 'unverified'), note: row.note ?? '' });
  },

  regional(p, keys, track, row) {
    const record = oneOf(row.record ?? '', ['norm', 'instrument', 'membership'] as const, 'record');
    const verification = oneOf(row.verification ?? '', VERIFICATION_STATUSES, 'verification', 'unverified');
    const organisationId = row.organisation?.trim() ? keys.organisation(track, row.organisation) : null;
    if (record === 'norm') {
      if (!row.label?.trim()) throw new RowError('label is required for a norm');
      const from = int(row.year_from ?? '', 'year_from');
      const to = int(row.year_to ?? '', 'year_to');
      if (from !== null && to !== null && from > to) throw new RowError('year_to is before year_from');
      const id = keys.regionalNorms.get(fold(row.label)) ?? crypto.randomUUID();
      upsertRow(p.db, track, 'regional_norms', id, {
        label: row.label.trim(),
        description: row.description ?? '',
        organisation_id: organisationId,
        entrepreneurs: row.entrepreneurs ?? '',
        year_from: from,
        year_to: to,
        verification,
        verification_note: row.note ?? '',
      });
      keys.regionalNorms.set(fold(row.label), id);
    } else if (record === 'instrument') {
      if (!row.label?.trim()) throw new RowError('label (the instrument\'s title) is required');
      const existing = p.db.prepare('SELECT id FROM instruments WHERE title = ?').get(row.label.trim()) as { id: string } | undefined;
      const id = existing?.id ?? crypto.randomUUID();
      const normIds = list(row.norms ?? '').map((label) => {
        const normId = keys.regionalNorms.get(fold(label));
        if (!normId) throw new RowError(`norms: "${label}" is not a regional norm (put norm rows before the instruments that carry them)`);
        return normId;
      });
      upsertRow(p.db, track, 'instruments', id, {
        title: row.label.trim(),
        organisation_id: organisationId,
        date: date(row.date ?? '', 'date'),
        description: row.description ?? '',
        source_id: null,
        verification,
        verification_note: row.note ?? '',
      });
      setLinks(p.db, track, 'instrument_norms', 'instrument_id', id, 'regional_norm_id', normIds);
    } else {
      if (!organisationId) throw new RowError('organisation is required for a membership');
      const caseId = keys.caseId(row.case ?? '', 'case')!;
      const status = oneOf(row.status ?? '', MEMBERSHIP_STATUSES, 'status');
      const from = date(row.date_from ?? '', 'date_from');
      const to = date(row.date_to ?? '', 'date_to');
      if (from && to && from > to) throw new RowError('date_to is before date_from');
      const existing = p.db
        .prepare('SELECT id FROM memberships WHERE case_id = ? AND organisation_id = ? AND status = ? AND coalesce(date_from, \'\') = coalesce(?, \'\')')
        .get(caseId, organisationId, status, from) as { id: string } | undefined;
      upsertRow(p.db, track, 'memberships', existing?.id ?? crypto.randomUUID(), {
        case_id: caseId,
        organisation_id: organisationId,
        status,
        date_from: from,
        date_to: to,
        note: row.note ?? '',
        verification,
      });
    }
  },
};

interface Parsed {
  header: string[];
  records: { line: number; row: Row }[];
}

function readCsv(input: { kind: CsvKind; path?: string | undefined; text?: string | undefined }): Parsed {
  const fileName = input.path ? path.basename(input.path) : 'the CSV';
  let text: string;
  if (input.path !== undefined) {
    try {
      text = fs.readFileSync(input.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ApiError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'VALIDATION_FAILED', `"${fileName}" cannot be read (${code ?? 'error'}).`);
    }
  } else text = input.text ?? '';
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ApiError('VALIDATION_FAILED', `"${fileName}" is empty. The first line must be the header: ${CSV_HEADERS[input.kind].join(',')}`);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new ApiError('VALIDATION_FAILED', `"${fileName}" is not valid CSV${e.lines ? ` (line ${e.lines})` : ''}: ${e.message.replace(/^Invalid\s+/i, '')}`);
  }
  const header = (rows[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const known = CSV_HEADERS[input.kind];
  const unknown = header.filter((h) => !known.includes(h));
  if (unknown.length > 0) throw new ApiError('VALIDATION_FAILED', `"${fileName}" has columns that ${input.kind} CSV does not know: ${unknown.join(', ')}. Expected: ${known.join(', ')}.`);
  const missing = REQUIRED[input.kind].filter((h) => !header.includes(h));
  if (missing.length > 0) throw new ApiError('VALIDATION_FAILED', `"${fileName}" lacks the required column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} for ${input.kind}.`);
  return {
    header,
    records: rows.slice(1).map(({ record, info }) => ({
      line: info.lines,
      row: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])) as Row,
    })),
  };
}

class Rollback extends Error {}

/** Runs every row in one transaction; collects row problems. Rolls back at the end when asked to (preview). */
function run(p: Project, kind: CsvKind, parsed: Parsed, options: { skipBadRows: boolean; dryRun: boolean }): { imported: number; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  let imported = 0;
  const body = (track: Track) => {
    const keys = new Keys(p);
    for (const { line, row } of parsed.records) {
      const missing = REQUIRED[kind].find((h) => !row[h]?.trim());
      try {
        if (missing) throw new RowError(`${missing} is required`);
        // A savepoint per row: a bad row leaves nothing half-written even when bad rows are skipped.
        p.db.transaction(() => IMPORTERS[kind](p, keys, track, row))();
        imported++;
      } catch (error) {
        if (!(error instanceof RowError) && !(error instanceof ApiError) && (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') !== true) throw error;
        problems.push({ line, message: (error as Error).message });
      }
    }
    if (options.dryRun) throw new Rollback();
    if (problems.length > 0 && !options.skipBadRows) {
      const first = problems[0]!;
      throw new ApiError(
        'VALIDATION_FAILED',
        `Nothing was imported: line ${first.line}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more bad row${problems.length === 2 ? '' : 's'})` : ''}. Fix the file, or import with bad rows skipped.`,
      );
    }
  };
  try {
    if (options.dryRun) p.db.transaction(() => body(() => undefined))();
    else p.history.edit(`Import ${kind} from CSV`, body);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return { imported, problems };
}

export function previewCsv(p: Project, input: ApiInput<'data.previewCsv'>): ApiOutput<'data.previewCsv'> {
  const parsed = readCsv(input);
  const { problems } = run(p, input.kind, parsed, { skipBadRows: true, dryRun: true });
  return {
    kind: input.kind,
    header: parsed.header,
    rows: parsed.records.length,
    sample: parsed.records.slice(0, 20).map((r) => parsed.header.map((h) => r.row[h] ?? '')),
    problems,
  };
}

export function importCsv(p: Project, input: ApiInput<'data.importCsv'>): ApiOutput<'data.importCsv'> {
  const parsed = readCsv(input);
  const { imported, problems } = run(p, input.kind, parsed, { skipBadRows: input.skipBadRows ?? false, dryRun: false });
  return { imported, skipped: problems };
}

// -----------------------------------------------------------------------------------------------------------------
// Export

function caseKey(c: { iso_code: string | null; name: string } | undefined): string {
  return c ? (c.iso_code ?? c.name) : '';
}

export function exportCsv(p: Project, input: ApiInput<'data.exportCsv'>): ApiOutput<'data.exportCsv'> {
  const db = p.db;
  const cases = new Map((db.prepare('SELECT id, name, iso_code FROM cases').all() as { id: string; name: string; iso_code: string | null }[]).map((c) => [c.id, c]));
  const header = CSV_HEADERS[input.kind];
  let rows: Record<string, unknown>[] = [];
  switch (input.kind) {
    case 'elections':
      rows = (db.prepare('SELECT * FROM elections ORDER BY case_id, date, type').all() as Record<string, unknown>[]).map((e) => ({ ...e, case: caseKey(cases.get(e.case_id as string)) }));
      break;
    case 'missions': {
      const dims = new Map((db.prepare('SELECT id, label FROM finding_dimensions').all() as { id: string; label: string }[]).map((d) => [d.id, d.label]));
      const findings = db.prepare('SELECT f.mission_id, f.dimension_id, f.severity FROM mission_findings f JOIN finding_dimensions d ON d.id = f.dimension_id ORDER BY d.position').all() as {
        mission_id: string;
        dimension_id: string;
        severity: string;
      }[];
      rows = (db.prepare('SELECT m.*, e.case_id, e.date AS election_date, e.type AS election_type, e.round AS election_round FROM missions m JOIN elections e ON e.id = m.election_id ORDER BY e.case_id, e.date, m.organisation').all() as Record<string, unknown>[]).map(
        (m) => ({
          ...m,
          case: caseKey(cases.get(m.case_id as string)),
          findings: findings
            .filter((f) => f.mission_id === m.id)
            .map((f) => `${dims.get(f.dimension_id)}: ${f.severity}`)
            .join('; '),
        }),
      );
      break;
    }
    case 'claims': {
      const norms = new Map((db.prepare('SELECT id, label FROM norms').all() as { id: string; label: string }[]).map((n) => [n.id, n.label]));
      const stages = new Map((db.prepare('SELECT id, label FROM stages').all() as { id: string; label: string }[]).map((s) => [s.id, s.label]));
      const dims = new Map((db.prepare('SELECT id, label FROM finding_dimensions').all() as { id: string; label: string }[]).map((d) => [d.id, d.label]));
      const comparators = db.prepare('SELECT claim_id, case_id FROM claim_comparators').all() as { claim_id: string; case_id: string }[];
      const compared = db
        .prepare('SELECT cm.claim_id, e.case_id, e.date, e.type, e.round, m.organisation FROM claim_missions cm JOIN missions m ON m.id = cm.mission_id JOIN elections e ON e.id = m.election_id ORDER BY e.date')
        .all() as { claim_id: string; case_id: string; date: string; type: string; round: number | null; organisation: string }[];
      rows = (db.prepare('SELECT * FROM claims ORDER BY created_at, rowid').all() as Record<string, unknown>[]).map((c) => ({
        ...c,
        claimant_case: caseKey(cases.get(c.claimant_case_id as string)),
        focal_case: caseKey(cases.get(c.focal_case_id as string)),
        comparator_cases: comparators
          .filter((x) => x.claim_id === c.id)
          .map((x) => caseKey(cases.get(x.case_id)))
          .join('; '),
        dimension: c.dimension_id ? dims.get(c.dimension_id as string) : '',
        norm: c.norm_id ? norms.get(c.norm_id as string) : '',
        stage: c.stage_id ? stages.get(c.stage_id as string) : '',
        compared_missions: compared
          .filter((x) => x.claim_id === c.id)
          .map((x) => [caseKey(cases.get(x.case_id)), x.date, x.type, x.organisation, ...(x.round ? [x.round] : [])].join('|'))
          .join('; '),
      }));
      break;
    }
    case 'indicators':
      rows = db
        .prepare(
          `SELECT i.name AS indicator, v.case_id, v.year, v.value, v.label, i.scale, i.min_value AS min, i.max_value AS max, i.higher_is, v.verification, v.note
           FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id ORDER BY i.name, v.case_id, v.year`,
        )
        .all()
        .map((v) => ({ ...(v as Record<string, unknown>), case: caseKey(cases.get((v as { case_id: string }).case_id)) }));
      break;
    case 'regional': {
      const orgs = new Map((db.prepare('SELECT id, name FROM organisations').all() as { id: string; name: string }[]).map((o) => [o.id, o.name]));
      const normLabels = new Map((db.prepare('SELECT id, label FROM regional_norms').all() as { id: string; label: string }[]).map((n) => [n.id, n.label]));
      const links = db.prepare('SELECT instrument_id, regional_norm_id FROM instrument_norms').all() as { instrument_id: string; regional_norm_id: string }[];
      const normRows = (db.prepare('SELECT * FROM regional_norms ORDER BY coalesce(year_from, 9999), label').all() as Record<string, unknown>[]).map((n) => ({
        record: 'norm',
        organisation: n.organisation_id ? orgs.get(n.organisation_id as string) : '',
        label: n.label,
        description: n.description,
        entrepreneurs: n.entrepreneurs,
        year_from: n.year_from,
        year_to: n.year_to,
        verification: n.verification,
        note: n.verification_note,
      }));
      const instrumentRows = (db.prepare("SELECT * FROM instruments ORDER BY coalesce(date, '9999'), title").all() as Record<string, unknown>[]).map((i) => ({
        record: 'instrument',
        organisation: i.organisation_id ? orgs.get(i.organisation_id as string) : '',
        label: i.title,
        description: i.description,
        date: i.date,
        norms: links
          .filter((l) => l.instrument_id === i.id)
          .map((l) => normLabels.get(l.regional_norm_id))
          .join('; '),
        verification: i.verification,
        note: i.verification_note,
      }));
      const membershipRows = (db.prepare("SELECT * FROM memberships ORDER BY case_id, coalesce(date_from, '0000')").all() as Record<string, unknown>[]).map((m) => ({
        record: 'membership',
        organisation: orgs.get(m.organisation_id as string),
        case: caseKey(cases.get(m.case_id as string)),
        status: m.status,
        date_from: m.date_from,
        date_to: m.date_to,
        verification: m.verification,
        note: m.note,
      }));
      membershipRows.sort((a, b) => `${a.case}\u0000${a.date_from ?? ''}`.localeCompare(`${b.case}\u0000${b.date_from ?? ''}`));
      rows = [...normRows, ...instrumentRows, ...membershipRows];
      break;
    }
  }
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = rows.map((r) => header.map((h) => cell(r[h])));
  // Rows in the order of their natural keys (case, date...), not of internal ids, so exports are stable and diffable.
  if (input.kind !== 'claims' && input.kind !== 'regional') lines.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
  return { text: stringify([header as string[], ...lines]) };
}

/** When a CSV import touches nothing, say so plainly (used by the CLI). */
export function describeImport(kind: CsvKind, result: { imported: number; skipped: CsvProblem[] }): string {
  const skipped = result.skipped.map((s) => `  line ${s.line}: ${s.message}`).join('\n');
  return `Imported ${result.imported} ${kind} row${result.imported === 1 ? '' : 's'}${result.skipped.length ? `; skipped ${result.skipped.length} bad row${result.skipped.length === 1 ? '' : 's'}:\n${skipped}` : '.'}`;
}
