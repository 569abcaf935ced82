/**
 * Asking the matrix to show (and focus) a cell from elsewhere in the window: the matrix renders only the rows and
 * columns in view when it is large, so a cell may have no element until the grid has scrolled to it.
 */
const EVENT = 'comparanda:reveal-cell';

export interface RevealCellDetail {
  key: string;
  focus: boolean;
}

/**
 * Scrolls the matrix to the cell with this key and, if asked, focuses it once it is rendered. False when no matrix
 * on screen has that cell (yet: after a change of page or norm, try again on a later frame).
 */
export function revealMatrixCell(key: string, focus = true): boolean {
  return !document.dispatchEvent(new CustomEvent<RevealCellDetail>(EVENT, { detail: { key, focus }, cancelable: true }));
}

/** The matrix's side: the listener answers whether it has the cell (and then takes care of it). */
export function onRevealMatrixCell(listener: (detail: RevealCellDetail) => boolean): () => void {
  const handler = (event: Event) => {
    if (listener((event as CustomEvent<RevealCellDetail>).detail)) event.preventDefault();
  };
  document.addEventListener(EVENT, handler);
  return () => document.removeEventListener(EVENT, handler);
}
