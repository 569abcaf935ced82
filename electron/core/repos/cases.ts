import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CaseDto, CaseRole } from '../../contract/api';
import { nowIso, stmt } from '../db/statements';

export interface NewCase {
  name: string;
  isoCode?: string | null;
  role: CaseRole;
  notes?: string;
}

interface CaseRow {
  id: string;
  name: string;
  iso_code: string | null;
  role: CaseRole;
  notes: string;
  position: number;
}

function toDto(row: CaseRow): CaseDto {
  return { id: row.id, name: row.name, isoCode: row.iso_code, role: row.role, notes: row.notes, position: row.position };
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

/** Cases in the researcher's order, the focal case(s) first. */
export function listCases(db: Database.Database): CaseDto[] {
  const rows = stmt(
    db,
    `SELECT id, name, iso_code, role, notes, position FROM cases
     ORDER BY role = 'focal' DESC, position`,
  ).all() as CaseRow[];
  return rows.map(toDto);
}
