/**
 * Phase 1 of an import, before any write: the machine notes of a file written by Comparanda, and the files of the
 * sources (texts, originals, PDF text extraction). A bad file fails here, naming it.
 */
import { extractDocument, ImportError, type DocumentFormat } from '../../documents/extract';
import { cancelledError } from '../../documents/import-error';
import { readSourceEntry, readSourceText, resolvePath, type Loaded } from '../load';
import type { QdaNote, QdaSource } from '../model';
import { decodeMachineNote, NOTE_VERSION, type MachineNote } from '../notes';
import { splitPages } from '../text';
import type { CatalogueText } from '../../../contract/errors';
import type { SkippedItem } from './types';
import { said, skip, selectionsOf, codingsIn, asString, isRow, rowsOf, type SourcePlan, type OwnData } from './helpers';

export function noteText(loaded: Loaded, note: QdaNote, skipped: SkippedItem[]): string | null {
  if (note.inlineText !== null) return note.inlineText;
  if (!note.plainTextPath) return null;
  const what = { kind: 'note', name: note.name || note.guid } as const;
  const resolved = resolvePath(loaded, note.plainTextPath, what);
  if (resolved.kind !== 'found') {
    skipped.push(skip('note', note.name, said('noteFileMissing', { note: note.name || note.guid, path: note.plainTextPath })));
    return null;
  }
  return readSourceText(loaded, resolved.entry, what).text;
}

export function readOwnData(loaded: Loaded, texts: Map<string, string | null>, skipped: SkippedItem[]): OwnData {
  const own: OwnData = {
    project: null,
    record: null,
    cases: new Map(),
    norms: new Map(),
    cells: [],
    sources: new Map(),
    excerpts: new Map(),
    participants: [],
    claims: [],
    consumed: new Set(),
    memos: new Map(),
  };
  for (const note of loaded.qda.notes) {
    const decoded = decodeMachineNote(texts.get(note.guid) ?? undefined);
    if (!decoded) continue;
    own.consumed.add(note.guid);
    if ('error' in decoded) {
      skipped.push(skip('note', note.name, said('ourNoteDamaged', { note: note.name, kind: decoded.kind, error: decoded.error })));
      continue;
    }
    if (decoded.version > NOTE_VERSION) {
      skipped.push(skip('note', note.name, said('ourNoteNewer', { note: note.name, version: `comparanda:${decoded.kind} v${decoded.version}` })));
      continue;
    }
    const data = (decoded as MachineNote).data;
    if (!isRow(data)) continue;
    switch (decoded.kind) {
      case 'project':
        own.project = data;
        for (const m of rowsOf(data.memos)) if (typeof m.id === 'string') own.memos.set(m.id, m);
        break;
      case 'record':
        own.record = data;
        break;
      case 'case':
        if (typeof data.id === 'string') own.cases.set(data.id, data);
        break;
      case 'norm':
        if (typeof data.id === 'string') own.norms.set(data.id, data);
        break;
      case 'cell':
        own.cells.push(data);
        break;
      case 'source':
        if (typeof data.id === 'string') {
          for (const doc of rowsOf(data.documents)) {
            // A document from another program's file was exported under that file's GUID.
            const guid = typeof doc.refi_guid === 'string' ? doc.refi_guid : doc.id;
            if (typeof guid === 'string') own.sources.set(guid, { row: data, doc });
          }
          if (typeof data.standIn === 'string') own.sources.set(data.standIn, { row: data, doc: null });
        }
        break;
      case 'excerpt':
        if (typeof data.id === 'string') own.excerpts.set(data.id, data);
        break;
      case 'participant':
        own.participants.push(data);
        break;
      case 'claim':
        own.claims.push(data);
        break;
      default:
        skipped.push(skip('note', note.name, said('ourNoteUnknown', { note: note.name, kind: decoded.kind })));
    }
  }
  // Our own memos are ordinary notes whose GUID the project note lists; they are imported as memos, not consumed.
  return own;
}

// -----------------------------------------------------------------------------------------------------------------
// Phase 1: reading the sources' files

export function sourceKindSkip(source: QdaSource): SkippedItem {
  const selections = selectionsOf(source).length;
  const codings = codingsIn(source);
  return skip('source', source.name, said('sourceKind', { source: source.name, kind: source.kind, selections, codings, tail: selections || codings ? 'yes' : 'no' }));
}

