/**
 * The page view's zoom steps and keys, and the rectangle the keyboard moves to mark an area (issue 19): pure parts
 * of PdfPageView, checked here; the e2e tests (pdf-pages.spec.ts) check them drawn in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { isMarkAreaKey, moveArea, startArea, toPage, type KeyArea } from '../../renderer/src/evidence/PdfPageView.area';
import { fitScale, MAX_ZOOM, MIN_ZOOM, scaleOf, zoomIn, zoomKey, zoomOut } from '../../renderer/src/evidence/PdfPageView.zoom';

const A5 = { width: 420, height: 594.96 };
const key = (k: string, shiftKey = false, altKey = false) => ({ key: k, shiftKey, altKey });

describe('page view zoom', () => {
  it('steps in and out through the usual levels, from a fitted scale to the next step, and stops at the ends', () => {
    expect(zoomIn(1)).toEqual({ kind: 'scale', scale: 1.1 });
    expect(zoomOut(1)).toEqual({ kind: 'scale', scale: 0.9 });
    expect(zoomIn(1.32)).toEqual({ kind: 'scale', scale: 1.5 });
    expect(zoomOut(1.32)).toEqual({ kind: 'scale', scale: 1.25 });
    expect(zoomIn(MAX_ZOOM)).toEqual({ kind: 'scale', scale: MAX_ZOOM });
    expect(zoomOut(MIN_ZOOM)).toEqual({ kind: 'scale', scale: MIN_ZOOM });
    let scale = 1;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((scale = (zoomIn(scale) as { scale: number }).scale));
    expect(seen).toEqual([1.1, 1.25, 1.5, 1.75, 2]);
  });

  it('fits the width of the view, within 50% and 200%', () => {
    expect(fitScale(444, 420)).toBeCloseTo(1, 5);
    expect(fitScale(100, 420)).toBe(MIN_ZOOM);
    expect(fitScale(5000, 420)).toBe(2);
    expect(scaleOf({ kind: 'fit' }, 864, 420)).toBeCloseTo(2, 5);
    expect(scaleOf({ kind: 'scale', scale: 3 }, 864, 420)).toBe(3);
  });

  it('reads Ctrl/Cmd with =, +, − and 0 (main keys and keypad), and nothing else', () => {
    const ev = (k: string, code: string, mod: 'ctrl' | 'meta' | null = 'ctrl', altKey = false) => ({ key: k, code, ctrlKey: mod === 'ctrl', metaKey: mod === 'meta', altKey });
    expect(zoomKey(ev('=', 'Equal'))).toBe('in');
    expect(zoomKey(ev('+', 'Equal', 'meta'))).toBe('in');
    expect(zoomKey(ev('+', 'NumpadAdd'))).toBe('in');
    expect(zoomKey(ev('-', 'Minus'))).toBe('out');
    expect(zoomKey(ev('-', 'NumpadSubtract', 'meta'))).toBe('out');
    expect(zoomKey(ev('0', 'Digit0'))).toBe('actual');
    expect(zoomKey(ev('=', 'Equal', null))).toBeNull();
    expect(zoomKey(ev('=', 'Equal', 'ctrl', true))).toBeNull();
    expect(zoomKey(ev('e', 'KeyE'))).toBeNull();
  });
});

describe('marking an area from the keyboard', () => {
  it('starts near the upper left of what is in view of the page, inside the page', () => {
    expect(startArea(3, A5, 0)).toEqual({ page: 3, x1: 36, y1: 36, x2: 236, y2: 136 });
    expect(startArea(3, A5, 200)).toEqual({ page: 3, x1: 36, y1: 236, x2: 236, y2: 336 });
    // Near the bottom: the rectangle stays on the page.
    expect(startArea(3, A5, 590).y2).toBeLessThanOrEqual(A5.height);
  });

  it('moves with the arrows (Alt: one point), resizes with Shift, and stays on the page', () => {
    let area: KeyArea = startArea(1, A5, 0);
    area = moveArea(area, key('ArrowRight'), A5)!;
    area = moveArea(area, key('ArrowDown', false, true), A5)!;
    expect(area).toEqual({ page: 1, x1: 46, y1: 37, x2: 246, y2: 137 });
    area = moveArea(area, key('ArrowRight', true), A5)!;
    area = moveArea(area, key('ArrowUp', true), A5)!;
    expect(area).toEqual({ page: 1, x1: 46, y1: 37, x2: 256, y2: 127 });
    for (let i = 0; i < 40; i++) area = moveArea(area, key('ArrowLeft'), A5)!;
    expect(area.x1).toBe(0);
    expect(area.x2).toBe(210);
    for (let i = 0; i < 100; i++) area = moveArea(area, key('ArrowUp', true), A5)!;
    expect(area.y2 - area.y1).toBe(10);
    for (let i = 0; i < 100; i++) area = moveArea(area, key('ArrowDown'), A5)!;
    expect(area.y2).toBeCloseTo(A5.height, 5);
    expect(moveArea(area, key('Enter'), A5)).toBeNull();
  });

  it('goes to another page at the same place, made to fit it', () => {
    const area: KeyArea = { page: 1, x1: 300, y1: 500, x2: 400, y2: 590 };
    expect(toPage(area, 2, A5)).toEqual({ ...area, page: 2 });
    expect(toPage(area, 2, { width: 200, height: 300 })).toEqual({ page: 2, x1: 100, y1: 210, x2: 200, y2: 300 });
  });

  it('is switched on by Ctrl/Cmd+Shift+A on any keyboard layout', () => {
    expect(isMarkAreaKey({ code: 'KeyA', key: 'A', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false })).toBe(true);
    expect(isMarkAreaKey({ code: 'KeyA', key: 'Ф', ctrlKey: false, metaKey: true, shiftKey: true, altKey: false })).toBe(true);
    expect(isMarkAreaKey({ code: 'KeyA', key: 'a', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false })).toBe(false);
  });
});
