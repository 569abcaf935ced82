/**
 * Issue 18: the command line writes its own lines (reports, usage mistakes, the help) in the language of LANG or
 * --language, and its --json output is the same bytes in every language. Real commands on a real sample project;
 * what may stay in Latin letters: the researcher's data, paths, command and option names, and the names and formats
 * of tests/helpers/latin-allowed.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../electron/contract/i18n/format';
import { cli } from '../helpers/cli';
import { withoutAllowedLatin } from '../helpers/latin-allowed';
import { tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');

/** A Russian locale for the whole environment, as a researcher in Almaty or Minsk has it. */
const RUSSIAN = { LC_ALL: '', LC_MESSAGES: '', LANG: 'ru_RU.UTF-8' };

/** Names of products and tools the help mentions besides latin-allowed.ts's (they are names in every language). */
const NAMES = ['Chromium', 'fsQCA', 'Windows'];

/**
 * The English words left in a text once the data (the given strings), paths, quoted commands, options, placeholders
 * (FILE, PATH), file names and names are taken out: an empty list means the text is all in the other language.
 */
function englishLeft(text: string, data: readonly string[] = []): string[] {
  let rest = text.replace(/^comparanda [a-z-]+:/gm, ' ');
  for (const value of [...data].filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.replaceAll(value, ' ');
  rest = rest
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/(?:^|\s)\/[\w/.-]+/g, ' ')
    .replace(/--[a-z][a-z-]*(?: [a-z]+\b)?/g, ' ')
    .replace(/\b[\w-]+\.(?:comparanda|csv|R|tex|bib|md|json)\b/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_]+\b/g, ' ');
  for (const name of NAMES) rest = rest.replaceAll(name, ' ');
  rest = withoutAllowedLatin(rest);
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

function run(args: string[], dir: string, env: Record<string, string>, expectedCode = 0) {
  const result = cli(args, dir, env);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(expectedCode);
  return result;
}

/** The data a report may quote: every case, norm, framework and stage name the project holds, and its title. */
function dataOf(file: string, dir: string): string[] {
  const english = {};
  const cases = JSON.parse(run(['case', 'list', file, '--json'], dir, english).stdout) as { name: string; isoCode: string | null }[];
  const norms = JSON.parse(run(['norm', 'list', file, '--json'], dir, english).stdout) as { label: string; shortLabel: string; framework: string }[];
  const { frameworks } = JSON.parse(run(['framework', 'list', file, '--json'], dir, english).stdout) as { frameworks: { name: string; stages: { label: string }[]; statuses: { label: string }[] }[] };
  const title = run(['info', file], dir, english).stdout.split('\n')[0]!;
  return [
    dir,
    title,
    ...cases.map((c) => c.name),
    ...norms.flatMap((n) => [n.label, n.shortLabel, n.framework]),
    ...frameworks.flatMap((f) => [f.name, ...f.stages.map((s) => s.label), ...f.statuses.map((s) => s.label)]),
  ];
}

/** The help split into its synopsis lines (verbatim in every language) and its descriptions. */
function helpParts(text: string): { synopsis: string[]; descriptions: string } {
  const synopsis: string[] = [];
  const descriptions: string[] = [];
  const lines = text.split('\n');
  // The first line is "<Usage:> comparanda <command> [options]": its synopsis is verbatim too.
  const [first, ...rest] = lines;
  const usage = /^(.*?)(comparanda <command> \[options\])$/.exec(first ?? '');
  expect(usage, first).not.toBeNull();
  synopsis.push(usage![2]!);
  descriptions.push(usage![1]!);
  for (const line of rest) {
    const command = /^ {2}([a-z].*?)(?: {2,}(.*))?$/.exec(line);
    if (command) {
      synopsis.push(command[1]!);
      descriptions.push(command[2] ?? '');
    } else if (/^ {13}\[/.test(line)) synopsis.push(line.trim());
    else descriptions.push(line);
  }
  return { synopsis, descriptions: descriptions.join('\n') };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build:node (the CLI runs from dist/).');
});

