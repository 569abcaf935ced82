import { memo, useDeferredValue, useState, type KeyboardEvent } from 'react';
import type { CaseDto, NormDto } from '../../../electron/contract/api';
import type { EvidencePage } from '../evidence/nav';
import { EVIDENCE_NAV_IDS, EvidenceNavItems } from '../evidence/NavItems';
import { FocalMarker } from '../matrix/FocalMarker';
import { ChevronIcon, PlusIcon } from '../ui/icons';
import { RECORD_NAV_IDS, RecordNavItems, type RecordPage } from '../record/RecordPages';
import { SortableList } from '../ui/SortableList';
import { QCA_NAV_ID, QcaNavItem } from '../qca/QcaNavItem';
import { useT } from '../i18n/use-t';
import { SPACE } from '../ui/marks';

export type Page = 'matrix' | 'frameworks' | RecordPage | EvidencePage | 'qca';

interface SidebarProps {
  /** Every case: live ones (focal first, then in order), then archived ones. */
  cases: CaseDto[];
  norms: NormDto[];
  page: Page;
  onPage: (page: Page) => void;
  /** The norm the matrix shows alone, if it shows one. */
  currentNormId: string | undefined;
  selectedCaseId: string | undefined;
  selectedNormId: string | undefined;
  onSelectCase: (caseId: string) => void;
  onSelectNorm: (normId: string) => void;
  onAddCase: () => void;
  onAddNorm: () => void;
  onReorderCases: (ids: string[]) => void;
  onReorderNorms: (ids: string[]) => void;
}

/**
 * Rows of a list drawn with the window's first render: more than the pane shows. The rest of a long list (a project
 * of 100 cases) is drawn just after the first frame, at lower priority: each row is a drag-and-drop item, and drawing
 * all of them held the matrix back by a third.
 */
const FIRST_ROWS = 40;

/** An order the user just dropped, shown until the project answers with it (no jump back in between). */
interface Optimistic {
  /** The list it was dropped on: once the project answers with a new list, the answer is shown. */
  basis: unknown;
  ids: string[];
}

function applyOrder<T extends { id: string }>(items: T[], optimistic: Optimistic | null, current: unknown): T[] {
  if (!optimistic || optimistic.basis !== current) return items;
  const ordered = optimistic.ids.map((id) => items.find((i) => i.id === id)).filter((i): i is T => i !== undefined);
  return ordered.length === items.length ? ordered : items;
}

/**
 * Navigation: the project's pages, its cases and its norms. One Tab stop for the whole list (the item last
 * focused); Up/Down, Home and End move within it. A case or norm has a drag handle one Right arrow away: Space
 * picks it up, the arrows move it, Space drops it.
 */
