/**
 * Issue 15, finding 6: Cyrillic references romanised by the ALA-LC tables (Russian; Kazakh by the table for
 * non-Slavic languages), as Europe-Asia Studies and Post-Soviet Affairs print them, with the translated title in
 * brackets; the strict form keeps the tables' ligature ties and primes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../electron/cli/export-command';
import { buildExportDocument, exportProject } from '../../electron/core/export';
import { romanise, romaniseItem } from '../../electron/core/export/i18n/romanise';
import { ApiError } from '../../electron/contract/errors';
import { createExcerpt, createSource, linkExcerpt, listParticipants, setIdentity } from '../../electron/core/evidence';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

let dir: string;
let project: Project;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-romanise-'));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  project = Project.open(path.join(dir, 'sample.comparanda'));
  const overview = project.overview();
  const kaz = overview.cases.find((c) => c.name === 'Kazakhstan')!.id;
  const obs = overview.norms.find((n) => n.shortLabel === 'Election observation')!.id;
  const stage = overview.frameworks[0]!.stages[0]!.id;
  const source = createSource(project, {
    kind: 'media',
    csl: {
      type: 'article-newspaper',
      title: 'Выборы прошли спокойно',
      'translated-title': 'The elections passed calmly',
      'container-title': 'Казахстанская правда',
      author: [{ family: 'Тоқаев', given: 'Қасым-Жомарт' }],
      issued: { 'date-parts': [[2012, 4, 25]] },
    },
  });
  const excerpt = createExcerpt(project, { sourceId: source.id, text: 'The elections passed calmly.', textKind: 'paraphrase', locator: 'p. 2' });
  linkExcerpt(project, { excerptId: excerpt.id, caseId: kaz, normId: obs, stageId: stage });
});

afterAll(() => {
  project?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ALA-LC romanisation', () => {
  it('romanises Russian as the journals print it (no tie bars, no diacritics)', () => {
    const known: [string, string][] = [
      ['Известия', 'Izvestiia'],
      ['Жизнь', "Zhizn'"],
      ['Казахстанская правда', 'Kazakhstanskaia pravda'],
      ['Новый мир', 'Novyi mir'],
      ['Эхо Москвы', 'Ekho Moskvy'],
      ['Ельцин', "El'tsin"],
      ['Юрий Щекочихин', 'Iurii Shchekochikhin'],
      ['объявление', 'ob"iavlenie'],
      ['Чьё', "Ch'e"],
      ['ЦИК', 'TSIK'],
      ['Центральная избирательная комиссия', 'Tsentral\'naia izbiratel\'naia komissiia'],
    ];
    for (const [cyrillic, latin] of known) expect(romanise(cyrillic, 'ru'), cyrillic).toBe(latin);
  });

  it('keeps the ligature ties, breve and primes in the strict form', () => {
    expect(romanise('Известия', 'ru', 'strict')).toBe('Izvestii͡a');
    expect(romanise('Жизнь', 'ru', 'strict')).toBe('Zhiznʹ');
    expect(romanise('Ельцин', 'ru', 'strict')).toBe('Elʹt͡sin');
    expect(romanise('Новый мир', 'ru', 'strict')).toBe('Novyĭ mir');
    expect(romanise('Эхо', 'ru', 'strict')).toBe('Ėkho');
    expect(romanise('Юрий', 'ru', 'strict')).toBe('I͡uriĭ');
  });

  it('romanises Kazakh by the non-Slavic table: ä, gh, q, ng, ȯ, ū, u̇, ḣ', () => {
    const known: [string, string][] = [
      ['Егемен Қазақстан', 'Egemen Qazaqstan'],
      ['Жас Алаш', 'Zhas Alash'],
      ['Тоқаев', 'Toqaev'],
      ['Әлиева', 'Älieva'],
      ['Ақорда', 'Aqorda'],
      ['ғұмыр', 'ghūmyr'],
      ['Өскемен', 'Ȯskemen'],
      ['Үкімет', 'U̇kimet'],
      ['Мәжіліс', 'Mäzhilis'],
      ['жаңа', 'zhanga'],
    ];
    for (const [cyrillic, latin] of known) expect(romanise(cyrillic), cyrillic).toBe(latin.normalize('NFC'));
    expect(romanise('жаңа', 'kk', 'strict')).toBe('zhan͡ga');
  });

  it('romanises a reference’s titles and names and adds the translated title in brackets', () => {
    const item = romaniseItem({ id: 'x', type: 'article-newspaper', title: 'Выборы прошли спокойно', 'translated-title': 'The elections passed calmly', 'container-title': 'Известия', author: [{ family: 'Ельцин', given: 'Борис' }] });
    expect(item.title).toBe('Vybory proshli spokoino [The elections passed calmly]');
    expect(item['container-title']).toBe('Izvestiia');
    expect(item.author).toEqual([{ family: "El'tsin", given: 'Boris' }]);
    expect(item.language).toBe('ru');
    const latin = { id: 'y', type: 'report', title: 'Final Report', author: [{ literal: 'OSCE/ODIHR' }] };
    expect(romaniseItem(latin)).toBe(latin);
  });

  it('exports the references romanised when asked (--romanise), and in Cyrillic otherwise', async () => {
    const plain = await buildExportDocument(project, { what: 'matrix', format: 'md', out: '', norms: ['observation'] });
    const text = (doc: typeof plain) => doc.references.map((r) => r.runs.map((x) => x.text).join('')).join('\n');
    expect(text(plain)).toContain('Казахстанская правда');
    const romanised = await buildExportDocument(project, { what: 'matrix', format: 'md', out: '', norms: ['observation'], romanise: true });
    const refs = text(romanised);
    expect(refs).toContain('Kazakhstanskaia pravda');
    expect(refs).toContain('Vybory proshli spokoino [The elections passed calmly]');
    expect(refs).toContain('Toqaev');
    expect(refs).not.toMatch(/[\u0400-\u04ff]/);
    // The .bib of the LaTeX export is romanised too, so that biblatex prints the same references.
    const out = path.join(dir, 'romanised.tex');
    await exportProject(project, { what: 'matrix', format: 'tex', out, norms: ['observation'], romanise: true });
    const bib = fs.readFileSync(path.join(dir, 'romanised.bib'), 'utf8');
    expect(bib).toContain('Kazakhstanskaia pravda');
    expect(bib).not.toMatch(/[\u0400-\u04ff]/);
    expect(parseExportArgs(['p.comparanda', '--what', 'matrix', '--out', 'x.pdf', '--romanise']).options.romanise).toBe(true);
  });

  it('refuses a romanised export that would print an interviewee’s real name recorded in Cyrillic', async () => {
    // The researcher cites a book by the person who is, under a pseudonym, an interviewee.
    const participant = listParticipants(project)[0]!;
    setIdentity(project, { id: participant.id, realName: 'Айгерим Бекова', contact: '' });
    const overview = project.overview();
    const source = createSource(project, { kind: 'academic', csl: { type: 'book', title: 'Сайлау', author: [{ family: 'Бекова', given: 'Айгерим' }], issued: { 'date-parts': [[2019]] } } });
    const excerpt = createExcerpt(project, { sourceId: source.id, text: 'A finding.', textKind: 'paraphrase', locator: 'p. 3' });
    linkExcerpt(project, { excerptId: excerpt.id, caseId: overview.cases[0]!.id, normId: overview.norms[0]!.id, stageId: overview.frameworks[0]!.stages[1]!.id });
    for (const romanised of [false, true]) {
      const out = path.join(dir, `identity-${romanised}.md`);
      const error = await exportProject(project, { what: 'matrix', format: 'md', out, romanise: romanised }).catch((e: unknown) => e);
      expect(error, `romanise: ${romanised}`).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('IDENTITY_IN_OUTPUT');
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
