/**
 * Tells the Electron glue whether a page view shows, so that the native View menu leaves Ctrl/Cmd with =, − and 0 to
 * the page view's zoom meanwhile (electron/main/page-zoom.ts). Counted, as two views may overlap while one replaces
 * the other. In a browser there is no bridge and nothing to tell: the page sees those keys first anyway.
 */
let mounted = 0;

/** Call when a page view mounts; the function it returns, when it unmounts. */
export function pageViewShown(): () => void {
  mounted += 1;
  if (mounted === 1) window.comparanda?.pageZoomShown?.(true);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    mounted -= 1;
    if (mounted === 0) window.comparanda?.pageZoomShown?.(false);
  };
}
