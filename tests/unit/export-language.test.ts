/**
 * Issue 15, finding 6: the export language. Headings, captions, column headers, status words and table notes follow
 * --language (default: the CSL locale's language); Russian dates take the genitive month with a day ("25 апреля
 * 2012 г."); Kazakh sets its own words and cites with Russian terms, with a warning. The catalogues use the
 * glossary's translations word for word.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../electron/cli/export-command';
import { buildExportDocument, exportProject, renderHtml, type ExportOptions } from '../../electron/core/export';
import { CitationSession, loadStyle } from '../../electron/core/export/citations';
import { en } from '../../electron/core/export/i18n/en';
import { kk } from '../../electron/core/export/i18n/kk';
import { ru } from '../../electron/core/export/i18n/ru';
import { renderMarkdown } from '../../electron/core/export/markdown';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

let dir: string;
let project: Project;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-export-language-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  project = Project.open(path.join(dir, 'sample.comparanda'), { readonly: true });
});

afterAll(() => {
  project?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function markdown(options: Omit<ExportOptions, 'out' | 'format'>): Promise<{ md: string; warnings: string[] }> {
  const doc = await buildExportDocument(project, { ...options, format: 'md', out: '' });
  return { md: renderMarkdown(doc), warnings: (doc.warnings ?? []).map((w) => w.message) };
}

function cite(style: string, locale: string, item: Record<string, unknown>): Promise<{ note: string; bibliography: string[] }> {
  const session = new CitationSession(loadStyle(style), locale, new Map([['x', { id: 'x', ...item }]]));
  const c = session.cite([{ sourceId: 'x' }])!;
  return session.finish().then(() => ({ note: c.runs.map((r) => r.text).join(''), bibliography: session.bibliography().map((e) => e.runs.map((r) => r.text).join('')) }));
}

describe('export language', () => {
  it('sets the matrix’s headings, captions, column headers, status words and notes in Russian', async () => {
    const { md } = await markdown({ what: 'matrix', language: 'ru', norms: ['observation'] });
    expect(md).toContain('**Таблица 1.**');
    expect(md).toContain('| Стадия | Kazakhstan (фокусный кейс) | Belarus |');
    expect(md).toContain('**1. Диффузия**');
    expect(md).toContain('**4. Момент оспаривания**');
    expect(md).toContain('**Достигнута** (1990–1992 · высокая уверенность)');
    expect(md).toContain('**Нет данных**');
    expect(md).toContain('*Шкала статусов:* Не достигнута · Достигнута · Частично · Оспаривается · Неясно · Нет данных');
    expect(md).toContain('## Библиография');
    for (const english of ['Table 1', 'Stage |', 'focal case', 'Reached', 'Status scale', 'Bibliography', 'Each cell:', 'No data']) expect(md).not.toContain(english);
  });

  it('follows the CSL locale when no language is given, and stays English by default', async () => {
    expect((await markdown({ what: 'matrix', locale: 'ru-RU', norms: ['observation'] })).md).toContain('**Таблица 1.**');
    const english = (await markdown({ what: 'matrix', norms: ['observation'] })).md;
    expect(english).toContain('Table 1.');
    expect(english).toContain('## Bibliography');
  });

  it('sets Kazakh words and cites with Russian terms, saying so', async () => {
    const { md, warnings } = await markdown({ what: 'matrix', language: 'kk', norms: ['observation'] });
    expect(md).toContain('**1-кесте.**');
    expect(md).toContain('| Кезең | Kazakhstan (фокустық кейс) | Belarus |');
    expect(md).toContain('**Қол жеткізілді**');
    expect(md).toContain('**4. Дау сәті**');
    expect(md).toContain('прим. 45'); // ru-RU's term for a note locator
    expect(warnings.join(' ')).toMatch(/no Kazakh CSL locale.*Russian terms \(ru-RU\)/);
  });

  it('translates the claims register: caption, column headers, assessment words (Undetermined), dates', async () => {
    const { md } = await markdown({ what: 'claims', language: 'ru' });
    expect(md).toContain('Утверждения о двойных стандартах, проверенные по вердиктам наблюдателей');
    expect(md).toContain('| Автор утверждения (роль, дата) | Утверждение | Сравнение (фокусный кейс и объект сравнения) |');
    expect(md).toContain('*Шкала оценок:* Подтверждается · Частично подтверждается · Не подтверждается · Не определено');
    expect(md).toMatch(/\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\./);
    expect(md).not.toContain('Undetermined');
  });

  it('translates the observation record: caption, year column, mission types, severity words', async () => {
    const { md } = await markdown({ what: 'observation', language: 'ru' });
    expect(md).toContain('Выборы и вердикты миссий по наблюдению за ними: Kazakhstan и Belarus, по годам');
    expect(md).toMatch(/\| Год \| Kazakhstan \(фокусный кейс\) \| Belarus \|/);
    expect(md).toContain('полная МНВ');
    expect(md).toContain('*Шкала серьёзности:* Нет · Незначительная · Умеренная · Серьёзная · Тяжёлая');
    for (const english of ['year by year', 'full EOM', 'Severity scale', 'Each cell:']) expect(md).not.toContain(english);
  });

  it('prints the PDF’s and DOCX’s own words in the language: notes heading, caption, html lang', async () => {
    const doc = await buildExportDocument(project, { what: 'matrix', format: 'pdf', out: '', language: 'ru', norms: ['observation'] });
    const { html } = renderHtml(doc, { paper: 'a4', noteMarks: 'letters' });
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<span class="caption-label">Таблица 1.</span>');
    expect(html).toContain('<div class="notes-title">Примечания</div>');
    expect(html).toContain('(цвет и надпись)');
    const out = path.join(dir, 'kk.docx');
    await exportProject(project, { what: 'matrix', format: 'docx', out, language: 'kk', norms: ['observation'] });
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toMatch(/1-кесте\. International election observation/);
    expect(text).toContain('Мәртебе шкаласы (түсі мен атауы)');
  });

  it('dates in Russian take the genitive month with a day, the nominative without (ru-RU CSL locale)', async () => {
    const newspaper = { type: 'article-newspaper', title: 'Выборы прошли', 'container-title': 'Казахстанская правда', issued: { 'date-parts': [[2012, 4, 25]] } };
    expect((await cite('chicago-note', 'ru-RU', newspaper)).bibliography[0]).toContain('25 апреля 2012 г.');
    const report = { type: 'report', title: 'Доклад', publisher: 'ОБСЕ', issued: { 'date-parts': [[2012, 4]] } };
    expect((await cite('chicago-note', 'ru-RU', report)).bibliography[0]).toContain('апрель 2012 г.');
    // English is untouched.
    expect((await cite('chicago-note', 'en-US', newspaper)).bibliography[0]).toContain('April 25, 2012');
    expect(ru.date(2012, 4, 25)).toBe('25 апреля 2012 г.');
    expect(kk.date(2012, 4, 25)).toBe('2012 жылғы 25 сәуір');
  });

  it('takes --language on the command line and refuses other languages', () => {
    expect(parseExportArgs(['p.comparanda', '--what', 'matrix', '--out', 'x.pdf', '--language', 'kk']).options.language).toBe('kk');
    expect(() => parseExportArgs(['p.comparanda', '--what', 'matrix', '--out', 'x.pdf', '--language', 'de'])).toThrow(/--language must be en, ru or kk/);
  });

  it('uses the glossary’s translations word for word, and every catalogue has the same keys', () => {
    const glossary = fs.readFileSync(path.join(__dirname, '../../docs/glossary.md'), 'utf8');
    const rows = new Map(
      glossary
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| English') && !l.startsWith('| ---'))
        .map((l) => l.split('|').map((c) => c.trim()))
        .map((c) => [c[1]!, { ru: c[2]!, kk: c[3]! }]),
    );
    const term = (english: string) => {
      const row = rows.get(english);
      if (!row) throw new Error(`"${english}" is not in docs/glossary.md`);
      return row;
    };
    const pairs: [string, string, string][] = [
      ['stage', ru.stage, kk.stage],
      ['case', ru.case, kk.case],
      ['focal case', ru.focalCase, kk.focalCase],
      ['comparison case', ru.comparisonCase, kk.comparisonCase],
      ['diffusion', ru.builtInText.Diffusion!, kk.builtInText.Diffusion!],
      ['acceptance (in law)', ru.builtInText.Acceptance!, kk.builtInText.Acceptance!],
      ['reconstitution', ru.builtInText.Reconstitution!, kk.builtInText.Reconstitution!],
      ['moment of contestation', ru.builtInText['Moment of contestation']!, kk.builtInText['Moment of contestation']!],
      ['reached', ru.defaultStatuses.reached, kk.defaultStatuses.reached],
      ['not reached', ru.defaultStatuses['not-reached'], kk.defaultStatuses['not-reached']],
      ['partial', ru.defaultStatuses.partial, kk.defaultStatuses.partial],
      ['contested', ru.defaultStatuses.contested, kk.defaultStatuses.contested],
      ['unclear', ru.defaultStatuses.unclear, kk.defaultStatuses.unclear],
      ['no data', ru.noData, kk.noData],
      ['supported', ru.claimAssessments.supported.label, kk.claimAssessments.supported.label],
      ['partly supported', ru.claimAssessments['partly-supported'].label, kk.claimAssessments['partly-supported'].label],
      ['not supported', ru.claimAssessments['not-supported'].label, kk.claimAssessments['not-supported'].label],
      ['undetermined', ru.claimAssessments.undetermined.label, kk.claimAssessments.undetermined.label],
      ['claim', ru.claimColumns.claim, kk.claimColumns.claim],
      ['assessment', ru.assessment, kk.assessment],
      ['evidence', ru.evidence, kk.evidence],
      ['table', ru.table, kk.table],
      ['notes', ru.notes, kk.notes],
      ['bibliography', ru.bibliography, kk.bibliography],
      ['references (reference list)', ru.references, kk.references],
    ];
    const lower = (s: string) => s.toLocaleLowerCase('ru');
    for (const [english, r, k] of pairs) {
      expect(lower(r), english).toBe(lower(term(english).ru));
      expect(lower(k), english).toBe(lower(term(english).kk));
    }
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(kk).sort()).toEqual(Object.keys(en).sort());
  });

  it('compiles a missing key in a catalogue as an error (the catalogues are typed)', () => {
    const probe = path.join(dir, 'probe.ts');
    const catalogue = path.join(__dirname, '../../electron/core/export/i18n/messages.ts').replace(/\.ts$/, '');
    fs.writeFileSync(probe, `import type { ExportMessages } from '${catalogue}';\nimport { en } from '${catalogue.replace(/messages$/, 'en')}';\nconst { notes: _n, ...rest } = en;\nexport const broken: ExportMessages = rest;\n`);
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--moduleResolution', 'node', '--esModuleInterop', probe], { encoding: 'utf8' });
    expect(tsc.status).not.toBe(0);
    expect(tsc.stdout).toMatch(/Property 'notes' is missing/);
  }, 60_000);
});
