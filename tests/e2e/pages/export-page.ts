/**
 * The export dialog and the REFI-QDA exchange dialogs, as a user sees them. Selectors for these live only here.
 */
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

export class ExportDialog {
  readonly root: Locator;
  readonly kinds: Locator;
  readonly format: Locator;
  readonly norms: Locator;
  readonly cases: Locator;
  readonly path: Locator;
  readonly exportButton: Locator;
  readonly cancelExportButton: Locator;
  readonly progress: Locator;
  readonly result: Locator;
  readonly cancelled: Locator;
  readonly refusal: Locator;
  readonly preview: Locator;
  readonly previewFrame: FrameLocator;
  readonly previewState: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('export-dialog');
    this.kinds = this.root.getByRole('radiogroup', { name: 'What' });
    this.format = this.root.getByRole('radiogroup', { name: 'Format' });
    this.norms = this.root.getByRole('group', { name: 'Norms' });
    this.cases = this.root.getByRole('group', { name: 'Cases' });
    this.path = this.root.getByLabel('Save as');
    this.exportButton = this.root.getByRole('button', { name: /^Export( again)?$/ });
    this.cancelExportButton = this.root.getByRole('button', { name: 'Cancel export' });
    this.progress = this.root.getByTestId('export-progress');
    this.result = this.root.getByTestId('export-result');
    this.cancelled = this.root.getByTestId('export-cancelled');
    this.refusal = this.root.getByTestId('export-refusal');
    this.preview = this.root.getByTestId('export-preview');
    this.previewFrame = this.preview.frameLocator('iframe');
    this.previewState = this.preview.getByRole('status');
  }

  /** Opens the dialog from the title bar's Export button. */
  async openFromTitleBar(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
    await expect(this.root).toBeVisible();
  }

  /** Opens the dialog with the keyboard shortcut. */
  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+e');
    await expect(this.root).toBeVisible();
  }

  async chooseKind(label: string): Promise<void> {
    await this.kinds.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  }

  async chooseFormat(label: string): Promise<void> {
    await this.format.getByRole('radio', { name: label, exact: true }).click();
    await expect(this.format.getByRole('radio', { name: label, exact: true })).toHaveAttribute('aria-checked', 'true');
  }

  norm(label: string): Locator {
    return this.norms.getByRole('checkbox', { name: label, exact: true });
  }

  /** Shows only the norms named (unticking the others). */
  async onlyNorms(labels: string[]): Promise<void> {
    const boxes = this.norms.getByRole('checkbox');
    for (const box of await boxes.all()) {
      const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
      await box.setChecked(labels.includes(name));
    }
  }

  /** Waits until the preview shows the current choices (not "Updating…"). */
  async previewSettled(): Promise<void> {
    await expect(this.previewState).not.toHaveText('Updating…');
    await expect(this.previewFrame.locator('body')).toBeVisible();
  }

  async setPath(file: string): Promise<void> {
    await this.path.fill(file);
  }
}

export class QdaImportDialog {
  readonly root: Locator;
  readonly path: Locator;
  readonly next: Locator;
  readonly mapping: Locator;
  readonly importButton: Locator;
  readonly report: Locator;
  readonly skipped: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('qda-import-dialog');
    this.path = this.root.getByLabel('REFI-QDA project file');
    this.next = this.root.getByRole('button', { name: 'Next: map codes' });
    this.mapping = this.root.getByTestId('qda-mapping');
    this.importButton = this.mapping.getByRole('button', { name: 'Import', exact: true });
    this.report = this.root.getByTestId('qda-report');
    this.skipped = this.report.getByTestId('qda-skipped');
  }

  codeRow(name: string): Locator {
    return this.mapping.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async mapCode(name: string, target: string): Promise<void> {
    await this.mapping.getByRole('combobox', { name: `Coded excerpts of “${name}” go to` }).selectOption({ label: target });
  }
}

export class QdaExportDialog {
  readonly root: Locator;
  readonly path: Locator;
  readonly exportButton: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('qda-export-dialog');
    this.path = this.root.getByLabel('Save as');
    this.exportButton = this.root.getByRole('button', { name: 'Export', exact: true });
    this.result = this.root.getByTestId('qda-export-result');
  }
}
