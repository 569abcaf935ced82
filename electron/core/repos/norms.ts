import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { NormDto } from '../../contract/api';
import { nowIso, stmt } from '../db/statements';

export interface NewNorm {
  label: string;
  shortLabel?: string;
  description?: string;
  instrument?: string;
  paragraph?: string;
  diffusingAgent?: string;
  frameworkId: string;
}

interface NormRow {
  id: string;
  label: string;
  short_label: string;
  description: string;
  instrument: string;
  paragraph: string;
  diffusing_agent: string;
  framework_id: string;
  position: number;
  archived_at: string | null;
}

export function insertNorm(db: Database.Database, input: NewNorm): string {
  const id = crypto.randomUUID();
  const now = nowIso();
  const next = stmt(db, 'SELECT coalesce(max(position), 0) + 1 AS position FROM norms').get() as { position: number };
  stmt(
    db,
    `INSERT INTO norms (id, label, short_label, description, instrument, paragraph, diffusing_agent, framework_id, position, created_at, updated_at)
     VALUES (@id, @label, @shortLabel, @description, @instrument, @paragraph, @diffusingAgent, @frameworkId, @position, @now, @now)`,
  ).run({
    id,
    label: input.label,
    shortLabel: input.shortLabel ?? '',
    description: input.description ?? '',
    instrument: input.instrument ?? '',
    paragraph: input.paragraph ?? '',
    diffusingAgent: input.diffusingAgent ?? '',
    frameworkId: input.frameworkId,
    position: next.position,
    now,
  });
  return id;
}

export function setNormStageNote(db: Database.Database, normId: string, stageId: string, description: string): void {
  stmt(
    db,
    `INSERT INTO norm_stage_notes (norm_id, stage_id, description) VALUES (@normId, @stageId, @description)
     ON CONFLICT (norm_id, stage_id) DO UPDATE SET description = excluded.description`,
  ).run({ normId, stageId, description });
}

export function listNorms(db: Database.Database): NormDto[] {
  const rows = stmt(
    db,
    `SELECT id, label, short_label, description, instrument, paragraph, diffusing_agent, framework_id, position, archived_at
     FROM norms ORDER BY archived_at IS NOT NULL, position`,
  ).all() as NormRow[];
  const notes = stmt(db, 'SELECT norm_id, stage_id, description FROM norm_stage_notes').all() as {
    norm_id: string;
    stage_id: string;
    description: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    shortLabel: r.short_label,
    description: r.description,
    instrument: r.instrument,
    paragraph: r.paragraph,
    diffusingAgent: r.diffusing_agent,
    frameworkId: r.framework_id,
    position: r.position,
    archived: r.archived_at !== null,
    stageNotes: Object.fromEntries(notes.filter((n) => n.norm_id === r.id).map((n) => [n.stage_id, n.description])),
  }));
}

export function getNorm(db: Database.Database, id: string): NormDto | undefined {
  return listNorms(db).find((n) => n.id === id);
}
