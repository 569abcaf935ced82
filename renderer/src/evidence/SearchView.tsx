/**
 * Search of the whole project (Ctrl/Cmd+F anywhere): document pages, excerpts, cells and memos, case- and
 * diacritic-insensitive in Latin and Cyrillic alike. Results come grouped by source with the matched words marked;
 * the list is driven by the keyboard (Down from the field, Up/Down, Home/End, Enter opens).
 *
 * Snippets are plain text with match markers: they are cut at the markers into text nodes and <mark> elements,
 * never parsed as HTML.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHitDto, SearchKind, SourceKind } from '../../../electron/contract/api';
import { SEARCH_CANDIDATES, SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../electron/contract/api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { useRecordStore } from '../record/record-store';
import { InlineAlert } from '../ui/InlineAlert';
import { MOD } from '../shell/keyboard';
import { frameworkOf, orderStages } from '../matrix/matrix-model';
import { useProject } from '../workbench-context';
import { cellLabel } from './cells';
import { SOURCE_KIND_MESSAGES } from './format';
import { RichMsg } from './RichMsg';
import { useEvidenceQuery, useEvidenceState, useEvidenceStore, useList } from './store';
import { firstRunLength, snippetParts } from './text-ranges';
import { KindSelect } from './ui';

const KINDS: { kind: SearchKind; label: MessageId }[] = [
  { kind: 'page', label: 'search.kindPages' },
  { kind: 'excerpt', label: 'search.kindExcerpts' },
  { kind: 'cell', label: 'search.kindCells' },
  { kind: 'memo', label: 'search.kindMemos' },
  { kind: 'claim', label: 'search.kindClaims' },
  { kind: 'election', label: 'search.kindElections' },
  { kind: 'mission', label: 'search.kindMissions' },
  { kind: 'source', label: 'search.kindSources' },
  { kind: 'code', label: 'search.kindCodes' },
];

type Translate = ReturnType<typeof useT>;

/** What a hit is, shown above its snippet. */
function hitWhere(hit: SearchHitDto, cell: (target: NonNullable<SearchHitDto['cell']>) => string, t: Translate): string {
  switch (hit.kind) {
    case 'page':
      return t('search.hitPage', { page: hit.page ?? '?' });
    case 'excerpt':
      return hit.page !== null ? t('search.hitExcerptPage', { page: hit.page }) : t('search.hitExcerpt');
    case 'cell':
      return hit.cell ? t('search.hitCellIn', { cell: cell(hit.cell) }) : t('search.hitCell');
    case 'memo':
      return t('search.hitMemo');
    case 'claim':
      return t('search.hitClaim', { label: hit.label ?? '' });
    case 'election':
      return t('search.hitElection', { label: hit.label ?? '' });
    case 'mission':
      return t('search.hitMission', { label: hit.label ?? '' });
    case 'source':
      return t('search.hitSource');
    case 'code':
      return t('search.hitCode', { label: hit.label ?? '' });
  }
}

const LIMIT = 200;

/** Search syntax and key names: the same in every interface language. */
const OR = 'OR';
const ENTER = 'Enter';
const SEPARATOR = ' · ';

const BOUNDED_NOUNS: Record<SearchKind, MessageId> = {
  page: 'search.nounPages',
  excerpt: 'search.nounExcerpts',
  cell: 'search.nounCells',
  memo: 'search.nounMemos',
  claim: 'search.nounClaims',
  election: 'search.nounElections',
  mission: 'search.nounMissions',
  source: 'search.nounSources',
  code: 'search.nounCodes',
};

/**
 * "pages", "pages and excerpts", "pages, excerpts and cells" — from the catalogue, not Intl.ListFormat, which in
 * Chromium has no Kazakh and would join them with commas only.
 */
function listed(nouns: string[], t: Translate): string {
  return nouns.length <= 1 ? nouns.join('') : t('search.listAnd', { items: nouns.slice(0, -1).join(', '), last: nouns.at(-1)! });
}

