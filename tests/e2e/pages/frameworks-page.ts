/** The Frameworks page (centre pane) and the orphan dialog that guards structural changes. */
import { expect, type Locator, type Page } from '@playwright/test';

export class FrameworksPage {
  readonly root: Locator;
  readonly list: Locator;
  readonly editor: Locator;
  readonly stages: Locator;
  readonly statuses: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('frameworks-view');
    this.list = this.root.getByRole('list', { name: 'Frameworks' });
    this.editor = this.root.getByTestId('framework-editor');
    this.stages = this.editor.getByTestId('stage-list');
    this.statuses = this.editor.getByTestId('status-list');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Project navigation' }).getByRole('button', { name: 'Frameworks', exact: true }).click();
    await expect(this.root).toBeVisible();
  }

  framework(name: string | RegExp): Locator {
    return this.list.getByRole('button', { name });
  }

  async choose(name: string | RegExp): Promise<void> {
    await this.framework(name).click();
    await expect(this.framework(name)).toHaveAttribute('aria-current', 'true');
  }

  async createFromTemplate(templateName: string): Promise<void> {
    await this.root.getByRole('button', { name: 'New framework…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New framework' });
    await dialog.getByRole('radio', { name: new RegExp(`^${templateName}`) }).check();
    await dialog.getByRole('button', { name: 'Create framework' }).click();
    await expect(dialog).toBeHidden();
  }

  stageLabels(): Locator {
    return this.stages.getByRole('textbox', { name: /^Label of stage/ });
  }

  /** The stage labels as the inputs show them, in order. */
  async stageValues(): Promise<string[]> {
    const inputs = await this.stageLabels().all();
    return Promise.all(inputs.map((input) => input.inputValue()));
  }

  stageRow(label: string): Locator {
    return this.stages.locator(`[data-stage="${label}"]`);
  }

  async removeStage(label: string): Promise<void> {
    await this.stages.getByRole('button', { name: `Remove stage ${label}` }).click();
  }
}

export class OrphanDialog {
  readonly root: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('orphan-dialog');
    this.rows = this.root.getByRole('table', { name: 'Cells affected' }).locator('tbody tr');
  }

  choice(name: 'Move them' | 'Keep them archived' | 'Delete them'): Locator {
    return this.root.getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  async cancel(): Promise<void> {
    await this.root.getByRole('button', { name: 'Cancel' }).click();
    await expect(this.root).toBeHidden();
  }

  async apply(): Promise<void> {
    await this.root.getByRole('button', { name: /and (change the framework|remove the stage)$/ }).click();
    await expect(this.root).toBeHidden();
  }
}
