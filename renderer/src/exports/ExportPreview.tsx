import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ExportRequest } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';
import { useT } from '../i18n/use-t';

/** A paper size's name: the same in every language, as printers list it. */
const PAPER_NAMES = { a4: 'A4', letter: 'Letter' } as const;

const DEBOUNCE_MS = 250;
const MM = 96 / 25.4;
const PAPER_MM: Record<'a4' | 'letter', { w: number; h: number }> = { a4: { w: 210, h: 297 }, letter: { w: 215.9, h: 279.4 } };

/**
 * On screen the export's HTML is one long page; this frames it as the first printed page: the page's margins as
 * padding, nothing past the page's height. Only styles are added (the HTML's own policy forbids scripts).
 */
function asFirstPage(html: string): string {
  const frame = '<style>@media screen { html { background: #fff; overflow: hidden; } body { padding: 17mm 15mm 16mm 15mm; } }</style>';
  const at = html.search(/<\/head>/i);
  return at < 0 ? frame + html : `${html.slice(0, at)}${frame}${html.slice(at)}`;
}

interface ExportPreviewProps {
  /** Null while the choices cannot be exported (the reason is shown instead). */
  request: ExportRequest | null;
  problem: string | null;
  paper: 'a4' | 'letter';
  orientation: 'landscape' | 'portrait';
  /** The format chosen: the preview is always the PDF's page; other formats carry the same content. */
  format: string;
}

interface Loaded {
  key: string;
  html?: string;
  error?: ApiError;
}

/**
 * A live picture of the export's first page, from export.preview: the same HTML the PDF is printed from, in a frame
 * that runs nothing (sandbox="") and cannot be clicked into, scaled to fit the pane.
 */
export function ExportPreview({ request, problem, paper, orientation, format }: ExportPreviewProps) {
  const t = useT();
  const key = request ? JSON.stringify({ ...request, format: 'pdf' }) : null;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [shownHtml, setShownHtml] = useState<string | null>(null);
  const box = useRef<HTMLDivElement | null>(null);
  const [boxSize, setBoxSize] = useState({ w: 0, h: 0 });

  useEffect(() => {
    if (key === null) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      api['export.preview'](JSON.parse(key) as ExportRequest).then(
        ({ html }) => {
          if (!current) return;
          setLoaded({ key, html });
          setShownHtml(asFirstPage(html));
        },
        (error: unknown) => {
          if (current) setLoaded({ key, error: toApiError(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const measure = () => setBoxSize({ w: element.clientWidth, h: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const sheet = PAPER_MM[paper];
  const pageW = (orientation === 'landscape' ? sheet.h : sheet.w) * MM;
  const pageH = (orientation === 'landscape' ? sheet.w : sheet.h) * MM;
  const pad = 16;
  const scale = boxSize.w > 0 && boxSize.h > 0 ? Math.min((boxSize.w - pad * 2) / pageW, (boxSize.h - pad * 2) / pageH, 1) : 0;
  const fresh = loaded?.key === key;
  const error = fresh ? loaded?.error : undefined;
  const updating = key !== null && !fresh;

  return (
    <div className="export-preview" data-testid="export-preview">
      <div className="export-preview-head">
        <span className="section-heading">{t('exports.previewHead', { pdf: format === 'pdf' ? 'yes' : 'no' })}</span>
        <span className="export-preview-state muted" role="status" aria-live="polite">
          {problem ? '' : updating ? t('exports.updating') : error ? t('exports.notAvailable') : t('exports.pageShape', { paper: PAPER_NAMES[paper], orientation })}
        </span>
      </div>
      <div className="export-preview-box" ref={box}>
        {problem ? (
          <p className="export-preview-note">{problem}</p>
        ) : error ? (
          <p className="export-preview-note" role="alert">
            {error.message}
          </p>
        ) : shownHtml && scale > 0 ? (
          <div className={`export-sheet${updating ? ' is-updating' : ''}`} style={{ width: pageW * scale, height: pageH * scale }}>
            <iframe
              title={t('exports.previewFrame')}
              className="export-frame"
              sandbox=""
              srcDoc={shownHtml}
              tabIndex={-1}
              style={{ width: pageW, height: pageH, transform: `scale(${scale})` }}
            />
          </div>
        ) : (
          <p className="export-preview-note muted">{t('exports.preparing')}</p>
        )}
      </div>
    </div>
  );
}
