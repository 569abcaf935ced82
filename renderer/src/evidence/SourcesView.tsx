/**
 * The project's sources as a dense, virtualised table (title, authors, year, kind, documents, excerpts), filtered by
 * text and kind and sorted by any column; the selected source opens in the details pane. Imports of documents and
 * bibliographies start here, and their progress is shown here while they run.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { SourceDto, SourceKind } from '../../../electron/contract/api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { BibliographyExportDialog, BibliographyImportDialog, ImportDocumentsDialog, NewSourceDialog } from './dialogs';
import { ImportProgress } from './ImportProgress';
import { SOURCE_KIND_MESSAGES } from './format';
import { useEvidenceState, useEvidenceStore, useList } from './store';
import { KindSelect } from './ui';

type SortKey = 'title' | 'authors' | 'year' | 'kind' | 'documents' | 'excerpts';

const COLUMNS: { key: SortKey; label: MessageId; numeric?: boolean }[] = [
  { key: 'title', label: 'evidence.title' },
  { key: 'authors', label: 'evidence.authors' },
  { key: 'year', label: 'evidence.year', numeric: true },
  { key: 'kind', label: 'evidence.kind' },
  { key: 'documents', label: 'evidence.docs', numeric: true },
  { key: 'excerpts', label: 'evidence.excerpts', numeric: true },
];

/** The key's name as printed on keyboards everywhere. */
const ENTER = 'Enter';
const ASCENDING = ' ↑';
const DESCENDING = ' ↓';

type KindName = (kind: SourceKind) => string;

const ROW_HEIGHT = 28;

function compare(a: SourceDto, b: SourceDto, key: SortKey, kindName: KindName, locale: string): number {
  switch (key) {
    case 'title':
      return a.title.localeCompare(b.title, locale, { sensitivity: 'base' });
    case 'authors':
      return a.authors.localeCompare(b.authors, locale, { sensitivity: 'base' });
    case 'year':
      return (a.year ?? -Infinity) - (b.year ?? -Infinity);
    case 'kind':
      return kindName(a.kind).localeCompare(kindName(b.kind), locale);
    case 'documents':
      return a.documentCount - b.documentCount;
    case 'excerpts':
      return a.excerptCount - b.excerptCount;
  }
}

