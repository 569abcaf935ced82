import { expect, test } from './fixtures';

test.describe('interface languages', () => {
  test('follow the browser on first run, switch at once from the title bar, and stay chosen after a reload', async ({ workbench, page, browser }) => {
    // A Russian system: the first screen, before any session, already speaks Russian.
    const russian = await browser.newContext({ locale: 'ru-RU' });
    try {
      const ru = await russian.newPage();
      await ru.goto(workbench.app.url);
      await expect(ru.getByRole('heading', { name: 'Начните сеанс в этом браузере' })).toBeVisible();
      await expect(ru.locator('html')).toHaveAttribute('lang', 'ru-RU');
      await expect(ru.getByLabel('Одноразовый код')).toBeFocused();
      await expect(ru.getByRole('combobox', { name: 'Язык' })).toHaveValue('');
      await expect(ru.getByRole('combobox', { name: 'Язык' }).locator('option:checked')).toHaveText('Системный (Русский)');
    } finally {
      await russian.close();
    }

    await workbench.open();
    const picker = page.getByRole('combobox', { name: 'Language' });
    await expect(picker.locator('option:checked')).toHaveText('System (English)');
    await picker.selectOption({ label: 'Қазақша' });
    // No reload: the title bar answers in Kazakh at once.
    await expect(page.getByRole('combobox', { name: 'Тіл' })).toHaveValue('kk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk-KZ');

    // Kept in the preferences of this installation, not in the browser: a reload keeps it.
    await page.reload();
    await workbench.matrixReady();
    await expect(page.getByRole('combobox', { name: 'Тіл' })).toHaveValue('kk');

    await page.getByRole('combobox', { name: 'Тіл' }).selectOption({ label: 'Жүйелік (English)' });
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('');
  });

  test('show an error from the core in the chosen language', async ({ workbench, page }) => {
    await workbench.open();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect(page.getByRole('combobox', { name: 'Язык' })).toHaveValue('ru');
    await workbench.apiResult('project.close', {});
    await page.reload();
    // The empty state speaks Russian too, so it is found by its Russian names.
    const empty = page.getByRole('main', { name: 'Проект не открыт' });
    await expect(empty).toBeVisible();
    await page.getByLabel('Путь к файлу .comparanda').fill('/nowhere/Semey.comparanda');
    await empty.getByRole('button', { name: 'Открыть', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Файл «Semey.comparanda» не существует. Проверьте путь или выберите файл ещё раз.');
  });
});
