/**
 * The main window, as a user sees it: title bar, navigation, matrix and its toolbar, the editor pane, and the empty
 * state when no project is open. Specs speak in these terms; selectors live only here (and in the other page
 * objects of this folder).
 */
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { CellDto, ProjectOverview } from '../../../electron/contract/api';
import { anyLanguage } from '../../helpers/i18n-screens';
import { REPO_ROOT, type WebApp } from '../support/web-app';
import { CellEditorPanel } from './cell-editor';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');

/** What one matrix cell should show, worked out from the API rather than from a copy of the sample's data. */
export interface ExpectedCell {
  caseName: string;
  stageLabel: string;
  /** "Reached" or "Reached · discourse"; null for a cell nobody has assessed ("No data"). */
  status: string | null;
}

const MODE_WORDS: Record<string, string> = { discourse: 'discourse', practice: 'practice', both: 'discourse and practice' };

export interface ApiReply {
  status: number;
  body: unknown;
}

/** The page's own globals, typed just enough for page.evaluate (the tests' tsconfig has no DOM library). */
interface PageGlobals {
  document: { fonts: { ready: Promise<unknown>; status: string } };
}

export class WorkbenchPage {
  readonly titleBar: Locator;
  readonly projectTitle: Locator;
  readonly projectFile: Locator;
  readonly closeButton: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly saveState: Locator;
  readonly nav: Locator;
  readonly matrix: Locator;
  readonly matrixNorm: Locator;
  readonly toolbar: Locator;
  readonly normPicker: Locator;
  readonly casesButton: Locator;
  readonly transposeButton: Locator;
  readonly differencesButton: Locator;
  readonly viewButton: Locator;
  readonly legend: Locator;
  readonly details: Locator;
  readonly editor: CellEditorPanel;
  readonly emptyState: Locator;
  readonly recentList: Locator;
  readonly openPathInput: Locator;
  readonly alert: Locator;
  readonly dialog: Locator;
  readonly codeInput: Locator;

  constructor(
    readonly page: Page,
    readonly app: WebApp,
  ) {
    this.titleBar = page.getByRole('banner');
    this.projectTitle = page.getByTestId('project-title');
    this.projectFile = page.getByTestId('project-file');
    this.closeButton = page.getByRole('button', { name: 'Close project' });
    this.undoButton = this.titleBar.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = this.titleBar.getByRole('button', { name: 'Redo', exact: true });
    this.saveState = page.getByTestId('save-state');
    this.nav = page.getByRole('navigation', { name: anyLanguage('Project navigation') });
    this.matrix = page.getByRole('grid');
    this.matrixNorm = page.getByTestId('matrix-norm');
    this.toolbar = page.getByRole('toolbar', { name: 'Matrix' });
    this.normPicker = this.toolbar.getByRole('combobox', { name: 'Norm' });
    this.casesButton = this.toolbar.getByRole('button', { name: /^Cases/ });
    this.transposeButton = this.toolbar.getByRole('button', { name: 'Transpose' });
    this.differencesButton = this.toolbar.getByRole('button', { name: 'Differences' });
    this.viewButton = this.toolbar.getByRole('button', { name: /^View/ });
    this.legend = page.getByTestId('legend');
    // The panes are found by their names in any interface language: specs in Russian and Kazakh use them too.
    this.details = page.getByRole('complementary', { name: anyLanguage('Details') });
    this.editor = new CellEditorPanel(page, this.details);
    this.emptyState = page.getByRole('main', { name: 'No project open' });
    this.recentList = page.getByTestId('recent-list');
    this.openPathInput = page.getByLabel('Path of a .comparanda file');
    this.alert = page.getByRole('alert');
    this.dialog = page.getByRole('dialog');
    this.codeInput = page.getByLabel('One-time code');
  }

  /**
   * What a user does after starting the server: opens the address it printed and, when the page asks for it, enters
   * the one-time code printed with it. Waits for the page to be past that step (a project or the empty state).
   */
  async signIn(app: WebApp = this.app): Promise<void> {
    await this.page.goto(app.url);
    const inside = this.matrix.or(this.emptyState);
    await expect(this.codeInput.or(inside)).toBeVisible();
    if (await this.codeInput.isVisible()) {
      await this.codeInput.fill(app.token);
      await this.page.getByRole('button', { name: 'Start' }).click();
    }
    await expect(inside).toBeVisible();
  }

  /** Opens the address the server printed (entering the one-time code the first time), and waits for the matrix. */
  async open(): Promise<void> {
    await this.signIn();
    await this.matrixReady();
  }

  async matrixReady(): Promise<void> {
    await expect(this.matrix).toBeVisible();
    await expect(this.matrix).not.toHaveAttribute('aria-busy', 'true');
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.matrixReady();
  }

