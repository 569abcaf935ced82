/**
 * Issue #5: double-standards claims tested against the observers' verdicts, the observation record, the SCO
 * regional context and indicators — as a researcher uses them in the sample project (Kazakhstan and Belarus).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { RecordPage } from './pages/record-page';

const OBSERVATION = 'International election observation';
const BELARUS_CLAIM = /Belarus is held up as a country whose ODIHR final reports were less critical/;

test.describe('double-standards claims', () => {
  test('a claim is tested against both countries’ verdicts side by side; its verification reaches the matrix cell, and Ctrl+Z takes it back', async ({
    workbench,
    page,
  }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    const claim = (await record.claims()).find((c) => BELARUS_CLAIM.test(c.statement));
    if (!claim) throw new Error('The sample has no claim about Belarus being judged more leniently.');
    const overview = await workbench.overview();
    const kazakhstan = overview.cases.find((c) => c.name === 'Kazakhstan')!;
    const belarus = overview.cases.find((c) => c.name === 'Belarus')!;
    const missions = (await record.elections()).flatMap((e) => e.missions.map((m) => ({ ...m, caseId: e.caseId })));
    const compared = missions.filter((m) => claim.missionIds.includes(m.id));
    const onSide = (caseId: string) => compared.filter((m) => m.caseId === caseId).length;
    expect(onSide(kazakhstan.id)).toBeGreaterThan(0);
    expect(onSide(belarus.id)).toBeGreaterThan(0);

    await record.go('Claims');
    // The register: the claim is a paraphrase (marked, never in quotation marks), tested as not supported.
    const row = record.claimRow(BELARUS_CLAIM);
    await expect(row).toContainText('paraphrase');
    await expect(row).not.toContainText('“Belarus is held up');
    await expect(row).toContainText('Kazakhstan vs Belarus');
    await expect(row).toContainText('not supported');
    await expect(row).toContainText('one source only');
    // A quoted claim is in quotation marks.
    await expect(record.claimRow(/Poland, the country/)).toContainText('“Poland, the country');

    // Keyboard: the register is one Tab stop; the arrows move, Enter opens the card.
    await record.claimRow(/Marat Tazhin/).click();
    await page.keyboard.press('ArrowUp');
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(row).toBeFocused();
    await page.keyboard.press('Enter');

    // The comparison card: the focal case's verdicts next to the comparator's.
    await expect(record.card).toContainText('Belarus is held up as a country');
    await expect(record.focalVerdicts).toContainText('Kazakhstan');
    await expect(record.comparatorVerdicts).toContainText('Belarus');
    await expect(record.verdicts(record.focalVerdicts)).toHaveCount(onSide(kazakhstan.id));
    await expect(record.verdicts(record.comparatorVerdicts)).toHaveCount(onSide(belarus.id));
    // ODIHR used the same formula for both: the card shows it on both sides, with findings as words.
    await expect(record.focalVerdicts).toContainText('considerable way to go');
    await expect(record.comparatorVerdicts).toContainText('considerable way to go');
    await expect(record.comparatorVerdicts.locator('[data-severity="severe"]').first()).toContainText('severe');
    await expect(record.card).toContainText('Stage 3, fn 53-54');
    await expect(record.cardSelect('Assessment')).toHaveValue('not-supported');
    await expect(record.cardSelect('Assessment')).toBeFocused();
    await record.scrollCardToTop();
    await workbench.screenshot('claims-card.png');

    // Verified externally now; the change shows in the cell's CLAIMS section.
    await record.cardSelect('Verification').selectOption('verified-external');
    await workbench.saved();
    await expect(record.claimRow(BELARUS_CLAIM)).toContainText('verified externally');

    await record.card.getByRole('button', { name: 'Show in matrix' }).click();
    await workbench.matrixReady();
    await expect(workbench.matrixNorm).toHaveText(OBSERVATION);
    await expect(workbench.cell('Kazakhstan', 'Reconstitution')).toHaveAttribute('aria-selected', 'true');
    const inCell = record.cellClaim(BELARUS_CLAIM);
    await expect(record.cellClaims.getByRole('heading')).toHaveText(/^Claims \(\d+\)$/);
    await expect(inCell).toContainText('not supported');
    await expect(inCell).toContainText('verified externally');

    // Ctrl+Z outside a text field undoes the last edit: the claim's verification.
    await workbench.cell('Kazakhstan', 'Reconstitution').focus();
    await page.keyboard.press('Control+z');
    await expect(inCell).toContainText('one source only');
    expect((await record.claims()).find((c) => c.id === claim.id)?.verification).toBe('one-source');

    // From the cell, the claim opens its card again.
    await inCell.getByRole('button').click();
    await expect(page.getByRole('main', { name: 'Claims' })).toBeVisible();
    await expect(record.cardSelect('Verification')).toHaveValue('one-source');
  });

  test('a new claim is created, edited (reasoning autosaves) and deleted', async ({ workbench, page }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    await record.go('Claims');
    await page.getByRole('button', { name: 'New claim…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New claim' });
    await dialog.getByRole('textbox', { name: 'Claimant', exact: true }).fill('CEC member 2');
    await dialog.getByRole('textbox', { name: 'Statement', exact: true }).fill('ODIHR never criticised Belarusian commissions as it did ours.');
    await dialog.getByRole('combobox', { name: 'Stage', exact: true }).selectOption({ label: '3 Reconstitution' });
    await dialog.getByRole('button', { name: 'Add claim' }).click();
    await expect(dialog).toBeHidden();
    await expect(record.claimRow('CEC member 2')).toHaveAttribute('aria-selected', 'true');
    await expect(record.claimRow('CEC member 2')).toContainText('paraphrase');

    await record.card.getByLabel('Reasoning').fill('ODIHR called Belarusian commission composition “serious” in 2012 and 2016.');
    await workbench.saved();
    const made = (await record.claims()).find((c) => c.claimant === 'CEC member 2');
    expect(made?.reasoning).toContain('commission composition');
    // The claimant's country defaulted to the focal case, not to "not a case".
    const kazakhstan = (await workbench.overview()).cases.find((c) => c.name === 'Kazakhstan')!;
    expect(made?.claimantCaseId).toBe(kazakhstan.id);

    await record.details.getByRole('button', { name: 'Delete claim…' }).click();
    await page.getByRole('dialog', { name: 'Delete this claim?' }).getByRole('button', { name: 'Delete claim' }).click();
    await expect(record.claimRow('CEC member 2')).toHaveCount(0);
  });
});

test.describe('comparing verdicts for a case with none yet', () => {
  test('the dialog offers to record an election and leads to it on the Observation page', async ({ workbench, page }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    await workbench.addCase('Russia', 'RUS');
    await record.go('Claims');
    await record.openClaim(BELARUS_CLAIM);
    await record.card.getByRole('button', { name: 'Compare more verdicts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare verdicts' });
    await dialog.getByRole('checkbox', { name: /every case/ }).check();
    const russia = dialog.getByRole('group', { name: 'Russia' });
    await expect(russia).toContainText('No election with an observer mission is recorded for this case yet.');
    await workbench.screenshot('compare-verdicts-no-election.png');
    await russia.getByRole('button', { name: 'Record an election…' }).click();
    const election = page.getByRole('dialog', { name: 'Add election' });
    await expect(election.getByLabel('Case')).toHaveValue((await workbench.overview()).cases.find((c) => c.name === 'Russia')!.id);
    await election.getByLabel('Date').fill('2024-03-17');
    await election.getByLabel('Type').selectOption('presidential');
    await election.getByRole('button', { name: 'Add election' }).click();
    await expect(page.getByRole('main', { name: 'Observation' })).toBeVisible();
    const added = (await record.elections()).find((e) => e.date === '2024-03-17');
    expect(added?.type).toBe('presidential');
  });
});

test.describe('the observation record', () => {
  test('puts both cases on one time axis, shows the verdicts of the selected election and the findings grid', async ({ workbench, page }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    const elections = await record.elections();
    const overview = await workbench.overview();
    const count = (name: string) => elections.filter((e) => e.caseId === overview.cases.find((c) => c.name === name)!.id).length;

    await record.go('Observation');
    // One timeline, one axis, one lane per case.
    await expect(record.timeline).toHaveCount(1);
    await expect(record.timelineAxis).toHaveCount(1);
    await expect(record.lanes).toHaveCount(2);
    await expect(record.lanes.nth(0)).toHaveAttribute('data-case', 'Kazakhstan');
    await expect(record.lanes.nth(1)).toHaveAttribute('data-case', 'Belarus');
    await expect(record.marks('Kazakhstan')).toHaveCount(count('Kazakhstan'));
    await expect(record.marks('Belarus')).toHaveCount(count('Belarus'));
    // The same axis: a date sits at the same place in either lane, in time order across them.
    const belarus2000 = await record.centreX(record.mark('Belarus', '2000-10-15'));
    const kazakhstan2004 = await record.centreX(record.mark('Kazakhstan', '2004-09-19'));
    const belarus2004 = await record.centreX(record.mark('Belarus', '2004-10-17'));
    expect(belarus2000).toBeLessThan(kazakhstan2004);
    expect(Math.abs(kazakhstan2004 - belarus2004)).toBeLessThan(12);
    // Each mark names its missions; no mission is said in words, with the reason.
    await expect(record.mark('Kazakhstan', '2012-01-15')).toHaveAccessibleName(/OSCE\/ODIHR full observation mission; SCO/);
    await expect(record.lane('Belarus')).toContainText('no ODIHR');

    await record.mark('Belarus', '2020-08-09').click();
    await expect(record.verdictLine).toContainText('no mission');
    await expect(record.verdictLine).toContainText('no timely invitation');
    await expect(record.details.getByTestId('election-details')).toContainText('Belarus');

    // Keyboard: Left/Right along a lane, Up/Down to the other case at the nearest date.
    await record.mark('Kazakhstan', '2012-01-15').click();
    await page.keyboard.press('ArrowRight');
    await expect(record.mark('Kazakhstan', '2015-04-26')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(record.mark('Belarus', '2015-10-11')).toBeFocused();
    await expect(record.mark('Belarus', '2015-10-11')).toHaveAttribute('aria-pressed', 'true');
    await expect(record.verdictLine).toContainText('considerable way to go');
    await expect(record.details.getByTestId('mission-editor')).toHaveCount(1);

    // Similar problems, different verdict: the findings, as words, election by election.
    await expect(record.findingsGrid.locator('tr[data-dimension="Commission composition"]')).toContainText('serious');
    await expect(record.findingsGrid.locator('tr[data-dimension="Executive interference"]')).toContainText('severe');

    // The findings editor: code a finding, see it in the grid.
    const editor = record.details.getByTestId('findings-editor');
    await editor.getByLabel('Media environment').selectOption('serious');
    await workbench.saved();
    await expect(record.findingsGrid.locator('tr[data-dimension="Media environment"]')).toContainText('serious');
    await record.mark('Kazakhstan', '2012-01-15').click();
    await workbench.screenshot('observation-timeline.png');
  });
});

test.describe('regional context and indicators', () => {
  test('an election and a membership are added through their dialogs: case, date, type or status', async ({ workbench, page }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    const before = (await record.elections()).length;

    await record.go('Observation');
    await page.getByRole('button', { name: /Add election/ }).click();
    const election = page.getByRole('dialog', { name: 'Add election' });
    await election.getByLabel('Case').selectOption({ label: 'Belarus' });
    await election.getByLabel('Date').fill('2030-03-01');
    await election.getByLabel('Type').selectOption({ index: 1 });
    await workbench.screenshot('add-election.png');
    await election.getByRole('button', { name: 'Add election' }).click();
    await expect(election).toHaveCount(0);
    const added = (await record.elections()).filter((e) => e.date === '2030-03-01');
    expect((await record.elections()).length).toBe(before + 1);
    expect(added).toHaveLength(1);
    expect(added[0]!.caseId).toBe((await workbench.overview()).cases.find((c) => c.name === 'Belarus')!.id);

    await record.go('Regional context');
    await page.getByRole('region', { name: 'Regional context' }).getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('menuitem', { name: /membership/i }).click();
    const membership = page.getByRole('dialog', { name: 'Add membership' });
    await expect(membership.getByLabel('Case')).toBeVisible();
    await membership.getByLabel('Status').selectOption({ index: 1 });
    await membership.getByLabel('From').fill('2031');
    await workbench.screenshot('add-membership.png');
    await membership.getByRole('button', { name: /^Add/ }).click();
    await expect(membership).toHaveCount(0);
  });

  test('the band under the matrix names the regional norms that bear on the selected cell', async ({ workbench }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    await expect(record.band).toContainText('Regional context');
    await workbench.cell('Kazakhstan', 'Reconstitution').click();
    await expect(record.band).toContainText('2012–2016');
    await expect(record.band).toContainText('Sovereignty and non-interference');
    await record.bandToggle.click();
    await expect(record.bandToggle).toHaveAttribute('aria-expanded', 'true');
    await expect(record.band).toContainText('Through Kazakhstan (founding member 2001');
    await expect(record.band).toContainText('Charter of the Shanghai Cooperation Organisation');
    await workbench.screenshot('context-band.png');

    await record.band.getByRole('button', { name: 'Sovereignty and non-interference in internal affairs' }).click();
    await expect(workbench.page.getByRole('main', { name: 'Regional context' })).toBeVisible();
    await expect(record.details.getByTestId('regional-norm-details')).toContainText('Sovereignty and non-interference');
    // Memberships over time: Belarus moved from dialogue partner to observer to member of the SCO.
    await expect(workbench.page.locator('[data-testid="membership-row"][data-case="Belarus"]').getByTestId('membership-bar')).toHaveText([
      /dialogue partner/,
      /observer/,
      /member/,
    ]);
  });

  test('the indicator chart draws Kazakhstan and Belarus on the indicator’s scale; a value is edited in the table', async ({ workbench, page }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    const vdem = (await record.indicators()).find((i) => i.name.startsWith('V-Dem'))!;
    const overview = await workbench.overview();
    const kazakhstan = overview.cases.find((c) => c.name === 'Kazakhstan')!;

    await record.go('Indicators');
    await record.chooseIndicator('V-Dem');
    await expect(record.legendItem('Kazakhstan')).toContainText('Kazakhstan');
    await expect(record.legendItem('Belarus')).toContainText('Belarus');
    // Told apart by more than colour: marker shape and dash are named in the legend and drawn.
    await expect(record.legendItem('Kazakhstan')).toContainText('circle, solid line');
    await expect(record.legendItem('Belarus')).toContainText('square, dashed line');
    await expect(record.chartLines()).toHaveCount(2);
    for (const line of await record.chartLines().all()) await expect(line).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    await expect(record.chartLines().nth(1)).toHaveAttribute('stroke-dasharray', '7 4');
    await expect(record.chart.locator('.rec-marker-circle')).toHaveCount(vdem.values.filter((v) => v.caseId === kazakhstan.id).length);
    await expect(record.chart.locator('.rec-marker-square')).toHaveCount(vdem.values.filter((v) => v.caseId !== kazakhstan.id).length);
    // The y axis runs over the indicator's scale (0 to 1).
    await expect(record.chart.locator('.recharts-yAxis-tick-labels text').first()).toHaveText('0');
    await expect(record.chart.locator('.recharts-yAxis-tick-labels text').last()).toHaveText('1');

    // The tooltip gives value, label and verification.
    await record.chooseIndicator('Freedom House: Freedom in the World score');
    const marker = record.chart.locator('.rec-marker-square').first();
    await marker.hover();
    await expect(page.getByTestId('chart-tooltip')).toContainText('Not Free');
    await expect(page.getByTestId('chart-tooltip')).toContainText('verified externally');

    await record.chooseIndicator('V-Dem');
    await page.mouse.move(0, 0);
    await expect(page.getByTestId('chart-tooltip')).toHaveCount(0);
    await workbench.screenshot('indicators-chart.png');
    const input = record.valueInput('Kazakhstan', 2024);
    await input.fill('0.3');
    await input.press('Enter');
    await workbench.saved();
    const saved = (await record.indicators()).find((i) => i.id === vdem.id)!.values.find((v) => v.caseId === kazakhstan.id && v.year === 2024);
    expect(saved?.value).toBe(0.3);
    // The rest of the value (label, verification) is kept: setValue replaces the whole value.
    expect(saved?.verification).toBe('verified-external');
  });
});

test.describe('verification and CSV', () => {
  test('lists what is still unverified, contested first, each linked to where it lives; flags resolve', async ({ workbench, page }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    await record.go('Verification');
    const groups = page.locator('[data-testid^="group-"]');
    await expect(groups).toHaveCount(3);
    await expect(groups.nth(0)).toHaveAttribute('data-testid', 'group-contested');
    await expect(groups.nth(1)).toHaveAttribute('data-testid', 'group-one-source');
    await expect(groups.nth(2)).toHaveAttribute('data-testid', 'group-unverified');
    await expect(page.getByTestId('group-contested')).toContainText('Poland, the country');
    await expect(page.getByTestId('group-unverified')).toContainText('Belarus · SCO');
    const flags = page.getByTestId('flag');
    await expect(flags.filter({ hasText: 'ODHIR' })).toHaveCount(1);
    await page.getByTestId('group-contested').locator('[data-type="claim"]').click();
    await expect(record.details.getByTestId('verification-item-details')).toContainText('Factual premise contested');
    await workbench.screenshot('verification.png');

    const flag = flags.filter({ hasText: 'VF-01' });
    await flag.getByRole('button', { name: 'Resolve' }).click();
    await expect(flag).toHaveCount(0);
    await page.getByLabel('Show resolved flags').check();
    await expect(flags.filter({ hasText: 'VF-01' })).toContainText('resolved');

    await page.getByTestId('group-contested').locator('[data-type="claim"]').getByRole('button', { name: 'Open in Claims' }).click();
    await expect(page.getByRole('main', { name: 'Claims' })).toBeVisible();
    await expect(record.claimRow(/Poland, the country/)).toHaveAttribute('aria-selected', 'true');
    await expect(record.cardSelect('Verification')).toHaveValue('contested');
  });

  test('a CSV with one bad row is refused with its line number, and nothing is imported until bad rows are skipped', async ({ workbench, app }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    const before = (await record.elections()).length;
    const file = path.join(app.workDir, 'elections.csv');
    fs.writeFileSync(file, ['case,date,type,label', 'KAZ,2027-03-15,parliamentary,test row one', 'BLR,2027-05-01,presidentail,misspelt type', 'Belarus,2028,presidential,test row three', ''].join('\n'));

    await record.go('Observation');
    await record.openImport();
    await record.previewCsv('Elections', file);
    await expect(record.importDialog.getByTestId('csv-preview')).toContainText('3 rows read · 2 new · 0 changed · 0 unchanged · 1 problem');
    await expect(record.csvProblems()).toHaveCount(1);
    await expect(record.csvProblems().first()).toContainText('Line 3');
    await expect(record.csvProblems().first()).toContainText('presidentail');
    await expect(record.importDialog.getByRole('table', { name: 'First rows' })).toContainText('test row three');
    // All or nothing: with a bad row there is nothing to import.
    await expect(record.importButton()).toBeDisabled();
    expect((await record.elections()).length).toBe(before);

    await record.importDialog.getByLabel(/Skip the bad rows/).check();
    await expect(record.importButton()).toHaveText('Import 2 rows');
    await record.importButton().click();
    await expect(record.importDialog.getByTestId('csv-done')).toContainText('Imported 2 rows: 2 new, 0 changed, 0 unchanged; skipped line 3');
    expect((await record.elections()).length).toBe(before + 2);
    await record.importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(record.marks('Kazakhstan').and(workbench.page.locator('[data-date="2027-03-15"]'))).toHaveCount(1);
  });

  test('a Windows-1251 spreadsheet with fewer columns: the preview names the encoding, what changes and a misspelt organisation; create-missing accepts it', async ({
    workbench,
    app,
  }) => {
    const record = new RecordPage(workbench);
    await workbench.open();
    const before = (await record.elections()).find((e) => e.date === '2000-10-15')!;
    const file = path.join(app.workDir, 'elections-1251.csv');
    // What Excel in a Russian locale writes: "sep=;", semicolons, Windows-1251 (the fixture was made with iconv).
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'csv', 'elections-windows-1251.csv'), file);

    await record.go('Observation');
    await record.openImport();
    await record.previewCsv('Elections', file);
    const preview = record.importDialog.getByTestId('csv-preview');
    await expect(preview).toContainText('2 rows read · 1 new · 1 changed · 0 unchanged · no problems');
    await expect(record.importDialog.getByTestId('csv-notice')).toContainText('Read as Windows-1251 (Cyrillic)');
    await expect(record.importDialog.getByTestId('csv-changes')).toContainText('Line 3');
    await expect(record.importDialog.getByTestId('csv-changes')).toContainText('notes (1 row)');
    await expect(record.importDialog.getByRole('table', { name: 'First rows' })).toContainText('Центральная избирательная комиссия');
    await workbench.screenshot('csv-import.png');
    await record.importButton().click();
    await expect(record.importDialog.getByTestId('csv-done')).toContainText('Imported 2 rows: 1 new, 1 changed, 0 unchanged.');
    const after = (await record.elections()).find((e) => e.id === before.id)!;
    expect(after).toEqual({ ...before, notes: 'Центральная избирательная комиссия; § 12 Избирательного кодекса' });
    await record.importDialog.getByRole('button', { name: 'Close' }).click();

    const typo = path.join(app.workDir, 'typo.csv');
    fs.writeFileSync(typo, 'case,election_date,election_type,organisation,mission_type\nBLR,2000-10-15,parliamentary,ODHIR,full-eom\n');
    await record.openImport();
    await record.previewCsv('Missions and their findings', typo);
    await expect(record.csvProblems().first()).toContainText('mission organisation "ODHIR" is not in this project (nearest: "OSCE/ODIHR"');
    await expect(record.importButton()).toBeDisabled();
    await record.importDialog.getByLabel(/Create organisations that are not in the project yet/).check();
    await expect(preview).toContainText('1 row read · 1 new · 0 changed · 0 unchanged · no problems');
    await expect(preview).toContainText('Will add mission organisation "ODHIR".');
    await expect(record.importButton()).toBeEnabled();
  });
});
