/**
 * The pre-export check: before any file is written, the bytes about to be written are searched for every real name
 * and contact the researcher recorded for an interviewee (evidence.sensitiveIdentifiers). The search is done on what
 * the file really contains — the text of a PDF as a reader extracts it (pdf.js, no system tool), the XML inside a
 * DOCX/XLSX, the text of TeX/BibTeX/CSV/Markdown — case-insensitively, and also with all white space removed (a
 * name broken across two lines of a PDF is still found). A hit refuses the export with VALIDATION_FAILED, saying
 * what was found and where it comes from in the project; nothing is written.
 */
import { ApiError } from '../../contract/errors';
import { extractDocument } from '../documents/extract';
import { listExcerpts, listSources } from '../evidence';
import { listClaims, listElections } from '../record';
import type { Project } from '../project';
import { decodeEntities } from './inline';
import { readZip } from './zip';

function fold(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const squash = (value: string) => value.replace(/\s+/g, '');

/** The identifiers (as given) that occur in any of the texts. */
export function findIdentifiers(texts: readonly string[], identifiers: readonly string[]): string[] {
  const folded = texts.map(fold);
  const squashed = folded.map(squash);
  const hits: string[] = [];
  for (const identifier of identifiers) {
    const needle = fold(identifier);
    if (!needle) continue;
    const tight = squash(needle);
    if (folded.some((t) => t.includes(needle)) || (tight.length >= 4 && squashed.some((t) => t.includes(tight)))) {
      if (!hits.includes(identifier)) hits.push(identifier);
    }
  }
  return hits;
}

/** The text of XML: once with tags removed (runs of a Word paragraph joined), once with tags as spaces, attributes included. */
export function xmlTexts(xml: string): string[] {
  const joined = decodeEntities(xml.replace(/<\/w:p>|<\/a:p>|<\/row>|<\/si>|<br\s*\/?>/g, ' ').replace(/<[^>]*>/g, ''));
  const spaced = decodeEntities(xml.replace(/<[^>]*>/g, ' '));
  const attributes = [...xml.matchAll(/="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)).join(' ');
  return [joined, spaced, attributes];
}

/** What a reader of the file can see: the text of every XML part of a DOCX/XLSX. */
export function officeTexts(bytes: Buffer): string[] {
  return readZip(bytes)
    .filter((e) => /\.(xml|rels)$/i.test(e.name))
    .flatMap((e) => xmlTexts(e.data.toString('utf8')));
}

/** The text of a PDF as pdf.js extracts it, page by page. */
export async function pdfTexts(bytes: Buffer, signal?: AbortSignal): Promise<string[]> {
  const extracted = await extractDocument({ fileName: 'export.pdf', bytes: new Uint8Array(bytes), signal });
  return extracted.pages.map((p) => p.text);
}

/** Where an identifier occurs in the project's data, for the refusal message. */
export function locateIdentifier(project: Project, identifier: string): string[] {
  const needle = fold(identifier);
  const has = (value: string | null | undefined) => !!value && fold(value).includes(needle);
  const places: string[] = [];
  const overview = project.overview();
  const caseName = new Map(overview.cases.map((c) => [c.id, c.name]));
  const normLabel = new Map(overview.norms.map((n) => [n.id, n.shortLabel || n.label]));
  const stageLabel = new Map(overview.frameworks.flatMap((f) => f.stages.map((s) => [s.id, `${s.position}. ${s.label}`] as const)));
  for (const c of overview.cases) if (has(c.name) || has(c.notes)) places.push(`the case ${c.name}`);
  for (const n of overview.norms) if (has(n.label) || has(n.description) || Object.values(n.stageNotes).some(has)) places.push(`the norm ${n.shortLabel || n.label}`);
  for (const cell of project.cells()) {
    if (has(cell.summary)) places.push(`the summary of ${caseName.get(cell.caseId) ?? 'a case'} · ${normLabel.get(cell.normId) ?? 'a norm'} · ${stageLabel.get(cell.stageId) ?? 'a stage'}`);
  }
  const sources = listSources(project);
  const title = new Map(sources.map((s) => [s.id, s.title]));
  for (const e of listExcerpts(project, {})) {
    if (has(e.text) || has(e.translation) || has(e.speaker) || has(e.locator)) places.push(`an excerpt of “${title.get(e.sourceId) ?? 'a source'}”${e.locator ? ` (${e.locator})` : ''}`);
  }
  for (const s of sources) if (has(JSON.stringify(s.csl))) places.push(`the bibliographic data of “${s.title}”`);
  for (const c of listClaims(project)) {
    if ([c.claimant, c.claimantRole, c.statement, c.comparatorNote, c.dimensionNote, c.reasoning, c.verificationNote].some(has)) places.push(`the claim by ${c.claimant}`);
  }
  for (const e of listElections(project)) {
    const election = `${caseName.get(e.caseId) ?? 'a case'} ${e.date}`;
    if ([e.label, e.officialResult, e.notes, e.verificationNote].some(has)) places.push(`the election ${election}`);
    for (const m of e.missions) {
      if ([m.organisation, m.reason, m.headOfMission, m.verdict, m.verdictQuote, m.verificationNote, ...m.findings.map((f) => f.note)].some(has)) places.push(`the ${m.organisation} mission to the election ${election}`);
    }
  }
  if (has(project.title)) places.push('the project title');
  return places;
}

/** Refuses the export if any identifier occurs in the texts. */
export function assertNoIdentifiers(project: Project, texts: readonly string[], identifiers: readonly string[], fileLabel: string): void {
  if (identifiers.length === 0) return;
  const hits = findIdentifiers(texts, identifiers);
  if (hits.length === 0) return;
  const described = hits.map((hit) => {
    let places: string[] = [];
    try {
      places = locateIdentifier(project, hit);
    } catch {
      // The project was closed while the export was formatting: the refusal stands, without saying where.
    }
    return `"${hit}"${places.length ? ` (found in ${places.slice(0, 4).join('; ')}${places.length > 4 ? `; and ${places.length - 4} more` : ''})` : ''}`;
  });
  throw new ApiError(
    'VALIDATION_FAILED',
    `Export refused: the ${fileLabel} would contain ${hits.length === 1 ? 'a real name or contact' : `${hits.length} real names or contacts`} recorded for interviewees: ${described.join('; ')}. Replace ${hits.length === 1 ? 'it' : 'them'} with the pseudonym and export again. Nothing was written.`,
  );
}
