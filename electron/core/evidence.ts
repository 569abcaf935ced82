/**
 * Evidence: participants (pseudonymous), sources with CSL-JSON metadata, documents, the codebook, excerpts linked to
 * cells, and memos. Every edit except a document's import or removal is one undoable step (see history.ts);
 * documents are large and their import is all-or-nothing, so they are confirmed in the UI instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  ApiInput,
  ApiOutput,
  BibliographyPreviewItem,
  CodeDto,
  CslItem,
  DocumentDto,
  DocumentTextDto,
  ExcerptDto,
  IdentityDto,
  MemoDto,
  ParticipantDto,
  SourceDto,
  SourceKind,
} from '../contract/api';
import { localError } from '../contract/i18n/format';
import type { Method } from '../contract/methods';
import { nowIso, stmt } from './db/statements';
import { notFound } from './not-found';
import type { ExtractedDocument, ExtractedPage } from './documents/extract';
import { joinHardBreaks } from '../contract/quotation';
import { updateCell } from './edit';
import type { Track } from './history';
import type { Project } from './project';
import { guardOutput } from './privacy/gate';
import { findLiveCell } from './repos/cells';
import { duplicateKey, formatBibliography, parseBibliography } from './sources/bibliography';
import { checkedCitationKey } from './sources/citation-key';

type In<M extends Method> = ApiInput<M>;
type Out<M extends Method> = ApiOutput<M>;

// -----------------------------------------------------------------------------------------------------------------
// Participants

interface ParticipantRow {
  id: string;
  pseudonym: string;
  role_category: string;
  interview_date: string | null;
  place: string;
  language: string;
  consent: ParticipantDto['consent'];
  restrictions: string;
  has_identity: number;
}

// Never selects from participant_identities beyond whether a row exists.
const PARTICIPANT_SELECT = `SELECT p.id, p.pseudonym, p.role_category, p.interview_date, p.place, p.language, p.consent, p.restrictions,
  (EXISTS (SELECT 1 FROM participant_identities i WHERE i.participant_id = p.id)
    OR EXISTS (SELECT 1 FROM participant_identifiers m WHERE m.participant_id = p.id)) AS has_identity FROM participants p`;

function toParticipant(r: ParticipantRow): ParticipantDto {
  return {
    id: r.id,
    pseudonym: r.pseudonym,
    roleCategory: r.role_category,
    interviewDate: r.interview_date,
    place: r.place,
    language: r.language,
    consent: r.consent,
    restrictions: r.restrictions,
    hasIdentity: r.has_identity === 1,
  };
}

export function listParticipants(p: Project): ParticipantDto[] {
  return (stmt(p.db, `${PARTICIPANT_SELECT} ORDER BY p.pseudonym COLLATE NOCASE`).all() as ParticipantRow[]).map(toParticipant);
}

function requireParticipant(p: Project, id: string): ParticipantDto {
  const row = stmt(p.db, `${PARTICIPANT_SELECT} WHERE p.id = ?`).get(id) as ParticipantRow | undefined;
  if (!row) throw notFound('participant');
  return toParticipant(row);
}

function assertUniquePseudonym(p: Project, pseudonym: string, exceptId?: string): void {
  const clash = listParticipants(p).find((x) => x.pseudonym.toLocaleLowerCase() === pseudonym.toLocaleLowerCase() && x.id !== exceptId);
  if (clash) throw localError('CONFLICT', 'errorsInput.participantExists', { pseudonym: clash.pseudonym });
}

export function createParticipant(p: Project, input: In<'participants.create'>): Out<'participants.create'> {
  assertUniquePseudonym(p, input.pseudonym);
  const id = crypto.randomUUID();
  p.history.edit(`Add participant ${input.pseudonym}`, (track) => {
    const now = nowIso();
    stmt(
      p.db,
      `INSERT INTO participants (id, pseudonym, role_category, interview_date, place, language, consent, restrictions, created_at, updated_at)
       VALUES (@id, @pseudonym, @roleCategory, @interviewDate, @place, @language, @consent, @restrictions, @now, @now)`,
    ).run({
      id,
      pseudonym: input.pseudonym,
      roleCategory: input.roleCategory ?? '',
      interviewDate: input.interviewDate ?? null,
      place: input.place ?? '',
      language: input.language ?? '',
      consent: input.consent ?? 'unknown',
      restrictions: input.restrictions ?? '',
      now,
    });
    track('participants', { id }, 'inserted');
  });
  return requireParticipant(p, id);
}

export function updateParticipant(p: Project, input: In<'participants.update'>): Out<'participants.update'> {
  const current = requireParticipant(p, input.id);
  if (input.pseudonym) assertUniquePseudonym(p, input.pseudonym, current.id);
  p.history.edit(
    `Edit participant ${current.pseudonym}`,
    (track) => {
      track('participants', { id: current.id });
      stmt(
        p.db,
        `UPDATE participants SET pseudonym = @pseudonym, role_category = @roleCategory, interview_date = @interviewDate, place = @place,
           language = @language, consent = @consent, restrictions = @restrictions, updated_at = @now WHERE id = @id`,
      ).run({
        id: current.id,
        pseudonym: input.pseudonym ?? current.pseudonym,
        roleCategory: input.roleCategory ?? current.roleCategory,
        interviewDate: input.interviewDate !== undefined ? input.interviewDate : current.interviewDate,
        place: input.place ?? current.place,
        language: input.language ?? current.language,
        consent: input.consent ?? current.consent,
        restrictions: input.restrictions ?? current.restrictions,
        now: nowIso(),
      });
    },
    `participant:${current.id}:${Object.keys(input).sort().join(',')}`,
  );
  return requireParticipant(p, current.id);
}

export function removeParticipant(p: Project, input: In<'participants.remove'>): Out<'participants.remove'> {
  const current = requireParticipant(p, input.id);
  const used = stmt(p.db, 'SELECT (SELECT count(*) FROM excerpts WHERE participant_id = ?) + (SELECT count(*) FROM sources WHERE participant_id = ?) AS n').get(
    current.id,
    current.id,
  ) as { n: number };
  if (used.n > 0) {
    throw localError('CONFLICT', 'errorsInput.participantAttributed', { pseudonym: current.pseudonym, count: used.n });
  }
  // The identity, if any, goes with the participant and is not kept for undo: removing it is meant to be final.
  stmt(p.db, 'DELETE FROM participant_identities WHERE participant_id = ?').run(current.id);
  p.history.edit(`Remove participant ${current.pseudonym}`, (track) => {
    track('participants', { id: current.id });
    stmt(p.db, 'DELETE FROM participants WHERE id = ?').run(current.id);
  });
  return null;
}

export function getIdentity(p: Project, input: In<'participants.getIdentity'>): Out<'participants.getIdentity'> {
  requireParticipant(p, input.id);
  const row = stmt(p.db, 'SELECT real_name, contact FROM participant_identities WHERE participant_id = ?').get(input.id) as
    | { real_name: string; contact: string }
    | undefined;
  const identifiers = stmt(p.db, 'SELECT kind, value FROM participant_identifiers WHERE participant_id = ? ORDER BY kind, value').all(input.id) as IdentityDto['identifiers'];
  if (!row && identifiers.length === 0) return null;
  return { realName: row?.real_name ?? '', contact: row?.contact ?? '', identifiers };
}

/**
 * Identities are written outside the undo journal, so a real name never lingers in memory after it is removed.
 * Removing one here forgets the record only; `participants.eraseIdentity` also cleans every trace of it.
 */
