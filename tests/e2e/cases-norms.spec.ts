import type { CaseDto } from '../../electron/contract/api';
import { expect, test } from './fixtures';
import { dragByKeyboard } from './pages/workbench-page';

test.describe('cases and norms', () => {
  test('one focal case: making Belarus focal demotes Kazakhstan and pins Belarus first', async ({ workbench }) => {
    await workbench.open();
    await workbench.caseItem('Belarus').click();
    const editor = workbench.details.getByTestId('case-editor');
    await expect(editor.getByRole('heading', { level: 2 })).toHaveText('Belarus');
    await expect(editor).toContainText('making Belarus focal makes Kazakhstan a comparison case');
    await editor.getByRole('radio', { name: 'Focal case' }).check();
    await expect(workbench.caseHeaders()).toHaveText([/^Belarus\s*focal/, /^Kazakhstan/]);
    await expect(workbench.caseHeaders().nth(1)).not.toContainText('focal');
    await expect(workbench.caseItem('Belarus')).toHaveAccessibleName(/^Belarus focal/);
    await workbench.undoButton.click();
    await expect(workbench.caseHeaders()).toHaveText([/^Kazakhstan\s*focal/, /^Belarus/]);
  });

  test('typed attributes: define them, set values with fitting inputs, and they are kept', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.caseItem('Kazakhstan').click();
    const editor = workbench.details.getByTestId('case-editor');
    await editor.getByRole('button', { name: 'Define attributes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case attributes' });
    const define = async (name: string, type: string, choices?: string) => {
      await dialog.getByLabel('Name', { exact: true }).fill(name);
      await dialog.getByLabel('Type').selectOption({ label: type });
      if (choices) await dialog.getByLabel('Choices, separated by commas').fill(choices);
      await dialog.getByRole('button', { name: 'Add attribute' }).click();
      await expect(dialog.getByRole('textbox', { name: `Name of attribute ${name}` })).toBeVisible();
    };
    await define('OSCE participation since', 'Date');
    await define('SCO status', 'Choice', 'member, observer, dialogue partner');
    await define('Seats in parliament', 'Number');
    await define('Hosts ODIHR office', 'Yes / no');
    await define('Regime type', 'Text');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();

    await editor.getByLabel('OSCE participation since').fill('1992-01-30');
    await editor.getByLabel('SCO status').selectOption('member');
    await editor.getByLabel('Seats in parliament').fill('98');
    await editor.getByRole('radiogroup', { name: 'Hosts ODIHR office' }).getByRole('radio', { name: 'Yes' }).click();
    await editor.getByLabel('Regime type').fill('electoral authoritarian');
    await editor.getByLabel('Seats in parliament').fill('9x');
    await expect(editor).toContainText('Seats in parliament takes a number.');
    await editor.getByLabel('Seats in parliament').fill('98');
    await workbench.saved();

    await workbench.reload();
    await workbench.caseItem('Kazakhstan').click();
    await expect(editor.getByLabel('OSCE participation since')).toHaveValue('1992-01-30');
    await expect(editor.getByLabel('SCO status')).toHaveValue('member');
    await expect(editor.getByLabel('Seats in parliament')).toHaveValue('98');
    await expect(editor.getByRole('radiogroup', { name: 'Hosts ODIHR office' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
    await expect(editor.getByLabel('Regime type')).toHaveValue('electoral authoritarian');
    const kaz = (await workbench.overview()).cases.find((c: CaseDto) => c.name === 'Kazakhstan')!;
    expect(Object.values(kaz.attributes).sort((a, b) => String(a).localeCompare(String(b)))).toEqual(
      [98, '1992-01-30', 'electoral authoritarian', 'member', true].sort((a, b) => String(a).localeCompare(String(b))),
    );
  });

  test('reorder cases and norms in the sidebar with the keyboard; archive and restore', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.addCase('Russia', 'RUS');
    await expect(workbench.caseItems()).toHaveText([/^Kazakhstan/, /^Belarus/, /^Russia/]);

    // The handle is one Right arrow away from the item; Space, Up, Space moves Russia above Belarus.
    await workbench.caseItem('Russia').focus();
    await page.keyboard.press('ArrowRight');
    await expect(workbench.sidebarHandle('Russia')).toBeFocused();
    await dragByKeyboard(page, workbench.sidebarHandle('Russia'), 'Russia', -1);
    await expect(workbench.caseItems()).toHaveText([/^Kazakhstan/, /^Russia/, /^Belarus/]);
    await expect(workbench.caseHeaders()).toHaveText([/^Kazakhstan/, /^Russia/, /^Belarus/]);
    const order = (await workbench.overview()).cases.filter((c) => !c.archived).map((c) => c.name);
    expect(order).toEqual(['Kazakhstan', 'Russia', 'Belarus']);

    await dragByKeyboard(page, workbench.sidebarHandle('Free and fair voting'), 'Free and fair voting', -1);
    await expect(workbench.normItems()).toHaveText([/^Free and fair voting/, 'International election observation']);

    // Archive Russia: out of the sidebar's live list and the matrix; restore it from "Archived".
    await workbench.caseItem('Russia').click();
    const editor = workbench.details.getByTestId('case-editor');
    await editor.getByRole('button', { name: 'Archive case' }).click();
    await expect(workbench.caseItems()).toHaveText([/^Kazakhstan/, /^Belarus/]);
    await expect(workbench.caseHeaders()).toHaveCount(2);
    await workbench.nav.getByRole('button', { name: 'Archived (1)' }).click();
    await workbench.nav.getByTestId('archived-list').getByRole('button', { name: /^Russia/ }).click();
    await workbench.details.getByRole('button', { name: 'Restore case' }).click();
    await expect(workbench.caseHeaders()).toHaveCount(3);
  });

  test('a new norm: added, edited, archived and restored', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.nav.getByRole('button', { name: 'Add norm' }).click();
    const add = page.getByRole('dialog', { name: 'Add norm' });
    await add.getByLabel('Label', { exact: true }).fill('Independent election administration');
    await add.getByLabel('Short label').fill('Election administration');
    await add.getByRole('button', { name: 'Add norm' }).click();
    await expect(workbench.matrixNorm).toHaveText('Independent election administration');
    await expect(workbench.cells().filter({ hasText: 'No data' })).toHaveCount(8);

    const editor = workbench.details.getByTestId('norm-editor');
    await editor.getByLabel('Instrument').fill('Copenhagen Document (1990)');
    await editor.getByLabel('Paragraph').fill('para 7.7');
    await editor.getByLabel('1. Diffusion').fill('ODIHR recommends independent commissions.');
    await workbench.saved();
    await expect(page.locator('.matrix-source')).toContainText('Copenhagen Document (1990) · para 7.7');
    await workbench.page.getByRole('rowheader', { name: /Diffusion/ }).hover();
    await expect(workbench.page.getByRole('rowheader', { name: /Diffusion/ })).toHaveAttribute('title', 'ODIHR recommends independent commissions.');

    await editor.getByRole('button', { name: 'Archive norm' }).click();
    await expect(workbench.normItems()).toHaveCount(2);
    await expect(workbench.matrixNorm).not.toHaveText('Independent election administration');
    await workbench.nav.getByRole('button', { name: 'Archived (1)' }).click();
    await workbench.nav.getByTestId('archived-list').getByRole('button', { name: 'Independent election administration' }).click();
    await workbench.details.getByRole('button', { name: 'Restore norm' }).click();
    await expect(workbench.normItems()).toHaveCount(3);
  });
});
