/**
 * Issue 14 in the UI: an identity is recorded with another identifier, an export that would carry it is refused with
 * the place and not the name, and "Erase identity" cleans it everywhere and reports what it did.
 */
import { expect, test } from './fixtures';
import { EvidencePage } from './pages/evidence-page';

test('record an identity with a phone number, then erase it with its snapshots and read the report', async ({ workbench, page }) => {
  const evidence = new EvidencePage(workbench);
  const realName = 'Saule Abenova';
  await workbench.open();
  await evidence.navItem('Participants').click();
  await evidence.participantRow('CEC member 1').click();

  await evidence.participantDetails.getByRole('button', { name: 'Record real name…' }).click();
  const record = page.getByRole('dialog', { name: 'Real name of CEC member 1' });
  await record.getByLabel('Real name').fill(realName);
  await record.getByRole('button', { name: 'Add identifier' }).click();
  await record.getByLabel('Kind of identifier 1').selectOption('phone');
  await record.getByLabel('Identifier 1', { exact: true }).fill('+7 702 111 2233');
  await workbench.screenshot('identity-record.png');
  await record.getByRole('button', { name: 'Record' }).click();
  await expect(record).toBeHidden();

  await evidence.participantDetails.getByRole('button', { name: 'Reveal' }).click();
  await expect(evidence.participantDetails.getByTestId('revealed-identity')).toContainText('+7 702 111 2233');
  await evidence.participantDetails.getByRole('button', { name: 'Hide' }).click();

  await evidence.participantDetails.getByRole('button', { name: 'Erase identity…' }).click();
  const erase = page.getByRole('dialog', { name: 'Erase the identity of CEC member 1?' });
  await expect(erase.getByRole('checkbox')).toBeChecked();
  await erase.getByRole('button', { name: 'Erase identity' }).click();
  const report = page.getByRole('dialog', { name: 'The identity of CEC member 1 is erased' });
  await expect(report.getByTestId('erase-report')).toContainText('2 identifiers erased');
  await expect(report.getByTestId('erase-report')).toContainText('Copies of the project saved or exported before the erasure');
  await workbench.screenshot('identity-erased.png');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(evidence.participantDetails).toContainText('No real name is recorded.');
  await expect(page.getByText(realName)).toHaveCount(0);
});
