/**
 * Every screen of the workbench at the two window sizes the issue names (1280×720, 1440×900), written to
 * docs/screenshots/screens/<size>/ for the documentation and for looking at what a change did.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SCREENSHOT_DIR, type WorkbenchPage } from './pages/workbench-page';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const PAGES = ['Matrix', 'Frameworks', 'Sources', 'Search', 'Participants', 'Codebook', 'Claims', 'Observation', 'Regional context', 'Indicators', 'Verification'];

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function shoot(workbench: WorkbenchPage, dir: string, name: string): Promise<void> {
  await workbench.fontsReady();
  await workbench.page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function openDialog(page: Page, open: () => Promise<void>): Promise<void> {
  await open();
  await expect(page.getByRole('dialog').last()).toBeVisible();
}

for (const size of SIZES) {
  test(`screenshots of every screen at ${size.width}×${size.height}`, async ({ workbench, page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const dir = path.join(SCREENSHOT_DIR, 'screens', `${size.width}x${size.height}`);
    fs.mkdirSync(dir, { recursive: true });
    await workbench.open();

    for (const [i, label] of PAGES.entries()) {
      await workbench.viewItem(label).click();
      await expect(workbench.viewItem(label)).toHaveAttribute('aria-current', 'page');
      // The first thing listed, so that the details pane shows what it is for.
      const centre = page.getByTestId('page-centre');
      const first =
        label === 'Claims'
          ? centre.getByTestId('claims-register').locator('[role="row"][data-index]').first()
          : label === 'Observation'
            ? centre.getByTestId('election-mark').last()
            : centre.getByRole('option').or(centre.getByRole('row').nth(1)).first();
      if (label !== 'Matrix' && (await first.isVisible())) await first.click();
      if (label === 'Matrix') await workbench.cell('Kazakhstan', 'Reconstitution').click();
      if (label === 'Search') await page.getByRole('searchbox', { name: 'Search the project' }).fill('observ');
      await page.waitForTimeout(300);
      await shoot(workbench, dir, `${String(i + 1).padStart(2, '0')}-${slug(label)}`);
    }

    await workbench.viewItem('Matrix').click();
    await workbench.differencesButton.click();
    await shoot(workbench, dir, '12-matrix-differences');
    await workbench.differencesButton.click();

    await openDialog(page, () => page.getByRole('banner').getByRole('button', { name: 'Export…' }).click());
    await shoot(workbench, dir, '13-export');
    await page.keyboard.press('Escape');

    await openDialog(page, () => workbench.nav.getByRole('button', { name: 'Add case' }).click());
    await shoot(workbench, dir, '14-add-case');
    await page.keyboard.press('Escape');

    await workbench.viewItem('Observation').click();
    await openDialog(page, () => page.getByTestId('page-centre').getByRole('button', { name: 'Add election…' }).click());
    await shoot(workbench, dir, '15-add-election');
    await page.keyboard.press('Escape');

    await workbench.closeProject();
    await shoot(workbench, dir, '16-no-project-open');
  });
}
