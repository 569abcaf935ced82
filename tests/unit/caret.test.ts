import { describe, expect, it } from 'vitest';
import { caretKey, moveCaret, sentenceEnds, sentenceStarts } from '../../renderer/src/evidence/caret';

const PAGE = 'Қазақстандағы сайлау\n\nҚазақстан Республикасының Орталық сайлау комиссиясы\nсайлаудың қорытынды нәтижелерін жариялады. Халықаралық байқаушылар өз есебін ұсынды.\n\nҮміткерлер мен байқаушылардың құқықтары заңмен\nқорғалған.';

describe('caret moves in a page of text', () => {
  it('moves by character and by word (to the end of a word forward, to its start backward)', () => {
    expect(moveCaret(PAGE, 0, 'character', 1)).toBe(1);
    expect(moveCaret(PAGE, 0, 'character', -1)).toBe(0);
    expect(moveCaret(PAGE, 0, 'word', 1)).toBe('Қазақстандағы'.length);
    expect(moveCaret(PAGE, 'Қазақстандағы'.length, 'word', 1)).toBe('Қазақстандағы сайлау'.length);
    expect(moveCaret(PAGE, 'Қазақстандағы сайлау'.length, 'word', -1)).toBe('Қазақстандағы '.length);
    expect(moveCaret('a😀b', 1, 'character', 1)).toBe(3);
  });

  it('moves by sentence: a paragraph end ends a sentence too; forward stops after the full stop', () => {
    const second = PAGE.indexOf('Қазақстан Республикасының');
    expect(moveCaret(PAGE, 0, 'sentence', 1)).toBe('Қазақстандағы сайлау'.length);
    expect(moveCaret(PAGE, second, 'sentence', 1)).toBe(PAGE.indexOf('жариялады.') + 'жариялады.'.length);
    expect(moveCaret(PAGE, PAGE.indexOf('Халықаралық') + 3, 'sentence', -1)).toBe(PAGE.indexOf('Халықаралық'));
    expect(sentenceStarts(PAGE)).toEqual([0, second, PAGE.indexOf('Халықаралық'), PAGE.indexOf('Үміткерлер')]);
    expect(sentenceEnds(PAGE).at(-1)).toBe(PAGE.length);
  });

  it('moves by paragraph and to the page’s ends', () => {
    const second = PAGE.indexOf('Қазақстан Республикасының');
    expect(moveCaret(PAGE, second, 'paragraph', 1)).toBe(PAGE.indexOf('ұсынды.') + 'ұсынды.'.length);
    expect(moveCaret(PAGE, PAGE.indexOf('Орталық'), 'paragraph', -1)).toBe(second);
    expect(moveCaret(PAGE, 5, 'page', 1)).toBe(PAGE.length);
    expect(moveCaret(PAGE, 5, 'page', -1)).toBe(0);
  });

  it('maps keys: arrows, Ctrl (Alt on a Mac) for words and paragraphs, Shift extends', () => {
    const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    expect(caretKey(key('ArrowRight', { shiftKey: true, ctrlKey: true }), false)).toEqual({ unit: 'word', dir: 1, extend: true });
    expect(caretKey(key('ArrowRight', { altKey: true }), true)).toEqual({ unit: 'word', dir: 1, extend: false });
    expect(caretKey(key('ArrowDown', { shiftKey: true }), false)).toEqual({ unit: 'sentence', dir: 1, extend: true });
    expect(caretKey(key('ArrowUp', { ctrlKey: true }), false)).toEqual({ unit: 'paragraph', dir: -1, extend: false });
    expect(caretKey(key('e', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(caretKey(key('ArrowLeft', { altKey: true }), false)).toBeNull();
  });
});
