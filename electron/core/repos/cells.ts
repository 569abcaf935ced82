import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CellDto, CellMode, Confidence } from '../../contract/api';
import { nowIso, stmt } from '../db/statements';

export interface NewCell {
  caseId: string;
  normId: string;
  stageId: string;
  status: string;
  mode?: CellMode | null;
  periodFrom?: number | null;
  periodTo?: number | null;
  summary?: string;
  confidence?: Confidence | null;
  memo?: string;
}

interface CellRow {
  id: string;
  case_id: string;
  norm_id: string;
  stage_id: string;
  status: string;
  mode: CellMode | null;
  period_from: number | null;
  period_to: number | null;
  summary: string;
  confidence: Confidence | null;
  memo: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, case_id, norm_id, stage_id, status, mode, period_from, period_to, summary, confidence, memo, created_at, updated_at';

/** Cells in reading order (norm, case, stage), not in the meaningless order of their ids. */
const ORDERED = `SELECT ${COLUMNS.split(', ')
  .map((c) => `c.${c}`)
  .join(', ')} FROM cells c JOIN norms n ON n.id = c.norm_id JOIN cases cs ON cs.id = c.case_id JOIN stages s ON s.id = c.stage_id`;

function toDto(r: CellRow): CellDto {
  return {
    id: r.id,
    caseId: r.case_id,
    normId: r.norm_id,
    stageId: r.stage_id,
    status: r.status,
    mode: r.mode,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    summary: r.summary,
    confidence: r.confidence,
    memo: r.memo,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function insertCell(db: Database.Database, input: NewCell): string {
  const id = crypto.randomUUID();
  const now = nowIso();
  stmt(
    db,
    `INSERT INTO cells (${COLUMNS})
     VALUES (@id, @caseId, @normId, @stageId, @status, @mode, @periodFrom, @periodTo, @summary, @confidence, @memo, @now, @now)`,
  ).run({
    id,
    caseId: input.caseId,
    normId: input.normId,
    stageId: input.stageId,
    status: input.status,
    mode: input.mode ?? null,
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    summary: input.summary ?? '',
    confidence: input.confidence ?? null,
    memo: input.memo ?? '',
    now,
  });
  return id;
}

/** Every cell of one norm, or of all norms, in one query (the matrix is loaded whole, never cell by cell). */
export function listCells(db: Database.Database, normId?: string): CellDto[] {
  const rows = (
    normId === undefined
      ? stmt(db, `${ORDERED} WHERE c.archived_at IS NULL ORDER BY n.position, cs.position, s.position`).all()
      : stmt(db, `${ORDERED} WHERE c.archived_at IS NULL AND c.norm_id = ? ORDER BY cs.position, s.position`).all(normId)
  ) as CellRow[];
  return rows.map(toDto);
}

export function getCell(db: Database.Database, id: string): CellDto | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM cells WHERE id = ?`).get(id) as CellRow | undefined;
  return row ? toDto(row) : undefined;
}

export function findLiveCell(db: Database.Database, caseId: string, normId: string, stageId: string): CellDto | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM cells WHERE archived_at IS NULL AND case_id = ? AND norm_id = ? AND stage_id = ?`).get(
    caseId,
    normId,
    stageId,
  ) as CellRow | undefined;
  return row ? toDto(row) : undefined;
}
