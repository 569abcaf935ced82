/**
 * The evidence side of the workbench, as a user sees it: Sources (table, details, imports), the reader and its
 * excerpt editor, the cell's EVIDENCE section, search, participants. Selectors for these views live only here.
 */
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT } from '../support/web-app';
import type { WorkbenchPage } from './workbench-page';

export const DOCUMENTS = path.join(REPO_ROOT, 'tests', 'fixtures', 'documents');
export const BIBLIOGRAPHY = path.join(REPO_ROOT, 'tests', 'fixtures', 'bibliography');

/** The page's own globals, typed just enough for page.evaluate (the tests' tsconfig has no DOM library). */
interface DomNode {
  nodeType: number;
  textContent: string | null;
}
interface DomRange {
  setStart(node: DomNode, offset: number): void;
  setEnd(node: DomNode, offset: number): void;
}
interface PageGlobals {
  document: {
    querySelector(selector: string): { childNodes: ArrayLike<DomNode & { childNodes: ArrayLike<DomNode> }> } | null;
    createRange(): DomRange;
    getSelection(): { removeAllRanges(): void; addRange(range: DomRange): void } | null;
  };
}

export class EvidencePage {
  readonly page: Page;
  readonly nav: Locator;
  readonly details: Locator;
  readonly sources: Locator;
  readonly sourceTable: Locator;
  readonly sourceDetails: Locator;
  readonly imports: Locator;
  readonly reader: Locator;
  readonly readerText: Locator;
  readonly readerExcerpts: Locator;
  readonly excerptEditor: Locator;
  readonly searchView: Locator;
  readonly searchInput: Locator;
  readonly searchResults: Locator;
  readonly searchStatus: Locator;
  readonly participants: Locator;
  readonly participantDetails: Locator;

  constructor(readonly workbench: WorkbenchPage) {
    this.page = workbench.page;
    this.nav = workbench.nav;
    this.details = workbench.details;
    this.sources = this.page.getByTestId('sources-view');
    this.sourceTable = this.page.getByRole('listbox', { name: 'Sources' });
    this.sourceDetails = this.details.getByTestId('source-details');
    this.imports = this.page.getByTestId('imports');
    this.reader = this.page.getByTestId('reader');
    this.readerText = this.page.getByTestId('reader-text');
    this.readerExcerpts = this.page.getByTestId('reader-excerpts');
    this.excerptEditor = this.details.getByTestId('excerpt-editor');
    this.searchView = this.page.getByTestId('search-view');
    this.searchInput = this.page.getByRole('searchbox', { name: 'Search the project' });
    this.searchResults = this.page.getByTestId('search-results');
    this.searchStatus = this.searchView.locator('.ev-search-status');
    this.participants = this.page.getByTestId('participant-table');
    this.participantDetails = this.details.getByTestId('participant-details');
  }

  navItem(label: 'Sources' | 'Search' | 'Participants' | 'Codebook' | 'Code matrix' | 'Memos' | 'Matrix'): Locator {
    return this.nav.getByRole('button', { name: label, exact: true });
  }

  async openSources(): Promise<void> {
    await this.navItem('Sources').click();
    await expect(this.sourceTable.getByRole('option').first()).toBeVisible();
  }

  // --- Sources and imports -----------------------------------------------------------------------------------

  sourceRow(title: string | RegExp): Locator {
    return this.sourceTable.getByRole('option').filter({ hasText: title });
  }

  async filterSources(text: string): Promise<void> {
    await this.sources.getByRole('searchbox', { name: 'Filter sources' }).fill(text);
  }

  importItem(fileName: string): Locator {
    return this.imports.locator(`li[data-file="${fileName}"]`);
  }

