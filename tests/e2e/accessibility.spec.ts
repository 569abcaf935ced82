/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) on every screen and every dialog a user can reach from them. A serious or
 * critical violation fails the test; each is reported with the screen it was found on and the elements concerned.
 * The app has one (light) theme; once its stylesheets have a dark one, the same scan runs with the browser's dark
 * preference. Sandboxed preview frames (the export preview) are left out: axe cannot enter them
 * (they have no script) and waits for them until it times out.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { WorkbenchPage } from './pages/workbench-page';
import { REPO_ROOT } from './support/web-app';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

class Scanner {
  readonly findings: Finding[] = [];
  readonly screens: string[] = [];

  constructor(readonly page: Page) {}

  async scan(screen: string): Promise<void> {
    // Transitions and the fonts settle first, so colours are measured as they end up.
    await this.page.evaluate(async () => {
      await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready;
    });
    await this.page.waitForTimeout(250);
    // Content outside every landmark (the best-practice rule "region", moderate for axe) is counted too: the pane
    // separators were there, and a screen reader user who moves by landmarks would never meet them.
    const result = await new AxeBuilder({ page: this.page })
      .options({ runOnly: { type: 'tag', values: TAGS }, rules: { region: { enabled: true } } })
      .exclude('iframe[sandbox]')
      .analyze();
    this.screens.push(screen);
    for (const violation of result.violations) {
      if (violation.id !== 'region' && violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      // A menu or list that a control has just opened is reached from that control, not by landmarks.
      const nodes = [];
      for (const node of violation.nodes) {
        if (violation.id === 'region' && (await this.inPopup(node.target.join(' ')))) continue;
        nodes.push(node);
      }
      if (nodes.length === 0) continue;
      this.findings.push({
        screen,
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        targets: nodes.slice(0, 6).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
      });
    }
  }

  private async inPopup(selector: string): Promise<boolean> {
    return this.page.evaluate((sel) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { closest(s: string): unknown } | null } }).document;
      return Boolean(doc.querySelector(sel)?.closest('[data-radix-popper-content-wrapper], [role="listbox"], [role="menu"]'));
    }, selector);
  }

  report(): string {
    return this.findings.map((f) => `[${f.screen}] ${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
  }
}

/** Opens a dialog with `open`, scans it, and closes it with Escape. */
async function scanDialog(scanner: Scanner, screen: string, open: () => Promise<void>): Promise<void> {
  const page = scanner.page;
  await open();
  const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog')).last();
  await expect(dialog).toBeVisible();
  await scanner.scan(screen);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog').or(page.getByRole('alertdialog'))).toHaveCount(0);
}

/** Every button of a region whose label ends in "…" opens a dialog: each one is opened and scanned. */
async function scanEllipsisDialogs(scanner: Scanner, screen: string, region: Locator): Promise<void> {
  const names = new Set<string>();
  for (const button of await region.getByRole('button', { name: /…$/ }).all()) {
    if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
    const name = (await button.getAttribute('aria-label')) ?? (await button.innerText()).trim();
    names.add(name);
  }
  for (const name of names) {
    await scanDialog(scanner, `${screen} › ${name}`, () => region.getByRole('button', { name, exact: true }).first().click());
  }
}

async function scanEverything(scanner: Scanner, workbench: WorkbenchPage, theme: string): Promise<void> {
  const page = workbench.page;
  const centre = page.getByTestId('page-centre');
  await workbench.open();

  // The matrix, its states and what its toolbar opens.
  await scanner.scan(`${theme} matrix`);
  await workbench.cell('Kazakhstan', 'Diffusion').click();
  await expect(workbench.editor.root).toBeVisible();
  await scanner.scan(`${theme} matrix, cell selected`);
  await workbench.differencesButton.click();
  await expect(workbench.differingCells().first()).toBeVisible();
  await scanner.scan(`${theme} matrix, differences`);
  await workbench.differencesButton.click();
  await workbench.caseItem('Belarus').click();
  await scanner.scan(`${theme} matrix, case profile`);
  await workbench.casesButton.click();
  await expect(workbench.casesPopover()).toBeVisible();
  await scanner.scan(`${theme} matrix, cases popover`);
  await page.keyboard.press('Escape');
  await workbench.viewButton.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await scanner.scan(`${theme} matrix, view menu`);
  await page.keyboard.press('Escape');
  await workbench.normPicker.click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await scanner.scan(`${theme} matrix, norm picker open`);
  await page.keyboard.press('Escape');
  await workbench.cell('Kazakhstan', 'Diffusion').click();
  await workbench.editor.status.click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await scanner.scan(`${theme} cell editor, status list open`);
  await page.keyboard.press('Escape');
  await scanDialog(scanner, `${theme} Add case`, () => workbench.nav.getByRole('button', { name: 'Add case' }).click());
  await scanDialog(scanner, `${theme} Add norm`, () => workbench.nav.getByRole('button', { name: 'Add norm' }).click());
  await scanEllipsisDialogs(scanner, `${theme} matrix`, workbench.toolbar);

  // The title bar: the Project menu open, each of its dialogs, Export.
  const projectMenu = page.getByRole('banner').getByRole('button', { name: 'Project menu' });
  await projectMenu.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await scanner.scan(`${theme} Project menu`);
  const items = await page.getByRole('menuitem').allInnerTexts();
  await page.keyboard.press('Escape');
  for (const item of items) {
    await scanDialog(scanner, `${theme} ${item}`, async () => {
      await projectMenu.click();
      await page.getByRole('menuitem', { name: item, exact: true }).click();
    });
  }
  await scanDialog(scanner, `${theme} Export`, () => page.getByRole('banner').getByRole('button', { name: 'Export…' }).click());

  // Every page of the navigation, with its details pane and its dialogs.
  const pages = await workbench.nav.getByRole('list').first().getByRole('button').allInnerTexts();
  for (const label of pages.map((p) => p.trim())) {
    await workbench.viewItem(label).click();
    await expect(workbench.viewItem(label)).toHaveAttribute('aria-current', 'page');
    await scanner.scan(`${theme} ${label}`);
    // The first item of a list page, so that its details pane shows something.
    const first = centre.getByRole('option').or(centre.getByRole('row').nth(1)).first();
    if (await first.isVisible()) {
      await first.click();
      await scanner.scan(`${theme} ${label}, first item selected`);
    }
    await scanEllipsisDialogs(scanner, `${theme} ${label}`, centre);
    await scanEllipsisDialogs(scanner, `${theme} ${label} details`, workbench.details);
  }

  // With no project open.
  await workbench.closeProject();
  await scanner.scan(`${theme} no project open`);
  await scanEllipsisDialogs(scanner, `${theme} no project open`, workbench.emptyState);
}

/** Whether the renderer's stylesheets have a dark theme (then it is scanned too). */
function hasDarkTheme(): boolean {
  const root = path.join(REPO_ROOT, 'renderer', 'src');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.css'));
  const css = files.map((file) => fs.readFileSync(path.join(root, file), 'utf8'));
  return css.some((text) => /prefers-color-scheme:\s*dark|\[data-theme=["']?dark/.test(text));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    test(`axe-core finds no serious or critical WCAG 2.2 AA violation on any screen or dialog (${colorScheme})`, async ({ workbench, page }) => {
      test.skip(colorScheme === 'dark' && !hasDarkTheme(), 'The app has one theme (light); a dark one would be scanned here.');
      test.setTimeout(600_000);
      const scanner = new Scanner(page);
      await scanEverything(scanner, workbench, colorScheme);
      console.log(`Scanned ${scanner.screens.length} screens: ${scanner.screens.join('; ')}`);
      expect(scanner.screens.length).toBeGreaterThan(30);
      expect(scanner.findings, `${scanner.findings.length} serious or critical violations:\n${scanner.report()}`).toEqual([]);
    });
  });
}

test('the sidebar and the toolbars say that the arrow keys move within them, while they have keyboard focus', async ({ workbench, page }) => {
  await workbench.open();
  const navHint = workbench.nav.getByText('↑ ↓ move through this list');
  const toolbarHint = workbench.toolbar.getByText('← → move between these tools');
  await expect(workbench.nav).toHaveAccessibleDescription(/↑ ↓ move through this list, Home and End to its ends/);
  await expect(workbench.toolbar).toHaveAccessibleDescription('← → move between these tools');
  await expect(navHint).toBeHidden();
  await expect(toolbarHint).toBeHidden();

  await workbench.viewItem('Matrix').focus();
  await page.keyboard.press('ArrowDown');
  await expect(workbench.viewItem('Frameworks')).toBeFocused();
  await expect(navHint).toBeVisible();

  await workbench.normPicker.focus();
  await page.keyboard.press('ArrowRight');
  await expect(navHint).toBeHidden();
  await expect(toolbarHint).toBeVisible();
  await workbench.screenshot('keys-hint-toolbar.png');
});
