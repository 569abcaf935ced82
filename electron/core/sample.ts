import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CslItem, SourceKind } from '../contract/api';
import type { OpenOptions } from './db/project-file';
import { stmt } from './db/statements';
import { assetsDir } from './paths';
import { Project } from './project';
import { insertCase } from './repos/cases';
import { insertCell } from './repos/cells';
import { defaultFrameworkId } from './repos/frameworks';
import { insertNorm, setNormStageNote } from './repos/norms';
import { fillSampleRecord } from './sample-record';
import { rewordFacts } from './sample-wording';
import { duplicateKey } from './sources/bibliography';

export const SAMPLE_TITLE = 'Kazakhstan & Belarus (sample)';
export const SAMPLE_FILE_NAME = `${SAMPLE_TITLE}.comparanda`;

// Only the parts of the fact base the sample uses so far; the schema documents what the builder relies on.
const factsSchema = z.object({
  sources: z.array(
    z.object({ id: z.string(), url: z.string().nullable().optional(), title: z.string(), publisher: z.string().nullable().optional(), date: z.string().nullable().optional(), type: z.string(), note: z.string().nullable().optional() }),
  ),
  excerpts: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      textType: z.enum(['verbatim-quote', 'seed-quote', 'paraphrase']),
      source: z.string(),
      locator: z.string(),
      case: z.string().nullable(),
      norm: z.string().nullable(),
      stage: z.string().nullable(),
      speaker: z.string().nullable(),
    }),
  ),
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

/** How the fact base's source types map to CSL types and the app's source kinds. */
const SOURCE_TYPES: Record<string, { csl: string; kind: SourceKind; author?: string }> = {
  'wire/news': { csl: 'article-newspaper', kind: 'media' },
  'odihr-primary': { csl: 'report', kind: 'observer-report', author: 'OSCE/ODIHR' },
  'odihr-mirror': { csl: 'report', kind: 'observer-report', author: 'OSCE/ODIHR' },
  'official-text': { csl: 'legislation', kind: 'law' },
  dataset: { csl: 'dataset', kind: 'dataset' },
  encyclopedic: { csl: 'entry-encyclopedia', kind: 'other' },
  academic: { csl: 'article', kind: 'academic' },
  seed: { csl: 'manuscript', kind: 'academic' },
  ngo: { csl: 'report', kind: 'other' },
};

/**
 * The article's unnamed interviewees, by pseudonym. Different footnotes may be different people, so each gets a
 * pseudonym of its own unless the article says otherwise.
 */
const PARTICIPANTS: Record<string, { pseudonym: string; role: string }> = {
  'EX-04': { pseudonym: 'CEC member 1', role: 'Central Election Commission member' },
  'EX-14': { pseudonym: 'CEC member 2', role: 'Central Election Commission member' },
  'EX-12': { pseudonym: 'Election official 1', role: 'Election official' },
  'EX-13': { pseudonym: 'Local election official 1', role: 'Local election official' },
  'EX-15': { pseudonym: 'Electoral participants (group)', role: 'Participants in the electoral process' },
  'EX-16': { pseudonym: 'Electoral participants (group)', role: 'Participants in the electoral process' },
  'EX-17': { pseudonym: 'Electoral participants (group)', role: 'Participants in the electoral process' },
  'EX-20': { pseudonym: 'Interviewee A', role: 'Interviewee (role not given)' },
  'EX-25': { pseudonym: 'Interviewee B', role: 'Interviewee (role not given)' },
  'EX-26': { pseudonym: 'Interviewee C', role: 'Interviewee (role not given)' },
  'EX-27': { pseudonym: 'Interviewee D', role: 'Interviewee (role not given)' },
  'EX-28': { pseudonym: 'Opposition politician 1', role: 'Opposition politician' },
  'EX-29': { pseudonym: 'Opposition member 1', role: 'Opposition party member' },
};

/** A CSL date from the fact base's free-form date ("2012-04-25", "2011", "c. 2016-2019"). */
function cslDate(date: string | null | undefined): Record<string, unknown> | undefined {
  if (!date) return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.trim());
  if (!match) return { literal: date };
  return { 'date-parts': [[match[1], match[2], match[3]].filter((x): x is string => x !== undefined).map(Number)] };
}

