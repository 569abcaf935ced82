/**
 * Issue 19, items 3, 4 and 9: an excerpt made from the keyboard alone (caret browsing in the reader), kept as
 * sentences; and a Chromium-rendered photo of a Russian and a Kazakh paragraph, read offline on import, found by a
 * Kazakh word and shown as machine-read with its confidence.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { DOCUMENTS, EvidencePage } from './pages/evidence-page';
import { REPO_ROOT } from './support/web-app';

const RU_KK = path.join(DOCUMENTS, 'ru-kk.pdf');
const PHOTO = path.join(REPO_ROOT, 'tests', 'fixtures', 'ocr', 'ru-kk.png');
// Page 3 of ru-kk.pdf, second paragraph: one sentence over a line break, in Kazakh.
const SENTENCE = 'Қазақстан Республикасының Орталық сайлау комиссиясы\nсайлаудың қорытынды нәтижелерін жариялады.';

test.describe('the reader from the keyboard, and scans', () => {
  test('a sentence becomes an excerpt with the keyboard only: caret by sentence and word, Shift extends, Enter makes it', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.importDocument(RU_KK);
    await evidence.openImported('ru-kk.pdf');

    // To page 3 and into its text, by keyboard.
    const goTo = evidence.reader.getByLabel('Go to page');
    await goTo.focus();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect(evidence.readerText.getByRole('article', { name: 'Page 3' })).toBeInViewport();
    for (let i = 0; i < 6 && !(await evidence.readerText.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(evidence.readerText).toBeFocused();

    // The caret starts at the top of the first page in view (all three fit): End, then Right goes on to the next
    // page. On page 3: down a sentence (the heading), a word on and back to the sentence's start, then Shift+Down
    // selects the sentence up to its full stop.
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByTestId('reader-caret')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('Control+ArrowLeft');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(evidence.reader.getByRole('status').filter({ hasText: 'selected on page 3' })).toHaveText(`${SENTENCE.length} characters selected on page 3`);
    // Shift+Ctrl+Left takes the last word back, Shift+Ctrl+Right gives it again.
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await expect(evidence.reader.getByRole('status').filter({ hasText: 'selected on page 3' })).toHaveText(`${SENTENCE.length - ' жариялады.'.length} characters selected on page 3`);
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(evidence.reader.getByRole('status').filter({ hasText: 'selected on page 3' })).toHaveText(`${SENTENCE.length - 1} characters selected on page 3`);
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Escape');
    await expect(evidence.reader.getByRole('status')).toHaveText(/Select a passage/);

    // Again, and this time Enter makes the excerpt: the exact text at its offsets, the locator, then saved.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('Control+ArrowLeft');
    await page.keyboard.press('Shift+ArrowDown');
    await workbench.screenshot('reader-keyboard-selection.png');
    await page.keyboard.press('Enter');
    await expect(evidence.excerptEditor).toHaveAttribute('data-state', 'draft');
    await expect(evidence.editorField('Original')).toHaveValue(SENTENCE.replace('\n', ' '));
    await expect(evidence.editorField('Locator')).toHaveValue('p. 3, para 2');
    await expect(evidence.readerText.locator('mark.is-draft')).toHaveText(SENTENCE);
    await evidence.saveExcerpt();
    // The quotation keeps the sentence: the page's line break is joined (19.9).
    await expect(evidence.readerExcerpts.getByRole('listitem')).toContainText('Қазақстан Республикасының Орталық сайлау комиссиясы сайлаудың');
    await expect(evidence.readerText.locator('mark[data-excerpts]')).toHaveText(SENTENCE);
  });

  test('a photo of a Russian and a Kazakh paragraph is read on import; "сайлау" finds it; the page says it is machine-read', async ({ workbench }) => {
    test.setTimeout(120_000);
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.sources.getByRole('button', { name: 'Import documents…' }).click();
    const dialog = evidence.page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByLabel('Files (one path per line)').fill(PHOTO);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(evidence.importItem('ru-kk.png')).toContainText('Imported', { timeout: 90_000 });

    await evidence.search('сайлау');
    const hit = evidence.hits().filter({ hasText: 'Page 1' }).first();
    await expect(hit.locator('mark').first()).toHaveText(/сайлау/i);
    await hit.click();
    await expect(evidence.reader).toBeVisible();
    await expect(evidence.targetMark()).toHaveText(/сайлау/i);
    const note = evidence.readerText.getByTestId('machine-read');
    await expect(note).toHaveText(/^Machine-read · confidence \d+%/);
    await expect(evidence.reader).toContainText('Text recognised from the photo or scan');
    await expect(evidence.pageText(1)).toContainText('Бақылаушылар көптеген учаскелерде');
    await workbench.screenshot('reader-machine-read.png');
  });
});
