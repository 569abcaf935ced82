/**
 * The PDF as laid out: the original pages drawn by pdf.js (canvas and text layer), lazily and virtualised (a
 * 300-page report draws only the pages near the view). Selecting text on a page drafts an excerpt at the same page
 * offsets the text view uses (PdfPageView.text.ts aligns pdf.js's items with the stored text); drawing a rectangle
 * in "Mark area" mode drafts a region excerpt: its page and corners in PDF points, origin at the upper left corner
 * (REFI-QDA's PDFSelection), with the text under it when the page has some. Excerpts show on the page: text ones
 * as marks over their words, region ones as outlined areas.
 *
 * The original arrives through the API (documents.original) and is parsed by pdf.js in a worker bundled by Vite
 * (script-src 'self'; no eval: isEvalSupported is off). Nothing in the PDF can run: no scripts, no links, no forms
 * are rendered, only the page image and its text.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { getDocument, GlobalWorkerOptions, TextLayer, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { DocumentTextDto, ExcerptDto, PdfRegion } from '../../../electron/contract/api';
import { api, toApiError } from '../api';
import { MOD } from '../shell/keyboard';
import { InlineAlert } from '../ui/InlineAlert';
import { guessLanguage, plural, suggestLocator } from './format';
import { aligned, itemRanges, mapItemsToPageText, pageOffsetAt, type PageTextMap } from './PdfPageView.text';
import { useEvidenceState, useEvidenceStore } from './store';
import { trimRange } from './text-ranges';
import { PageJump } from './ui';

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

interface PageSelectionDraft {
  page: number;
  start: number;
  end: number;
  text: string;
}

interface PageViewProps {
  document: DocumentTextDto;
  excerpts: ExcerptDto[];
  /** The page to show first (a search hit's, an excerpt's). */
  initialPage: number | null;
}

const GAP = 16;

