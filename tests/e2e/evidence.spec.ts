/**
 * Issue #4: every cell backed by what the field produced. Documents are imported through the browser's path field,
 * read page by page, excerpted with exact offsets, linked to cells, found again by search, and nothing in an
 * imported document ever runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { BIBLIOGRAPHY, DOCUMENTS, EvidencePage } from './pages/evidence-page';

const RU_KK = path.join(DOCUMENTS, 'ru-kk.pdf');
// Page 3 of ru-kk.pdf, second paragraph: one sentence over a line break, in Kazakh.
const SENTENCE = 'Қазақстан Республикасының Орталық сайлау комиссиясы\nсайлаудың қорытынды нәтижелерін жариялады.';
const TRANSLATION = 'The Central Election Commission of the Republic of Kazakhstan announced the final results of the election.';

test.describe('evidence', () => {
  test('a sentence on page 3 becomes an excerpt, evidence for a Kazakhstan cell, and leads back to its place', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();

    // Import through the path field (the browser has no file dialog), progress in place, then read it.
    await evidence.importDocument(RU_KK);
    await evidence.openImported('ru-kk.pdf');
    await expect(evidence.reader.getByRole('heading', { level: 2 })).toHaveText('Election observation in Kazakhstan (test fixture)');
    await expect(evidence.pageText(1)).toContainText('Election observation in Kazakhstan');
    await expect(evidence.readerText.getByRole('article', { name: 'Page 3' })).toContainText('Page 3 of 3');

    // Select the sentence and make an excerpt with Ctrl+Shift+E: exact text, offsets within page 3, a locator.
    await evidence.selectText(3, SENTENCE);
    await expect(evidence.reader.getByRole('status').filter({ hasText: 'selected on page 3' })).toHaveText(`${SENTENCE.length} characters selected on page 3`);
    await evidence.makeExcerptByKeyboard();
    // The quote as it is stored: the page's line break inside the sentence joined (19.9).
    await expect(evidence.editorField('Original')).toHaveValue(SENTENCE.replace('\n', ' '));
    await expect(evidence.editorField('Original')).toHaveAttribute('readonly', '');
    await expect(evidence.editorField('Locator')).toHaveValue('p. 3, para 2');
    await expect(evidence.excerptEditor.getByLabel('Language of the original')).toHaveValue('kk');
    await expect(evidence.excerptEditor).toContainText('Characters 22–');
    await expect(evidence.readerText.locator('mark.is-draft')).toHaveText(SENTENCE);

    await evidence.editorField('Translation').fill(TRANSLATION);
    await evidence.linkCell(evidence.excerptEditor, 'Kazakhstan', 'Election observation', '2 Acceptance');
    await expect(evidence.linkedCells()).toHaveText([/Kazakhstan · Election observation · 2 Acceptance/]);
    await evidence.saveExcerpt();

    // Saved: marked in the text (not by colour alone: an underline and an outline) and listed beside it.
    const mark = evidence.readerText.locator('mark[data-excerpts]');
    await expect(mark).toHaveText(SENTENCE);
    await expect(mark).toHaveAttribute('data-active', 'true');
    await expect(mark).toHaveCSS('text-decoration-line', 'underline');
    await expect(evidence.readerExcerpts.getByRole('listitem')).toHaveCount(1);
    await expect(evidence.readerExcerpts).toContainText('p. 3, para 2');
    await expect(evidence.linkedCells()).toHaveText([/Kazakhstan · Election observation · 2 Acceptance/]);
    await workbench.screenshot('evidence-reader.png');

    // The excerpt is the cell's evidence, in quotation marks, with its source and locator.
    await evidence.navItem('Matrix').click();
    await workbench.matrixReady();
    await workbench.cell('Kazakhstan', 'Acceptance').click();
    const item = evidence.cellEvidence().filter({ hasText: 'Қазақстан Республикасының' });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('“Қазақстан Республикасының');
    await expect(item).toContainText('Election observation in Kazakhstan (test fixture)');
    await expect(item).toContainText('p. 3, para 2');
    await expect(workbench.editor.evidence.getByRole('heading', { name: /^Evidence \(\d+\)$/ })).toBeVisible();
    await workbench.editor.evidence.evaluate((section) => (section as unknown as { scrollIntoView: (options: object) => void }).scrollIntoView({ block: 'start' }));
    await workbench.screenshot('evidence-cell.png');

    // Clicking it lands on the highlighted text in the reader.
    await item.getByRole('button', { name: /^“Қазақстан Республикасының/ }).click();
    await expect(evidence.reader).toBeVisible();
    await expect(evidence.targetMark()).toHaveText(SENTENCE);
    await expect(evidence.targetMark()).toHaveAttribute('data-active', 'true');
    await expect(evidence.targetMark()).toBeInViewport();
    await expect(evidence.excerptEditor).toHaveAttribute('data-state', 'saved');
    await expect(evidence.editorField('Translation')).toHaveValue(TRANSLATION);
    expect(await page.evaluate(() => String((globalThis as unknown as { getSelection: () => unknown }).getSelection()))).toBe('');
  });

  test('each matrix cell shows how many excerpts back it, and the count follows an unlink', async ({ workbench }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    const overview = await workbench.overview();
    const norm = overview.norms.find((n) => !n.archived)!;
    const stages = new Map(overview.frameworks.flatMap((f) => f.stages.map((st) => [st.id, st.label] as const)));
    const cases = new Map(overview.cases.map((c) => [c.id, c.name] as const));
    const cells = await workbench.apiResult<{ id: string; caseId: string; stageId: string }[]>('cells.list', { normId: norm.id });
    let withEvidence = 0;
    for (const cell of cells) {
      const linked = (await workbench.apiResult<unknown[]>('excerpts.list', { cellId: cell.id })).length;
      const mark = workbench.cell(cases.get(cell.caseId)!, stages.get(cell.stageId)!).getByTestId('cell-evidence');
      if (linked === 0) {
        await expect(mark).toHaveCount(0);
      } else {
        withEvidence++;
        // A number with its word for screen readers, and a tooltip: never a colour alone.
        await expect(mark).toHaveText(`${linked} ${linked === 1 ? 'excerpt' : 'excerpts'}`);
        await expect(mark).toHaveAttribute('title', `${linked} ${linked === 1 ? 'excerpt' : 'excerpts'} linked as evidence`);
      }
    }
    expect(withEvidence).toBeGreaterThan(2);

    // Unlinking one of Kazakhstan's excerpts at Reconstitution lowers its count at once.
    const target = workbench.cell('Kazakhstan', 'Reconstitution');
    const before = Number((await target.getByTestId('cell-evidence').textContent())!.match(/\d+/)![0]);
    await target.click();
    await evidence.cellEvidence().first().getByRole('button', { name: /^Unlink/ }).click();
    await expect(evidence.cellEvidence()).toHaveCount(before - 1);
    await expect(target.getByTestId('cell-evidence')).toHaveText(`${before - 1} ${before - 1 === 1 ? 'excerpt' : 'excerpts'}`);
    await workbench.screenshot('matrix-evidence-counts.png');
  });

  test('search finds Kazakh text whatever its case and opens the page on the word', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.importDocument(RU_KK);

    for (const query of ['қазақстан', 'ҚАЗАҚСТАН']) {
      await evidence.search(query);
      const hit = evidence.hits().filter({ hasText: 'Page 3' });
      await expect(hit).toHaveCount(1);
      await expect(hit.locator('mark')).toHaveText(['Қазақстан']);
      await expect(evidence.searchResults.getByRole('region', { name: 'Election observation in Kazakhstan (test fixture)' })).toBeVisible();

      // Keyboard: Down from the field to the first result, Enter opens it.
      await evidence.searchInput.press('ArrowDown');
      await expect(hit).toBeFocused();
      await hit.press('Enter');
      await expect(evidence.reader).toBeVisible();
      await expect(evidence.targetMark()).toHaveText('Қазақстан');
      await expect(evidence.targetMark()).toHaveAttribute('data-match', 'true');
      await expect(evidence.targetMark()).toBeInViewport();
      await expect(evidence.targetMark().locator('xpath=ancestor::*[@data-page-text]')).toHaveAttribute('data-page-text', '3');
    }

    // Results from everywhere, grouped by source, matched words marked.
    await evidence.search('observers');
    await expect(evidence.hits().filter({ hasText: 'Page 1' })).toHaveCount(1);
    await expect(evidence.hits().first().locator('mark').first()).toHaveText(/observers/i);
    await expect(evidence.searchResults.getByRole('region', { name: 'Matrix, memos and records' })).toBeVisible();
    await page.mouse.move(0, 0);
    await workbench.screenshot('evidence-search.png');
  });

  test('search finds claims, missions, sources and codes too, as plain text, and opens a claim in the register (19.8)', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    // The sample's claims, by a word of their statements; with their claimant; no Markdown marks.
    await evidence.search('standard*');
    const claim = evidence.hits().filter({ has: page.locator('.ev-hit-where', { hasText: /^Claim · / }) }).first();
    await expect(claim).toBeVisible();
    await expect(claim.locator('mark').first()).toHaveText(/^standard/i);
    await expect(claim).not.toContainText('**');
    await page.mouse.move(0, 0);
    await workbench.screenshot('search-records.png');
    await claim.click();
    await expect(page.getByRole('main', { name: 'Claims' })).toBeVisible();
  });

  test('a memo found by search opens where it is written: on a norm, on a cell', async ({ workbench }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    const overview = await workbench.overview();
    const second = overview.norms.filter((n) => !n.archived)[1]!;
    await workbench.apiResult('memos.create', { targetType: 'norm', targetId: second.id, text: 'Quillwort: the norm was narrowed after 2007.' });
    const belarus = overview.cases.find((c) => c.name === 'Belarus')!;
    const cell = (await workbench.apiResult<{ id: string; caseId: string; normId: string; stageId: string }[]>('cells.list', {})).find(
      (c) => c.caseId === belarus.id && c.normId === overview.norms[0]!.id,
    )!;
    await workbench.apiResult('memos.create', { targetType: 'cell', targetId: cell.id, text: 'Quillwort again: compare with the 2015 mission.' });

    // The norm's memo: the matrix of that norm, the norm selected, the memo in its editor.
    await evidence.search('quillwort narrowed');
    await evidence.hits().filter({ hasText: 'narrowed' }).click();
    await expect(workbench.matrixNorm).toHaveText(second.label);
    await expect(workbench.details).toContainText('Quillwort: the norm was narrowed after 2007.');

    // The cell's memo: the cell selected and focused in the matrix.
    await evidence.search('quillwort mission');
    await evidence.hits().filter({ hasText: 'mission' }).click();
    await expect(workbench.focusedCell()).toHaveAttribute('data-case', 'Belarus');
    await expect(workbench.focusedCell()).toHaveAttribute('aria-selected', 'true');
  });

  test('a 300-page document renders only the pages in view, and search opens page 277 on its words', async ({ workbench, app }) => {
    // A plain-text file is split into pages at form feeds: 300 pages of fieldwork notes.
    const file = path.join(app.workDir, 'notes-300.txt');
    const pages = Array.from({ length: 300 }, (_, i) => `Notes, page ${i + 1}\n\n${'Observers were asked to stand far from the ballot boxes. '.repeat(6)}\n\nНаблюдатели отметили вбросы.`);
    fs.writeFileSync(file, pages.join('\f'), 'utf8');

    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.importDocument(file);
    await evidence.openImported('notes-300.txt');
    await expect(evidence.reader).toContainText('300 pages');
    await expect(evidence.pageText(1)).toBeVisible();
    expect(await evidence.readerText.getByRole('article').count()).toBeLessThan(8);

    await evidence.reader.getByLabel('Go to page').fill('250');
    await evidence.reader.getByLabel('Go to page').press('Enter');
    await expect(evidence.pageText(250)).toBeInViewport();
    expect(await evidence.readerText.getByRole('article').count()).toBeLessThan(10);

    // A phrase: every word of it is marked, on the right page.
    await evidence.search('"Notes, page 277"');
    await evidence.hits().first().click();
    await expect(evidence.targetMark()).toHaveText('Notes, page 277');
    await expect(evidence.targetMark()).toBeInViewport();
    await expect(evidence.targetMark().locator('xpath=ancestor::*[@data-page-text]')).toHaveAttribute('data-page-text', '277');
  });

  test('an imported HTML clipping is plain text: its scripts and handlers never run', async ({ workbench, page }) => {
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));

    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await evidence.openSources();
    await evidence.importDocument(path.join(DOCUMENTS, 'clipping.html'));
    await evidence.openImported('clipping.html');

    await expect(evidence.pageText(1)).toContainText('The election commission admitted observers to the count in Almaty.');
    await expect(evidence.pageText(1)).toContainText('Председатель комиссии заявил о «двойных стандартах» наблюдателей.');
    await expect(evidence.pageText(1)).toContainText('Қазақстан сайлауы');
    await expect(evidence.pageText(1)).not.toContainText('SCRIPT-MARKER');
    // Nothing of the page became markup: no script, frame, image or link inside the reader.
    await expect(evidence.readerText.locator('script, iframe, img, a, style, noscript')).toHaveCount(0);
    await evidence.pageText(1).getByText('the full statement', { exact: false }).click();

    // The fixture's script would set window.stolen and every handler would alert.
    expect(await page.evaluate(() => typeof (globalThis as { stolen?: unknown }).stolen)).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a second import of the same bibliography marks every entry as a duplicate and leaves it out', async ({ workbench }) => {
    const evidence = new EvidencePage(workbench);
    const file = path.join(BIBLIOGRAPHY, 'zotero.bib');
    await workbench.open();
    await evidence.openSources();
    const before = (await workbench.overview()).project.counts.sources;

    // First import: four new entries (Cyrillic and Kazakh included), all ticked.
    let rows = await evidence.previewBibliography(file);
    await expect(rows).toHaveCount(4);
    await expect(rows.filter({ hasText: 'О выборах в Республике Казахстан' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Иванов & Қасымов' })).toHaveCount(1);
    await expect(rows.locator('[data-duplicate="true"]')).toHaveCount(0);
    await expect(rows.getByRole('checkbox', { checked: true })).toHaveCount(4);
    const dialog = evidence.bibliographyDialog();
    await dialog.getByRole('button', { name: 'Import 4 sources' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Imported 4 sources.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(evidence.sources).toContainText(`${before + 4} sources`);

    // Second import: every entry is a duplicate, unticked, and named after the source it duplicates.
    rows = await evidence.previewBibliography(file);
    await expect(rows).toHaveCount(4);
    await expect(rows.and(evidence.page.locator('[data-duplicate="true"]'))).toHaveCount(4);
    await expect(rows.getByRole('checkbox', { checked: false })).toHaveCount(4);
    await expect(rows.filter({ hasText: 'Выборы в Казахстане и международные наблюдатели' })).toContainText('Duplicate of “Выборы в Казахстане и международные наблюдатели”');
    await expect(dialog).toContainText('4 duplicates of sources already in the project');
    await expect(dialog.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    // The imported record, in the table and the details pane.
    await evidence.filterSources('Казахстан');
    await evidence.sourceRow('Выборы в Казахстане и международные наблюдатели').click();
    await expect(evidence.sourceDetails.getByLabel('Authors')).toHaveValue(/Иванов/);
    await evidence.filterSources('');
    await expect(evidence.sourceRow('Выборы в Казахстане и международные наблюдатели')).toHaveAttribute('aria-selected', 'true');
    await workbench.screenshot('evidence-sources.png');
  });

  test('a recorded real name shows only after Reveal: never in the list, never in search', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    const realName = 'Aigerim Nurpeisova';
    await workbench.open();
    await evidence.navItem('Participants').click();

    await evidence.participantRow('CEC member 1').click();
    await evidence.participantDetails.getByRole('button', { name: 'Record real name…' }).click();
    const record = page.getByRole('dialog', { name: 'Real name of CEC member 1' });
    await record.getByLabel('Real name').fill(realName);
    await record.getByLabel('Contact (optional)').fill('+7 700 000 00 00');
    await record.getByRole('button', { name: 'Record' }).click();
    await expect(record).toBeHidden();

    await expect(evidence.participantRow('CEC member 1')).toContainText('Recorded');
    await expect(evidence.participantDetails).toContainText('A real name is recorded');
    await expect(page.getByText(realName)).toHaveCount(0);
    await expect(evidence.participants).not.toContainText('Nurpeisova');

    // Search knows nothing of it.
    await evidence.search('Nurpeisova');
    await expect(evidence.searchStatus).toHaveText('Nothing found for “Nurpeisova”.');
    await expect(evidence.hits()).toHaveCount(0);

    // Only Reveal shows it, and only until the panel closes.
    await evidence.navItem('Participants').click();
    await evidence.participantRow('CEC member 1').click();
    await expect(evidence.participantDetails).not.toContainText(realName);
    await evidence.participantDetails.getByRole('button', { name: 'Reveal' }).click();
    await expect(evidence.participantDetails.getByTestId('revealed-identity')).toContainText(realName);
    await expect(evidence.participants).not.toContainText('Nurpeisova');
    await evidence.participantRow('CEC member 2').click();
    await evidence.participantRow('CEC member 1').click();
    await expect(evidence.participantDetails.getByRole('button', { name: 'Reveal' })).toBeVisible();
    await expect(page.getByText(realName)).toHaveCount(0);
  });
});
