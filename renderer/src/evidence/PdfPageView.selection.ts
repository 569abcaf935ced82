/**
 * A selection on the page view's text layers, as offsets of one page's stored text (PdfPageView.text.ts aligns
 * pdf.js's items with it): the same offsets the text view gives, at any zoom, since only the items count.
 */
import type { DrawnPage } from './PdfPage';
import { aligned, pageOffsetAt } from './PdfPageView.text';
import { trimRange } from './text-ranges';

export interface PageSelectionDraft {
  page: number;
  start: number;
  end: number;
  text: string;
}

/** The selection inside one page's text layer, as offsets of that page's stored text. */
export function readPageSelection(root: HTMLElement | null, drawn: Map<number, DrawnPage>, pages: Map<number, string>): PageSelectionDraft | 'across-pages' | null {
  const selection = document.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const layers = Array.from(root.querySelectorAll<HTMLElement>('[data-page-layer]')).filter((el) => range.intersectsNode(el));
  if (layers.length === 0) return null;
  if (layers.length > 1) return 'across-pages';
  const layer = layers[0]!;
  const number = Number(layer.dataset.pageLayer);
  const map = drawn.get(number)?.map;
  const text = pages.get(number);
  if (!map || text === undefined || !aligned(map)) return null;
  const spans = Array.from(layer.querySelectorAll<HTMLElement>('[data-item]'));
  if (spans.length === 0) return null;
  const boundary = (node: Node, offset: number, side: 'start' | 'end'): number => {
    const span = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-item]');
    if (span && layer.contains(span)) return pageOffsetAt(map, Number(span.dataset.item), node.nodeType === Node.TEXT_NODE ? offset : side === 'start' ? 0 : (span.textContent ?? '').length, side);
    // Outside any span (the layer itself, a <br>): the nearest item after (start) or before (end) the point.
    const point = document.createRange();
    point.setStart(node, offset);
    const after = spans.find((s) => point.comparePoint(s, 0) >= 0);
    if (side === 'start') return after ? pageOffsetAt(map, Number(after.dataset.item), 0, 'start') : text.length;
    const before = [...spans].reverse().find((s) => point.comparePoint(s, 0) < 0);
    return before ? pageOffsetAt(map, Number(before.dataset.item), (before.textContent ?? '').length, 'end') : 0;
  };
  const whole = document.createRange();
  whole.selectNodeContents(layer);
  const start = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0 ? 0 : boundary(range.startContainer, range.startOffset, 'start');
  const end = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0 ? text.length : boundary(range.endContainer, range.endOffset, 'end');
  const trimmed = trimRange(text, start, end);
  if (trimmed.end <= trimmed.start) return null;
  return { page: number, start: trimmed.start, end: trimmed.end, text: text.slice(trimmed.start, trimmed.end) };
}
