import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../electron/core/documents/extract';
import { buildExportDocument } from '../../electron/core/export';
import * as evidence from '../../electron/core/evidence';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

async function setup() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', 'ru-kk.pdf')));
  const document = evidence.storeDocument(p, { fileName: 'ru-kk.pdf', bytes }, await extractDocument({ fileName: 'ru-kk.pdf', bytes }), { kind: 'observer-report' });
  const page = evidence.getDocument(p, { id: document.id }).pages.find((pg) => pg.number === 3)!;
  return { p, document, page };
}

describe('a quote taken from a PDF page keeps sentences', () => {
  it('joins the page’s line breaks inside the paragraph; the offsets still point at the page text; the locator counts paragraphs', async () => {
    const { p, document, page } = await setup();
    const start = page.text.indexOf('Қазақстан Республикасының');
    const end = page.text.indexOf('жариялады.') + 'жариялады.'.length;
    const raw = page.text.slice(start, end);
    expect(raw).toContain('\n');
    const excerpt = evidence.createExcerpt(p, { sourceId: document.sourceId, documentId: document.id, page: 3, startOffset: start, endOffset: end, text: raw, textKind: 'quote' });
    expect(excerpt.text).toBe('Қазақстан Республикасының Орталық сайлау комиссиясы сайлаудың қорытынды нәтижелерін жариялады.');
    expect([excerpt.startOffset, excerpt.endOffset]).toEqual([start, end]);
    expect(excerpt.locator).toBe('p. 3, para 2');
    // Editing its other fields keeps it valid: the joined text is the document's words.
    expect(evidence.updateExcerpt(p, { id: excerpt.id, language: 'kk' }).text).toBe(excerpt.text);
    // A quote that is not the document's words is still refused.
    expect(() => evidence.updateExcerpt(p, { id: excerpt.id, text: 'Қазақстан Республикасы' })).toThrow(/keeps the document’s words/);
    p.close();
  });
});

describe('appendix quotations keep sentences', () => {
  it('joins the line breaks of a quote taken from a page before quotes were joined', async () => {
    const { p, document, page } = await setup();
    const start = page.text.indexOf('Үміткерлер');
    const end = page.text.indexOf('шаһар,') + 'шаһар,'.length;
    const excerpt = evidence.createExcerpt(p, { sourceId: document.sourceId, documentId: document.id, page: 3, startOffset: start, endOffset: end, text: page.text.slice(start, end), textKind: 'quote' });
    // As an earlier version stored it: with the page's line breaks.
    p.db.prepare('UPDATE excerpts SET text = ? WHERE id = ?').run(page.text.slice(start, end), excerpt.id);
    const o = p.overview();
    evidence.linkExcerpt(p, { excerptId: excerpt.id, caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[0]!.id });
    const doc = await buildExportDocument(p, { what: 'appendix', format: 'md', out: path.join(tempDir(), 'appendix.md') });
    const quoted = JSON.stringify(doc).match(/"text":"Үміткерлер[^"]*"/)?.[0];
    expect(quoted).toBe('"text":"Үміткерлер мен байқаушылардың құқықтары заңмен қорғалған. Алматы — ірі шаһар,"');
    p.close();
  });
});
