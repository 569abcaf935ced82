import type Database from 'better-sqlite3';
import type { Orientation, ViewDto } from '../../contract/api';
import { stmt } from '../db/statements';

interface ViewRow {
  id: string;
  name: string;
  norm_ids: string;
  case_ids: string;
  orientation: Orientation;
  differences: number;
}

function toDto(r: ViewRow): ViewDto {
  return {
    id: r.id,
    name: r.name,
    normIds: JSON.parse(r.norm_ids) as string[],
    caseIds: JSON.parse(r.case_ids) as string[],
    orientation: r.orientation,
    differences: r.differences === 1,
  };
}

export function listViews(db: Database.Database): ViewDto[] {
  return (stmt(db, 'SELECT id, name, norm_ids, case_ids, orientation, differences FROM views ORDER BY name COLLATE NOCASE').all() as ViewRow[]).map(toDto);
}
