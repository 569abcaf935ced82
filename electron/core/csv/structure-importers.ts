/**
 * The matrix's own CSV kinds, under the same column rules as the record's (importers.ts): `cases` (a row per case,
 * found by its name; ISO code, role, notes and `attr:NAME` columns) and `cells` (a row per case × norm × stage;
 * status, mode, period, summary and confidence). A column the file lacks leaves the field as it is; an empty cell
 * clears it.
 */
import crypto from 'node:crypto';
import type { AttributeDto, AttributeValue, CaseRole, CellMode, Confidence } from '../../contract/api';
import { encodeAttributeValue } from '../edit';
import { listAttributes } from '../repos/cases';
import { getFramework } from '../repos/frameworks';
import { asText, has, save, type Context, type Importer, type Outcome } from './importers';
import { textOf } from '../../contract/i18n/format';
import { fold, oneOf, RowError } from './values';

const ROLES: readonly CaseRole[] = ['focal', 'comparison'];
const MODES: readonly CellMode[] = ['discourse', 'practice', 'both'];
const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

function isoCode(ctx: Context, value: string, caseId: string | undefined): string | null {
  const v = value.trim().toUpperCase();
  if (v === '') return null;
  if (!/^[A-Z]{3}$/.test(v)) throw new RowError(textOf('errorsCsv.isoForm', { column: 'iso', value: value.trim() }));
  const holder = ctx.p.db.prepare('SELECT id, name FROM cases WHERE iso_code = ? AND id != ?').get(v, caseId ?? '') as { id: string; name: string } | undefined;
  if (holder) throw new RowError(textOf('errorsCsv.isoTaken', { column: 'iso', value: v, name: holder.name }));
  return v;
}

/** A typed attribute value from its cell: numbers, yes/no, dates and choices as the app stores them. */
function attributeValue(attribute: AttributeDto, cell: string): AttributeValue {
  const v = cell.trim();
  if (attribute.type === 'number') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new RowError(textOf('errorsCsv.attributeNumber', { column: `attr:${attribute.name}`, value: v }));
    return n;
  }
  if (attribute.type === 'boolean') {
    const b = fold(v);
    if (['yes', 'true', '1'].includes(b)) return true;
    if (['no', 'false', '0'].includes(b)) return false;
    throw new RowError(textOf('errorsCsv.attributeYesNo', { column: `attr:${attribute.name}`, value: v }));
  }
  return attribute.type === 'text' ? cell : v;
}

function attributes(ctx: Context, row: Record<string, string>, caseId: string, outcome: Outcome): void {
  const db = ctx.p.db;
  let known = listAttributes(db);
  for (const column of Object.keys(row).filter((c) => c.startsWith('attr:'))) {
    const name = column.slice('attr:'.length);
    let attribute = known.find((a) => fold(a.name) === fold(name));
    const cell = row[column]!;
    if (!attribute) {
      if (cell.trim() === '') continue;
      if (!ctx.keys.createMissing) throw new RowError(textOf('errorsCsv.notAnAttribute', { column, name }));
      const id = crypto.randomUUID();
      const now = new Date().toISOString();
      const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS n FROM case_attributes').get() as { n: number }).n;
      db.prepare("INSERT INTO case_attributes (id, name, type, choices, position, created_at, updated_at) VALUES (?, ?, 'text', '[]', ?, ?, ?)").run(id, name, position, now, now);
      ctx.track('case_attributes', { id }, 'inserted');
      ctx.keys.created(`case attribute "${name}"`);
      known = listAttributes(db);
      attribute = known.find((a) => a.id === id)!;
    }
    const encoded = cell.trim() === '' ? null : encodeAttributeValue(attribute, attributeValue(attribute, cell));
    const current = (db.prepare('SELECT value FROM case_attribute_values WHERE case_id = ? AND attribute_id = ?').get(caseId, attribute.id) as { value: string } | undefined)?.value ?? null;
    if (current === encoded) continue;
    ctx.track('case_attribute_values', { case_id: caseId, attribute_id: attribute.id });
    if (encoded === null) db.prepare('DELETE FROM case_attribute_values WHERE case_id = ? AND attribute_id = ?').run(caseId, attribute.id);
    else {
      db.prepare('INSERT INTO case_attribute_values (case_id, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT (case_id, attribute_id) DO UPDATE SET value = excluded.value').run(caseId, attribute.id, encoded);
    }
    if (!outcome.created) outcome.fields.push(column);
  }
}

