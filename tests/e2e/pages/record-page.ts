/**
 * The record pages as a user sees them: the claims register and a claim's comparison card, the observation
 * timeline and findings grid, the regional context (and its band under the matrix), the indicator chart, the
 * verification list and the CSV import dialog. Selectors for these pages live only here.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ClaimDto, ElectionDto, IndicatorDto } from '../../../electron/contract/api';
import { escapeRegExp, type WorkbenchPage } from './workbench-page';

export type RecordPageName = 'Claims' | 'Observation' | 'Regional context' | 'Indicators' | 'Verification';

export class RecordPage {
  readonly page: Page;
  readonly centre: Locator;
  readonly details: Locator;
  // Claims
  readonly register: Locator;
  readonly card: Locator;
  readonly focalVerdicts: Locator;
  readonly comparatorVerdicts: Locator;
  readonly cellClaims: Locator;
  // Observation
  readonly timeline: Locator;
  readonly timelineAxis: Locator;
  readonly lanes: Locator;
  readonly verdictLine: Locator;
  readonly findingsGrid: Locator;
  // Indicators
  readonly indicatorPicker: Locator;
  readonly chart: Locator;
  readonly chartLegend: Locator;
  readonly valuesTable: Locator;
  // Context
  readonly band: Locator;
  readonly bandToggle: Locator;
  // Import
  readonly importDialog: Locator;

  constructor(readonly workbench: WorkbenchPage) {
    const page = workbench.page;
    this.page = page;
    this.centre = page.getByRole('main').getByTestId('page-centre');
    this.details = workbench.details;
    this.register = page.getByTestId('claims-register');
    this.card = page.getByTestId('claim-card');
    this.focalVerdicts = this.card.getByTestId('focal-verdicts');
    this.comparatorVerdicts = this.card.getByTestId('comparator-verdicts');
    this.cellClaims = workbench.details.getByTestId('cell-claims');
    this.timeline = page.getByTestId('timeline');
    this.timelineAxis = page.getByTestId('timeline-axis');
    this.lanes = this.timeline.getByTestId('timeline-lane');
    this.verdictLine = page.getByTestId('verdict-line');
    this.findingsGrid = page.getByTestId('findings-grid');
    this.indicatorPicker = page.getByTestId('indicator-picker');
    this.chart = page.getByTestId('indicator-chart');
    this.chartLegend = page.getByTestId('indicator-legend');
    this.valuesTable = page.getByTestId('values-table');
    this.band = page.getByTestId('context-band');
    this.bandToggle = page.getByTestId('context-band-toggle');
    this.importDialog = page.getByRole('dialog', { name: 'Import CSV' });
  }

  async go(name: RecordPageName): Promise<void> {
    await this.workbench.viewItem(name).click();
    await expect(this.workbench.viewItem(name)).toHaveAttribute('aria-current', 'page');
    await expect(this.page.getByRole('main', { name })).toBeVisible();
  }

  // --- Claims ------------------------------------------------------------------------------------------------

  claimRow(text: string | RegExp): Locator {
    return this.register.getByRole('row').filter({ hasText: text });
  }

  async openClaim(text: string | RegExp): Promise<void> {
    await this.claimRow(text).click();
    await expect(this.claimRow(text)).toHaveAttribute('aria-selected', 'true');
    await expect(this.card).toBeVisible();
  }

  /** Scrolls the card back to its top (the claim and its citation), e.g. for a screenshot. */
  async scrollCardToTop(): Promise<void> {
    await this.card.evaluate((element) => element.closest('.rec-card-scroll')?.scrollTo(0, 0));
  }

  verdicts(column: Locator): Locator {
    return column.getByTestId('verdict');
  }

  cardSelect(label: 'Assessment' | 'Verification'): Locator {
    return this.card.getByLabel(label, { exact: true });
  }

  cellClaim(text: string | RegExp): Locator {
    return this.cellClaims.getByRole('listitem').filter({ hasText: text });
  }

  // --- Observation -------------------------------------------------------------------------------------------

  lane(caseName: string): Locator {
    return this.timeline.locator(`[data-testid="timeline-lane"][data-case="${caseName}"]`);
  }

  marks(caseName?: string): Locator {
    return (caseName ? this.lane(caseName) : this.timeline).getByTestId('election-mark');
  }

  mark(caseName: string, date: string): Locator {
    return this.lane(caseName).locator(`[data-testid="election-mark"][data-date="${date}"]`);
  }

  /** The horizontal centre of an element on screen. */
  async centreX(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('The element is not on screen.');
    return box.x + box.width / 2;
  }

  // --- Indicators --------------------------------------------------------------------------------------------

  async chooseIndicator(name: string): Promise<void> {
    const label = (await this.indicatorPicker.locator('option').allTextContents()).find((o) => o.startsWith(name));
    if (!label) throw new Error(`No indicator "${name}" in the picker.`);
    await this.indicatorPicker.selectOption({ label });
    await expect(this.page.getByRole('heading', { level: 3, name: startsWith(name) })).toBeVisible();
  }

  /** The drawn lines (SVG paths) of the chart. */
  chartLines(): Locator {
    return this.chart.locator('path.recharts-line-curve');
  }

  legendItem(caseName: string): Locator {
    return this.chartLegend.locator(`[data-case="${caseName}"]`);
  }

  valueInput(caseName: string, year: number): Locator {
    return this.valuesTable.getByRole('textbox', { name: `${caseName} ${year}`, exact: true });
  }

  // --- CSV import --------------------------------------------------------------------------------------------

  async openImport(): Promise<void> {
    await this.centre.getByRole('button', { name: 'Import CSV…' }).click();
    await expect(this.importDialog).toBeVisible();
  }

  async previewCsv(kind: string, file: string): Promise<void> {
    await this.importDialog.getByLabel('Kind').selectOption({ label: kind });
    await this.importDialog.getByLabel('Path of the CSV file').fill(file);
    await this.importDialog.getByRole('button', { name: 'Preview' }).click();
    await expect(this.importDialog.getByTestId('csv-preview')).toBeVisible();
  }

  importButton(): Locator {
    return this.importDialog.getByRole('button', { name: /^Import/ });
  }

  csvProblems(): Locator {
    return this.importDialog.getByTestId('csv-problems').getByRole('listitem');
  }

  // --- The API, for expectations -----------------------------------------------------------------------------

  async claims(): Promise<ClaimDto[]> {
    return this.workbench.apiResult<ClaimDto[]>('claims.list', {});
  }

  async elections(): Promise<ElectionDto[]> {
    return (await this.workbench.apiResult<{ elections: ElectionDto[] }>('observation.list', {})).elections;
  }

  async indicators(): Promise<IndicatorDto[]> {
    return this.workbench.apiResult<IndicatorDto[]>('indicators.list', {});
  }
}

export function startsWith(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`);
}