export function PdfPageView({ document: doc, excerpts, initialPage }: PageViewProps) {
  const store = useEvidenceStore();
  const activeId = useEvidenceState((s) => s.excerptId);
  const draft = useEvidenceState((s) => s.draft);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [base, setBase] = useState<{ width: number; height: number } | null>(null);
  const [width, setWidth] = useState(0);
  const [areaMode, setAreaMode] = useState(false);
  const [selection, setSelection] = useState<PageSelectionDraft | 'across-pages' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [goTo, setGoTo] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const maps = useRef(new Map<number, PageTextMap>());

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

  // Fit the page width to the view (within reason): the same scale for every page, so the estimate holds.
  const scale = base && width > 0 ? Math.min(2, Math.max(0.5, (width - 24) / base.width)) : 1;
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

  // Follow the text selection on the pages: which page, which offsets of its stored text.
  useEffect(() => {
    const onChange = () => setSelection(readPageSelection(scrollRef.current, maps.current, pageText));
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [pageText]);

  const makeExcerpt = useCallback(() => {
    if (selection === null) {
      setNotice('Select a passage on a page first, then Make excerpt.');
      return;
    }
    if (selection === 'across-pages') {
      setNotice('An excerpt comes from one page: select within a single page.');
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
  }, [selection, pageText, store, doc]);

  // Ctrl/Cmd+Shift+E makes the excerpt here; the text view's own shortcut is not reached while the pages show.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'e') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      makeExcerpt();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [makeExcerpt]);

  const onRegion = useCallback(
    (page: number, region: PdfRegion, under: { start: number; end: number; text: string } | null) => {
      const text = pageText.get(page) ?? '';
      store.startDraft({
        sourceId: doc.sourceId,
        documentId: doc.id,
        page,
        start: under?.start ?? 0,
        end: under?.end ?? 0,
        text: under?.text ?? '',
        locator: under ? suggestLocator(text, page, under.start) : `p. ${page}, area`,
        language: under ? guessLanguage(under.text) : '',
        region,
      });
      setAreaMode(false);
    },
    [pageText, store, doc],
  );

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
  const note =
    selection === 'across-pages'
      ? 'The selection spans pages: an excerpt comes from one page.'
      : selection
        ? `${plural(selection.text.length, 'character')} selected on page ${selection.page}`
        : areaMode
          ? 'Drag a rectangle on a page to mark an area'
          : 'Select text on a page, or mark an area';

  return (
    <div className="ev-pdf" data-testid="pdf-pages">
      <div className="ev-pdf-toolbar" role="toolbar" aria-label="Pages">
        <button
          type="button"
          className="button button-primary"
          disabled={!selection || selection === 'across-pages'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={makeExcerpt}
          title={`Make an excerpt of the selection (${MOD}Shift+E)`}
        >
          Make excerpt
        </button>
        <button type="button" className="button" aria-pressed={areaMode} onClick={() => setAreaMode((on) => !on)} title="Drag a rectangle on a page: a table, a stamp, a scanned paragraph">
          {areaMode ? 'Cancel marking' : 'Mark area'}
        </button>
        <span className="muted small ev-selection-note" role="status">
          {note}
        </span>
        <span className="toolbar-spacer" />
        <PageJump label="Go to page on the PDF" value={goTo} onChange={setGoTo} onKeyDown={goToPage} count={count} />
      </div>
      {notice ? <InlineAlert message={notice} actionLabel="Dismiss" onAction={() => setNotice(null)} /> : null}
      {error ? <InlineAlert message={error} /> : null}
      <div ref={scrollRef} className={`ev-pdf-scroll${areaMode ? ' is-marking' : ''}`} tabIndex={0} role="document" aria-label={`Pages of ${doc.fileName}`} aria-busy={!pdf}>
        {!pdf && !error ? (
          <p className="muted ev-empty" role="status">
            Opening the PDF…
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
                    maps={maps.current}
                    onRegion={onRegion}
                    onOpen={(e) => store.focusExcerpt(e)}
                  />
                </div>
              ))
            : null}
        </div>
      </div>
    </div>
  );
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface PdfPageProps {
  pdf: PDFDocumentProxy;
  number: number;
  scale: number;
  estimate: { width: number; height: number };
  text: string;
  excerpts: ExcerptDto[] | undefined;
  activeId: string | null;
  draft: { start: number; end: number; region?: PdfRegion | undefined } | null;
  areaMode: boolean;
  maps: Map<number, PageTextMap>;
  onRegion: (page: number, region: PdfRegion, under: { start: number; end: number; text: string } | null) => void;
  onOpen: (excerpt: ExcerptDto) => void;
}

interface Drawn {
  page: PDFPageProxy;
  size: { width: number; height: number };
  items: TextItem[];
  map: PageTextMap;
  /** Each item's box on the page at scale 1, in points from the upper left corner. */
  boxes: Box[];
}

const PdfPage = memo(function PdfPage({ pdf, number, scale, estimate, text, excerpts, activeId, draft, areaMode, maps, onRegion, onOpen }: PdfPageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [marks, setMarks] = useState<{ key: string; box: Box; kind: string; excerpt?: ExcerptDto }[]>([]);
  const [rubber, setRubber] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);

  useEffect(() => {
    let live = true;
    let cancel = () => undefined as void;
    void (async () => {
      const page = await pdf.getPage(number);
      if (!live) return;
      const viewport = page.getViewport({ scale });
      const canvas = canvasRef.current;
      const layer = layerRef.current;
      if (!canvas || !layer) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const task = page.render({ canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      const content = await page.getTextContent();
      if (!live) return;
      layer.replaceChildren();
      const textLayer = new TextLayer({ textContentSource: content, container: layer, viewport });
      cancel = () => {
        task.cancel();
        textLayer.cancel();
      };
      await textLayer.render();
      textLayer.textDivs.forEach((div, i) => (div.dataset.item = String(i)));
      const items = content.items.filter((i): i is TextItem => 'str' in i);
      const unit = page.getViewport({ scale: 1 });
      const boxes = items.map((item) => {
        const [, , c = 0, d = 1, x = 0, y = 0] = Util.transform(unit.transform, item.transform) as number[];
        const height = Math.hypot(c, d) || item.height;
        return { left: x, top: y - height, width: item.width, height };
      });
      const map = mapItemsToPageText(
        items.map((i) => i.str),
        text,
      );
      maps.set(number, map);
      await task.promise.catch(() => undefined);
      if (!live) return;
      canvas.dataset.rendered = 'true';
      setDrawn({ page, size: { width: unit.width, height: unit.height }, items, map, boxes });
    })().catch(() => undefined);
    return () => {
      live = false;
      cancel();
      maps.delete(number);
    };
  }, [pdf, number, scale, text, maps]);

  // The marks: text excerpts over their words (the text layer's own boxes), regions as drawn.
  useEffect(() => {
    const layer = layerRef.current;
    if (!drawn || !layer) return;
    const origin = layer.getBoundingClientRect();
    const next: typeof marks = [];
    const textMarks = (key: string, start: number, end: number, kind: string, excerpt?: ExcerptDto) => {
      for (const { item, from, to } of itemRanges(drawn.map, start, end)) {
        const node = layer.querySelector(`[data-item="${item}"]`)?.firstChild;
        if (!node) continue;
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        Array.from(range.getClientRects()).forEach((r, i) =>
          next.push({ key: `${key}:${item}:${i}`, box: { left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height }, kind, excerpt }),
        );
      }
    };
    const regionMark = (key: string, region: PdfRegion, kind: string, excerpt?: ExcerptDto) =>
      next.push({ key, box: { left: region.x1 * scale, top: region.y1 * scale, width: (region.x2 - region.x1) * scale, height: (region.y2 - region.y1) * scale }, kind: `${kind} is-region`, excerpt });
    for (const e of excerpts ?? []) {
      const kind = `is-excerpt${e.id === activeId ? ' is-active' : ''}${e.textKind === 'paraphrase' ? ' is-paraphrase' : ''}`;
      if (e.region) regionMark(e.id, e.region, kind, e);
      else if (e.startOffset !== null && e.endOffset !== null && aligned(drawn.map)) textMarks(e.id, e.startOffset, e.endOffset, kind, e);
    }
    if (draft?.region) regionMark('draft', draft.region, 'is-draft');
    else if (draft && draft.end > draft.start) textMarks('draft', draft.start, draft.end, 'is-draft');
    setMarks(next);
  }, [drawn, excerpts, activeId, draft, scale]);

  const pointer = (event: ReactPointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: Math.max(0, Math.min(box.width, event.clientX - box.left)), y: Math.max(0, Math.min(box.height, event.clientY - box.top)) };
  };
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!areaMode || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = pointer(event);
    setRubber({ x0: at.x, y0: at.y, x1: at.x, y1: at.y });
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!rubber) return;
    const at = pointer(event);
    setRubber({ ...rubber, x1: at.x, y1: at.y });
  };
  const onPointerUp = () => {
    if (!rubber || !drawn) return;
    setRubber(null);
    const round = (v: number) => Math.round((v / scale) * 100) / 100;
    const region = { x1: round(Math.min(rubber.x0, rubber.x1)), y1: round(Math.min(rubber.y0, rubber.y1)), x2: round(Math.max(rubber.x0, rubber.x1)), y2: round(Math.max(rubber.y0, rubber.y1)) };
    if (region.x2 - region.x1 < 4 || region.y2 - region.y1 < 4) return;
    onRegion(number, region, textUnder(drawn, region, text));
  };

  const width = (drawn?.size.width ?? estimate.width) * scale;
  const height = (drawn?.size.height ?? estimate.height) * scale;
  return (
    <article className="ev-pdf-page" aria-label={`Page ${number}`} data-page={number} style={{ width, height, ['--scale-factor' as string]: scale }}>
      <canvas ref={canvasRef} className="ev-pdf-canvas" style={{ width, height }} aria-hidden="true" />
      <div className="ev-pdf-marks" aria-hidden="true">
        {marks.map((m) => (
          <span key={m.key} className={`ev-pdf-mark ${m.kind}`} style={{ left: m.box.left, top: m.box.top, width: m.box.width, height: m.box.height }} />
        ))}
      </div>
      <div ref={layerRef} className="textLayer ev-pdf-text" data-page-layer={number} />
      <div className="ev-pdf-hits">
        {marks
          .filter((m) => m.excerpt && m.kind.includes('is-region'))
          .map((m) => (
            <button
              key={m.key}
              type="button"
              className="ev-pdf-region-button"
              style={{ left: m.box.left, top: m.box.top, width: m.box.width, height: m.box.height }}
              aria-label={`Area excerpt: ${m.excerpt!.locator}`}
              data-region-excerpt={m.excerpt!.id}
              onClick={() => onOpen(m.excerpt!)}
            />
          ))}
      </div>
      {areaMode ? (
        <div className="ev-pdf-draw" data-testid={`pdf-draw-${number}`} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}>
          {rubber ? (
            <span
              className="ev-pdf-rubber"
              style={{ left: Math.min(rubber.x0, rubber.x1), top: Math.min(rubber.y0, rubber.y1), width: Math.abs(rubber.x1 - rubber.x0), height: Math.abs(rubber.y1 - rubber.y0) }}
            />
          ) : null}
        </div>
      ) : null}
      <span className="ev-pdf-number">{number}</span>
    </article>
  );
});

