import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentTextDto, JobDto, SearchResultDto } from '../../electron/contract/api';
import type { Envelope } from '../../electron/contract/errors';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { extractDocument, loadPdfJs } from '../../electron/core/documents/extract';
import { pageImage } from '../../electron/core/ocr/images';
import { recogniseScanned } from '../../electron/core/ocr/job';
import { Session } from '../../electron/core/session';
import { sampleSession } from '../helpers/sample-session';
import { undoTo } from '../helpers/undo-formats';
import { SCHEMA_VERSION } from '../../electron/core/db/schema-version';

const ocr = path.join(__dirname, '..', 'fixtures', 'ocr');

function setup() {
  const { dir, session, call } = sampleSession();
  return { dir, session, call };
}

/** Everything recognition may write: the pages' text and the OCR records. */
function snapshot(session: Session): unknown {
  const db = session.requireProject().db;
  return {
    counts: session.requireProject().counts(),
    pages: db.prepare('SELECT document_id, number, text FROM document_pages ORDER BY document_id, number').all(),
    ocr: db.prepare('SELECT * FROM page_ocr ORDER BY document_id, number').all(),
  };
}

async function waitFor(session: Session, id: string, until: (job: JobDto) => boolean): Promise<JobDto> {
  for (;;) {
    const job = session.jobs.get(id);
    if (until(job) || job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('text recognition (OCR) of photos and scans', () => {
  it('reads a Chromium-rendered PNG of a Russian and a Kazakh paragraph on import; a Kazakh word is found by search and can be excerpted', async () => {
    const { session, call } = setup();
    const started = await call<JobDto>('documents.import', { path: path.join(ocr, 'ru-kk.png'), kind: 'media' });
    const done = await session.jobs.wait(started.id);
    expect(done.error).toBeNull();
    expect(done.result?.document).toMatchObject({ format: 'image', mimeType: 'image/png', pageCount: 1 });
    const document = await call<DocumentTextDto>('documents.get', { id: done.result!.document!.id });
    const [page] = document.pages;
    expect(page!.ocr).toMatchObject({ languages: 'kaz+rus+eng', engine: expect.stringContaining('tesseract.js') });
    expect(page!.ocr!.confidence).toBeGreaterThan(80);
    expect(page!.text).toContain('Центральная избирательная комиссия');
    expect(page!.text).toContain('Бақылаушылар көптеген учаскелерде');

    const found = await call<SearchResultDto>('search.query', { q: 'сайлау', kinds: ['page'] });
    const hit = found.groups.flatMap((g) => g.hits).find((h) => h.documentId === document.id);
    expect(hit).toBeDefined();

    const start = page!.text.indexOf('Бақылаушылар');
    const end = page!.text.indexOf('өтті.') + 'өтті.'.length;
    const excerpt = await call<{ text: string; locator: string }>('excerpts.create', {
      sourceId: document.sourceId,
      documentId: document.id,
      page: 1,
      startOffset: start,
      endOffset: end,
      text: page!.text.slice(start, end),
    });
    expect(excerpt.text).toBe('Бақылаушылар көптеген учаскелерде дауыс санау жабық өткенін атап өтті.');
    session.close();
  }, 60_000);

  it('reads only the image-only page of a scanned PDF, and the photographed JPEG', async () => {
    const { session, call } = setup();
    const pdf = await session.jobs.wait((await call<JobDto>('documents.import', { path: path.join(ocr, 'ru-kk-scan.pdf') })).id);
    expect(pdf.error).toBeNull();
    const document = await call<DocumentTextDto>('documents.get', { id: pdf.result!.document!.id });
    expect(document.pages.map((pg) => pg.ocr !== null)).toEqual([false, true]);
    expect(document.pages[0]!.text).toContain('Cover page with a text layer');
    expect(document.pages[1]!.text).toMatch(/Орталық сайлау комиссиясы/);
    const photo = await session.jobs.wait((await call<JobDto>('documents.import', { path: path.join(ocr, 'ru-kk-photo.jpg') })).id);
    expect(photo.result?.document).toMatchObject({ format: 'image', mimeType: 'image/jpeg' });
    const photoText = (await call<DocumentTextDto>('documents.get', { id: photo.result!.document!.id })).pages[0]!.text;
    expect(photoText).toContain('сайлау');
    session.close();
  }, 60_000);

  it('a cancel in the middle of recognising an imported photo adds nothing', async () => {
    const { session, call } = setup();
    const before = snapshot(session);
    const started = await call<JobDto>('documents.import', { path: path.join(ocr, 'ru-kk-photo.jpg') });
    const reading = await waitFor(session, started.id, (job) => job.message.startsWith('Recognising'));
    expect(reading.state).toBe('running');
    await call('jobs.cancel', { id: started.id });
    const finished = await session.jobs.wait(started.id);
    expect(finished.state).toBe('cancelled');
    expect(snapshot(session)).toEqual(before);
    session.close();
  }, 60_000);

  it('reads a document again with other languages as a job; a cancel mid-page leaves the project unchanged', async () => {
    const { session, call } = setup();
    const imported = await session.jobs.wait((await call<JobDto>('documents.import', { path: path.join(ocr, 'ru-kk-scan.pdf') })).id);
    const id = imported.result!.document!.id;
    const before = snapshot(session);

    const cancelled = await call<JobDto>('documents.recognise', { id, languages: ['rus', 'kaz', 'eng'] });
    expect(cancelled).toMatchObject({ kind: 'ocr', state: 'running' });
    await waitFor(session, cancelled.id, (job) => job.message.startsWith('Starting'));
    // Let the engine start and take the page before cancelling.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(session.jobs.get(cancelled.id).state).toBe('running');
    await call('jobs.cancel', { id: cancelled.id });
    expect((await session.jobs.wait(cancelled.id)).state).toBe('cancelled');
    expect(snapshot(session)).toEqual(before);

    const again = await session.jobs.wait((await call<JobDto>('documents.recognise', { id, languages: ['rus', 'kaz', 'eng'] })).id);
    expect(again).toMatchObject({ state: 'done', done: 1, total: 1 });
    const pages = (await call<DocumentTextDto>('documents.get', { id })).pages;
    expect(pages[0]!.ocr).toBeNull();
    expect(pages[1]!.ocr?.languages).toBe('rus+kaz+eng');

    // A page with its own text layer is not recognised; nor is a page with excerpts (their offsets count in its text).
    await expect(call('documents.recognise', { id, pages: [1] })).rejects.toThrow(/own text layer/);
    await call('excerpts.create', { sourceId: imported.result!.document!.sourceId, documentId: id, page: 2, startOffset: 0, endOffset: 5, text: pages[1]!.text.slice(0, 5) });
    await expect(call('documents.recognise', { id })).rejects.toThrow(/has excerpts/);
    session.close();
  }, 60_000);
});

/** A baseline TIFF (8-bit grey, one uncompressed strip) of a PNM P5, as a flatbed scanner's software writes one. */
function tiffFromPnm(pnm: Buffer): Buffer {
  const [, size] = pnm.toString('latin1', 0, 40).split('\n');
  const [width, height] = size!.split(' ').map(Number) as [number, number];
  const pixels = pnm.subarray(pnm.length - width * height);
  const tags: [number, number, number][] = [[256, 3, width], [257, 3, height], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, 0], [277, 3, 1], [278, 3, height], [279, 4, width * height]];
  const ifd = Buffer.alloc(2 + 12 * tags.length + 4);
  ifd.writeUInt16LE(tags.length, 0);
  tags.forEach(([tag, type, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(1, at + 4);
    const v = tag === 273 ? 8 + ifd.length : value;
    if (type === 3) ifd.writeUInt16LE(v, at + 8);
    else ifd.writeUInt32LE(v, at + 8);
  });
  return Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), ifd, pixels]);
}

