/**
 * Column widths from content, for the page formats (HTML/PDF and DOCX). Each column is at least as wide as its
 * longest unbreakable piece (a name, a status label such as "Undetermined", a syllable of a hyphenated word) so that
 * nothing is broken without a hyphen or printed over the next column; the width left over is shared by the designed
 * proportions of the builder, and for a table fitted to its content (`fit: 'content'`) also by the amount of text
 * each column holds (three quarters to one), which evens out the lines per column.
 *
 * Widths are estimated from per-character advance widths of Noto Serif/Sans (measured on the bundled fonts, rounded
 * up), so they err on the wide side.
 */
import { isBreak, isCite, type Inline } from './inline';
import { hyphenate, languageSpans, SOFT_HYPHEN } from './hyphenate';
import type { CellModel, TableModel } from './model';

export interface FitMetrics {
  /** The size of body text in cells, in points. */
  body: number;
  /** Row headers and column headers (bold sans). */
  label: number;
  /** The status line (bold sans). */
  status: number;
  /** The meta line under a status. */
  meta: number;
  /** Left plus right cell padding, in points. */
  padding: number;
  /** The status mark (swatch and gap, or "■ ") before the label, in points at the status size. */
  mark: number;
}

/** Advance width of a character in em (Noto Serif regular; sans bold is scaled by `bold`). */
function advance(ch: string): number {
  if (ch === ' ') return 0.26;
  if (/[iljtf.,:;'’|!]/.test(ch)) return 0.34;
  if (/[mwMWЖжШшЩщЮюМм]/.test(ch)) return 0.95;
  if (/[A-Z\u0400-\u042f\u04d8\u0492\u049a\u04a2\u04e8\u04b0\u04ae\u04ba\u0406]/.test(ch)) return 0.76;
  if (/\d/.test(ch)) return 0.6;
  if (/[\p{Script=Cyrillic}]/u.test(ch)) return 0.64;
  return 0.6;
}

/** Each character's advance, found once: a matrix's cells hold hundreds of thousands of characters of few kinds. */
const advances = new Map<string, number>();

function textWidth(value: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of value) {
    let width = advances.get(ch);
    if (width === undefined) advances.set(ch, (width = advance(ch)));
    em += width;
  }
  return em * size * (bold ? 1.12 : 1);
}

/** The widest piece of text that cannot be broken: a word, or a syllable of a hyphenated word with its hyphen. */
/** What may break: `names` as for hyphenate.ts; `whole` sizes every word whole (where no soft hyphens are set). */
export interface BreakRules {
  names?: ReadonlySet<string> | undefined;
  whole?: boolean | undefined;
}

function minContent(value: string, size: number, bold: boolean, rules: BreakRules): number {
  let widest = 0;
  for (const span of languageSpans(value)) {
    for (const word of (rules.whole ? span.text : hyphenate(span.text, span.lang, rules.names)).split(/[\s\u200b]+|(?<=[/\-–—])/u)) {
      const pieces = word.split(SOFT_HYPHEN);
      pieces.forEach((piece, i) => {
        widest = Math.max(widest, textWidth(piece + (i < pieces.length - 1 ? '-' : ''), size, bold));
      });
    }
  }
  return widest;
}

function runsText(content: readonly Inline[]): { text: string; bold: string } {
  let text = '';
  let bold = '';
  for (const x of content) {
    if (isCite(x)) {
      if (x.cite.noteNumber === null) text += ` ${x.cite.runs.map((r) => r.text).join('')}`;
    } else if (isBreak(x)) text += '\n';
    else if (x.bold) bold += `${x.text} `;
    else text += x.text;
  }
  return { text, bold };
}

interface Need {
  min: number;
  chars: number;
}

function cellNeed(cell: CellModel, m: FitMetrics, rules: BreakRules): Need {
  const size = cell.header ? m.label : m.body;
  const { text, bold } = runsText(cell.content);
  const citeText = cell.cite && cell.cite.noteNumber === null ? cell.cite.runs.map((r) => r.text).join('') : '';
  let min = Math.max(minContent(text + ' ' + citeText, size, !!cell.header, rules), minContent(bold, size, true, rules));
  // A status label is read at a glance: room for each word in at most two lines ("Undeter-mined").
  if (cell.status) {
    const label = Math.max(minContent(cell.status.label, m.status, true, rules), 0.62 * minContent(cell.status.label, m.status, true, { whole: true }));
    min = Math.max(min, m.mark + label);
  }
  if (cell.meta) min = Math.max(min, minContent(cell.meta, m.meta, false, rules));
  const border = cell.status && !cell.header ? 2.5 : 0;
  return { min: min + m.padding + border, chars: text.length + bold.length + citeText.length + (cell.status?.label.length ?? 0) + (cell.meta?.length ?? 0) * 0.8 };
}

/**
 * The widths of a table's columns, in the unit of `usable` (points or twips, with metrics in the same unit per
 * point: pass `scale`). When even the minimums do not fit, they are scaled down together (the renderer may then
 * still have to break a word).
 */
export function fitColumns(table: TableModel, usable: number, metrics: FitMetrics, rules: BreakRules = {}, scale = 1): number[] {
  const n = table.columns.length;
  const needs: Need[] = table.columns.map((c) => {
    const header = Math.max(minContent(c.label, metrics.label, true, rules), c.note ? minContent(c.note, metrics.meta, false, rules) : 0) + metrics.padding;
    return { min: header, chars: 0 };
  });
  const rowChars: number[][] = [];
  for (const row of table.rows) {
    if (!('cells' in row)) continue;
    const chars = new Array<number>(n).fill(0);
    row.cells.forEach((cell, i) => {
      const need = needs[i];
      if (!need) return;
      const own = cellNeed(cell, metrics, rules);
      need.min = Math.max(need.min, own.min);
      need.chars += own.chars;
      chars[i] = own.chars;
    });
    rowChars.push(chars);
  }
  const mins = needs.map((x) => x.min * scale);
  const totalMin = mins.reduce((a, b) => a + b, 0);
  if (totalMin >= usable) return mins.map((w) => (w / totalMin) * usable);
  const hintTotal = table.columns.reduce((s, c) => s + c.width, 0) || 1;
  const charTotal = needs.reduce((s, x) => s + x.chars, 0) || 1;
  const textShare = table.fit === 'content' ? 0.75 : 0;
  const prefs = table.columns.map((c, i) => (1 - textShare) * (c.width / hintTotal) + textShare * (needs[i]!.chars / charTotal));
  // Water-filling: a column whose share is below its minimum gets the minimum; the rest share what is left.
  const widths = new Array<number>(n).fill(0);
  const fixed = new Set<number>();
  for (;;) {
    const free = usable - [...fixed].reduce((s, i) => s + mins[i]!, 0);
    const prefTotal = prefs.reduce((s, p, i) => (fixed.has(i) ? s : s + p), 0) || 1;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (fixed.has(i)) {
        widths[i] = mins[i]!;
        continue;
      }
      widths[i] = (prefs[i]! / prefTotal) * free;
      if (widths[i]! < mins[i]!) {
        fixed.add(i);
        changed = true;
      }
    }
    if (!changed) return table.fit === 'content' ? balance(widths, mins, rowChars, metrics.body * 0.6 * scale, metrics.padding * scale) : widths;
  }
}

