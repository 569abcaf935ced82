/**
 * Export to REFI-QDA: a .qdpx project (project.qde per Project.xsd + the texts and originals under Sources/) and a
 * .qdc codebook (Codebook.xsd). See docs/refi-qda.md for how each part of a Comparanda project is represented.
 * Interviewees appear only by pseudonym: participant_identities is never read, and the bytes about to be written
 * are searched for every recorded real name or contact before anything is written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { paletteColour } from '../../contract/palette';
import { ApiError } from '../../contract/errors';
import { stmt } from '../db/statements';
import { xmlTexts } from '../export/check';
import { guardOutput } from '../privacy/gate';
import { APP_NAME, APP_VERSION, type Project } from '../project';
import { COMPARANDA_USER_GUID, derivedGuid } from './guid';
import { encodeMachineNote, markDescription, type NoteKind } from './notes';
import { joinPages, Positions, snippet } from './text';
import { el, renderXml, textEl, type XmlNode } from './xml';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Tables carried whole in the `comparanda:record` note (observation record, regional context, indicators...). */
export const RECORD_TABLES = [
  'finding_dimensions',
  'elections',
  'missions',
  'mission_findings',
  'organisations',
  'regional_norms',
  'instruments',
  'instrument_norms',
  'memberships',
  'regional_norm_cells',
  'indicators',
  'indicator_values',
  'verification_flags',
  'views',
] as const;

export interface QdpxExportOptions {
  /** The .qdpx (or .qdc) file to write; an existing file is replaced. */
  out: string;
}

export interface QdpxCounts {
  users: number;
  /** The project's own codes. */
  codes: number;
  /** Norms, and the codes of their stages. */
  normCodes: number;
  stageCodes: number;
  variables: number;
  cases: number;
  /** REFI-QDA sources: one per document, plus one stand-in per source with excerpts outside its documents. */
  sources: number;
  documents: number;
  selections: number;
  codings: number;
  notes: number;
  links: number;
  sets: number;
  /** Entries of the archive (project.qde and everything under Sources/). */
  files: number;
}

export interface QdpxExportResult {
  path: string;
  counts: QdpxCounts;
}

type Row = Record<string, unknown>;

interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string;
  palette: number;
  color: string | null;
  is_codable: number;
}
interface NormRow {
  id: string;
  label: string;
  description: string;
  framework_id: string;
}
interface StageRow {
  id: string;
  framework_id: string;
  position: number;
  label: string;
  description: string;
  archived_at: string | null;
}
interface CaseRow {
  id: string;
  name: string;
  notes: string;
}
interface CellRow {
  id: string;
  case_id: string;
  norm_id: string;
  stage_id: string;
  status: string;
  mode: string | null;
  period_from: number | null;
  period_to: number | null;
  summary: string;
  confidence: string | null;
  memo: string;
  created_at: string;
  updated_at: string;
}
interface SourceRow {
  id: string;
  kind: string;
  title: string;
  notes: string;
  created_at: string;
  updated_at: string;
}
interface DocumentRow {
  id: string;
  source_id: string;
  file_name: string;
  format: string;
  imported_at: string;
  refi_guid: string | null;
  refi_text_guid: string | null;
  refi_user: string | null;
}
interface ExcerptRow {
  id: string;
  source_id: string;
  document_id: string | null;
  page: number | null;
  start_offset: number | null;
  end_offset: number | null;
  region_x1: number | null;
  region_y1: number | null;
  region_x2: number | null;
  region_y2: number | null;
  locator: string;
  text: string;
  text_kind: string;
  translation: string;
  translation_language: string;
  speaker: string;
  participant_id: string | null;
  verification: string;
  created_at: string;
  updated_at: string;
}
interface MemoRow {
  id: string;
  target_type: string;
  target_id: string;
  text: string;
  created_at: string;
  updated_at: string;
}

function all<T = Row>(p: Project, sql: string, ...params: unknown[]): T[] {
  return stmt(p.db, sql).all(...params) as T[];
}

