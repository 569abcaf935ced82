/**
 * Issue 17 finding 5: a source's citation key is edited in its details — kept after a reload, undone by Undo —
 * and a key another source already has is refused under the field, saying which source has it and what to do.
 */
import { expect, test } from './fixtures';
import { EvidencePage } from './pages/evidence-page';

test('a citation key is edited, a duplicate is refused under the field, and Undo puts the old key back', async ({ workbench, page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const evidence = new EvidencePage(workbench);
  await workbench.open();
  await evidence.openSources();
  await evidence.filterSources('Untitled manuscript');
  await evidence.sourceRow(/Untitled manuscript on OSCE\/ODIHR/).click();
  const details = evidence.sourceDetails;
  const key = details.getByRole('textbox', { name: 'Citation key' });
  await expect(key).toHaveValue('manuscript');

  await key.fill('isaacs2016');
  await key.blur();
  await expect(workbench.saveState).toHaveText(/Saved/);
  await expect(workbench.undoButton).toBeEnabled();

  // Another source's key, in other letters' case: refused, the typed key kept in the field with the reason under it.
  await key.fill('Eurasianet-2010');
  await key.blur();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  const reason = details.locator('.field-error');
  await expect(reason).toContainText('The citation key "Eurasianet-2010" is already used by “Kazakhstan Takes on OSCE Chairmanship');
  await expect(reason).toContainText('Choose another key');
  await key.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('citation-key-refused-1280x720.png') });
  await expect(key).toHaveValue('Eurasianet-2010');

  // A key BibTeX cannot read.
  await key.fill('isaacs 2016');
  await key.blur();
  await expect(reason).toContainText('contains characters BibTeX cannot read in a key (␣)');

  await key.fill('isaacs2016');
  await key.blur();
  await expect(key).not.toHaveAttribute('aria-invalid', 'true');
  await expect(workbench.saveState).toHaveText(/Saved/);

  await page.reload();
  await workbench.signIn();
  await evidence.openSources();
  await evidence.filterSources('Untitled manuscript');
  await evidence.sourceRow(/Untitled manuscript on OSCE\/ODIHR/).click();
  await expect(key).toHaveValue('isaacs2016');

  await workbench.undoButton.click();
  await expect(key).toHaveValue('manuscript');
});

test('the refusal speaks the interface language', async ({ workbench, page }) => {
  const evidence = new EvidencePage(workbench);
  await workbench.open();
  await evidence.openSources();
  await evidence.filterSources('Untitled manuscript');
  await evidence.sourceRow(/Untitled manuscript on OSCE\/ODIHR/).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  const key = evidence.sourceDetails.getByRole('textbox', { name: 'Ключ цитирования' });
  await key.fill('eurasianet-2010');
  await key.blur();
  await expect(evidence.sourceDetails.locator('.field-error')).toContainText('Ключ цитирования «eurasianet-2010» уже занят источником «Kazakhstan Takes on OSCE Chairmanship');
});
