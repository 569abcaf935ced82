/**
 * The text of a source as REFI-QDA sees it — one plain text — and as Comparanda keeps it — pages. A document's pages
 * are joined with a form feed (U+000C) between them; selections count Unicode code points (characters) from the
 * start of that text, while Comparanda's offsets count UTF-16 units within a page (the same for every character
 * outside the astral planes, e.g. Latin, Cyrillic, Kazakh).
 */

import type { PositionUnit } from './producers/producer';

export const PAGE_SEPARATOR = '\f';

export interface PagedText {
  text: string;
  /** Page numbers, in order. */
  numbers: number[];
  /** Where each page starts in `text` (UTF-16 index). */
  starts: number[];
  lengths: number[];
}

export function joinPages(pages: readonly { number: number; text: string }[]): PagedText {
  const sorted = [...pages].sort((a, b) => a.number - b.number);
  const starts: number[] = [];
  let at = 0;
  for (const page of sorted) {
    starts.push(at);
    at += page.text.length + PAGE_SEPARATOR.length;
  }
  return { text: sorted.map((p) => p.text).join(PAGE_SEPARATOR), numbers: sorted.map((p) => p.number), starts, lengths: sorted.map((p) => p.text.length) };
}

/** Pages numbered from 1, split at form feeds; a form feed at the very end closes the last page. */
export function splitPages(text: string): { number: number; text: string }[] {
  const parts = text.split(PAGE_SEPARATOR);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((part, i) => ({ number: i + 1, text: part }));
}

/**
 * Converts between the positions of a file (code points as the standard counts, or UTF-16 units as NVivo does) and
 * UTF-16 indexes (JavaScript) in one text.
 */
export class Positions {
  private readonly cpToUnit: Uint32Array | null = null;
  /** The length of the text in the file's unit. */
  readonly length: number;

  constructor(
    readonly text: string,
    readonly unit: PositionUnit = 'codepoint',
  ) {
    if (unit === 'codepoint' && /[\ud800-\udbff][\udc00-\udfff]/.test(text)) {
      const map: number[] = [];
      for (let i = 0; i < text.length; i++) {
        map.push(i);
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) i++;
        }
      }
      map.push(text.length);
      this.cpToUnit = Uint32Array.from(map);
      this.length = map.length - 1;
    } else {
      this.length = text.length;
    }
  }

  /** The UTF-16 index of a position in the file's unit, or null when it lies outside the text. */
  toUnit(position: number): number | null {
    if (!Number.isInteger(position) || position < 0 || position > this.length) return null;
    return this.cpToUnit ? this.cpToUnit[position]! : position;
  }

  /** The code-point position of a UTF-16 index. */
  toCodePoint(unit: number): number {
    if (!this.cpToUnit) return unit;
    // Binary search: the map is increasing.
    let lo = 0;
    let hi = this.cpToUnit.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cpToUnit[mid]! < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export type Located =
  | { kind: 'page'; page: number; start: number; end: number; text: string }
  /** A selection across a page break: located by its pages only. */
  | { kind: 'pages'; page: number; lastPage: number; text: string };

/** Where a UTF-16 range of the joined text lies in the pages. */
export function locate(paged: PagedText, start: number, end: number): Located {
  let index = 0;
  for (let i = 0; i < paged.starts.length; i++) if (paged.starts[i]! <= start) index = i;
  const pageStart = paged.starts[index]!;
  const pageEnd = pageStart + paged.lengths[index]!;
  if (end <= pageEnd) return { kind: 'page', page: paged.numbers[index]!, start: start - pageStart, end: end - pageStart, text: paged.text.slice(start, end) };
  let last = index;
  for (let i = index; i < paged.starts.length; i++) if (paged.starts[i]! < end) last = i;
  return { kind: 'pages', page: paged.numbers[index]!, lastPage: paged.numbers[last]!, text: paged.text.slice(start, end).split(PAGE_SEPARATOR).join('\n') };
}

/** Decodes a text file: UTF-8 (BOM or not) or UTF-16 with a BOM. Reports whether bytes were not valid UTF-8. */
export function decodeTextFile(bytes: Uint8Array): { text: string; lossy: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), lossy: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), lossy: false };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), lossy: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(body), lossy: true };
  }
}

/** A short label for a selection: the start of its text. */
export function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
