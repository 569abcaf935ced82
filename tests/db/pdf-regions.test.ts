/**
 * Region excerpts (an area drawn on a PDF page) and the page view's access to the original: the rectangle is kept
 * in PDF points as given, with its page, through undo and reopening; the original's bytes reach the app unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputSchemas } from '../../electron/contract/schemas';
import { extractDocument } from '../../electron/core/documents/extract';
import * as evidence from '../../electron/core/evidence';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

const pdfFile = path.join(__dirname, '..', 'fixtures', 'documents', 'ru-kk.pdf');

async function withPdf() {
  const file = path.join(tempDir(), 'regions.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  const bytes = new Uint8Array(fs.readFileSync(pdfFile));
  const document = evidence.storeDocument(p, { fileName: 'ru-kk.pdf', bytes }, await extractDocument({ fileName: 'ru-kk.pdf', bytes }), { kind: 'observer-report' });
  return { p, file, document, bytes };
}

describe('region excerpts', () => {
  it('keep their page and rectangle in PDF points, through undo and reopening', async () => {
    const { p, file, document } = await withPdf();
    const region = { x1: 56.5, y1: 101.25, x2: 310, y2: 188.75 };
    const made = evidence.createExcerpt(p, {
      sourceId: document.sourceId,
      documentId: document.id,
      page: 2,
      region,
      text: 'A stamp of the Central Election Commission',
      textKind: 'paraphrase',
    });
    expect(made).toMatchObject({ page: 2, region, startOffset: null, endOffset: null, locator: 'p. 2, area' });
    // A text excerpt has no region.
    const page1 = evidence.getDocument(p, { id: document.id }).pages[0]!.text;
    const quote = evidence.createExcerpt(p, { sourceId: document.sourceId, documentId: document.id, page: 1, startOffset: 0, endOffset: 5, text: page1.slice(0, 5) });
    expect(quote.region).toBeNull();
    p.history.undo();
    p.history.undo();
    expect(evidence.findExcerpt(p, made.id)).toBeUndefined();
    p.history.redo();
    expect(evidence.requireExcerpt(p, made.id).region).toEqual(region);
    p.close();

    const again = Project.open(file);
    expect(evidence.requireExcerpt(again, made.id).region).toEqual(region);
    again.close();
  });

  it('are refused without a page or with corners the wrong way round', () => {
    const base = { sourceId: 'x', documentId: 'y', text: 't' };
    expect(inputSchemas['excerpts.create'].safeParse({ ...base, region: { x1: 1, y1: 1, x2: 2, y2: 2 } }).success).toBe(false);
    const inverted = inputSchemas['excerpts.create'].safeParse({ ...base, page: 1, region: { x1: 20, y1: 1, x2: 2, y2: 2 } });
    expect(inverted.success).toBe(false);
    expect(inverted.error?.issues[0]?.message).toMatch(/upper left corner to its lower right/);
    expect(inputSchemas['excerpts.create'].safeParse({ ...base, page: 1, region: { x1: 1, y1: 1, x2: 2, y2: 2 } }).success).toBe(true);
  });
});

describe('documents.original', () => {
  it('gives the page view the PDF exactly as imported', async () => {
    const { p, document, bytes } = await withPdf();
    const original = evidence.readOriginal(p, { id: document.id });
    expect(original.byteSize).toBe(bytes.byteLength);
    expect(Buffer.from(original.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    p.close();
  });
});
