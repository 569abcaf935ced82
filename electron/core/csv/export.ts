/**
 * Data tables as CSV in the form the importers read: rows refer to cases, elections, norms and dimensions by their
 * natural keys, so an export imports into another project as it is.
 */
import { stringifyCsv } from './formulas';
import type { ApiInput, ApiOutput } from '../../contract/api';
import type { Project } from '../project';
import { listAttributes } from '../repos/cases';
import { CSV_HEADERS } from './headers';
import { formatPeriod } from './structure-importers';

function caseKey(c: { iso_code: string | null; name: string } | undefined): string {
  return c ? (c.iso_code ?? c.name) : '';
}

export function exportCsv(p: Project, input: ApiInput<'data.exportCsv'>): ApiOutput<'data.exportCsv'> {
  const db = p.db;
  const cases = new Map((db.prepare('SELECT id, name, iso_code FROM cases').all() as { id: string; name: string; iso_code: string | null }[]).map((c) => [c.id, c]));
  const attributes = input.kind === 'cases' ? listAttributes(db) : [];
  // The cases kind has a column per case attribute besides its fixed ones.
  const header = [...CSV_HEADERS[input.kind], ...attributes.map((a) => `attr:${a.name}`)];
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
    case 'cases': {
      const values = db.prepare('SELECT case_id, attribute_id, value FROM case_attribute_values').all() as { case_id: string; attribute_id: string; value: string }[];
      rows = (db.prepare('SELECT * FROM cases WHERE archived_at IS NULL ORDER BY position').all() as Record<string, unknown>[]).map((c) => ({
        ...c,
        iso: c.iso_code,
        ...Object.fromEntries(attributes.map((a) => [`attr:${a.name}`, values.find((v) => v.case_id === c.id && v.attribute_id === a.id)?.value ?? ''])),
      }));
      break;
    }
    case 'cells':
      rows = (
        db
          .prepare(
            `SELECT c.*, n.label AS norm, s.label AS stage FROM cells c JOIN norms n ON n.id = c.norm_id JOIN stages s ON s.id = c.stage_id JOIN cases cs ON cs.id = c.case_id
             WHERE c.archived_at IS NULL ORDER BY n.position, s.position, cs.position`,
          )
          .all() as Record<string, unknown>[]
      ).map((c) => ({ ...c, case: caseKey(cases.get(c.case_id as string)), period: formatPeriod(c.period_from as number | null, c.period_to as number | null) }));
      break;
  }
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = rows.map((r) => header.map((h) => cell(r[h])));
  // Rows in the order of their natural keys (case, date...), not of internal ids, so exports are stable and diffable.
  // Cases and cells keep the project's own order (focal case and stages first), as the matrix shows them.
  if (!['claims', 'regional', 'cases', 'cells'].includes(input.kind)) lines.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
  return { text: stringifyCsv([header, ...lines]) };
}