/** "2012", "2012–2016" (or with a hyphen), "2012–" (open-ended), "–2016"; empty clears. */
export function parsePeriod(value: string): { from: number | null; to: number | null } {
  const v = value.trim();
  if (v === '') return { from: null, to: null };
  const single = /^(-?\d{1,4})$/.exec(v);
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  const range = /^(\d{1,4})?\s*[-–—]\s*(\d{1,4})?$/.exec(v);
  if (!range || (range[1] === undefined && range[2] === undefined)) throw new RowError(textOf('errorsCsv.periodForm', { column: 'period', value: v }));
  const from = range[1] === undefined ? null : Number(range[1]);
  const to = range[2] === undefined ? null : Number(range[2]);
  if (from !== null && to !== null && from > to) throw new RowError(textOf('errorsCsv.periodBackwards', { to: String(to), from: String(from) }));
  return { from, to };
}

/** The period as the cells CSV writes it, so that an export reads back the same (an open end keeps its dash). */
export function formatPeriod(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from === to) return String(from);
  return `${from ?? ''}–${to ?? ''}`;
}

export const STRUCTURE_IMPORTERS: Record<'cases' | 'cells', Importer> = {
  cases(ctx, row) {
    const { p, keys } = ctx;
    const name = row.name!.trim();
    const all = p.db.prepare('SELECT id, name, iso_code FROM cases').all() as { id: string; name: string; iso_code: string | null }[];
    const existing = all.find((c) => fold(c.name) === fold(name));
    // Two focal rows in one file are both refused before the import starts (see csv-data.ts).
    const role = has(row, 'role') ? oneOf(row.role!, ROLES, 'role', 'comparison') : undefined;
    const position = existing ? undefined : (p.db.prepare('SELECT coalesce(max(position), 0) + 1 AS n FROM cases').get() as { n: number }).n;
    const outcome = save(ctx, row, 'cases', existing?.id, { name, position }, [
      ['iso', 'iso_code', (v) => isoCode(ctx, v, existing?.id), null],
      ['role', 'role', () => role, 'comparison'],
      ['notes', 'notes', asText, ''],
    ]);
    if (role === 'focal') {
      // One focal case, as in the app: the previous one becomes a comparison case.
      for (const other of p.db.prepare("SELECT id FROM cases WHERE role = 'focal' AND id != ?").all(outcome.id) as { id: string }[]) {
        ctx.track('cases', { id: other.id });
        p.db.prepare("UPDATE cases SET role = 'comparison', updated_at = ? WHERE id = ?").run(new Date().toISOString(), other.id);
      }
    }
    keys.remember(keys.cases, fold(name), outcome.id);
    const iso = (p.db.prepare('SELECT iso_code FROM cases WHERE id = ?').get(outcome.id) as { iso_code: string | null }).iso_code;
    if (iso) keys.remember(keys.cases, fold(iso), outcome.id);
    attributes(ctx, row, outcome.id, outcome);
    return outcome;
  },

  cells(ctx, row) {
    const { p, keys } = ctx;
    const caseId = keys.caseId(row.case!, 'case')!;
    const norm = keys.norms.get(fold(row.norm!));
    if (!norm) throw new RowError(textOf('errorsCsv.normUnknown', { value: row.norm!.trim() }));
    const framework = getFramework(p.db, norm.frameworkId);
    if (!framework) throw new RowError(textOf('errorsCsv.normFramework', { value: row.norm!.trim() }));
    const stageText = row.stage!.trim();
    const stage =
      framework.stages.find((s) => fold(s.label) === fold(stageText)) ?? (/^\d+$/.test(stageText) ? framework.stages.find((s) => s.position === Number(stageText)) : undefined);
    if (!stage) throw new RowError(textOf('errorsCsv.stageUnknown', { value: stageText, framework: framework.name, stages: framework.stages.map((s) => s.label).join(', ') }));
    const status = (v: string) => {
      if (v.trim() === '') return framework.statuses.find((s) => s.key === 'no-data')?.key ?? framework.statuses.at(-1)!.key;
      const found = framework.statuses.find((s) => fold(s.key) === fold(v) || fold(s.label) === fold(v));
      if (!found) throw new RowError(textOf('errorsCsv.statusUnknown', { value: v.trim(), framework: framework.name, statuses: framework.statuses.map((s) => s.key).join(', ') }));
      return found.key;
    };
    const existing = p.db.prepare('SELECT id FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL').get(caseId, norm.id, stage.id) as { id: string } | undefined;
    const period = has(row, 'period') ? parsePeriod(row.period!) : undefined;
    return save(ctx, row, 'cells', existing?.id, { case_id: caseId, norm_id: norm.id, stage_id: stage.id, memo: '' }, [
      ['status', 'status', status, status('')],
      ['mode', 'mode', (v) => (v.trim() === '' ? null : oneOf(v, MODES, 'mode')), null],
      ['period', 'period_from', () => period!.from, null],
      ['period', 'period_to', () => period!.to, null],
      ['summary', 'summary', asText, ''],
      ['confidence', 'confidence', (v) => (v.trim() === '' ? null : oneOf(v, CONFIDENCES, 'confidence')), null],
    ]);
  },
};
