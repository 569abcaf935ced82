/**
 * The pseudo-locale's text: each letter of a message's literal parts replaced by an accented look-alike, and the
 * message padded by 40%, the length Russian and Kazakh strings reach, so a layout test sees what a longer language
 * does to the controls. Arguments, plural and select syntax are kept: the message is parsed and printed back.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

function accent(text: string): string {
  // `&` before a letter is a menu mnemonic: kept, with its letter.
  return text.replace(/&?[A-Za-z]/g, (m) => (m.length === 2 ? m : (ACCENTED[m] ?? m)));
}

function transform(elements: MessageFormatElement[]): void {
  for (const element of elements) {
    if (element.type === TYPE.literal) element.value = accent(element.value);
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) transform(option.value);
    } else if (element.type === TYPE.tag) transform(element.children);
  }
}

/** What the reader sees: the literal text, and for a plural or select all its branches (the test counts them all). */
function visibleLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.length;
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) length += visibleLength(option.value);
    } else if (element.type === TYPE.tag) length += visibleLength(element.children);
    else length += 6;
  }
  return length;
}

export function pseudoMessage(message: string): string {
  const ast = parse(message);
  const length = visibleLength(ast);
  transform(ast);
  const pad = Math.max(1, Math.round(length * 0.4));
  // Tildes between brackets: the start and end of every message can be seen, so cut-off text shows at once.
  return `[${printAST(ast)} ${'~'.repeat(pad)}]`;
}
