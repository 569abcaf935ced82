/**
 * Marking an area from the keyboard: a rectangle on a page, in PDF points from the upper left corner, moved by the
 * arrow keys and resized with Shift (Alt for single points), kept on its page. Pure, so it is tested without a
 * browser; PdfPageView.tsx draws it and turns Enter into a region excerpt.
 */
import type { PdfRegion } from '../../../electron/contract/api';
import type { KeyLike } from './PdfPageView.zoom';

export interface KeyArea extends PdfRegion {
  page: number;
}

/** Points per arrow press; with Alt, one point. */
export const STEP = 10;
const FINE = 1;
/** The smallest area: as for a drawn one, anything smaller is a slip. */
export const MIN_SIDE = 10;

/** A first rectangle on `page`: near the upper left of what is in view of it (`visibleTop` points down the page). */
export function startArea(page: number, size: { width: number; height: number }, visibleTop: number): KeyArea {
  const width = Math.min(200, size.width - 72);
  const height = Math.min(100, size.height - 72);
  const y1 = Math.round(Math.max(36, Math.min(size.height - height - 36, visibleTop + 36)));
  return { page, x1: 36, y1, x2: 36 + width, y2: y1 + height };
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The area after a key: arrows move it, Shift+arrows resize it (Right and Down grow it, Left and Up shrink it), Alt
 * makes the step one point. Null for keys it does not use.
 */
export function moveArea(area: KeyArea, key: { key: string; shiftKey: boolean; altKey: boolean }, size: { width: number; height: number }): KeyArea | null {
  const step = key.altKey ? FINE : STEP;
  const dx = key.key === 'ArrowRight' ? step : key.key === 'ArrowLeft' ? -step : 0;
  const dy = key.key === 'ArrowDown' ? step : key.key === 'ArrowUp' ? -step : 0;
  if (dx === 0 && dy === 0) return null;
  if (key.shiftKey) {
    const x2 = Math.max(area.x1 + MIN_SIDE, Math.min(size.width, area.x2 + dx));
    const y2 = Math.max(area.y1 + MIN_SIDE, Math.min(size.height, area.y2 + dy));
    return { ...area, x2: round(x2), y2: round(y2) };
  }
  const width = area.x2 - area.x1;
  const height = area.y2 - area.y1;
  const x1 = Math.max(0, Math.min(size.width - width, area.x1 + dx));
  const y1 = Math.max(0, Math.min(size.height - height, area.y1 + dy));
  return { ...area, x1: round(x1), y1: round(y1), x2: round(x1 + width), y2: round(y1 + height) };
}

/** The same place on another page (PageDown, PageUp), kept inside that page. */
export function toPage(area: KeyArea, page: number, size: { width: number; height: number }): KeyArea {
  const width = Math.min(area.x2 - area.x1, size.width);
  const height = Math.min(area.y2 - area.y1, size.height);
  const x1 = Math.min(area.x1, size.width - width);
  const y1 = Math.min(area.y1, size.height - height);
  return { page, x1: round(x1), y1: round(y1), x2: round(x1 + width), y2: round(y1 + height) };
}

/** Ctrl/Cmd+Shift+A: Mark area on and off. */
export function isMarkAreaKey(event: KeyLike): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey === true && !event.altKey && (event.code === 'KeyA' || event.key.toLowerCase() === 'a');
}
