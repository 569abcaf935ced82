/** The editor of the selected matrix cell, in the right pane. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CellEditorPanel {
  readonly root: Locator;
  readonly title: Locator;
  readonly status: Locator;
  readonly mode: Locator;
  readonly periodFrom: Locator;
  readonly periodTo: Locator;
  readonly confidence: Locator;
  readonly summary: Locator;
  readonly summaryToolbar: Locator;
  readonly memo: Locator;
  readonly evidence: Locator;

  constructor(
    readonly page: Page,
    details: Locator,
  ) {
    this.root = details.getByTestId('cell-editor');
    this.title = this.root.getByRole('heading', { level: 2 });
    this.status = this.root.getByRole('combobox', { name: 'Status' });
    this.mode = this.root.getByRole('radiogroup', { name: 'Mode' });
    this.periodFrom = this.root.getByLabel('Period from (year)');
    this.periodTo = this.root.getByLabel('Period to (year)');
    this.confidence = this.root.getByRole('radiogroup', { name: 'Confidence' });
    this.summary = this.root.getByRole('textbox', { name: 'Summary' });
    this.summaryToolbar = this.root.getByRole('toolbar', { name: 'Summary formatting' });
    this.memo = this.root.getByRole('textbox', { name: 'Private memo' });
    this.evidence = this.root.getByTestId('evidence');
  }

  async setStatus(label: string): Promise<void> {
    await this.status.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await expect(this.status).toHaveText(label);
  }

  async setMode(label: 'Discourse' | 'Practice' | 'Both' | 'None'): Promise<void> {
    await this.mode.getByRole('radio', { name: label }).click();
  }
}
