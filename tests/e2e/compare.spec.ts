import { expect, test } from './fixtures';

const OBSERVATION = 'International election observation';
const VOTING = 'Free and fair voting procedures (balanced, impartial election commissions)';

test.describe('comparing cases', () => {
  test('differences mode marks Belarus cells whose status differs from Kazakhstan’s', async ({ workbench }) => {
    await workbench.open();
    await expect(workbench.differingCells()).toHaveCount(0);
    await workbench.differencesButton.click();
    await expect(workbench.differencesButton).toHaveAttribute('aria-pressed', 'true');

    // Expected from the project itself: both assessed, statuses different.
    const overview = await workbench.overview();
    const cells = await workbench.apiResult<{ caseId: string; normId: string; stageId: string; status: string }[]>('cells.list', {});
    const kaz = overview.cases.find((c) => c.name === 'Kazakhstan')!;
    const blr = overview.cases.find((c) => c.name === 'Belarus')!;
    const norm = overview.norms.find((n) => n.label === OBSERVATION)!;
    const stages = overview.frameworks.find((f) => f.id === norm.frameworkId)!.stages;
    const statusAt = (caseId: string, stageId: string) => cells.find((c) => c.caseId === caseId && c.normId === norm.id && c.stageId === stageId)?.status;
    const differing = stages.filter((s) => {
      const a = statusAt(kaz.id, s.id);
      const b = statusAt(blr.id, s.id);
      return a && b && a !== 'no-data' && b !== 'no-data' && a !== b;
    });
    expect(differing.length).toBeGreaterThan(0);

    await expect(workbench.differingCells()).toHaveCount(differing.length);
    for (const stage of stages) {
      const cell = workbench.cell('Belarus', stage.label);
      if (differing.includes(stage)) {
        // Marked by a word and a shape, not by colour alone.
        await expect(cell).toHaveClass(/is-different/);
        await expect(cell.locator('.diff-badge')).toContainText('focal');
        await expect(cell).toContainText('differs from Kazakhstan');
      } else {
        await expect(cell).not.toHaveClass(/is-different/);
      }
      await expect(workbench.cell('Kazakhstan', stage.label)).not.toHaveClass(/is-different/);
    }
    await expect(workbench.cell('Belarus', 'Acceptance')).toHaveClass(/is-different/);
    await expect(workbench.legend).toContainText('status differs from Kazakhstan’s at the same stage');
    await workbench.screenshot('matrix-differences.png');

    // Transposed, the same cells are marked.
    await workbench.transposeButton.click();
    await expect(workbench.differingCells()).toHaveCount(differing.length);
    await expect(workbench.cell('Belarus', 'Acceptance')).toHaveClass(/is-different/);
  });

  test('screenshots: transposed, and all norms stacked with a cell selected', async ({ workbench }) => {
    await workbench.open();
    await workbench.transposeButton.click();
    await expect(workbench.stageColumnHeaders()).toHaveCount(4);
    await workbench.cell('Belarus', 'Acceptance').click();
    await expect(workbench.editor.title).toHaveText('Belarus · Acceptance');
    await workbench.screenshot('matrix-transposed.png');

    await workbench.transposeButton.click();
    await workbench.showAllNormsStacked();
    await expect(workbench.normHeaderRows()).toHaveText([new RegExp(`^${OBSERVATION}`), /^Free and fair voting procedures/]);
    await expect(workbench.cells()).toHaveCount(2 * 2 * 4);
    await workbench.cell('Kazakhstan', 'Moment of contestation', VOTING).click();
    await expect(workbench.editor.title).toHaveText('Kazakhstan · Moment of contestation');
    await expect(workbench.editor.root).toContainText(VOTING);
    await workbench.screenshot('matrix-stacked.png');

    // Stacked and transposed: the stage columns are shared, each norm a block of case rows.
    await workbench.transposeButton.click();
    await expect(workbench.stageColumnHeaders()).toHaveCount(4);
    await expect(workbench.caseRowHeaders()).toHaveCount(4);
  });

  test('choose the cases shown; a saved view round-trips (save, switch away, apply, reload)', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.addCase('Russia', 'RUS');
    await workbench.addCase('Poland', 'POL');
    await expect(workbench.caseHeaders()).toHaveCount(4);

    // Hide Russia; the focal case cannot be hidden.
    await workbench.casesButton.click();
    const popover = workbench.casesPopover();
    await expect(popover.getByRole('checkbox', { name: 'Kazakhstan' })).toBeDisabled();
    await popover.getByRole('checkbox', { name: 'Russia' }).uncheck();
    await page.keyboard.press('Escape');
    await expect(workbench.caseHeaders()).toHaveText([/^Kazakhstan/, /^Belarus/, /^Poland/]);
    await workbench.moveColumnByKeyboard('Poland', -2);
    await expect(workbench.caseHeaders()).toHaveText([/^Kazakhstan/, /^Poland/, /^Belarus/]);

    // The voting norm, transposed, differences on: saved as a view.
    await workbench.chooseNorm('Free and fair voting');
    await workbench.transposeButton.click();
    await workbench.differencesButton.click();
    await workbench.saveViewAs('Voting, compared');

    // Switch away.
    await workbench.chooseNorm('Election observation');
    await workbench.transposeButton.click();
    await workbench.differencesButton.click();
    await workbench.casesButton.click();
    await workbench.casesPopover().getByRole('button', { name: 'Show all' }).click();
    await workbench.casesPopover().getByRole('button', { name: 'Project order' }).click();
    await page.keyboard.press('Escape');
    await expect(workbench.viewButton).toHaveAccessibleName('View: Voting, compared (changed)');
    await expect(workbench.caseHeaders()).toHaveText([/^Kazakhstan/, /^Belarus/, /^Russia/, /^Poland/]);

    // Apply it again: norm, cases and their order, orientation and differences come back.
    const expectView = async () => {
      await expect(workbench.matrixNorm).toHaveText(VOTING);
      await expect(workbench.transposeButton).toHaveAttribute('aria-pressed', 'true');
      await expect(workbench.differencesButton).toHaveAttribute('aria-pressed', 'true');
      await expect(workbench.caseRowHeaders()).toHaveText([/^Kazakhstan/, /^Poland/, /^Belarus/]);
    };
    await workbench.applyView('Voting, compared');
    await expectView();

    // Reload (and switch away once more): the view is in the project file.
    await workbench.chooseNorm('Election observation');
    await workbench.reload();
    await workbench.applyView('Voting, compared');
    await expectView();
    const views = (await workbench.overview()).views;
    expect(views.map((v) => v.name)).toEqual(['Voting, compared']);
    expect(views[0]!.orientation).toBe('stages-as-columns');
    expect(views[0]!.caseIds).toHaveLength(3);

    // Update and delete from the same menu.
    await workbench.differencesButton.click();
    await workbench.viewButton.click();
    await page.getByRole('menuitem', { name: 'Update “Voting, compared”' }).click();
    await expect(workbench.viewButton).toHaveAccessibleName('View: Voting, compared');
    expect((await workbench.overview()).views[0]!.differences).toBe(false);
    await workbench.viewButton.click();
    await page.getByRole('menuitem', { name: 'Delete “Voting, compared”' }).click();
    await expect(workbench.viewButton).toHaveAccessibleName('View: Custom (none saved)');
    expect((await workbench.overview()).views).toHaveLength(0);
  });
});
