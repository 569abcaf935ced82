/**
 * Every memo of the project in one list (on cells — the assessment's memo and memos added to it — cases, norms,
 * sources and excerpts), newest first, filtered by what it is on and by words in it or in what it is on. Each
 * leads to its object: the cell in the matrix, the case or norm with its editor, the source, the excerpt.
 * Up/Down move through the list, Enter opens.
 */
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MemoOverviewItem, MemoTarget } from '../../../electron/contract/api';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { useFormatDay } from './use-day';
import { shorten } from './format';
import { useEvidenceQuery, useEvidenceStore, useList } from './store';
import './memo-overview.css';

const KINDS: { kind: MemoTarget; label: MessageId }[] = [
  { kind: 'cell', label: 'evidence.memoOnCells' },
  { kind: 'case', label: 'evidence.memoOnCases' },
  { kind: 'norm', label: 'evidence.memoOnNorms' },
  { kind: 'source', label: 'evidence.memoOnSources' },
  { kind: 'excerpt', label: 'evidence.memoOnExcerpts' },
  { kind: 'project', label: 'evidence.memoOnProject' },
];

const KIND_LABEL: Record<MemoTarget, MessageId> = {
  cell: 'evidence.memoKindCell',
  case: 'evidence.memoKindCase',
  norm: 'evidence.memoKindNorm',
  source: 'evidence.memoKindSource',
  excerpt: 'evidence.memoKindExcerpt',
  project: 'evidence.memoKindProject',
};

/** The key's name as printed on keyboards everywhere. */
const ENTER = 'Enter';

/** Lower case without diacritics, so that "resume" finds "résumé" and "қазақ" finds "ҚАЗАҚ". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase();
}

export function MemoOverview() {
  const t = useT();
  const intl = useIntl();
  const formatDay = useFormatDay();
  const store = useEvidenceStore();
  const memos = useEvidenceQuery('memos.overview', {});
  const excerpts = useList('excerpts');
  const [kind, setKind] = useState<MemoTarget | ''>('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const listRef = useRef<HTMLUListElement>(null);
  const all = useMemo(() => memos.data ?? [], [memos.data]);

  const counts = useMemo(() => {
    const map = new Map<MemoTarget, number>();
    for (const m of all) map.set(m.kind, (map.get(m.kind) ?? 0) + 1);
    return map;
  }, [all]);

  const shown = useMemo(() => {
    const words = fold(deferred).split(/\s+/).filter(Boolean);
    return all.filter((m) => (kind === '' || m.kind === kind) && (words.length === 0 || words.every((w) => fold(`${m.text} ${m.label}`).includes(w))));
  }, [all, kind, deferred]);

  const open = (memo: MemoOverviewItem) => {
    setNotice(null);
    switch (memo.kind) {
      case 'cell':
        if (memo.cell) store.showCell(memo.cell);
        else setNotice(t('evidence.memoCellArchived'));
        return;
      case 'case':
        store.showCase(memo.targetId);
        return;
      case 'norm':
        store.showNorm(memo.targetId);
        return;
      case 'source':
        store.selectSource(memo.targetId);
        return;
      case 'excerpt': {
        const excerpt = excerpts.data?.find((e) => e.id === memo.targetId);
        if (excerpt) store.openExcerpt(excerpt);
        else setNotice(t('evidence.memoExcerptGone'));
        return;
      }
      case 'project':
        setNotice(t('evidence.memoOnWholeProject'));
        return;
    }
  };

  const at = Math.min(active, Math.max(0, shown.length - 1));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    let next = at;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, shown.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Enter' && shown[at]) {
      event.preventDefault();
      open(shown[at]);
      return;
    } else return;
    event.preventDefault();
    setActive(next);
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section className="ev-view mo-view" aria-labelledby="mo-title" data-testid="memo-overview">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{t('evidence.navEvidence')}</p>
          <h2 id="mo-title" className="matrix-norm">
            {t('evidence.memos')}
          </h2>
          <p className="muted">
            {t('evidence.memoSummary', {
              count: memos.data
                ? shown.length === all.length
                  ? t('evidence.memoCount', { count: all.length })
                  : t('evidence.memoShownOf', { shown: shown.length, count: all.length })
                : t('evidence.loading'),
            })}
          </p>
        </div>
      </header>
      <div className="ev-filter-row mo-filters" role="search" aria-label={t('evidence.filterMemos')}>
        <input
          type="search"
          className="text-input ev-filter"
          aria-label={t('evidence.searchMemos')}
          placeholder={t('evidence.searchMemosPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          aria-controls="mo-list"
          aria-activedescendant={shown[at] ? `mo-${shown[at].key}` : undefined}
        />
        <div className="mo-kinds" role="radiogroup" aria-label={t('evidence.memosOn')}>
          {[{ kind: '' as const, label: 'evidence.all' as MessageId }, ...KINDS].map((k) => {
            const n = k.kind === '' ? all.length : (counts.get(k.kind) ?? 0);
            if (k.kind !== '' && n === 0 && kind !== k.kind) return null;
            return (
              <button
                key={k.kind || 'all'}
                type="button"
                role="radio"
                aria-checked={kind === k.kind}
                className="button button-small"
                onClick={() => {
                  setKind(k.kind);
                  setActive(0);
                }}
              >
                {t(k.label)} <span className="muted">{intl.formatNumber(n)}</span>
              </button>
            );
          })}
        </div>
      </div>
      {memos.error ? <InlineAlert message={memos.error.message} actionLabel={t('evidence.tryAgain')} onAction={memos.reload} /> : null}
      {notice ? <InlineAlert message={notice} actionLabel={t('evidence.dismiss')} onAction={() => setNotice(null)} /> : null}
      {memos.data && all.length === 0 ? (
        <p className="muted ev-empty">{t('evidence.noMemos')}</p>
      ) : memos.data && shown.length === 0 ? (
        <p className="muted ev-empty">{t('evidence.noMemoMatches')}</p>
      ) : null}
      {/* Focusable too, so the list can be scrolled and walked from the keyboard without the search field. */}
      <ul
        ref={listRef}
        id="mo-list"
        className="mo-list"
        role="listbox"
        aria-label={t('evidence.memos')}
        tabIndex={0}
        aria-activedescendant={shown[at] ? `mo-${shown[at].key}` : undefined}
        onKeyDown={onKeyDown}
      >
        {shown.map((memo, index) => (
          <li
            key={memo.key}
            id={`mo-${memo.key}`}
            role="option"
            aria-selected={index === at}
            data-index={index}
            data-kind={memo.kind}
            className={`mo-item${index === at ? ' is-active' : ''}`}
            onMouseEnter={() => setActive(index)}
            onClick={() => open(memo)}
          >
            <span className="mo-where">
              <span className="ev-kind-tag mo-kind">{t(KIND_LABEL[memo.kind])}</span>
              <span className="mo-label">{memo.label}</span>
              {memo.memoId === null ? <span className="muted small">{t('evidence.assessmentMemo')}</span> : null}
            </span>
            <span className="mo-text">{shorten(memo.text, 400)}</span>
            <span className="muted small">{formatDay(memo.updatedAt)}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('evidence.memoKeys', { enter: ENTER })}</p>
    </section>
  );
}
