/**
 * Fieldwork safety as a user sees it: the title bar's Project menu, the safety panel (encryption, backups, check,
 * audit), the unlock screen, a new project, and the HISTORY section of the cell editor.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ProjectMenu {
  readonly trigger: Locator;
  readonly encryptedBadge: Locator;

  constructor(readonly page: Page) {
    this.trigger = page.getByRole('banner').getByRole('button', { name: 'Project menu' });
    this.encryptedBadge = page.getByTestId('encryption-badge');
  }

  async choose(item: string | RegExp): Promise<void> {
    await this.trigger.click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }
}

export class SafetyPanel {
  readonly root: Locator;
  readonly encryption: Locator;
  readonly backupsTable: Locator;
  readonly backupRows: Locator;
  readonly backUpNow: Locator;
  readonly checkButton: Locator;
  readonly checkReport: Locator;
  readonly exportAudit: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('project-panel');
    this.encryption = this.root.getByTestId('encryption-status');
    this.backupsTable = this.root.getByTestId('backups-table');
    this.backupRows = this.backupsTable.locator('tbody tr');
    this.backUpNow = this.root.getByRole('button', { name: 'Back up now' });
    this.checkButton = this.root.getByRole('button', { name: 'Check project' });
    this.checkReport = this.root.getByTestId('check-report');
    this.exportAudit = this.root.getByRole('button', { name: 'Export as CSV…' });
  }

  async open(menu: ProjectMenu): Promise<void> {
    await menu.choose('Safety and backups…');
    await expect(this.root).toBeVisible();
  }
}

/** The audit trail saved as a CSV file (Safety and backups → Audit trail → Export as CSV…). */
export class AuditExportDialog {
  readonly root: Locator;
  readonly path: Locator;
  readonly exportButton: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('audit-export-dialog');
    this.path = this.root.getByLabel('Save as');
    this.exportButton = this.root.getByRole('button', { name: 'Export', exact: true });
    this.result = this.root.getByTestId('audit-export-result');
  }
}

export class RestoreDialog {
  readonly root: Locator;
  readonly path: Locator;
  readonly restoreButton: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('restore-dialog');
    this.path = this.root.getByLabel('New file');
    this.restoreButton = this.root.getByRole('button', { name: 'Restore', exact: true });
    this.done = this.root.getByTestId('restore-done');
  }
}

export class UnlockScreen {
  readonly root: Locator;
  readonly title: Locator;
  readonly passphrase: Locator;
  readonly showToggle: Locator;
  readonly openButton: Locator;
  readonly backButton: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('unlock-screen');
    this.title = this.root.getByRole('heading', { level: 1 });
    this.passphrase = this.root.getByLabel('Passphrase', { exact: true });
    this.showToggle = this.root.getByRole('button', { name: /^(Show|Hide) passphrase$/ });
    this.openButton = this.root.getByRole('button', { name: 'Open', exact: true });
    this.backButton = this.root.getByRole('button', { name: 'Back' });
    this.message = this.root.getByRole('alert');
  }

  async unlock(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.openButton.click();
  }
}

export class CellHistory {
  readonly root: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page, details: Locator) {
    this.root = details.getByTestId('history');
    this.entries = this.root.getByTestId('history-entry');
  }

  /** The entry whose change to `field` ends in a value containing `after`. */
  entryChanging(field: string, after: string): Locator {
    return this.entries.filter({ has: this.page.locator('.history-change', { hasText: field }).filter({ has: this.page.locator('.history-after', { hasText: after }) }) });
  }
}

export class NewProjectDialog {
  readonly root: Locator;
  readonly title: Locator;
  readonly file: Locator;
  readonly encrypt: Locator;
  readonly passphrase: Locator;
  readonly repeat: Locator;
  readonly createButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('new-project-dialog');
    this.title = this.root.getByLabel('Title');
    this.file = this.root.getByRole('textbox', { name: 'File', exact: true });
    this.encrypt = this.root.getByRole('checkbox', { name: /Encrypt this project/ });
    this.passphrase = this.root.getByLabel('Passphrase', { exact: true });
    this.repeat = this.root.getByLabel('Repeat the passphrase', { exact: true });
    this.createButton = this.root.getByRole('button', { name: /^Create/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'New project…' }).click();
    await expect(this.root).toBeVisible();
  }
}
