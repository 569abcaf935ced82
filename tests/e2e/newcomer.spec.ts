/**
 * Issue 17's acceptance, as a researcher new to Comparanda starts a study of their own in the browser: from the empty
 * state a project in the default place (Documents/Comparanda), three cases, a norm on the article's framework, one
 * cell filled in; then the server is stopped and started again, and the project is reopened from the recent list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { NewProjectDialog } from './pages/safety-page';
import { startWebApp, type WebApp } from './support/web-app';

const TITLE = 'Kyrgyzstan and Russia';
const ARTICLE_FRAMEWORK = 'Micro-politics of norm contestation (four stages)';
const SUMMARY = 'The 2010 constitution invites OSCE/ODIHR observers (art. 2).';

test('a newcomer creates a study in Documents, fills a cell, restarts the server and finds it in the recent list', async ({ workbench, app, page }) => {
  test.setTimeout(120_000);
  await workbench.open();
  await workbench.closeProject();

  const dialog = new NewProjectDialog(page);
  await dialog.open();
  await dialog.title.fill(TITLE);
  const expectedFile = path.join(app.workDir, 'Documents', 'Comparanda', `${TITLE}.comparanda`);
  // The server's HOME is the test's scratch folder: the documents folder a user has, not the sample's temporary one.
  await expect(dialog.file).toHaveValue(expectedFile);
  await dialog.createButton.click();
  await expect(workbench.projectTitle).toHaveText(TITLE);
  expect(fs.existsSync(expectedFile)).toBe(true);

  await workbench.addCase('Kyrgyzstan', 'KGZ');
  await workbench.addCase('Russia', 'RUS');
  await workbench.addCase('Kazakhstan', 'KAZ');
  await expect(workbench.caseItems()).toHaveCount(3);

  await workbench.nav.getByRole('button', { name: 'Add norm' }).click();
  const addNorm = page.getByRole('dialog', { name: 'Add norm' });
  await addNorm.getByLabel('Label', { exact: true }).fill('Election observation');
  await addNorm.getByLabel('Framework').selectOption({ label: `${ARTICLE_FRAMEWORK} (default)` });
  await addNorm.getByRole('button', { name: 'Add norm' }).click();
  await expect(addNorm).toBeHidden();
  await expect(workbench.matrixNorm).toHaveText('Election observation');
  await workbench.matrixReady();
  await expect(workbench.stageHeaders()).toHaveText([/Diffusion/, /Acceptance/, /Reconstitution/, /Moment of contestation/]);

  await workbench.cell('Kyrgyzstan', 'Diffusion').click();
  await workbench.editor.setStatus('Reached');
  await workbench.editor.summary.fill(SUMMARY);
  await workbench.cell('Kyrgyzstan', 'Acceptance').click();
  await workbench.saved();
  await expect(workbench.cell('Kyrgyzstan', 'Diffusion')).toContainText('Reached');

  // The server stops (Ctrl+C) and starts again on the same machine: same home, same user-data folder.
  await app.stop({ keepWorkDir: true });
  let again: WebApp | undefined;
  try {
    again = await startWebApp({ workDir: app.workDir });
    await workbench.signIn(again);
    await workbench.closeProject();
    await workbench.recentProject(TITLE).click();
    await workbench.matrixReady();
    await expect(workbench.projectTitle).toHaveText(TITLE);
    await expect(workbench.cell('Kyrgyzstan', 'Diffusion')).toContainText('Reached');
    await expect(workbench.cell('Kyrgyzstan', 'Diffusion')).toContainText(SUMMARY);
    await expect(workbench.caseHeaders()).toHaveCount(3);
  } finally {
    await again?.stop();
  }
});
