/**
 * The command line prints the errors the core builds from parts (a CSV's bad rows, a privacy refusal) in the
 * language of the locale, as the core's simpler errors already were (cli-language.test.ts). Runs the built CLI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { Session } from '../../electron/core/session';
import { withoutAllowedLatin } from '../helpers/latin-allowed';
import { tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/comparanda.cjs');

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build:node (the CLI runs from dist/).');
});

function run(args: string[], cwd: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(LANG|LC_ALL|LC_MESSAGES)$/.test(key)));
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env, COMPARANDA_USER_DATA: path.join(cwd, 'ud') } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project with one case, one participant and the participant's real name in the case's notes. */
async function project(dir: string): Promise<string> {
  const file = path.join(dir, 'Семей.comparanda');
  const session = new Session(path.join(dir, 'ud-app'));
  try {
    const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
    const call = async (method: string, input: unknown) => {
      const envelope = await dispatch(method as never, input as never);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.result as { id: string };
    };
    await call('project.create', { path: file });
    await call('cases.create', { name: 'Kazakhstan', isoCode: 'KAZ', notes: 'Told by Aigerim Bekova at the station.' });
    const participant = await call('participants.create', { pseudonym: 'Респондент 1' });
    await call('participants.setIdentity', { id: participant.id, realName: 'Aigerim Bekova', contact: '', identifiers: [] });
  } finally {
    await session.close();
  }
  return file;
}

describe('the command line’s errors built from parts, under a Russian locale', () => {
  it('a CSV’s bad rows, each line in Russian', async () => {
    const dir = tempDir();
    const file = await project(dir);
    const csv = path.join(dir, 'e.csv');
    fs.writeFileSync(csv, 'case,date,type\nKAZ,2099-02-30,presidential\nAtlantis,2099-01-01,presidential\n');
    const refused = run(['import', file, '--from', 'csv', '--kind', 'elections', csv], dir, { LANG: 'ru_RU.UTF-8' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'comparanda import: Ничего не импортировано: в «e.csv» 2 неверные строки:\n' +
        'строка 2: date: «2099-02-30» — не дата: в феврале 2099 года 28 дней\n' +
        'строка 3: case «Atlantis» — не кейс этого проекта (укажите его название или код ISO)\n' +
        'Исправьте файл или импортируйте, пропустив неверные строки.\n',
    );
  });

  it('a privacy refusal: what, whose and where, without the name', async () => {
    const dir = tempDir();
    const file = await project(dir);
    const refused = run(['export', file, '--data', 'cases'], dir, { LANG: 'ru_RU.UTF-8' });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^comparanda export: Отказано: вывод \(CSV данных\) содержал бы настоящее имя, записанное для участника «Респондент 1» \(строка 2, знаки \d+–\d+; записано в: кейс Kazakhstan \(поле notes, знаки 9–22\)\)\. Замените его псевдонимом/,
    );
    expect(refused.stderr).not.toContain('Aigerim');
    // Once the quoted names and fields are taken out, no English is left.
    const rest = refused.stderr.replace(/comparanda export|Kazakhstan|notes/g, ' ');
    expect(withoutAllowedLatin(rest).match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    const kk = run(['export', file, '--data', 'cases'], dir, { LANG: 'kk_KZ.UTF-8' });
    expect(kk.stderr).toMatch(/Бас тартылды: шығыс \(деректер CSV\) ішінде «Респондент 1» қатысушысы үшін жазылған нақты есім/);
  });
});
