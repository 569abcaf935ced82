/**
 * Radix's modal pop-ups (a Select's list, a modal menu) hide the rest of the page from assistive technology with
 * aria-hidden while they are open, and keep the focus inside. The hidden part still holds buttons and fields that
 * the browser counts as focusable — an aria-hidden region with focusable content, which screen readers handle
 * badly (WCAG 4.1.2, axe "aria-hidden-focus"). While a part of the page is hidden that way it is made inert too:
 * what the pop-up already means (nothing outside can be reached) is then also what the browser knows.
 */
const MARKER = 'data-aria-hidden';
const MADE_INERT = 'data-inert-while-hidden';

function sync(element: Element): void {
  if (!(element instanceof HTMLElement)) return;
  if (element.getAttribute(MARKER) === 'true') {
    // Only for an open list or menu: a dialog is a document of its own, which assistive technology knows how to
    // treat, and making the page behind it inert would hide it from tools that check that page.
    if (element.inert || !document.querySelector('[role="listbox"][data-state="open"], [role="menu"][data-state="open"]')) return;
    element.inert = true;
    element.setAttribute(MADE_INERT, '');
  } else if (element.hasAttribute(MADE_INERT)) {
    element.inert = false;
    element.removeAttribute(MADE_INERT);
  }
}

/** Keeps every element hidden by a modal pop-up inert until it is shown again. Returns the way to stop. */
export function keepHiddenPartsInert(root: Node = document.body): () => void {
  const observer = new MutationObserver((records) => {
    for (const record of records) if (record.type === 'attributes') sync(record.target as Element);
  });
  observer.observe(root, { subtree: true, attributes: true, attributeFilter: [MARKER] });
  return () => observer.disconnect();
}
