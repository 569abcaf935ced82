/**
 * Builds a synthetic project through the product's own code (Project.create, the edit and evidence functions, the
 * document extractor), never by raw inserts: every trigger, index, audit row and validation a researcher's work goes
 * through is paid for here too. Cached by size, seed and generator version (see cache.ts).
 *
 * Work is grouped in transactions (each edit function's own transaction becomes a savepoint inside them) and the
 * in-memory undo history is cleared after each group, so memory stays bounded and the disk is synced once per group
 * rather than once per edit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CaseDto, NormDto, ProjectCounts, SourceKind } from '../../electron/contract/api';
import { extractDocument, type ExtractedDocument } from '../../electron/core/documents/extract';
import * as edit from '../../electron/core/edit';
import * as evidence from '../../electron/core/evidence';
import { Project } from '../../electron/core/project';
import { PhasePeak } from './memory';
import { Rng } from './rng';
import { matrixPositions, type SizeSpec } from './sizes';
import { pickExcerpt, sentenceStarts, TextGenerator } from './text';
import { CODE_TREE, COUNTRIES, FAMILY_NAMES, GIVEN_NAMES, NORMS, SIX_STAGES, type Language } from './words';

/** Bump when the generator changes what it writes: cached projects of an older version are not reused. */
export const GENERATOR_VERSION = 1;

export interface GenerationStats {
  totalMs: number;
  /** Time per step; "text" is the seeded text generation (not product code), the rest are product calls. */
  stepsMs: { structure: number; cellFill: number; text: number; extract: number; storeDocument: number; createSource: number; createExcerpt: number; linkExcerpt: number; cellRevisions: number };
  calls: { cellsUpdate: number; documents: number; excerpts: number; links: number };
  textBytes: number;
  pages: number;
  peakRssMb: number;
}

export interface GeneratedProject {
  version: number;
  size: SizeSpec;
  seed: number;
  fileBytes: number;
  generatedAt: string;
  generation: GenerationStats;
  counts: ProjectCounts;
}

interface Position {
  caseId: string;
  normId: string;
  stageId: string;
  caseName: string;
  stageLabel: string;
  asksMode: boolean;
}

const STATUS_KEYS = ['reached', 'partial', 'contested', 'not-reached', 'unclear', 'no-data'];
const KINDS: SourceKind[] = ['observer-report', 'observer-report', 'law', 'media', 'media', 'speech', 'academic', 'leaked-document', 'interview'];
const GROUP = 400;

export type Log = (message: string) => void;

