/**
 * A REFI-QDA import's report in the reader's language (issue 18's promise: a Russian or Kazakh user sees no English
 * sentence the product wrote). Each skipped item and each note travels as the English sentence (`message`, the same
 * bytes as before: the JSON of `comparanda import --json` and the tests in qdpx-import.test.ts hold it) and its
 * catalogue entry (`text`), which the client formats in its own language. The fixtures between them skip sources,
 * selections (named and unnamed), codings, values, sets, links and graphs.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueText } from '../../electron/contract/errors';
import { errorText, formatText } from '../../electron/contract/i18n/format';
import { importQdpx, previewQdpx, type ImportReport } from '../../electron/core/exchange';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { LanguageChecker } from '../helpers/i18n-text';
import { qdaFileTexts } from '../helpers/qda-file-texts';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'refi-qda');
const FILES = ['atlasti-standard-project.qdpx', 'forgiving.qdpx', 'unnamed-selections.qdpx', 'nvivo-utf16.qdpx', 'nvivo-codepoints.qdpx'];

/** The file's own strings, and its name: the researcher's data. */
const fileTexts = (file: string): string[] => [file, ...qdaFileTexts(path.join(FIXTURES, file))];

interface Said {
  message: string;
  text?: CatalogueText | undefined;
}

const reports = new Map<string, { report: ImportReport; data: string[] }>();

async function importInto(project: Project, file: string): Promise<ImportReport> {
  const { report } = await importQdpx(project, { path: path.join(FIXTURES, file) });
  project.close();
  return report;
}

beforeAll(async () => {
  for (const file of FILES) {
    reports.set(file, { report: await importInto(Project.create(path.join(tempDir(), 'empty.comparanda')), file), data: fileTexts(file) });
  }
  // Into the sample project: cases and codes matched by name make notes.
  const sample = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(sample);
  reports.set('forgiving.qdpx (sample)', { report: await importInto(Project.open(sample), 'forgiving.qdpx'), data: fileTexts('forgiving.qdpx') });
});

function sentences(report: ImportReport): Said[] {
  return [...report.skipped, ...report.notices];
}

describe('a REFI-QDA import report', () => {
  it('covers many kinds of skipped items and notes', () => {
    const all = [...reports.values()].map((r) => r.report);
    const kinds = new Set(all.flatMap((r) => r.skipped.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['coding', 'graph', 'link', 'selection', 'set', 'source', 'value']));
    expect(all.reduce((n, r) => n + r.skipped.length, 0)).toBeGreaterThanOrEqual(25);
    expect(all.reduce((n, r) => n + r.notices.length, 0)).toBeGreaterThanOrEqual(4);
  });

  it('carries each sentence as a catalogue entry whose English is the message, byte for byte', () => {
    for (const { report } of reports.values()) {
      for (const said of sentences(report)) {
        expect(said.text, said.message).toBeDefined();
        expect(formatText('en', said.text!)).toBe(said.message);
      }
      // `notes` stays the English sentences it was, one for each notice.
      expect(report.notes).toEqual(report.notices.map((n) => n.message));
    }
  });

  for (const language of ['ru', 'kk'] as const) {
    it(`reads in ${language === 'ru' ? 'Russian' : 'Kazakh'} with no English left but the file's own names`, () => {
      const problems: string[] = [];
      for (const [file, { report, data }] of reports) {
        const checker = new LanguageChecker(language, data);
        for (const said of sentences(report)) {
          const shown = errorText(language, said);
          // The checker itself sees the English sentence for what it is (the data left out of it).
          expect(checker.check(said.message), said.message).not.toBeNull();
          const problem = shown === said.message ? 'the English sentence' : checker.check(shown);
          if (problem) problems.push(`${file}: ${problem}: ${shown}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('counts by each language’s plural rules inside the report', () => {
    const atlas = reports.get('atlasti-standard-project.qdpx')!.report;
    const setsKept = atlas.notices.find((n) => n.text?.id === 'exchangeReport.setsKept')!;
    expect(errorText('ru', setsKept)).toMatch(/^16 наборов кодов и источников сохранены/);
    expect(errorText('kk', setsKept)).toMatch(/^Кодтар мен дереккөздердің 16 жиыны/);
    const simon = atlas.skipped.find((s) => s.message.startsWith('Source “Simon.docx”'))!;
    expect(errorText('ru', simon)).toMatch(/а его 3 текстовых фрагмента \(с 3 кодировками\) пропущены\.$/);
  });

  it('says what a preview would skip in the reader’s language too', async () => {
    const preview = await previewQdpx(path.join(FIXTURES, 'atlasti-standard-project.qdpx'));
    const checker = new LanguageChecker('ru', fileTexts('atlasti-standard-project.qdpx'));
    expect(preview.skipped.length).toBeGreaterThan(10);
    for (const item of preview.skipped) {
      expect(formatText('en', item.text!)).toBe(item.message);
      expect(checker.check(errorText('ru', item)), errorText('ru', item)).toBeNull();
    }
  });
});
