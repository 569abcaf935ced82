/**
 * Punctuation the interface sets between words it takes from the catalogue: the same in every language, so not
 * messages, and named here because the catalogue's lint rule refuses literal text in JSX.
 */
export const SEP = ' · ';
export const EM_DASH = '—';
export const EN_DASH = '–';
export const SPACE = ' ';
export const ELLIPSIS = '…';
