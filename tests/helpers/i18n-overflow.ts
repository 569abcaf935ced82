/**
 * Clipped and overflowing text in the main controls (buttons, tabs, menu items, headers, labels), measured in the
 * page: an element whose content is wider than its box (scrollWidth > clientWidth), or taller than a box that hides
 * what overflows. Text cut with an ellipsis on purpose is not counted when a title holds it (pointing at it shows the
 * whole); one cut without a title is, since nobody can read the rest. Boxes that scroll on purpose, and text kept
 * for screen readers only, are left out.
 */
import type { Page } from '@playwright/test';

export interface Overflow {
  /** The control, e.g. `button "Export…"`. */
  control: string;
  text: string;
  /** "clipped by 23 px", "overflows by 12 px", "cut with an ellipsis and no title". */
  how: string;
  where: string;
}

/** Runs in the page (a string: the tests' tsconfig has no DOM library). */
const MEASURE = String.raw`(() => {
  const CONTROLS = 'button, [role="button"], [role="tab"], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], th, [role="columnheader"], [role="rowheader"], label, legend, h1, h2, h3, h4, h5, h6, summary, .menu-label';
  const TOLERANCE = 1;
  const out = [];
  const seen = new Set();
  const where = (el) => {
    const parts = [];
    for (let e = el, i = 0; e && e !== document.body && i < 3; e = e.parentElement, i++) {
      let part = e.tagName.toLowerCase();
      const testid = e.getAttribute('data-testid');
      if (testid) part += '[data-testid=' + testid + ']';
      else if (e.classList.length > 0) part += '.' + e.classList[0];
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const hasOwnText = (el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue.trim());
  // Text kept for screen readers only (the 1-pixel, clipped "visually hidden" pattern) is never seen: not measured.
  const hidden = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const rect = e.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) return true;
    }
    return false;
  };
  for (const control of document.querySelectorAll(CONTROLS)) {
    if (!control.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) || hidden(control)) continue;
    const boxes = [control, ...control.querySelectorAll('*')].filter((el) => el === control || hasOwnText(el));
    for (const box of boxes) {
      if (seen.has(box)) continue;
      seen.add(box);
      const style = getComputedStyle(box);
      if (style.display === 'inline' || style.display === 'contents' || style.display === 'none') continue;
      if (['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY)) continue;
      const text = (box.innerText || '').replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const wide = box.scrollWidth - box.clientWidth;
      const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      const tall = hidesY ? box.scrollHeight - box.clientHeight : 0;
      if (wide <= TOLERANCE && tall <= TOLERANCE) continue;
      const ellipsis = style.textOverflow === 'ellipsis' || (style.webkitLineClamp && style.webkitLineClamp !== 'none');
      const titled = Boolean(box.closest('[title]')) && (box.closest('[title]').getAttribute('title') || '').length > 0;
      if (ellipsis && titled) continue;
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || hidesY;
      const name = control.getAttribute('aria-label') || (control.innerText || '').replace(/\s+/g, ' ').trim();
      out.push({
        control: control.tagName.toLowerCase() + (control.getAttribute('role') ? '[role=' + control.getAttribute('role') + ']' : '') + ' "' + name.slice(0, 80) + '"',
        text: text.slice(0, 120),
        how: ellipsis ? 'cut with an ellipsis and no title (' + Math.max(wide, tall) + ' px)' : (clips ? 'clipped by ' : 'overflows by ') + Math.max(wide, tall) + ' px',
        where: where(box),
      });
    }
  }
  return out;
})()`;

export async function measureOverflow(page: Page): Promise<Overflow[]> {
  return (await page.evaluate(MEASURE)) as Overflow[];
}