function group<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** A number as xsd:decimal (no exponent). */
function decimal(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

export const stageCodeGuid = (normId: string, stageId: string) => derivedGuid('norm-stage', normId, stageId);
export const noteGuid = (kind: NoteKind, id: string) => derivedGuid('note', kind, id);
export const representationGuid = (documentId: string) => derivedGuid('representation', documentId);

const ORIGINAL_EXTENSIONS: Record<string, string> = { pdf: 'pdf', docx: 'docx', txt: 'txt', md: 'md', html: 'html' };

/**
 * Where the original bytes of a document go in the archive. A PDF or Word original is a source file the standard
 * names (`path`, `richTextPath`), so it goes in `Sources/`; any other original (HTML, Markdown, a text file that is
 * not the plain text itself) only our own import reads, so it goes in `Comparanda/`: readers count every file in
 * `Sources/` as a source.
 */
export function originalPath(documentId: string, format: string): string {
  const ext = ORIGINAL_EXTENSIONS[format] ?? 'bin';
  return format === 'pdf' || format === 'docx' ? `Sources/${documentId}.${ext}` : `Comparanda/${documentId}.original.${ext}`;
}

interface Built {
  xml: string;
  files: Map<string, Uint8Array>;
  counts: QdpxCounts;
}

function codeTree(p: Project, withNotes: boolean, counts: QdpxCounts, extraNoteRefs: Map<string, string[]>): XmlNode[] {
  const codes = all<CodeRow>(p, 'SELECT id, parent_id, name, description, palette, color, is_codable FROM codes ORDER BY position, rowid');
  const children = group(codes, (c) => c.parent_id);
  const render = (code: CodeRow): XmlNode => {
    counts.codes++;
    return el('Code', { guid: code.id, name: code.name, isCodable: code.is_codable !== 0, color: code.color ?? paletteColour(code.palette) }, [
      code.description ? textEl('Description', code.description) : null,
      ...(children.get(code.id) ?? []).map(render),
    ]);
  };
  const nodes = (children.get(null) ?? []).map(render);

  // Each norm as a code, its stages as child codes: the matrix's rows survive in any QDA program.
  const norms = all<NormRow>(p, 'SELECT id, label, description, framework_id FROM norms ORDER BY archived_at IS NOT NULL, position, rowid');
  const stages = group(all<StageRow>(p, 'SELECT id, framework_id, position, label, description, archived_at FROM stages ORDER BY position'), (s) => s.framework_id);
  const usedStages = new Set(all<{ key: string }>(p, "SELECT DISTINCT norm_id || '/' || stage_id AS key FROM cells").map((r) => r.key));
  const stageNotes = new Map(all<{ norm_id: string; stage_id: string; description: string }>(p, 'SELECT norm_id, stage_id, description FROM norm_stage_notes').map((r) => [`${r.norm_id}/${r.stage_id}`, r.description]));
  for (const norm of norms) {
    counts.normCodes++;
    const stageCodes = (stages.get(norm.framework_id) ?? [])
      .filter((s) => s.archived_at === null || usedStages.has(`${norm.id}/${s.id}`))
      .map((stage) => {
        counts.stageCodes++;
        const guid = stageCodeGuid(norm.id, stage.id);
        return el('Code', { guid, name: stage.label, isCodable: true, color: paletteColour(0) }, [
          textEl('Description', markDescription(stageNotes.get(`${norm.id}/${stage.id}`) || stage.description, { kind: 'stage', normId: norm.id, stageId: stage.id })),
          ...(withNotes ? (extraNoteRefs.get(guid) ?? []).map((g) => el('NoteRef', { targetGUID: g })) : []),
        ]);
      });
    nodes.push(
      el('Code', { guid: norm.id, name: norm.label, isCodable: false, color: paletteColour(5) }, [
        textEl('Description', markDescription(norm.description, { kind: 'norm', normId: norm.id })),
        ...(withNotes ? (extraNoteRefs.get(norm.id) ?? []).map((g) => el('NoteRef', { targetGUID: g })) : []),
        ...stageCodes,
      ]),
    );
  }
  return nodes;
}

function build(p: Project): Built {
  const counts: QdpxCounts = {
    users: 1,
    codes: 0,
    normCodes: 0,
    stageCodes: 0,
    variables: 0,
    cases: 0,
    sources: 0,
    documents: 0,
    selections: 0,
    codings: 0,
    notes: 0,
    links: 0,
    sets: 0,
    files: 1,
  };
  const files = new Map<string, Uint8Array>();
  const user = COMPARANDA_USER_GUID;
  const now = new Date().toISOString();
  const stamp = (created: unknown, modified: unknown) => ({
    creatingUser: user,
    creationDateTime: String(created),
    modifyingUser: user,
    modifiedDateTime: String(modified),
  });

  const notes: XmlNode[] = [];
  const links: XmlNode[] = [];
  const projectNoteRefs: string[] = [];
  /** NoteRefs to add to codes (norm and stage codes), sources and selections, by their GUID. */
  const noteRefs = new Map<string, string[]>();
  const addRef = (owner: string, note: string) => {
    const list = noteRefs.get(owner);
    if (list) list.push(note);
    else noteRefs.set(owner, [note]);
  };
  const addNote = (guid: string, name: string, text: string, attrs: { created?: unknown; modified?: unknown; description?: string } = {}) => {
    counts.notes++;
    notes.push(
      el('Note', { guid, name, ...stamp(attrs.created ?? now, attrs.modified ?? now) }, [
        attrs.description ? textEl('Description', attrs.description) : null,
        textEl('PlainTextContent', text),
        ...(noteRefs.get(guid) ?? []).map((g) => el('NoteRef', { targetGUID: g })),
      ]),
    );
  };
  const addLink = (origin: string, target: string, name: string) => {
    counts.links++;
    links.push(el('Link', { guid: derivedGuid('link', origin, target), name, direction: 'OneWay', originGUID: origin, targetGUID: target }));
  };
  const machine = (kind: NoteKind, id: string, name: string, data: unknown, body = '', extra: { created?: unknown; modified?: unknown; description?: string } = {}) => {
    const guid = noteGuid(kind, id);
    addNote(guid, name, encodeMachineNote(kind, data, body), extra);
    return guid;
  };

  // ---- Labels used in names and descriptions
  const caseRows = all<CaseRow & Row>(p, 'SELECT * FROM cases ORDER BY archived_at IS NOT NULL, position, rowid');
  const caseName = new Map(caseRows.map((c) => [c.id, c.name]));
  const normRows = all<NormRow & Row>(p, 'SELECT * FROM norms ORDER BY archived_at IS NOT NULL, position, rowid');
  const normLabel = new Map(normRows.map((n) => [n.id, String(n.short_label || n.label)]));
  const stageRows = all<StageRow & Row>(p, 'SELECT * FROM stages ORDER BY framework_id, position');
  const stageLabel = new Map(stageRows.map((s) => [s.id, `${s.position}. ${s.label}`]));
  const participants = all<Row & { id: string; pseudonym: string }>(
    p,
    // Explicit columns: nothing from participant_identities, ever.
    'SELECT id, pseudonym, role_category, interview_date, place, language, consent, restrictions, created_at, updated_at FROM participants ORDER BY pseudonym',
  );
  const pseudonym = new Map(participants.map((x) => [x.id, x.pseudonym]));
  const memos = all<MemoRow>(p, 'SELECT id, target_type, target_id, text, created_at, updated_at FROM memos ORDER BY created_at, rowid');
  const memosOf = group(memos, (m) => `${m.target_type}:${m.target_id}`);

  // ---- Project-level machine notes
  const frameworks = all<Row & { id: string }>(p, 'SELECT * FROM frameworks ORDER BY is_default DESC, name');
  const statuses = group(all<Row & { framework_id: string }>(p, 'SELECT * FROM status_levels ORDER BY framework_id, position'), (s) => s.framework_id);
  const stagesByFramework = group(stageRows, (s) => s.framework_id);
  projectNoteRefs.push(
    machine(
      'project',
      'project',
      'Comparanda project data',
      {
        app: `${APP_NAME} ${APP_VERSION}`,
        title: p.title,
        frameworks: frameworks.map((f) => ({ ...f, stages: stagesByFramework.get(f.id) ?? [], statuses: statuses.get(f.id) ?? [] })),
        attributes: all(p, 'SELECT * FROM case_attributes ORDER BY position'),
        memos: memos.map((m) => ({ id: m.id, target_type: m.target_type, target_id: m.target_id, created_at: m.created_at, updated_at: m.updated_at })),
      },
      'Written by Comparanda so that the project survives a round trip through REFI-QDA (see docs/refi-qda.md in Comparanda). Please keep this note.',
    ),
  );
  const record: Record<string, Row[]> = {};
  for (const table of RECORD_TABLES) record[table] = all(p, `SELECT * FROM ${table} ORDER BY rowid`);
  projectNoteRefs.push(
    machine('record', 'record', 'Comparanda observation record and regional context', { tables: record }, 'Elections and observer missions, findings, regional context, indicators, verification flags and saved views of the Comparanda project.'),
  );
  for (const x of participants) {
    projectNoteRefs.push(
      machine('participant', x.id, `Participant: ${x.pseudonym}`, x, `Interviewee known by the pseudonym “${x.pseudonym}”${x.role_category ? ` (${String(x.role_category)})` : ''}. Consent: ${String(x.consent)}.`, {
        created: x.created_at,
        modified: x.updated_at,
      }),
    );
  }
  for (const claim of all<Row & { id: string; claimant: string; statement: string }>(p, 'SELECT * FROM claims ORDER BY created_at, rowid')) {
    const comparators = all<{ case_id: string }>(p, 'SELECT case_id FROM claim_comparators WHERE claim_id = ?', claim.id).map((r) => r.case_id);
    const missions = all<{ mission_id: string }>(p, 'SELECT mission_id FROM claim_missions WHERE claim_id = ?', claim.id).map((r) => r.mission_id);
    projectNoteRefs.push(
      machine('claim', claim.id, `Claim by ${claim.claimant}`, { ...claim, comparators, missions }, `${claim.claimant}: ${claim.statement}\n\nAssessment: ${String(claim.assessment)}. ${String(claim.reasoning)}`.trim(), {
        created: claim.created_at,
        modified: claim.updated_at,
      }),
    );
  }

  // ---- Norms and cells (notes referenced from the norm and stage codes)
  const stageNotes = all<{ norm_id: string; stage_id: string; description: string }>(p, 'SELECT norm_id, stage_id, description FROM norm_stage_notes');
  for (const norm of normRows) {
    addRef(norm.id, machine('norm', norm.id, `Norm: ${norm.label}`, { ...norm, stageNotes: stageNotes.filter((s) => s.norm_id === norm.id) }, norm.description, { created: norm.created_at, modified: norm.updated_at }));
  }
  const cells = all<CellRow>(p, 'SELECT * FROM cells ORDER BY rowid');
  for (const cell of cells) {
    const label = `${caseName.get(cell.case_id) ?? 'Case'} · ${normLabel.get(cell.norm_id) ?? 'Norm'} · ${stageLabel.get(cell.stage_id) ?? 'Stage'}`;
    const facts = [
      `Status: ${cell.status}`,
      cell.mode ? `mode: ${cell.mode}` : '',
      cell.period_from !== null || cell.period_to !== null ? `period: ${cell.period_from ?? '…'}–${cell.period_to ?? '…'}` : '',
      cell.confidence ? `confidence: ${cell.confidence}` : '',
    ].filter(Boolean);
    for (const memo of memosOf.get(`cell:${cell.id}`) ?? []) addRef(noteGuid('cell', cell.id), memo.id);
    const guid = machine('cell', cell.id, `Cell: ${label}`, cell, [cell.summary, cell.memo ? `Memo: ${cell.memo}` : ''].filter(Boolean).join('\n\n'), {
      created: cell.created_at,
      modified: cell.updated_at,
      description: facts.join('; '),
    });
    addRef(stageCodeGuid(cell.norm_id, cell.stage_id), guid);
    addLink(guid, cell.case_id, 'Cell of this case');
  }
  for (const norm of normRows) for (const memo of memosOf.get(`norm:${norm.id}`) ?? []) addRef(norm.id, memo.id);

  // ---- Sources, documents and excerpts
  const sources = all<SourceRow & Row>(p, 'SELECT * FROM sources ORDER BY title COLLATE NOCASE, rowid');
  const documents = group(all<DocumentRow & Row>(p, 'SELECT id, source_id, file_name, format, mime_type, byte_size, sha256, page_count, imported_at, refi_guid, refi_text_guid, refi_user FROM documents ORDER BY file_name, rowid'), (d) => d.source_id);
  const excerpts = group(all<ExcerptRow & Row>(p, 'SELECT * FROM excerpts ORDER BY page, start_offset, created_at, rowid'), (e) => e.source_id);
  const codesOf = group(all<{ excerpt_id: string; code_id: string }>(p, 'SELECT excerpt_id, code_id FROM excerpt_codes ORDER BY rowid'), (r) => r.excerpt_id);
  const cellsOf = group(
    all<{ excerpt_id: string; cell_id: string; position: number; case_id: string; norm_id: string; stage_id: string }>(
      p,
      'SELECT ec.excerpt_id, ec.cell_id, ec.position, c.case_id, c.norm_id, c.stage_id FROM excerpt_cells ec JOIN cells c ON c.id = ec.cell_id ORDER BY ec.position',
    ),
    (r) => r.excerpt_id,
  );
  /** Per case: the selections linked to its cells, and the REFI sources that hold them. */
  const caseSelections = new Map<string, Set<string>>();
  const caseSources = new Map<string, Set<string>>();
  const sourceKinds = new Map<string, string[]>();
  const sourceNodes: XmlNode[] = [];

  // The users of the files imported keep their GUIDs, and the selections they made name them as their creators.
  const refiUsers = all<{ guid: string; name: string }>(p, 'SELECT guid, name FROM refi_users ORDER BY rowid');
  const knownUsers = new Set(refiUsers.map((u) => u.guid));
  counts.users += refiUsers.length;
  const creatorOf = (e: Row) => (typeof e.refi_user === 'string' && knownUsers.has(e.refi_user) ? e.refi_user : user);
  /** Where a selection is: code points of the text, or (a PDFSelection) an area of a page counted from 0. */
  type Place = { start: number; end: number } | { page: number; area: [number, number, number, number] };
  const selectionNode = (e: ExcerptRow & Row, place: Place, holder: string): XmlNode => {
    counts.selections++;
    const codings: XmlNode[] = [];
    for (const c of codesOf.get(e.id) ?? []) {
      counts.codings++;
      codings.push(el('Coding', { guid: derivedGuid('coding', e.id, c.code_id), creatingUser: creatorOf(e), creationDateTime: e.created_at }, [el('CodeRef', { targetGUID: c.code_id })]));
    }
    const links = cellsOf.get(e.id) ?? [];
    for (const link of links) {
      counts.codings++;
      codings.push(
        el('Coding', { guid: derivedGuid('cell-link', e.id, link.cell_id), creatingUser: user, creationDateTime: e.created_at }, [el('CodeRef', { targetGUID: stageCodeGuid(link.norm_id, link.stage_id) })]),
      );
      if (!caseSelections.has(link.case_id)) caseSelections.set(link.case_id, new Set());
      if (!caseSources.has(link.case_id)) caseSources.set(link.case_id, new Set());
      caseSelections.get(link.case_id)!.add(e.id);
      caseSources.get(link.case_id)!.add(holder);
    }
    const description = [
      e.text_kind === 'paraphrase' ? `Paraphrase (the researcher’s words, not a quotation): ${e.text}` : '',
      e.translation ? `Translation${e.translation_language ? ` (${e.translation_language})` : ''}: ${e.translation}` : '',
      e.speaker ? `Speaker: ${e.speaker}` : '',
      e.participant_id ? `Interviewee: ${pseudonym.get(e.participant_id) ?? '(pseudonymous participant)'}` : '',
      e.locator ? `Locator: ${e.locator}` : '',
      e.verification !== 'unverified' ? `Verification: ${e.verification}` : '',
    ].filter(Boolean);
    const note = machine(
      'excerpt',
      e.id,
      `Excerpt: ${snippet(e.text, 60)}`,
      { ...e, cells: links.map((l) => ({ cell_id: l.cell_id, position: l.position })) },
      '',
      { created: e.created_at, modified: e.updated_at },
    );
    const common = { guid: e.id, name: typeof e.refi_name === 'string' ? e.refi_name || undefined : snippet(e.text), ...stamp(e.created_at, e.updated_at), creatingUser: creatorOf(e) };
    const area = 'area' in place;
    // REFI-QDA's coordinates are whole points; the note above carries the exact ones for Comparanda.
    const [firstX, firstY, secondX, secondY] = area ? place.area.map((v) => Math.round(v)) : [];
    const quoted = area && e.text_kind === 'quote' && e.text.trim() !== '';
    return el(area ? 'PDFSelection' : 'PlainTextSelection', area ? { ...common, page: place.page, firstX, firstY, secondX, secondY } : { ...common, startPosition: place.start, endPosition: place.end }, [
      description.length ? textEl('Description', description.join('\n')) : null,
      quoted ? el('Representation', { guid: derivedGuid('area-text', e.id), name: `Text of ${snippet(e.text, 40)}` }, [textEl('PlainTextContent', e.text)]) : null,
      ...codings,
      el('NoteRef', { targetGUID: note }),
      ...(memosOf.get(`excerpt:${e.id}`) ?? []).map((m) => el('NoteRef', { targetGUID: m.id })),
    ]);
  };

  for (const source of sources) {
    const refiGuids: string[] = [];
    const docs = documents.get(source.id) ?? [];
    const pending = new Set((excerpts.get(source.id) ?? []).map((e) => e.id));
    const sourceNote = noteGuid('source', source.id);
    const sourceRefs = () => [el('NoteRef', { targetGUID: sourceNote }), ...(refiGuids.length === 1 ? (memosOf.get(`source:${source.id}`) ?? []).map((m) => el('NoteRef', { targetGUID: m.id })) : [])];
    const docInfo: Row[] = [];
    for (const doc of docs) {
      counts.documents++;
      const pages = all<{ number: number; text: string }>(p, 'SELECT number, text FROM document_pages WHERE document_id = ? ORDER BY number', doc.id);
      const paged = joinPages(pages);
      const positions = new Positions(paged.text);
      // An area of a PDF page goes as a PDFSelection (with the text under it, if any), not as a text selection.
      const areas = doc.format === 'pdf' ? (excerpts.get(source.id) ?? []).filter((e) => e.document_id === doc.id && e.page !== null && e.page >= 1 && e.region_x1 !== null) : [];
      const located = (excerpts.get(source.id) ?? []).filter((e) => {
        if (e.document_id !== doc.id || e.page === null || e.start_offset === null || e.end_offset === null || areas.includes(e)) return false;
        const index = paged.numbers.indexOf(e.page);
        return index >= 0 && e.start_offset >= 0 && e.start_offset <= e.end_offset && e.end_offset <= paged.lengths[index]!;
      });
      // A document imported from another program's file keeps that file's GUIDs, so the program recognises it.
      const holder = doc.refi_guid ?? doc.id;
      const textGuid = doc.format === 'pdf' ? (doc.refi_text_guid ?? representationGuid(doc.id)) : holder;
      refiGuids.push(holder);
      const selections = located.map((e) => {
        pending.delete(e.id);
        const base = paged.starts[paged.numbers.indexOf(e.page!)]!;
        return selectionNode(e, { start: positions.toCodePoint(base + e.start_offset!), end: positions.toCodePoint(base + e.end_offset!) }, holder);
      });
      const areaNodes = areas.map((e) => {
        pending.delete(e.id);
        return selectionNode(e, { page: e.page! - 1, area: [e.region_x1!, e.region_y1!, e.region_x2!, e.region_y2!] }, holder);
      });
      files.set(`Sources/${textGuid}.txt`, new TextEncoder().encode(paged.text));
      const stored = all<{ bytes: Buffer }>(p, 'SELECT bytes FROM document_files WHERE document_id = ?', doc.id)[0];
      // A text file that is the plain text itself travels once, as the plain text.
      const original = stored && !(doc.format === 'txt' && Buffer.from(paged.text, 'utf8').equals(stored.bytes)) ? stored : undefined;
      const originalName = originalPath(doc.id, doc.format);
      if (original) files.set(originalName, new Uint8Array(original.bytes));
      docInfo.push({ ...doc, text: textGuid, original: original ? originalName : null });
      const name = docs.length === 1 ? source.title : `${source.title} — ${doc.file_name}`;
      // A source from another program's file goes back with the date that program gave it.
      const added = doc.refi_guid ? source.created_at : doc.imported_at;
      if (doc.format === 'pdf') {
        sourceNodes.push(
          el('PDFSource', { guid: holder, name, path: original ? `internal://${doc.id}.pdf` : undefined, ...stamp(added, doc.imported_at), creatingUser: creatorOf(doc) }, [
            ...areaNodes,
            el('Representation', { guid: textGuid, name: `Text of ${doc.file_name}`, plainTextPath: `internal://${textGuid}.txt`, ...stamp(doc.imported_at, doc.imported_at) }, selections),
            ...sourceRefs(),
          ]),
        );
      } else {
        sourceNodes.push(
          el(
            'TextSource',
            {
              guid: holder,
              name,
              plainTextPath: `internal://${textGuid}.txt`,
              richTextPath: doc.format === 'docx' && original ? `internal://${doc.id}.docx` : undefined,
              ...stamp(added, doc.imported_at),
              creatingUser: creatorOf(doc),
            },
            [...selections, ...sourceRefs()],
          ),
        );
      }
    }
    // Excerpts outside any document (and sources without one) travel in a stand-in text made of the excerpts.
    let standIn: string | null = null;
    if (docs.length === 0 || pending.size > 0) {
      // The source's own id, unless a document already carries it (a source imported from another program's file).
      standIn = refiGuids.includes(source.id) ? derivedGuid('stand-in', source.id) : source.id;
      refiGuids.push(standIn);
      let text = `Excerpts recorded in Comparanda for “${source.title}”${docs.length ? ' outside its documents' : ''}.`;
      const selections: XmlNode[] = [];
      const rest = (excerpts.get(source.id) ?? []).filter((e) => pending.has(e.id));
      const placed: { e: ExcerptRow & Row; start: number; end: number }[] = [];
      for (const e of rest) {
        text += '\n\n';
        placed.push({ e, start: text.length, end: text.length + e.text.length });
        text += e.text;
      }
      const positions = new Positions(text);
      for (const { e, start, end } of placed) selections.push(selectionNode(e, { start: positions.toCodePoint(start), end: positions.toCodePoint(end) }, standIn));
      files.set(`Sources/${standIn}.txt`, new TextEncoder().encode(text));
      sourceNodes.push(
        el('TextSource', { guid: standIn, name: source.title, plainTextPath: `internal://${standIn}.txt`, ...stamp(source.created_at, source.updated_at) }, [
          source.notes ? textEl('Description', source.notes) : null,
          ...selections,
          ...sourceRefs(),
        ]),
      );
    }
    counts.sources += refiGuids.length;
    machine('source', source.id, `Source: ${source.title}`, { ...source, documents: docInfo, standIn }, '', { created: source.created_at, modified: source.updated_at });
    sourceKinds.set(source.kind, [...(sourceKinds.get(source.kind) ?? []), ...refiGuids]);
  }

  // ---- Cases
  const attributes = all<{ id: string; name: string; type: string }>(p, 'SELECT id, name, type FROM case_attributes ORDER BY position');
  const values = all<{ case_id: string; attribute_id: string; value: string }>(p, 'SELECT case_id, attribute_id, value FROM case_attribute_values');
  const valuesByCase = group(values, (v) => v.case_id);
  const integerAttributes = new Set(
    attributes.filter((a) => a.type === 'number' && values.filter((v) => v.attribute_id === a.id).every((v) => Number.isInteger(Number(v.value)))).map((a) => a.id),
  );
  const variableType = (a: { id: string; type: string }) =>
    a.type === 'number' ? (integerAttributes.has(a.id) ? 'Integer' : 'Float') : a.type === 'date' ? 'Date' : a.type === 'boolean' ? 'Boolean' : 'Text';
  const attributeById = new Map(attributes.map((a) => [a.id, a]));
  const caseNodes = caseRows.map((c) => {
    counts.cases++;
    const note = machine('case', c.id, `Case: ${c.name}`, c, c.notes, { created: c.created_at, modified: c.updated_at });
    addLink(note, c.id, 'Comparanda data of this case');
    for (const memo of memosOf.get(`case:${c.id}`) ?? []) addLink(memo.id, c.id, 'Memo on this case');
    return el('Case', { guid: c.id, name: c.name }, [
      c.notes ? textEl('Description', c.notes) : null,
      ...(valuesByCase.get(c.id) ?? []).flatMap((v) => {
        const attribute = attributeById.get(v.attribute_id);
        if (!attribute) return [];
        const type = variableType(attribute);
        const value = type === 'Integer' || type === 'Float' ? decimal(Number(v.value)) : v.value;
        return [el('VariableValue', {}, [el('VariableRef', { targetGUID: attribute.id }), textEl(`${type}Value`, value)])];
      }),
      ...[...(caseSources.get(c.id) ?? [])].map((g) => el('SourceRef', { targetGUID: g })),
      ...[...(caseSelections.get(c.id) ?? [])].map((g) => el('SelectionRef', { targetGUID: g })),
    ]);
  });

  // ---- Memos (ordinary notes, with their text as it is)
  const targetLabel = (m: MemoRow) =>
    m.target_type === 'project'
      ? 'the project'
      : m.target_type === 'case'
        ? (caseName.get(m.target_id) ?? 'a case')
        : m.target_type === 'norm'
          ? (normLabel.get(m.target_id) ?? 'a norm')
          : m.target_type === 'source'
            ? (sources.find((s) => s.id === m.target_id)?.title ?? 'a source')
            : m.target_type;
  for (const memo of memos) {
    if (memo.target_type === 'project') projectNoteRefs.push(memo.id);
    addNote(memo.id, `Memo on ${targetLabel(memo)}`, memo.text, { created: memo.created_at, modified: memo.updated_at });
  }

  // ---- Code book (after the notes, so that the norm and stage codes can refer to theirs)
  const codeNodes = codeTree(p, true, counts, noteRefs);

  // NoteRefs collected for sources and selections were rendered inline above; notes referring to memos are in addNote.
  const variables = attributes.map((a) => {
    counts.variables++;
    return el('Variable', { guid: a.id, name: a.name, typeOfVariable: variableType(a) });
  });

  const sets: XmlNode[] = [];
  // Sets another program made, with the members that are still in the project.
  const exportedSources = new Set([...sourceKinds.values()].flat());
  const codeIds = new Set(all<{ id: string }>(p, 'SELECT id FROM codes').map((c) => c.id));
  for (const set of all<{ guid: string; name: string; member_codes: string; member_sources: string }>(p, 'SELECT guid, name, member_codes, member_sources FROM refi_sets ORDER BY rowid')) {
    counts.sets++;
    sets.push(
      el('Set', { guid: set.guid, name: set.name }, [
        ...(JSON.parse(set.member_codes) as string[]).filter((g) => codeIds.has(g)).map((g) => el('MemberCode', { targetGUID: g })),
        ...(JSON.parse(set.member_sources) as string[]).filter((g) => exportedSources.has(g)).map((g) => el('MemberSource', { targetGUID: g })),
      ]),
    );
  }
  for (const [kind, members] of [...sourceKinds.entries()].sort()) {
    if (members.length === 0) continue;
    counts.sets++;
    sets.push(
      el('Set', { guid: derivedGuid('set', 'source-kind', kind), name: `Sources: ${kind}` }, [
        textEl('Description', `Comparanda sources of the kind “${kind}”.`),
        ...members.map((g) => el('MemberSource', { targetGUID: g })),
      ]),
    );
  }

  counts.files += files.size;
  const root = el(
    'Project',
    {
      xmlns: PROJECT_NAMESPACE,
      name: p.title,
      origin: `${APP_NAME} ${APP_VERSION}`,
      creatingUserGUID: user,
      creationDateTime: String((p.db.prepare('SELECT created_at FROM project WHERE id = 1').get() as { created_at: string } | undefined)?.created_at ?? now),
      modifyingUserGUID: user,
      modifiedDateTime: now,
    },
    [
      el('Users', {}, [el('User', { guid: user, name: APP_NAME }), ...refiUsers.map((u) => el('User', { guid: u.guid, name: u.name }))]),
      codeNodes.length ? el('CodeBook', {}, [el('Codes', {}, codeNodes)]) : null,
      variables.length ? el('Variables', {}, variables) : null,
      caseNodes.length ? el('Cases', {}, caseNodes) : null,
      sourceNodes.length ? el('Sources', {}, sourceNodes) : null,
      notes.length ? el('Notes', {}, notes) : null,
      links.length ? el('Links', {}, links) : null,
      sets.length ? el('Sets', {}, sets) : null,
      textEl('Description', `Exported from ${APP_NAME} ${APP_VERSION}. Norms are codes with their stages as child codes; see the note “Comparanda project data”.`),
      ...projectNoteRefs.map((g) => el('NoteRef', { targetGUID: g })),
    ],
  );
  return { xml: renderXml(root), files, counts };
}

function checkOut(p: Project, out: string): string {
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target))) throw new ApiError('FILE_NOT_FOUND', `The folder ${path.dirname(target)} does not exist.`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new ApiError('VALIDATION_FAILED', `${target} is a folder; give a file name.`);
  if (target === p.path) throw new ApiError('FILE_EXISTS', 'An export cannot replace the project file itself.');
  return target;
}

