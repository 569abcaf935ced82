/**
 * The claims register as a grid that draws only the rows in view (a project may hold thousands of claims), with
 * columns the researcher can widen or narrow by dragging a header's edge or from the keyboard. Screen readers get
 * the whole register's size and each row's place in it (aria-rowcount, aria-rowindex), not just the rows drawn.
 */
import { useVirtualizer, defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useCallback, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { ClaimDto } from '../../../electron/contract/api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { ClaimStatement } from './ClaimText';
import { versus } from './versus';
import { useFormatDate } from './labels';
import type { ObservationIndex } from './lookups';
import { AssessmentTag, VerificationTag } from './RecordBits';
import {
  clampWidth,
  MAX_WIDTH,
  MIN_WIDTH,
  REGISTER_COLUMNS,
  resolveWidths,
  WIDTH_STEP,
  type ColumnWidths,
  type RegisterColumn,
} from './register-columns';
import { useWidth } from './use-width';
import './claims-register.css';

const HEADINGS: Record<RegisterColumn, MessageId> = {
  claimant: 'register.claimant',
  date: 'register.date',
  claim: 'register.claim',
  versus: 'register.versus',
  dimension: 'register.dimension',
  assessment: 'register.assessment',
  verification: 'register.verification',
};

/** A first guess at a row's height; each drawn row is measured, so the scroll bar settles as rows are seen. */
const ESTIMATED_ROW = 58;

interface Props {
  claims: readonly ClaimDto[];
  /** undefined while the claims are on their way. */
  loaded: boolean;
  /** The message shown instead of rows when there are none to show. */
  empty: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Enter on a row: open its card. */
  onOpen: (id: string) => void;
  byId: Map<string, { name: string }>;
  index: ObservationIndex | undefined;
  columns: ColumnWidthsState;
  hasCard: boolean;
}

export function ClaimsRegister({ claims, loaded, empty, selectedId, onSelect, onOpen, byId, index, columns, hasCard }: Props) {
  const t = useT();
  const date = useFormatDate();
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const available = useWidth(scrollRef, 900);
  const resolved = resolveWidths(columns.widths, available);
  const total = REGISTER_COLUMNS.reduce((sum, c) => sum + resolved[c], 0);
  const template = REGISTER_COLUMNS.map((c) => `${resolved[c]}px`).join(' ');

  const selectedIndex = claims.findIndex((c) => c.id === selectedId);
  // The row that takes the focus when the register is tabbed into: the selected claim, else the first.
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;
  // The tab stop is always drawn, even scrolled out of view, so Tab can reach the register from anywhere.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      if (claims.length > 0 && !drawn.includes(tabStop)) drawn.push(tabStop);
      return drawn.sort((a, b) => a - b);
    },
    [tabStop, claims.length],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, never memoised
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    rangeExtractor,
    getItemKey: (i) => claims[i]?.id ?? i,
    // The header row sits above the rows inside the same scroller.
    scrollPaddingStart: 30,
  });

  // A row moved to by the keyboard may not be drawn yet: it takes the focus once it is.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (want === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${want}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (next: number) => {
    const target = claims[next];
    if (!target) return;
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    onSelect(target.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
    if (!row) return;
    const at = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ESTIMATED_ROW * 5) / ESTIMATED_ROW) - 1);
    let next: number;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, claims.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'PageDown') next = Math.min(at + page, claims.length - 1);
    else if (event.key === 'PageUp') next = Math.max(at - page, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = claims.length - 1;
    else if (event.key === 'Enter') {
      event.preventDefault();
      const claim = claims[at];
      if (claim) onOpen(claim.id);
      return;
    } else return;
    event.preventDefault();
    moveTo(next);
  };

  const items = virtualizer.getVirtualItems();
  const gridStyle = { '--rec-columns': template, width: total } as CSSProperties;

  return (
    <div className={`rec-register-scroll${hasCard ? ' has-card' : ''}`} ref={scrollRef} data-testid="claims-register-scroll">
      <div
        role="grid"
        className="rec-register rec-vgrid"
        aria-label={t('register.registerLabel')}
        // The header, then the claims, or the one row that says there are none.
        aria-rowcount={Math.max(claims.length, 1) + 1}
        aria-colcount={REGISTER_COLUMNS.length}
        aria-readonly="true"
        data-testid="claims-register"
        style={gridStyle}
      >
        <div role="rowgroup" className="rec-vhead">
          <div role="row" aria-rowindex={1} className="rec-vrow">
            {REGISTER_COLUMNS.map((column, i) => (
              <div key={column} role="columnheader" aria-colindex={i + 1} aria-labelledby={`${id}-${column}`} className="rec-vcell rec-vth" data-column={column}>
                <span id={`${id}-${column}`}>{t(HEADINGS[column])}</span>
                <ColumnResizer label={t('register.resizeColumn', { column: t(HEADINGS[column]) })} width={resolved[column]} onWidth={(w) => columns.setWidth(column, w)} />
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="rec-vbody" style={{ height: claims.length > 0 ? virtualizer.getTotalSize() : undefined }} onKeyDown={onKeyDown}>
          {!loaded || claims.length === 0 ? (
            <div role="row" aria-rowindex={2} className="rec-vrow rec-vempty">
              <div role="gridcell" aria-colindex={1} aria-colspan={REGISTER_COLUMNS.length} className="rec-vcell muted">
                {loaded ? empty : t('register.loading')}
              </div>
            </div>
          ) : (
            items.map((item) => {
              const c = claims[item.index]!;
              const selected = c.id === selectedId;
              const dimension = c.dimensionId ? index?.dimensionById.get(c.dimensionId) : undefined;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  role="row"
                  data-index={item.index}
                  data-claim-id={c.id}
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  tabIndex={item.index === tabStop ? 0 : -1}
                  className={`rec-vrow rec-vdata${selected ? ' is-selected' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => onSelect(c.id)}
                >
                  <div role="gridcell" aria-colindex={1} className="rec-vcell">
                    <span className="rec-claimant">{c.claimant}</span>
                    {c.claimantRole ? <span className="rec-sub muted">{c.claimantRole}</span> : null}
                  </div>
                  <div role="gridcell" aria-colindex={2} className="rec-vcell numeric">
                    {c.date ? date(c.date) : <span className="muted">{t('register.undated')}</span>}
                  </div>
                  <div role="gridcell" aria-colindex={3} className="rec-vcell">
                    <ClaimStatement claim={c} clamp />
                  </div>
                  <div role="gridcell" aria-colindex={4} className="rec-vcell">
                    <span className="rec-clamp">{versus(c, byId, t)}</span>
                  </div>
                  <div role="gridcell" aria-colindex={5} className="rec-vcell">
                    {dimension ? dimension.label : c.dimensionNote ? <span className="muted rec-clamp">{c.dimensionNote}</span> : <span className="muted">{t('register.none')}</span>}
                  </div>
                  <div role="gridcell" aria-colindex={6} className="rec-vcell">
                    <AssessmentTag value={c.assessment} />
                  </div>
                  <div role="gridcell" aria-colindex={7} className="rec-vcell">
                    <VerificationTag value={c.verification} />
                  </div>
                </div>
              );
            })
          )}
        </div>
      </div>
    </div>
  );
}

/*
 * Widths are remembered per project file in this window's storage, beside the matrix's view state
 * (matrix/view-state.ts), so a project opens with the register as it was left.
 */
const STORAGE_PREFIX = 'comparanda.claims-columns:';

function loadWidths(projectPath: string | undefined): ColumnWidths {
  if (!projectPath) return {};
  try {
    const raw = window.localStorage.getItem(STORAGE_PREFIX + projectPath);
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const out: ColumnWidths = {};
    for (const c of REGISTER_COLUMNS) {
      const w = parsed[c];
      if (typeof w === 'number' && Number.isFinite(w)) out[c] = clampWidth(w);
    }
    return out;
  } catch {
    return {};
  }
}

function storeWidths(projectPath: string | undefined, widths: ColumnWidths): void {
  if (!projectPath) return;
  try {
    if (Object.keys(widths).length === 0) window.localStorage.removeItem(STORAGE_PREFIX + projectPath);
    else window.localStorage.setItem(STORAGE_PREFIX + projectPath, JSON.stringify(widths));
  } catch {
    // Storage can be full or disabled: the widths then last as long as the page.
  }
}

/** The register's column widths as the researcher left them in this project, and how to change or forget them. */
export function useColumnWidths(projectPath: string | undefined) {
  const [held, setHeld] = useState<{ path: string | undefined; widths: ColumnWidths }>(() => ({ path: projectPath, widths: loadWidths(projectPath) }));
  // The project's path arrives with its overview, after the first render: its widths are read then.
  if (held.path !== projectPath) setHeld({ path: projectPath, widths: loadWidths(projectPath) });
  const setWidth = useCallback(
    (column: RegisterColumn, width: number) =>
      setHeld((current) => {
        const widths = { ...current.widths, [column]: clampWidth(width) };
        storeWidths(projectPath, widths);
        return { path: projectPath, widths };
      }),
    [projectPath],
  );
  const reset = useCallback(() => {
    storeWidths(projectPath, {});
    setHeld({ path: projectPath, widths: {} });
  }, [projectPath]);
  const widths = held.path === projectPath ? held.widths : loadWidths(projectPath);
  return { widths, setWidth, reset, changed: Object.keys(widths).length > 0 };
}

export type ColumnWidthsState = ReturnType<typeof useColumnWidths>;

/**
 * The right edge of a column header: drag it, or focus it and press the left and right arrows (Shift for larger
 * steps, Home and End for the narrowest and widest), as the ARIA window-splitter pattern has it.
 */
function ColumnResizer({ label, width, onWidth }: { label: string; width: number; onWidth: (width: number) => void }) {
  const t = useT();
  const drag = useRef<{ x: number; width: number; pointer: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    drag.current = { x: event.clientX, width, pointer: event.pointerId };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.pointer !== event.pointerId) return;
    onWidth(start.width + event.clientX - start.x);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer === event.pointerId) drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? WIDTH_STEP * 4 : WIDTH_STEP;
    let next: number;
    if (event.key === 'ArrowRight') next = width + step;
    else if (event.key === 'ArrowLeft') next = width - step;
    else if (event.key === 'Home') next = MIN_WIDTH;
    else if (event.key === 'End') next = MAX_WIDTH;
    else return;
    event.preventDefault();
    event.stopPropagation();
    onWidth(next);
  };
  const value = Math.round(width);
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-description={t('register.resizeHint')}
      aria-valuenow={value}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuetext={t('register.widthValue', { width: value })}
      tabIndex={0}
      className="rec-col-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
