/**
 * Issue 22: the two columns of a long bibliography in a printed PDF. Chromium balances the columns of every page as if
 * it were the last (the layout of a 95-page bibliography grew from 0.4 s to 2.8 s), so a bibliography of more than
 * LONG_BIBLIOGRAPHY entries fills its columns in turn; a shorter one stays balanced. Printed by Chromium and read back
 * with poppler (pdftotext -bbox).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportDocument, playwrightPrinter, renderHtml, type ClosablePdfPrinter, type ExportDocument } from '../../electron/core/export';
import { LONG_BIBLIOGRAPHY } from '../../electron/core/export/html';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

let dir: string;
let sample: Project;
let base: ExportDocument;
let printer: ClosablePdfPrinter;
let printed = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-bibliography-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  sample = Project.open(path.join(dir, 'sample.comparanda'), { readonly: true });
  base = await buildExportDocument(sample, { what: 'matrix', format: 'pdf', out: '' });
  printer = playwrightPrinter();
});

afterAll(async () => {
  await printer?.close();
  sample?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A landscape document of nothing but a bibliography of `count` one-line entries. */
function bibliographyDocument(count: number): ExportDocument {
  const entries = Array.from({ length: count }, (_, i) => [{ text: `Author ${String(i + 1).padStart(4, '0')}, A. “Report on the elections.” Almaty Press, 2001.` }]);
  return { ...base, sections: [{ orientation: 'landscape', blocks: [{ type: 'bibliography', heading: 'Bibliography', entries }] }] };
}

/** The entries ("Author 0042") on the last page of a PDF, in the left and in the right column. */
async function lastPageColumns(doc: ExportDocument): Promise<{ pages: number; left: number; right: number }> {
  const pdf = path.join(dir, `bibliography-${++printed}.pdf`);
  fs.writeFileSync(pdf, await printer.print(renderHtml(doc, { paper: 'a4' }).html, { paper: 'a4', orientation: 'landscape', title: doc.title, author: doc.author, subject: doc.subject }));
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  const bbox = spawnSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-bbox', pdf, '-'], { encoding: 'utf8' });
  expect(bbox.status).toBe(0);
  const width = Number(/<page width="([\d.]+)"/.exec(bbox.stdout)?.[1]);
  const xs = [...bbox.stdout.matchAll(/<word xMin="([\d.]+)"[^>]*>Author<\/word>/g)].map((m) => Number(m[1]));
  return { pages, left: xs.filter((x) => x < width / 2).length, right: xs.filter((x) => x >= width / 2).length };
}

describe('a long bibliography in a printed PDF', () => {
  it('marks a bibliography of more entries than LONG_BIBLIOGRAPHY, for print only', () => {
    const long = renderHtml(bibliographyDocument(LONG_BIBLIOGRAPHY + 1), { paper: 'a4' }).html;
    expect(long).toContain('<section class="bibliography long">');
    expect(long).toMatch(/@media print \{ section\.page-landscape section\.bibliography\.long \.entries \{ column-fill: auto; \} \}/);
    expect(renderHtml(bibliographyDocument(LONG_BIBLIOGRAPHY), { paper: 'a4' }).html).toContain('<section class="bibliography">');
  });

  it('fills the columns of a long bibliography in turn: its last page starts with the left column', async () => {
    const { pages, left, right } = await lastPageColumns(bibliographyDocument(LONG_BIBLIOGRAPHY + 40));
    expect(pages).toBeGreaterThan(3);
    // Balanced, the last page would split its entries between the columns; filled in turn, the left column is full
    // before the right one starts.
    expect(left).toBeGreaterThan(right + 2);
  }, 60_000);

  it('still balances the columns of a short bibliography', async () => {
    const { pages, left, right } = await lastPageColumns(bibliographyDocument(50));
    expect(pages).toBe(1);
    expect(left + right).toBe(50);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
  }, 60_000);
});