describe('a TIFF scan', () => {
  it('is read like the other images', async () => {
    const { pdfjs } = await loadPdfJs();
    const task = pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(path.join(ocr, 'ru-kk-scan.pdf'))) });
    const pnm = Buffer.from((await pageImage(await (await task.promise).getPage(2), pdfjs.OPS))!);
    await task.destroy();
    const tiff = new Uint8Array(tiffFromPnm(pnm));
    const extracted = await extractDocument({ fileName: 'protocol.tif', bytes: tiff });
    expect(extracted).toMatchObject({ format: 'image', mimeType: 'image/tiff' });
    await recogniseScanned(extracted, tiff, {});
    expect(extracted.pages[0]!.text).toContain('сайлау комиссиясы');
    expect(extracted.pages[0]!.ocr?.confidence).toBeGreaterThan(80);
  }, 60_000);
});

describe('migration 11 (recognised text)', () => {
  it('rebuilds the documents table without losing a document’s pages, file, search entries or excerpts', async () => {
    const { dir, session, call } = setup();
    const file = session.requireProject().path;
    const imported = await session.jobs.wait((await call<JobDto>('documents.import', { path: path.join(__dirname, '..', 'fixtures', 'documents', 'ru-kk.pdf') })).id);
    const document = imported.result!.document!;
    const page = (await call<DocumentTextDto>('documents.get', { id: document.id })).pages[2]!;
    const excerpt = await call<{ id: string }>('excerpts.create', { sourceId: document.sourceId, documentId: document.id, page: 3, startOffset: 0, endOffset: 9, text: page.text.slice(0, 9) });
    session.close();

    // Back to format 10, as a plain SQLite connection would leave it (foreign keys off for the rebuild).
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.exec(`${undoTo(10)} PRAGMA user_version = 10;`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    const reopened = new Session(path.join(dir, 'user-data'));
    reopened.open(file);
    const p = reopened.requireProject();
    expect(p.summary().schemaVersion).toBe(SCHEMA_VERSION);
    expect(p.db.prepare('SELECT count(*) AS n FROM document_pages WHERE document_id = ?').get(document.id)).toEqual({ n: 3 });
    expect(p.db.prepare('SELECT count(*) AS n FROM document_files WHERE document_id = ?').get(document.id)).toEqual({ n: 1 });
    expect(p.db.prepare('SELECT document_id FROM excerpts WHERE id = ?').get(excerpt.id)).toEqual({ document_id: document.id });
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const dispatch = createDispatcher(createHandlers(reopened, 'http'));
    const found = (await dispatch('search.query', { q: 'қазақстан', kinds: ['page'] })) as Envelope<SearchResultDto>;
    expect(found.ok && found.result.groups.flatMap((g) => g.hits).map((h) => h.page)).toEqual([3]);
    reopened.close();
  }, 60_000);
});