  // --- Sidebar ---------------------------------------------------------------------------------------------

  caseItem(name: string): Locator {
    return this.nav.locator('[data-nav-item^="case:"]').filter({ has: this.page.locator('.nav-label', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  }

  caseItems(): Locator {
    return this.nav.getByTestId('case-list').locator('[data-nav-item^="case:"]');
  }

  normItem(label: string): Locator {
    return this.nav.locator('[data-nav-item^="norm:"]').filter({ has: this.page.locator('.nav-label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  }

  normItems(): Locator {
    return this.nav.getByTestId('norm-list').locator('[data-nav-item^="norm:"]');
  }

  viewItem(name: string): Locator {
    return this.nav.getByRole('button', { name, exact: true });
  }

  /** The drag handle of a case or norm in the sidebar (one Right arrow away from its item). */
  sidebarHandle(name: string): Locator {
    return this.nav.getByRole('button', { name: `Move ${name}`, exact: true });
  }

  async selectNorm(label: string): Promise<void> {
    await this.normItem(label).click();
    await expect(this.matrixNorm).toHaveText(label);
    await this.matrixReady();
  }

  async addCase(name: string, isoCode: string): Promise<void> {
    await this.nav.getByRole('button', { name: 'Add case' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add case' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('ISO code').fill(isoCode);
    await dialog.getByRole('button', { name: 'Add case' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.caseItem(name)).toBeVisible();
  }

  // --- Matrix ----------------------------------------------------------------------------------------------

  /** The case column headers, in screen order (cases as columns). */
  caseHeaders(): Locator {
    return this.matrix.locator('thead th[data-case-id]');
  }

  /** The case row headers, in screen order (stages as columns). */
  caseRowHeaders(): Locator {
    return this.matrix.locator('tbody th.matrix-case-row');
  }

  /** The stage row headers (cases as columns). */
  stageHeaders(): Locator {
    return this.matrix.getByRole('rowheader');
  }

  /** The stage column headers (stages as columns). */
  stageColumnHeaders(): Locator {
    return this.matrix.locator('thead th[data-stage-id]');
  }

  normHeaderRows(): Locator {
    return this.matrix.locator('tr.matrix-norm-row');
  }

  cell(caseName: string, stageLabel: string, normLabel?: string): Locator {
    const norm = normLabel ? `[data-norm="${normLabel}"]` : '';
    return this.matrix.locator(`td[data-case="${caseName}"][data-stage="${stageLabel}"]${norm}`);
  }

  cells(): Locator {
    return this.matrix.getByRole('gridcell');
  }

  focusedCell(): Locator {
    return this.matrix.locator('td:focus');
  }

  /** Cells marked as differing from the focal case. */
  differingCells(): Locator {
    return this.matrix.locator('td.is-different');
  }

  async chooseNorm(label: string): Promise<void> {
    await this.normPicker.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await this.matrixReady();
  }

  async showAllNormsStacked(): Promise<void> {
    await this.normPicker.click();
    await this.page.getByRole('option', { name: /^All norms, stacked/ }).click();
    await expect(this.matrixNorm).toHaveText(/stacked/);
    await this.matrixReady();
  }

  casesPopover(): Locator {
    return this.page.getByTestId('cases-popover');
  }

  /** Moves a case in the matrix's column order with the keyboard only (dnd-kit's keyboard sensor). */
  async moveColumnByKeyboard(caseName: string, steps: number): Promise<void> {
    await this.casesButton.click();
    const popover = this.casesPopover();
    await expect(popover).toBeVisible();
    const handle = popover.getByRole('button', { name: `Move ${caseName}`, exact: true });
    await dragByKeyboard(this.page, handle, caseName, steps);
    await this.page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
  }

  // --- Saving and history ----------------------------------------------------------------------------------

  async saved(): Promise<void> {
    await expect(this.saveState).toHaveText(/^Saved/);
  }

  // --- Saved views -----------------------------------------------------------------------------------------

  async saveViewAs(name: string): Promise<void> {
    await this.viewButton.click();
    await this.page.getByRole('menuitem', { name: 'Save view as…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.viewButton).toHaveAccessibleName(`View: ${name}`);
  }

  async applyView(name: string): Promise<void> {
    await this.viewButton.click();
    await this.page.getByRole('menuitemradio', { name }).click();
    await expect(this.viewButton).toHaveAccessibleName(`View: ${name}`);
    await this.matrixReady();
  }

  // --- Empty state -----------------------------------------------------------------------------------------

  async closeProject(): Promise<void> {
    await this.closeButton.click();
    await expect(this.emptyState).toBeVisible();
  }

  recentProject(title: string): Locator {
    return this.recentList.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  async openByPath(file: string): Promise<void> {
    await this.openPathInput.fill(file);
    await this.emptyState.getByRole('button', { name: 'Open', exact: true }).click();
  }

  // --- The API, from the page ------------------------------------------------------------------------------

  /**
   * Calls the API from inside the page, as the page's own script would: with the browser's session cookie, or
   * (`withSession: false`) without any cookie, plus any extra headers.
   */
  async callApi(method: string, input: unknown, how: { withSession?: boolean; headers?: Record<string, string> } = {}): Promise<ApiReply> {
    return this.page.evaluate(
      async ({ method, input, withSession, extra }) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...extra },
          body: JSON.stringify(input),
          credentials: withSession ? 'same-origin' : 'omit',
        });
        const text = await response.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep the text
        }
        return { status: response.status, body };
      },
      { method, input, withSession: how.withSession ?? true, extra: how.headers ?? {} },
    );
  }

  /** Starts this browser context's session without the page (for a page whose API bridge is stood in for). */
  async startSession(app: WebApp = this.app): Promise<void> {
    const response = await this.page.context().request.post(`${app.origin}/session`, { data: { token: app.token } });
    expect(response.status(), await response.text()).toBe(204);
  }

  /** Calls a method that must succeed and returns its result. */
  async apiResult<T>(method: string, input: unknown): Promise<T> {
    const reply = await this.callApi(method, input);
    expect(reply.status, `${method} answered HTTP ${reply.status}`).toBe(200);
    const body = reply.body as { ok: boolean; result: T };
    expect(body.ok, `${method} failed: ${JSON.stringify(reply.body)}`).toBe(true);
    return body.result;
  }

  async overview(): Promise<ProjectOverview> {
    return this.apiResult<ProjectOverview>('project.overview', {});
  }

  async projectPath(): Promise<string> {
    return (await this.apiResult<{ path: string }>('project.current', {})).path;
  }

  /** Every cell of one norm's matrix as the open project holds it, cases x stages. */
  async expectedMatrix(normLabel: string): Promise<ExpectedCell[]> {
    const overview = await this.overview();
    const norm = overview.norms.find((n) => n.label === normLabel);
    if (!norm) throw new Error(`The open project has no norm "${normLabel}".`);
    const framework = overview.frameworks.find((f) => f.id === norm.frameworkId);
    if (!framework) throw new Error(`The norm "${normLabel}" has no framework.`);
    const cells = await this.apiResult<CellDto[]>('cells.list', { normId: norm.id });
    return overview.cases.flatMap((kase) =>
      framework.stages.map((stage) => {
        const cell = cells.find((c) => c.caseId === kase.id && c.stageId === stage.id);
        if (!cell) return { caseName: kase.name, stageLabel: stage.label, status: null };
        const label = framework.statuses.find((s) => s.key === cell.status)?.label ?? cell.status;
        return { caseName: kase.name, stageLabel: stage.label, status: cell.mode ? `${label} · ${MODE_WORDS[cell.mode]}` : label };
      }),
    );
  }

  // --- Screenshots -----------------------------------------------------------------------------------------

  /** Resolves once every web font the page has asked for so far is loaded (screenshots and font checks). */
  async fontsReady(): Promise<void> {
    await this.page.evaluate(async () => {
      await (globalThis as unknown as PageGlobals).document.fonts.ready;
    });
  }

  async screenshot(name: string): Promise<void> {
    await this.fontsReady();
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', caret: 'hide' });
  }
}

/**
 * Moves a sortable item with dnd-kit's keyboard sensor as a keyboard user does: Space on its handle, arrows, Space.
 * Each step waits for the screen reader announcement of the new position (what such a user hears).
 */
export async function dragByKeyboard(page: Page, handle: Locator, label: string, steps: number): Promise<void> {
  const announcer = page.locator('[id^="DndLiveRegion"]');
  const start = await handle.evaluate((element) => {
    const item = element.closest('li')!;
    return Array.from(item.parentElement!.children).indexOf(item) + 1;
  });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  // Once dnd-kit has measured the drop targets it says where the item is: then the arrows move it.
  await expect(announcer.filter({ hasText: `${label} is now at position ${start} of` })).toHaveCount(1);
  for (let i = 1; i <= Math.abs(steps); i++) {
    await page.keyboard.press(steps < 0 ? 'ArrowUp' : 'ArrowDown');
    await expect(announcer.filter({ hasText: `${label} is now at position ${start + Math.sign(steps) * i} of` })).toHaveCount(1);
  }
  await page.keyboard.press('Space');
  await expect(handle).not.toHaveAttribute('aria-pressed', 'true');
  await expect(announcer.filter({ hasText: `${label} dropped` })).toHaveCount(1);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
