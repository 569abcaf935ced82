/**
 * The page view's text layer names the stored page text exactly: every character pdf.js draws on a page is mapped
 * to the one the reader shows at that offset, for real PDFs (Russian, Kazakh and English; Chromium-printed with
 * justified text and font subsets), so a selection on the rendered page becomes the same excerpt as in the text view.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfItemsToText } from '../../electron/core/documents/extract';
import { aligned, itemRanges, mapItemsToPageText, pageOffsetAt } from '../../renderer/src/evidence/PdfPageView.text';
import { ensurePdfFixture } from '../../scripts/bench/pdf-fixture';

type PdfJs = typeof PdfJsModule;
interface Item {
  str: string;
}

const root = path.resolve(__dirname, '../..');
let pdfjs: PdfJs;
let printed: string;
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-text-map-'));

beforeAll(async () => {
  const worker = path.join(root, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(pathToFileURL(worker).href);
  pdfjs = (await import(pathToFileURL(path.join(root, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs')).href)) as PdfJs;
  printed = await ensurePdfFixture(cache, 8, 7, () => undefined);
}, 120_000);

afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

/** Each page's items as pdf.js gives them (the str of each text item, in order: the text layer's spans). */
async function pagesOf(file: string): Promise<Item[][]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: Item[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.filter((i): i is (typeof content.items)[number] & Item => 'str' in i));
  }
  await doc.destroy();
  return pages;
}

describe('mapItemsToPageText', () => {
  for (const fixture of ['ru-kk.pdf', 'printed']) {
    it(`maps every drawn character of ${fixture} to the same character of the stored text`, async () => {
      const file = fixture === 'printed' ? printed : path.join(root, 'tests/fixtures/documents', fixture);
      const pages = await pagesOf(file);
      expect(pages.length).toBeGreaterThan(2);
      let mapped = 0;
      for (const items of pages) {
        const stored = pdfItemsToText(items as unknown as Parameters<typeof pdfItemsToText>[0]);
        const map = mapItemsToPageText(
          items.map((i) => i.str),
          stored,
        );
        expect({ unmatched: map.unmatched, missing: map.missing }).toEqual({ unmatched: 0, missing: 0 });
        expect(aligned(map)).toBe(true);
        items.forEach((item, i) => {
          for (let k = 0; k < item.str.length; k++) {
            const at = map.positions[i]![k]!;
            if (at < 0) {
              expect(item.str[k]).toMatch(/\s/u);
              continue;
            }
            mapped++;
            expect(stored[at]!.normalize('NFD')[0]).toBe(item.str[k]!.normalize('NFD')[0]);
          }
        });
        // A selection from the start of one item to the end of a later one names exactly their text in the page.
        const withText = items.map((item, i) => ({ item, i })).filter(({ item }) => item.str.trim() !== '');
        const first = withText[1]!;
        const last = withText[withText.length - 2]!;
        const start = pageOffsetAt(map, first.i, 0, 'start');
        const end = pageOffsetAt(map, last.i, last.item.str.length, 'end');
        expect(stored.slice(start, end).startsWith(first.item.str.trim().normalize('NFC'))).toBe(true);
        expect(stored.slice(start, end).endsWith(last.item.str.trim().normalize('NFC'))).toBe(true);
        // And highlighting that range marks exactly those items' characters.
        const ranges = itemRanges(map, start, end);
        expect(ranges[0]!.item).toBe(first.i);
        expect(ranges[ranges.length - 1]!.item).toBe(last.i);
      }
      expect(mapped).toBeGreaterThan(500);
    }, 60_000);
  }

  it('handles inserted spaces, collapsed white space, decomposed letters and text it cannot place', () => {
    // Kazakh "қ" decomposed in the PDF (к + U+0327 is not it, so use й = и + U+0306), an item break that the import
    // turned into a space, and a double space collapsed.
    const items = ['Сайлау', 'и\u0306ы', 'болды.  Иә'];
    const stored = 'Сайлау йы болды. Иә';
    const map = mapItemsToPageText(items, stored);
    expect(aligned(map)).toBe(true);
    expect(pageOffsetAt(map, 1, 0, 'start')).toBe(7);
    expect(pageOffsetAt(map, 1, 3, 'end')).toBe(9);
    expect(stored.slice(pageOffsetAt(map, 2, 0, 'start'), pageOffsetAt(map, 2, 5, 'end'))).toBe('болды');
    // A selection starting in the dropped double space begins at the next word.
    expect(pageOffsetAt(map, 2, 7, 'start')).toBe(17);
    expect(aligned(mapItemsToPageText(['Сайлау', 'OCR'], 'Сайлау болды'))).toBe(false);
  });
});