/**
 * Moves width, a step at a time, from the column that costs least height to give it up to the column that saves most
 * with it, never below a minimum: a row is as tall as its fullest cell, so the table's height is the sum over rows of
 * the longest cell (characters × average advance ÷ text width), and width spent on cells that are short anyway is
 * wasted.
 */
function balance(start: number[], mins: number[], rows: number[][], advance: number, padding: number): number[] {
  const widths = [...start];
  const height = (w: number[]) => rows.reduce((sum, chars) => sum + Math.max(...chars.map((c, i) => (c * advance) / Math.max(1, w[i]! - padding))), 0);
  const step = widths.reduce((a, b) => a + b, 0) / 200;
  for (let round = 0; round < 400; round++) {
    const now = height(widths);
    let best: { from: number; to: number; gain: number } | null = null;
    for (let from = 0; from < widths.length; from++) {
      if (widths[from]! - step < mins[from]!) continue;
      for (let to = 0; to < widths.length; to++) {
        if (to === from) continue;
        widths[from]! -= step;
        widths[to]! += step;
        const gain = now - height(widths);
        widths[from]! += step;
        widths[to]! -= step;
        if (gain > 1e-9 && (!best || gain > best.gain)) best = { from, to, gain };
      }
    }
    if (!best) break;
    widths[best.from]! -= step;
    widths[best.to]! += step;
  }
  return widths;
}
