/**
 * Every screen and main dialog of the app, reached the way tests/e2e/accessibility.spec.ts reaches them, but in any
 * interface language: a control is found by its English name OR that name's translation in the catalogue, so the
 * same walk works before and after a screen's words move to the catalogue, and in ru, kk and en-XA alike. A screen
 * that cannot be reached is reported (with the reason) instead of ending the walk, so one broken step does not hide
 * the findings of every screen after it.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { expect, type Locator, type Page } from '@playwright/test';
import { catalogue, messageIds } from '../../electron/contract/i18n/catalogue';
import type { DisplayLanguage } from '../../electron/contract/i18n/languages';
import type { WebApp } from '../e2e/support/web-app';

const DISPLAY_LANGUAGES: DisplayLanguage[] = ['en', 'ru', 'kk', 'en-XA'];
const STEP_TIMEOUT_MS = 5_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text before a message's first argument, plural or tag: what every rendering of it starts with. */
function leadingLiteral(message: string): string {
  let elements: MessageFormatElement[];
  try {
    elements = parse(message);
  } catch {
    return '';
  }
  let out = '';
  for (const element of elements) {
    if (element.type !== TYPE.literal) break;
    out += element.value;
  }
  return out;
}

/**
 * A name in every interface language: the English text and the text of each catalogue message whose English is
 * exactly it (`prefix`: starts with it). English stays in the alternation for screens not yet moved to the catalogue.
 */
export function anyLanguage(english: string, how: 'exact' | 'prefix' = 'exact'): RegExp {
  const english_ = catalogue('en');
  const names = new Set<string>([english]);
  for (const id of messageIds()) {
    const text = english_[id];
    const matches = how === 'exact' ? text === english : leadingLiteral(text).startsWith(english);
    if (!matches) continue;
    for (const language of DISPLAY_LANGUAGES) {
      const translated = how === 'exact' ? catalogue(language)[id] : leadingLiteral(catalogue(language)[id]).trim();
      if (translated) names.add(translated);
    }
  }
  const alternation = [...names].map(escapeRegExp).join('|');
  return new RegExp(how === 'exact' ? `^(?:${alternation})$` : `^(?:${alternation})`);
}

