/**
 * Issue 19 item 2: the PDF as laid out. A sentence selected on the rendered page (pdf.js's text layer) becomes the
 * same excerpt, at the same offsets, as in the text view, at any zoom; a rectangle drawn on a page — or marked with
 * the keyboard alone, or drawn on a scanned page — becomes an area excerpt with its page and corners in PDF points
 * (upper left origin); both are marked on the page. The text view and the page view open at each other's page.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePdfFixture } from '../../scripts/bench/pdf-fixture';
import { expect, test } from './fixtures';
import { DOCUMENTS, EvidencePage } from './pages/evidence-page';
import { REPO_ROOT } from './support/web-app';

const RU_KK = path.join(DOCUMENTS, 'ru-kk.pdf');
// Page 3 of ru-kk.pdf (A5, 420 × 594.96 pt), its second paragraph: one sentence over a line break, in Kazakh.
const SENTENCE = 'Қазақстан Республикасының Орталық сайлау комиссиясы\nсайлаудың қорытынды нәтижелерін жариялады.';
const PAGE_WIDTH_PT = 420;
// Two A5 landscape pages: the first with a text layer, the second only a photographed JPEG (scripts/make-ocr-fixtures.ts).
const SCAN = path.join(REPO_ROOT, 'tests', 'fixtures', 'ocr', 'ru-kk-scan.pdf');
const SCAN_WIDTH_PT = 594.96;

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
    // Many steps (five zoom levels, two scales of marks): more than the default 30 s on a loaded machine.
    test.setTimeout(90_000);
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

    // Zoom: actual size, then Ctrl+= five times to 200%. Page 2 stays where it was in the view at every step.
    const level = page.getByTestId('pdf-zoom-level');
    const scroller = pages.getByRole('document');
    const page2 = pages.getByRole('article', { name: 'Page 2' });
    await pages.getByRole('button', { name: 'Actual size' }).click();
    await expect(level).toHaveText('Zoom 100%');
    await pages.getByLabel('Go to page on the PDF').fill('2');
    await pages.getByLabel('Go to page on the PDF').press('Enter');
    await expect(page2.locator('canvas[data-rendered="true"]')).toBeVisible();
    const topOf = async () => (await page2.boundingBox())!.y - (await scroller.boundingBox())!.y;
    const before = await topOf();
    for (const percent of [110, 125, 150, 175, 200]) {
      await page.keyboard.press('Control+=');
      await expect(level).toHaveText(`Zoom ${percent}%`);
      await expect(page2.locator('canvas[data-scale]')).toHaveAttribute('data-scale', String(percent / 100));
      expect(Math.abs((await topOf()) - before)).toBeLessThan(3);
    }
    await expect(pages.getByRole('button', { name: 'Actual size' })).toHaveAttribute('aria-pressed', 'false');
    // From the middle of a page too: 40% down page 2, zooming out keeps the view 40% down it.
    await scroller.evaluate((el, by) => ((el as unknown as { scrollTop: number }).scrollTop += by), PAGE_WIDTH_PT * 2 * 1.4166 * 0.4);
    const share = async () => {
      const on = (await page2.boundingBox())!;
      return ((await scroller.boundingBox())!.y - on.y) / on.height;
    };
    const middle = await share();
    expect(middle).toBeGreaterThan(0.3);
    for (const percent of [175, 150]) {
      await page.keyboard.press('Control+-');
      await expect(level).toHaveText(`Zoom ${percent}%`);
      await expect(page2.locator('canvas[data-scale]')).toHaveAttribute('data-scale', String(percent / 100));
      expect(Math.abs((await share()) - middle)).toBeLessThan(0.03);
    }
    for (let i = 0; i < 2; i++) await page.keyboard.press('Control+=');
    await expect(level).toHaveText('Zoom 200%');
    // The canvas and the text layer are the page's size at 200% (the layer sizes itself by --scale-factor).
    const canvas2 = (await page2.locator('canvas').boundingBox())!;
    const layer2 = (await page2.locator('[data-page-layer]').boundingBox())!;
    expect(Math.abs(canvas2.width - PAGE_WIDTH_PT * 2)).toBeLessThan(1);
    expect(Math.abs(layer2.width - canvas2.width)).toBeLessThan(1);
    expect(Math.abs(layer2.height - canvas2.height)).toBeLessThan(1);

    // At 200%, select the sentence on page 3, make the excerpt: the same text and offsets as the text view gives.
    await pages.getByLabel('Go to page on the PDF').fill('3');
    await pages.getByLabel('Go to page on the PDF').press('Enter');
    await expect(page3.locator('canvas[data-scale="2"][data-rendered="true"]')).toBeAttached();
    await expect(page3.locator('[data-item]').first()).toBeAttached();
    expect(await page.evaluate(selectOnPage(3, SENTENCE))).toBe('ok');
    await expect(pages.getByRole('status').filter({ hasText: 'selected on page' })).toHaveText(`${SENTENCE.length} characters selected on page 3`);
    await page.keyboard.press('Control+Shift+E');
    await expect(evidence.excerptEditor).toHaveAttribute('data-state', 'draft');
    await expect(evidence.editorField('Original')).toHaveValue(SENTENCE);
    await expect(evidence.editorField('Locator')).toHaveValue('p. 3, para 2');
    // The text view's own excerpt of this sentence starts at character 22 of page 3 (evidence.spec.ts).
    await expect(evidence.excerptEditor).toContainText(`Characters 22–${22 + SENTENCE.length} of page 3`);
    await expect(page3.locator('.ev-pdf-mark.is-draft').first()).toBeVisible();
    await workbench.screenshot('pdf-page-view-zoomed.png');
    // The mark sits on its words at both scales: from 200% to 100% its place on the page halves (Ctrl+−, Ctrl+0).
    const markAt = async () => {
      const mark = (await page3.locator('.ev-pdf-mark.is-draft').first().boundingBox())!;
      const on = (await page3.boundingBox())!;
      return { x: mark.x - on.x, y: mark.y - on.y, width: mark.width };
    };
    const at200 = await markAt();
    await page.keyboard.press('Control+-');
    await expect(level).toHaveText('Zoom 175%');
    await page.keyboard.press('Control+0');
    await expect(level).toHaveText('Zoom 100%');
    await expect(page3.locator('canvas[data-scale="1"][data-rendered="true"]')).toBeAttached();
    await expect.poll(async () => Math.abs((await markAt()).x * 2 - at200.x)).toBeLessThan(3);
    const at100 = await markAt();
    expect(Math.abs(at100.y * 2 - at200.y)).toBeLessThan(3);
    expect(Math.abs(at100.width * 2 - at200.width)).toBeLessThan(4);
    await pages.getByRole('button', { name: 'Fit width' }).click();
    await expect(pages.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'true');
    await pages.getByLabel('Go to page on the PDF').fill('3');
    await pages.getByLabel('Go to page on the PDF').press('Enter');
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

  test('an area marked with the keyboard alone: Ctrl+Shift+A, arrows move, Shift+arrows resize, Enter makes the area excerpt', async ({ workbench, page }) => {
    test.setTimeout(60_000);
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.importDocument(RU_KK);
    await evidence.openImported('ru-kk.pdf');
    await evidence.reader.getByRole('button', { name: 'Show pages' }).click();
    const pages = page.getByTestId('pdf-pages');
    const page3 = pages.getByRole('article', { name: 'Page 3' });
    const goTo = pages.getByLabel('Go to page on the PDF');
    await expect(pages.getByRole('toolbar', { name: 'Pages' })).toContainText('of 3');
    await goTo.focus();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect(page3.locator('canvas[data-rendered="true"]')).toBeVisible();

    // The shortcut is on the button; pressing it starts marking on the page in view, with the focus on the pages.
    const mark = pages.getByRole('button', { name: 'Mark area' });
    await expect(mark).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+A');
    await expect(mark).toHaveAttribute('title', /Ctrl\+Shift\+A/);
    const status = pages.getByRole('status').filter({ hasText: 'Area on page' });
    await page.keyboard.press('Control+Shift+A');
    await expect(pages.getByRole('document')).toBeFocused();
    await expect(pages.getByRole('button', { name: 'Cancel marking' })).toHaveAttribute('aria-pressed', 'true');
    await expect(status).toHaveText('Area on page 3: 36,36 to 236,136 pt');
    await expect(pages.getByText(/arrows move the rectangle/)).toBeVisible();
    await expect(page3.getByTestId('pdf-key-area')).toBeVisible();
    // Escape cancels: nothing drafted.
    await page.keyboard.press('Escape');
    await expect(mark).toHaveAttribute('aria-pressed', 'false');
    await expect(page3.getByTestId('pdf-key-area')).toHaveCount(0);
    await expect(evidence.excerptEditor).toHaveCount(0);

    // Again: up 10 points, 4 points right (Alt: one point at a time), then Shift makes it 350 wide and 54 high.
    await page.keyboard.press('Control+Shift+A');
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowRight');
    for (let i = 0; i < 15; i++) await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowUp');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect(status).toHaveText('Area on page 3: 40,26 to 390,80 pt');
    // Drawn where it says, at the view's scale.
    const drawn = (await page3.getByTestId('pdf-key-area').boundingBox())!;
    const on = (await page3.boundingBox())!;
    const scale = on.width / PAGE_WIDTH_PT;
    expect(Math.abs(drawn.x - on.x - 40 * scale)).toBeLessThan(2);
    expect(Math.abs(drawn.width - 350 * scale)).toBeLessThan(2);
    await workbench.screenshot('pdf-page-view-keyboard-area.png');
    // The page view while marking, zoom controls and all: no serious or critical WCAG 2.2 AA finding (axe-core).
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="pdf-pages"]')
      .options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(evidence.excerptEditor).toHaveAttribute('data-state', 'draft');
    await expect(evidence.excerptEditor.getByTestId('draft-place')).toContainText('Area of page 3: 40,26 to 390,80 pt from the upper left corner');
    await expect(evidence.editorField('Original')).toHaveValue('Қазақстандағы сайлау');
    await evidence.saveExcerpt();
    await expect(evidence.excerptEditor.getByTestId('excerpt-region')).toContainText('Area of page 3: 40,26 to 390,80 pt');
    await expect(page3.locator('.ev-pdf-mark.is-region.is-excerpt')).toBeVisible();
    await expect(mark).toHaveAttribute('aria-pressed', 'false');
  });

  test('the text view opens at the page the page view showed, and the page view at the text’s page', async ({ workbench, page }) => {
    test.setTimeout(120_000);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-follow-'));
    try {
      // Eight A4 pages of Russian, Kazakh and English text (the import benchmark's fixture, printed by Chromium).
      const file = await ensurePdfFixture(cache, 8, 7, () => undefined);
      const evidence = new EvidencePage(workbench);
      await workbench.open();
      await evidence.openSources();
      await evidence.importDocument(file);
      await evidence.openImported(path.basename(file));
      const textPage = (n: number) => evidence.readerText.getByRole('article', { name: `Page ${n}` });

      // Text at page 6 → pages at page 6.
      await evidence.reader.getByLabel('Go to page').fill('6');
      await evidence.reader.getByLabel('Go to page').press('Enter');
      await expect(textPage(6)).toBeInViewport();
      await evidence.reader.getByRole('button', { name: 'Show pages' }).click();
      const pages = page.getByTestId('pdf-pages');
      await expect(pages.getByRole('article', { name: 'Page 6' }).locator('canvas[data-rendered="true"]')).toBeInViewport();
      await expect(pages.getByRole('article', { name: 'Page 2' })).not.toBeInViewport();
      // Zoomed in, still virtualised: page 6 in view, only the pages near it drawn.
      await page.keyboard.press('Control+=');
      await page.keyboard.press('Control+=');
      await expect(pages.getByRole('article', { name: 'Page 6' }).locator('canvas[data-rendered="true"]')).toBeInViewport();
      expect(await pages.getByRole('article').count()).toBeLessThanOrEqual(3);

      // Pages at page 3 → text at page 3, its top in view.
      await pages.getByLabel('Go to page on the PDF').fill('3');
      await pages.getByLabel('Go to page on the PDF').press('Enter');
      await expect(pages.getByRole('article', { name: 'Page 3' }).locator('canvas[data-rendered="true"]')).toBeInViewport();
      await evidence.reader.getByRole('button', { name: 'Show text' }).click();
      await expect(evidence.reader).toHaveAttribute('data-view', 'text');
      await expect(textPage(3).locator('.ev-page-number')).toBeInViewport();
      await expect(textPage(6)).not.toBeInViewport();
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  test('an area drawn on a scanned page is an area excerpt; the page’s recognised text is found by search', async ({ workbench, page }) => {
    test.setTimeout(150_000);
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.sources.getByRole('button', { name: 'Import documents…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByLabel('Files (one path per line)').fill(SCAN);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(evidence.importItem('ru-kk-scan.pdf')).toContainText('Imported', { timeout: 120_000 });

    // The scanned page's text is searchable: a Kazakh word found on page 2, machine-read.
    await evidence.search('сайлау');
    const hit = evidence.hits().filter({ hasText: 'Page 2' }).first();
    await expect(hit.locator('mark').first()).toHaveText(/сайлау/i);
    await hit.click();
    await expect(evidence.reader).toBeVisible();
    await expect(evidence.targetMark()).toHaveText(/сайлау/i);
    await expect(evidence.pageText(2)).toContainText('Бақылаушылар');

    // The page as scanned: its image, no text layer to select; an area drawn on it is a region excerpt.
    await evidence.reader.getByRole('button', { name: 'Show pages' }).click();
    const pages = page.getByTestId('pdf-pages');
    const page2 = pages.getByRole('article', { name: 'Page 2' });
    await expect(page2.locator('canvas[data-rendered="true"]')).toBeVisible();
    await expect(page2.locator('[data-item]')).toHaveCount(0);
    await pages.getByRole('button', { name: 'Mark area' }).click();
    await page2.scrollIntoViewIfNeeded();
    const draw = page.getByTestId('pdf-draw-2');
    const box = (await draw.boundingBox())!;
    const scale = box.width / SCAN_WIDTH_PT;
    await page.mouse.move(box.x + 40 * scale, box.y + 30 * scale);
    await page.mouse.down();
    await page.mouse.move(box.x + 300 * scale, box.y + 90 * scale, { steps: 4 });
    await page.mouse.move(box.x + 560 * scale, box.y + 150 * scale, { steps: 4 });
    await page.mouse.up();
    await expect(evidence.excerptEditor).toHaveAttribute('data-state', 'draft');
    await expect(evidence.excerptEditor.getByTestId('draft-place')).toContainText('Area of page 2: 40,30 to 560,150 pt from the upper left corner');
    // The recognised text does not follow the image's layout: the researcher types what the area shows.
    await evidence.editorField('Original').fill('Центральная избирательная комиссия объявила итоги выборов.');
    await evidence.saveExcerpt();
    await expect(evidence.excerptEditor.getByTestId('excerpt-region')).toContainText('Area of page 2: 40,30 to 560,150 pt');
    await expect(page2.locator('.ev-pdf-mark.is-region.is-excerpt')).toBeVisible();
    await expect(evidence.readerExcerpts).toContainText('p. 2, area');
    await workbench.screenshot('pdf-page-view-scanned-area.png');
  });

  test('in Russian: the reader, the zoom and the keyboard’s area speak Russian, numbers as Russian writes them', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.importDocument(RU_KK);
    await evidence.openImported('ru-kk.pdf');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect(evidence.reader).toContainText('3 страницы');
    await expect(evidence.readerText.getByRole('article', { name: 'Страница 1' })).toContainText('Страница 1 из 3');
    await evidence.reader.getByRole('button', { name: 'Страницы' }).click();
    const pages = page.getByTestId('pdf-pages');
    // The page field is ui.tsx's PageJump, not yet in the catalogue: wait for the page count through the pages drawn.
    await expect(pages.getByRole('article', { name: 'Страница 1' }).locator('canvas[data-rendered="true"]')).toBeVisible();
    await expect(pages.getByRole('toolbar', { name: 'Страницы' })).toContainText('Выделите текст на странице или отметьте область');
    await pages.getByRole('button', { name: 'Реальный размер' }).click();
    await page.keyboard.press('Control+=');
    await expect(page.getByTestId('pdf-zoom-level')).toHaveText('Масштаб 110 %');
    await pages.getByLabel('Перейти к странице PDF').fill('3');
    await pages.getByLabel('Перейти к странице PDF').press('Enter');
    await expect(pages.getByRole('article', { name: 'Страница 3' }).locator('canvas[data-rendered="true"]')).toBeVisible();
    await page.keyboard.press('Control+Shift+A');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect(pages.getByRole('status').filter({ hasText: 'Область' })).toHaveText('Область на стр. 3: (36; 36) – (237; 136) пт');
    await expect(pages.getByText(/стрелки двигают прямоугольник/)).toBeVisible();
    await workbench.screenshot('pdf-page-view-ru.png');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('');
  });
});