export async function generateProject(spec: SizeSpec, seed: number, file: string, log: Log): Promise<GeneratedProject> {
  const rng = new Rng(seed);
  const text = new TextGenerator(rng.fork('text'));
  const pick = rng.fork('choices');
  const peak = new PhasePeak();
  const steps: GenerationStats['stepsMs'] = { structure: 0, cellFill: 0, text: 0, extract: 0, storeDocument: 0, createSource: 0, createExcerpt: 0, linkExcerpt: 0, cellRevisions: 0 };
  const calls: GenerationStats['calls'] = { cellsUpdate: 0, documents: 0, excerpts: 0, links: 0 };
  const started = performance.now();
  let textBytes = 0;
  let pageCount = 0;
  const timed = <T>(step: keyof typeof steps, fn: () => T): T => {
    const t = performance.now();
    try {
      return fn();
    } finally {
      steps[step] += performance.now() - t;
    }
  };

  const p = Project.create(file, { title: `Benchmark ${spec.name} (seed ${seed})` });
  try {
    // --- Structure: frameworks, cases, norms, codebook ------------------------------------------------------
    const { cases, norms, stagesByFramework, codeIds } = timed('structure', () =>
      p.db.transaction(() => {
        const overview = p.overview();
        const frameworkIds: string[] = [];
        if (spec.stages === 4) {
          frameworkIds.push(overview.frameworks.find((f) => f.isDefault)!.id);
          // At M and L, half the norms use one of the field's templates (also four stages at M).
          if (spec.norms >= 4) frameworkIds.push(edit.createFramework(p, { templateId: 'localisation' }).id);
        } else {
          const stages = SIX_STAGES.slice(0, spec.stages).map((s) => ({ label: s.label, description: s.description, asksMode: s.asksMode }));
          frameworkIds.push(edit.createFramework(p, { name: `Six stages of norm contestation`, description: 'Emergence to settlement.', stages }).id);
          // A template framework as well, as a real project would hold (unused by the norms).
          edit.createFramework(p, { templateId: 'spiral-model' });
        }
        const cases: CaseDto[] = [];
        for (let i = 0; i < spec.cases; i++) {
          const [name, isoCode] = COUNTRIES[i % COUNTRIES.length]!;
          cases.push(edit.createCase(p, { name: i < COUNTRIES.length ? name : `${name} ${Math.floor(i / COUNTRIES.length) + 1}`, isoCode: i < COUNTRIES.length ? isoCode : null, role: i === 0 ? 'focal' : 'comparison', notes: text.sentence('en') }));
        }
        const norms: NormDto[] = [];
        for (let i = 0; i < spec.norms; i++) {
          const n = NORMS[i % NORMS.length]!;
          norms.push(
            edit.createNorm(p, {
              // Past the list (XL's 20 norms), numbered: a project's norms have different names.
              label: i < NORMS.length ? n.label : `${n.label} ${Math.floor(i / NORMS.length) + 1}`,
              shortLabel: i < NORMS.length ? n.short : `${n.short} ${Math.floor(i / NORMS.length) + 1}`,
              description: text.paragraph('en'),
              instrument: 'Copenhagen Document (1990)',
              paragraph: n.paragraph,
              diffusingAgent: 'OSCE/ODIHR',
              frameworkId: frameworkIds[i % frameworkIds.length],
            }),
          );
        }
        const codeIds: string[] = [];
        CODE_TREE.forEach((parent, i) => {
          const made = evidence.createCode(p, { name: parent.name, palette: i % 8 });
          for (const child of parent.children) codeIds.push(evidence.createCode(p, { name: child, parentId: made.id, palette: i % 8 }).id);
        });
        const stagesByFramework = new Map(p.overview().frameworks.map((f) => [f.id, f.stages]));
        return { cases, norms, stagesByFramework, codeIds };
      })(),
    );
    p.history.clear();

    const positions: Position[] = [];
    for (const norm of norms) {
      for (const kase of cases) {
        for (const stage of stagesByFramework.get(norm.frameworkId) ?? []) {
          positions.push({ caseId: kase.id, normId: norm.id, stageId: stage.id, caseName: kase.name, stageLabel: stage.label, asksMode: stage.asksMode });
        }
      }
    }
    if (positions.length !== matrixPositions(spec)) throw new Error(`Expected ${matrixPositions(spec)} matrix positions, made ${positions.length}.`);

    // --- Every cell filled once -------------------------------------------------------------------------------
    for (let from = 0; from < positions.length; from += GROUP) {
      timed('cellFill', () =>
        p.db.transaction(() => {
          for (const pos of positions.slice(from, from + GROUP)) {
            const year = pick.int(1991, 2022);
            edit.updateCell(p, {
              caseId: pos.caseId,
              normId: pos.normId,
              stageId: pos.stageId,
              patch: {
                status: pick.pick(STATUS_KEYS),
                mode: pos.asksMode ? pick.pick(['discourse', 'practice', 'both'] as const) : null,
                periodFrom: year,
                periodTo: year + pick.int(0, 8),
                summary: text.summary(pos.caseName, pos.stageLabel, 0),
                confidence: pick.pick(['low', 'medium', 'high'] as const),
                memo: text.memo(),
              },
            });
            calls.cellsUpdate++;
          }
        })(),
      );
      p.history.clear();
    }
    log(`  structure and ${positions.length} cells filled`);

    // --- Documents, their excerpts and the links of excerpts to cells ------------------------------------------
    const pagesPerDocument = Math.max(1, Math.round(spec.documentBytes / spec.pageBytes));
    const batch = 20;
    let excerptsLeft = spec.excerpts;
    let lastLog = performance.now();
    for (let from = 0; from < spec.documents; from += batch) {
      const prepared: { fileName: string; bytes: Uint8Array; extracted: ExtractedDocument; lang: Language; index: number }[] = [];
      for (let index = from; index < Math.min(spec.documents, from + batch); index++) {
        const lang = text.language();
        const pages = timed('text', () => Array.from({ length: pagesPerDocument }, () => text.page(lang, spec.pageBytes)));
        const bytes = new Uint8Array(Buffer.from(pages.join('\f'), 'utf8'));
        textBytes += bytes.byteLength;
        pageCount += pages.length;
        const fileName = `${lang}-document-${String(index + 1).padStart(5, '0')}.txt`;
        const t = performance.now();
        const extracted = await extractDocument({ fileName, bytes });
        steps.extract += performance.now() - t;
        prepared.push({ fileName, bytes, extracted, lang, index });
      }
      p.db.transaction(() => {
        for (const doc of prepared) {
          const family = pick.pick(FAMILY_NAMES);
          const year = pick.int(1995, 2024);
          const kind = pick.pick(KINDS);
          const source = timed('createSource', () =>
            evidence.createSource(p, {
              kind,
              csl: {
                type: kind === 'law' ? 'legislation' : kind === 'academic' ? 'article-journal' : kind === 'media' ? 'article-newspaper' : 'report',
                title: `${pick.pick(COUNTRIES)[0]}: ${text.sentence(doc.lang, 4, 9).replace(/[.;]$/, '')} (${doc.index + 1})`,
                author: [{ family, given: pick.pick(GIVEN_NAMES) }],
                issued: { 'date-parts': [[year]] },
                publisher: kind === 'observer-report' ? 'OSCE/ODIHR' : 'Almaty Press',
                language: doc.lang,
              },
            }),
          );
          const stored = timed('storeDocument', () => evidence.storeDocument(p, { fileName: doc.fileName, bytes: doc.bytes }, doc.extracted, { sourceId: source.id }));
          calls.documents++;
          // The excerpts are spread evenly over the documents.
          const remainingDocs = spec.documents - doc.index;
          const count = Math.round(excerptsLeft / remainingDocs);
          excerptsLeft -= count;
          const starts = new Map<number, number[]>();
          for (let e = 0; e < count; e++) {
            const page = doc.extracted.pages[pick.int(0, doc.extracted.pages.length - 1)]!;
            let pageStarts = starts.get(page.number);
            if (!pageStarts) {
              pageStarts = sentenceStarts(page.text);
              starts.set(page.number, pageStarts);
            }
            const { start, end } = pickExcerpt(pick, page.text, pageStarts);
            const translated = doc.lang !== 'en' && pick.chance(0.3);
            const codes = pick.chance(0.6) ? [...new Set([pick.pick(codeIds), ...(pick.chance(0.3) ? [pick.pick(codeIds)] : [])])] : [];
            const excerpt = timed('createExcerpt', () =>
              evidence.createExcerpt(p, {
                sourceId: source.id,
                documentId: stored.id,
                page: page.number,
                startOffset: start,
                endOffset: end,
                text: page.text.slice(start, end),
                language: doc.lang,
                ...(translated ? { translation: text.sentence('en', 8, 30), translationLanguage: 'en' } : {}),
                ...(codes.length > 0 ? { codeIds: codes } : {}),
              }),
            );
            calls.excerpts++;
            if (pick.chance(spec.linkedShare)) {
              const pos = pick.pick(positions);
              timed('linkExcerpt', () => evidence.linkExcerpt(p, { excerptId: excerpt.id, caseId: pos.caseId, normId: pos.normId, stageId: pos.stageId }));
              calls.links++;
            }
          }
        }
      })();
      p.history.clear();
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`  ${Math.min(spec.documents, from + batch)} / ${spec.documents} documents, ${calls.excerpts} excerpts (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }

    // --- Revisions: the remaining cells.update calls, as a researcher rewrites assessments over months ----------
    const revisions = Math.max(0, spec.cellEdits - positions.length);
    for (let done = 0; done < revisions; done += GROUP) {
      timed('cellRevisions', () =>
        p.db.transaction(() => {
          for (let i = done; i < Math.min(revisions, done + GROUP); i++) {
            const pos = pick.pick(positions);
            const x = pick.float();
            const patch =
              x < 0.6
                ? { summary: text.summary(pos.caseName, pos.stageLabel, 1 + (i % 9)) }
                : x < 0.85
                  ? { status: pick.pick(STATUS_KEYS) }
                  : x < 0.95
                    ? { memo: text.sentence('en', 8, 30) }
                    : { confidence: pick.pick(['low', 'medium', 'high'] as const) };
            edit.updateCell(p, { caseId: pos.caseId, normId: pos.normId, stageId: pos.stageId, patch });
            calls.cellsUpdate++;
          }
        })(),
      );
      p.history.clear();
    }
    const counts = p.counts();
    p.close();
    return {
      version: GENERATOR_VERSION,
      size: spec,
      seed,
      fileBytes: fs.statSync(file).size,
      generatedAt: new Date().toISOString(),
      generation: { totalMs: performance.now() - started, stepsMs: steps, calls, textBytes, pages: pageCount, peakRssMb: peak.stop() },
      counts,
    };
  } catch (error) {
    p.close();
    throw error;
  }
}

export function describeGeneration(meta: GeneratedProject): string {
  const g = meta.generation;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `generated in ${s(g.totalMs)}: ${meta.counts.cases} cases, ${meta.counts.norms} norms, ${meta.counts.cells} cells (${g.calls.cellsUpdate} cells.update), ${meta.counts.documents} documents (${(g.textBytes / 1e6).toFixed(1)} MB text, ${g.pages} pages), ${meta.counts.excerpts} excerpts (${g.calls.links} linked); file ${(meta.fileBytes / 1e6).toFixed(0)} MB; peak RSS ${g.peakRssMb.toFixed(0)} MB`,
    `  steps: ${Object.entries(g.stepsMs)
      .map(([k, v]) => `${k} ${s(v)}`)
      .join(', ')}`,
  ].join('\n');
}

export function projectFileName(dir: string, spec: SizeSpec, seed: number): string {
  return path.join(dir, `${spec.name}-seed${seed}-v${GENERATOR_VERSION}.comparanda`);
}