/** The stored text under a region: its offsets when the items inside are one run of the page text. */
function textUnder(drawn: Drawn, region: PdfRegion, text: string): { start: number; end: number; text: string } | null {
  if (!aligned(drawn.map)) return null;
  let start = Infinity;
  let end = -1;
  const inside: number[] = [];
  drawn.boxes.forEach((b, i) => {
    const cx = b.left + b.width / 2;
    const cy = b.top + b.height / 2;
    if (cx < region.x1 || cx > region.x2 || cy < region.y1 || cy > region.y2) return;
    for (const at of drawn.map.positions[i]!) {
      if (at < 0) continue;
      inside.push(at);
      start = Math.min(start, at);
      end = Math.max(end, at + 1);
    }
  });
  if (end < 0) return null;
  // Only a run the rectangle holds whole: a column of a table is not one passage of the page text.
  const held = new Set(inside);
  for (let at = start; at < end; at++) if (!held.has(at) && !/\s/u.test(text[at]!)) return null;
  const trimmed = trimRange(text, start, end);
  return { ...trimmed, text: text.slice(trimmed.start, trimmed.end) };
}

/** The selection inside one page's text layer, as offsets of that page's stored text. */
function readPageSelection(root: HTMLElement | null, maps: Map<number, PageTextMap>, pages: Map<number, string>): PageSelectionDraft | 'across-pages' | null {
  const selection = document.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const layers = Array.from(root.querySelectorAll<HTMLElement>('[data-page-layer]')).filter((el) => range.intersectsNode(el));
  if (layers.length === 0) return null;
  if (layers.length > 1) return 'across-pages';
  const layer = layers[0]!;
  const number = Number(layer.dataset.pageLayer);
  const map = maps.get(number);
  const text = pages.get(number);
  if (!map || text === undefined || !aligned(map)) return null;
  const spans = Array.from(layer.querySelectorAll<HTMLElement>('[data-item]'));
  if (spans.length === 0) return null;
  const boundary = (node: Node, offset: number, side: 'start' | 'end'): number => {
    const span = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-item]');
    if (span && layer.contains(span)) return pageOffsetAt(map, Number(span.dataset.item), node.nodeType === Node.TEXT_NODE ? offset : side === 'start' ? 0 : (span.textContent ?? '').length, side);
    // Outside any span (the layer itself, a <br>): the nearest item after (start) or before (end) the point.
    const point = document.createRange();
    point.setStart(node, offset);
    const after = spans.find((s) => point.comparePoint(s, 0) >= 0);
    if (side === 'start') return after ? pageOffsetAt(map, Number(after.dataset.item), 0, 'start') : text.length;
    const before = [...spans].reverse().find((s) => point.comparePoint(s, 0) < 0);
    return before ? pageOffsetAt(map, Number(before.dataset.item), (before.textContent ?? '').length, 'end') : 0;
  };
  const whole = document.createRange();
  whole.selectNodeContents(layer);
  const start = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0 ? 0 : boundary(range.startContainer, range.startOffset, 'start');
  const end = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0 ? text.length : boundary(range.endContainer, range.endOffset, 'end');
  const trimmed = trimRange(text, start, end);
  if (trimmed.end <= trimmed.start) return null;
  return { page: number, start: trimmed.start, end: trimmed.end, text: text.slice(trimmed.start, trimmed.end) };
}
