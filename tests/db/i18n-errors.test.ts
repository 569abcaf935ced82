import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../electron/contract/client';
import { ApiError } from '../../electron/contract/errors';
import { errorText } from '../../electron/contract/i18n/format';
import type { CaseDto } from '../../electron/contract/api';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { matchCase, normList } from '../../electron/core/names';
import { Session } from '../../electron/core/session';
import { createProjectFile } from '../../electron/core/structure';
import { tempDir } from '../helpers/temp';
import { withoutAllowedLatin } from '../helpers/latin-allowed';

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

/** The Latin words of a sentence once the values it quotes (file names, column names: the user's) are taken out. */
function englishLeft(sentence: string, values: Record<string, unknown> | undefined): string[] {
  let rest = sentence;
  for (const value of Object.values(values ?? {})) rest = rest.split(String(value)).join(' ');
  return withoutAllowedLatin(rest).match(/[A-Za-z]{2,}/g) ?? [];
}

describe('errors of every area, read in Russian', () => {
  async function openProject() {
    const { dispatch, api } = clientIn('ru');
    const dir = tempDir();
    const created = await dispatch('project.create', { path: path.join(dir, 'Semey.comparanda') });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    return { dispatch, api, dir };
  }

  /** Fails the call, checks the catalogue entry it travelled as, and returns the Russian sentence the client shows. */
  async function russian(dispatch: ReturnType<typeof clientIn>['dispatch'], method: string, input: unknown, id: string): Promise<string> {
    const envelope = await dispatch(method as never, input as never);
    if (envelope.ok) throw new Error(`${method} did not fail`);
    expect(envelope.error.text?.id, `${method}: ${envelope.error.message}`).toBe(id);
    const shown = errorText('ru', envelope.error);
    expect(shown, id).not.toBe(envelope.error.message);
    expect(englishLeft(shown, envelope.error.text?.values), `${id}: ${shown}`).toEqual([]);
    return shown;
  }

  it('opening, saving and the passphrase', async () => {
    const { dispatch, dir } = await openProject();
    const taken = path.join(dir, 'taken.comparanda');
    fs.writeFileSync(taken, '');
    expect(await russian(dispatch, 'project.saveCopy', { path: taken }, 'errors.nameTaken')).toBe('Файл «taken.comparanda» уже существует. Выберите другое имя.');
    await russian(dispatch, 'project.saveCopy', { path: path.join(dir, 'nowhere', 'copy.comparanda') }, 'errors.folderNotFound');
    await russian(dispatch, 'project.changePassphrase', { current: 'correct horse battery', next: 'staple staple staple' }, 'errors.notEncryptedNoChange');
    await russian(dispatch, 'project.encryptCopy', { path: path.join(dir, 'Semey.comparanda'), passphrase: 'staple staple staple' }, 'errors.encryptedCopyNew');
  });

  it('records removed meanwhile', async () => {
    const { dispatch } = await openProject();
    expect(await russian(dispatch, 'cases.update', { id: '00000000-0000-4000-8000-000000000000', name: 'Астана' }, 'errors.recordGone')).toBe(
      'Этого кейса больше нет в проекте. Обновите и попробуйте ещё раз.',
    );
  });

  it('CSV tables', async () => {
    const { dispatch } = await openProject();
    await russian(dispatch, 'data.previewCsv', { kind: 'cases', text: ' ' }, 'errorsImport.csvEmpty');
    await russian(dispatch, 'data.previewCsv', { kind: 'cases', text: 'name,iso_code\n"Kazakhstan,KZ\n' }, 'errorsImport.csvUnclosedQuote');
    await russian(dispatch, 'data.previewCsv', { kind: 'cases', text: 'name,name\nKazakhstan,KZ\n' }, 'errorsImport.csvColumnTwice');
    await russian(dispatch, 'data.previewCsv', { kind: 'cases', path: path.join(tempDir(), 'absent.csv') }, 'errorsImport.cannotRead');
  });

  it('documents and REFI-QDA files', async () => {
    const { dispatch } = await openProject();
    const folder = tempDir();
    expect(await russian(dispatch, 'documents.import', { path: folder }, 'errorsImport.folderNotDocument')).toBe(`«${path.basename(folder)}» — это папка, а не документ.`);
    await russian(dispatch, 'documents.import', { path: path.join(folder, 'absent.pdf') }, 'errors.fileNotFound');
    await russian(dispatch, 'exchange.previewQdpx', { path: folder }, 'errorsImport.folderNotQda');
    await russian(dispatch, 'exchange.previewQdpx', { path: path.join(folder, 'absent.qdpx') }, 'errorsImport.cannotReadCheckPath');
  });

  it('inputs the core refuses', async () => {
    const { dispatch } = await openProject();
    const kase = await dispatch('cases.create', { name: 'Казахстан', isoCode: 'KAZ' });
    if (!kase.ok) throw new Error(JSON.stringify(kase.error));
    const caseId = (kase.result as { id: string }).id;
    expect(await russian(dispatch, 'cases.reorder', { ids: [caseId, caseId] }, 'errorsInput.caseTwiceInOrder')).toBe('В новом порядке кейс встречается дважды.');
    await russian(dispatch, 'frameworks.create', { templateId: 'no-such-model' }, 'errorsInput.noSuchTemplate');
  });

  it('evidence, history and jobs', async () => {
    const { dispatch } = await openProject();
    expect(await russian(dispatch, 'history.undo', {}, 'errorsInput.nothingToUndo')).toBe('Отменять нечего.');
    await russian(dispatch, 'jobs.get', { id: 'no-such-job' }, 'errorsInput.jobUnknownLong');
    const first = await dispatch('participants.create', { pseudonym: 'Респондент 1' });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    await russian(dispatch, 'participants.create', { pseudonym: 'Респондент 1' }, 'errorsInput.participantExists');
  });

  it('the command line’s project building', async () => {
    const dir = tempDir();
    const refused = await failure(async () => createProjectFile(path.join(dir, 'notes.txt'), {}));
    expect(refused.text?.id).toBe('errorsInput.fileNameEnds');
    expect(errorText('ru', refused)).toBe('Имя файла проекта Comparanda оканчивается на .comparanda.');
    createProjectFile(path.join(dir, 'Семей.comparanda'), {});
    const again = await failure(async () => createProjectFile(path.join(dir, 'Семей.comparanda'), {}));
    expect(englishLeft(errorText('ru', again), again.text?.values), errorText('ru', again)).toEqual([]);
  });

  it('exports', async () => {
    const { dispatch } = await openProject();
    const kase = await dispatch('cases.create', { name: 'Казахстан', isoCode: 'KAZ' });
    expect(kase.ok, JSON.stringify(kase)).toBe(true);
    const shown = await russian(dispatch, 'export.preview', { what: 'matrix', format: 'md' }, 'errorsExport.noNorms');
    expect(shown).toBe('В проекте нет норм для экспорта.');
  });

  it('QCA', async () => {
    const { dispatch } = await openProject();
    const input = { name: 'free press', source: { kind: 'claims' }, calibration: { method: 'crisp', thresholds: [2] } };
    expect(await russian(dispatch, 'qca.saveSet', input, 'errorsQca.badSetName')).toBe(
      '«free press» не может быть именем множества: начните с буквы, дальше буквы, цифры или подчёркивания (например, DEV, FREE_PRESS), так его читают формулы и R.',
    );
    const english = await dispatch('qca.saveSet', input as never);
    expect(!english.ok && english.error.message).toBe(
      '"free press" cannot name a set: use a letter, then letters, digits or underscores (e.g. DEV, FREE_PRESS), as formulas and R read it.',
    );
  });

  it('team projects', async () => {
    const { dispatch } = await openProject();
    expect(await russian(dispatch, 'team.setAutoSync', { enabled: false }, 'errorsTeam.nothingToSync')).toBe(
      'Этот проект не входит в команду: синхронизировать нечего.',
    );
  });

  it('names given on the command line', async () => {
    const none = await failure(async () => matchCase('RUS', []));
    expect(none.message).toBe('No case matches "RUS". The project\'s cases: none yet.');
    expect(errorText('ru', none)).toBe('Ни один кейс не соответствует «RUS». Кейсы проекта: пока нет.');
    const cases = [
      { id: 'a', name: 'Kazakhstan', isoCode: 'KAZ' },
      { id: 'b', name: 'Kyrgyzstan', isoCode: 'KGZ' },
    ] as CaseDto[];
    const two = await failure(async () => matchCase('K', cases));
    expect(two.message).toBe('"K" matches 2 cases: Kazakhstan (KAZ); Kyrgyzstan (KGZ). Give the full name or the ISO code of the one you mean.');
    expect(errorText('ru', two)).toBe('«K» соответствуют кейсы (2): Kazakhstan (KAZ); Kyrgyzstan (KGZ). Укажите полное название или код ISO нужного.');
    const several = await failure(async () => normList('Free, fair', []));
    expect(errorText('kk', several)).toBe('«Free, fair» бірде-бір нормаға сәйкес келмейді. Жобаның нормалары: әзірге жоқ. Бірнеше норма беру үшін --norm қайталаңыз немесе оларды «|» белгісімен бөліңіз (үтірмен емес: атауларда үтір болады).');
  });

  it('keep their English sentence word for word', async () => {
    const { dispatch, dir } = await openProject();
    const taken = path.join(dir, 'taken.comparanda');
    fs.writeFileSync(taken, '');
    const envelope = await dispatch('project.saveCopy', { path: taken });
    expect(!envelope.ok && envelope.error.message).toBe('"taken.comparanda" already exists. Choose another name.');
    const gone = await dispatch('cases.update', { id: '00000000-0000-4000-8000-000000000000', name: 'Астана' });
    expect(!gone.ok && gone.error.message).toBe('That case no longer exists in this project. Reload and try again.');
  });
});