function sourceCsl(source: z.infer<typeof factsSchema>['sources'][number]): CslItem {
  const type = SOURCE_TYPES[source.type] ?? { csl: 'document', kind: 'other' as SourceKind };
  // The article the sample is built from is cited as "manuscript": its fact-base id would make the key "seed".
  const key = source.id === 'SRC-SEED' ? 'manuscript' : source.id.replace(/^SRC-/, '').toLowerCase();
  const csl: CslItem = { id: key, type: type.csl, title: source.title };
  if (type.author) csl.author = [{ literal: type.author }];
  if (source.publisher) csl.publisher = source.publisher;
  if (source.url && /^https?:\/\//.test(source.url)) csl.URL = source.url;
  const issued = cslDate(source.date);
  if (issued) csl.issued = issued;
  if (source.note) csl.note = source.note;
  return csl;
}

const CASE_ROLES: Record<string, { role: 'focal' | 'comparison'; iso: string }> = {
  KAZ: { role: 'focal', iso: 'KAZ' },
  BLR: { role: 'comparison', iso: 'BLR' },
};

function readJson(file: string): unknown {
  return rewordFacts(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Fills an empty project (inside its creating transaction) from the bundled fact base. */
export function fillSample(db: Database.Database, dir: string = path.join(assetsDir(), 'sample')): void {
  const rawFacts = readJson(path.join(dir, 'kazakhstan-belarus-facts.json'));
  const facts = factsSchema.parse(rawFacts);
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

  const now = new Date().toISOString();
  const sourceIds = new Map<string, string>();
  for (const source of facts.sources) {
    const id = crypto.randomUUID();
    const csl = sourceCsl(source);
    stmt(
      db,
      `INSERT INTO sources (id, kind, csl, title, citation_key, duplicate_key, participant_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, '', ?, ?)`,
    ).run(id, (SOURCE_TYPES[source.type] ?? { kind: 'other' }).kind, JSON.stringify(csl), source.title, csl.id, duplicateKey(csl), now, now);
    sourceIds.set(source.id, id);
  }

  const participantIds = new Map<string, string>();
  for (const { pseudonym, role } of Object.values(PARTICIPANTS)) {
    if (participantIds.has(pseudonym)) continue;
    const id = crypto.randomUUID();
    stmt(
      db,
      `INSERT INTO participants (id, pseudonym, role_category, interview_date, place, language, consent, restrictions, created_at, updated_at)
       VALUES (?, ?, ?, NULL, 'Kazakhstan', '', 'unknown', 'Unnamed in the article; consent terms not recorded in the sample.', ?, ?)`,
    ).run(id, pseudonym, role, now, now);
    participantIds.set(pseudonym, id);
  }

  const excerpts: { id: string; fact: z.infer<typeof factsSchema>['excerpts'][number] }[] = [];
  for (const fact of facts.excerpts) {
    // "SRC-SEED; SRC-REGISTAN-2012": the first source is the one quoted.
    const sourceId = sourceIds.get(fact.source.split(';')[0]!.trim());
    if (!sourceId) throw new Error(`Sample excerpt ${fact.id} cites unknown source ${fact.source}.`);
    const participant = PARTICIPANTS[fact.id];
    const id = crypto.randomUUID();
    stmt(
      db,
      `INSERT INTO excerpts (id, source_id, locator, text, text_kind, language, speaker, participant_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?, ?)`,
    ).run(
      id,
      sourceId,
      readerLocator(fact.locator),
      fact.text,
      fact.textType === 'paraphrase' ? 'paraphrase' : 'quote',
      participant ? '' : (fact.speaker ?? ''),
      participant ? participantIds.get(participant.pseudonym)! : null,
      now,
      now,
    );
    excerpts.push({ id, fact });
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

  linkSampleEvidence(db, excerpts, { cases: caseIds, norms: normIds, stages: stageByFactId });
  fillSampleRecord(db, rawFacts, readJson(path.join(dir, 'record.json')), {
    cases: caseIds,
    norms: normIds,
    stages: stageByFactId,
    sources: sourceIds,
    excerpts: new Map(excerpts.map((e) => [e.fact.id, e.id])),
  });
}

/** Links each fact-base excerpt to the cell of its case, norm and stage (norms outside the matrix stay unlinked). */
function linkSampleEvidence(
  db: Database.Database,
  excerpts: { id: string; fact: { case: string | null; norm: string | null; stage: string | null } }[],
  ids: { cases: Map<string, string>; norms: Map<string, string>; stages: Map<string, string | undefined> },
): void {
  const find = stmt(db, 'SELECT id FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL');
  const link = stmt(db, 'INSERT INTO excerpt_cells (excerpt_id, cell_id, position) VALUES (?, ?, ?)');
  const positions = new Map<string, number>();
  for (const { id, fact } of excerpts) {
    const caseId = fact.case ? ids.cases.get(fact.case) : undefined;
    const normId = fact.norm ? ids.norms.get(fact.norm) : undefined;
    const stageId = fact.stage ? ids.stages.get(fact.stage) : undefined;
    if (!caseId || !normId || !stageId) continue;
    const cell = find.get(caseId, normId, stageId) as { id: string } | undefined;
    if (!cell) throw new Error(`Sample evidence ${id} points at an unassessed cell ${fact.case}/${fact.norm}/${fact.stage}.`);
    const position = (positions.get(cell.id) ?? 0) + 1;
    positions.set(cell.id, position);
    link.run(id, cell.id, position);
  }
}

/** Writes the bundled sample project to `dest` (which must not exist yet). */
/**
 * The fact base records where each passage is in the manuscript as a researcher cites it ("Stage 3, fn 53-54") and,
 * for checking, the line of the repository's text copy ("; seed line 493"). Users see only the first: the line
 * number means nothing outside this repository.
 */
export function readerLocator(locator: string): string {
  return locator.replace(/;\s*seed line \d+\s*$/i, '').trim();
}

export function writeSampleProject(dest: string, options: OpenOptions = {}): void {
  Project.create(dest, { ...options, title: SAMPLE_TITLE, fill: (db) => fillSample(db) }).close();
}
