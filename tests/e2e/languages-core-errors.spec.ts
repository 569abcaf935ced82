import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createProjectFile } from '../../electron/core/structure';
import { expect, test } from './fixtures';

test.describe('errors the core builds from parts, in Russian', () => {
  test('a project changed outside Comparanda is refused with every part of the sentence in Russian', async ({ workbench, page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-e2e-'));
    const file = path.join(dir, 'Семей.comparanda');
    createProjectFile(file, {});
    const db = new Database(file);
    db.exec('CREATE TABLE notes_by_hand (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    try {
      await workbench.open();
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
      await expect(page.getByRole('combobox', { name: 'Язык' })).toHaveValue('ru');
      await workbench.apiResult('project.close', {});
      await page.reload();
      const empty = page.getByRole('main', { name: 'Проект не открыт' });
      await page.getByLabel('Путь к файлу .comparanda').fill(file);
      await empty.getByRole('button', { name: 'Открыть', exact: true }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(
        'Файл «Семей.comparanda» изменён вне Comparanda: в его структуре: лишний объект «notes_by_hand» (таблица). Такие изменения могут незаметно изменить или удалить записи, поэтому он не открыт.',
      );
      await expect(alert).not.toContainText('was changed outside');
      await alert.screenshot({ path: test.info().outputPath('schema-altered-ru.png') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Kazakh numbers of four digits and more are grouped as in Kazakhstan, though Chromium has no Kazakh', async ({ workbench, page }) => {
    await workbench.open();
    const written = await page.evaluate(() => ({ kk: new Intl.NumberFormat('kk-KZ').format(12345.5), en: new Intl.NumberFormat('en-GB').format(12345.5) }));
    expect(written).toEqual({ kk: '12\u00a0345,5', en: '12,345.5' });
  });
});
