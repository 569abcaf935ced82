/**
 * Sources, their documents and excerpts: a PDF as a PDFSource with its text as a Representation (areas of pages as
 * PDFSelections), any other document as a TextSource, and excerpts outside any document in a stand-in text.
 */
import { derivedGuid } from '../guid';
import { joinPages, Positions, snippet } from '../text';
import { el, textEl, type XmlNode } from '../xml';
import type { ExportContext } from './context';
import { all, allPaused, group, noteGuid, originalPath, representationGuid, stageCodeGuid, type DocumentRow, type ExcerptRow, type Row, type SourceRow } from './rows';

export async function writeSources(x: ExportContext) {
  const { p, counts, files, pause, progress, user, stamp, machine, pseudonym, memosOf } = x;
  // ---- Sources, documents and excerpts
  const sources = all<SourceRow & Row>(p, 'SELECT * FROM sources ORDER BY title COLLATE NOCASE, rowid');
  const documents = group(await allPaused<DocumentRow & Row>(p, pause, 'SELECT id, source_id, file_name, format, mime_type, byte_size, sha256, page_count, imported_at, refi_guid, refi_text_guid, refi_user FROM documents ORDER BY file_name, rowid'), (d) => d.source_id);
  const excerpts = group(await allPaused<ExcerptRow & Row>(p, pause, 'SELECT * FROM excerpts ORDER BY page, start_offset, created_at, rowid'), (e) => e.source_id);
  const codesOf = group(await allPaused<{ excerpt_id: string; code_id: string }>(p, pause, 'SELECT excerpt_id, code_id FROM excerpt_codes ORDER BY rowid'), (r) => r.excerpt_id);
  const cellsOf = group(
    await allPaused<{ excerpt_id: string; cell_id: string; position: number; case_id: string; norm_id: string; stage_id: string }>(
      p,
      pause,
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

  await pause();
  for (const [index, source] of sources.entries()) {
    progress(index, sources.length, source.title);
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
      files.addText(`Sources/${textGuid}.txt`, paged.text);
      const stored = all<{ bytes: Buffer }>(p, 'SELECT bytes FROM document_files WHERE document_id = ?', doc.id)[0];
      // A text file that is the plain text itself travels once, as the plain text.
      const original = stored && !(doc.format === 'txt' && Buffer.from(paged.text, 'utf8').equals(stored.bytes)) ? stored : undefined;
      const originalName = originalPath(doc.id, doc.format);
      if (original) files.addBytes(originalName, new Uint8Array(original.bytes));
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
      files.addText(`Sources/${standIn}.txt`, text);
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
    await pause();
  }
  return { sources, sourceNodes, caseSelections, caseSources, sourceKinds, refiUsers };
}
