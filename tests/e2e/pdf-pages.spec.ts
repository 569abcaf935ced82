/**
 * Issue 19 item 2: the PDF as laid out. A sentence selected on the rendered page (pdf.js's text layer) becomes the
 * same excerpt, at the same offsets, as in the text view; a rectangle drawn on a page becomes an area excerpt with
 * its page and corners in PDF points (upper left origin); both are marked on the page.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { DOCUMENTS, EvidencePage } from './pages/evidence-page';

const RU_KK = path.join(DOCUMENTS, 'ru-kk.pdf');
// Page 3 of ru-kk.pdf (A5, 420 × 594.96 pt), its second paragraph: one sentence over a line break, in Kazakh.
const SENTENCE = 'Қазақстан Республикасының Орталық сайлау комиссиясы\nсайлаудың қорытынды нәтижелерін жариялады.';
const PAGE_WIDTH_PT = 420;

/**
 * Selects `text` in the text layer of page `n` as a person would by dragging: from the first letter's place in
 * pdf.js's spans to the last letter's (spans hold pieces of words and lines; white space is not compared).
 */
function selectOnPage(n: number, text: string): string {
  return `(() => {
    const layer = document.querySelector('[data-page-layer="${n}"]');
    const spans = Array.from(layer.querySelectorAll('[data-item]'));
    const places = [];
    let flat = '';
    for (const span of spans) {
      const node = span.firstChild;
      if (!node) continue;
      for (let k = 0; k < node.data.length; k++) {
        if (/\\s/.test(node.data[k])) continue;
        flat += node.data[k];
        places.push([node, k]);
      }
    }
    const needle = ${JSON.stringify(text)}.replace(/\\s+/g, '');
    const at = flat.indexOf(needle);
    if (at < 0) return 'not found in ' + flat.slice(0, 200);
    const range = document.createRange();
    range.setStart(places[at][0], places[at][1]);
    const last = places[at + needle.length - 1];
    range.setEnd(last[0], last[1] + 1);
    document.getSelection().removeAllRanges();
    document.getSelection().addRange(range);
    return 'ok';
  })()`;
}

test.describe('the PDF as laid out', () => {
  test('a sentence selected on the rendered page is the text view’s excerpt; an area drawn on a page is an area excerpt with page and coordinates', async ({ workbench, page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.importDocument(RU_KK);
    await evidence.openImported('ru-kk.pdf');
    await evidence.reader.getByRole('button', { name: 'Show pages' }).click();
    const pages = page.getByTestId('pdf-pages');
    const page3 = pages.getByRole('article', { name: 'Page 3' });
    await expect(pages.getByRole('toolbar', { name: 'Pages' })).toContainText('of 3');
    await pages.getByLabel('Go to page on the PDF').fill('3');
    await pages.getByLabel('Go to page on the PDF').press('Enter');
    await expect(page3.locator('canvas[data-rendered="true"]')).toBeVisible();
    await expect(page3.locator('[data-item]').first()).toBeAttached();

    // Select the sentence on the page, make the excerpt: the same text and offsets as the text view gives.
    expect(await page.evaluate(selectOnPage(3, SENTENCE))).toBe('ok');
    await expect(pages.getByRole('status')).toHaveText(`${SENTENCE.length} characters selected on page 3`);
    await page.keyboard.press('Control+Shift+E');
    await expect(evidence.excerptEditor).toHaveAttribute('data-state', 'draft');
    await expect(evidence.editorField('Original')).toHaveValue(SENTENCE);
    await expect(evidence.editorField('Locator')).toHaveValue('p. 3, para 2');
    // The text view's own excerpt of this sentence starts at character 22 of page 3 (evidence.spec.ts).
    await expect(evidence.excerptEditor).toContainText(`Characters 22–${22 + SENTENCE.length} of page 3`);
    await expect(page3.locator('.ev-pdf-mark.is-draft').first()).toBeVisible();
    await evidence.saveExcerpt();
    await expect(page3.locator('.ev-pdf-mark.is-excerpt').first()).toBeVisible();
    await expect(evidence.readerExcerpts.getByRole('listitem')).toHaveCount(1);

    // Draw an area on page 3 around the heading: the draft names its page and corners in points.
    await pages.getByRole('button', { name: 'Mark area' }).click();
    const draw = page.getByTestId('pdf-draw-3');
    const box = (await draw.boundingBox())!;
    const scale = box.width / PAGE_WIDTH_PT;
    const from = { x: 40 * scale, y: 30 * scale };
    const to = { x: 380 * scale, y: 80 * scale };
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    await page.mouse.move(box.x + (from.x + to.x) / 2, box.y + (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(box.x + to.x, box.y + to.y, { steps: 4 });
    await page.mouse.up();
    await expect(evidence.excerptEditor).toHaveAttribute('data-state', 'draft');
    await expect(evidence.excerptEditor.getByTestId('draft-place')).toContainText('Area of page 3: 40,30 to 380,80 pt from the upper left corner');
    await expect(page3.locator('.ev-pdf-mark.is-region.is-draft')).toBeVisible();
    await workbench.screenshot('pdf-page-view-area-draft.png');
    // The text under the area is the heading, quoted exactly.
    await expect(evidence.editorField('Original')).toHaveValue('Қазақстандағы сайлау');
    await evidence.saveExcerpt();

    await expect(evidence.excerptEditor.getByTestId('excerpt-region')).toContainText('Area of page 3: 40,30 to 380,80 pt');
    await expect(evidence.readerExcerpts.getByRole('listitem')).toHaveCount(2);
    const region = page3.locator('.ev-pdf-mark.is-region.is-excerpt');
    await expect(region).toBeVisible();
    const drawn = (await region.boundingBox())!;
    expect(Math.abs(drawn.x - (box.x + from.x))).toBeLessThan(2);
    expect(Math.abs(drawn.width - (to.x - from.x))).toBeLessThan(3);

    // An area on a page without text (the empty lower half): described in words, a paraphrase.
    await pages.getByRole('button', { name: 'Mark area' }).click();
    await page.mouse.move(box.x + 60 * scale, box.y + 420 * scale);
    await page.mouse.down();
    await page.mouse.move(box.x + 300 * scale, box.y + 540 * scale, { steps: 5 });
    await page.mouse.up();
    await expect(evidence.excerptEditor.getByTestId('draft-place')).toContainText('No text under it');
    await evidence.editorField('Original').fill('An empty stretch of the page: the stamp of the commission is missing.');
    await evidence.saveExcerpt();
    await expect(evidence.readerExcerpts.getByRole('listitem')).toHaveCount(3);
    await expect(evidence.readerExcerpts).toContainText('p. 3, area');
    await workbench.screenshot('pdf-page-view.png');

    // Back in the text view, the page-view excerpt is the same marked sentence.
    await evidence.reader.getByRole('button', { name: 'Show text' }).click();
    await expect(evidence.readerText.locator('mark[data-excerpts]').filter({ hasText: 'Республикасының' })).toHaveText(SENTENCE);
    expect(errors.filter((e) => /Content Security Policy|Refused|Worker/i.test(e))).toEqual([]);
  });
});
