import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { OpenOptions } from './db/project-file';
import { stmt } from './db/statements';
import { assetsDir } from './paths';
import { Project } from './project';
import { insertCase } from './repos/cases';
import { insertCell } from './repos/cells';
import { defaultFrameworkId } from './repos/frameworks';
import { insertNorm, setNormStageNote } from './repos/norms';

export const SAMPLE_TITLE = 'Kazakhstan & Belarus (sample)';
export const SAMPLE_FILE_NAME = `${SAMPLE_TITLE}.comparanda`;

// Only the parts of the fact base the sample uses so far; the schema documents what the builder relies on.
const factsSchema = z.object({
  cases: z.array(z.object({ id: z.string(), name: z.string(), summary: z.string() })),
  norms: z.array(z.object({ id: z.string(), label: z.string(), externalAgent: z.string(), text: z.string(), textType: z.string() })),
  framework: z.object({
    stages: z.array(z.object({ id: z.string(), order: z.number(), perNorm: z.record(z.string(), z.string()) })),
  }),
});

const assessmentsSchema = z.object({
  norms: z.record(z.string(), z.object({ shortLabel: z.string(), paragraph: z.string(), instrument: z.string() })),
  cells: z.array(
    z.object({
      case: z.string(),
      norm: z.string(),
      stage: z.string(),
      status: z.string(),
      mode: z.enum(['discourse', 'practice', 'both']).optional(),
      periodFrom: z.number().int(),
      periodTo: z.number().int(),
      confidence: z.enum(['low', 'medium', 'high']),
      summary: z.string(),
      memo: z.string(),
    }),
  ),
});

const CASE_ROLES: Record<string, { role: 'focal' | 'comparison'; iso: string }> = {
  KAZ: { role: 'focal', iso: 'KAZ' },
  BLR: { role: 'comparison', iso: 'BLR' },
};

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Fills an empty project (inside its creating transaction) from the bundled fact base. */
export function fillSample(db: Database.Database, dir: string = path.join(assetsDir(), 'sample')): void {
  const facts = factsSchema.parse(readJson(path.join(dir, 'kazakhstan-belarus-facts.json')));
  const assessments = assessmentsSchema.parse(readJson(path.join(dir, 'assessments.json')));

  const frameworkId = defaultFrameworkId(db);
  if (!frameworkId) throw new Error('The new project has no default framework.');
  const stageIds = (stmt(db, 'SELECT id FROM stages WHERE framework_id = ? ORDER BY position').all(frameworkId) as { id: string }[]).map(
    (s) => s.id,
  );
  const stageByFactId = new Map(facts.framework.stages.map((s) => [s.id, stageIds[s.order - 1]]));

  const caseIds = new Map<string, string>();
  for (const c of facts.cases) {
    const known = CASE_ROLES[c.id];
    if (!known) continue;
    caseIds.set(c.id, insertCase(db, { name: c.name, isoCode: known.iso, role: known.role, notes: c.summary }));
  }

  const normIds = new Map<string, string>();
  for (const n of facts.norms) {
    const extra = assessments.norms[n.id];
    if (!extra) continue; // the SCO counter-norm belongs to the regional context, not the matrix
    const description = n.textType === 'paraphrase' ? `${n.text} (paraphrase)` : `“${n.text}”`;
    const normId = insertNorm(db, {
      label: n.label,
      shortLabel: extra.shortLabel,
      description,
      instrument: extra.instrument,
      paragraph: extra.paragraph,
      diffusingAgent: n.externalAgent,
      frameworkId,
    });
    normIds.set(n.id, normId);
    for (const stage of facts.framework.stages) {
      const note = stage.perNorm[n.id];
      const stageId = stageByFactId.get(stage.id);
      if (note && stageId) setNormStageNote(db, normId, stageId, note);
    }
  }

  for (const cell of assessments.cells) {
    const caseId = caseIds.get(cell.case);
    const normId = normIds.get(cell.norm);
    const stageId = stageByFactId.get(cell.stage);
    if (!caseId || !normId || !stageId) throw new Error(`Sample assessment refers to unknown ${cell.case}/${cell.norm}/${cell.stage}.`);
    insertCell(db, {
      caseId,
      normId,
      stageId,
      status: cell.status,
      mode: cell.mode ?? null,
      periodFrom: cell.periodFrom,
      periodTo: cell.periodTo,
      summary: cell.summary,
      confidence: cell.confidence,
      memo: cell.memo,
    });
  }
}

/** Writes the bundled sample project to `dest` (which must not exist yet). */
export function writeSampleProject(dest: string, options: OpenOptions = {}): void {
  Project.create(dest, { ...options, title: SAMPLE_TITLE, fill: (db) => fillSample(db) }).close();
}
