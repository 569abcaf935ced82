import type Database from 'better-sqlite3';
import type { ColumnArrangement, Orientation, ViewDto } from '../../contract/api';
import { NO_ARRANGEMENT } from '../../contract/columns';
import { stmt } from '../db/statements';

interface ViewRow {
  id: string;
  name: string;
  norm_ids: string;
  case_ids: string;
  orientation: Orientation;
  differences: number;
  columns: string;
}

export { NO_ARRANGEMENT };

/** A stored arrangement as the contract gives it (a hand-edited or foreign value falls back to "all columns"). */
function toArrangement(json: string): ColumnArrangement {
  try {
    const raw = JSON.parse(json) as Partial<ColumnArrangement>;
    const filters = Array.isArray(raw.filters)
      ? raw.filters.filter((f) => typeof f?.attributeId === 'string' && Array.isArray(f.values)).map((f) => ({ attributeId: f.attributeId, values: f.values.map(String) }))
      : [];
    return { filters, groupBy: typeof raw.groupBy === 'string' ? raw.groupBy : null };
  } catch {
    return NO_ARRANGEMENT;
  }
}

function toDto(r: ViewRow): ViewDto {
  return {
    id: r.id,
    name: r.name,
    normIds: JSON.parse(r.norm_ids) as string[],
    caseIds: JSON.parse(r.case_ids) as string[],
    orientation: r.orientation,
    differences: r.differences === 1,
    columns: toArrangement(r.columns),
  };
}

export function listViews(db: Database.Database): ViewDto[] {
  return (stmt(db, 'SELECT id, name, norm_ids, case_ids, orientation, differences, columns FROM views ORDER BY name COLLATE NOCASE').all() as ViewRow[]).map(toDto);
}
