import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../electron/contract/client';
import { ApiError } from '../../electron/contract/errors';
import { errorText } from '../../electron/contract/i18n/format';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { Session } from '../../electron/core/session';
import { tempDir } from '../helpers/temp';

const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

function clientIn(language: 'en' | 'ru' | 'kk') {
  const session = new Session(tempDir());
  sessions.push(session);
  const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
  return { dispatch, api: createClient((method, input) => dispatch(method, input), (error) => errorText(language, error)) };
}

async function failure(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('errors in the user’s language', () => {
  it('travel as a catalogue entry with their arguments, English in the message for logs', async () => {
    const { dispatch } = clientIn('en');
    const missing = path.join(tempDir(), 'Semey interviews.comparanda');
    const envelope = await dispatch('project.open', { path: missing });
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'FILE_NOT_FOUND',
        message: '"Semey interviews.comparanda" does not exist. Check the path, or choose the file again.',
        text: { id: 'errors.fileNotFound', values: { file: 'Semey interviews.comparanda' } },
      },
    });
  });

  it('read in Russian and Kazakh on the client, the code unchanged', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'Semey.comparanda');
    const ru = await failure(() => clientIn('ru').api['project.open']({ path: missing }));
    expect(ru.code).toBe('FILE_NOT_FOUND');
    expect(ru.message).toBe('Файл «Semey.comparanda» не существует. Проверьте путь или выберите файл ещё раз.');

    const notProject = path.join(dir, 'notes.comparanda');
    fs.writeFileSync(notProject, 'not a database at all, just some words typed into a file '.repeat(200));
    const kk = await failure(() => clientIn('kk').api['project.open']({ path: notProject }));
    expect(kk.code).toBe('NOT_SQLITE');
    expect(kk.message).toMatch(/^«notes\.comparanda» — Comparanda жобасы емес/);

    const none = await failure(() => clientIn('ru').api['project.overview']({}));
    expect(none.message).toBe('Проект не открыт. Откройте файл .comparanda или создайте новый проект.');
  });

  it('fall back to the English sentence for an entry the client does not know', () => {
    expect(errorText('ru', { message: 'Plain English.', text: { id: 'errors.noSuchEntry' } })).toBe('Plain English.');
    expect(errorText('ru', { message: 'Plain English.' })).toBe('Plain English.');
  });
});
