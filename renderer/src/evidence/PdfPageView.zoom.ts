/**
 * The page view's zoom: fitted to the view's width, or a fixed scale stepped as PDF readers step it. One scale for
 * every page, so the virtualised list's estimate stays right. Pure, so the steps are tested without a browser.
 */

export type Zoom = { kind: 'fit' } | { kind: 'scale'; scale: number };

export const FIT: Zoom = { kind: 'fit' };

/** The scales Zoom in and Zoom out step through (as Acrobat and pdf.js do; 4 is where canvases grow too large). */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** The room the scroll area's padding and a scroll bar take beside the page. */
const SIDE = 24;

/** The scale at which a page `pageWidth` points wide fills a view `viewWidth` pixels wide (within reason). */
export function fitScale(viewWidth: number, pageWidth: number): number {
  if (viewWidth <= 0 || pageWidth <= 0) return 1;
  return Math.min(2, Math.max(MIN_ZOOM, (viewWidth - SIDE) / pageWidth));
}

export function scaleOf(zoom: Zoom, viewWidth: number, pageWidth: number): number {
  return zoom.kind === 'fit' ? fitScale(viewWidth, pageWidth) : zoom.scale;
}

/** The next step up from `scale` (a fitted scale between two steps goes to the one above it). */
export function zoomIn(scale: number): Zoom {
  return { kind: 'scale', scale: ZOOM_STEPS.find((s) => s > scale + 0.005) ?? MAX_ZOOM };
}

export function zoomOut(scale: number): Zoom {
  return { kind: 'scale', scale: [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.005) ?? MIN_ZOOM };
}

export const ACTUAL_SIZE: Zoom = { kind: 'scale', scale: 1 };

// The keys are defined with the Electron glue, which leaves them to this view while it shows (see zoom-keys.ts).
export { zoomKey, type KeyLike } from '../../../electron/contract/zoom-keys';

/** Where the view is, as a share of a page: kept across a zoom, so the same words stay in view. */
export interface ZoomAnchor {
  index: number;
  /** Of the page's height (with its gap), how far down the view's top is. */
  within: number;
  /** Of the content's width, where the view's centre is. */
  across: number;
}
