/**
 * Where the characters pdf.js draws on a page (its text items, one span each in the text layer) are in the page's
 * stored text, the text the reader shows and excerpts count offsets in.
 *
 * The stored text was made from the same items at import (electron/core/documents/extract.ts): items joined in
 * order, a space or line break inserted between them, runs of white space collapsed, lines trimmed, NFC. None of
 * those steps reorders characters, so one pass over both texts aligns them: equal characters match; white space on
 * either side that the other does not have was inserted or dropped; a base letter with combining marks matches its
 * NFC composition. Offsets are UTF-16 code units, as the API counts them. Characters that align with nothing are
 * counted (`unmatched`): a page whose text was stored by another extractor (or recognised by OCR) may not align, and
 * the view then does not offer text selection on it rather than cite the wrong words.
 */

export interface PageTextMap {
  /** For each item, the page offset of each of its UTF-16 units (-1: dropped white space). */
  readonly positions: readonly Int32Array[];
  /** Non-white characters of the items that found no place in the page text. */
  readonly unmatched: number;
  /** Non-white characters of the page text no item supplied. */
  readonly missing: number;
  readonly pageLength: number;
}

// U+0000 is dropped by the import like white space.
const NUL = String.fromCharCode(0);
const isWhite = (c: string) => c === NUL || /\s/u.test(c);
const MARK = /\p{M}/u;

export function mapItemsToPageText(items: readonly string[], pageText: string): PageTextMap {
  const positions = items.map((s) => new Int32Array(s.length).fill(-1));
  let unmatched = 0;
  let missing = 0;
  let j = 0;
  for (let item = 0; item < items.length; item++) {
    const str = items[item]!;
    const out = positions[item]!;
    let k = 0;
    while (k < str.length) {
      const a = str[k]!;
      if (j < pageText.length && a === pageText[j]) {
        out[k++] = j++;
        continue;
      }
      if (isWhite(a)) {
        k++;
        continue;
      }
      // White space the import inserted between items (or a line break): skip it in the page text.
      if (j < pageText.length && isWhite(pageText[j]!)) {
        j++;
        continue;
      }
      // A letter and its combining marks, composed (NFC) in the page text.
      let end = k + 1;
      while (end < str.length && MARK.test(str[end]!)) end++;
      const composed = str.slice(k, end).normalize('NFC');
      if (pageText.startsWith(composed, j)) {
        for (let c = k; c < end; c++) out[c] = j;
        k = end;
        j += composed.length;
        continue;
      }
      unmatched++;
      k++;
    }
  }
  for (; j < pageText.length; j++) if (!isWhite(pageText[j]!)) missing++;
  return { positions, unmatched, missing, pageLength: pageText.length };
}

/** Whether selections on the page can be trusted to name the stored text exactly. */
export function aligned(map: PageTextMap): boolean {
  return map.unmatched === 0 && map.missing === 0;
}

/**
 * The page offset of a selection boundary at unit `unit` of item `item`: where the first character at or after it
 * went (a start), or just after the last character before it (an end).
 */
export function pageOffsetAt(map: PageTextMap, item: number, unit: number, side: 'start' | 'end'): number {
  const { positions } = map;
  if (side === 'start') {
    for (let i = item, k = unit; i < positions.length; i++, k = 0) {
      const p = positions[i]!;
      for (; k < p.length; k++) if (p[k]! >= 0) return p[k]!;
    }
    return map.pageLength;
  }
  for (let i = item, k = unit - 1; i >= 0; i--, k = (positions[i - 1]?.length ?? 0) - 1) {
    const p = positions[i]!;
    for (; k >= 0; k--) {
      if (p[k]! >= 0) {
        // A composed letter: its marks share its offset; the end is after the whole letter.
        let next = p[k]! + 1;
        for (let m = k + 1; m < p.length && p[m] === p[k]; m++) next = p[k]! + 1;
        return next;
      }
    }
  }
  return 0;
}

/** For highlighting: the units of each item whose characters lie in [start, end) of the page text. */
export function itemRanges(map: PageTextMap, start: number, end: number): { item: number; from: number; to: number }[] {
  const out: { item: number; from: number; to: number }[] = [];
  map.positions.forEach((p, item) => {
    let from = -1;
    let to = -1;
    for (let k = 0; k < p.length; k++) {
      const at = p[k]!;
      if (at >= start && at < end) {
        if (from < 0) from = k;
        to = k + 1;
      }
    }
    if (from >= 0) out.push({ item, from, to });
  });
  return out;
}
