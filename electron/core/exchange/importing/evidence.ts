/**
 * The steps of the write phase for what every program writes: codes, users, sources with their documents, selections
 * (excerpts, in the unit the file counts positions in) and codings.
 */
import crypto from 'node:crypto';
import { SOURCE_KINDS } from '../../../contract/api';
import { paletteColour } from '../../../contract/palette';
import { stmt } from '../../db/statements';
import { MIME_TYPES, type DocumentFormat } from '../../documents/extract';
import { paragraphAt } from '../../evidence';
import { duplicateKey } from '../../sources/bibliography';
import { COMPARANDA_USER_GUID, derivedGuid } from '../guid';
import type { QdaCoding, QdaSelection, QdaSource } from '../model';
import { joinPages, locate, Positions, snippet } from '../text';
import { type Row, said, skip, whereText, selectionCalled, paletteSlot, sameName, asString, asNullableInt, isRow, rowsOf, type SourcePlan, type PlacedSource, type OwnSource, citationBase } from './helpers';
import { OwnSteps } from './ours';

/** A selection's name (cut short) or, for one without, where it is: the arguments of the sentences about it. */
function namedSelection(selection: QdaSelection) {
  return { named: selection.name ? 'yes' : 'no', name: snippet(selection.name, 50), where: whereText(selection) };
}

/** An XML Schema dateTime with a time zone, as REFI-QDA files write `creationDateTime`. */
function isDateTime(value: string | null): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

export abstract class EvidenceSteps extends OwnSteps {
  // ---- Codes