/** The main window's regions, found by role and by their names in any language. */
export class Screens {
  readonly banner: Locator;
  readonly nav: Locator;
  readonly toolbar: Locator;
  readonly details: Locator;
  readonly centre: Locator;
  readonly matrix: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: anyLanguage('Project navigation') });
    this.toolbar = page.getByRole('toolbar', { name: anyLanguage('Matrix') });
    this.details = page.getByRole('complementary', { name: anyLanguage('Details') });
    this.centre = page.getByTestId('page-centre');
    this.matrix = page.getByRole('grid');
    this.emptyState = page.getByRole('main', { name: anyLanguage('No project open') });
  }

  /** Opens the address the server printed in `language` (`?lang=`), entering the one-time code, up to the matrix. */
  async open(app: WebApp, language: DisplayLanguage): Promise<void> {
    const url = new URL(app.url);
    url.searchParams.set('lang', language);
    await this.page.goto(url.toString());
    const code = this.page.getByLabel(anyLanguage('One-time code'));
    await expect(code.or(this.matrix)).toBeVisible();
    if (await code.isVisible()) {
      await code.fill(app.token);
      await this.page.getByRole('button', { name: anyLanguage('Start') }).click();
    }
    await expect(this.matrix).toBeVisible();
    await expect(this.matrix).not.toHaveAttribute('aria-busy', 'true');
  }

  cell(caseName: string, stageLabel: string): Locator {
    return this.matrix.locator(`td[data-case="${caseName}"][data-stage="${stageLabel}"]`);
  }

  caseItem(name: string): Locator {
    return this.nav.locator('[data-nav-item^="case:"]').filter({ has: this.page.locator('.nav-label', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  }

  /** Closes whatever menu, list or dialog is open (Escape, as a user would), until none is. */
  async closePopups(): Promise<void> {
    const popups = this.page.locator('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]:not(select)');
    for (let i = 0; i < 4 && (await popups.count()) > 0; i++) {
      await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(100);
    }
  }
}

/** Called at each screen, with the screen's name (e.g. "matrix › Add case"). */
export type Visit = (screen: string) => Promise<void>;

export interface WalkOptions {
  /** 'smoke': the pages of the navigation, the matrix and the title bar, without their dialogs. */
  depth: 'full' | 'smoke';
}

/** A screen the walk could not reach, and why. */
export interface Unreached {
  screen: string;
  reason: string;
}

export class ScreenWalk {
  readonly unreached: Unreached[] = [];
  readonly visited: string[] = [];
  readonly s: Screens;

  constructor(
    readonly page: Page,
    private readonly visit: Visit,
    private readonly options: WalkOptions,
  ) {
    this.s = new Screens(page);
  }

  private get full(): boolean {
    return this.options.depth === 'full';
  }

  /** Reaches a screen with `reach` and visits it; a step that fails is noted and the popups it left are closed. */
  private async step(screen: string, reach: () => Promise<void>): Promise<boolean> {
    try {
      await reach();
    } catch (error) {
      this.unreached.push({ screen, reason: ((error as Error).message.split('\n')[0] ?? '').slice(0, 200) });
      await this.s.closePopups();
      return false;
    }
    await this.page.evaluate(async () => {
      await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready;
    });
    await this.page.waitForTimeout(150);
    this.visited.push(screen);
    await this.visit(screen);
    return true;
  }

  /** Opens a dialog with `open`, visits it, and closes it with Escape. */
  private async dialog(screen: string, open: () => Promise<void>): Promise<void> {
    const dialogs = this.page.getByRole('dialog').or(this.page.getByRole('alertdialog'));
    const reached = await this.step(screen, async () => {
      await open();
      await expect(dialogs.last()).toBeVisible({ timeout: STEP_TIMEOUT_MS });
    });
    if (reached) await this.s.closePopups();
  }

  /** Every enabled button of a region whose label ends in "…" (in every language) opens a dialog: each is visited. */
  private async ellipsisDialogs(screen: string, region: Locator): Promise<void> {
    if (!this.full) return;
    const names = new Set<string>();
    for (const button of await region.getByRole('button', { name: /…(?: ~+\])?$/ }).all()) {
      if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
      names.add((await button.getAttribute('aria-label')) ?? (await button.innerText()).trim());
    }
    for (const name of names) {
      await this.dialog(`${screen} › ${name}`, () => region.getByRole('button', { name, exact: true }).first().click({ timeout: STEP_TIMEOUT_MS }));
    }
  }

  private button(region: Locator, english: string, how: 'exact' | 'prefix' = 'exact'): Locator {
    return region.getByRole('button', { name: anyLanguage(english, how) });
  }

  async walk(app: WebApp, language: DisplayLanguage): Promise<void> {
    const { page, s } = this;
    const timeout = STEP_TIMEOUT_MS;
    await s.open(app, language);

    // The matrix, its states and what its toolbar opens.
    await this.step('matrix', async () => undefined);
    await this.step('matrix, cell selected', async () => {
      await s.cell('Kazakhstan', 'Diffusion').click({ timeout });
      await expect(s.details.getByTestId('cell-editor')).toBeVisible({ timeout });
    });
    if (this.full) {
      await this.step('matrix, differences', async () => {
        await this.button(s.toolbar, 'Differences').click({ timeout });
        await expect(s.matrix.locator('td.is-different').first()).toBeVisible({ timeout });
      });
      await this.button(s.toolbar, 'Differences')
        .click({ timeout })
        .catch(() => undefined);
      await this.step('matrix, case profile', () => s.caseItem('Belarus').click({ timeout }));
      await this.step('matrix, cases popover', async () => {
        await this.button(s.toolbar, 'Cases', 'prefix').click({ timeout });
        await expect(page.getByTestId('cases-popover')).toBeVisible({ timeout });
      });
      await s.closePopups();
      await this.step('matrix, view menu', async () => {
        await this.button(s.toolbar, 'View', 'prefix').click({ timeout });
        await expect(page.getByRole('menu')).toBeVisible({ timeout });
      });
      await s.closePopups();
      await this.step('matrix, norm picker open', async () => {
        await s.toolbar.getByRole('combobox', { name: anyLanguage('Norm') }).click({ timeout });
        await expect(page.getByRole('listbox')).toBeVisible({ timeout });
      });
      await s.closePopups();
      await this.step('cell editor, status list open', async () => {
        await s.cell('Kazakhstan', 'Diffusion').click({ timeout });
        await s.details.getByTestId('cell-editor').getByRole('combobox', { name: anyLanguage('Status') }).click({ timeout });
        await expect(page.getByRole('listbox')).toBeVisible({ timeout });
      });
      await s.closePopups();
      await this.dialog('matrix › Add case', () => this.button(s.nav, 'Add case').click({ timeout }));
      await this.dialog('matrix › Add norm', () => this.button(s.nav, 'Add norm').click({ timeout }));
      await this.ellipsisDialogs('matrix', s.toolbar);
    }

    // The title bar: the Project menu open, each of its dialogs, Export.
    const projectMenu = s.banner.getByRole('button', { name: anyLanguage('Project menu') });
    const menuOpened = await this.step('Project menu', async () => {
      await projectMenu.click({ timeout });
      await expect(page.getByRole('menu')).toBeVisible({ timeout });
    });
    if (menuOpened) {
      const items = (await page.getByRole('menuitem').allInnerTexts()).map((item) => item.trim());
      await s.closePopups();
      if (this.full) {
        for (const item of items) {
          await this.dialog(`Project menu › ${item}`, async () => {
            await projectMenu.click({ timeout });
            await page.getByRole('menuitem', { name: item, exact: true }).click({ timeout });
          });
        }
      }
    }
    await this.dialog('Export', () => this.button(s.banner, 'Export…').click({ timeout }));

    // Every page of the navigation, with its details pane and its dialogs.
    const pages = (await s.nav.getByRole('list').first().getByRole('button').allInnerTexts()).map((p) => p.trim());
    for (const [index, label] of pages.entries()) {
      const item = s.nav.getByRole('list').first().getByRole('button').nth(index);
      const reached = await this.step(label, async () => {
        await item.click({ timeout });
        await expect(item).toHaveAttribute('aria-current', 'page', { timeout });
      });
      if (!reached) continue;
      // The first item of a list page, so that its details pane shows something.
      const first = s.centre.getByRole('option').or(s.centre.getByRole('row').nth(1)).first();
      if (await first.isVisible()) await this.step(`${label}, first item selected`, () => first.click({ timeout }));
      await this.ellipsisDialogs(label, s.centre);
      await this.ellipsisDialogs(`${label} details`, s.details);
    }

    // With no project open.
    await this.step('no project open', async () => {
      await page.getByRole('button', { name: anyLanguage('Close project') }).click({ timeout });
      await expect(s.emptyState).toBeVisible({ timeout });
    });
    await this.ellipsisDialogs('no project open', s.emptyState);
  }
}

/** Walks every screen in `language`, calling `visit` at each; returns what it visited and what it could not reach. */
export async function walkScreens(page: Page, app: WebApp, language: DisplayLanguage, visit: Visit, options: WalkOptions): Promise<ScreenWalk> {
  const walk = new ScreenWalk(page, visit, options);
  await walk.walk(app, language);
  return walk;
}

/** A file-name-safe form of a screen's name, for screenshots. */
export function screenSlug(index: number, screen: string): string {
  const slug = screen
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${String(index).padStart(3, '0')}-${slug || 'screen'}`;
}
