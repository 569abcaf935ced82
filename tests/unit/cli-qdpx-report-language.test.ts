/**
 * `comparanda import --from qdpx` prints what it skipped in the run's language (LANG or --language), and its --json
 * report is the same bytes in every language, with the English sentences it always had. Runs the built command
 * (`npm run build:node` first) on a real fixture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const FILE = path.resolve(__dirname, '..', 'fixtures', 'refi-qda', 'unnamed-selections.qdpx');

/** A fresh copy of an empty project in a folder of its own, so that each run imports into the same state. */
function freshProject(): string {
  const dir = tempDir();
  expect(cli(['new', 'p.comparanda'], dir).code).toBe(0);
  return dir;
}

function importInto(dir: string, env: Record<string, string>, json = false) {
  const result = cli(['import', 'p.comparanda', '--from', 'qdpx', FILE, ...(json ? ['--json'] : [])], dir, env);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('the command line’s REFI-QDA import report', () => {
  it('says each skipped item in Russian and in Kazakh, and in English as before', () => {
    const english = importInto(freshProject(), {});
    expect(english).toContain('A coding of the selection at positions 0–9 names no code; it was skipped.');
    expect(english).toContain('The selection at positions 500–510 in “Notes” was skipped: it lies outside the text (36 characters).');

    const russian = importInto(freshProject(), { LC_ALL: '', LC_MESSAGES: '', LANG: 'ru_RU.UTF-8' });
    expect(russian).toContain('Кодировка фрагмента в позициях 0–9 не указывает код; она пропущена.');
    expect(russian).toContain('Фрагмент в позициях 500–510 в «Notes» пропущен: он лежит за пределами текста (36 символов).');
    const kazakh = importInto(freshProject(), { LC_ALL: '', LC_MESSAGES: '', LANG: 'kk_KZ.UTF-8' });
    expect(kazakh).toContain('«Notes» ішіндегі 500–510 позициялардағы фрагмент өткізілді: ол мәтіннен тыс жатыр (мәтінде 36 таңба).');
    for (const out of [russian, kazakh]) {
      // What is left in Latin letters is the file's own: its maker, its source "Notes", a selection's GUID, its name.
      const rest = out.replace(/unnamed-selections\.qdpx|QualCoder|Notes|e7000000-0000-4000-8000-0000000000\d\d|GUID/g, ' ');
      expect(rest.match(/[A-Za-z]{2,}/g) ?? [], out).toEqual([]);
    }
  });

  it('writes the same --json report in every language, with its English sentences', () => {
    const english = importInto(freshProject(), {}, true);
    const russian = importInto(freshProject(), { LC_ALL: '', LC_MESSAGES: '', LANG: 'ru_RU.UTF-8' }, true);
    expect(russian).toBe(english);
    const report = JSON.parse(english) as { skipped: { message: string; text: { id: string } }[] };
    expect(report.skipped.map((s) => s.message)).toContain('A second selection with the GUID e7000000-0000-4000-8000-000000000011 (at positions 0–9) in “Notes” was skipped.');
    expect(report.skipped.every((s) => s.text.id.startsWith('exchangeReport.'))).toBe(true);
    expect(fs.existsSync(FILE)).toBe(true);
  });
});
