/**
 * Remembering the window's size, position and maximised state between launches. Pure logic (no 'electron' import):
 * index.ts feeds it the displays and the window's bounds.
 */
import type { Prefs } from '../core/prefs';

export type SavedWindow = NonNullable<Prefs['window']>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 800, height: 520 } as const;

/** How much of the title bar must be on some display for a remembered position to be reused. */
const VISIBLE_MARGIN = 48;

function intersects(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= VISIBLE_MARGIN && h >= VISIBLE_MARGIN;
}

/**
 * The bounds to open the window with. The remembered position is dropped when it would put the window off every
 * display (a monitor was unplugged); the size is clamped to the minimum and to the largest display.
 */
export function initialBounds(saved: SavedWindow | undefined, workAreas: readonly Rect[]): { x?: number; y?: number; width: number; height: number; maximized: boolean } {
  const largest = workAreas.reduce<Rect | undefined>((best, area) => (!best || area.width * area.height > best.width * best.height ? area : best), undefined);
  const clampW = (w: number) => Math.round(Math.max(MIN_SIZE.width, largest ? Math.min(w, largest.width) : w));
  const clampH = (h: number) => Math.round(Math.max(MIN_SIZE.height, largest ? Math.min(h, largest.height) : h));

  if (!saved || !Number.isFinite(saved.width) || !Number.isFinite(saved.height)) {
    return { width: clampW(DEFAULT_SIZE.width), height: clampH(DEFAULT_SIZE.height), maximized: false };
  }
  const width = clampW(saved.width);
  const height = clampH(saved.height);
  const maximized = saved.maximized === true;
  if (typeof saved.x === 'number' && typeof saved.y === 'number' && Number.isFinite(saved.x) && Number.isFinite(saved.y)) {
    const rect = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
    if (workAreas.some((area) => intersects(rect, area))) return { ...rect, maximized };
  }
  return { width, height, maximized };
}

/** What is stored: the normal (un-maximised) bounds plus the maximised flag, so un-maximising restores the old size. */
export function windowStateToSave(normalBounds: Rect, maximized: boolean): SavedWindow {
  return { x: normalBounds.x, y: normalBounds.y, width: normalBounds.width, height: normalBounds.height, maximized };
}

/** Delays `fn` until `ms` have passed without another call; `flush` runs a pending call now. */
export function debounce(fn: () => void, ms: number): { (): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const debounced = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    run();
  };
  debounced.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
