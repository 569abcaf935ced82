/**
 * Every memo of the project in one list (on cells — the assessment's memo and memos added to it — cases, norms,
 * sources and excerpts), newest first, filtered by what it is on and by words in it or in what it is on. Each
 * leads to its object: the cell in the matrix, the case or norm with its editor, the source, the excerpt.
 * Up/Down move through the list, Enter opens.
 */
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MemoOverviewItem, MemoTarget } from '../../../electron/contract/api';
import { InlineAlert } from '../ui/InlineAlert';
import { plural, shorten } from './format';
import { useEvidenceQuery, useEvidenceStore, useList } from './store';
import './memo-overview.css';

const KINDS: { kind: MemoTarget; label: string }[] = [
  { kind: 'cell', label: 'Cells' },
  { kind: 'case', label: 'Cases' },
  { kind: 'norm', label: 'Norms' },
  { kind: 'source', label: 'Sources' },
  { kind: 'excerpt', label: 'Excerpts' },
  { kind: 'project', label: 'Project' },
];

const KIND_LABEL: Record<MemoTarget, string> = { cell: 'Cell', case: 'Case', norm: 'Norm', source: 'Source', excerpt: 'Excerpt', project: 'Project' };

/** Lower case without diacritics, so that "resume" finds "résumé" and "қазақ" finds "ҚАЗАҚ". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase();
}

function dateOf(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function MemoOverview() {
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
        else setNotice('The cell this memo is on has been archived; restore it to see the memo in place.');
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
        else setNotice('The excerpt this memo is on is no longer in the project.');
        return;
      }
      case 'project':
        setNotice('This memo is on the project as a whole; it is shown here only.');
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
          <p className="eyebrow">Evidence</p>
          <h2 id="mo-title" className="matrix-norm">
            Memos
          </h2>
          <p className="muted">
            {memos.data ? (shown.length === all.length ? plural(all.length, 'memo') : `${shown.length} of ${plural(all.length, 'memo')}`) : 'Loading…'} · on cells, cases,
            norms, sources and excerpts, newest first.
          </p>
        </div>
      </header>
      <div className="ev-filter-row mo-filters" role="search" aria-label="Filter memos">
        <input
          type="search"
          className="text-input ev-filter"
          aria-label="Search memos"
          placeholder="Words in a memo or in what it is on…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          aria-controls="mo-list"
          aria-activedescendant={shown[at] ? `mo-${shown[at].key}` : undefined}
        />
        <div className="mo-kinds" role="radiogroup" aria-label="Memos on">
          {[{ kind: '' as const, label: 'All' }, ...KINDS].map((k) => {
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
                {k.label} <span className="muted">{n}</span>
              </button>
            );
          })}
        </div>
      </div>
      {memos.error ? <InlineAlert message={memos.error.message} actionLabel="Try again" onAction={memos.reload} /> : null}
      {notice ? <InlineAlert message={notice} actionLabel="Dismiss" onAction={() => setNotice(null)} /> : null}
      {memos.data && all.length === 0 ? (
        <p className="muted ev-empty">No memos yet. Write one in a cell’s editor, on a case or norm, a source or an excerpt: they all gather here.</p>
      ) : memos.data && shown.length === 0 ? (
        <p className="muted ev-empty">No memo matches.</p>
      ) : null}
      {/* Focusable too, so the list can be scrolled and walked from the keyboard without the search field. */}
      <ul
        ref={listRef}
        id="mo-list"
        className="mo-list"
        role="listbox"
        aria-label="Memos"
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
              <span className="ev-kind-tag mo-kind">{KIND_LABEL[memo.kind]}</span>
              <span className="mo-label">{memo.label}</span>
              {memo.memoId === null ? <span className="muted small"> (the assessment’s memo)</span> : null}
            </span>
            <span className="mo-text">{shorten(memo.text, 400)}</span>
            <span className="muted small">{dateOf(memo.updatedAt)}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">Up/Down move · Enter opens the memo where it is written</p>
    </section>
  );
}
