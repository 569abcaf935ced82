import fs from 'node:fs';
import path from 'node:path';
import type { ApiInput, JobDto } from '../contract/api';
import { ApiError } from '../contract/errors';
import { extractDocument } from './documents/extract';
import { requireSource, storeDocument } from './evidence';
import { recogniseScanned } from './ocr/job';
import type { Session } from './session';

/**
 * Starts importing a document file as a job: read, extract page by page (progress, cancellable), recognise the text
 * of photos and scanned pages, then store in one transaction. Problems that can be seen at once (no such file, unknown source) fail the call itself.
 */
export function startDocumentImport(session: Session, input: ApiInput<'documents.import'>): JobDto {
  const project = session.requireProject();
  const file = path.resolve(input.path);
  const fileName = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ApiError('FILE_NOT_FOUND', `"${fileName}" does not exist. Check the path, or choose the file again.`);
  }
  if (!stat.isFile()) throw new ApiError('VALIDATION_FAILED', `"${fileName}" is a folder, not a document.`);
  if (input.sourceId) requireSource(project, input.sourceId);

  return session.jobs.start('document-import', `Import ${fileName}`, async ({ signal, progress }) => {
    const bytes = new Uint8Array(await fs.promises.readFile(file));
    const extracted = await extractDocument({ fileName, bytes, signal, onProgress: (done, total) => progress(done, total, `Reading page ${done} of ${total}`) });
    // Photos and scanned pages are read in the same job: the document is stored with their text, or not at all.
    await recogniseScanned(extracted, bytes, {
      languages: input.languages,
      signal,
      onProgress: (done, total) => progress(done, total, `Recognising the text of scanned page ${done} of ${total}`),
    });
    if (signal.aborted) throw new ApiError('CONFLICT', `The import of "${fileName}" was cancelled; nothing was added.`);
    if (session.project !== project) throw new ApiError('NO_PROJECT_OPEN', `The project was closed while "${fileName}" was being imported; nothing was added.`);
    return { document: storeDocument(project, { fileName, bytes }, extracted, { sourceId: input.sourceId, kind: input.kind }) };
  });
}
