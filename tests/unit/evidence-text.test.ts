/** The evidence views' pure text helpers: page segments for marks, search snippets, words, locators, languages. */
import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../electron/contract/api';
import { guessLanguage, paragraphAt, parseCslDate, parseCslNames, suggestLocator } from '../../renderer/src/evidence/format';
import { firstRunLength, segmentText, snippetParts, trimRange, wordAt, wordsFrom } from '../../renderer/src/evidence/text-ranges';

const O = SNIPPET_OPEN;
const C = SNIPPET_CLOSE;

describe('segmentText', () => {
  it('cuts the text at every boundary and keeps it whole', () => {
    const text = 'Observers were admitted to polling stations.';
    const segments = segmentText(text, [
      { start: 0, end: 9, kind: 'excerpt', id: 'a' },
      { start: 5, end: 23, kind: 'excerpt', id: 'b' },
      { start: 15, end: 23, kind: 'match' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => [s.text, s.excerptIds, s.match])).toEqual([
      ['Obser', ['a'], false],
      ['vers', ['a', 'b'], false],
      [' were ', ['b'], false],
      ['admitted', ['b'], true],
      [' to polling stations.', [], false],
    ]);
  });

  it('ignores empty, inverted and out-of-range marks', () => {
    const segments = segmentText('abc', [
      { start: 2, end: 2, kind: 'draft' },
      { start: 3, end: 1, kind: 'draft' },
      { start: 1, end: 99, kind: 'draft' },
    ]);
    expect(segments.map((s) => [s.text, s.draft])).toEqual([
      ['a', false],
      ['bc', true],
    ]);
  });
});

describe('snippets', () => {
  it('splits at the markers into plain and matched parts, never HTML', () => {
    expect(snippetParts(`…the ${O}Қазақстан${C} <b>Республикасы</b>`, O, C)).toEqual([
      { text: '…the ', match: false },
      { text: 'Қазақстан', match: true },
      { text: ' <b>Республикасы</b>', match: false },
    ]);
    expect(snippetParts(`a ${O}b`, O, C)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
    ]);
  });

  it('counts the words of the first matched phrase', () => {
    expect(firstRunLength(`x ${O}Page${C} ${O}heading${C} ${O}277${C} y ${O}Page${C}`, O, C)).toBe(3);
    expect(firstRunLength(`${O}one${C} word ${O}two${C}`, O, C)).toBe(1);
    expect(firstRunLength(`${O}Notes, page 277${C} and more`, O, C)).toBe(3);
    expect(firstRunLength('no marks', O, C)).toBe(1);
  });
});

describe('words and selections', () => {
  const text = 'Қазақстандағы сайлау\n\nҚазақстан Республикасының Орталық';
  it('finds the whole word at an offset and a phrase from it', () => {
    expect(wordAt(text, 22)).toEqual({ start: 22, end: 31 });
    expect(wordAt(text, 25)).toEqual({ start: 22, end: 31 });
    expect(wordAt(text, 20)).toBeNull();
    expect(text.slice(...Object.values(wordsFrom(text, 22, 2)!))).toBe('Қазақстан Республикасының');
  });

  it('trims white space off a selection', () => {
    expect(trimRange(text, 20, 32)).toEqual({ start: 22, end: 31 });
  });

  it('locates a selection by page and paragraph as the back end does', () => {
    expect(paragraphAt(text, 22)).toBe(2);
    expect(suggestLocator(text, 3, 22)).toBe('p. 3, para 2');
  });
});

describe('fields', () => {
  it('guesses the language from the letters', () => {
    expect(guessLanguage('Қазақстан Республикасының')).toBe('kk');
    expect(guessLanguage('Выборы в Казахстане')).toBe('ru');
    expect(guessLanguage('Выбары ў Беларусі')).toBe('be');
    expect(guessLanguage('Observers were admitted')).toBe('en');
    expect(guessLanguage('1995')).toBe('');
  });

  it('reads names and dates as typed', () => {
    expect(parseCslNames('Иванов, Пётр; OSCE/ODIHR; Müller,')).toEqual([{ family: 'Иванов', given: 'Пётр' }, { literal: 'OSCE/ODIHR' }, { family: 'Müller' }]);
    expect(parseCslDate('2016-03')).toEqual({ 'date-parts': [[2016, 3]] });
    expect(parseCslDate('spring 2016')).toEqual({ literal: 'spring 2016' });
    expect(parseCslDate(' ')).toBeUndefined();
  });
});
