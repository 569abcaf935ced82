import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiInput, JobDto } from '../contract/api';
import { localError } from '../contract/i18n/format';
import { stmt } from './db/statements';
import { extractDocument, type ExtractedPage } from './documents/extract';
import { requireSource, storeDocument } from './evidence';
import { recognisePages } from './ocr/recognise';
import { DEFAULT_OCR_LANGUAGES } from './ocr/tessdata';
import type { Project } from './project';
import type { Session } from './session';

/** Pages written to the staging table at a time. */
const BATCH = 200;

/**
 * Where a document's pages wait while it is read: a temporary table of this connection (a temporary file, or memory
 * for an encrypted project, whose temporary data never reaches a file), outside the project file. The pages of a
 * 30,000-page PDF are stored as they are read, so the import's memory does not grow with the document, and the
 * project gets them all in one transaction at the end, or none: a cancelled or failed import leaves it unchanged.
 */
export class PageStaging {
  private batch: ExtractedPage[] = [];
  count = 0;
  /** Pages that are pictures (a photo, a scanned PDF page): recognition reads their text before the document is stored. */
  readonly scanned: number[] = [];
  /** Pages whose text was machine-read, with how (stored as the document's page_ocr rows). */
  readonly recognised: ExtractedPage[] = [];

  constructor(
    private readonly p: Project,
    private readonly job: string,
  ) {
    stmt(p.db, 'CREATE TEMP TABLE IF NOT EXISTS import_pages (job TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (job, number)) WITHOUT ROWID').run();
  }

  add(page: ExtractedPage): void {
    if (page.scanned) this.scanned.push(page.number);
    this.batch.push(page);
    this.count++;
    if (this.batch.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.batch.length === 0) return;
    const insert = stmt(this.p.db, 'INSERT INTO temp.import_pages (job, number, text) VALUES (?, ?, ?)');
    const pages = this.batch;
    this.batch = [];
    this.p.db.transaction(() => {
      for (const page of pages) insert.run(this.job, page.number, page.text);
    })();
  }

  /** Puts machine-read text in place of the staged (empty) text of scanned pages. */
  recognise(pages: readonly { number: number; text: string; ocr: NonNullable<ExtractedPage['ocr']> }[]): void {
    this.flush();
    const update = stmt(this.p.db, 'UPDATE temp.import_pages SET text = ? WHERE job = ? AND number = ?');
    this.p.db.transaction(() => {
      for (const page of pages) update.run(page.text, this.job, page.number);
    })();
    this.recognised.push(...pages);
  }

  /** Copies the staged pages to the document (inside the transaction that stores it). */
  copy(documentId: string): void {
    this.flush();
    stmt(this.p.db, 'INSERT INTO document_pages (document_id, number, text) SELECT ?, number, text FROM temp.import_pages WHERE job = ? ORDER BY number').run(documentId, this.job);
  }

  /** Forgets the staged pages (after the import, whatever its end). */
  discard(): void {
    this.batch = [];
    // The connection may have been closed or replaced (the project closed, its passphrase changed): nothing to forget then.
    if (this.p.db.open) stmt(this.p.db, 'DELETE FROM temp.import_pages WHERE job = ?').run(this.job);
  }
}

/**
 * Starts importing a document file as a job: read, extract page by page (progress, cancellable) into a staging table,
 * recognise the text of photos and scanned pages, then store in one transaction. Problems that can be seen at once (no such file, unknown source) fail the call itself.
 */
export function startDocumentImport(session: Session, input: ApiInput<'documents.import'>): JobDto {
  const project = session.requireProject();
  const file = path.resolve(input.path);
  const fileName = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw localError('FILE_NOT_FOUND', 'errors.fileNotFound', { file: fileName });
  }
  if (!stat.isFile()) throw localError('VALIDATION_FAILED', 'errorsImport.folderNotDocument', { file: fileName });
  if (input.sourceId) requireSource(project, input.sourceId);

  return session.jobs.start('document-import', `Import ${fileName}`, async ({ signal, progress }) => {
    const bytes = new Uint8Array(await fs.promises.readFile(file));
    const staging = new PageStaging(project, crypto.randomUUID());
    try {
      const extracted = await extractDocument({
        fileName,
        bytes,
        signal,
        onProgress: (done, total) => progress(done, total, { id: 'jobs.importReadingPage', values: { done, total } }),
        onPage: (page) => staging.add(page),
      });
      // Photos and scanned pages are read in the same job: the document is stored with their text, or not at all.
      if (staging.scanned.length > 0 && !signal.aborted) {
        const count = staging.scanned.length;
        progress(0, count, { id: 'jobs.importScanned', values: { count } });
        const read = await recognisePages(extracted.format, bytes, staging.scanned, {
          languages: input.languages ?? DEFAULT_OCR_LANGUAGES,
          signal,
          onProgress: (done, total) => progress(done, total, { id: 'jobs.importScannedPage', values: { done, total } }),
        });
        staging.recognise(read);
      }
      if (signal.aborted) throw localError('CONFLICT', 'errorsImport.importCancelled', { file: fileName });
      if (session.project !== project) throw localError('NO_PROJECT_OPEN', 'errorsImport.closedDuringImport', { file: fileName });
      return { document: storeDocument(project, { fileName, bytes }, extracted, { sourceId: input.sourceId, kind: input.kind }, staging) };
    } finally {
      staging.discard();
    }
  });
}
