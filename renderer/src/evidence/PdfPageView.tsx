/**
 * The PDF as laid out: the original pages drawn by pdf.js (canvas and text layer, PdfPage.tsx), lazily and
 * virtualised (a 300-page report draws only the pages near the view). Selecting text on a page drafts an excerpt at
 * the same page offsets the text view uses (PdfPageView.text.ts aligns pdf.js's items with the stored text); a
 * rectangle marked in "Mark area" mode, by mouse or by keyboard, drafts a region excerpt: its page and corners in PDF
 * points, origin at the upper left corner (REFI-QDA's PDFSelection), with the text under it when the page has some.
 * Excerpts show on the page: text ones as marks over their words, region ones as outlined areas. The pages zoom
 * (fit width, actual size, steps in and out) keeping the same place in view.
 *
 * The original arrives through the API (documents.original) and is parsed by pdf.js in a worker bundled by Vite
 * (script-src 'self'; no eval: isEvalSupported is off). Nothing in the PDF can run: no scripts, no links, no forms
 * are rendered, only the page image and its text.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentTextDto, ExcerptDto, PdfRegion } from '../../../electron/contract/api';
import { api, toApiError } from '../api';
import { useT } from '../i18n/use-t';
import { MOD } from '../shell/keyboard';
import { InlineAlert } from '../ui/InlineAlert';
import { guessLanguage, suggestLocator } from './format';
import { PdfPage, textUnder, type DrawnPage, type TextUnder } from './PdfPage';
import { isMarkAreaKey, moveArea, startArea, toPage, type KeyArea } from './PdfPageView.area';
import { readPageSelection, type PageSelectionDraft } from './PdfPageView.selection';
import { ACTUAL_SIZE, FIT, MAX_ZOOM, MIN_ZOOM, scaleOf, zoomIn, zoomKey, zoomOut, type Zoom, type ZoomAnchor } from './PdfPageView.zoom';
import { pageViewShown } from './page-zoom-shown';
import { useEvidenceState, useEvidenceStore } from './store';
import { PageJump } from './ui';
import './pdf-pages.css';

let worker: Worker | null = null;
/** Parsed originals, by document id: switching views or coming back to a document does not parse it again. */
const opened = new Map<string, Promise<PDFDocumentProxy>>();

function openPdf(documentId: string): Promise<PDFDocumentProxy> {
  let pending = opened.get(documentId);
  if (!pending) {
    worker ??= new PdfWorker();
    GlobalWorkerOptions.workerPort ??= worker;
    pending = api['documents.original']({ id: documentId }).then(({ base64 }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      return getDocument({ data, isEvalSupported: false, enableXfa: false, verbosity: 0 }).promise;
    });
    pending.catch(() => opened.delete(documentId));
    // Keep a few: a PDF's parsed pages hold memory.
    if (opened.size >= 4) {
      const [oldest] = opened.keys();
      void opened.get(oldest!)?.then((doc) => doc.destroy(), () => undefined);
      opened.delete(oldest!);
    }
    opened.set(documentId, pending);
  }
  return pending;
}

interface PageViewProps {
  document: DocumentTextDto;
  excerpts: ExcerptDto[];
  /** The page to show first (a search hit's, an excerpt's, the text view's). */
  initialPage: number | null;
  /** Told the page at the top of the view as it changes: the text view opens there on the way back. */
  onPageShown?: (page: number) => void;
}

const GAP = 16;
/** The room the area help takes over the foot of the pages (pdf-pages.css). */
const HELP = 96;
const SHORTCUT = MOD === 'Cmd+' ? 'Meta' : 'Control';
/** Key names, as printed on the keys: not translated. */
const MARK_AREA_KEYS = `${MOD}Shift+A`;

