/**
 * What both PDF printers (Playwright's Chromium for the command line, Electron's for the app) do to export HTML before
 * printing it.
 *
 * A page loaded in a browser is laid out for the screen first, and laid out again when its web fonts arrive; the print
 * then lays it out a third time, in pages. For one norm of a 40-case project (120 pages) each of those layouts costs
 * about as much as the print's own (traced: 320 + 360 ms before a 520 ms print layout). Hidden on screen, the page is
 * laid out once, for print; its fonts are loaded explicitly instead (a hidden page asks for none), so that no glyph is
 * ever printed with a fallback face. The PDF is the same, byte for byte (checked on that export: 120 pages, same size,
 * same page images).
 *
 * Only the printers use this: an exported .html file is for reading on screen and stays as it is.
 */

/**
 * The size of the page the command line's printer loads export HTML into: wider than any printed page (A4 landscape
 * is 1,123 CSS pixels wide), so that CSS can tell the two apart (below). The app's hidden print window keeps its
 * default size (800 × 600) until this is checked with Electron's own Chromium: there the rule below never applies.
 */
export const PRINT_VIEWPORT = { width: 2000, height: 1400 } as const;

/**
 * Chromium lays a page out twice to print it: once in print media at the size of the window, then again at the size
 * of the printed page. Hidden at the window's width, the first layout is of nothing: 0.7 s of a 296-page print
 * (XL), 0.25 s of 120 pages (L). The PDF is the same, page for page (pdftoppm -r 50, both sizes). A page is never as
 * wide as PRINT_VIEWPORT, so the print itself always shows the document.
 */
const SCREEN_HIDDEN = `<style>@media screen, print and (min-width: ${PRINT_VIEWPORT.width}px) { html { display: none } }</style>`;

/**
 * A stretch of Russian or Kazakh text as html.ts marks it (`<span lang="ru">`), holding nothing but text and line
 * breaks. The printers drop the span and keep its text: Chromium's tagged PDF carries no language below the document's
 * (its structure tree has no /Lang for them), but each span splits its paragraph's text into runs of their own, each
 * a structure element and marked content of the PDF. At XL (one norm, 296 pages, 12,000 spans) that was 9,600
 * elements out of 20,000, 45% of what the page sends to Chromium's PDF writer and 0.7 s of a 6.6 s print. Text runs
 * joined across a language boundary are kerned across it: glyphs move by a fraction of a pixel on many pages, and 4
 * lines of 38,000 break at another word. The preview (export-job.ts) keeps the spans, for screen readers.
 */
const LANGUAGE_SPAN = /<span lang="(?:ru|kk)">((?:[^<]|<br>|<wbr>)*)<\/span>/g;

/** The export HTML as the printers load it: hidden on screen, without its language spans (see above). */
export function printOnlyHtml(html: string): string {
  const head = html.indexOf('</head>');
  // Export HTML always has a head (html.ts); anything else is printed as given.
  return head < 0 ? html : `${html.slice(0, head)}${SCREEN_HIDDEN}${html.slice(head).replace(LANGUAGE_SPAN, '$1')}`;
}

/**
 * A script (an expression, for page.evaluate / executeJavaScript) that loads every @font-face of the page and resolves
 * when they are all loaded. Needed because a page hidden on screen requests no font by itself. Each face's
 * unicode-range still decides which characters it draws; html.ts only declares the subsets the document uses.
 */
export const LOAD_ALL_FONTS = 'Promise.all(Array.from(document.fonts, (face) => face.load())).then(() => document.fonts.ready).then(() => document.fonts.status)';