function matches(source: SourceDto, words: string[], kindName: KindName): boolean {
  if (words.length === 0) return true;
  const haystack = `${source.title} ${source.authors} ${source.year ?? ''} ${source.citationKey} ${kindName(source.kind)}`.toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function SourcesView() {
  const t = useT();
  const intl = useIntl();
  const store = useEvidenceStore();
  const sources = useList('sources');
  const documents = useList('documents');
  const selectedId = useEvidenceState((s) => s.sourceId);
  const [filter, setFilter] = useState('');
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'title', dir: 1 });
  const [dialog, setDialog] = useState<'documents' | 'bibliography' | 'export' | 'new' | null>(null);
  const deferredFilter = useDeferredValue(filter);
  const scrollRef = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => {
    const kindName: KindName = (k) => t(SOURCE_KIND_MESSAGES[k]);
    const words = deferredFilter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const list = (sources.data ?? []).filter((s) => (kind === '' || s.kind === kind) && matches(s, words, kindName));
    return list.sort((a, b) => compare(a, b, sort.key, kindName, intl.locale) * sort.dir || a.title.localeCompare(b.title, intl.locale));
  }, [sources.data, deferredFilter, kind, sort, t, intl.locale]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, never memoised
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const activeIndex = shown.findIndex((s) => s.id === selectedId);

  // A new filter, kind or order keeps the selected source in view.
  const activeRef = useRef(activeIndex);
  activeRef.current = activeIndex;
  useEffect(() => {
    if (activeRef.current >= 0) virtualizer.scrollToIndex(activeRef.current, { align: 'auto' });
  }, [deferredFilter, kind, sort, virtualizer]);

  const select = (index: number) => {
    const source = shown[Math.max(0, Math.min(index, shown.length - 1))];
    if (!source) return;
    store.selectSource(source.id, false);
    virtualizer.scrollToIndex(shown.indexOf(source), { align: 'auto' });
  };

  const openFirstDocument = (source: SourceDto) => {
    const first = documents.data?.find((d) => d.sourceId === source.id);
    if (first) store.openDocument(first.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const at = activeIndex;
    switch (event.key) {
      case 'ArrowDown':
        select(at + 1);
        break;
      case 'ArrowUp':
        select(at < 0 ? 0 : at - 1);
        break;
      case 'PageDown':
        select(at + page);
        break;
      case 'PageUp':
        select(at - page);
        break;
      case 'Home':
        select(0);
        break;
      case 'End':
        select(shown.length - 1);
        break;
      case 'Enter': {
        const source = shown[at];
        if (source) openFirstDocument(source);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  const total = sources.data?.length ?? 0;
  const filtered = filter.trim() !== '' || kind !== '';

  return (
    <section className="ev-view ev-sources" aria-labelledby="ev-sources-title" data-testid="sources-view">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{t('evidence.navEvidence')}</p>
          <h2 id="ev-sources-title" className="matrix-norm">
            {t('evidence.navSources')}
          </h2>
          <p className="muted">
            {t('evidence.sourcesSummary', {
              count: sources.data
                ? filtered
                  ? t('evidence.sourcesShownOf', { shown: shown.length, count: total })
                  : t('evidence.sourcesCount', { count: total })
                : t('evidence.loading'),
            })}
          </p>
        </div>
        <div className="button-row ev-header-actions">
          <button type="button" className="button" onClick={() => setDialog('documents')}>
            {t('evidence.importDocumentsButton')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('bibliography')}>
            {t('evidence.importBibliographyButton')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('export')} disabled={total === 0}>
            {t('evidence.exportBibliographyButton')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('new')}>
            <PlusIcon /> {t('evidence.newSourceButton')}
          </button>
        </div>
      </header>

      <ImportProgress />

      <div className="ev-filter-row" role="search" aria-label={t('evidence.filterSources')}>
        <input
          type="search"
          className="text-input ev-filter"
          aria-label={t('evidence.filterSources')}
          placeholder={t('evidence.filterSourcesPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              scrollRef.current?.focus();
              if (activeIndex < 0) select(0);
            }
          }}
        />
        <KindSelect label={t('evidence.kindOfSource')} value={kind} onChange={setKind} allowAny />
      </div>

      {sources.error ? <InlineAlert message={sources.error.message} actionLabel={t('evidence.tryAgain')} onAction={sources.retry} /> : null}

      {sources.data && total === 0 ? (
        <p className="muted ev-empty">{t('evidence.noSources')}</p>
      ) : (
        <div className="ev-table" data-testid="source-table">
          <div className="ev-row ev-row-head" role="presentation">
            {COLUMNS.map((c) => (
              <button
                key={c.key}
                type="button"
                className={`ev-col-head${c.numeric ? ' is-numeric' : ''}`}
                title={t(c.label)}
                aria-label={t(sort.key !== c.key ? 'evidence.sortBy' : sort.dir === 1 ? 'evidence.sortByAscending' : 'evidence.sortByDescending', { column: t(c.label) })}
                onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : c.numeric ? -1 : 1 }))}
              >
                {t(c.label)}
                {sort.key === c.key ? <span aria-hidden="true">{sort.dir === 1 ? ASCENDING : DESCENDING}</span> : null}
              </button>
            ))}
          </div>
          <div
            ref={scrollRef}
            className="ev-table-body"
            role="listbox"
            aria-label={t('evidence.navSources')}
            tabIndex={0}
            aria-activedescendant={activeIndex >= 0 ? `ev-source-${shown[activeIndex]!.id}` : undefined}
            onKeyDown={onKeyDown}
            onFocus={() => {
              if (activeIndex < 0 && shown.length > 0) store.selectSource(shown[0]!.id, false);
            }}
          >
            {filtered && shown.length === 0 ? <p className="muted ev-empty">{t('evidence.noSourceMatches', { count: total })}</p> : null}
            <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const source = shown[item.index]!;
                const selected = source.id === selectedId;
                return (
                  <div
                    key={source.id}
                    id={`ev-source-${source.id}`}
                    role="option"
                    aria-selected={selected}
                    className={`ev-row ev-source-row${selected ? ' is-selected' : ''}`}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                    onClick={() => store.selectSource(source.id, false)}
                    onDoubleClick={() => openFirstDocument(source)}
                    title={source.title}
                    data-source-id={source.id}
                  >
                    <span className="ev-cell ev-cell-title">{source.title}</span>
                    <span className="ev-cell muted">{source.authors}</span>
                    <span className="ev-cell is-numeric">{source.year ?? ''}</span>
                    <span className="ev-cell">{t(SOURCE_KIND_MESSAGES[source.kind])}</span>
                    <span className="ev-cell is-numeric">{source.documentCount || ''}</span>
                    <span className="ev-cell is-numeric">{source.excerptCount || ''}</span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      <p className="matrix-hint muted">{t('evidence.sourcesKeys', { enter: ENTER })}</p>

      {dialog === 'documents' ? <ImportDocumentsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'bibliography' ? <BibliographyImportDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' ? (
        <BibliographyExportDialog
          onClose={() => setDialog(null)}
          all={sources.data ?? []}
          shown={filtered ? shown : null}
          selected={sources.data?.find((s) => s.id === selectedId) ?? null}
        />
      ) : null}
      {dialog === 'new' ? (
        <NewSourceDialog
          onClose={() => setDialog(null)}
          onCreated={(source) => {
            setDialog(null);
            store.selectSource(source.id, false);
          }}
        />
      ) : null}
    </section>
  );
}
