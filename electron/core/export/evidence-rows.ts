/**
 * The project rows an export reads, and only the columns it prints. A one-norm export of a 10,000-source,
 * 250,000-excerpt project spent most of its preparation in the app's general queries: every source with its document
 * and excerpt counts (a count per source over all excerpts) and every column of each cited excerpt, text included,
 * when a matrix cell's citation needs only each excerpt's source and locator.
 */
import type { CslItem, SourceDto } from '../../contract/api';
import { stmt } from '../db/statements';
import type { Project } from '../project';
import type { CiteRef } from './citations';

/** A source as an export uses it: what its citation and its key are made of. */
export type SourceRecord = Pick<SourceDto, 'id' | 'kind' | 'citationKey' | 'participantId' | 'csl'>;

interface SourceRecordRow {
  id: string;
  kind: SourceDto['kind'];
  csl: string;
  citation_key: string;
  participant_id: string | null;
}

/** These sources (the ones found), without the counts an export never prints. */
export function sourceRecords(p: Project, ids: readonly string[]): SourceRecord[] {
  if (ids.length === 0) return [];
  const rows = stmt(p.db, 'SELECT s.id, s.kind, s.csl, s.citation_key, s.participant_id FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as SourceRecordRow[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, citationKey: r.citation_key, participantId: r.participant_id, csl: JSON.parse(r.csl) as CslItem }));
}

/**
 * Values by id, read from the project when first asked for, or many at a time with `load` (a matrix loads the
 * sources its cells cite in one query before citing them). A lookup answers as a map of every row would; iterating
 * gives only the rows read so far.
 */
export class RowsById<V> extends Map<string, V> {
  private readonly absent = new Set<string>();

  constructor(private readonly read: (ids: readonly string[]) => Iterable<readonly [string, V]>) {
    super();
  }

  load(ids: Iterable<string>): void {
    const wanted = [...new Set(ids)].filter((id) => !super.has(id) && !this.absent.has(id));
    if (wanted.length === 0) return;
    for (const [id, value] of this.read(wanted)) super.set(id, value);
    for (const id of wanted) if (!super.has(id)) this.absent.add(id);
  }

  override get(id: string): V | undefined {
    if (!super.has(id) && !this.absent.has(id)) this.load([id]);
    return super.get(id);
  }

  override has(id: string): boolean {
    if (!super.has(id) && !this.absent.has(id)) this.load([id]);
    return super.has(id);
  }
}

interface RefRow {
  cell_id: string;
  position: number;
  source_id: string;
  locator: string;
  created_at: string;
}

/**
 * The citation refs of many cells at once, each cell's in the order of `excerptsOfCells` (evidence.ts) and so of
 * `listExcerpts({ cellId })`: by position, then creation, then as the link index lists them. One query, no text.
 */
export function citeRefsOfCells(p: Project, cellIds: readonly string[]): Map<string, CiteRef[]> {
  const out = new Map<string, CiteRef[]>(cellIds.map((id) => [id, []]));
  if (cellIds.length === 0) return out;
  const rows = stmt(
    p.db,
    `SELECT ec.cell_id, ec.position, e.source_id, e.locator, e.created_at FROM excerpt_cells ec JOIN excerpts e ON e.id = ec.excerpt_id
     WHERE ec.cell_id IN (SELECT value FROM json_each(?)) ORDER BY ec.cell_id, ec.position, ec.rowid`,
  ).all(JSON.stringify(cellIds)) as RefRow[];
  // The same comparison as excerptsOfCells, so that excerpts created in the same position keep the same order.
  rows.sort((a, b) => (a.cell_id < b.cell_id ? -1 : a.cell_id > b.cell_id ? 1 : a.position - b.position || a.created_at.localeCompare(b.created_at)));
  for (const row of rows) out.get(row.cell_id)!.push({ sourceId: row.source_id, locator: row.locator });
  return out;
}