export function PdfPageView({ document: doc, excerpts, initialPage, onPageShown }: PageViewProps) {
  const t = useT();
  const store = useEvidenceStore();
  const activeId = useEvidenceState((s) => s.excerptId);
  const draft = useEvidenceState((s) => s.draft);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [base, setBase] = useState<{ width: number; height: number } | null>(null);
  const [width, setWidth] = useState(0);
  const [zoom, setZoom] = useState<Zoom>(FIT);
  const [areaMode, setAreaMode] = useState(false);
  const [keyArea, setKeyArea] = useState<KeyArea | null>(null);
  const [selection, setSelection] = useState<PageSelectionDraft | 'across-pages' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [goTo, setGoTo] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const drawnPages = useRef(new Map<number, DrawnPage>());
  const anchor = useRef<ZoomAnchor | null>(null);

  useEffect(() => {
    let live = true;
    openPdf(doc.id).then(
      async (loaded) => {
        const first = await loaded.getPage(1);
        const viewport = first.getViewport({ scale: 1 });
        if (!live) return;
        setBase({ width: viewport.width, height: viewport.height });
        setPdf(loaded);
      },
      (caught: unknown) => live && setError(toApiError(caught).message),
    );
    return () => {
      live = false;
    };
  }, [doc.id]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  // One scale for every page, so the estimate holds.
  const scale = base && width > 0 ? scaleOf(zoom, width, base.width) : 1;
  const count = pdf?.numPages ?? 0;
  const pageText = useMemo(() => new Map(doc.pages.map((p) => [p.number, p.text])), [doc.pages]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, never memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (base ? base.height * scale : 800) + GAP,
    overscan: 1,
  });

  // The first page asked for, once the pages are laid out.
  const wanted = useRef(initialPage);
  useEffect(() => {
    if (!pdf || !base || width === 0 || wanted.current === null) return;
    virtualizer.scrollToIndex(Math.min(count, Math.max(1, wanted.current)) - 1, { align: 'start' });
    wanted.current = null;
  }, [pdf, base, width, count, virtualizer]);

  /** The page at the top of the view and how far down it the view is. */
  const topOfView = useCallback((): ZoomAnchor | null => {
    const el = scrollRef.current;
    const items = virtualizer.getVirtualItems();
    if (!el || items.length === 0) return null;
    const top = virtualizer.scrollOffset ?? el.scrollTop;
    const item = items.find((i) => i.end > top + 1) ?? items[items.length - 1]!;
    return {
      index: item.index,
      within: Math.max(0, Math.min(1, (top - item.start) / item.size)),
      across: el.scrollWidth > 0 ? (el.scrollLeft + el.clientWidth / 2) / el.scrollWidth : 0.5,
    };
  }, [virtualizer]);

  const changeZoom = useCallback(
    (next: Zoom) => {
      anchor.current = topOfView();
      setZoom(next);
    },
    [topOfView],
  );

  // After a zoom, the same place: every page's height is new, so the measured ones are dropped and the view goes to
  // the same share of the same page (and across, the same centre).
  const laidOutScale = useRef(scale);
  useLayoutEffect(() => {
    if (laidOutScale.current === scale) return;
    laidOutScale.current = scale;
    virtualizer.measure();
    const at = anchor.current;
    anchor.current = null;
    const el = scrollRef.current;
    if (!at || !el || !base) return;
    const size = base.height * scale + GAP;
    virtualizer.scrollToOffset(at.index * size + at.within * size);
    el.scrollLeft = Math.max(0, at.across * el.scrollWidth - el.clientWidth / 2);
  }, [scale, base, virtualizer]);

  // Follow the text selection on the pages: which page, which offsets of its stored text.
  useEffect(() => {
    const onChange = () => setSelection(readPageSelection(scrollRef.current, drawnPages.current, pageText));
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [pageText]);

  const makeExcerpt = useCallback(() => {
    if (selection === null) {
      setNotice(t('pages.selectFirst'));
      return;
    }
    if (selection === 'across-pages') {
      setNotice(t('pages.onePageOnly'));
      return;
    }
    const text = pageText.get(selection.page) ?? '';
    store.startDraft({
      sourceId: doc.sourceId,
      documentId: doc.id,
      page: selection.page,
      start: selection.start,
      end: selection.end,
      text: selection.text,
      locator: suggestLocator(text, selection.page, selection.start),
      language: guessLanguage(selection.text),
    });
    document.getSelection()?.removeAllRanges();
    setNotice(null);
  }, [selection, pageText, store, doc, t]);

  const onRegion = useCallback(
    (page: number, region: PdfRegion, under: TextUnder) => {
      const text = pageText.get(page) ?? '';
      store.startDraft({
        sourceId: doc.sourceId,
        documentId: doc.id,
        page,
        start: under?.start ?? 0,
        end: under?.end ?? 0,
        text: under?.text ?? '',
        // A locator is data, stored with the excerpt: written as the text view's suggestions are (format.ts).
        locator: under ? suggestLocator(text, page, under.start) : `p. ${page}, area`,
        language: under ? guessLanguage(under.text) : '',
        region,
      });
      setAreaMode(false);
      setKeyArea(null);
    },
    [pageText, store, doc],
  );

  const pageSize = useCallback((page: number) => drawnPages.current.get(page)?.size ?? base ?? { width: 595, height: 842 }, [base]);

  /** Mark area on: a rectangle for the keyboard on the page most in view, the focus on the pages (arrows move it). */
  const startMarking = useCallback(() => {
    const el = scrollRef.current;
    const top = virtualizer.scrollOffset ?? el?.scrollTop ?? 0;
    const bottom = top + (el?.clientHeight ?? 0);
    let best: { index: number; start: number; shown: number } | null = null;
    for (const item of virtualizer.getVirtualItems()) {
      const shown = Math.min(bottom, item.end) - Math.max(top, item.start);
      if (!best || shown > best.shown) best = { index: item.index, start: item.start, shown };
    }
    const page = (best?.index ?? 0) + 1;
    const size = pageSize(page);
    setKeyArea(startArea(page, size, best ? Math.max(0, top - best.start) / scale : 0));
    setAreaMode(true);
    document.getSelection()?.removeAllRanges();
    scrollRef.current?.focus({ preventScroll: true });
  }, [virtualizer, pageSize, scale]);

  const stopMarking = useCallback(() => {
    setAreaMode(false);
    setKeyArea(null);
  }, []);

  // In Electron the View menu's zoom shortcuts would take the keys below first: it leaves them to this view while it shows.
  useEffect(() => pageViewShown(), []);

  // Ctrl/Cmd+Shift+E makes the excerpt here (the text view's own shortcut is not reached while the pages show);
  // Ctrl/Cmd+Shift+A marks an area; Ctrl/Cmd with =, − and 0 zoom the pages, not the whole window.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        event.stopImmediatePropagation();
        makeExcerpt();
        return;
      }
      if (isMarkAreaKey(event)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (areaMode) stopMarking();
        else startMarking();
        return;
      }
      const key = zoomKey(event);
      if (!key) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      changeZoom(key === 'in' ? zoomIn(scale) : key === 'out' ? zoomOut(scale) : ACTUAL_SIZE);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [makeExcerpt, areaMode, startMarking, stopMarking, changeZoom, scale]);

  // The keyboard's rectangle stays in view as it moves.
  useEffect(() => {
    const el = scrollRef.current;
    if (!keyArea || !el) return;
    const index = keyArea.page - 1;
    const item = virtualizer.getVirtualItems().find((i) => i.index === index);
    if (!item) {
      virtualizer.scrollToIndex(index, { align: 'start' });
      return;
    }
    const top = item.start + keyArea.y1 * scale;
    const bottom = item.start + keyArea.y2 * scale;
    if (top < el.scrollTop) el.scrollTop = top - 24;
    // The help sits over the foot of the view: the rectangle stays above it.
    else if (bottom > el.scrollTop + el.clientHeight - HELP) el.scrollTop = Math.min(top - 24, bottom - el.clientHeight + HELP);
  }, [keyArea, scale, virtualizer]);

  const onAreaKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!areaMode || !keyArea) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      stopMarking();
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const drawn = drawnPages.current.get(keyArea.page);
      const { page, ...region } = keyArea;
      onRegion(page, region, drawn ? textUnder(drawn, region, pageText.get(page) ?? '') : null);
      return;
    }
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      const page = keyArea.page + (event.key === 'PageDown' ? 1 : -1);
      event.preventDefault();
      if (page >= 1 && page <= count) setKeyArea(toPage(keyArea, page, pageSize(page)));
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    const moved = moveArea(keyArea, event, pageSize(keyArea.page));
    if (!moved) return;
    event.preventDefault();
    setKeyArea(moved);
  };

  const goToPage = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const number = Number(goTo);
    if (number >= 1 && number <= count) {
      virtualizer.scrollToIndex(number - 1, { align: 'start' });
      setGoTo('');
    }
  };

  const byPage = useMemo(() => {
    const out = new Map<number, ExcerptDto[]>();
    for (const e of excerpts) if (e.page !== null) out.set(e.page, [...(out.get(e.page) ?? []), e]);
    return out;
  }, [excerpts]);

  const visible = virtualizer.getVirtualItems();
  const offset = virtualizer.scrollOffset ?? 0;
  const shown = (visible.find((item) => item.end > offset + 8) ?? visible[0])?.index;
  useEffect(() => {
    if (shown !== undefined) onPageShown?.(shown + 1);
  }, [shown, onPageShown]);

  const percent = Math.round(scale * 100);
  const note =
    selection === 'across-pages'
      ? t('pages.selectionAcross')
      : selection
        ? t('pages.selectedOnPage', { count: selection.text.length, page: selection.page })
        : areaMode && keyArea
          ? t('pages.keyArea', { page: keyArea.page, x1: keyArea.x1, y1: keyArea.y1, x2: keyArea.x2, y2: keyArea.y2 })
          : t('pages.selectOrMark');

  return (
    <div className="ev-pdf" data-testid="pdf-pages">
      <div className="ev-pdf-toolbar" role="toolbar" aria-label={t('pages.toolbar')}>
        <button
          type="button"
          className="button button-primary"
          disabled={!selection || selection === 'across-pages'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={makeExcerpt}
          title={t('pages.makeExcerptHint', { shortcut: `${MOD}Shift+E` })}
          aria-keyshortcuts={`${SHORTCUT}+Shift+E`}
        >
          {t('pages.makeExcerpt')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={areaMode}
          onClick={() => (areaMode ? stopMarking() : startMarking())}
          title={t('pages.markAreaHint', { shortcut: `${MOD}Shift+A` })}
          aria-keyshortcuts={`${SHORTCUT}+Shift+A`}
        >
          {areaMode ? t('pages.cancelMarking') : t('pages.markArea')}
          <kbd className="ev-pdf-kbd" aria-hidden="true">
            {MARK_AREA_KEYS}
          </kbd>
        </button>
        <span className="muted small ev-selection-note" role="status">
          {note}
        </span>
        {/* Zoom and the page field on a row of their own: a longer status (another language, an area's corners)
            does not move them, nor the pages below. */}
        <span className="ev-pdf-break" aria-hidden="true" />
        <span className="ev-pdf-zoom" role="group" aria-label={t('pages.zoom')}>
          <button type="button" className="button button-small" onClick={() => changeZoom(zoomOut(scale))} disabled={scale <= MIN_ZOOM + 0.005} title={t('pages.zoomOutHint', { shortcut: `${MOD}−` })} aria-keyshortcuts={`${SHORTCUT}+-`}>
            <span className="ev-pdf-zoom-sign is-out" aria-hidden="true" />
            <span className="visually-hidden">{t('pages.zoomOut')}</span>
          </button>
          <output className="ev-pdf-zoom-level numeric" aria-live="polite" data-testid="pdf-zoom-level">
            <span className="visually-hidden">{t('pages.zoom')} </span>
            {t('pages.percent', { percent })}
          </output>
          <button type="button" className="button button-small" onClick={() => changeZoom(zoomIn(scale))} disabled={scale >= MAX_ZOOM - 0.005} title={t('pages.zoomInHint', { shortcut: `${MOD}=` })} aria-keyshortcuts={`${SHORTCUT}+=`}>
            <span className="ev-pdf-zoom-sign is-in" aria-hidden="true" />
            <span className="visually-hidden">{t('pages.zoomIn')}</span>
          </button>
          <button type="button" className="button button-small" aria-pressed={zoom.kind === 'fit'} onClick={() => changeZoom(FIT)}>
            {t('pages.fitWidth')}
          </button>
          <button type="button" className="button button-small" aria-pressed={zoom.kind === 'scale' && zoom.scale === 1} onClick={() => changeZoom(ACTUAL_SIZE)} title={t('pages.actualSizeHint', { shortcut: `${MOD}0` })} aria-keyshortcuts={`${SHORTCUT}+0`}>
            {t('pages.actualSize')}
          </button>
        </span>
        <PageJump label={t('pages.goToPage')} value={goTo} onChange={setGoTo} onKeyDown={goToPage} count={count} />
      </div>
      {notice ? <InlineAlert message={notice} actionLabel={t('pages.dismiss')} onAction={() => setNotice(null)} /> : null}
      {error ? <InlineAlert message={error} /> : null}
      <div
        ref={scrollRef}
        className={`ev-pdf-scroll${areaMode ? ' is-marking' : ''}`}
        tabIndex={0}
        role="document"
        aria-label={t('pages.pagesOf', { file: doc.fileName })}
        aria-busy={!pdf}
        aria-describedby={areaMode ? 'ev-pdf-area-help' : undefined}
        aria-keyshortcuts={areaMode ? 'ArrowLeft ArrowRight ArrowUp ArrowDown Shift+ArrowRight Shift+ArrowDown PageDown PageUp Enter Escape' : undefined}
        onKeyDown={onAreaKey}
      >
        {!pdf && !error ? (
          <p className="muted ev-empty" role="status">
            {t('pages.opening')}
          </p>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {pdf && base
            ? visible.map((item) => (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)`, paddingBottom: GAP }}
                >
                  <PdfPage
                    pdf={pdf}
                    number={item.index + 1}
                    scale={scale}
                    estimate={base}
                    text={pageText.get(item.index + 1) ?? ''}
                    excerpts={byPage.get(item.index + 1)}
                    activeId={activeId}
                    draft={draft && draft.documentId === doc.id && draft.page === item.index + 1 ? draft : null}
                    areaMode={areaMode}
                    keyArea={keyArea && keyArea.page === item.index + 1 ? keyArea : null}
                    drawnPages={drawnPages.current}
                    onRegion={onRegion}
                    onOpen={(e) => store.focusExcerpt(e)}
                  />
                </div>
              ))
            : null}
        </div>
      </div>
      {areaMode ? (
        // Over the foot of the pages, not above them: showing it must not move the page under the pointer.
        <p className="small ev-pdf-area-help" id="ev-pdf-area-help">
          {t('pages.areaHelp', { shift: 'Shift', alt: 'Alt', pageDown: 'Page Down', pageUp: 'Page Up', enter: 'Enter', escape: 'Escape' })}
        </p>
      ) : null}
    </div>
  );
}
