import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FrameworkDto, StageDto, StatusLevelDto } from '../../contract/api';
import { nowIso, stmt } from '../db/statements';

export interface NewStage {
  label: string;
  description?: string;
  asksMode?: boolean;
}

export interface NewFramework {
  template?: string | undefined;
  name: string;
  description?: string;
  isDefault?: boolean;
  stages: NewStage[];
  statuses: Omit<StatusLevelDto, 'position'>[];
}

/** The status scale cells are assessed on unless a framework defines its own. Palette slots: see contract/palette.ts. */
export const DEFAULT_STATUSES: Omit<StatusLevelDto, 'position'>[] = [
  { key: 'not-reached', label: 'Not reached', palette: 1 }, // orange
  { key: 'reached', label: 'Reached', palette: 3 }, // bluish green
  { key: 'partial', label: 'Partial', palette: 2 }, // sky blue
  { key: 'contested', label: 'Contested', palette: 6 }, // vermillion
  { key: 'unclear', label: 'Unclear', palette: 4 }, // yellow
  { key: 'no-data', label: 'No data', palette: 0 }, // neutral grey
];

/** The article's four-stage framework of the micro-politics of norm contestation. */
export const ARTICLE_FRAMEWORK: NewFramework = {
  name: 'Micro-politics of norm contestation (four stages)',
  description:
    'Four stages through which an externally diffused norm is accepted in law, re-made locally in discourse or practice, and contested.',
  isDefault: true,
  statuses: DEFAULT_STATUSES,
  stages: [
    {
      label: 'Diffusion',
      description: 'An external agent (e.g. OSCE/ODIHR) diffuses the norm; the recipient had little say in making it.',
    },
    {
      label: 'Acceptance',
      description: 'The recipient accepts the norm and enshrines it in law.',
    },
    {
      label: 'Reconstitution',
      description:
        'The norm is re-made locally through discourse (it is framed as incommensurable with local conditions) and/or practice (it is altered to suit local behaviour).',
      asksMode: true,
    },
    {
      label: 'Moment of contestation',
      description:
        'The gap between the norm in law and the norm in practice opens: the external agent sees non-compliance, the recipient sees unfair criticism.',
    },
  ],
};

export function insertFramework(db: Database.Database, framework: NewFramework): string {
  const id = crypto.randomUUID();
  const now = nowIso();
  stmt(
    db,
    `INSERT INTO frameworks (id, name, description, is_default, template, created_at, updated_at)
     VALUES (@id, @name, @description, @isDefault, @template, @now, @now)`,
  ).run({ id, name: framework.name, description: framework.description ?? '', isDefault: framework.isDefault ? 1 : 0, template: framework.template ?? null, now });
  const insertStage = stmt(
    db,
    `INSERT INTO stages (id, framework_id, position, label, description, asks_mode)
     VALUES (@id, @frameworkId, @position, @label, @description, @asksMode)`,
  );
  framework.stages.forEach((stage, index) => {
    insertStage.run({
      id: crypto.randomUUID(),
      frameworkId: id,
      position: index + 1,
      label: stage.label,
      description: stage.description ?? '',
      asksMode: stage.asksMode ? 1 : 0,
    });
  });
  const insertStatus = stmt(
    db,
    `INSERT INTO status_levels (framework_id, key, label, position, palette)
     VALUES (@frameworkId, @key, @label, @position, @palette)`,
  );
  framework.statuses.forEach((status, index) => {
    insertStatus.run({ frameworkId: id, key: status.key, label: status.label, position: index + 1, palette: status.palette });
  });
  return id;
}

interface FrameworkRow {
  id: string;
  name: string;
  description: string;
  is_default: number;
  template: string | null;
}
interface StageRow {
  id: string;
  framework_id: string;
  position: number;
  label: string;
  description: string;
  asks_mode: number;
}
interface StatusRow {
  framework_id: string;
  key: string;
  label: string;
  position: number;
  palette: number;
}

/** All frameworks with their stages and status scales, in three queries whatever the number of frameworks. */
export function listFrameworks(db: Database.Database): FrameworkDto[] {
  const frameworks = stmt(db, 'SELECT id, name, description, is_default, template FROM frameworks ORDER BY is_default DESC, name').all() as FrameworkRow[];
  const stages = stmt(
    db,
    'SELECT id, framework_id, position, label, description, asks_mode FROM stages WHERE archived_at IS NULL ORDER BY framework_id, position',
  ).all() as StageRow[];
  const statuses = stmt(db, 'SELECT framework_id, key, label, position, palette FROM status_levels ORDER BY framework_id, position').all() as StatusRow[];
  return frameworks.map((f) => ({
    id: f.id,
    name: f.name,
    description: f.description,
    isDefault: f.is_default === 1,
    template: f.template,
    stages: stages
      .filter((s) => s.framework_id === f.id)
      .map((s): StageDto => ({ id: s.id, position: s.position, label: s.label, description: s.description, asksMode: s.asks_mode === 1 })),
    statuses: statuses
      .filter((s) => s.framework_id === f.id)
      .map((s): StatusLevelDto => ({ key: s.key, label: s.label, position: s.position, palette: s.palette })),
  }));
}

export function defaultFrameworkId(db: Database.Database): string | undefined {
  const row = stmt(db, 'SELECT id FROM frameworks WHERE is_default = 1').get() as { id: string } | undefined;
  return row?.id;
}

export function getFramework(db: Database.Database, id: string): FrameworkDto | undefined {
  return listFrameworks(db).find((f) => f.id === id);
}