export function setIdentity(p: Project, input: In<'participants.setIdentity'>): Out<'participants.setIdentity'> {
  requireParticipant(p, input.id);
  if (p.readonly) throw localError('READ_ONLY', 'errors.readOnlyNoChange');
  p.db
    .transaction(() => {
      if (input.realName === null) {
        stmt(p.db, 'DELETE FROM participant_identities WHERE participant_id = ?').run(input.id);
        stmt(p.db, 'DELETE FROM participant_identifiers WHERE participant_id = ?').run(input.id);
        return;
      }
      stmt(
        p.db,
        `INSERT INTO participant_identities (participant_id, real_name, contact) VALUES (?, ?, ?)
         ON CONFLICT (participant_id) DO UPDATE SET real_name = excluded.real_name, contact = excluded.contact`,
      ).run(input.id, input.realName, input.contact ?? '');
      if (input.identifiers === undefined) return;
      stmt(p.db, 'DELETE FROM participant_identifiers WHERE participant_id = ?').run(input.id);
      const insert = stmt(p.db, 'INSERT OR IGNORE INTO participant_identifiers (id, participant_id, kind, value) VALUES (?, ?, ?, ?)');
      for (const identifier of input.identifiers) insert.run(crypto.randomUUID(), input.id, identifier.kind, identifier.value.trim());
    })
    .immediate();
  return requireParticipant(p, input.id);
}

// -----------------------------------------------------------------------------------------------------------------
// Sources

interface SourceRow {
  id: string;
  kind: SourceKind;
  csl: string;
  title: string;
  citation_key: string;
  participant_id: string | null;
  notes: string;
  document_count: number;
  excerpt_count: number;
}

const SOURCE_SELECT = `SELECT s.id, s.kind, s.csl, s.title, s.citation_key, s.participant_id, s.notes,
  (SELECT count(*) FROM documents d WHERE d.source_id = s.id) AS document_count,
  (SELECT count(*) FROM excerpts e WHERE e.source_id = s.id) AS excerpt_count FROM sources s`;

function names(csl: CslItem): string {
  const people = (csl.author ?? csl.editor) as { family?: string; given?: string; literal?: string }[] | undefined;
  if (!Array.isArray(people) || people.length === 0) return typeof csl.publisher === 'string' ? csl.publisher : '';
  const shown = people.slice(0, 3).map((a) => a.family ?? a.literal ?? a.given ?? '').filter(Boolean);
  return people.length > 3 ? `${shown[0]} et al.` : shown.join(shown.length === 2 ? ' & ' : ', ');
}

export function cslYear(csl: CslItem): number | null {
  const issued = csl.issued as { 'date-parts'?: unknown[][]; raw?: string; literal?: string } | undefined;
  const first = issued?.['date-parts']?.[0]?.[0];
  if (typeof first === 'number') return first;
  if (typeof first === 'string' && /^\d{4}$/.test(first)) return Number(first);
  const raw = issued?.raw ?? issued?.literal;
  const match = typeof raw === 'string' ? /\b(\d{4})\b/.exec(raw) : null;
  return match ? Number(match[1]) : null;
}

function toSource(r: SourceRow): SourceDto {
  const csl = JSON.parse(r.csl) as CslItem;
  return {
    id: r.id,
    kind: r.kind,
    citationKey: r.citation_key,
    title: r.title,
    authors: names(csl),
    year: cslYear(csl),
    csl,
    participantId: r.participant_id,
    notes: r.notes,
    documentCount: r.document_count,
    excerptCount: r.excerpt_count,
  };
}

export function listSources(p: Project): SourceDto[] {
  return (stmt(p.db, `${SOURCE_SELECT} ORDER BY s.title COLLATE NOCASE`).all() as SourceRow[]).map(toSource);
}

