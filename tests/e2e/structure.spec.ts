import Database from 'better-sqlite3';
import type { CellDto, ProjectOverview } from '../../electron/contract/api';
import { expect, test } from './fixtures';
import { FrameworksPage, OrphanDialog } from './pages/frameworks-page';
import type { WorkbenchPage } from './pages/workbench-page';

const OBSERVATION = 'International election observation';
const ARTICLE = /^Micro-politics of norm contestation/;

async function observation(workbench: WorkbenchPage): Promise<{ overview: ProjectOverview; normId: string; frameworkId: string; cells: CellDto[] }> {
  const overview = await workbench.overview();
  const norm = overview.norms.find((n) => n.label === OBSERVATION)!;
  const cells = await workbench.apiResult<CellDto[]>('cells.list', { normId: norm.id });
  return { overview, normId: norm.id, frameworkId: norm.frameworkId, cells };
}

/** What the project file holds, read beside the running app (the API lists live cells only). */
function archivedCells(file: string, normId: string): { id: string; archived_at: string | null }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, archived_at FROM cells WHERE norm_id = ? AND archived_at IS NOT NULL').all(normId) as { id: string; archived_at: string | null }[];
  } finally {
    db.close();
  }
}

test.describe('structural changes never lose cells silently', () => {
  test('changing the framework of a norm with filled cells asks first; cancel changes nothing; "keep archived" archives them; undo restores', async ({ workbench, page }) => {
    await workbench.open();
    const frameworks = new FrameworksPage(page);
    await frameworks.open();
    await frameworks.createFromTemplate('Norm life cycle');
    await expect(frameworks.framework(/^Norm life cycle/)).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => frameworks.stageValues()).toEqual(['Norm emergence', 'Norm cascade', 'Internalisation']);

    const before = await observation(workbench);
    expect(before.cells.length).toBeGreaterThan(0);

    // The norm's editor: choosing another framework lists the cells that would lose their stage.
    await workbench.normItem(OBSERVATION).click();
    const frameworkSelect = workbench.details.getByLabel('Framework (the matrix’s stages)');
    await frameworkSelect.selectOption({ label: 'Norm life cycle (3 stages)' });
    const dialog = new OrphanDialog(page);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.rows).toHaveCount(before.cells.length);
    await expect(dialog.rows.first()).toContainText('Kazakhstan');
    await expect(dialog.rows.first()).toContainText('Diffusion');
    await expect(dialog.rows.first()).toContainText('Reached');
    // Nothing is applied before a choice is made.
    await expect(dialog.root.getByRole('button', { name: 'Choose what to do' })).toBeDisabled();
    await dialog.choice('Move them').check();
    await expect(dialog.root.getByRole('combobox', { name: /New stage for the cells now under “Diffusion”/ })).toBeVisible();
    await workbench.screenshot('orphan-dialog.png');

    // Cancel: the norm, its framework and its cells are as they were.
    await dialog.cancel();
    await expect(frameworkSelect).toHaveValue(before.frameworkId);
    await expect(workbench.cell('Kazakhstan', 'Diffusion')).toContainText('Reached');
    const afterCancel = await observation(workbench);
    expect(afterCancel.frameworkId).toBe(before.frameworkId);
    expect(afterCancel.cells.map((c) => c.id).sort()).toEqual(before.cells.map((c) => c.id).sort());

    // Keep archived: the norm moves, the old cells leave the matrix but stay in the file.
    await frameworkSelect.selectOption({ label: 'Norm life cycle (3 stages)' });
    await dialog.choice('Keep them archived').check();
    await dialog.apply();
    await expect(workbench.stageHeaders()).toHaveText(['1 Norm emergence', '2 Norm cascade', '3 Internalisation']);
    await expect(workbench.cells().filter({ hasText: 'Reached' })).toHaveCount(0);
    const moved = await observation(workbench);
    expect(moved.frameworkId).not.toBe(before.frameworkId);
    expect(moved.cells).toHaveLength(0);
    const archived = archivedCells(await workbench.projectPath(), before.normId);
    expect(archived.map((c) => c.id).sort()).toEqual(before.cells.map((c) => c.id).sort());
    await expect(workbench.undoButton).toHaveAttribute('title', /Change framework of Election observation/);

    // Undo from the keyboard (the focus on the matrix): framework and cells come back.
    await workbench.cell('Kazakhstan', 'Norm emergence').focus();
    await page.keyboard.press('Control+z');
    await expect(workbench.stageHeaders()).toHaveText(['1 Diffusion', '2 Acceptance', '3 Reconstitution', '4 Moment of contestation']);
    await expect(workbench.cell('Kazakhstan', 'Diffusion')).toContainText('Reached');
    const restored = await observation(workbench);
    expect(restored.frameworkId).toBe(before.frameworkId);
    expect(restored.cells.map((c) => c.id).sort()).toEqual(before.cells.map((c) => c.id).sort());
    expect(archivedCells(await workbench.projectPath(), before.normId)).toHaveLength(0);
  });

  test('removing a stage that holds cells asks first, refuses a move that would collide, archives on request', async ({ workbench, page }) => {
    await workbench.open();
    const frameworks = new FrameworksPage(page);
    await frameworks.open();
    await frameworks.choose(ARTICLE);
    const overview = await workbench.overview();
    const acceptance = overview.frameworks.find((f) => f.isDefault)!.stages.find((s) => s.label === 'Acceptance')!;
    const held = (await workbench.apiResult<CellDto[]>('cells.list', {})).filter((c) => c.stageId === acceptance.id);
    expect(held.length).toBeGreaterThan(0);

    await frameworks.removeStage('Acceptance');
    const dialog = new OrphanDialog(page);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.root.getByRole('heading')).toHaveText('Remove the stage “Acceptance”');
    await expect(dialog.rows).toHaveCount(held.length);
    await dialog.cancel();
    await expect.poll(() => frameworks.stageValues()).toEqual(['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation']);

    // Moving into a stage where the same cases already have cells is refused, in the dialog, changing nothing.
    await frameworks.removeStage('Acceptance');
    await dialog.choice('Move them').check();
    await dialog.root.getByRole('combobox', { name: /New stage for the cells now under “Acceptance”/ }).selectOption({ label: '1. Diffusion' });
    await dialog.root.getByRole('button', { name: 'Move the cells and remove the stage' }).click();
    await expect(dialog.root.getByRole('alert')).toContainText('already has a filled cell');
    await expect(dialog.root).toBeVisible();

    await dialog.choice('Keep them archived').check();
    await dialog.apply();
    await expect.poll(() => frameworks.stageValues()).toEqual(['Diffusion', 'Reconstitution', 'Moment of contestation']);
    const live = await workbench.apiResult<CellDto[]>('cells.list', {});
    expect(live.filter((c) => held.some((h) => h.id === c.id))).toHaveLength(0);

    await workbench.viewItem('Matrix').click();
    await workbench.matrixReady();
    await expect(workbench.stageHeaders()).toHaveText(['1 Diffusion', '2 Reconstitution', '3 Moment of contestation']);
    await workbench.undoButton.click();
    await expect(workbench.stageHeaders()).toHaveText(['1 Diffusion', '2 Acceptance', '3 Reconstitution', '4 Moment of contestation']);
    await expect(workbench.cell('Kazakhstan', 'Acceptance')).toContainText('Reached');
  });
});
