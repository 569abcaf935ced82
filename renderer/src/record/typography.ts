/**
 * The punctuation the record pages put between names, dates and words. It is the same in English, Russian and
 * Kazakh, and it lives here rather than as text in JSX, where the lint rule admits only catalogue messages.
 */
export const SPACE = ' ';
/** A middle dot between items of one line: "Kazakhstan · 2005". */
export const DOT = ' · ';
/** What an empty table cell shows. */
export const DASH = '—';
export const WARNING_SIGN = '⚠ ';

export function parenthesised(text: string | number): string {
  return `(${text})`;
}

/** A long cell value cut to `max` characters, the cut marked. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