export const Sidebar = memo(function Sidebar({
  cases,
  norms,
  page,
  onPage,
  currentNormId,
  selectedCaseId,
  selectedNormId,
  onSelectCase,
  onSelectNorm,
  onAddCase,
  onAddNorm,
  onReorderCases,
  onReorderNorms,
}: SidebarProps) {
  const t = useT();
  const [focusId, setFocusId] = useState<string>('page:matrix');
  const [showArchived, setShowArchived] = useState(false);
  const [caseOrder, setCaseOrder] = useState<Optimistic | null>(null);
  const [normOrder, setNormOrder] = useState<Optimistic | null>(null);
  // False in the first render only; true in the render React does next, when the window has nothing more urgent.
  const drawnAll = useDeferredValue(true, false);
  const firstRows = <T,>(items: T[]): T[] => (drawnAll ? items : items.slice(0, FIRST_ROWS));

  const liveCases = cases.filter((c) => !c.archived);
  const focal = liveCases.filter((c) => c.role === 'focal');
  const comparison = applyOrder(
    liveCases.filter((c) => c.role !== 'focal'),
    caseOrder,
    cases,
  );
  const liveNorms = applyOrder(
    norms.filter((n) => !n.archived),
    normOrder,
    norms,
  );
  const archivedCases = cases.filter((c) => c.archived);
  const archivedNorms = norms.filter((n) => n.archived);
  const archivedCount = archivedCases.length + archivedNorms.length;

  const ids = [
    'page:matrix',
    'page:frameworks',
    ...EVIDENCE_NAV_IDS,
    ...RECORD_NAV_IDS,
    QCA_NAV_ID,
    'add:case',
    ...liveCases.map((c) => `case:${c.id}`),
    'add:norm',
    ...liveNorms.map((n) => `norm:${n.id}`),
    ...(archivedCount > 0 ? ['archived'] : []),
    ...(showArchived ? [...archivedCases.map((c) => `case:${c.id}`), ...archivedNorms.map((n) => `norm:${n.id}`)] : []),
  ];
  const tabStop = ids.includes(focusId) ? focusId : 'page:matrix';

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.hasAttribute('data-grip')) {
      // A handle belongs to dnd-kit (Space, arrows, Escape while moving); only Left leaves it when nothing is moving.
      if (event.key === 'ArrowLeft' && target.getAttribute('aria-pressed') !== 'true') {
        event.preventDefault();
        target.closest('li')?.querySelector<HTMLElement>('[data-nav-item]')?.focus();
      }
      return;
    }
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-nav-item]'));
    const at = items.findIndex((item) => item === target);
    if (at < 0) return;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(at + 1, items.length - 1);
        break;
      case 'ArrowUp':
        next = Math.max(at - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'ArrowRight': {
        const grip = target.closest('li')?.querySelector<HTMLElement>('[data-grip]');
        if (!grip) return;
        event.preventDefault();
        grip.focus();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  };

  const itemProps = (id: string) => ({
    'data-nav-item': id,
    tabIndex: id === tabStop ? 0 : -1,
    onFocus: () => setFocusId(id),
  });

  const caseButton = (c: CaseDto) => (
    <button
      type="button"
      className="nav-item"
      aria-pressed={selectedCaseId === c.id}
      onClick={() => onSelectCase(c.id)}
      {...itemProps(`case:${c.id}`)}
    >
      <span className="nav-label">{c.name}</span>
      {c.role === 'focal' ? <FocalMarker /> : null}
      {c.isoCode ? <span className="nav-code">{c.isoCode}</span> : null}
    </button>
  );

  const normButton = (n: NormDto) => (
    <button
      type="button"
      className="nav-item nav-item-wrap"
      aria-current={n.id === currentNormId && page === 'matrix' ? 'true' : undefined}
      aria-pressed={selectedNormId === n.id}
      onClick={() => onSelectNorm(n.id)}
      title={n.description || undefined}
      {...itemProps(`norm:${n.id}`)}
    >
      <span className="nav-label">{n.label}</span>
    </button>
  );

  return (
    <nav className="pane pane-nav has-keys-hint" aria-label={t('shell.projectNavigation')} aria-describedby="nav-keys-hint" onKeyDown={onKeyDown}>
      <h2 className="nav-heading">{t('shell.project')}</h2>
      <ul className="nav-list">
        <li>
          <button type="button" className="nav-item" aria-current={page === 'matrix' ? 'page' : undefined} onClick={() => onPage('matrix')} {...itemProps('page:matrix')}>
            <span className="nav-label">{t('shell.matrix')}</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={page === 'frameworks' ? 'page' : undefined}
            onClick={() => onPage('frameworks')}
            {...itemProps('page:frameworks')}
          >
            <span className="nav-label">{t('shell.frameworks')}</span>
          </button>
        </li>
        <EvidenceNavItems page={page} onPage={onPage} itemProps={itemProps} />
        <RecordNavItems page={page} onPage={onPage} itemProps={itemProps} />
        <QcaNavItem page={page} onPage={onPage} itemProps={itemProps} />
      </ul>

      <div className="nav-heading-row">
        <h2 className="nav-heading">{t('shell.cases')}</h2>
        <button type="button" className="nav-add" aria-label={t('shell.addCase')} title={t('shell.addCase')} onClick={onAddCase} {...itemProps('add:case')}>
          <PlusIcon />
        </button>
      </div>
      {liveCases.length === 0 ? (
        <p className="nav-empty">{t('shell.noCases')}</p>
      ) : (
        <div data-testid="case-list">
          <ul className="nav-list">
            {focal.map((c) => (
              <li key={c.id} className="nav-row">
                <span className="grip-space" aria-hidden="true" />
                {caseButton(c)}
              </li>
            ))}
          </ul>
          <SortableList
            className="nav-list"
            items={firstRows(comparison)}
            idOf={(c) => c.id}
            labelOf={(c) => c.name}
            handleTabIndex={-1}
            onReorder={(order) => {
              setCaseOrder({ basis: cases, ids: order });
              onReorderCases([...focal.map((c) => c.id), ...order]);
            }}
            renderItem={(c, handle) => (
              <div className="nav-row">
                {handle}
                {caseButton(c)}
              </div>
            )}
          />
        </div>
      )}

      <div className="nav-heading-row">
        <h2 className="nav-heading">{t('shell.norms')}</h2>
        <button type="button" className="nav-add" aria-label={t('shell.addNorm')} title={t('shell.addNorm')} onClick={onAddNorm} {...itemProps('add:norm')}>
          <PlusIcon />
        </button>
      </div>
      {liveNorms.length === 0 ? (
        <p className="nav-empty">{t('shell.noNorms')}</p>
      ) : (
        <div data-testid="norm-list">
          <SortableList
            className="nav-list"
            items={firstRows(liveNorms)}
            idOf={(n) => n.id}
            labelOf={(n) => n.shortLabel || n.label}
            handleTabIndex={-1}
            onReorder={(order) => {
              setNormOrder({ basis: norms, ids: order });
              onReorderNorms(order);
            }}
            renderItem={(n, handle) => (
              <div className="nav-row">
                {handle}
                {normButton(n)}
              </div>
            )}
          />
        </div>
      )}

      {archivedCount > 0 ? (
        <>
          <button
            type="button"
            className="nav-heading nav-toggle"
            aria-expanded={showArchived}
            onClick={() => setShowArchived((s) => !s)}
            {...itemProps('archived')}
          >
            <ChevronIcon />
            {SPACE}
            {t('shell.archived', { count: archivedCount })}
          </button>
          {showArchived ? (
            <ul className="nav-list nav-archived" data-testid="archived-list">
              {archivedCases.map((c) => (
                <li key={c.id} className="nav-row">
                  <span className="grip-space" aria-hidden="true" />
                  {caseButton(c)}
                </li>
              ))}
              {archivedNorms.map((n) => (
                <li key={n.id} className="nav-row">
                  <span className="grip-space" aria-hidden="true" />
                  {normButton(n)}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {/* Tab reaches one item of this list: the keys that reach the others are shown while it has keyboard focus. */}
      <p id="nav-keys-hint" className="keys-hint">
        {t('shell.navKeys', { up: '↑', down: '↓', home: 'Home', end: 'End', right: '→', space: t('shell.spaceKey') })}
      </p>
    </nav>
  );
});
