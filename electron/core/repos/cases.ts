import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AttributeDto, AttributeType, AttributeValue, CaseDto, CaseRole } from '../../contract/api';
import { nowIso, stmt } from '../db/statements';

export interface NewCase {
  name: string;
  isoCode?: string | null | undefined;
  role: CaseRole;
  notes?: string | undefined;
}

interface CaseRow {
  id: string;
  name: string;
  iso_code: string | null;
  role: CaseRole;
  notes: string;
  position: number;
  archived_at: string | null;
}

interface AttributeRow {
  id: string;
  name: string;
  type: AttributeType;
  choices: string;
  position: number;
}

export function insertCase(db: Database.Database, input: NewCase): string {
  const id = crypto.randomUUID();
  const now = nowIso();
  const next = stmt(db, 'SELECT coalesce(max(position), 0) + 1 AS position FROM cases').get() as { position: number };
  stmt(
    db,
    `INSERT INTO cases (id, name, iso_code, role, notes, position, created_at, updated_at)
     VALUES (@id, @name, @isoCode, @role, @notes, @position, @now, @now)`,
  ).run({ id, name: input.name, isoCode: input.isoCode ?? null, role: input.role, notes: input.notes ?? '', position: next.position, now });
  return id;
}

/** Decodes a stored attribute value (canonical text) into its typed form. */
export function decodeAttributeValue(type: AttributeType, value: string): AttributeValue {
  if (type === 'number') return Number(value);
  if (type === 'boolean') return value === 'true';
  return value;
}

/**
 * Cases with their attribute values: live cases first (focal first, then the researcher's order), archived last.
 * Two queries whatever the number of cases.
 */
export function listCases(db: Database.Database): CaseDto[] {
  const rows = stmt(
    db,
    `SELECT id, name, iso_code, role, notes, position, archived_at FROM cases
     ORDER BY archived_at IS NOT NULL, role = 'focal' DESC, position`,
  ).all() as CaseRow[];
  const values = stmt(
    db,
    `SELECT v.case_id, v.attribute_id, v.value, a.type FROM case_attribute_values v JOIN case_attributes a ON a.id = v.attribute_id`,
  ).all() as { case_id: string; attribute_id: string; value: string; type: AttributeType }[];
  const byCase = new Map<string, Record<string, AttributeValue>>();
  for (const v of values) {
    const map = byCase.get(v.case_id) ?? {};
    map[v.attribute_id] = decodeAttributeValue(v.type, v.value);
    byCase.set(v.case_id, map);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    isoCode: r.iso_code,
    role: r.role,
    notes: r.notes,
    position: r.position,
    archived: r.archived_at !== null,
    attributes: byCase.get(r.id) ?? {},
  }));
}

export function getCase(db: Database.Database, id: string): CaseDto | undefined {
  return listCases(db).find((c) => c.id === id);
}

export function listAttributes(db: Database.Database): AttributeDto[] {
  const rows = stmt(db, 'SELECT id, name, type, choices, position FROM case_attributes ORDER BY position').all() as AttributeRow[];
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, choices: JSON.parse(r.choices) as string[], position: r.position }));
}