  protected codes(): void {
    const byGuid = new Map(this.qda.codes.map((c) => [c.guid, c]));
    for (const code of this.qda.codes) {
      if (this.normCodes.has(code.guid) || this.stageCodes.has(code.guid) || this.skippedCodes.has(code.guid)) continue;
      if (this.codeMap.has(code.guid)) {
        this.skipped.push(skip('code', code.name, said('codeTwice', { code: code.name })));
        continue;
      }
      let parentId: string | null = null;
      for (let at = code.parentGuid; at; at = byGuid.get(at)?.parentGuid ?? null) {
        const mapped = this.codeMap.get(at);
        if (mapped) {
          parentId = mapped;
          break;
        }
      }
      const palette = paletteSlot(code.color);
      // The exact colour is kept beside the slot, unless the slot's colour is that colour.
      const color = code.color && code.color !== paletteColour(palette) ? code.color : null;
      const codable = code.isCodable ? 1 : 0;
      const clash = (stmt(this.db, "SELECT id, name FROM codes WHERE coalesce(parent_id, '') = coalesce(?, '') AND id != ?").all(parentId, code.guid) as { id: string; name: string }[]).find((x) =>
        sameName(x.name, code.name),
      );
      if (this.exists('codes', code.guid)) {
        if (clash) this.notes.push(said('codeKeepsName', { code: code.name }));
        stmt(this.db, `UPDATE codes SET ${clash ? '' : 'name = @name, parent_id = @parent, '}description = @description, palette = @palette, color = @color, is_codable = @codable, updated_at = @now WHERE id = @id`)
          .run({ name: code.name, parent: parentId, description: code.description, palette, color, codable, now: this.now, id: code.guid });
        this.codeMap.set(code.guid, code.guid);
        this.count('codes', false);
      } else if (clash) {
        this.codeMap.set(code.guid, clash.id);
        this.notes.push(said('codeMerged', { code: code.name, existing: clash.name }));
      } else {
        stmt(this.db, 'INSERT INTO codes (id, parent_id, name, description, palette, color, is_codable, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(code.guid, parentId, code.name, code.description, palette, color, codable, this.nextPosition('codes'), this.now, this.now);
        this.codeMap.set(code.guid, code.guid);
        this.count('codes', true);
      }
    }
  }

  // ---- Users

  /** The file's users, by GUID, so that a re-export names the same people as the creators of their selections. */
  protected users(): void {
    const upsert = stmt(this.db, 'INSERT INTO refi_users (guid, name) VALUES (?, ?) ON CONFLICT (guid) DO UPDATE SET name = excluded.name');
    for (const user of this.qda.users) {
      if (user.guid === COMPARANDA_USER_GUID) continue;
      upsert.run(user.guid, user.name);
      this.knownUsers.add(user.guid);
    }
  }

  protected readonly knownUsers = new Set<string>();

  // ---- Sets

  /**
   * Sets of codes and sources (MAXQDA's code sets, NVivo's sets), kept to be written back by a re-export: Comparanda
   * does not show them. Our own sets (sources by kind) are made again by every export and are not kept.
   */
  protected sets(): void {
    const ours = new Set(SOURCE_KINDS.map((kind) => derivedGuid('set', 'source-kind', kind)));
    const sources = new Set(this.plans.map((plan) => plan.source.guid));
    const upsert = stmt(
      this.db,
      'INSERT INTO refi_sets (guid, name, member_codes, member_sources) VALUES (?, ?, ?, ?) ON CONFLICT (guid) DO UPDATE SET name = excluded.name, member_codes = excluded.member_codes, member_sources = excluded.member_sources',
    );
    let kept = 0;
    for (const set of this.qda.sets) {
      if (ours.has(set.guid)) continue;
      const codes = set.memberCodes.map((g) => this.codeMap.get(g)).filter((id): id is string => id !== undefined);
      const members = set.memberSources.filter((g) => sources.has(g));
      upsert.run(set.guid, set.name, JSON.stringify(codes), JSON.stringify(members));
      kept++;
      const left = [
        [set.memberCodes.length - codes.length, 'code'],
        [set.memberSources.length - members.length, 'source'],
        [set.memberNotes.length, 'note'],
      ] as const;
      const lost = left.filter(([n]) => n > 0);
      if (lost.length) {
        const parts = lost.map(([count, what]) => said('setPart', { what, count })).reduceRight((second, first) => said('and', { first, second }));
        const single = lost.length === 1 && lost[0]![0] === 1;
        this.skipped.push(skip('set', set.name, said('setWithout', { set: set.name, parts, single: single ? 'yes' : 'no' })));
      }
    }
    if (kept) this.notes.push(said('setsKept', { count: kept }));
  }

  // ---- Sources, documents, selections, codings

  /** First pass: the source and its document (all documents exist before any excerpt is placed). */
  protected source(plan: SourcePlan): PlacedSource {
    const { source } = plan;
    const mine = this.own.sources.get(source.guid);
    const sourceId = mine ? asString(mine.row.id) : source.guid;
    this.saveSource(sourceId, source, mine);
    let documentId: string | null = null;
    if (plan.pages && plan.file && !(mine && mine.doc === null)) {
      documentId = mine?.doc ? asString(mine.doc.id) : derivedGuid('document', source.guid);
      this.saveDocument(documentId, sourceId, plan, mine?.doc ?? null);
    }
    return {
      plan,
      sourceId,
      documentId,
      paged: plan.pages ? joinPages(plan.pages) : null,
      standIn: !!mine && mine.doc === null,
      holders: [source.guid, ...(source.text?.guid ? [source.text.guid] : [])],
    };
  }

  /** Second pass: its selections, their codings and links to cells. */
  protected selections(placed: PlacedSource): void {
    const { plan, sourceId, documentId, paged, standIn, holders } = placed;
    const { source } = plan;
    const textSelections = plan.textRef?.selections ?? [];
    const usableText = plan.text !== null && !plan.textExtracted;
    if (source.codings.length) {
      this.skipped.push(skip('coding', source.name, said('sourceCodedWhole', { source: source.name, count: source.codings.length })));
    }
    if (source.values.length) {
      this.skipped.push(skip('value', source.name, said('sourceValues', { source: source.name, count: source.values.length })));
    }

    /** GUIDs dealt with (imported or reported), and those imported as excerpts. */
    const handled = new Set<string>();
    const imported = new Set<string>();
    const positions = usableText ? new Positions(plan.text!, this.unit) : null;
    /** Text selections that cannot be placed because the text is missing; a PDF selection may still carry them. */
    const pending = new Map<string, QdaSelection>();
    for (const selection of textSelections) {
      if (handled.has(selection.guid) || pending.has(selection.guid)) {
        const twice = said('selectionTwice', { named: selection.name ? 'yes' : 'no', name: snippet(selection.name, 40), guid: selection.guid, where: whereText(selection), source: source.name });
        this.skipped.push(skip('selection', selection.name, twice));
        continue;
      }
      if (!positions || !paged) {
        pending.set(selection.guid, selection);
        continue;
      }
      handled.add(selection.guid);
      const start = positions.toUnit(selection.start ?? -1);
      const end = positions.toUnit(selection.end ?? -1);
      if (start === null || end === null || end < start) {
        const outside = said('selectionOutside', {
          ...namedSelection(selection),
          source: source.name,
          start: String(selection.start ?? '?'),
          end: String(selection.end ?? '?'),
          length: positions.length,
        });
        this.skipped.push(skip('selection', selection.name, outside));
        continue;
      }
      const located = locate(paged, start, end);
      if (located.text.trim() === '' && !this.own.excerpts.has(selection.guid)) {
        this.skipped.push(skip('selection', selection.name, said('selectionNoText', { ...namedSelection(selection), source: source.name })));
        continue;
      }
      this.saveExcerpt(selection, sourceId, standIn ? null : documentId, standIn ? null : located, plan, holders);
      imported.add(selection.guid);
    }
    // PDF selections: an area of a page, with its corners, and its text when it carries one (a Representation).
    for (const selection of source.selections) {
      if (selection.kind !== 'pdf') continue;
      if (imported.has(selection.guid)) {
        // ATLAS.ti writes a quotation twice: as a PDF area and as a text selection of the same GUID. Keep one.
        this.codings(selection, selection.guid, holders);
        continue;
      }
      if (handled.has(selection.guid)) continue;
      handled.add(selection.guid);
      const twin = pending.get(selection.guid);
      pending.delete(selection.guid);
      const page = selection.page !== null && selection.page >= 0 ? selection.page + 1 : null;
      const textless = !selection.text || selection.text.trim() === '';
      if (textless && (page === null || selection.area === null)) {
        const codings = selection.codings.length + (twin?.codings.length ?? 0);
        this.skipped.push(skip('selection', selection.name, said('pdfAreaUnusable', { selection: selectionCalled(selection, 'start'), source: source.name, codings })));
        continue;
      }
      // An area (a table, a stamp, a scan) is an area excerpt: its page and corners; its text when the file gives it,
      // else a description in words (a paraphrase: nothing is quoted that the file does not hold).
      const text = textless ? `Area of page ${page}${selection.name.trim() ? `: ${selection.name.trim()}` : ''}` : selection.text!;
      this.saveExcerpt(selection, sourceId, documentId, page === null ? null : { kind: 'pdf-page', page, text, area: selection.area, quote: !textless }, plan, holders);
      imported.add(selection.guid);
      if (twin) this.codings(twin, selection.guid, holders);
    }

    // What is missing: one message for the source and what it takes with it.
    const lostCodings = [...pending.values()].reduce((n, s) => n + s.codings.length, 0);
    const lost = pending.size ? said('lostSelections', { count: pending.size, codings: lostCodings }) : '';
    if (plan.missing.length) {
      const kept = documentId ? (plan.textExtracted ? 'extracted' : 'document') : 'none';
      this.skipped.push(skip('source', source.name, said('sourceMissing', { source: source.name, missing: plan.missing, kept, lost })));
    } else if (pending.size) {
      this.skipped.push(skip('source', source.name, said('sourceExtracted', { source: source.name, lost })));
    }
  }

  protected saveSource(sourceId: string, source: QdaSource, mine: OwnSource | undefined): void {
    const existing = stmt(this.db, 'SELECT citation_key, csl FROM sources WHERE id = ?').get(sourceId) as { citation_key: string; csl: string } | undefined;
    if (existing && this.savedSources.has(sourceId)) return;
    this.savedSources.add(sourceId);
    const participant = mine && typeof mine.row.participant_id === 'string' ? (this.participantMap.get(mine.row.participant_id) ?? null) : null;
    if (mine) {
      const row = mine.row;
      let csl = isRow(row.csl) ? row.csl : typeof row.csl === 'string' ? (JSON.parse(row.csl) as Row) : { type: 'document', title: asString(row.title) };
      let key = asString(row.citation_key) || citationBase(csl);
      if (existing) key = existing.citation_key;
      else key = this.uniqueKey(key);
      csl = { ...csl, id: key };
      const kind = asString(row.kind, 'other');
      const created = this.upsert('sources', {
        id: sourceId,
        kind: ['observer-report', 'law', 'interview', 'media', 'leaked-document', 'dataset', 'speech', 'academic', 'other'].includes(kind) ? kind : 'other',
        csl: JSON.stringify(csl),
        title: asString(row.title, source.name),
        citation_key: key,
        duplicate_key: duplicateKey(csl),
        participant_id: participant,
        notes: asString(row.notes),
        created_at: asString(row.created_at, this.now),
        updated_at: this.now,
      });
      this.count('sources', created);
      return;
    }
    if (existing) {
      const csl = { ...(JSON.parse(existing.csl) as Row), title: source.name };
      stmt(this.db, 'UPDATE sources SET title = ?, csl = ?, duplicate_key = ?, notes = CASE WHEN ? != \'\' THEN ? ELSE notes END, updated_at = ? WHERE id = ?')
        .run(source.name, JSON.stringify(csl), duplicateKey(csl), source.description, source.description, this.now, sourceId);
      this.count('sources', false);
      return;
    }
    const key = this.uniqueKey(citationBase({ title: source.name }));
    const csl = { id: key, type: 'document', title: source.name };
    this.db
      .prepare(
        `INSERT INTO sources (id, kind, csl, title, citation_key, duplicate_key, participant_id, notes, created_at, updated_at)
         VALUES (?, 'other', ?, ?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(sourceId, JSON.stringify(csl), source.name, key, duplicateKey(csl), source.description, isDateTime(source.creationDateTime) ? source.creationDateTime : this.now, this.now);
    this.count('sources', true);
  }

  protected readonly savedSources = new Set<string>();

  protected uniqueKey(base: string): string {
    const taken = (k: string) => !!stmt(this.db, 'SELECT 1 FROM sources WHERE citation_key = ?').get(k);
    if (!taken(base)) return base;
    for (let i = 0; ; i++) {
      const candidate = base + (i < 26 ? String.fromCharCode(97 + i) : String(i));
      if (!taken(candidate)) return candidate;
    }
  }

  protected saveDocument(id: string, sourceId: string, plan: SourcePlan, doc: Row | null): void {
    const file = plan.file!;
    const pages = plan.pages!;
    const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
    const format: DocumentFormat = file.format;
    const own = (column: string) => (doc && typeof doc[column] === 'string' ? (doc[column] as string) : null);
    const row = {
      id,
      source_id: sourceId,
      // The element the document came from, so that a re-export keeps its GUID (ours are derived from our ids).
      refi_guid: doc ? own('refi_guid') : plan.source.guid,
      refi_text_guid: doc ? own('refi_text_guid') : plan.source.kind === 'pdf' ? (plan.source.text?.guid ?? null) : null,
      refi_user: doc ? own('refi_user') : plan.source.creatingUser && this.knownUsers.has(plan.source.creatingUser) ? plan.source.creatingUser : null,
      file_name: file.fileName,
      format,
      mime_type: doc && typeof doc.mime_type === 'string' && format === doc.format ? doc.mime_type : MIME_TYPES[format],
      byte_size: file.bytes.byteLength,
      sha256,
      page_count: pages.length,
      imported_at: doc ? asString(doc.imported_at, this.now) : this.now,
    };
    const created = this.upsert('documents', row);
    stmt(this.db, 'INSERT INTO document_files (document_id, bytes) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET bytes = excluded.bytes').run(id, Buffer.from(file.bytes));
    const current = stmt(this.db, 'SELECT number, text FROM document_pages WHERE document_id = ? ORDER BY number').all(id) as { number: number; text: string }[];
    const same = current.length === pages.length && current.every((c, i) => c.number === pages[i]!.number && c.text === pages[i]!.text);
    if (!same) {
      stmt(this.db, 'DELETE FROM document_pages WHERE document_id = ?').run(id);
      const insert = stmt(this.db, 'INSERT INTO document_pages (document_id, number, text) VALUES (?, ?, ?)');
      for (const page of pages) insert.run(id, page.number, page.text);
    }
    this.count('documents', created);
  }

  protected saveExcerpt(
    selection: QdaSelection,
    sourceId: string,
    documentId: string | null,
    located: ReturnType<typeof locate> | { kind: 'pdf-page'; page: number; text: string; area: QdaSelection['area']; quote: boolean } | null,
    plan: SourcePlan,
    holders: string[],
  ): void {
    const mine = this.own.excerpts.get(selection.guid);
    let row: Row;
    if (mine) {
      const participant = typeof mine.participant_id === 'string' ? (this.participantMap.get(mine.participant_id) ?? null) : null;
      const ownDocument = typeof mine.document_id === 'string' && this.exists('documents', mine.document_id) ? mine.document_id : null;
      row = {
        ...mine,
        source_id: sourceId,
        document_id: located && located.kind === 'page' ? documentId : ownDocument,
        participant_id: participant,
        updated_at: this.now,
      };
      if (located && located.kind === 'page') {
        row.page = located.page;
        row.start_offset = located.start;
        row.end_offset = located.end;
      }
      if (!['quote', 'paraphrase'].includes(asString(row.text_kind))) row.text_kind = 'quote';
      if (!['verified-external', 'one-source', 'contested', 'unverified'].includes(asString(row.verification))) row.verification = 'unverified';
      delete row.cells;
    } else {
      const pagesCount = plan.pages?.length ?? 0;
      let page: number | null = null;
      let locator = '';
      let paragraph: number | null = null;
      let start: number | null = null;
      let end: number | null = null;
      if (located?.kind === 'page') {
        page = located.page;
        start = located.start;
        end = located.end;
        const pageText = plan.pages?.find((pg) => pg.number === located.page)?.text ?? '';
        paragraph = paragraphAt(pageText, located.start);
        locator = pagesCount > 1 ? `p. ${located.page}` : '';
      } else if (located?.kind === 'pages') {
        page = located.page;
        locator = `pp. ${located.page}–${located.lastPage}`;
      } else if (located?.kind === 'pdf-page') {
        page = located.page;
        locator = located.area ? `p. ${located.page}, area` : `p. ${located.page}`;
      }
      const area = located?.kind === 'pdf-page' ? located.area : null;
      row = {
        id: selection.guid,
        source_id: sourceId,
        document_id: documentId,
        page,
        start_offset: start,
        end_offset: end,
        paragraph,
        locator,
        region_x1: area?.x1 ?? null,
        region_y1: area?.y1 ?? null,
        region_x2: area?.x2 ?? null,
        region_y2: area?.y2 ?? null,
        text: located ? located.text : (selection.text ?? ''),
        text_kind: located?.kind === 'pdf-page' && !located.quote ? 'paraphrase' : 'quote',
        // '' for a selection the file left unnamed, so that it goes back unnamed.
        refi_name: selection.name,
        refi_user: selection.creatingUser && this.knownUsers.has(selection.creatingUser) ? selection.creatingUser : null,
        // When the selection was made, as the program recorded it.
        created_at: isDateTime(selection.creationDateTime) ? selection.creationDateTime : this.now,
        updated_at: this.now,
      };
      if (this.exists('excerpts', selection.guid)) delete row.created_at;
    }
    if (row.start_offset !== null && row.end_offset !== null && Number(row.start_offset) > Number(row.end_offset)) row.end_offset = row.start_offset;
    const created = this.upsert('excerpts', row);
    this.count('excerpts', created);
    this.excerptHolder.set(selection.guid, holders);
    if (!mine && selection.description.trim()) {
      const memoId = derivedGuid('selection-description', selection.guid);
      const memoCreated = this.upsert('memos', { id: memoId, target_type: 'excerpt', target_id: selection.guid, text: selection.description, created_at: this.now, updated_at: this.now });
      this.count('memos', memoCreated);
    }
    for (const ref of selection.noteRefs) this.target(ref, { type: 'excerpt', id: selection.guid });
    this.codings(selection, selection.guid, holders);
  }

  /** The cases a selection belongs to: those that name it, else those that name its source. */
  protected casesOf(selectionGuid: string, holders: string[]): string[] {
    const direct = this.qda.cases.filter((c) => c.selectionRefs.includes(selectionGuid));
    const chosen = direct.length ? direct : this.qda.cases.filter((c) => c.sourceRefs.some((g) => holders.includes(g)));
    return [...new Set(chosen.map((c) => this.caseMap.get(c.guid)).filter((id): id is string => !!id))];
  }

  protected codings(selection: QdaSelection, excerptId: string, holders: string[]): void {
    const mine = this.own.excerpts.get(excerptId);
    const positions = new Map(rowsOf(mine?.cells).map((c) => [this.cellMap.get(asString(c.cell_id)) ?? asString(c.cell_id), asNullableInt(c.position)]));
    for (const coding of selection.codings) this.coding(coding, selection, excerptId, holders, positions);
  }

  protected coding(coding: QdaCoding, selection: QdaSelection, excerptId: string, holders: string[], positions: Map<string, number | null>): void {
    for (const ref of coding.noteRefs) this.target(ref, { type: 'excerpt', id: excerptId });
    const label = selection.name ? snippet(selection.name, 50) : whereText(selection);
    if (!coding.codeGuid) {
      this.skipped.push(skip('coding', label, said('selectionNoCode', { selection: selectionCalled(selection, 'of') })));
      return;
    }
    const target = this.stageCodes.get(coding.codeGuid) ?? this.mapping.get(coding.codeGuid);
    const codeId = this.codeMap.get(coding.codeGuid);
    if (codeId) {
      const result = stmt(this.db, 'INSERT OR IGNORE INTO excerpt_codes (excerpt_id, code_id) VALUES (?, ?)').run(excerptId, codeId);
      if (result.changes > 0) this.created.codings++;
    }
    if (target) {
      const cases = this.casesOf(selection.guid, holders);
      if (cases.length === 0) {
        this.skipped.push(skip('coding', label, said('selectionNoCase', { selection: selectionCalled(selection, 'start') })));
        return;
      }
      for (const caseId of cases) {
        const cellId = this.cellFor(caseId, target);
        const position = positions.get(cellId) ?? (stmt(this.db, 'SELECT coalesce(max(position), 0) + 1 AS n FROM excerpt_cells WHERE cell_id = ?').get(cellId) as { n: number }).n;
        const result = stmt(this.db, 'INSERT OR IGNORE INTO excerpt_cells (excerpt_id, cell_id, position) VALUES (?, ?, ?)').run(excerptId, cellId, position);
        if (result.changes > 0) this.created.cellLinks++;
      }
      return;
    }
    if (this.normCodes.has(coding.codeGuid)) {
      this.skipped.push(skip('coding', label, said('selectionNormCoded', { selection: selectionCalled(selection, 'start') })));
      return;
    }
    if (!codeId) {
      this.skipped.push(skip('coding', label, said('selectionUnknownCode', { selection: selectionCalled(selection, 'of'), code: coding.codeGuid })));
    }
  }

}
