import { expect, test } from './fixtures';

test.describe('the web transport from the page', () => {
  test('refuses API calls without the session, and the one-time code opens nothing once used', async ({ workbench, page }) => {
    await workbench.open();

    const missing = await workbench.callApi('project.current', {}, { withSession: false });
    expect([401, 403]).toContain(missing.status);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    // The code as a bearer token, or traded again for another session, is refused: it has been used.
    const bearer = await workbench.callApi('project.current', {}, { withSession: false, headers: { Authorization: `Bearer ${workbench.app.token}` } });
    expect([401, 403]).toContain(bearer.status);
    const again = await page.evaluate(
      async (token) => (await fetch('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }), credentials: 'omit' })).status,
      workbench.app.token,
    );
    expect(again).toBe(401);

    const right = await workbench.callApi('project.current', {});
    expect(right.status).toBe(200);
  });

  test('never puts the code in the address, and loads nothing from outside', async ({ workbench, page }) => {
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${workbench.app.origin}/`) && !url.startsWith('data:')) foreign.push(url);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    // A page without a session asks for the code after one refused call; this test is about what a session loads.
    await workbench.startSession();
    await workbench.open();
    await workbench.fontsReady();
    expect(page.url()).toBe(`${workbench.app.origin}/`);
    expect(page.url()).not.toContain(workbench.app.token);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'none'/);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('asks for the one-time code, says plainly when it is wrong or already used, and keeps the session for reloads', async ({ workbench, page, browser }) => {
    await page.goto(workbench.app.url);
    await expect(workbench.codeInput).toBeFocused();
    await workbench.codeInput.fill('not-the-code');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(workbench.alert).toContainText('That is not the code Comparanda printed');

    await workbench.codeInput.fill(workbench.app.token);
    await page.getByRole('button', { name: 'Start' }).click();
    await workbench.matrixReady();
    await page.reload();
    await workbench.matrixReady();

    // Another browser (a fresh context: no cookie) cannot reuse the code.
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(workbench.app.url);
      await otherPage.getByLabel('One-time code').fill(workbench.app.token);
      await otherPage.getByRole('button', { name: 'Start' }).click();
      await expect(otherPage.getByRole('alert')).toContainText('already started a session');
      await expect(otherPage.getByRole('grid')).toHaveCount(0);
    } finally {
      await other.close();
    }
  });
});
