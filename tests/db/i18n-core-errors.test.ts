/**
 * The errors the core builds from parts (issue 18): each is triggered for real and read in Russian and Kazakh, and
 * no English word may be left in it once the values it quotes (names, file names, column names: the user's, or
 * a library's own detail) are taken out.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { enteredDateProblem, setDateProblemLanguage } from '../../electron/contract/dates';
import type { EraseReportDto, JobDto } from '../../electron/contract/api';
import { ApiError, type CatalogueText, type TextValue } from '../../electron/contract/errors';
import { errorText, formatText } from '../../electron/contract/i18n/format';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import * as edit from '../../electron/core/edit';
import { assertExportable, exportKind, registerExportKind } from '../../electron/core/export/kinds';
import { tessdataDir } from '../../electron/core/ocr/tessdata';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { addCase, createProjectFile } from '../../electron/core/structure';
import { listUnverified } from '../../electron/core/context';
import { withoutAllowedLatin } from '../helpers/latin-allowed';
import { tempDir } from '../helpers/temp';

const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  setDateProblemLanguage(() => 'en');
});

/** Every string a message quotes, at any depth. */
function quoted(values: Record<string, TextValue> | undefined): string[] {
  const out: string[] = [];
  const walk = (value: TextValue) => {
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'number') return;
    else if (Array.isArray(value)) for (const v of value as CatalogueText[]) out.push(...quoted(v.values));
    else if ('lines' in value) for (const line of value.lines) out.push(...(typeof line === 'string' ? [line] : quoted(line.values)));
    else out.push(...quoted((value as CatalogueText).values));
  };
  for (const value of Object.values(values ?? {})) walk(value);
  // Longest first, so that a name is taken out before a shorter name inside it.
  return out.filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
}

function englishLeft(sentence: string, text: CatalogueText | undefined): string[] {
  let rest = sentence;
  for (const value of quoted(text?.values)) rest = rest.split(value).join(' ');
  return withoutAllowedLatin(rest).match(/[A-Za-z]{2,}/g) ?? [];
}

/** The error read in Russian and Kazakh: a catalogue entry, translated, with no English left. */
function readsInRussianAndKazakh(error: { message: string; text?: CatalogueText | undefined }, id: string): { ru: string; kk: string } {
  expect(error.text?.id, error.message).toBe(id);
  const shown = { ru: errorText('ru', error), kk: errorText('kk', error) };
  for (const language of ['ru', 'kk'] as const) {
    expect(shown[language], `${language}: ${error.message}`).not.toBe(error.message);
    expect(englishLeft(shown[language], error.text), `${language}: ${shown[language]}`).toEqual([]);
  }
  return shown;
}

