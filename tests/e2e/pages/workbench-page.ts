/**
 * The main window, as a user sees it: title bar, navigation, matrix, details, and the empty state when no project
 * is open. Specs speak in these terms; selectors live only here.
 */
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { CellDto, ProjectOverview } from '../../../electron/contract/api';
import { REPO_ROOT, type WebApp } from '../support/web-app';

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
  readonly nav: Locator;
  readonly matrix: Locator;
  readonly matrixNorm: Locator;
  readonly details: Locator;
  readonly emptyState: Locator;
  readonly recentList: Locator;
  readonly openPathInput: Locator;
  readonly alert: Locator;

  constructor(
    readonly page: Page,
    readonly app: WebApp,
  ) {
    this.titleBar = page.getByRole('banner');
    this.projectTitle = page.getByTestId('project-title');
    this.projectFile = page.getByTestId('project-file');
    this.closeButton = page.getByRole('button', { name: 'Close project' });
    this.nav = page.getByRole('navigation', { name: 'Project navigation' });
    this.matrix = page.getByRole('grid');
    this.matrixNorm = page.getByTestId('matrix-norm');
    this.details = page.getByRole('complementary', { name: 'Details' });
    this.emptyState = page.getByRole('main', { name: 'No project open' });
    this.recentList = page.getByTestId('recent-list');
    this.openPathInput = page.getByLabel('Path of a .comparanda file');
    this.alert = page.getByRole('alert');
  }

  /** Opens the address the server printed, and waits for the matrix. */
  async open(): Promise<void> {
    await this.page.goto(this.app.url);
    await expect(this.matrix).toBeVisible();
    await expect(this.matrix).not.toHaveAttribute('aria-busy', 'true');
  }

  caseItem(name: string): Locator {
    return this.nav.getByTestId('case-list').getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  normItem(label: string): Locator {
    return this.nav.getByTestId('norm-list').getByRole('button', { name: label, exact: true });
  }

  normItems(): Locator {
    return this.nav.getByTestId('norm-list').getByRole('button');
  }

  viewItem(name: string): Locator {
    return this.nav.getByRole('button', { name, exact: true });
  }

  /** The case column headers, in screen order (the first column holds the stages). */
  caseHeaders(): Locator {
    return this.matrix.locator('thead th[data-case-id]');
  }

  stageHeaders(): Locator {
    return this.matrix.getByRole('rowheader');
  }

  cell(caseName: string, stageLabel: string): Locator {
    return this.matrix.locator(`td[data-case="${caseName}"][data-stage="${stageLabel}"]`);
  }

  focusedCell(): Locator {
    return this.matrix.locator('td:focus');
  }

  async selectNorm(label: string): Promise<void> {
    await this.normItem(label).click();
    await expect(this.matrixNorm).toHaveText(label);
    await expect(this.matrix).not.toHaveAttribute('aria-busy', 'true');
  }

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

  /**
   * Calls the API from inside the page, as the page's own script would. `token: null` sends no Authorization
   * header at all.
   */
  async callApi(method: string, input: unknown, token: string | null = this.app.token): Promise<ApiReply> {
    return this.page.evaluate(
      async ({ method, input, token }) => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (token !== null) headers.Authorization = `Bearer ${token}`;
        const response = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
        const text = await response.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep the text
        }
        return { status: response.status, body };
      },
      { method, input, token },
    );
  }

  /** Calls a method that must succeed and returns its result. */
  async apiResult<T>(method: string, input: unknown): Promise<T> {
    const reply = await this.callApi(method, input);
    expect(reply.status, `${method} answered HTTP ${reply.status}`).toBe(200);
    const body = reply.body as { ok: boolean; result: T };
    expect(body.ok, `${method} failed: ${JSON.stringify(reply.body)}`).toBe(true);
    return body.result;
  }

  /** Every cell of one norm's matrix as the open project holds it, cases x stages. */
  async expectedMatrix(normLabel: string): Promise<ExpectedCell[]> {
    const overview = await this.apiResult<ProjectOverview>('project.overview', {});
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
