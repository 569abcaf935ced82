/**
 * One page of the page view (PdfPageView.tsx): pdf.js draws it on a canvas at the view's scale, its text layer
 * above (transparent text over the drawn glyphs, so a selection follows the page at any zoom), excerpts marked on it,
 * and in "Mark area" mode a drawing surface for a rectangle by mouse or the rectangle moved by the keyboard.
 */
import { TextLayer, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { memo, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { ExcerptDto, PdfRegion } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';
import { aligned, itemRanges, mapItemsToPageText, type PageTextMap } from './PdfPageView.text';
import { trimRange } from './text-ranges';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What the view keeps of a drawn page: its text aligned with the stored text, its items' boxes, its size. */
export interface DrawnPage {
  map: PageTextMap;
  /** Each item's box on the page at scale 1, in points from the upper left corner. */
  boxes: Box[];
  size: { width: number; height: number };
}

export type TextUnder = { start: number; end: number; text: string } | null;

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
  /** The rectangle the keyboard moves, when it is on this page. */
  keyArea: PdfRegion | null;
  drawnPages: Map<number, DrawnPage>;
  onRegion: (page: number, region: PdfRegion, under: TextUnder) => void;
  onOpen: (excerpt: ExcerptDto) => void;
}

interface Drawn extends DrawnPage {
  page: PDFPageProxy;
  items: TextItem[];
}

export const PdfPage = memo(function PdfPage({ pdf, number, scale, estimate, text, excerpts, activeId, draft, areaMode, keyArea, drawnPages, onRegion, onOpen }: PdfPageProps) {
  const t = useT();
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
      delete canvas.dataset.rendered;
      // Drawn off screen first: the page keeps its last image until the new scale's is ready.
      const ratio = window.devicePixelRatio || 1;
      const fresh = document.createElement('canvas');
      fresh.width = Math.floor(viewport.width * ratio);
      fresh.height = Math.floor(viewport.height * ratio);
      const task = page.render({ canvasContext: fresh.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
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
      const size = { width: unit.width, height: unit.height };
      drawnPages.set(number, { map, boxes, size });
      await task.promise.catch(() => undefined);
      if (!live) return;
      canvas.width = fresh.width;
      canvas.height = fresh.height;
      canvas.getContext('2d')!.drawImage(fresh, 0, 0);
      canvas.dataset.rendered = 'true';
      canvas.dataset.scale = String(scale);
      setDrawn({ page, size, items, map, boxes });
    })().catch(() => undefined);
    return () => {
      live = false;
      cancel();
      drawnPages.delete(number);
    };
  }, [pdf, number, scale, text, drawnPages]);

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
      next.push({ key, box: scaled(region, scale), kind: `${kind} is-region`, excerpt });
    for (const e of excerpts ?? []) {
      const kind = `is-excerpt${e.id === activeId ? ' is-active' : ''}${e.textKind === 'paraphrase' ? ' is-paraphrase' : ''}`;
      if (e.region) regionMark(e.id, e.region, kind, e);
      else if (e.startOffset !== null && e.endOffset !== null && aligned(drawn.map)) textMarks(e.id, e.startOffset, e.endOffset, kind, e);
    }
    if (draft?.region) regionMark('draft', draft.region, 'is-draft');
    else if (draft && draft.end > draft.start) textMarks('draft', draft.start, draft.end, 'is-draft');
    setMarks(next);
    // The text layer is redrawn for each scale, and `drawn` with it: the marks are measured on the new one.
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
    <article className="ev-pdf-page" aria-label={t('pages.pageLabel', { number })} data-page={number} style={{ width, height, ['--scale-factor' as string]: scale }}>
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
              aria-label={t('pages.areaExcerpt', { locator: m.excerpt!.locator })}
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
          ) : keyArea ? (
            <span className="ev-pdf-rubber is-keyboard" data-testid="pdf-key-area" style={scaled(keyArea, scale)} />
          ) : null}
        </div>
      ) : null}
      <span className="ev-pdf-number">{number}</span>
    </article>
  );
});

function scaled(region: PdfRegion, scale: number): Box {
  return { left: region.x1 * scale, top: region.y1 * scale, width: (region.x2 - region.x1) * scale, height: (region.y2 - region.y1) * scale };
}

/** The stored text under a region: its offsets when the items inside are one run of the page text. */
export function textUnder(drawn: DrawnPage, region: PdfRegion, text: string): TextUnder {
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
