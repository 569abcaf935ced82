import { expect, test } from './fixtures';

test.describe('the web transport from the page', () => {
  test('refuses API calls without the token, or with a wrong one', async ({ workbench }) => {
    await workbench.open();

    const missing = await workbench.callApi('project.current', {}, null);
    expect([401, 403]).toContain(missing.status);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    const wrong = await workbench.callApi('project.current', {}, 'not-the-token');
    expect([401, 403]).toContain(wrong.status);

    const right = await workbench.callApi('project.current', {});
    expect(right.status).toBe(200);
  });

  test('takes the token out of the address bar and loads nothing from outside', async ({ workbench, page }) => {
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

    await workbench.open();
    await workbench.fontsReady();
    expect(page.url()).toBe(`${workbench.app.origin}/`);
    expect(page.url()).not.toContain(workbench.app.token);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'none'/);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('explains itself when the page was opened without its token', async ({ workbench, page }) => {
    await page.goto(workbench.app.origin);
    await expect(workbench.alert).toContainText('?token=');
    // Trying again cannot help without the token, so no button offers it.
    await expect(workbench.alert.getByRole('button')).toHaveCount(0);
  });
});
