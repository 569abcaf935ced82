/**
 * A page of a document is shown as its exact text, cut into segments where excerpts, the excerpt being drafted
 * and a search match begin and end. Offsets are UTF-16 code units within the page text, as the API counts them.
 */

export type MarkKind = 'excerpt' | 'draft' | 'match';

export interface MarkRange {
  start: number;
  end: number;
  kind: MarkKind;
  /** The excerpt's id (excerpt marks). */
  id?: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Excerpts covering this segment, in the order given. */
  excerptIds: string[];
  draft: boolean;
  match: boolean;
}

/** Cuts `text` at every boundary of `ranges` (clamped to the text; empty and inverted ranges ignored). */
export function segmentText(text: string, ranges: readonly MarkRange[]): Segment[] {
  const valid = ranges
    .map((r) => ({ ...r, start: Math.max(0, Math.min(r.start, text.length)), end: Math.max(0, Math.min(r.end, text.length)) }))
    .filter((r) => r.end > r.start);
  const cuts = new Set<number>([0, text.length]);
  for (const r of valid) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering = valid.filter((r) => r.start <= start && r.end >= end);
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      excerptIds: covering.filter((r) => r.kind === 'excerpt' && r.id !== undefined).map((r) => r.id!),
      draft: covering.some((r) => r.kind === 'draft'),
      match: covering.some((r) => r.kind === 'match'),
    });
  }
  return segments;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** The whole word that starts at (or contains) `offset`: what a search hit's offset points at. */
export function wordAt(text: string, offset: number): { start: number; end: number } | null {
  if (offset < 0 || offset >= text.length || !WORD_CHAR.test(text[offset]!)) return null;
  let start = offset;
  let end = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return end > start ? { start, end } : null;
}

/** `count` words from `offset` (a phrase hit): from the first word's start to the last word's end. */
export function wordsFrom(text: string, offset: number, count: number): { start: number; end: number } | null {
  const first = wordAt(text, offset);
  if (!first) return null;
  let end = first.end;
  for (let i = 1; i < count; i++) {
    let at = end;
    while (at < text.length && !WORD_CHAR.test(text[at]!)) at++;
    const next = wordAt(text, at);
    if (!next) break;
    end = next.end;
  }
  return { start: first.start, end };
}

/**
 * How many words the snippet's first match holds: a phrase comes marked as one run ("\u0002Notes, page 277\u0003")
 * or word by word with only spaces and punctuation between the marks.
 */
export function firstRunLength(snippet: string, open: string, close: string): number {
  const parts = snippetParts(snippet, open, close);
  const first = parts.findIndex((p) => p.match);
  if (first < 0) return 1;
  let count = 0;
  for (let i = first; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.match) count += part.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    // Only spaces or punctuation may stand between the words of one phrase.
    else if (/[\p{L}\p{N}]/u.test(part.text)) break;
  }
  return Math.max(1, count);
}

/** Moves a selection's ends inwards past white space, so that a sloppy drag still quotes the words only. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Splits a search snippet at its match markers into plain and matched parts (no HTML is involved). */
export function snippetParts(snippet: string, open: string, close: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const at = rest.indexOf(open);
    if (at < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (at > 0) parts.push({ text: rest.slice(0, at), match: false });
    const after = rest.slice(at + open.length);
    const end = after.indexOf(close);
    if (end < 0) {
      parts.push({ text: after, match: true });
      break;
    }
    parts.push({ text: after.slice(0, end), match: true });
    rest = after.slice(end + close.length);
  }
  // Stray markers never reach the screen.
  return parts.map((p) => ({ ...p, text: p.text.split(open).join('').split(close).join('') })).filter((p) => p.text !== '');
}
