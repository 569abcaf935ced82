/**
 * Issue 17, finding 5: the rough edges a new user met in the workbench, one test each.
 */
import { expect, test } from './fixtures';
import { RecordPage } from './pages/record-page';

test.describe('rough edges', () => {
  test('the details pane follows the page: no cell editor left on Frameworks, the clicked case on every page', async ({ workbench }) => {
    await workbench.open();
    await workbench.cell('Kazakhstan', 'Diffusion').click();
    await expect(workbench.editor.root).toBeVisible();

    // Frameworks has no cells: the editor of the cell selected on the matrix does not stay beside it.
    await workbench.viewItem('Frameworks').click();
    await expect(workbench.editor.root).toHaveCount(0);
    await expect(workbench.details).not.toContainText('Select a cell in the matrix');

    const caseEditor = workbench.details.getByTestId('case-editor');
    const record = new RecordPage(workbench);
    for (const page of ['Frameworks', 'Sources', 'Search', 'Participants', 'Codebook', 'Claims', 'Observation', 'Regional context', 'Indicators', 'Verification'] as const) {
      await workbench.viewItem(page).click();
      await workbench.caseItem('Belarus').click();
      await expect(caseEditor, `the case profile on ${page}`).toBeVisible();
      await expect(caseEditor.getByRole('heading', { level: 2 })).toHaveText('Belarus');
      await expect(workbench.viewItem(page)).toHaveAttribute('aria-current', 'page');
    }

    // Choosing something on the page brings that page's own details back.
    await record.go('Claims');
    await workbench.caseItem('Kazakhstan').click();
    await expect(caseEditor.getByRole('heading', { level: 2 })).toHaveText(/^Kazakhstan/);
    await record.register.getByRole('row').nth(1).click();
    await expect(caseEditor).toHaveCount(0);
    await expect(record.card).toBeVisible();
  });
});
