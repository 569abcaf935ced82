/**
 * The page view's zoom keys, shared by the page view (renderer) and the Electron glue (main), so that the keys the
 * page view takes are the keys the native View menu leaves to it: one definition, no drift.
 */

/** The parts of a keydown event read here (a plain type: the tests run without a DOM). */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

/** Ctrl/Cmd with =, + (zoom in), − (out) or 0 (actual size), on the main keys or the keypad; null for other keys. */
export function zoomKey(event: KeyLike): 'in' | 'out' | 'actual' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '=' || event.key === '+' || event.code === 'NumpadAdd') return 'in';
  if (event.key === '-' || event.key === '_' || event.code === 'NumpadSubtract') return 'out';
  if (event.key === '0' || event.code === 'Digit0' || event.code === 'Numpad0') return 'actual';
  return null;
}

/**
 * Renderer -> main, one boolean: whether a page view (with its own zoom) is shown in the window. While it is, the
 * window's View-menu zoom shortcuts leave Ctrl/Cmd with =, − and 0 to the page.
 */
export const PAGE_ZOOM_CHANNEL = 'page-zoom-shown';
