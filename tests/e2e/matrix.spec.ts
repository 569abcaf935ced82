import { expect, test } from './fixtures';
import type { ExpectedCell } from './pages/workbench-page';

const OBSERVATION = 'International election observation';
const VOTING_LABEL = 'Free and fair voting procedures (balanced, impartial election commissions)';
const VOTING = /^Free and fair voting procedures/;
const STAGES = ['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation'];

test.describe('the sample project', () => {
  test('shows its cases, norms and stages, the focal case first and marked', async ({ workbench }) => {
    await workbench.open();

    await expect(workbench.projectTitle).toHaveText('Kazakhstan & Belarus (sample)');
    await expect(workbench.projectFile).toHaveText('Kazakhstan & Belarus (sample).comparanda');

    // Sidebar: the only view, both cases with their ISO codes, both norms.
    await expect(workbench.viewItem('Matrix')).toHaveAttribute('aria-current', 'page');
    await expect(workbench.caseItem('Kazakhstan')).toContainText('★');
    await expect(workbench.caseItem('Kazakhstan')).toContainText('KAZ');
    await expect(workbench.caseItem('Kazakhstan')).toHaveAccessibleName(/Kazakhstan \(focal\)/);
    await expect(workbench.caseItem('Belarus')).toContainText('BLR');
    await expect(workbench.caseItem('Belarus')).not.toHaveAccessibleName(/focal/);
    await expect(workbench.normItems()).toHaveCount(2);
    await expect(workbench.normItems().nth(0)).toHaveText(OBSERVATION);
    await expect(workbench.normItems().nth(1)).toHaveText(VOTING);
    await expect(workbench.normItem(OBSERVATION)).toHaveAttribute('aria-current', 'true');

    // Matrix: the focal case is the first column and says so in words, not only with a star.
    await expect(workbench.matrixNorm).toHaveText(OBSERVATION);
    await expect(workbench.caseHeaders()).toHaveCount(2);
    await expect(workbench.caseHeaders().nth(0)).toContainText('Kazakhstan');
    await expect(workbench.caseHeaders().nth(0)).toContainText('focal');
    await expect(workbench.caseHeaders().nth(1)).toContainText('Belarus');
    await expect(workbench.caseHeaders().nth(1)).not.toContainText('focal');
    await expect(workbench.stageHeaders()).toHaveText(STAGES.map((label, i) => `${i + 1} ${label}`));

    // Filled Kazakhstan cells show their status as a word, the mode where set, and the summary's first line.
    await expect(workbench.cell('Kazakhstan', 'Diffusion')).toContainText('Reached');
    await expect(workbench.cell('Kazakhstan', 'Reconstitution')).toContainText('Reached · discourse');
    await expect(workbench.cell('Kazakhstan', 'Moment of contestation')).toContainText('Contested');
    await expect(workbench.cell('Kazakhstan', 'Reconstitution')).toContainText('Kazakh path to democracy');

    // Every cell agrees with the project (the sample grows, so the expectation is read from the API).
    const expected = await workbench.expectedMatrix(OBSERVATION);
    expect(expected).toHaveLength(2 * STAGES.length);
    for (const cell of expected) {
      const shown = workbench.cell(cell.caseName, cell.stageLabel);
      if (cell.status === null) await expect(shown).toHaveText('No data');
      else await expect(shown).toContainText(cell.status);
    }
  });

  test('switches between norms', async ({ workbench }) => {
    await workbench.open();
    await expect(workbench.cell('Kazakhstan', 'Reconstitution')).toContainText('discourse');

    await workbench.selectNorm(VOTING_LABEL);
    await expect(workbench.normItem(VOTING_LABEL)).toHaveAttribute('aria-current', 'true');
    await expect(workbench.normItem(OBSERVATION)).not.toHaveAttribute('aria-current', 'true');
    await expect(workbench.cell('Kazakhstan', 'Reconstitution')).toContainText('Reached · practice');
    await expect(workbench.cell('Kazakhstan', 'Moment of contestation')).toContainText('Karusel');
    await expect(workbench.stageHeaders()).toHaveCount(4);

    await workbench.selectNorm(OBSERVATION);
    await expect(workbench.cell('Kazakhstan', 'Reconstitution')).toContainText('discourse');
  });

  test('is driven by the keyboard: Tab into the matrix, arrows move, Enter selects', async ({ workbench, page }) => {
    await workbench.open();
    await expect(workbench.details).toContainText('Select a cell');

    // The sidebar is one Tab stop; arrows move inside it.
    await workbench.viewItem('Matrix').focus();
    await page.keyboard.press('ArrowDown');
    await expect(workbench.caseItem('Kazakhstan')).toBeFocused();
    await page.keyboard.press('End');
    await expect(workbench.normItems().last()).toBeFocused();

    // One Tab leaves the sidebar for the matrix's first cell.
    await page.keyboard.press('Tab');
    const first = workbench.cell('Kazakhstan', 'Diffusion');
    await expect(first).toBeFocused();
    await expect(first).toHaveCSS('outline-style', 'solid');
    await expect(first).toHaveCSS('outline-width', '2px');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(workbench.cell('Kazakhstan', 'Reconstitution')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toBeFocused();
    await page.keyboard.press('ArrowRight'); // the edge holds
    await expect(workbench.cell('Belarus', 'Reconstitution')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    const target = workbench.cell('Kazakhstan', 'Reconstitution');
    await expect(target).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await expect(workbench.details.getByRole('heading', { level: 2 })).toHaveText('Kazakhstan · Reconstitution');
    await expect(workbench.details.getByTestId('details-status')).toHaveText(/Reached/);
    await expect(workbench.details).toContainText('discourse');
    await expect(workbench.details).toContainText('2012–2016');
    await expect(workbench.details).toContainText('Kazakh path to democracy');

    // Space selects too; Escape clears the selection.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await expect(workbench.details.getByRole('heading', { level: 2 })).toHaveText('Belarus · Reconstitution');
    await page.keyboard.press('Escape');
    await expect(workbench.details).toContainText('Select a cell');

    // Leaving and coming back lands on the cell last focused.
    await page.keyboard.press('Shift+Tab');
    await expect(workbench.normItems().last()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toBeFocused();
  });

  test('says "No data" where a cell has not been assessed, in the matrix and in the details', async ({ workbench }) => {
    await workbench.open();
    let empty: ExpectedCell | undefined;
    for (const norm of [OBSERVATION, VOTING_LABEL]) {
      empty = (await workbench.expectedMatrix(norm)).find((cell) => cell.status === null);
      if (empty) {
        if (norm !== OBSERVATION) await workbench.selectNorm(norm);
        break;
      }
    }
    test.skip(!empty, 'Every cell of the sample is assessed: nothing to show as "No data".');
    const { caseName, stageLabel } = empty!;
    await expect(workbench.cell(caseName, stageLabel)).toHaveText('No data');
    await workbench.cell(caseName, stageLabel).click();
    await expect(workbench.details.getByRole('heading', { level: 2 })).toHaveText(`${caseName} · ${stageLabel}`);
    await expect(workbench.details).toContainText(`No data yet for ${caseName}`);
  });

  test('README screenshot: the sample open with a Kazakhstan cell selected', async ({ workbench }) => {
    await workbench.open();
    await workbench.cell('Kazakhstan', 'Reconstitution').click();
    await expect(workbench.details.getByRole('heading', { level: 2 })).toHaveText('Kazakhstan · Reconstitution');
    await workbench.screenshot('sample-open.png');
  });
});