describe('the command line in Russian and Kazakh', () => {
  for (const [language, env, flag] of [
    ['ru', RUSSIAN, []],
    ['kk', RUSSIAN, ['--language', 'kk']],
  ] as const) {
    it(`writes new, info, check, an export, an import report and a usage mistake in ${language}`, { timeout: 240_000 }, () => {
      const dir = tempDir();
      const say = (args: string[], code = 0) => run([...args, ...flag], dir, env, code);
      run(['sample', '--out', 's.comparanda'], dir, {});
      // What the researcher typed is quoted back as typed.
      const data = [...dataOf('s.comparanda', dir), 's.comparanda', 'frobnicate'];
      const outputs: Record<string, string> = {};

      const created = say(['new', 'n.comparanda']).stdout;
      const newData = [...dataOf('n.comparanda', dir), 'n.comparanda'];
      expect(created).toMatch(language === 'ru' ? /^Создан .*n\.comparanda \(рамочная модель по умолчанию: / : /n\.comparanda жасалды \(әдепкі талдау шеңбері: /);
      expect(englishLeft(created, newData), created).toEqual([]);

      outputs.info = say(['info', 's.comparanda']).stdout.split('\n').slice(1).join('\n');
      expect(outputs.info).toMatch(language === 'ru' ? /выборов: \d+, \d+ мисси/ : /\d+ сайлау, \d+ миссия/);
      outputs.check = say(['check', 's.comparanda']).stdout;
      expect(outputs.check).toMatch(language === 'ru' ? /^s\.comparanda: проблем не найдено/ : /^s\.comparanda: ақау табылмады/);

      // The "Wrote … (size)" line, the size in the language's own form: "12,3 КБ".
      outputs.export = say(['export', 's.comparanda', '--what', 'claims', '--format', 'csv', '--out', 'claims.csv']).stdout;
      expect(outputs.export).toMatch(language === 'ru' ? /^Записано: .*claims\.csv \(\d+,\d КБ\)\n$/ : /^Жазылды: .*claims\.csv \(\d+,\d КБ\)\n$/);
      outputs.data = say(['export', 's.comparanda', '--data', 'elections', '--out', 'elections.csv']).stdout;

      // The table just written, read back: every row unchanged.
      outputs.import = say(['import', 's.comparanda', '--from', 'csv', '--kind', 'elections', 'elections.csv']).stdout;
      expect(outputs.import).toMatch(language === 'ru' ? /^Импортировано строк \(выборы\): \d+; новых: 0, изменённых: 0, без изменений: \d+\.\n$/ : /^Импортталған жолдар \(сайлаулар\): \d+; жаңасы: 0, өзгергені: 0, өзгермегені: \d+\.\n$/);
      outputs.dryRun = say(['import', 's.comparanda', '--from', 'csv', '--kind', 'elections', 'elections.csv', '--dry-run']).stdout;

      const mistake = say(['matrix', 's.comparanda', '--norm', 'all', '--format', 'pdf'], 2).stderr;
      expect(mistake).toBe(language === 'ru' ? 'comparanda matrix: Значение --format должно быть md, csv или json, а не «pdf».\n' : 'comparanda matrix: --format мәні md, csv, не болмаса json болуы керек, «pdf» емес.\n');
      outputs.unknownOption = say(['info', 's.comparanda', '--bogus'], 2).stderr;
      outputs.missingFile = say(['export', 's.comparanda', '--what', 'claims', '--format', 'csv'], 2).stderr;
      outputs.unknownCommand = say(['frobnicate'], 2).stderr;

      for (const [what, text] of Object.entries(outputs)) {
        expect(text.trim(), what).not.toBe('');
        expect(englishLeft(text, data), `${what}: ${text}`).toEqual([]);
      }
    });

    it(`prints the help in ${language}, its synopsis lines as in English`, () => {
      const dir = tempDir();
      const english = helpParts(run(['help'], dir, {}).stdout);
      const help = helpParts(run(['help', ...flag], dir, env).stdout);
      expect(help.synopsis).toEqual(english.synopsis);
      expect(englishLeft(help.descriptions), help.descriptions).toEqual([]);
      // Every description was translated: none of the English ones is left as it was.
      expect(help.descriptions).not.toContain('summarise a project');

      const exportHelp = run(['export', '--help', ...flag], dir, env).stdout;
      const description = exportHelp.split('\n').filter((line) => !/^ {0,4}(?:\S+: )?(?:comparanda export|\[)/.test(line));
      expect(description.join('').length, exportHelp).toBeGreaterThan(500);
      expect(englishLeft(description.join('\n')), exportHelp).toEqual([]);
    });
  }

  it('writes --json output byte for byte the same in English, Russian and Kazakh', { timeout: 240_000 }, () => {
    const dir = tempDir();
    run(['sample', '--out', 's.comparanda'], dir, {});
    run(['export', 's.comparanda', '--data', 'elections', '--out', 'elections.csv'], dir, {});
    for (const args of [
      ['info', 's.comparanda', '--json'],
      ['check', 's.comparanda', '--json'],
      ['norm', 'list', 's.comparanda', '--json'],
      ['framework', 'list', 's.comparanda', '--json'],
      ['search', 's.comparanda', 'observers', '--json', '--limit', '5'],
      ['import', 's.comparanda', '--from', 'csv', '--kind', 'elections', 'elections.csv', '--dry-run', '--json'],
    ]) {
      const english = run(args, dir, {}).stdout;
      expect(english.length, args.join(' ')).toBeGreaterThan(2);
      expect(run(args, dir, RUSSIAN).stdout, args.join(' ')).toBe(english);
      expect(run([...args, '--language', 'kk'], dir, RUSSIAN).stdout, args.join(' ')).toBe(english);
    }
  });

  it('writes counts in the language\'s own number form', () => {
    const rows = { rows: 12345, kind: 'elections', created: 1234, updated: 0, columns: '', unchanged: 11111 };
    const group = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(group(formatMessage('ru', 'cli.importedRows', rows))).toBe('Импортировано строк (выборы): 12 345; новых: 1 234, изменённых: 0, без изменений: 11 111.');
    expect(group(formatMessage('kk', 'cli.importedRows', rows))).toMatch(/^Импортталған жолдар \(сайлаулар\): 12 345; жаңасы: 1 234,/);
    expect(formatMessage('en', 'cli.importedRows', rows)).toBe('Imported 12,345 elections rows: 1,234 new, 0 changed, 11,111 unchanged.');
    expect(group(formatMessage('ru', 'cli.recordCounts', { elections: 12345, missions: 2, claims: 5, regional: 1, indicators: 1000 }))).toBe(
      'выборов: 12 345, 2 миссии, 5 утверждений, 1 региональная норма, 1 000 значений индикаторов',
    );
  });

  it('keeps the English reports as they were, with counts that agree with their number', () => {
    const dir = tempDir();
    run(['sample', '--out', 's.comparanda'], dir, {});
    const info = run(['info', 's.comparanda'], dir, {}).stdout;
    expect(info).toMatch(/\n {2}file {5}.*s\.comparanda\n {2}format {3}\d+ \(this app reads up to \d+\)\n {2}cases {4}2: Kazakhstan \(focal\), Belarus\n/);
    expect(info).toMatch(/\n {2}backups {2}0\n$/);
    expect(run(['export', 's.comparanda', '--what', 'claims', '--format', 'csv', '--out', 'claims.csv'], dir, {}).stdout).toMatch(/^Wrote .*claims\.csv \(\d+\.\d KB\)\n$/);
    const mistake = run(['info', 's.comparanda', '--bogus'], dir, {}, 2).stderr;
    expect(mistake).toBe('comparanda info: Unknown option "--bogus".\n');
  });
});
