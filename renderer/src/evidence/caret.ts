/**
 * Caret browsing in the reader: where a keyboard caret goes in a page's text, by character, word, sentence or
 * paragraph. Offsets are UTF-16 units in the page text, as excerpts count them. Forward moves stop at the end of a
 * unit and backward moves at its start, so that Shift+moves select whole words, sentences or paragraphs without the
 * space after them.
 */

export type CaretUnit = 'character' | 'word' | 'sentence' | 'paragraph' | 'page';
export type CaretDirection = 1 | -1;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function character(text: string, offset: number, dir: CaretDirection): number {
  let next = Math.max(0, Math.min(text.length, offset + dir));
  // Never between the two halves of a character outside the BMP.
  if (next > 0 && next < text.length && isLowSurrogate(text.charCodeAt(next))) next += dir;
  return next;
}

function word(text: string, offset: number, dir: CaretDirection): number {
  let at = offset;
  if (dir === 1) {
    while (at < text.length && !WORD_CHAR.test(text[at]!)) at++;
    while (at < text.length && WORD_CHAR.test(text[at]!)) at++;
  } else {
    while (at > 0 && !WORD_CHAR.test(text[at - 1]!)) at--;
    while (at > 0 && WORD_CHAR.test(text[at - 1]!)) at--;
  }
  return at;
}

/** Where sentences end: after . ! ? … (and closing quotes or brackets) before white space, and at paragraph ends. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const pattern = /[.!?…]+["»”’)\]]*(?=\s|$)|(?=\n[ \t]*\n)/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') pattern.lastIndex++;
    const end = match.index + match[0].length;
    if (ends.at(-1) !== end && /\S/.test(text.slice(ends.at(-1) ?? 0, end))) ends.push(end);
  }
  const last = text.trimEnd().length;
  if (ends.at(-1) !== last && last > 0) ends.push(last);
  return ends;
}

/** Where sentences start: the first non-space after each sentence end, and the text's first non-space. */
export function sentenceStarts(text: string): number[] {
  const starts = new Set<number>();
  for (const end of [0, ...sentenceEnds(text)]) {
    let at = end;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (at < text.length) starts.add(at);
  }
  return [...starts].sort((a, b) => a - b);
}

function paragraphBounds(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const pattern = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const body = match[0];
    const lead = body.length - body.trimStart().length;
    if (body.trim() === '') continue;
    starts.push(match.index + lead);
    ends.push(match.index + body.trimEnd().length);
  }
  return { starts, ends };
}

function nextIn(points: number[], offset: number, dir: CaretDirection, fallback: number): number {
  if (dir === 1) return points.find((p) => p > offset) ?? fallback;
  for (let i = points.length - 1; i >= 0; i--) if (points[i]! < offset) return points[i]!;
  return fallback;
}

/** The caret's next place in `text` from `offset`, one unit in the direction given (clamped to the text). */
export function moveCaret(text: string, offset: number, unit: CaretUnit, dir: CaretDirection): number {
  const end = text.length;
  switch (unit) {
    case 'character':
      return character(text, offset, dir);
    case 'word':
      return word(text, offset, dir);
    case 'sentence':
      return dir === 1 ? nextIn(sentenceEnds(text), offset, 1, end) : nextIn(sentenceStarts(text), offset, -1, 0);
    case 'paragraph': {
      const { starts, ends } = paragraphBounds(text);
      return dir === 1 ? nextIn(ends, offset, 1, end) : nextIn(starts, offset, -1, 0);
    }
    case 'page':
      return dir === 1 ? end : 0;
  }
}

/** What a key event says (a DOM KeyboardEvent has these; the type is spelt out so tests need no DOM). */
export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface CaretKey {
  unit: CaretUnit;
  dir: CaretDirection;
  extend: boolean;
}

/**
 * The reader's caret keys (the keyboard help in the excerpt pane lists them): arrows by character, Ctrl (Alt on a
 * Mac) + arrows by word; Up/Down by sentence, Ctrl/Alt + Up/Down by paragraph; Home/End to the page's start or end.
 * Shift extends the selection. Anything else is not a caret key.
 */
export function caretKey(event: KeyLike, isMac: boolean): CaretKey | null {
  if (event.metaKey && !isMac) return null;
  const wordMod = isMac ? event.altKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey || event.metaKey : event.altKey;
  if (otherMod) return null;
  const extend = event.shiftKey;
  switch (event.key) {
    case 'ArrowRight':
      return { unit: wordMod ? 'word' : 'character', dir: 1, extend };
    case 'ArrowLeft':
      return { unit: wordMod ? 'word' : 'character', dir: -1, extend };
    case 'ArrowDown':
      return { unit: wordMod ? 'paragraph' : 'sentence', dir: 1, extend };
    case 'ArrowUp':
      return { unit: wordMod ? 'paragraph' : 'sentence', dir: -1, extend };
    case 'End':
      return wordMod ? null : { unit: 'page', dir: 1, extend };
    case 'Home':
      return wordMod ? null : { unit: 'page', dir: -1, extend };
    default:
      return null;
  }
}
