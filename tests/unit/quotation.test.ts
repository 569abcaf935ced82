import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinHardBreaks } from '../../electron/contract/quotation';
import { extractDocument, pdfItemsToText } from '../../electron/core/documents/extract';
import { paragraphAt } from '../../electron/core/evidence';

describe('joinHardBreaks: a quotation keeps sentences, not the PDF’s lines', () => {
  it('joins the lines of a paragraph with a space and keeps paragraphs apart', () => {
    expect(joinHardBreaks('Наблюдатели отметили, что подсчёт\nголосов проходил закрыто.\n\nВторой абзац\nздесь.')).toBe(
      'Наблюдатели отметили, что подсчёт голосов проходил закрыто.\n\nВторой абзац здесь.',
    );
  });

  it('drops a line-end hyphen that only broke a word, in Russian and Kazakh', () => {
    expect(joinHardBreaks('Избирательная поли-\nтика государства')).toBe('Избирательная политика государства');
    expect(joinHardBreaks('Орталық сай-\nлау комиссиясы')).toBe('Орталық сайлау комиссиясы');
    expect(joinHardBreaks('мес-\nто для наблюдателей')).toBe('место для наблюдателей');
    // A soft hyphen is a break by definition.
    expect(joinHardBreaks('комис\u00ad\nсия')).toBe('комиссия');
  });

  it('keeps the hyphen of a real compound', () => {
    // The document spells the compound unbroken elsewhere (Kazakh pair word, Russian compound adjective).
    expect(joinHardBreaks('қоғамдық-\nсаяси өмір', 'қоғамдық-саяси ұйымдар. қоғамдық-\nсаяси өмір')).toBe('қоғамдық-саяси өмір');
    expect(joinHardBreaks('северо-\nзападный регион', 'Северо-западный округ; северо-\nзападный регион')).toBe('северо-западный регион');
    // Russian typesetting repeats the hyphen of a compound broken at its hyphen.
    expect(joinHardBreaks('социально-\n-экономический')).toBe('социально-экономический');
    // Particles always written with a hyphen; capitals and numbers.
    expect(joinHardBreaks('кто-\nто из наблюдателей')).toBe('кто-то из наблюдателей');
    expect(joinHardBreaks('где-\nлибо ещё')).toBe('где-либо ещё');
    expect(joinHardBreaks('миссия ОБСЕ-\nБДИПЧ')).toBe('миссия ОБСЕ-БДИПЧ');
    expect(joinHardBreaks('в 2005-\n2010 годах')).toBe('в 2005-2010 годах');
  });

  it('prefers the joined word when the document has it, even if a compound also looks possible', () => {
    expect(joinHardBreaks('поли-\nтика', 'политика и поли-тика')).toBe('политика');
  });

  it('keeps list items on their own lines', () => {
    expect(joinHardBreaks('Нарушения:\n• вброс\nбюллетеней\n• давление')).toBe('Нарушения:\n• вброс бюллетеней\n• давление');
  });
});

describe('paragraph locators do not count a wrapped heading twice', () => {
  const item = (str: string, y: number, size: number) => ({ str, dir: 'ltr', transform: [size, 0, 0, size, 50, y], width: 200, height: size, fontName: 'f', hasEOL: true });

  it('keeps the two lines of a large heading in one paragraph', () => {
    const text = pdfItemsToText([
      item('Выборы в Республике', 700, 20),
      item('Казахстан 2005 года', 676, 20),
      item('Первый абзац, первая строка', 640, 11),
      item('вторая строка', 626, 11),
      item('и третья.', 612, 11),
      item('Второй абзац.', 584, 11),
      item('Ещё строка', 570, 11),
      item('и последняя.', 556, 11),
    ]);
    expect(text).toBe('Выборы в Республике\nКазахстан 2005 года\n\nПервый абзац, первая строка\nвторая строка\nи третья.\n\nВторой абзац.\nЕщё строка\nи последняя.');
    expect(paragraphAt(text, text.indexOf('Второй'))).toBe(3);
  });
});

describe('a wrapped heading in a Chromium-printed PDF', () => {
  it('is one paragraph, and the paragraphs after it are told apart', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', 'wrapped-heading.pdf')));
    const [page] = (await extractDocument({ fileName: 'wrapped-heading.pdf', bytes })).pages;
    const text = page!.text;
    expect(text.split('\n\n')).toHaveLength(3);
    expect(paragraphAt(text, text.indexOf('Казахстан'))).toBe(1);
    expect(paragraphAt(text, text.indexOf('Первый'))).toBe(2);
    expect(paragraphAt(text, text.indexOf('Второй'))).toBe(3);
  });
});
