/**
 * Caret browsing in the reader's text, so that an excerpt can be made without a mouse: with the text focused, the
 * caret keys of caret.ts move a caret (drawn, since read-only text has none) and Shift extends the selection; Enter
 * makes the excerpt. The selection is the document's own, so everything that follows a mouse selection (the
 * character count, Make excerpt, Ctrl/Cmd+Shift+E) follows this one too.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { IS_MAC } from '../shell/keyboard';
import { caretKey, moveCaret } from './caret';

interface Caret {
  page: number;
  anchor: number;
  focus: number;
}

export interface CaretBox {
  top: number;
  left: number;
  height: number;
}

interface Options {
  scrollRef: React.RefObject<HTMLDivElement | null>;
  contentRef: React.RefObject<HTMLDivElement | null>;
  pages: readonly { number: number; text: string }[];
  /** The page at the top of the view: where the caret starts. */
  shownPage: number | undefined;
  scrollToPage: (index: number) => void;
  makeExcerpt: () => void;
}

/** Where (node, offset) falls in the page text held by `container`, in UTF-16 units. */
export function pointOffset(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The text node and offset at `offset` in the page text held by `container`. */
function textPoint(container: HTMLElement, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.data.length) return { node, offset: left };
    left -= node.data.length;
    last = node;
  }
  return last ? { node: last, offset: last.data.length } : { node: container, offset: 0 };
}

function pageContainer(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-page-text]') ?? null;
}

/** The caret as the document's selection has it (after a click or a mouse selection), if it is in one page. */
function caretFromSelection(): Caret | null {
  const selection = document.getSelection();
  if (!selection || !selection.anchorNode || !selection.focusNode) return null;
  const container = pageContainer(selection.focusNode);
  if (!container || pageContainer(selection.anchorNode) !== container) return null;
  return {
    page: Number(container.dataset.pageText),
    anchor: pointOffset(container, selection.anchorNode, selection.anchorOffset),
    focus: pointOffset(container, selection.focusNode, selection.focusOffset),
  };
}

export function useReaderCaret({ scrollRef, contentRef, pages, shownPage, scrollToPage, makeExcerpt }: Options) {
  const [box, setBox] = useState<CaretBox | null>(null);
  const frame = useRef(0);

  const show = useCallback(
    (caret: Caret) => {
      const place = (attempt: number): void => {
        const root = scrollRef.current;
        const content = contentRef.current;
        if (!root || !content) return;
        const container = root.querySelector<HTMLElement>(`[data-page-text="${caret.page}"]`);
        if (!container) {
          // The page is not rendered (the list is virtualised): bring it into view, then place the caret.
          if (attempt === 0) scrollToPage(pages.findIndex((p) => p.number === caret.page));
          if (attempt < 60) frame.current = requestAnimationFrame(() => place(attempt + 1));
          return;
        }
        const anchor = textPoint(container, caret.anchor);
        const focus = textPoint(container, caret.focus);
        document.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
        const range = document.createRange();
        range.setStart(focus.node, focus.offset);
        range.collapse(true);
        const measure = () => range.getClientRects()[0] ?? range.getBoundingClientRect();
        let rect = measure();
        const view = root.getBoundingClientRect();
        const margin = 24;
        if (rect.top < view.top + margin) root.scrollTop -= view.top + margin - rect.top;
        else if (rect.bottom > view.bottom - margin) root.scrollTop += rect.bottom - view.bottom + margin;
        rect = measure();
        const origin = content.getBoundingClientRect();
        setBox({ top: rect.top - origin.top, left: rect.left - origin.left, height: Math.max(rect.height, 16) });
      };
      cancelAnimationFrame(frame.current);
      place(0);
    },
    [scrollRef, contentRef, pages, scrollToPage],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.target !== event.currentTarget || pages.length === 0) return;
      const current = caretFromSelection();
      if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (current && current.anchor !== current.focus) {
          event.preventDefault();
          setBox(null);
          makeExcerpt();
        }
        return;
      }
      if (event.key === 'Escape' && current && current.anchor !== current.focus) {
        event.preventDefault();
        show({ ...current, anchor: current.focus });
        return;
      }
      const key = caretKey(event.nativeEvent, IS_MAC);
      if (!key) return;
      event.preventDefault();
      const start: Caret = current ?? { page: shownPage ?? pages[0]!.number, anchor: 0, focus: 0 };
      const index = pages.findIndex((p) => p.number === start.page);
      const page = pages[index];
      if (!page) return;
      let next: Caret;
      const focus = moveCaret(page.text, start.focus, key.unit, key.dir);
      if (key.extend) next = { page: start.page, anchor: start.anchor, focus };
      else if (focus === start.focus && key.unit !== 'page' && pages[index + key.dir]) {
        // At a page's edge the caret goes on to the next or previous page (a selection stays within one page).
        const other = pages[index + key.dir]!;
        const at = key.dir === 1 ? 0 : other.text.length;
        next = { page: other.number, anchor: at, focus: at };
      } else next = { page: start.page, anchor: focus, focus };
      show(next);
    },
    [pages, shownPage, makeExcerpt, show],
  );

  const hide = useCallback(() => setBox(null), []);
  return { onKeyDown, box, hide };
}
