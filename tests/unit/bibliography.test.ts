import { plugins } from '@citation-js/core';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/core/documents/import-error';
import { type BibliographyFormat, type CslItem, type CslName, duplicateKey, formatBibliography, parseBibliography } from '../../electron/core/sources/bibliography';

const fixtures = path.resolve(__dirname, '../fixtures/bibliography');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

const names = (people: CslName[] | undefined) => (people ?? []).map((n) => n.literal ?? [n.family, n.given].filter(Boolean).join(', '));
const year = (item: CslItem) => item.issued?.['date-parts']?.[0]?.[0] ?? null;
const summary = (items: CslItem[]) => items.map((i) => ({ title: i.title, authors: names(i.author), year: year(i) }));

function failure(text: string, format: BibliographyFormat, fileName: string): ImportError {
  try {
    parseBibliography(text, format, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const importError = error as ImportError;
    expect(importError.reason).toBe('malformed-bibliography');
    expect(importError.code).toBe('VALIDATION_FAILED');
    expect(importError.message).toContain(`"${fileName}"`);
    return importError;
  }
  throw new Error(`${fileName} parsed but should have failed`);
}

describe('parseBibliography: BibTeX (Zotero export)', () => {
  const items = parseBibliography(read('zotero.bib'), 'bibtex', 'zotero.bib');

  it('parses the four entries with Unicode titles, authors and years', () => {
    expect(items.map((i) => i.id)).toEqual(['osce_odihr_republic_2006', 'noauthor_o_1995', 'ivanov_vybory_2008', 'muller_norm_2015']);
    expect(summary(items)).toEqual([
      {
        title: 'Republic of Kazakhstan: Presidential Election, 4 December 2005. OSCE/ODIHR Election Observation Mission Final Report',
        authors: ['OSCE/ODIHR'],
        year: 2006,
      },
      { title: 'О выборах в Республике Казахстан: Конституционный закон Республики Казахстан от 28 сентября 1995 года № 2464', authors: [], year: 1995 },
      { title: 'Выборы в Казахстане и международные наблюдатели', authors: ['Иванов, Пётр Сергеевич', 'Қасымов, Әлібек'], year: 2008 },
      { title: 'Norm contestation and élite résistance: Kazakhstan and the OSCE', authors: ['Müller, Jörg', 'Schönfeld, Renée'], year: 2015 },
    ]);
  });

  it('keeps the other fields as plain CSL-JSON', () => {
    const [report, law, article, withDoi] = items;
    expect(report).toMatchObject({
      type: 'report',
      // citation-js splits "... Institutions and Human Rights" at " and " (a biblatex list): joined again.
      publisher: 'OSCE Office for Democratic Institutions and Human Rights',
      'publisher-place': 'Warsaw',
      URL: 'https://www.osce.org/odihr/elections/kazakhstan/18153',
      accessed: { 'date-parts': [[2024, 1, 15]] },
      issued: { 'date-parts': [[2006, 2]] },
      language: 'en',
    });
    expect(law).toMatchObject({ language: 'ru', URL: 'https://adilet.zan.kz/rus/docs/Z950002464_', note: 'Law' });
    expect(article).toMatchObject({ type: 'article-journal', 'container-title': 'Вестник Евразийского университета', page: '45-67', volume: '12', issue: '3' });
    expect(withDoi!.DOI).toBe('10.1080/09668136.2015.1020000');
    for (const item of items) {
      expect(JSON.parse(JSON.stringify(item))).toEqual(item);
      expect(Object.keys(item).some((k) => k.startsWith('_'))).toBe(false);
    }
  });

  it('decodes LaTeX escapes and dashes, and maps biblatex language names', () => {
    const [item] = parseBibliography(
      String.raw`@book{k, title = {{\"O}ffentliche Wahlen -- {\'e}tude {\v{S}}koda \& Co}, author = {Ba{\u{g}}{\i}ms{\i}z, Ay{\c{s}}e}, date = {2010-05-03}, langid = {russian}}`,
      'bibtex',
      'escapes.bib',
    );
    expect(item!.title).toBe('Öffentliche Wahlen – étude Škoda & Co');
    expect(names(item!.author)).toEqual(['Bağımsız, Ayşe']);
    expect(item!.issued).toEqual({ 'date-parts': [[2010, 5, 3]] });
    expect(item!.language).toBe('ru');
  });

  it('names the file and the broken entry when braces do not match', () => {
    const error = failure(read('malformed.bib'), 'bibtex', 'malformed.bib');
    expect(error.message).toContain('"broken_2002"');
    expect(error.message).toContain('line 6');
  });

  it('names the line and entry of a syntax error', () => {
    const error = failure('@article{a, title={A}}\n@book{b, title = {B}, year = 20x05,, }\n', 'bibtex', 'library.bib');
    expect(error.message).toMatch(/line 2, column \d+ \(entry "b"\)/);
  });

  it('refuses a file with no entries, and an empty one', () => {
    expect(failure('Just some notes, no entries.\n', 'bibtex', 'notes.bib').message).toMatch(/contains no BibTeX entries/);
    expect(failure('\uFEFF  \n', 'bibtex', 'empty.bib').message).toMatch(/is empty/);
  });
});

describe('parseBibliography: RIS and CSL-JSON', () => {
  it('parses sources.ris with Cyrillic and Kazakh intact and stable ids', () => {
    const items = parseBibliography(read('sources.ris'), 'ris', 'sources.ris');
    expect(summary(items)).toEqual([
      { title: 'Доклад о президентских выборах в Республике Казахстан', authors: ['Петрова, Анна'], year: 2006 },
      { title: 'Observing elections in Central Asia', authors: ['Smith, John', 'Қасымов, Әлібек'], year: 2012 },
      // citation-js puts the AU of a NEWS record into `reporter`: it is an author again.
      { title: 'Қазақстанда сайлау өтті', authors: ['Серікбаева, Гүлнәр'], year: 2005 },
    ]);
    expect(items[0]).toMatchObject({ type: 'report', publisher: 'БДИПЧ ОБСЕ', 'publisher-place': 'Варшава', issued: { 'date-parts': [[2006, 2, 21]] }, language: 'ru' });
    expect(items[1]).toMatchObject({ type: 'article-journal', DOI: '10.1080/02634937.2012.000001', 'container-title': 'Central Asian Survey', page: '150-170' });
    expect(items[2]).toMatchObject({ type: 'article-newspaper', 'container-title': 'Егемен Қазақстан' });
    expect(items[2]!.reporter).toBeUndefined();
    expect(items.map((i) => i.id)).toEqual(['petrova2006doklad', 'smith2012observing', 'serikbaeva2005qazaqstanda']);
    expect(parseBibliography(read('sources.ris'), 'ris', 'sources.ris').map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it('names the file and lines of a malformed RIS file', () => {
    expect(failure(read('malformed.ris'), 'ris', 'malformed.ris').message).toContain('the entry starting at line 1 has no "ER  - " end line before the next "TY  - " at line 6');
    expect(failure('TY  - JOUR\nTI  - Unclosed\n', 'ris', 'a.ris').message).toContain('line 1 is not closed');
    expect(failure('Hello\nworld\n', 'ris', 'b.ris').message).toContain('line 1 is outside any entry');
  });

  it('parses sources.json, keeping ids and fields', () => {
    const items = parseBibliography(read('sources.json'), 'csl-json', 'sources.json');
    expect(items.map((i) => i.id)).toEqual(['odihr-2021', 'interview-cec-2', 'kz-law-1995']);
    expect(summary(items)).toEqual([
      { title: 'Republic of Kazakhstan, Parliamentary Elections, 10 January 2021: ODIHR Election Observation Mission Final Report', authors: ['OSCE/ODIHR'], year: 2021 },
      { title: 'Интервью с членом ЦИК (CEC member 2)', authors: ['CEC member 2'], year: 2019 },
      { title: 'Қазақстан Республикасындағы сайлау туралы', authors: [], year: 1995 },
    ]);
    expect(items[1]).toMatchObject({ type: 'interview', archive_location: 'Field notes, box 3', language: 'ru' });
    expect(items[2]).toMatchObject({ type: 'legislation', language: 'kk' });
  });

  it('refuses broken JSON with its line, and JSON that is not CSL', () => {
    expect(failure('[\n  {"id": "a",\n   "title": "x" "type": "book"}\n]', 'csl-json', 'broken.json').message).toMatch(/JSON is broken at line 3/);
    expect(failure('[1, 2]', 'csl-json', 'numbers.json').message).toContain('item 1 is not an object');
    expect(failure('[]', 'csl-json', 'none.json').message).toMatch(/contains no CSL-JSON entries/);
  });

  it('gives items without an id a readable key, unique within the file', () => {
    const items = parseBibliography(JSON.stringify([{ title: 'Выборы', author: [{ family: 'Иванов' }], issued: { 'date-parts': [[2005]] } }, { title: 'Выборы', author: [{ family: 'Иванов' }], issued: { 'date-parts': [[2005]] } }]), 'csl-json', 'x.json');
    expect(items.map((i) => i.id)).toEqual(['ivanov2005vybory', 'ivanov2005vyborya']);
    expect(items[0]!.type).toBe('document');
  });
});

describe('formatBibliography', () => {
  it.each([
    ['zotero.bib', 'bibtex'],
    ['sources.ris', 'ris'],
    ['sources.json', 'csl-json'],
  ] as const)('round-trips %s through BibTeX with the same titles, authors and years', (file, format) => {
    const items = parseBibliography(read(file), format, file);
    const bibtex = formatBibliography(items, 'bibtex');
    const again = parseBibliography(bibtex, 'bibtex', 'export.bib');
    expect(summary(again)).toEqual(summary(items));
    expect(formatBibliography(items, 'bibtex')).toBe(bibtex);
  });

  it('writes readable UTF-8 BibTeX with the original keys and restores the plugin config', () => {
    const items = parseBibliography(read('zotero.bib'), 'bibtex', 'zotero.bib');
    const config = plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } };
    const before = config.format.asciiOnly;
    const bibtex = formatBibliography(items, 'bibtex');
    expect(config.format.asciiOnly).toBe(before);
    expect(bibtex).toContain('@article{ivanov_vybory_2008,');
    expect(bibtex).toContain('author = {Иванов, Пётр Сергеевич and Қасымов, Әлібек}');
    expect(bibtex).toContain('title = {Выборы в Казахстане и международные наблюдатели}');
    expect(bibtex).toContain('Müller, Jörg');
    expect(bibtex).toContain('institution = {{OSCE Office for Democratic Institutions and Human Rights}}');
    expect(bibtex.match(/^@\w+\{([^,]+),/gm)).toEqual(['@techreport{osce_odihr_republic_2006,', '@misc{noauthor_o_1995,', '@article{ivanov_vybory_2008,', '@article{muller_norm_2015,']);
  });

  it('makes BibTeX keys safe and unique', () => {
    const bibtex = formatBibliography(
      [
        { id: 'odihr-2021', type: 'report', title: 'A' },
        { id: 'odihr-2021', type: 'report', title: 'B' },
        { id: 'http://zotero.org/users/1/items/X', type: 'book', title: 'Қазақстан тарихы', author: [{ family: 'Әбілов' }], issued: { 'date-parts': [[1999]] } },
      ],
      'bibtex',
    );
    expect(bibtex.match(/^@\w+\{([^,]+),/gm)).toEqual(['@techreport{odihr_2021,', '@techreport{odihr_2021a,', '@book{abilov1999qazaqstan,']);
  });

  it('writes CSL-JSON that parses back to the same items', () => {
    const items = parseBibliography(read('sources.ris'), 'ris', 'sources.ris');
    const json = formatBibliography(items, 'csl-json');
    expect(parseBibliography(json, 'csl-json', 'export.json')).toEqual(items);
    expect(formatBibliography([], 'bibtex')).toBe('');
  });
});

describe('duplicateKey', () => {
  it('uses the DOI, case-insensitively and without a resolver prefix', () => {
    expect(duplicateKey({ DOI: '10.1080/09668136.2015.1020000', title: 'A' })).toBe('doi:10.1080/09668136.2015.1020000');
    expect(duplicateKey({ DOI: 'https://doi.org/10.1080/ABC.X', title: 'A' })).toBe(duplicateKey({ DOI: '10.1080/abc.x', title: 'Other title' }));
  });

  it('otherwise matches title + year regardless of case, punctuation and spacing', () => {
    const a = { title: 'Выборы в Казахстане: наблюдатели', issued: { 'date-parts': [[2005]] } };
    const b = { title: 'ВЫБОРЫ  В КАЗАХСТАНЕ — НАБЛЮДАТЕЛИ.', issued: { 'date-parts': [[2005, 12, 4]] } };
    expect(duplicateKey(a)).toBe(duplicateKey(b));
    expect(duplicateKey(a)).toBe('выборы в казахстане наблюдатели|2005');
    expect(duplicateKey({ ...b, issued: { 'date-parts': [[2006]] } })).not.toBe(duplicateKey(a));
    expect(duplicateKey({ title: 'ҚАЗАҚСТАН СаЙЛАУЫ', issued: { raw: '2019' } })).toBe(duplicateKey({ title: 'Қазақстан сайлауы', issued: { 'date-parts': [['2019']] } }));
    expect(duplicateKey({ title: 'Ёлка' })).toBe(duplicateKey({ title: 'елка' }));
    expect(duplicateKey({ title: 'ＯＳＣＥ report' })).toBe(duplicateKey({ title: 'osce Report' }));
    expect(duplicateKey({ title: 'Straße' })).toBe(duplicateKey({ title: 'STRASSE' }));
  });

  it('never takes two untitled items without DOI for each other', () => {
    expect(duplicateKey({ id: 'a' })).not.toBe(duplicateKey({ id: 'b' }));
  });

  it('finds duplicates across formats (the same report from BibTeX and RIS)', () => {
    const [fromBib] = parseBibliography('@article{x, title = {Observing Elections in {Central} {Asia}}, year = 2012}', 'bibtex', 'a.bib');
    const fromRis = parseBibliography(read('sources.ris'), 'ris', 'sources.ris')[1]!;
    expect(duplicateKey({ ...fromRis, DOI: undefined })).toBe(duplicateKey(fromBib!));
  });
});
