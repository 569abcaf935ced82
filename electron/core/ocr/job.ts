/**
 * Text recognition as jobs: while importing a photo or a scanned PDF (its scanned pages are read before the
 * document is stored, in the same job), and again later for a document's scanned pages (`documents.recognise`, e.g.
 * with the languages in another order). Everything is written in one transaction at the end: a cancelled or failed
 * job leaves the project as it was.
 */
import type { ApiInput, JobDto } from '../../contract/api';
import { localError } from '../../contract/i18n/format';
import { stmt } from '../db/statements';
import type { ExtractedDocument } from '../documents/extract';
import { requireDocument, storePageOcr } from '../evidence';
import type { Session } from '../session';
import { recognisePages } from './recognise';
import { DEFAULT_OCR_LANGUAGES, tessdataDir, type OcrLanguage } from './tessdata';

/** Fills in the text of an extracted document's scanned pages (in place). */
export async function recogniseScanned(
  extracted: ExtractedDocument,
  bytes: Uint8Array,
  options: { languages?: readonly OcrLanguage[] | undefined; signal?: AbortSignal | undefined; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const numbers = extracted.pages.filter((pg) => pg.scanned).map((pg) => pg.number);
  if (numbers.length === 0) return;
  options.onProgress?.(0, numbers.length);
  const read = await recognisePages(extracted.format, bytes, numbers, { languages: options.languages ?? DEFAULT_OCR_LANGUAGES, signal: options.signal, onProgress: options.onProgress });
  const byNumber = new Map(read.map((pg) => [pg.number, pg]));
  extracted.pages = extracted.pages.map((pg) => {
    const done = byNumber.get(pg.number);
    return done ? { ...pg, text: done.text, ocr: done.ocr } : pg;
  });
}

export function startRecognition(session: Session, input: ApiInput<'documents.recognise'>): JobDto {
  const project = session.requireProject();
  if (project.readonly) throw localError('READ_ONLY', 'errors.readOnlyNoChange');
  const document = requireDocument(project, input.id);
  const languages = input.languages ?? DEFAULT_OCR_LANGUAGES;
  tessdataDir(languages);
  const pages = stmt(
    project.db,
    `SELECT pg.number, pg.text, o.number IS NOT NULL AS machine_read,
       (SELECT count(*) FROM excerpts e WHERE e.document_id = pg.document_id AND e.page = pg.number AND e.start_offset IS NOT NULL) AS excerpts
     FROM document_pages pg LEFT JOIN page_ocr o ON o.document_id = pg.document_id AND o.number = pg.number WHERE pg.document_id = ? ORDER BY pg.number`,
  ).all(document.id) as { number: number; text: string; machine_read: number; excerpts: number }[];
  const wanted = input.pages ? pages.filter((pg) => input.pages!.includes(pg.number)) : pages.filter((pg) => pg.machine_read === 1 || pg.text === '');
  const missing = input.pages?.find((n) => !pages.some((pg) => pg.number === n));
  if (missing !== undefined) throw localError('VALIDATION_FAILED', 'errorsInput.noSuchPage', { file: document.fileName, page: String(missing) });
  const typed = wanted.find((pg) => pg.machine_read === 0 && pg.text !== '');
  if (typed) throw localError('VALIDATION_FAILED', 'errorsImport.ocrTypedPage', { page: String(typed.number), file: document.fileName });
  const excerpted = wanted.find((pg) => pg.excerpts > 0);
  if (excerpted) {
    throw localError('CONFLICT', 'errorsImport.ocrPageHasExcerpts', { page: String(excerpted.number), file: document.fileName });
  }
  if (wanted.length === 0) throw localError('VALIDATION_FAILED', 'errorsImport.ocrNoScannedPages', { file: document.fileName });
  if (document.format !== 'pdf' && document.format !== 'image') throw localError('VALIDATION_FAILED', 'errorsImport.ocrTextDocument', { file: document.fileName });

  return session.jobs.start('ocr', `Recognise text in ${document.fileName}`, async ({ signal, progress }) => {
    const row = stmt(project.db, 'SELECT bytes FROM document_files WHERE document_id = ?').get(document.id) as { bytes: Buffer };
    progress(0, wanted.length, { id: 'jobs.ocrStarting' });
    const read = await recognisePages(document.format, new Uint8Array(row.bytes), wanted.map((pg) => pg.number), {
      languages,
      signal,
      onProgress: (done, total) => progress(done, total, { id: 'jobs.ocrPage', values: { done, total } }),
    });
    if (signal.aborted) throw localError('CONFLICT', 'errorsImport.ocrCancelledIn', { file: document.fileName });
    if (session.project !== project) throw localError('NO_PROJECT_OPEN', 'errorsImport.ocrProjectClosed', { file: document.fileName });
    project.db
      .transaction(() => {
        // Checked again inside the write: an excerpt made meanwhile keeps its page.
        const taken = stmt(project.db, 'SELECT count(*) AS n FROM excerpts WHERE document_id = ? AND page = ? AND start_offset IS NOT NULL');
        const update = stmt(project.db, 'UPDATE document_pages SET text = ? WHERE document_id = ? AND number = ?');
        for (const pg of read) {
          if ((taken.get(document.id, pg.number) as { n: number }).n > 0) {
            throw localError('CONFLICT', 'errorsImport.ocrExcerptMeanwhile', { page: String(pg.number), file: document.fileName });
          }
          update.run(pg.text, document.id, pg.number);
        }
        storePageOcr(project, document.id, read);
      })
      .immediate();
    return { document: requireDocument(project, document.id) };
  });
}
