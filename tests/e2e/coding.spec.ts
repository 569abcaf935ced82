/**
 * Issue 19, items 1, 5, 6 and 7: an excerpt from a book with no file, made from the cell editor and cited in the
 * export; the code × case view, whose counts open their excerpts (by keyboard) and link them to cells, with
 * auto-coding of a search's hits; the memo overview, filtered and searched, leading to its objects; and the matrix's
 * columns filtered and grouped by case attributes, saved in a view and restored.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CodeDto, CodeMatrixDto, ProjectOverview } from '../../electron/contract/api';
import { expect, test } from './fixtures';
import { EvidencePage } from './pages/evidence-page';
import { ExportDialog } from './pages/export-page';

const QUOTE = 'Observers were treated as guests, never as judges.';

test.describe('coding and memos', () => {
  test('an excerpt from a book with no file, made in the cell editor, is the cell’s evidence and is cited with its page in the export', async ({ workbench, page, app }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    await workbench.cell('Kazakhstan', 'Acceptance').click();
    await workbench.editor.evidence.getByRole('button', { name: 'Add evidence…' }).click();
    await page.getByTestId('add-evidence').getByRole('button', { name: 'Excerpt without a file…' }).click();

    const dialog = page.getByTestId('manual-excerpt');
    await expect(dialog).toContainText('It becomes evidence for');
    await dialog.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'New source…' });
    await dialog.getByRole('textbox', { name: 'Title of the new source' }).fill('Elections on the Steppe');
    await dialog.getByRole('textbox', { name: 'Quotation' }).fill(QUOTE);
    await dialog.getByRole('textbox', { name: 'Locator' }).fill('p. 212');
    await dialog.getByRole('button', { name: 'Add and link' }).click();
    await expect(dialog).toBeHidden();

    const item = evidence.cellEvidence().filter({ hasText: QUOTE });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(`“${QUOTE}”`);
    await expect(item).toContainText('Elections on the Steppe');
    await expect(item).toContainText('p. 212');

    // From the source itself: a paraphrase with a paragraph locator.
    await evidence.openSources();
    await evidence.sourceTable.getByRole('option', { name: /Elections on the Steppe/ }).click();
    const details = page.getByTestId('source-details');
    await details.getByRole('button', { name: 'Add excerpt without a file…' }).click();
    await dialog.getByRole('radio', { name: /^a paraphrase/ }).check();
    await dialog.getByRole('textbox', { name: 'Paraphrase' }).fill('The author finds the commission deferred to the observers in 2005.');
    await dialog.getByRole('textbox', { name: 'Locator' }).fill('ch. 4, para 7');
    await dialog.getByRole('button', { name: 'Add excerpt' }).click();
    await expect(dialog).toBeHidden();
    await expect(details.getByRole('heading', { name: 'Excerpts (2)' })).toBeVisible();
    await expect(details).toContainText('ch. 4, para 7');

    // The evidence appendix cites it like any excerpt: the quotation, its source, its page.
    const exporter = new ExportDialog(page);
    await exporter.openWithShortcut();
    await exporter.chooseKind('Evidence appendix');
    await exporter.chooseFormat('Markdown');
    const out = path.join(app.workDir, 'appendix.md');
    await exporter.setPath(out);
    await exporter.exportButton.click();
    await expect(exporter.result).toBeVisible({ timeout: 30_000 });
    const text = fs.readFileSync(out, 'utf8');
    const line = text.split('\n').find((l) => l.includes(QUOTE));
    expect(line, 'the quotation is in the appendix').toBeDefined();
    expect(text).toMatch(/Elections on the Steppe[^\n]*212/);
  });

  test('a code × case count opens its excerpts from the keyboard; auto-coding a search is one step; an unlinked excerpt is linked to a cell from there', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    const observation = await workbench.apiResult<CodeDto>('codes.create', { name: 'Observation' });
    // Two more codes, coded through the API, so that the grid has rows to move through.
    for (const [name, q] of [['Sovereignty', 'sovereign*'], ['Double standards', 'standard*']] as const) {
      const code = await workbench.apiResult<CodeDto>('codes.create', { name });
      await workbench.apiResult('codes.autoCode', { codeId: code.id, q });
    }
    await evidence.navItem('Code matrix').click();
    const view = page.getByTestId('code-matrix');
    await expect(view.getByRole('heading', { name: 'Codes × cases' })).toBeVisible();

    // Auto-code every excerpt that mentions observers, from the details pane.
    const auto = page.getByTestId('auto-code');
    await auto.getByLabel('Search').fill('observ*');
    await auto.getByLabel('Code').selectOption({ label: 'Observation' });
    await auto.getByRole('button', { name: 'Code all hits' }).click();
    await expect(auto.getByRole('status')).toHaveText('11 excerpts coded as Observation. Undo takes it back.');

    const matrix = await workbench.apiResult<CodeMatrixDto>('codes.matrix', { by: 'case' });
    const row = matrix.rows.find((r) => r.codeId === observation.id)!;
    const kazakhstan = matrix.columns.findIndex((c) => c.label === 'Kazakhstan');
    const grid = view.getByRole('grid');
    const count = (column: string) => grid.getByRole('gridcell', { name: new RegExp(`^Observation × ${column}: `) });
    await expect(count('Kazakhstan')).toHaveText(String(row.counts[kazakhstan]));
    await expect(count('Kazakhstan')).toHaveAccessibleName(`Observation × Kazakhstan: ${row.counts[kazakhstan]} excerpts`);
    await expect(count('linked to no cell')).toHaveText(row.unlinked === 0 ? '·' : String(row.unlinked));

    // Keyboard: the first count takes the focus; Right moves to Belarus and back; Enter lists Kazakhstan's excerpts.
    await grid.getByRole('gridcell').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(count('Belarus')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(count('Kazakhstan')).toBeFocused();
    await page.keyboard.press('Enter');
    const list = page.getByTestId('code-matrix-excerpts');
    await expect(list.getByRole('heading')).toHaveText(`Observation × Kazakhstan: ${row.counts[kazakhstan]} excerpts`);
    await expect(list.locator('li.cm-excerpt')).toHaveCount(row.counts[kazakhstan]!);
    await workbench.screenshot('code-matrix.png');

    // An excerpt coded but linked to no cell is linked from here; the counts follow.
    if (row.unlinked > 0) {
      await count('linked to no cell').click();
      const first = list.locator('li.cm-excerpt').first();
      await first.getByRole('button', { name: 'Link to a cell…' }).click();
      await first.getByLabel('Case').selectOption({ label: 'Belarus' });
      await first.getByRole('button', { name: 'Link', exact: true }).click();
      await expect(count('linked to no cell')).toHaveText(row.unlinked === 1 ? '·' : String(row.unlinked - 1));
    }

    // The auto-coding is one undo step (the linking, if any, another).
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    if (row.unlinked > 0) await undo.click();
    await expect(undo).toHaveAttribute('title', /Undo “Code 11 excerpts as Observation”/);
    await undo.click();
    await expect(count('Kazakhstan')).toHaveText('·');
  });

  test('the memo overview lists every memo, filters by what it is on, searches, and leads to the memo’s object', async ({ workbench, page }) => {
    const evidence = new EvidencePage(workbench);
    await workbench.open();
    const overview = await workbench.apiResult<ProjectOverview>('project.overview', {});
    const kaz = overview.cases.find((c) => c.name === 'Kazakhstan')!;
    const norm = overview.norms[0]!;
    const stage = overview.frameworks.find((f) => f.id === norm.frameworkId)!.stages[1]!;
    const source = (await workbench.apiResult<{ id: string; title: string }[]>('sources.list', {}))[0]!;
    await workbench.apiResult('memos.create', { targetType: 'case', targetId: kaz.id, text: 'Why Kazakhstan is the focal case: the 2010 OSCE chairmanship.' });
    await workbench.apiResult('memos.create', { targetType: 'source', targetId: source.id, text: 'Check the Russian original against this translation.' });
    await workbench.apiResult('cells.update', { caseId: kaz.id, normId: norm.id, stageId: stage.id, patch: { memo: 'Acceptance in law came before acceptance in practice.' } });

    const all = await workbench.apiResult<{ kind: string }[]>('memos.overview', {});
    const onSources = all.filter((m) => m.kind === 'source').length;

    await evidence.navItem('Memos').click();
    const view = page.getByTestId('memo-overview');
    const items = view.getByRole('option');
    await expect(items).toHaveCount(all.length);
    await expect(view).toContainText(`${all.length} memos`);
    await expect(items.first()).toContainText('Acceptance in law came before');
    await expect(items.first()).toContainText(`Kazakhstan · ${norm.shortLabel || norm.label} · ${stage.label}`);
    await workbench.screenshot('memo-overview.png');

    await view.getByRole('radiogroup', { name: 'Memos on' }).getByRole('radio', { name: /^Sources/ }).click();
    await expect(items).toHaveCount(onSources);
    expect(await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-kind')))).toEqual(Array(onSources).fill('source'));
    await expect(items.filter({ hasText: 'Check the Russian original' })).toHaveCount(1);
    await view.getByRole('radiogroup', { name: 'Memos on' }).getByRole('radio', { name: /^All/ }).click();
    await view.getByLabel('Search memos').fill('chairmanship');
    await expect(items).toHaveCount(1);
    await expect(view).toContainText(`1 of ${all.length} memos`);
    await view.getByLabel('Search memos').press('Enter');
    // A memo on a case opens the case in the matrix, with its editor.
    await workbench.matrixReady();
    await expect(page.getByTestId('case-editor').getByRole('heading', { level: 2 })).toContainText('Kazakhstan');

    // A memo on a cell leads to the cell.
    await evidence.navItem('Memos').click();
    await view.getByLabel('Search memos').fill('acceptance practice');
    await items.first().click();
    await workbench.matrixReady();
    await expect(workbench.cell('Kazakhstan', stage.label)).toHaveAttribute('aria-selected', 'true');
  });

  test('columns filtered and grouped by case attributes are saved in a view and restored', async ({ workbench, page }) => {
    await workbench.open();
    const sco = await workbench.apiResult<{ id: string }>('attributes.create', { name: 'SCO member', type: 'boolean' });
    const regime = await workbench.apiResult<{ id: string }>('attributes.create', { name: 'Regime type', type: 'choice', choices: ['closed autocracy', 'electoral autocracy'] });
    const add = async (name: string, isoCode: string) => (await workbench.apiResult<{ id: string }>('cases.create', { name, isoCode })).id;
    const overview = await workbench.overview();
    const ids: Record<string, string> = Object.fromEntries(overview.cases.map((c) => [c.name, c.id]));
    ids.Russia = await add('Russia', 'RUS');
    ids.Moldova = await add('Moldova', 'MDA');
    ids.Kyrgyzstan = await add('Kyrgyzstan', 'KGZ');
    const values: [string, boolean, string][] = [
      ['Kazakhstan', true, 'electoral autocracy'],
      ['Belarus', true, 'closed autocracy'],
      ['Russia', true, 'electoral autocracy'],
      ['Moldova', false, 'electoral autocracy'],
      ['Kyrgyzstan', true, 'closed autocracy'],
    ];
    for (const [name, member, type] of values) {
      await workbench.apiResult('cases.setAttribute', { caseId: ids[name], attributeId: sco.id, value: member });
      await workbench.apiResult('cases.setAttribute', { caseId: ids[name], attributeId: regime.id, value: type });
    }
    await workbench.reload();
    await expect(workbench.caseHeaders()).toHaveCount(5);

    const control = page.getByRole('button', { name: /^Columns by attribute/ });
    await control.click();
    const popover = page.getByTestId('columns-popover');
    await popover.getByRole('group', { name: 'SCO member' }).getByLabel('yes').check();
    await popover.getByLabel('Group columns by').selectOption({ label: 'Regime type' });
    await page.keyboard.press('Escape');
    const names = () => workbench.caseHeaders().evaluateAll((ths) => ths.map((th) => th.getAttribute('data-case')));
    // Focal first; then closed autocracies, then electoral ones, each in column order; Moldova (not a member) hidden.
    expect(await names()).toEqual(['Kazakhstan', 'Belarus', 'Kyrgyzstan', 'Russia']);
    await expect(workbench.caseHeaders().nth(1)).toContainText('Regime type: closed autocracy');
    await expect(workbench.caseHeaders().nth(3)).toContainText('Regime type: electoral autocracy');
    await expect(control).toHaveAccessibleName('Columns by attribute: SCO member: yes · grouped by Regime type');
    await workbench.screenshot('matrix-by-attribute.png');
    await workbench.saveViewAs('SCO members by regime');

    // Back to every column, then the view restores the filter and the grouping, also after a reload.
    await control.click();
    await popover.getByRole('button', { name: 'All columns' }).click();
    await page.keyboard.press('Escape');
    expect(await names()).toEqual(['Kazakhstan', 'Belarus', 'Russia', 'Moldova', 'Kyrgyzstan']);
    await workbench.applyView('SCO members by regime');
    expect(await names()).toEqual(['Kazakhstan', 'Belarus', 'Kyrgyzstan', 'Russia']);
    await workbench.reload();
    expect(await names()).toEqual(['Kazakhstan', 'Belarus', 'Kyrgyzstan', 'Russia']);
    const saved = (await workbench.overview()).views.find((v) => v.name === 'SCO members by regime')!;
    expect(saved.columns).toEqual({ filters: [{ attributeId: sco.id, values: ['true'] }], groupBy: regime.id });

    // Going to a cell of a case the filter leaves out (from its memo) shows it: the filter gives way, the grouping stays.
    const after = await workbench.overview();
    const norm = after.norms[0]!;
    const stage = after.frameworks.find((f) => f.id === norm.frameworkId)!.stages[0]!;
    await workbench.apiResult('cells.update', { caseId: ids.Moldova, normId: norm.id, stageId: stage.id, patch: { memo: 'Moldova left the CIS observers out.' } });
    await new EvidencePage(workbench).navItem('Memos').click();
    await page.getByTestId('memo-overview').getByRole('option').filter({ hasText: 'Moldova left the CIS observers out.' }).click();
    await workbench.matrixReady();
    await expect(workbench.cell('Moldova', stage.label)).toHaveAttribute('aria-selected', 'true');
    expect(await names()).toEqual(['Kazakhstan', 'Belarus', 'Kyrgyzstan', 'Russia', 'Moldova']);
  });
});
