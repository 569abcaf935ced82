import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { catalogue } from '../../electron/contract/i18n/catalogue';
import { expect, test } from './fixtures';
import { SCREENSHOT_DIR } from './pages/workbench-page';

const LANGUAGES = ['ru', 'kk'] as const;

/** What these checks read of an element in the page (the e2e TypeScript has no DOM library). */
interface Shown {
  offsetParent: unknown;
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { right: number };
  closest(selector: string): unknown;
  querySelectorAll(selector: string): ArrayLike<Shown>;
}

interface StyleGlobals {
  getComputedStyle(element: Shown): { overflow: string; textOverflow: string };
}

/**
 * Controls whose text is cut off: wider content than box (a clipped button or label), for the elements where a longer
 * language shows first. Scrolling panes and text inputs are not controls that clip words.
 */
async function clipped(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const found: string[] = [];
    const { getComputedStyle } = globalThis as unknown as StyleGlobals;
    for (const element of Array.from((root as unknown as Shown).querySelectorAll('button, [role="radio"], [role="tab"], label, .toolbar-label, .export-row-label, th, .legend-item'))) {
      if (element.offsetParent === null) continue;
      const style = getComputedStyle(element);
      const hides = style.overflow !== 'visible' || style.textOverflow === 'ellipsis';
      if (hides && element.scrollWidth > element.clientWidth + 1) found.push((element.textContent ?? '').trim());
    }
    return found;
  });
}

/** Controls that reach past the right edge of the pane or dialog they sit in (a row of segments too long for it). */
async function pastTheEdge(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const edge = (root as unknown as Shown).getBoundingClientRect().right;
    const found: string[] = [];
    for (const element of Array.from((root as unknown as Shown).querySelectorAll('button, [role="radio"], label, select'))) {
      if (element.offsetParent === null) continue;
      if (element.getBoundingClientRect().right > edge + 1) found.push((element.textContent ?? '').trim());
    }
    return found;
  });
}

/**
 * English interface messages of these screens (whole, without arguments) still shown as the whole text of an element,
 * or as its accessible name, title or placeholder, on a page that should speak another language. The sample
 * project's own words (its statuses, stages, norms) are data, not interface: elements that show them are skipped.
 */
async function englishLeft(scope: Locator): Promise<string[]> {
  const english = catalogue('en');
  const messages = Object.entries(english)
    .filter(([id]) => /^(matrix|shell|exports|frameworks)\./.test(id))
    .map(([, message]) => message)
    .filter((message) => !/[{}<]/.test(message) && /[a-z]{3}/.test(message));
  return scope.evaluate((root, known) => {
    const data = '.status-label, .legend-item, .select-trigger, .select-item, [data-case], [data-stage], .nav-label, .matrix-norm, .matrix-source, .details-norm, .cell-summary, .prose, textarea, input, .context-band, option';
    const seen = new Set<string>();
    for (const element of Array.from((root as unknown as Shown).querySelectorAll('*'))) {
      if (element.closest(data)) continue;
      const own = Array.from(element.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
      for (const shown of [own, element.getAttribute('aria-label'), element.getAttribute('title'), element.getAttribute('placeholder')]) {
        if (shown && known.includes(shown.trim())) seen.add(shown.trim());
      }
    }
    return [...seen];
  }, messages);
}

test.describe('the matrix and the export dialog in Russian and Kazakh', () => {
  for (const language of LANGUAGES) {
    test(`in ${language}: nothing clipped, no interface English left, screenshots at 1280×720`, async ({ workbench, page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await workbench.open();
      await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${language}`));
      await workbench.matrixReady();

      await workbench.cell('Kazakhstan', 'Reconstitution').click();
      await expect(page.getByTestId('cell-editor')).toBeVisible();
      const toolbar = page.locator('.matrix-toolbar');
      expect(await clipped(toolbar), 'matrix toolbar').toEqual([]);
      expect(await clipped(page.locator('.pane-nav')), 'sidebar').toEqual([]);
      expect(await pastTheEdge(page.locator('.pane-details')), 'details pane').toEqual([]);
      expect(await pastTheEdge(page.locator('.pane-centre')), 'matrix').toEqual([]);
      expect(await englishLeft(page.locator('body')), 'English words on the matrix').toEqual([]);
      fs.mkdirSync(path.join(SCREENSHOT_DIR, 'i18n'), { recursive: true });
      await workbench.screenshot(path.join('i18n', `matrix-${language}.png`));

      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+e');
      const dialog = page.getByTestId('export-dialog');
      await expect(dialog).toBeVisible();
      await expect(dialog.locator('.export-frame')).toBeVisible();
      expect(await clipped(dialog), 'export dialog').toEqual([]);
      expect(await pastTheEdge(dialog.locator('.export-form')), 'export form').toEqual([]);
      expect(await englishLeft(dialog), 'English words in the export dialog').toEqual([]);
      await workbench.screenshot(path.join('i18n', `export-${language}.png`));
    });
  }
});