  /** Imports a document through the dialog's path field (what a browser user does) and waits until it is in. */
  async importDocument(file: string): Promise<void> {
    const fileName = path.basename(file);
    await this.sources.getByRole('button', { name: 'Import documents…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByLabel('Files (one path per line)').fill(file);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.importItem(fileName)).toContainText('Imported');
  }

  async openImported(fileName: string): Promise<void> {
    await this.importItem(fileName).getByRole('button', { name: `Open ${fileName}` }).click();
    await expect(this.reader).toBeVisible();
    await expect(this.readerText).not.toHaveAttribute('aria-busy', 'true');
  }

  bibliographyDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import bibliography' });
  }

  /** Opens the bibliography import and previews a file; answers the preview's rows. */
  async previewBibliography(file: string): Promise<Locator> {
    await this.sources.getByRole('button', { name: 'Import bibliography…' }).click();
    const dialog = this.bibliographyDialog();
    await dialog.getByLabel('Bibliography file').fill(file);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const rows = dialog.getByTestId('bibliography-preview').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    return rows;
  }

  // --- Reader --------------------------------------------------------------------------------------------------

  pageText(number: number): Locator {
    return this.readerText.locator(`[data-page-text="${number}"]`);
  }

  /** The text the reader scrolled to and marked (an excerpt or a search match). */
  targetMark(): Locator {
    return this.readerText.locator('mark[data-target="true"]');
  }

  /** Selects `text` on a page of the reader as a user's drag would: a DOM range over the page's text nodes. */
  async selectText(pageNumber: number, text: string): Promise<void> {
    const container = this.pageText(pageNumber);
    await expect(container).toContainText(text.split('\n')[0]!);
    await this.page.evaluate(
      ({ selector, wanted }) => {
        const doc = (globalThis as unknown as PageGlobals).document;
        const root = doc.querySelector(selector);
        if (!root) throw new Error(`No ${selector}`);
        // The page text is split into spans and marks; walk its text nodes in order.
        const nodes: DomNode[] = [];
        const walk = (list: ArrayLike<DomNode & { childNodes?: ArrayLike<DomNode> }>) => {
          for (let i = 0; i < list.length; i++) {
            const node = list[i]!;
            if (node.nodeType === 3) nodes.push(node);
            else if (node.childNodes) walk(node.childNodes as ArrayLike<DomNode & { childNodes?: ArrayLike<DomNode> }>);
          }
        };
        walk(root.childNodes);
        const full = nodes.map((n) => n.textContent ?? '').join('');
        const start = full.indexOf(wanted);
        if (start < 0) throw new Error(`"${wanted}" is not on the page`);
        const end = start + wanted.length;
        const locate = (offset: number, atEnd: boolean): [DomNode, number] => {
          let seen = 0;
          for (const node of nodes) {
            const length = (node.textContent ?? '').length;
            if (offset < seen + length || (atEnd && offset === seen + length)) return [node, offset - seen];
            seen += length;
          }
          const last = nodes[nodes.length - 1]!;
          return [last, (last.textContent ?? '').length];
        };
        const range = doc.createRange();
        range.setStart(...locate(start, false));
        range.setEnd(...locate(end, true));
        const selection = doc.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      { selector: `[data-testid="reader-text"] [data-page-text="${pageNumber}"]`, wanted: text },
    );
  }

  /** Ctrl+Shift+E, as the toolbar button says. */
  async makeExcerptByKeyboard(): Promise<void> {
    await expect(this.reader.getByRole('button', { name: 'Make excerpt' })).toBeEnabled();
    await this.page.keyboard.press('Control+Shift+E');
    await expect(this.excerptEditor).toHaveAttribute('data-state', 'draft');
  }

  editorField(label: 'Locator' | 'Original' | 'Translation' | 'Public speaker'): Locator {
    return this.excerptEditor.getByLabel(label, { exact: true });
  }

  /** Picks case, norm and stage in a "Link to a cell" picker and presses Link. */
  async linkCell(scope: Locator, caseName: string, norm: string, stage: string): Promise<void> {
    const picker = scope.getByRole('group', { name: 'Link to a cell' });
    await picker.getByLabel('Case').selectOption({ label: caseName });
    await picker.getByLabel('Norm').selectOption({ label: norm });
    await picker.getByLabel('Stage').selectOption({ label: stage });
    await picker.getByRole('button', { name: 'Link' }).click();
  }

  linkedCells(scope: Locator = this.excerptEditor): Locator {
    return scope.getByRole('list', { name: 'Linked cells' }).getByRole('listitem');
  }

  async saveExcerpt(): Promise<void> {
    await this.excerptEditor.getByRole('button', { name: 'Save excerpt' }).click();
    await expect(this.excerptEditor).toHaveAttribute('data-state', 'saved');
  }

  // --- Cell evidence ---------------------------------------------------------------------------------------------

  cellEvidence(): Locator {
    return this.workbench.editor.evidence.locator('li.ev-evidence');
  }

  // --- Search ----------------------------------------------------------------------------------------------------

  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+F');
    await expect(this.searchInput).toBeFocused();
    await this.searchInput.fill(query);
    await this.searchInput.press('Enter');
    await expect(this.searchStatus).toContainText(/result|Nothing found/);
  }

  hits(): Locator {
    return this.searchResults.locator('[data-hit]');
  }

  // --- Participants ----------------------------------------------------------------------------------------------

  participantRow(pseudonym: string): Locator {
    return this.participants.locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name: pseudonym, exact: true }) });
  }
}
