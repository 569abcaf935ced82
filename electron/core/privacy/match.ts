/**
 * Finding recorded identities in text the way a reader would: case-insensitively, across Unicode compatibility forms
 * (NFKC), ignoring soft hyphens and zero-width characters, with any run of white space as one space — and once more
 * with all white space removed, since a PDF may break a name across two lines or set it letter-spaced. Every match
 * is mapped back to the characters of the original text, so a refusal can say where it is.
 */

/**
 * Soft hyphens and zero-width characters; the search snippets' highlight marks; TeX's braces (BibTeX protects the
 * case of a word as "{Name}", which must not hide the name). None of them is part of a name as a reader sees it.
 */
// eslint-disable-next-line no-control-regex -- the snippet marks are the control characters U+0002 and U+0003
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u0002\u0003{}]/;
const SPACE = /\s/;

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original of the character it came from. */
  origin: number[];
}

function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  return ch
    .normalize('NFKC')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .toLocaleLowerCase();
}

/** The folded text with its map back to the original; `squash` drops white space altogether. */
function fold(text: string, squash: boolean): Folded {
  let out = '';
  const origin: number[] = [];
  let lastWasSpace = true;
  let index = 0;
  for (const ch of text) {
    if (SPACE.test(ch)) {
      if (!squash && !lastWasSpace) {
        out += ' ';
        origin.push(index);
      }
      lastWasSpace = true;
    } else {
      const folded = foldChar(ch);
      for (let i = 0; i < folded.length; i++) origin.push(index);
      out += folded;
      if (folded) lastWasSpace = false;
    }
    index += ch.length;
  }
  if (!squash && out.endsWith(' ')) {
    out = out.slice(0, -1);
    origin.pop();
  }
  return { text: out, origin };
}

/** A needle as it is searched for: folded, and squashed when long enough not to match by accident. */
export function foldNeedle(value: string): { spaced: string; tight: string | null } {
  const spaced = fold(value, false).text;
  const tight = fold(value, true).text;
  return { spaced, tight: tight.length >= 4 ? tight : null };
}

export interface Occurrence {
  /** UTF-16 offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

/**
 * Precomputed folds of one text, so that many needles are searched cheaply. Built lazily: most outputs hold no
 * identity at all, and the squashed form is needed only when the spaced search finds nothing.
 */
export class Haystack {
  private spacedFold: Folded | undefined;
  private tightFold: Folded | undefined;

  constructor(readonly text: string) {}

  private spaced(): Folded {
    return (this.spacedFold ??= fold(this.text, false));
  }

  private tight(): Folded {
    return (this.tightFold ??= fold(this.text, true));
  }

  /** Every place a needle occurs (spaced matches, then squashed ones that overlap none of them). */
  find(needle: { spaced: string; tight: string | null }, limit = 20): Occurrence[] {
    if (!needle.spaced) return [];
    const found: Occurrence[] = [];
    const collect = (folded: Folded, what: string) => {
      let from = 0;
      while (found.length < limit) {
        const at = folded.text.indexOf(what, from);
        if (at < 0) break;
        const start = folded.origin[at]!;
        const lastOrigin = folded.origin[at + what.length - 1]!;
        const end = lastOrigin + (this.text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
        if (!found.some((o) => o.start < end && start < o.end)) found.push({ start, end });
        from = at + 1;
      }
    };
    collect(this.spaced(), needle.spaced);
    if (needle.tight && this.tight().text.includes(needle.tight)) collect(this.tight(), needle.tight);
    return found.sort((a, b) => a.start - b.start);
  }

  has(needle: { spaced: string; tight: string | null }): boolean {
    if (!needle.spaced) return false;
    if (this.spaced().text.includes(needle.spaced)) return true;
    return !!needle.tight && this.tight().text.includes(needle.tight);
  }
}

/** Line and column (1-based) of an offset, for text outputs. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
