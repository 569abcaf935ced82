import { expect, test } from './fixtures';
import { FrameworksPage } from './pages/frameworks-page';
import { dragByKeyboard } from './pages/workbench-page';

const ARTICLE = /^Micro-politics of norm contestation/;

test.describe('frameworks', () => {
  test('stages: rename, describe, ask for the mode, add, reorder by keyboard; the matrix follows', async ({ workbench, page }) => {
    await workbench.open();
    const frameworks = new FrameworksPage(page);
    await frameworks.open();
    await frameworks.choose(ARTICLE);
    await expect(frameworks.editor.getByLabel('Name', { exact: true })).toHaveValue(/^Micro-politics/);
    await expect(frameworks.editor).toContainText('Election observation · Free and fair voting');
    await workbench.screenshot('frameworks.png');

    // Rename a stage and make another ask for discourse / practice.
    const diffusion = frameworks.stageRow('Diffusion').getByRole('textbox', { name: 'Label of stage 1' });
    await diffusion.fill('Diffusion by the external agent');
    await workbench.saved();
    const contestation = frameworks.stageRow('Moment of contestation');
    await contestation.getByRole('checkbox', { name: 'asks discourse/practice' }).check();
    await expect(contestation.getByRole('checkbox', { name: 'asks discourse/practice' })).toBeChecked();

    // Add a stage, then move it up one place with the keyboard.
    await frameworks.root.getByRole('textbox', { name: 'New stage' }).fill('Norm resilience');
    await frameworks.root.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(() => frameworks.stageValues()).toEqual(['Diffusion by the external agent', 'Acceptance', 'Reconstitution', 'Moment of contestation', 'Norm resilience']);
    await dragByKeyboard(page, frameworks.stages.getByRole('button', { name: 'Move Norm resilience' }), 'Norm resilience', -1);
    await expect.poll(() => frameworks.stageValues()).toEqual(['Diffusion by the external agent', 'Acceptance', 'Reconstitution', 'Norm resilience', 'Moment of contestation']);

    await workbench.viewItem('Matrix').click();
    await workbench.matrixReady();
    await expect(workbench.stageHeaders()).toHaveText([
      '1 Diffusion by the external agent',
      '2 Acceptance',
      '3 Reconstitution',
      '4 Norm resilience',
      '5 Moment of contestation',
    ]);
    await workbench.cell('Belarus', 'Moment of contestation').click();
    await expect(workbench.editor.mode).toBeVisible();
    await workbench.cell('Belarus', 'Acceptance').click();
    await expect(workbench.editor.mode).toHaveCount(0);
  });

  test('status scale: add a status with a palette colour, and removing a status in use is refused', async ({ workbench, page }) => {
    await workbench.open();
    const frameworks = new FrameworksPage(page);
    await frameworks.open();
    await frameworks.choose(ARTICLE);

    await frameworks.editor.getByRole('button', { name: 'Add status' }).click();
    const fresh = frameworks.statuses.getByRole('textbox', { name: 'Label of new status' });
    await fresh.fill('Resisted');
    await frameworks.statuses.getByRole('combobox', { name: 'Colour of Resisted' }).click();
    await page.getByRole('option', { name: 'reddish purple' }).click();
    await frameworks.editor.getByRole('button', { name: 'Save scale' }).click();
    await expect(frameworks.statuses.getByRole('textbox', { name: 'Label of status Resisted' })).toBeVisible();
    await expect(frameworks.editor.getByRole('button', { name: 'Save scale' })).toBeDisabled();

    // "Reached" is used by cells: the scale keeps it and says why.
    await frameworks.statuses.getByRole('button', { name: 'Remove status Reached' }).click();
    await frameworks.editor.getByRole('button', { name: 'Save scale' }).click();
    await expect(frameworks.editor.getByRole('alert')).toContainText('still “Reached”');
    await frameworks.editor.getByRole('button', { name: 'Discard changes' }).click();
    await expect(frameworks.statuses.getByRole('textbox', { name: 'Label of status Reached' })).toBeVisible();

    await workbench.viewItem('Matrix').click();
    await workbench.matrixReady();
    await expect(workbench.legend).toContainText('Resisted');
    await workbench.cell('Belarus', 'Acceptance').click();
    await workbench.editor.setStatus('Resisted');
    await workbench.saved();
    await expect(workbench.cell('Belarus', 'Acceptance')).toContainText('Resisted');
  });

  test('a framework from scratch, made the default, is offered for a new norm', async ({ workbench, page }) => {
    await workbench.open();
    const frameworks = new FrameworksPage(page);
    await frameworks.open();
    await frameworks.root.getByRole('button', { name: 'New framework…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New framework' });
    await dialog.getByRole('radio', { name: /^From scratch/ }).check();
    await dialog.getByLabel('Name', { exact: true }).fill('Contestation cycle');
    await dialog.getByRole('textbox', { name: 'Stages, one per line' }).fill('Adoption\nChallenge\nSettlement');
    await dialog.getByRole('button', { name: 'Create framework' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => frameworks.stageValues()).toEqual(['Adoption', 'Challenge', 'Settlement']);
    await frameworks.editor.getByRole('button', { name: 'Make default' }).click();
    await expect(frameworks.editor.getByText('Default for new norms')).toBeVisible();

    await workbench.nav.getByRole('button', { name: 'Add norm' }).click();
    const add = page.getByRole('dialog', { name: 'Add norm' });
    await expect(add.getByLabel('Framework')).toHaveValue(/.+/);
    await expect(add.getByLabel('Framework').locator('option:checked')).toHaveText('Contestation cycle (default)');
    await add.getByLabel('Label', { exact: true }).fill('Independent election administration');
    await add.getByRole('button', { name: 'Add norm' }).click();
    await expect(add).toBeHidden();
    await expect(workbench.matrixNorm).toHaveText('Independent election administration');
    await expect(workbench.stageHeaders()).toHaveText(['1 Adoption', '2 Challenge', '3 Settlement']);
  });
});