function caught(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function openProject() {
  const session = new Session(tempDir());
  sessions.push(session);
  const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
  const created = await dispatch('project.create', { path: path.join(tempDir(), 'Semey.comparanda') });
  expect(created.ok, JSON.stringify(created)).toBe(true);
  return async (method: string, input: unknown) => {
    const envelope = await dispatch(method as never, input as never);
    if (envelope.ok) throw new Error(`${method} did not fail`);
    return envelope.error;
  };
}

describe('errors the core builds, in Russian and Kazakh', () => {
  it('the API’s own checks: an unknown method, an input the schema refuses, a desktop-only method', async () => {
    const refused = await openProject();
    readsInRussianAndKazakh(await refused('cases.explode', {}), 'errorsCore.unknownMethod');

    const wrongType = await refused('cases.create', { name: 42 });
    expect(wrongType.message).toBe('Invalid input for cases.create: name must be text.');
    expect(readsInRussianAndKazakh(wrongType, 'errorsCore.invalidInput').ru).toBe('Неверные данные для cases.create: Поле name должно быть текстом.');

    // A schema's own sentence keeps its English word for word, and has its translation.
    const empty = await refused('memos.create', { targetType: 'case', targetId: '00000000-0000-4000-8000-000000000000', text: '' });
    expect(empty.message).toBe('Invalid input for memos.create: A memo needs some text.');
    readsInRussianAndKazakh(empty, 'errorsCore.invalidInput');
    const iso = await refused('cases.create', { name: 'Kazakhstan', isoCode: 'kz' });
    expect(iso.message).toBe('Invalid input for cases.create: An ISO code is three capital letters, e.g. KAZ.');
    expect(readsInRussianAndKazakh(iso, 'errorsCore.invalidInput').kk).toBe('cases.create үшін деректер қате: ISO коды — үш бас латын әрпі, мысалы, KAZ.');

    const impossible = await refused('participants.create', { pseudonym: 'Респондент 1', interviewDate: '2015-02-30' });
    expect(impossible.message).toBe('Invalid input for participants.create: "2015-02-30" is not a date: February 2015 has 28 days.');
    expect(readsInRussianAndKazakh(impossible, 'errorsCore.invalidInput').ru).toBe(
      'Неверные данные для participants.create: «2015-02-30» — не дата: в феврале 2015 года 28 дней.',
    );

    readsInRussianAndKazakh(await refused('host.chooseFile', { mode: 'open', title: 'Документ', filters: [] }), 'errorsCore.desktopOnly');
  });

  it('a date typed into a field, in the interface’s language', () => {
    expect(enteredDateProblem('2015-13')).toBe('"2015-13" is not a date: there is no month 13.');
    setDateProblemLanguage(() => 'kk');
    expect(enteredDateProblem('2016-02-30')).toBe('«2016-02-30» — күн емес: 2016 жылғы ақпанда 29 күн бар.');
    setDateProblemLanguage(() => 'ru');
    expect(enteredDateProblem('май', true)).toBe('Дата пишется как ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.');
  });

  it('the command line’s project building checks its input as the API does', () => {
    const file = path.join(tempDir(), 'Семей.comparanda');
    createProjectFile(file, {});
    const p = Project.open(file);
    try {
      readsInRussianAndKazakh(caught(() => addCase(p, { name: 'Kazakhstan', isoCode: 'KZ' })), 'errorsSchema.isoCode');
    } finally {
      p.close();
    }
  });

  it('a CSV’s bad rows, each line in the reader’s language, and columns it does not know', async () => {
    const refused = await openProject();
    const kase = await createDispatcher(createHandlers(sessions.at(-1)!, 'http'), () => undefined)('cases.create', { name: 'Kazakhstan', isoCode: 'KAZ' });
    expect(kase.ok, JSON.stringify(kase)).toBe(true);
    const csv = 'case,date,type\nKazakhstan,2015-02-30,presidential\nKazakhstan,2015-13,presidential\n,2016,parliamentary\n';
    const bad = await refused('data.importCsv', { kind: 'elections', text: csv });
    expect(bad.message).toMatch(/^Nothing was imported: 3 bad rows in the CSV:\nline 2: date: "2015-02-30" is not a date: February 2015 has 28 days\nline 3: /);
    const shown = readsInRussianAndKazakh(bad, 'errorsCore.csvBadRows');
    expect(shown.ru).toMatch(/^Ничего не импортировано: в файле CSV 3 неверные строки:\nстрока 2: date: «2015-02-30» — не дата: в феврале 2015 года 28 дней\nстрока 3: /);
    expect(shown.kk.split('\n')).toHaveLength(5);

    const columns = await refused('data.previewCsv', { kind: 'cases', text: 'name;colour\nKazakhstan;blue\n' });
    expect(columns.message).toBe(
      'The CSV has columns that cases CSV does not know (read with semicolons between columns): colour. Expected: name, iso, role, notes, and attr:NAME for a case attribute.',
    );
    readsInRussianAndKazakh(columns, 'errorsCore.csvUnknownColumns');
  });

  it('a privacy refusal: the output, the identity and where it is recorded', async () => {
    const refused = await openProject();
    const session = sessions.at(-1)!;
    const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
    const participant = await dispatch('participants.create', { pseudonym: 'Респондент 1' });
    if (!participant.ok) throw new Error(JSON.stringify(participant.error));
    const kase = await dispatch('cases.create', { name: 'Семей', notes: 'Told by Aigerim Bekova at the station.' });
    expect(kase.ok, JSON.stringify(kase)).toBe(true);
    const id = (participant.result as { id: string }).id;
    const set = await dispatch('participants.setIdentity', { id, realName: 'Aigerim Bekova', contact: '', identifiers: [] });
    expect(set.ok, JSON.stringify(set)).toBe(true);
    const refusal = await refused('data.exportCsv', { kind: 'cases' });
    expect(refusal.code).toBe('IDENTITY_IN_OUTPUT');
    expect(refusal.message).toMatch(/^Refused: the data CSV would contain the real name recorded for participant “Респондент 1” \(line 2, characters \d+–\d+; it is recorded in the case Семей \(field notes, characters 9–22\)\)\. Replace it/);
    const shown = readsInRussianAndKazakh(refusal, 'errorsPrivacy.refused');
    expect(shown.ru).toMatch(/^Отказано: вывод \(CSV данных\) содержал бы настоящее имя, записанное для участника «Респондент 1» \(строка 2, знаки \d+–\d+; записано в: кейс Семей \(поле notes, знаки 9–22\)\)\./);
    expect(shown.ru).not.toContain('Aigerim');

    // The same refusal from an export, which runs as a job: the job's error carries the catalogue entry too.
    const started = await dispatch('export.run', { what: 'case', format: 'md', case: 'Семей', path: path.join(tempDir(), 'Семей.md') });
    if (!started.ok) throw new Error(started.error.message);
    let job = started.result as JobDto;
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const polled = await dispatch('jobs.get', { id: job.id });
      if (!polled.ok) throw new Error(polled.error.message);
      job = polled.result as JobDto;
    }
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('IDENTITY_IN_OUTPUT');
    expect(readsInRussianAndKazakh(job.error!, 'errorsPrivacy.refused').kk).toMatch(/^Бас тартылды: шығыс \(Markdown файлы\) ішінде «Респондент 1» қатысушысы үшін жазылған нақты есім/);
  });

  it('an undo that would discard another program’s change', () => {
    const file = path.join(tempDir(), 'study.comparanda');
    writeSampleProject(file);
    const p = Project.open(file);
    try {
      const o = p.overview();
      const stage = o.frameworks[0]!.stages[0]!;
      const cell = edit.updateCell(p, { caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: stage.id, patch: { summary: 'Typed in the app.' } });
      const other = new Database(file);
      other.prepare('UPDATE cells SET summary = ? WHERE id = ?').run('Written by another program.', cell.id);
      other.close();
      const error = caught(() => p.history.undo());
      expect(error.message).toMatch(/cannot be undone: the cell it changed was changed since by another program or window/);
      expect(readsInRussianAndKazakh(error, 'errorsCore.staleStep').ru).toMatch(/нельзя отменить: изменённую им запись \(ячейка\) с тех пор изменила другая программа/);
    } finally {
      p.close();
    }
  });

  it('a project whose structure was changed outside Comparanda, or whose table list is damaged', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'altered.comparanda');
    createProjectFile(file, {});
    const db = new Database(file);
    db.exec('CREATE TABLE notes_by_hand (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const session = new Session(tempDir());
    sessions.push(session);
    const envelope = await createDispatcher(createHandlers(session, 'http'), () => undefined)('project.open', { path: file });
    if (envelope.ok) throw new Error('an altered project opened');
    expect(envelope.error.message).toMatch(/its structure holds an added table notes_by_hand\./);
    readsInRussianAndKazakh(envelope.error, 'errorsCore.schemaAltered');
  });

  it('exports a kind cannot give', () => {
    const matrix = exportKind('matrix');
    try {
      registerExportKind({ ...matrix, formats: ['md'] });
      readsInRussianAndKazakh(caught(() => assertExportable('matrix', 'docx')), 'errorsCore.exportFormatRefused');
      registerExportKind({ ...matrix, unavailable: 'Not yet.' });
      readsInRussianAndKazakh(caught(() => assertExportable('matrix', 'md')), 'errorsCore.exportUnavailable');
    } finally {
      registerExportKind(matrix);
    }
  });

  it('text recognition without its trained data', () => {
    const empty = tempDir();
    fs.mkdirSync(path.join(empty, 'tessdata'));
    const error = caught(() => tessdataDir(['kaz', 'rus'], [path.join(empty, 'tessdata')]));
    expect(error.message).toMatch(/^Text recognition needs the trained data for Kazakh \(kaz\.traineddata\); Russian \(rus\.traineddata\), which was not found in /);
    expect(readsInRussianAndKazakh(error, 'errorsCore.ocrNoData').ru).toMatch(/^Для распознавания текста нужны обученные данные для казахского языка \(kaz\.traineddata\); русского языка/);
  });

  it('the erasure report: what still holds the identity, and where it was replaced', async () => {
    await openProject();
    const dispatch = createDispatcher(createHandlers(sessions.at(-1)!, 'http'), () => undefined);
    const ok = async (method: string, input: unknown) => {
      const envelope = await dispatch(method as never, input as never);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.result;
    };
    const participant = (await ok('participants.create', { pseudonym: 'Респондент 1' })) as { id: string };
    await ok('cases.create', { name: 'Семей', notes: 'Told by Aigerim Bekova at the station.' });
    await ok('participants.setIdentity', { id: participant.id, realName: 'Aigerim Bekova', contact: '', identifiers: [] });
    const report = (await ok('participants.eraseIdentity', { id: participant.id })) as EraseReportDto;
    expect(report.remaining).toContain('Copies of the project saved or exported before the erasure, which Comparanda does not track.');
    expect(report.remainingTexts?.map((text) => formatText('en', text))).toEqual(report.remaining);
    const places = report.replaced.map((r) => r.placeText!);
    expect(places.map((text) => formatText('en', text))).toEqual(report.replaced.map((r) => r.place));
    for (const text of [...report.remainingTexts!, ...places]) {
      for (const language of ['ru', 'kk'] as const) {
        const shown = formatText(language, text);
        expect(englishLeft(shown, text), `${language}: ${shown}`).toEqual([]);
      }
    }
    expect(report.remainingTexts!.map((text) => formatText('ru', text))).toContain('Копии проекта, сохранённые или экспортированные до стирания: Comparanda их не отслеживает.');
  });

  it('the list of what is not yet verified: elections and missions worded in the reader’s language', () => {
    const file = path.join(tempDir(), 'study.comparanda');
    writeSampleProject(file);
    const db = new Database(file);
    db.exec("UPDATE elections SET verification = 'unverified'; UPDATE missions SET verification = 'one-source'");
    db.close();
    const p = Project.open(file);
    try {
      const worded = listUnverified(p).items.filter((item) => item.type === 'election' || item.type === 'mission');
      expect(worded.map((item) => item.type)).toEqual(expect.arrayContaining(['election', 'mission']));
      for (const item of worded) {
        expect(formatText('en', item.labelText!)).toBe(item.label);
        for (const language of ['ru', 'kk'] as const) {
          const shown = formatText(language, item.labelText!);
          expect(englishLeft(shown, item.labelText), `${language}: ${shown}`).toEqual([]);
        }
      }
      const election = worded.find((item) => item.type === 'election')!;
      expect(formatText('ru', election.labelText!)).toMatch(/ · (парламентские выборы|президентские выборы|референдум|местные выборы|выборы) \d{4}/);
    } finally {
      p.close();
    }
  });
});