export function Snippet({ text }: { text: string }) {
  const parts = useMemo(() => snippetParts(text, SNIPPET_OPEN, SNIPPET_CLOSE), [text]);
  return (
    <span className="ev-snippet">
      {parts.map((part, i) => {
        const shown = part.text.replace(/\s+/g, ' ');
        return part.match ? <mark key={i}>{shown}</mark> : <span key={i}>{shown}</span>;
      })}
    </span>
  );
}

export function SearchView() {
  const t = useT();
  const store = useEvidenceStore();
  const record = useRecordStore();
  const filters = useEvidenceState((s) => s.search);
  const focusRequest = useEvidenceState((s) => s.searchFocus);
  const { overview } = useProject();
  const excerpts = useList('excerpts');
  const [text, setText] = useState(filters.q);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  // Typing searches after a short pause; Enter at once.
  useEffect(() => {
    if (text === filters.q) return undefined;
    const timer = setTimeout(() => store.setSearch({ q: text }), 250);
    return () => clearTimeout(timer);
  }, [text, filters.q, store]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  const input =
    filters.q.trim() === ''
      ? null
      : {
          q: filters.q,
          kinds: filters.kinds.length > 0 ? filters.kinds : undefined,
          sourceKinds: filters.sourceKind ? [filters.sourceKind] : undefined,
          caseIds: filters.caseId ? [filters.caseId] : undefined,
          normIds: filters.normId ? [filters.normId] : undefined,
          stageIds: filters.stageId ? [filters.stageId] : undefined,
          limit: LIMIT,
        };
  const result = useEvidenceQuery('search.query', input);

  const cases = overview?.cases.filter((c) => !c.archived) ?? [];
  const norms = overview?.norms.filter((n) => !n.archived) ?? [];
  const norm = norms.find((n) => n.id === filters.normId);
  const stageFrameworks = norm
    ? [frameworkOf(norm, overview?.frameworks ?? [])].filter((f) => f !== undefined)
    : (overview?.frameworks ?? []).filter((f) => norms.some((n) => frameworkOf(n, overview?.frameworks ?? [])?.id === f.id));

  const kinds = filters.kinds.length > 0 ? filters.kinds : KINDS.map((k) => k.kind);
  const toggleKind = (kind: SearchKind, on: boolean) => {
    const next = on ? [...kinds, kind] : kinds.filter((k) => k !== kind);
    if (next.length === 0) return;
    store.setSearch({ kinds: next.length === KINDS.length ? [] : next });
  };

  const open = (hit: SearchHitDto) => {
    setNotice(null);
    if (hit.kind === 'page' && hit.documentId) {
      store.openDocument(hit.documentId, { page: hit.page, start: hit.offset, words: hit.offset !== null ? firstRunLength(hit.snippet, SNIPPET_OPEN, SNIPPET_CLOSE) : 0 });
    } else if (hit.kind === 'excerpt') {
      const excerpt = excerpts.data?.find((e) => e.id === hit.refId);
      if (excerpt) store.openExcerpt(excerpt);
      else setNotice(t('search.excerptGone'));
    } else if (hit.kind === 'cell' && hit.cell) {
      store.showCell(hit.cell);
    } else if (hit.kind === 'claim') {
      record.navigate({ kind: 'page', page: 'claims' });
    } else if (hit.kind === 'election' || hit.kind === 'mission') {
      record.navigate({ kind: 'page', page: 'observation' });
    } else if (hit.kind === 'source') {
      store.selectSource(hit.refId);
    } else if (hit.kind === 'code') {
      store.showCode(hit.refId);
    } else if (hit.kind === 'memo') {
      // Opened where it is written: its cell, source, excerpt, norm or case.
      const target = hit.memoTarget;
      if (hit.cell) store.showCell(hit.cell);
      else if (target?.type === 'source') store.selectSource(target.id);
      else if (target?.type === 'excerpt') {
        const excerpt = excerpts.data?.find((e) => e.id === target.id);
        if (excerpt) store.openExcerpt(excerpt);
        else setNotice(t('evidence.memoExcerptGone'));
      } else if (target?.type === 'norm') store.showNorm(target.id);
      else if (target?.type === 'case') store.showCase(target.id);
      else if (target?.type === 'cell') setNotice(t('evidence.memoCellArchived'));
      else setNotice(t('search.projectMemo'));
    }
  };

  const moveFocus = (from: HTMLElement | null, step: number | 'first' | 'last') => {
    const hits = Array.from(resultsRef.current?.querySelectorAll<HTMLElement>('[data-hit]') ?? []);
    if (hits.length === 0) return;
    const at = from ? hits.indexOf(from) : -1;
    const next = step === 'first' ? 0 : step === 'last' ? hits.length - 1 : Math.max(0, Math.min(hits.length - 1, at + step));
    hits[next]?.focus();
  };

  const onResultsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-hit')) return;
    switch (event.key) {
      case 'ArrowDown':
        moveFocus(target, 1);
        break;
      case 'ArrowUp':
        if (target === resultsRef.current?.querySelector('[data-hit]')) inputRef.current?.focus();
        else moveFocus(target, -1);
        break;
      case 'Home':
        moveFocus(target, 'first');
        break;
      case 'End':
        moveFocus(target, 'last');
        break;
      case 'Escape':
        inputRef.current?.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const data = result.data;
  let tabStopGiven = false;

  return (
    <section className="ev-view ev-search" aria-labelledby="ev-search-title" data-testid="search-view">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{t('evidence.navEvidence')}</p>
          <h2 id="ev-search-title" className="matrix-norm">
            {t('evidence.navSearch')}
          </h2>
        </div>
      </header>
      <form
        className="ev-search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          store.setSearch({ q: text });
        }}
      >
        <input
          ref={inputRef}
          type="search"
          className="text-input ev-search-input"
          aria-label={t('search.searchProject')}
          aria-describedby="ev-search-hint"
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              moveFocus(null, 'first');
            }
          }}
        />
        <button type="submit" className="button">
          {t('search.search')}
        </button>
      </form>
      <p id="ev-search-hint" className="muted small ev-search-hint">
        <span>
          <RichMsg id="search.hintWords" />
        </span>
        <span>
          <RichMsg id="search.hintPhrases" />
        </span>
        <span>
          <RichMsg id="search.hintPrefix" />
        </span>
        <span>
          <RichMsg id="search.hintEither" values={{ or: OR }} />
        </span>
        <span>{t('search.hintCase', { shortcut: `${MOD}F` })}</span>
      </p>

      <div className="ev-search-filters" role="group" aria-label={t('search.filters')}>
        <fieldset className="ev-kind-checks">
          <legend className="visually-hidden">{t('search.whatToSearch')}</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="check">
              <input type="checkbox" checked={kinds.includes(k.kind)} onChange={(e) => toggleKind(k.kind, e.target.checked)} />
              {t(k.label)}
            </label>
          ))}
        </fieldset>
        <KindSelect
          label={t('evidence.kindOfSource')}
          value={filters.sourceKind}
          onChange={(sourceKind: SourceKind | '') => store.setSearch({ sourceKind })}
          allowAny
          anyLabel={t('search.anySourceKind')}
        />
        <select className="native-select" aria-label={t('evidence.case')} value={filters.caseId} onChange={(e) => store.setSearch({ caseId: e.target.value })}>
          <option value="">{t('search.anyCase')}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select className="native-select" aria-label={t('evidence.norm')} value={filters.normId} onChange={(e) => store.setSearch({ normId: e.target.value, stageId: '' })}>
          <option value="">{t('search.anyNorm')}</option>
          {norms.map((n) => (
            <option key={n.id} value={n.id}>
              {n.shortLabel || n.label}
            </option>
          ))}
        </select>
        <select className="native-select" aria-label={t('evidence.stage')} value={filters.stageId} onChange={(e) => store.setSearch({ stageId: e.target.value })}>
          <option value="">{t('search.anyStage')}</option>
          {stageFrameworks.map((f) =>
            stageFrameworks.length > 1 ? (
              <optgroup key={f.id} label={f.name}>
                {orderStages(f.stages).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.position} {s.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              orderStages(f.stages).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.position} {s.label}
                </option>
              ))
            ),
          )}
        </select>
      </div>
      {filters.caseId || filters.normId || filters.stageId ? (
        <p className="muted small">{t('search.cellFilterNote')}</p>
      ) : null}

      {result.error ? <InlineAlert message={result.error.message} actionLabel={t('evidence.tryAgain')} onAction={result.reload} /> : null}
      {notice ? <InlineAlert message={notice} actionLabel={t('evidence.dismiss')} onAction={() => setNotice(null)} /> : null}

      <p className="muted small ev-search-status" role="status" aria-live="polite">
        {input === null
          ? null
          : result.loading && !data
            ? t('search.searching')
            : data
              ? data.total === 0
                ? t('search.nothingFound', { q: data.query })
                : t('search.results', { count: data.total }) +
                  (data.total >= LIMIT ? t('search.firstOnly', { limit: LIMIT }) : '') +
                  (result.loading ? t('search.stillSearching') : '')
              : null}
      </p>
      {data && data.bounded.length > 0 ? (
        <p className="muted small" data-testid="search-bounded">
          {t('search.bounded', { count: SEARCH_CANDIDATES, nouns: listed(data.bounded.map((k) => t(BOUNDED_NOUNS[k])), t) })}
        </p>
      ) : null}

      <div ref={resultsRef} className="ev-results" onKeyDown={onResultsKeyDown} data-testid="search-results">
        {input === null ? (
          <p className="muted ev-empty">{t('search.typeToSearch')}</p>
        ) : null}
        {data?.groups.map((group) => (
          <section key={group.source?.id ?? 'none'} className="ev-result-group" aria-label={group.source ? group.source.title : t('search.noSource')}>
            <h3 className="ev-result-source">
              <span className="ev-result-source-title">{group.source ? group.source.title : t('search.noSource')}</span>
              <span className="muted small">
                {group.source ? t(SOURCE_KIND_MESSAGES[group.source.kind]) + SEPARATOR : null}
                {t('search.hits', { count: group.hits.length })}
              </span>
            </h3>
            <ul className="ev-hit-list">
              {group.hits.map((hit) => {
                const tabStop = !tabStopGiven;
                tabStopGiven = true;
                const where = hitWhere(hit, (cell) => cellLabel(overview, cell), t);
                return (
                  <li key={`${hit.kind}:${hit.refId}:${hit.page ?? ''}`}>
                    <button type="button" className={`ev-hit is-${hit.kind}`} data-hit={hit.kind} tabIndex={tabStop ? 0 : -1} onClick={() => open(hit)}>
                      <span className="ev-hit-where">{where}</span>
                      <Snippet text={hit.snippet} />
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

export function SearchHelp() {
  const t = useT();
  return (
    <div className="details" data-testid="search-help">
      <h2 className="pane-heading">{t('search.helpTitle')}</h2>
      <dl className="ev-help">
        <dt>{t('search.helpWords')}</dt>
        <dd>{t('search.helpWordsText')}</dd>
        <dt>{t('search.helpPhrases')}</dt>
        <dd>{t('search.helpPhrasesText')}</dd>
        <dt>{t('search.helpBeginnings')}</dt>
        <dd>{t('search.helpBeginningsText')}</dd>
        <dt>{t('search.helpEither')}</dt>
        <dd>{t('search.helpEitherText', { or: OR })}</dd>
        <dt>{t('search.helpLetters')}</dt>
        <dd>{t('search.helpLettersText')}</dd>
      </dl>
      <p className="muted small">{t('search.helpKeys', { enter: ENTER })}</p>
      <p className="muted small ev-help-note">{t('search.realNamesNote')}</p>
    </div>
  );
}