export function requireSource(p: Project, id: string): SourceDto {
  const row = stmt(p.db, `${SOURCE_SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  if (!row) throw notFound('source');
  return toSource(row);
}

/** A BibTeX-safe key: first author's family name, year, first title word (ASCII), made unique with a letter. */
function citationKeyFor(p: Project, csl: CslItem): string {
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]/g, '');
  const people = (csl.author ?? csl.editor) as { family?: string; literal?: string }[] | undefined;
  const who = ascii(people?.[0]?.family ?? people?.[0]?.literal ?? '').slice(0, 20).toLowerCase();
  const what = ascii(String(csl.title ?? '').split(/\s+/).find((w) => ascii(w).length > 3) ?? '').slice(0, 16).toLowerCase();
  const base = `${who || 'source'}${cslYear(csl) ?? ''}${what}` || 'source';
  const taken = new Set((stmt(p.db, 'SELECT citation_key FROM sources WHERE citation_key LIKE ?').all(`${base}%`) as { citation_key: string }[]).map((r) => r.citation_key));
  if (!taken.has(base)) return base;
  for (let i = 0; ; i++) {
    const suffix = i < 26 ? String.fromCharCode(97 + i) : String(i);
    if (!taken.has(base + suffix)) return base + suffix;
  }
}

function titleOf(csl: CslItem): string {
  const title = typeof csl.title === 'string' ? csl.title.trim() : '';
  return title || '(untitled)';
}

function insertSource(p: Project, track: Track, kind: SourceKind, item: CslItem, extra: { participantId?: string | null; notes?: string } = {}): string {
  const id = crypto.randomUUID();
  const key = typeof item.id === 'string' && /^[A-Za-z0-9_:.-]{1,100}$/.test(item.id) && !stmt(p.db, 'SELECT 1 FROM sources WHERE citation_key = ?').get(item.id) ? item.id : citationKeyFor(p, item);
  const csl = { ...item, id: key };
  const now = nowIso();
  stmt(
    p.db,
    `INSERT INTO sources (id, kind, csl, title, citation_key, duplicate_key, participant_id, notes, created_at, updated_at)
     VALUES (@id, @kind, @csl, @title, @key, @duplicateKey, @participantId, @notes, @now, @now)`,
  ).run({ id, kind, csl: JSON.stringify(csl), title: titleOf(csl), key, duplicateKey: duplicateKey(csl), participantId: extra.participantId ?? null, notes: extra.notes ?? '', now });
  track('sources', { id }, 'inserted');
  return id;
}

export function createSource(p: Project, input: In<'sources.create'>): Out<'sources.create'> {
  if (input.participantId) requireParticipant(p, input.participantId);
  const id = p.history.edit(`Add source ${titleOf(input.csl)}`, (track) =>
    insertSource(p, track, input.kind, input.csl, { participantId: input.participantId ?? null, notes: input.notes ?? '' }),
  );
  return requireSource(p, id);
}

export function updateSource(p: Project, input: In<'sources.update'>): Out<'sources.update'> {
  const current = requireSource(p, input.id);
  if (input.participantId) requireParticipant(p, input.participantId);
  const key = input.citationKey !== undefined ? checkedCitationKey(p, current.id, input.citationKey) : current.citationKey;
  // The CSL item's id is the key too: citeproc and the .bib writer read it from there.
  const csl = { ...(input.csl ?? current.csl), id: key };
  p.history.edit(
    key !== current.citationKey ? `Change the citation key of ${current.title} to ${key}` : `Edit source ${current.title}`,
    (track) => {
      track('sources', { id: current.id });
      stmt(
        p.db,
        `UPDATE sources SET kind = @kind, csl = @csl, title = @title, citation_key = @key, duplicate_key = @duplicateKey, participant_id = @participantId,
           notes = @notes, updated_at = @now WHERE id = @id`,
      ).run({
        id: current.id,
        key,
        kind: input.kind ?? current.kind,
        csl: JSON.stringify(csl),
        title: titleOf(csl),
        duplicateKey: duplicateKey(csl),
        participantId: input.participantId !== undefined ? input.participantId : current.participantId,
        notes: input.notes ?? current.notes,
        now: nowIso(),
      });
    },
    `source:${current.id}:${Object.keys(input).sort().join(',')}`,
  );
  return requireSource(p, current.id);
}

export function removeSource(p: Project, input: In<'sources.remove'>): Out<'sources.remove'> {
  const current = requireSource(p, input.id);
  if (current.excerptCount > 0) {
    throw localError('CONFLICT', 'errorsInput.sourceHasExcerpts', { title: current.title, count: current.excerptCount });
  }
  if (current.documentCount > 0) {
    throw localError('CONFLICT', 'errorsInput.sourceHasDocuments', { title: current.title, count: current.documentCount });
  }
  p.history.edit(`Remove source ${current.title}`, (track) => {
    for (const memo of stmt(p.db, "SELECT id FROM memos WHERE target_type = 'source' AND target_id = ?").all(current.id) as { id: string }[]) {
      track('memos', { id: memo.id });
      stmt(p.db, 'DELETE FROM memos WHERE id = ?').run(memo.id);
    }
    track('sources', { id: current.id });
    stmt(p.db, 'DELETE FROM sources WHERE id = ?').run(current.id);
  });
  return null;
}

function readBibliography(input: In<'sources.previewBibliography'>): CslItem[] {
  let text: string;
  let fileName: string;
  if (input.path !== undefined) {
    fileName = path.basename(input.path);
    try {
      text = fs.readFileSync(input.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw localError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'VALIDATION_FAILED', 'errorsImport.cannotReadCheckPath', { file: fileName, code: code ?? 'error' });
    }
  } else {
    text = input.text ?? '';
    fileName = input.fileName ?? 'the pasted bibliography';
  }
  return parseBibliography(text, input.format, fileName) as CslItem[];
}

export function previewBibliography(p: Project, input: In<'sources.previewBibliography'>): Out<'sources.previewBibliography'> {
  const items = readBibliography(input);
  const byKey = new Map<string, SourceDto>();
  for (const source of listSources(p)) byKey.set(duplicateKey(source.csl), source);
  const seen = new Map<string, number>();
  return items.map((item, index): BibliographyPreviewItem => {
    const key = duplicateKey(item);
    const earlier = seen.get(key);
    seen.set(key, earlier ?? index);
    return {
      index,
      title: titleOf(item),
      authors: names(item),
      year: cslYear(item),
      type: typeof item.type === 'string' ? item.type : 'document',
      duplicateOf: byKey.get(key) ?? null,
    };
  });
}

/** A sensible source kind for a CSL type, when the researcher did not choose one. */
function kindForCslType(type: unknown): SourceKind {
  switch (type) {
    case 'report':
      return 'observer-report';
    case 'legislation':
    case 'bill':
    case 'legal_case':
    case 'treaty':
      return 'law';
    case 'interview':
      return 'interview';
    case 'article-newspaper':
    case 'article-magazine':
    case 'broadcast':
    case 'webpage':
    case 'post-weblog':
      return 'media';
    case 'dataset':
      return 'dataset';
    case 'speech':
      return 'speech';
    case 'article-journal':
    case 'book':
    case 'chapter':
    case 'thesis':
    case 'paper-conference':
      return 'academic';
    default:
      return 'other';
  }
}

export function importBibliography(p: Project, input: In<'sources.importBibliography'>): Out<'sources.importBibliography'> {
  const items = readBibliography(input);
  const wanted = [...new Set(input.include)].sort((a, b) => a - b);
  const missing = wanted.find((i) => i >= items.length);
  if (missing !== undefined) throw localError('VALIDATION_FAILED', 'errorsImport.bibliographyNoEntry', { count: String(items.length), entry: String(missing + 1) });
  const ids = p.history.edit(`Import ${wanted.length} source${wanted.length === 1 ? '' : 's'}`, (track) =>
    wanted.map((i) => insertSource(p, track, input.kind ?? kindForCslType(items[i]!.type), items[i]!)),
  );
  return ids.map((id) => requireSource(p, id));
}

export function exportBibliography(p: Project, input: In<'sources.exportBibliography'>): Out<'sources.exportBibliography'> {
  const sources = listSources(p).filter((s) => !input.sourceIds || input.sourceIds.includes(s.id));
  // Interviews are cited by pseudonym only: their records never carry more than the researcher typed into them.
  return { text: formatBibliography(sources.map((s) => s.csl) as never, input.format) };
}

// -----------------------------------------------------------------------------------------------------------------
// Documents

interface DocumentRow {
  id: string;
  source_id: string;
  file_name: string;
  format: DocumentDto['format'];
  mime_type: string;
  byte_size: number;
  sha256: string;
  page_count: number;
  imported_at: string;
}

const DOCUMENT_COLUMNS = 'id, source_id, file_name, format, mime_type, byte_size, sha256, page_count, imported_at';

function toDocument(r: DocumentRow): DocumentDto {
  return {
    id: r.id,
    sourceId: r.source_id,
    fileName: r.file_name,
    format: r.format,
    mimeType: r.mime_type,
    byteSize: r.byte_size,
    sha256: r.sha256,
    pageCount: r.page_count,
    importedAt: r.imported_at,
  };
}

export function listDocuments(p: Project, input: In<'documents.list'>): Out<'documents.list'> {
  const rows = (
    input.sourceId
      ? stmt(p.db, `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE source_id = ? ORDER BY file_name`).all(input.sourceId)
      : stmt(p.db, `SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY file_name`).all()
  ) as DocumentRow[];
  return rows.map(toDocument);
}

export function requireDocument(p: Project, id: string): DocumentDto {
  const row = stmt(p.db, `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;
  if (!row) throw notFound('document');
  return toDocument(row);
}

export function getDocument(p: Project, input: In<'documents.get'>): Out<'documents.get'> {
  const document = requireDocument(p, input.id);
  const rows = stmt(
    p.db,
    `SELECT pg.number, pg.text, o.confidence, o.languages, o.engine, o.recognised_at FROM document_pages pg
     LEFT JOIN page_ocr o ON o.document_id = pg.document_id AND o.number = pg.number WHERE pg.document_id = ? ORDER BY pg.number`,
  ).all(document.id) as { number: number; text: string; confidence: number | null; languages: string | null; engine: string | null; recognised_at: string | null }[];
  const pages = rows.map((r) => ({
    number: r.number,
    text: r.text,
    ocr: r.confidence === null ? null : { confidence: r.confidence, languages: r.languages!, engine: r.engine!, recognisedAt: r.recognised_at! },
  }));
  return { ...document, pages } satisfies DocumentTextDto;
}

/** The original's bytes for the page view (base64: both transports carry JSON). Shown in the app only. */
export function readOriginal(p: Project, input: In<'documents.original'>): Out<'documents.original'> {
  const document = requireDocument(p, input.id);
  const row = stmt(p.db, 'SELECT bytes FROM document_files WHERE document_id = ?').get(document.id) as { bytes: Buffer } | undefined;
  if (!row) throw localError('NOT_FOUND', 'errorsInput.originalMissing', { file: document.fileName });
  return { base64: row.bytes.toString('base64'), byteSize: row.bytes.byteLength };
}

/**
 * Stores an extracted document in one transaction: its source (a new one named after the file, unless given), the
 * original bytes, and the text page by page (indexed for search by triggers). All or nothing.
 */
export function storeDocument(
  p: Project,
  file: { fileName: string; bytes: Uint8Array },
  extracted: ExtractedDocument,
  options: { sourceId?: string | undefined; kind?: SourceKind | undefined },
  /** Pages already read into a staging table (a streamed import): how many, and how to copy them to the document. */
  staged?: { count: number; copy: (documentId: string) => void; recognised: readonly ExtractedPage[] },
): DocumentDto {
  const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
  if (options.sourceId) requireSource(p, options.sourceId);
  const same = stmt(p.db, `SELECT d.file_name, s.title FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.sha256 = ?`).get(sha256) as
    | { file_name: string; title: string }
    | undefined;
  if (same) throw localError('CONFLICT', 'errorsImport.documentAlreadyIn', { file: file.fileName, existing: same.file_name, source: same.title });
  const id = crypto.randomUUID();
  p.db
    .transaction(() => {
      let sourceId = options.sourceId;
      if (!sourceId) {
        const title = extracted.title?.trim() || file.fileName.replace(/\.[^.]+$/, '');
        // Like the document itself, a source made for it is not undoable (undo would orphan the document).
        sourceId = insertSource(p, () => undefined, options.kind ?? 'other', { type: 'document', title });
      }
      stmt(
        p.db,
        `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES (@id, @sourceId, @fileName, @format, @mimeType, @byteSize, @sha256, @pageCount, @now)`,
      ).run({
        id,
        sourceId,
        fileName: file.fileName,
        format: extracted.format,
        mimeType: extracted.mimeType,
        byteSize: file.bytes.byteLength,
        sha256,
        pageCount: staged ? staged.count : extracted.pages.length,
        now: nowIso(),
      });
      stmt(p.db, 'INSERT INTO document_files (document_id, bytes) VALUES (?, ?)').run(id, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      const page = stmt(p.db, 'INSERT INTO document_pages (document_id, number, text) VALUES (?, ?, ?)');
      for (const pg of extracted.pages) page.run(id, pg.number, pg.text);
      staged?.copy(id);
      storePageOcr(p, id, staged ? [...extracted.pages, ...staged.recognised] : extracted.pages);
    })
    .immediate();
  return requireDocument(p, id);
}

/** Records which pages were machine-read (their text is already in document_pages). */
export function storePageOcr(p: Project, documentId: string, pages: readonly ExtractedPage[]): void {
  const insert = stmt(
    p.db,
    `INSERT INTO page_ocr (document_id, number, confidence, languages, engine, recognised_at) VALUES (@documentId, @number, @confidence, @languages, @engine, @now)
     ON CONFLICT (document_id, number) DO UPDATE SET confidence = excluded.confidence, languages = excluded.languages, engine = excluded.engine, recognised_at = excluded.recognised_at`,
  );
  const now = nowIso();
  for (const pg of pages) if (pg.ocr) insert.run({ documentId, number: pg.number, ...pg.ocr, now });
}

export function removeDocument(p: Project, input: In<'documents.remove'>): Out<'documents.remove'> {
  const document = requireDocument(p, input.id);
  // Excerpts taken from it stay (their text and locator are kept; only the link to the file goes).
  p.db.transaction(() => stmt(p.db, 'DELETE FROM documents WHERE id = ?').run(document.id)).immediate();
  return null;
}

export function saveOriginal(p: Project, input: In<'documents.saveOriginal'>): Out<'documents.saveOriginal'> {
  const document = requireDocument(p, input.id);
  const target = path.resolve(input.path);
  if (fs.existsSync(target)) throw localError('FILE_EXISTS', 'errors.nameTaken', { file: path.basename(target) });
  const row = stmt(p.db, 'SELECT bytes FROM document_files WHERE document_id = ?').get(document.id) as { bytes: Buffer };
  if (!input.allowIdentities) {
    // The original is the researcher's own file, but once on disk it is outside the project's protection: say so.
    const pages = stmt(p.db, 'SELECT number, text FROM document_pages WHERE document_id = ? ORDER BY number').all(document.id) as { number: number; text: string }[];
    const raw = ['txt', 'md', 'html'].includes(document.format) ? [{ text: row.bytes.toString('utf8'), label: 'the file' }] : [];
    guardOutput(
      p.db,
      'original document',
      [...pages.map((pg) => ({ text: pg.text, label: `page ${pg.number}` })), ...raw],
      { advice: 'This is the file as you imported it: save it only if it will stay as safe as the project (confirm to save it anyway).' },
    );
  }
  fs.writeFileSync(target, row.bytes, { flag: 'wx' });
  return { path: target };
}

// -----------------------------------------------------------------------------------------------------------------
// Codebook

interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string;
  palette: number;
  position: number;
  is_codable: number;
}

function toCode(r: CodeRow): CodeDto {
  return { id: r.id, parentId: r.parent_id, name: r.name, description: r.description, palette: r.palette, position: r.position, isCodable: r.is_codable !== 0 };
}

export function listCodes(p: Project): CodeDto[] {
  return (stmt(p.db, 'SELECT id, parent_id, name, description, palette, position, is_codable FROM codes ORDER BY position').all() as CodeRow[]).map(toCode);
}

function requireCode(p: Project, id: string): CodeDto {
  const found = listCodes(p).find((c) => c.id === id);
  if (!found) throw notFound('code');
  return found;
}

function assertCodePlacement(p: Project, name: string, parentId: string | null, selfId?: string): void {
  const codes = listCodes(p);
  if (parentId) {
    requireCode(p, parentId);
    // A code cannot become its own ancestor.
    for (let at: string | null = parentId; at; at = codes.find((c) => c.id === at)?.parentId ?? null) {
      if (at === selfId) throw localError('VALIDATION_FAILED', 'errorsInput.codeUnderItself');
    }
  }
  const clash = codes.find((c) => c.parentId === parentId && c.name.toLocaleLowerCase() === name.toLocaleLowerCase() && c.id !== selfId);
  if (clash) throw localError('CONFLICT', 'errorsInput.codeExistsThere', { name: clash.name });
}

export function createCode(p: Project, input: In<'codes.create'>): Out<'codes.create'> {
  const parentId = input.parentId ?? null;
  assertCodePlacement(p, input.name, parentId);
  const id = crypto.randomUUID();
  p.history.edit(`Add code ${input.name}`, (track) => {
    const now = nowIso();
    const next = stmt(p.db, 'SELECT coalesce(max(position), 0) + 1 AS position FROM codes').get() as { position: number };
    stmt(p.db, 'INSERT INTO codes (id, parent_id, name, description, palette, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      parentId,
      input.name,
      input.description ?? '',
      input.palette ?? 0,
      next.position,
      now,
      now,
    );
    track('codes', { id }, 'inserted');
  });
  return requireCode(p, id);
}

export function updateCode(p: Project, input: In<'codes.update'>): Out<'codes.update'> {
  const code = requireCode(p, input.id);
  const parentId = input.parentId !== undefined ? input.parentId : code.parentId;
  assertCodePlacement(p, input.name ?? code.name, parentId, code.id);
  p.history.edit(`Edit code ${code.name}`, (track) => {
    track('codes', { id: code.id });
    // A new palette choice replaces the exact colour an imported code came with.
    const recoloured = input.palette !== undefined && input.palette !== code.palette;
    stmt(p.db, `UPDATE codes SET name = ?, parent_id = ?, description = ?, palette = ?,${recoloured ? ' color = NULL,' : ''} updated_at = ? WHERE id = ?`).run(
      input.name ?? code.name,
      parentId,
      input.description ?? code.description,
      input.palette ?? code.palette,
      nowIso(),
      code.id,
    );
  });
  return requireCode(p, code.id);
}

export function removeCode(p: Project, input: In<'codes.remove'>): Out<'codes.remove'> {
  const code = requireCode(p, input.id);
  if (listCodes(p).some((c) => c.parentId === code.id)) throw localError('CONFLICT', 'errorsInput.codeHasSubcodes', { name: code.name });
  p.history.edit(`Remove code ${code.name}`, (track) => {
    for (const row of stmt(p.db, 'SELECT excerpt_id FROM excerpt_codes WHERE code_id = ?').all(code.id) as { excerpt_id: string }[]) {
      track('excerpt_codes', { excerpt_id: row.excerpt_id, code_id: code.id });
    }
    track('codes', { id: code.id });
    stmt(p.db, 'DELETE FROM excerpt_codes WHERE code_id = ?').run(code.id);
    stmt(p.db, 'DELETE FROM codes WHERE id = ?').run(code.id);
  });
  return null;
}

// -----------------------------------------------------------------------------------------------------------------
// Excerpts

interface ExcerptRow {
  id: string;
  source_id: string;
  document_id: string | null;
  page: number | null;
  start_offset: number | null;
  end_offset: number | null;
  paragraph: number | null;
  region_x1: number | null;
  region_y1: number | null;
  region_x2: number | null;
  region_y2: number | null;
  locator: string;
  text: string;
  text_kind: ExcerptDto['textKind'];
  language: string;
  translation: string;
  translation_language: string;
  speaker: string;
  participant_id: string | null;
  verification: ExcerptDto['verification'];
  verification_note: string;
  created_at: string;
  updated_at: string;
}

const EXCERPT_COLUMNS =
  'e.id, e.source_id, e.document_id, e.page, e.start_offset, e.end_offset, e.paragraph, e.region_x1, e.region_y1, e.region_x2, e.region_y2, e.locator, e.text, e.text_kind, e.language, e.translation, e.translation_language, e.speaker, e.participant_id, e.verification, e.verification_note, e.created_at, e.updated_at';

export function excerptsWhere(p: Project, where: string, params: unknown[]): ExcerptDto[] {
  const rows = stmt(p.db, `SELECT ${EXCERPT_COLUMNS} FROM excerpts e ${where}`).all(...params) as ExcerptRow[];
  if (rows.length === 0) return [];
  // The codes and cells of the same excerpts, by a subquery (no parameter per id: 50,000 excerpts exceed SQLite's
  // limit on bound parameters), grouped by excerpt in one pass.
  const ids = `SELECT e.id FROM excerpts e ${where}`;
  const codesOf = groupBy(stmt(p.db, `SELECT excerpt_id, code_id FROM excerpt_codes WHERE excerpt_id IN (${ids})`).all(...params) as { excerpt_id: string; code_id: string }[], (r) => r.code_id);
  const cellsOf = groupBy(
    stmt(p.db, `SELECT excerpt_id, cell_id FROM excerpt_cells WHERE excerpt_id IN (${ids}) ORDER BY position`).all(...params) as { excerpt_id: string; cell_id: string }[],
    (r) => r.cell_id,
  );
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    documentId: r.document_id,
    page: r.page,
    startOffset: r.start_offset,
    endOffset: r.end_offset,
    paragraph: r.paragraph,
    region: r.region_x1 !== null && r.region_y1 !== null && r.region_x2 !== null && r.region_y2 !== null ? { x1: r.region_x1, y1: r.region_y1, x2: r.region_x2, y2: r.region_y2 } : null,
    locator: r.locator,
    text: r.text,
    textKind: r.text_kind,
    language: r.language,
    translation: r.translation,
    translationLanguage: r.translation_language,
    speaker: r.speaker,
    participantId: r.participant_id,
    verification: r.verification,
    verificationNote: r.verification_note,
    codeIds: codesOf.get(r.id) ?? [],
    cellIds: cellsOf.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

function groupBy<R extends { excerpt_id: string }>(rows: R[], value: (row: R) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const list = out.get(row.excerpt_id);
    if (list) list.push(value(row));
    else out.set(row.excerpt_id, [value(row)]);
  }
  return out;
}

export function listExcerpts(p: Project, input: In<'excerpts.list'>): Out<'excerpts.list'> {
  if (input.cellId) {
    return excerptsWhere(p, 'JOIN excerpt_cells ec ON ec.excerpt_id = e.id WHERE ec.cell_id = ? ORDER BY ec.position, e.created_at', [input.cellId]);
  }
  if (input.documentId) return excerptsWhere(p, 'WHERE e.document_id = ? ORDER BY e.page, e.start_offset', [input.documentId]);
  if (input.sourceId) return excerptsWhere(p, 'WHERE e.source_id = ? ORDER BY e.page, e.start_offset, e.created_at', [input.sourceId]);
  return excerptsWhere(p, 'ORDER BY e.created_at', []);
}

/**
 * The excerpts of many cells at once, each cell's in the order `listExcerpts({ cellId })` gives (position, then
 * creation): three queries instead of three per cell, for exports of whole matrices.
 */
export function excerptsOfCells(p: Project, cellIds: readonly string[]): Map<string, ExcerptDto[]> {
  const out = new Map<string, ExcerptDto[]>(cellIds.map((id) => [id, []]));
  if (cellIds.length === 0) return out;
  const json = JSON.stringify(cellIds);
  const links = stmt(p.db, 'SELECT cell_id, excerpt_id, position FROM excerpt_cells WHERE cell_id IN (SELECT value FROM json_each(?))').all(json) as {
    cell_id: string;
    excerpt_id: string;
    position: number;
  }[];
  const excerpts = new Map(
    excerptsWhere(p, 'WHERE e.id IN (SELECT ec.excerpt_id FROM excerpt_cells ec WHERE ec.cell_id IN (SELECT value FROM json_each(?)))', [json]).map((e) => [e.id, e]),
  );
  links.sort((a, b) => (a.cell_id < b.cell_id ? -1 : a.cell_id > b.cell_id ? 1 : a.position - b.position || excerpts.get(a.excerpt_id)!.createdAt.localeCompare(excerpts.get(b.excerpt_id)!.createdAt)));
  for (const link of links) out.get(link.cell_id)!.push(excerpts.get(link.excerpt_id)!);
  return out;
}

export function findExcerpt(p: Project, id: string): ExcerptDto | undefined {
  return excerptsWhere(p, 'WHERE e.id = ?', [id])[0];
}

export function requireExcerpt(p: Project, id: string): ExcerptDto {
  const found = findExcerpt(p, id);
  if (!found) throw notFound('excerpt');
  return found;
}

/** The paragraph (1-based, blank-line separated) that holds `offset` in a page's text. */
export function paragraphAt(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return (before.match(/\n\s*\n/g)?.length ?? 0) + 1;
}

function setExcerptCodes(p: Project, track: Track, excerptId: string, codeIds: string[]): void {
  const known = new Map(listCodes(p).map((c) => [c.id, c]));
  const unknown = codeIds.find((c) => !known.has(c));
  if (unknown) throw notFound('code');
  const current = (stmt(p.db, 'SELECT code_id FROM excerpt_codes WHERE excerpt_id = ?').all(excerptId) as { code_id: string }[]).map((r) => r.code_id);
  // A code that only groups others is not given to an excerpt anew; one a file already gave it stays.
  const grouping = codeIds.map((c) => known.get(c)!).find((c) => !c.isCodable && !current.includes(c.id));
  if (grouping) {
    throw localError('VALIDATION_FAILED', 'errorsInput.groupingOnly', { name: grouping.name });
  }
  for (const code of new Set([...current, ...codeIds])) track('excerpt_codes', { excerpt_id: excerptId, code_id: code });
  stmt(p.db, 'DELETE FROM excerpt_codes WHERE excerpt_id = ?').run(excerptId);
  const add = stmt(p.db, 'INSERT INTO excerpt_codes (excerpt_id, code_id) VALUES (?, ?)');
  for (const code of new Set(codeIds)) add.run(excerptId, code);
}

export function createExcerpt(p: Project, input: In<'excerpts.create'>): Out<'excerpts.create'> {
  const source = requireSource(p, input.sourceId);
  if (input.participantId) requireParticipant(p, input.participantId);
  let paragraph = input.paragraph ?? null;
  let locator = input.locator;
  let text = input.text;
  if (input.documentId) {
    const document = requireDocument(p, input.documentId);
    if (document.sourceId !== source.id) throw localError('VALIDATION_FAILED', 'errorsInput.documentOtherSource');
    if (input.page !== undefined) {
      const page = stmt(p.db, 'SELECT text FROM document_pages WHERE document_id = ? AND number = ?').get(document.id, input.page) as { text: string } | undefined;
      if (!page) throw localError('VALIDATION_FAILED', 'errorsInput.noSuchPage', { file: document.fileName, page: String(input.page) });
      if (input.startOffset !== undefined && input.endOffset !== undefined) {
        if (input.endOffset > page.text.length) throw localError('VALIDATION_FAILED', 'errorsInput.selectionPastEnd');
        if (input.textKind !== 'paraphrase') {
          const raw = page.text.slice(input.startOffset, input.endOffset);
          const quoted = joinHardBreaks(raw, page.text);
          if (input.text !== raw && input.text !== quoted) {
            throw localError('VALIDATION_FAILED', 'errorsInput.quoteMismatch');
          }
          // A quote keeps the author's sentences, not the page's line breaks (offsets still point at the page text).
          text = quoted;
        }
        paragraph ??= paragraphAt(page.text, input.startOffset);
      }
      locator ??= input.region && input.startOffset === undefined ? `p. ${input.page}, area` : `p. ${input.page}${paragraph ? `, para ${paragraph}` : ''}`;
    }
  }
  const id = crypto.randomUUID();
  p.history.edit(`Add excerpt from ${source.title}`, (track) => {
    const now = nowIso();
    stmt(
      p.db,
      `INSERT INTO excerpts (id, source_id, document_id, page, start_offset, end_offset, paragraph, region_x1, region_y1, region_x2, region_y2, locator, text,
         text_kind, language, translation, translation_language, speaker, participant_id, verification, verification_note, created_at, updated_at)
       VALUES (@id, @sourceId, @documentId, @page, @start, @end, @paragraph, @x1, @y1, @x2, @y2, @locator, @text, @textKind, @language, @translation, @translationLanguage,
         @speaker, @participantId, @verification, @verificationNote, @now, @now)`,
    ).run({
      id,
      sourceId: source.id,
      documentId: input.documentId ?? null,
      page: input.page ?? null,
      start: input.startOffset ?? null,
      end: input.endOffset ?? null,
      paragraph,
      x1: input.region?.x1 ?? null,
      y1: input.region?.y1 ?? null,
      x2: input.region?.x2 ?? null,
      y2: input.region?.y2 ?? null,
      locator: locator ?? '',
      text,
      textKind: input.textKind ?? 'quote',
      language: input.language ?? '',
      translation: input.translation ?? '',
      translationLanguage: input.translationLanguage ?? '',
      speaker: input.speaker ?? '',
      verification: input.verification ?? 'unverified',
      verificationNote: input.verificationNote ?? '',
      participantId: input.participantId ?? source.participantId ?? null,
      now,
    });
    track('excerpts', { id }, 'inserted');
    if (input.codeIds?.length) setExcerptCodes(p, track, id, input.codeIds);
  });
  return requireExcerpt(p, id);
}

export function updateExcerpt(p: Project, input: In<'excerpts.update'>): Out<'excerpts.update'> {
  const current = requireExcerpt(p, input.id);
  if (input.participantId) requireParticipant(p, input.participantId);
  // A quote taken from a document is the document's words: whether the text changes or a paraphrase becomes a quote.
  const nextText = input.text ?? current.text;
  if ((input.textKind ?? current.textKind) === 'quote' && current.documentId && current.page !== null && current.startOffset !== null && current.endOffset !== null) {
    const page = stmt(p.db, 'SELECT text FROM document_pages WHERE document_id = ? AND number = ?').get(current.documentId, current.page) as { text: string } | undefined;
    const raw = page?.text.slice(current.startOffset, current.endOffset);
    if (page && raw !== nextText && joinHardBreaks(raw!, page.text) !== nextText) {
      throw localError('VALIDATION_FAILED', 'errorsInput.quoteKeepsWords');
    }
  }
  p.history.edit(
    'Edit excerpt',
    (track) => {
      track('excerpts', { id: current.id });
      stmt(
        p.db,
        `UPDATE excerpts SET text = @text, text_kind = @textKind, locator = @locator, language = @language, translation = @translation,
           translation_language = @translationLanguage, speaker = @speaker, participant_id = @participantId, verification = @verification,
           verification_note = @verificationNote, updated_at = @now WHERE id = @id`,
      ).run({
        id: current.id,
        text: input.text ?? current.text,
        textKind: input.textKind ?? current.textKind,
        locator: input.locator ?? current.locator,
        language: input.language ?? current.language,
        translation: input.translation ?? current.translation,
        translationLanguage: input.translationLanguage ?? current.translationLanguage,
        speaker: input.speaker ?? current.speaker,
        verification: input.verification ?? current.verification,
        verificationNote: input.verificationNote ?? current.verificationNote,
        participantId: input.participantId !== undefined ? input.participantId : current.participantId,
        now: nowIso(),
      });
      if (input.codeIds) setExcerptCodes(p, track, current.id, input.codeIds);
    },
    `excerpt:${current.id}:${Object.keys(input).sort().join(',')}`,
  );
  return requireExcerpt(p, current.id);
}

export function removeExcerpt(p: Project, input: In<'excerpts.remove'>): Out<'excerpts.remove'> {
  const current = requireExcerpt(p, input.id);
  p.history.edit('Remove excerpt', (track) => {
    for (const code of current.codeIds) track('excerpt_codes', { excerpt_id: current.id, code_id: code });
    for (const cell of current.cellIds) track('excerpt_cells', { excerpt_id: current.id, cell_id: cell });
    for (const memo of stmt(p.db, "SELECT id FROM memos WHERE target_type = 'excerpt' AND target_id = ?").all(current.id) as { id: string }[]) {
      track('memos', { id: memo.id });
      stmt(p.db, 'DELETE FROM memos WHERE id = ?').run(memo.id);
    }
    track('excerpts', { id: current.id });
    stmt(p.db, 'DELETE FROM excerpt_codes WHERE excerpt_id = ?').run(current.id);
    stmt(p.db, 'DELETE FROM excerpt_cells WHERE excerpt_id = ?').run(current.id);
    stmt(p.db, 'DELETE FROM excerpts WHERE id = ?').run(current.id);
  });
  return null;
}

export function linkExcerpt(p: Project, input: In<'excerpts.link'>): Out<'excerpts.link'> {
  const excerpt = requireExcerpt(p, input.excerptId);
  // An empty cell becomes a cell (status "no data") so that it can hold evidence.
  let cell = findLiveCell(p.db, input.caseId, input.normId, input.stageId);
  if (!cell) cell = updateCell(p, { caseId: input.caseId, normId: input.normId, stageId: input.stageId, patch: {} });
  if (excerpt.cellIds.includes(cell.id)) return excerpt;
  p.history.edit('Link evidence to cell', (track) => {
    const next = stmt(p.db, 'SELECT coalesce(max(position), 0) + 1 AS position FROM excerpt_cells WHERE cell_id = ?').get(cell.id) as { position: number };
    stmt(p.db, 'INSERT INTO excerpt_cells (excerpt_id, cell_id, position) VALUES (?, ?, ?)').run(excerpt.id, cell.id, next.position);
    track('excerpt_cells', { excerpt_id: excerpt.id, cell_id: cell.id }, 'inserted');
  });
  return requireExcerpt(p, excerpt.id);
}

export function unlinkExcerpt(p: Project, input: In<'excerpts.unlink'>): Out<'excerpts.unlink'> {
  const excerpt = requireExcerpt(p, input.excerptId);
  if (!excerpt.cellIds.includes(input.cellId)) return excerpt;
  p.history.edit('Unlink evidence from cell', (track) => {
    track('excerpt_cells', { excerpt_id: excerpt.id, cell_id: input.cellId });
    stmt(p.db, 'DELETE FROM excerpt_cells WHERE excerpt_id = ? AND cell_id = ?').run(excerpt.id, input.cellId);
  });
  return requireExcerpt(p, excerpt.id);
}

// -----------------------------------------------------------------------------------------------------------------
// Memos

interface MemoRow {
  id: string;
  target_type: MemoDto['targetType'];
  target_id: string;
  text: string;
  created_at: string;
  updated_at: string;
}

function toMemo(r: MemoRow): MemoDto {
  return { id: r.id, targetType: r.target_type, targetId: r.target_id, text: r.text, createdAt: r.created_at, updatedAt: r.updated_at };
}

const MEMO_TARGET_TABLES = { case: 'cases', norm: 'norms', cell: 'cells', source: 'sources', excerpt: 'excerpts' } as const;

export function listMemos(p: Project, input: In<'memos.list'>): Out<'memos.list'> {
  const rows = stmt(p.db, 'SELECT id, target_type, target_id, text, created_at, updated_at FROM memos WHERE target_type = ? AND target_id = ? ORDER BY created_at').all(
    input.targetType,
    input.targetId,
  ) as MemoRow[];
  return rows.map(toMemo);
}

function requireMemo(p: Project, id: string): MemoDto {
  const row = stmt(p.db, 'SELECT id, target_type, target_id, text, created_at, updated_at FROM memos WHERE id = ?').get(id) as MemoRow | undefined;
  if (!row) throw notFound('memo');
  return toMemo(row);
}

export function createMemo(p: Project, input: In<'memos.create'>): Out<'memos.create'> {
  if (input.targetType !== 'project') {
    const table = MEMO_TARGET_TABLES[input.targetType];
    if (!p.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(input.targetId)) throw notFound(input.targetType);
  }
  const id = crypto.randomUUID();
  p.history.edit('Add memo', (track) => {
    const now = nowIso();
    stmt(p.db, 'INSERT INTO memos (id, target_type, target_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.targetType, input.targetId, input.text, now, now);
    track('memos', { id }, 'inserted');
  });
  return requireMemo(p, id);
}

export function updateMemo(p: Project, input: In<'memos.update'>): Out<'memos.update'> {
  const memo = requireMemo(p, input.id);
  p.history.edit(
    'Edit memo',
    (track) => {
      track('memos', { id: memo.id });
      stmt(p.db, 'UPDATE memos SET text = ?, updated_at = ? WHERE id = ?').run(input.text, nowIso(), memo.id);
    },
    `memo:${memo.id}`,
  );
  return requireMemo(p, memo.id);
}

export function removeMemo(p: Project, input: In<'memos.remove'>): Out<'memos.remove'> {
  const memo = requireMemo(p, input.id);
  p.history.edit('Remove memo', (track) => {
    track('memos', { id: memo.id });
    stmt(p.db, 'DELETE FROM memos WHERE id = ?').run(memo.id);
  });
  return null;
}