export async function planSources(
  loaded: Loaded,
  own: OwnData,
  skipped: SkippedItem[],
  notes: CatalogueText[],
  withExtraction: boolean,
  control: { signal?: AbortSignal | undefined; onSource?: ((done: number, total: number, name: string) => void) | undefined } = {},
): Promise<SourcePlan[]> {
  const plans: SourcePlan[] = [];
  const limit = loaded.archive?.limits.maxSourceBytes ?? Infinity;
  let done = 0;
  for (const source of loaded.qda.sources) {
    // One turn of the event loop per source: the app answers (and a cancel arrives) while a large file is read.
    if (control.signal) {
      await new Promise((resolve) => setImmediate(resolve));
      if (control.signal.aborted) throw cancelledError(loaded.fileName);
    }
    control.onSource?.(done++, loaded.qda.sources.length, source.name);
    if (source.kind !== 'text' && source.kind !== 'pdf') {
      skipped.push(sourceKindSkip(source));
      continue;
    }
    const what = { kind: 'source', name: source.name } as const;
    const plan: SourcePlan = { source, textRef: source.text, text: null, pages: null, file: null, missing: [], textExtracted: false };
    const ownSource = own.sources.get(source.guid);
    const textRef = source.text;
    // The plain text the selections count in.
    if (textRef?.inlineText !== null && textRef?.inlineText !== undefined) {
      if (textRef.inlineText.length > limit) {
        throw new ImportError('too-large', loaded.fileName, 'errorsFiles.sourceTextTooLarge', { file: loaded.fileName, source: source.name });
      }
      plan.text = textRef.inlineText;
    } else if (textRef?.plainTextPath) {
      const resolved = resolvePath(loaded, textRef.plainTextPath, what);
      if (resolved.kind === 'found') {
        const decoded = readSourceText(loaded, resolved.entry, what);
        plan.text = decoded.text;
        if (decoded.lossy) notes.push(said('textNotUtf8', { source: source.name }));
      } else {
        plan.missing.push(said('missingText', { pdf: source.kind === 'pdf' ? 'yes' : 'no', path: resolved.path, external: resolved.kind === 'external' ? 'yes' : 'no' }));
      }
    } else if (source.kind === 'text') {
      plan.missing.push(said('noText'));
    }

    // The original file: a PDF, or the Word file of a text source; ours may carry another original (HTML, Markdown).
    const ownOriginal = ownSource?.doc && typeof ownSource.doc.original === 'string' ? ownSource.doc.original : null;
    const filePath = ownOriginal ?? (source.kind === 'pdf' ? source.path : textRef?.richTextPath && /\.docx$/i.test(textRef.richTextPath) ? textRef.richTextPath : null);
    if (filePath) {
      const resolved = resolvePath(loaded, filePath, what);
      if (resolved.kind === 'found') {
        const bytes = readSourceEntry(loaded, resolved.entry, what);
        const ownFormat = ownSource?.doc ? asString(ownSource.doc.format) : '';
        const format: DocumentFormat = (['pdf', 'docx', 'txt', 'md', 'html'] as const).find((f) => f === ownFormat) ?? (source.kind === 'pdf' ? 'pdf' : 'docx');
        const fileName = ownSource?.doc ? asString(ownSource.doc.file_name, source.name) : source.name.toLowerCase().endsWith(`.${format}`) ? source.name : `${source.name}.${format}`;
        plan.file = { bytes, format, fileName };
      } else if (source.kind === 'pdf') {
        plan.missing.unshift(said('missingFile', { path: resolved.path, external: resolved.kind === 'external' ? 'yes' : 'no' }));
      } else if (plan.text === null) {
        plan.missing.push(said('missingWord', { path: resolved.path }));
      }
    } else if (source.kind === 'pdf') {
      plan.missing.unshift(said('noPdf'));
    }

    if (plan.text !== null) {
      plan.pages = splitPages(plan.text);
      if (!plan.file) {
        const fileName = ownSource?.doc ? asString(ownSource.doc.file_name, `${source.name}.txt`) : /\.txt$/i.test(source.name) ? source.name : `${source.name}.txt`;
        plan.file = { bytes: new TextEncoder().encode(plan.text), format: 'txt', fileName };
      }
    } else if (plan.file && withExtraction) {
      // The original is there but not the plain text the selections count in: extract it to keep the document.
      try {
        const extracted = await extractDocument({ fileName: plan.file.fileName, bytes: plan.file.bytes, maxBytes: limit });
        plan.pages = extracted.pages;
        plan.textExtracted = true;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        plan.missing.push(said('unreadable', { format: plan.file.format.toUpperCase(), reason: error.text ?? error.message }));
        plan.file = null;
      }
    } else if (plan.file && !withExtraction) {
      plan.textExtracted = true;
    }
    plans.push(plan);
  }
  return plans;
}