/** Writes under a temporary name, then moves into place: a failed export leaves nothing behind. */
function writeAtomically(target: string, data: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}.partial`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new ApiError('PROJECT_UNREADABLE', `The export could not be written to ${target}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Exports the whole project as a REFI-QDA project (.qdpx) for NVivo, MAXQDA, ATLAS.ti, QualCoder and others.
 * Refuses (IDENTITY_IN_OUTPUT, nothing written) when a recorded identity of an interviewee would be in it.
 */
export async function exportQdpx(project: Project, options: QdpxExportOptions): Promise<QdpxExportResult> {
  const target = checkOut(project, options.out);
  const built = build(project);
  const decoder = new TextDecoder();
  const parts = [
    ...xmlTexts(built.xml).map((text) => ({ text, label: 'project.qde' })),
    ...[...built.files.entries()].filter(([name]) => name.endsWith('.txt')).map(([name, bytes]) => ({ text: decoder.decode(bytes), label: name })),
  ];
  guardOutput(project.db, 'REFI-QDA project', parts);
  const entries: Record<string, Uint8Array> = { 'project.qde': new TextEncoder().encode(built.xml) };
  for (const [name, bytes] of built.files) entries[name] = bytes;
  const zip = zipSync(entries, { level: 6 });
  writeAtomically(target, zip);
  return { path: target, counts: built.counts };
}

export interface QdcExportResult {
  path: string;
  counts: { codes: number; normCodes: number; stageCodes: number };
}

/** Exports the codebook alone (.qdc): the project's codes, and each norm as a code with its stages as child codes. */
export async function exportQdc(project: Project, options: QdpxExportOptions): Promise<QdcExportResult> {
  const target = checkOut(project, options.out);
  const counts = { codes: 0, normCodes: 0, stageCodes: 0 } as QdpxCounts;
  const codes = codeTree(project, false, counts, new Map());
  if (codes.length === 0) throw new ApiError('VALIDATION_FAILED', 'This project has no codes and no norms: there is no codebook to export.');
  const xml = renderXml(el('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: `${APP_NAME} ${APP_VERSION}` }, [el('Codes', {}, codes)]));
  guardOutput(project.db, 'codebook', xmlTexts(xml).map((text) => ({ text, label: 'codebook' })));
  writeAtomically(target, new TextEncoder().encode(xml));
  return { path: target, counts: { codes: counts.codes, normCodes: counts.normCodes, stageCodes: counts.stageCodes } };
}
