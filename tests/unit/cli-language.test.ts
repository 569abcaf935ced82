import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../electron/cli/language';
import { tempDir } from '../helpers/temp';

const bin = path.resolve(__dirname, '../../bin/comparanda.cjs');

function run(args: string[], env: Record<string, string>) {
  const cwd = tempDir();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(LANG|LC_ALL|LC_MESSAGES)$/.test(key)));
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env, COMPARANDA_USER_DATA: path.join(cwd, 'ud') } });
  return { code: result.status, stderr: result.stderr };
}

describe('the command line speaks the language asked for', () => {
  it('from LANG, LC_MESSAGES and LC_ALL in POSIX precedence, or --language anywhere', () => {
    expect(chooseLanguage('info', ['f.comparanda'], { LANG: 'ru_RU.UTF-8' })).toEqual({ language: 'ru', args: ['f.comparanda'] });
    expect(chooseLanguage('info', ['f'], { LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'kk_KZ.UTF-8' }).language).toBe('kk');
    expect(chooseLanguage('info', ['f'], { LANG: 'ru_RU.UTF-8', LC_ALL: 'C' }).language).toBe('en');
    expect(chooseLanguage('info', ['--language', 'kk', 'f'], { LANG: 'ru_RU.UTF-8' })).toEqual({ language: 'kk', args: ['f'] });
    expect(chooseLanguage('info', ['f', '--language=ru'], {})).toEqual({ language: 'ru', args: ['f'] });
    // An export reads --language itself (its fixed words): the flag stays among its arguments.
    expect(chooseLanguage('export', ['f', '--language', 'ru'], {})).toEqual({ language: 'ru', args: ['f', '--language', 'ru'] });
    expect(() => chooseLanguage('info', ['--language', 'de'], {})).toThrow(/en, ru or kk/);
  });

  it('prints a core error in Russian under a Russian locale and in Kazakh with --language kk', () => {
    const ru = run(['info', 'missing.comparanda'], { LANG: 'ru_RU.UTF-8' });
    expect(ru.code).toBe(1);
    expect(ru.stderr).toBe('comparanda info: Файл «missing.comparanda» не существует. Проверьте путь или выберите файл ещё раз.\n');
    const kk = run(['info', 'missing.comparanda', '--language', 'kk'], { LANG: 'ru_RU.UTF-8' });
    expect(kk.stderr).toBe('comparanda info: «missing.comparanda» файлы жоқ. Жолды тексеріңіз немесе файлды қайта таңдаңыз.\n');
    const en = run(['info', 'missing.comparanda'], { LANG: 'C.UTF-8' });
    expect(en.stderr).toBe('comparanda info: "missing.comparanda" does not exist. Check the path, or choose the file again.\n');
  });
});
