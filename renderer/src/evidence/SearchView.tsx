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
import { useRecordStore } from '../record/record-store';
import { InlineAlert } from '../ui/InlineAlert';
import { MOD } from '../shell/keyboard';
import { frameworkOf, orderStages } from '../matrix/matrix-model';
import { useProject } from '../workbench-context';
import { cellLabel } from './cells';
import { plural, SOURCE_KIND_LABELS } from './format';
import { useEvidenceQuery, useEvidenceState, useEvidenceStore, useList } from './store';
import { firstRunLength, snippetParts } from './text-ranges';
import { KindSelect } from './ui';

const KINDS: { kind: SearchKind; label: string }[] = [
  { kind: 'page', label: 'Document pages' },
  { kind: 'excerpt', label: 'Excerpts' },
  { kind: 'cell', label: 'Cells' },
  { kind: 'memo', label: 'Memos' },
  { kind: 'claim', label: 'Claims' },
  { kind: 'election', label: 'Elections' },
  { kind: 'mission', label: 'Missions' },
  { kind: 'source', label: 'Source details' },
  { kind: 'code', label: 'Codes' },
];

/** What a hit is, shown above its snippet. */
function hitWhere(hit: SearchHitDto, cell: (target: NonNullable<SearchHitDto['cell']>) => string): string {
  switch (hit.kind) {
    case 'page':
      return `Page ${hit.page ?? '?'}`;
    case 'excerpt':
      return hit.page !== null ? `Excerpt · p. ${hit.page}` : 'Excerpt';
    case 'cell':
      return hit.cell ? `Cell · ${cell(hit.cell)}` : 'Cell';
    case 'memo':
      return 'Memo';
    case 'claim':
      return `Claim · ${hit.label ?? ''}`;
    case 'election':
      return `Election · ${hit.label ?? ''}`;
    case 'mission':
      return `Mission · ${hit.label ?? ''}`;
    case 'source':
      return 'Source details';
    case 'code':
      return `Code · ${hit.label ?? ''}`;
  }
}

const LIMIT = 200;

/** The group of hits that belong to no source. */
const NO_SOURCE = 'Matrix, memos and records';

const BOUNDED_NOUNS: Record<SearchKind, string> = {
  page: 'pages',
  excerpt: 'excerpts',
  cell: 'cells',
  memo: 'memos',
  claim: 'claims',
  election: 'elections',
  mission: 'missions',
  source: 'sources',
  code: 'codes',
};
/** "pages", "pages and excerpts", "pages, excerpts and cells". */
function boundedNouns(kinds: readonly SearchKind[]): string {
  const nouns = kinds.map((k) => BOUNDED_NOUNS[k]);
  return nouns.length <= 1 ? nouns.join('') : `${nouns.slice(0, -1).join(', ')} and ${nouns.at(-1)!}`;
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
      else setNotice('That excerpt is no longer in the project.');
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
        else setNotice('The excerpt this memo is on is no longer in the project.');
      } else if (target?.type === 'norm') store.showNorm(target.id);
      else if (target?.type === 'case') store.showCase(target.id);
      else if (target?.type === 'cell') setNotice('The cell this memo is on has been archived; restore it to see the memo in place.');
      else setNotice('This memo is on the project as a whole; its text above is all there is to it.');
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
          <p className="eyebrow">Evidence</p>
          <h2 id="ev-search-title" className="matrix-norm">
            Search
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
          aria-label="Search the project"
          aria-describedby="ev-search-hint"
          placeholder="Search documents, excerpts, cells, memos, claims, elections, sources and codes"
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
          Search
        </button>
      </form>
      <p id="ev-search-hint" className="muted small ev-search-hint">
        <span>
          words <code>observer commission</code>
        </span>
        <span>
          phrases <code>"double standards"</code>
        </span>
        <span>
          prefix <code>наблюдат*</code>
        </span>
        <span>
          either <code>Belarus OR Беларусь</code>
        </span>
        <span>case and accents do not matter · {MOD}F from anywhere</span>
      </p>

      <div className="ev-search-filters" role="group" aria-label="Filters">
        <fieldset className="ev-kind-checks">
          <legend className="visually-hidden">What to search</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="check">
              <input type="checkbox" checked={kinds.includes(k.kind)} onChange={(e) => toggleKind(k.kind, e.target.checked)} />
              {k.label}
            </label>
          ))}
        </fieldset>
        <KindSelect label="Kind of source" value={filters.sourceKind} onChange={(sourceKind: SourceKind | '') => store.setSearch({ sourceKind })} allowAny anyLabel="Any kind of source" />
        <select className="native-select" aria-label="Case" value={filters.caseId} onChange={(e) => store.setSearch({ caseId: e.target.value })}>
          <option value="">Any case</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select className="native-select" aria-label="Norm" value={filters.normId} onChange={(e) => store.setSearch({ normId: e.target.value, stageId: '' })}>
          <option value="">Any norm</option>
          {norms.map((n) => (
            <option key={n.id} value={n.id}>
              {n.shortLabel || n.label}
            </option>
          ))}
        </select>
        <select className="native-select" aria-label="Stage" value={filters.stageId} onChange={(e) => store.setSearch({ stageId: e.target.value })}>
          <option value="">Any stage</option>
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
        <p className="muted small">Case, norm and stage keep what is linked to those cells: cells, their excerpts and the documents they come from.</p>
      ) : null}

      {result.error ? <InlineAlert message={result.error.message} actionLabel="Try again" onAction={result.reload} /> : null}
      {notice ? <InlineAlert message={notice} actionLabel="Dismiss" onAction={() => setNotice(null)} /> : null}

      <p className="muted small ev-search-status" role="status" aria-live="polite">
        {input === null
          ? ''
          : result.loading && !data
            ? 'Searching…'
            : data
              ? data.total === 0
                ? `Nothing found for “${data.query}”.`
                : `${plural(data.total, 'result')}${data.total >= LIMIT ? ` (the first ${LIMIT}: narrow the search)` : ''}${result.loading ? ' · searching…' : ''}`
              : ''}
      </p>
      {data && data.bounded.length > 0 ? (
        <p className="muted small" data-testid="search-bounded">
          Found in more than {SEARCH_CANDIDATES.toLocaleString('en')} {boundedNouns(data.bounded)}: these are the best matches among the first{' '}
          {SEARCH_CANDIDATES.toLocaleString('en')} of each. Add a word or a phrase to narrow the search.
        </p>
      ) : null}

      <div ref={resultsRef} className="ev-results" onKeyDown={onResultsKeyDown} data-testid="search-results">
        {input === null ? (
          <p className="muted ev-empty">Type what you are looking for: a name, a phrase from an interview, a word in Kazakh or Russian.</p>
        ) : null}
        {data?.groups.map((group) => (
          <section key={group.source?.id ?? 'none'} className="ev-result-group" aria-label={group.source ? group.source.title : NO_SOURCE}>
            <h3 className="ev-result-source">
              <span className="ev-result-source-title">{group.source ? group.source.title : NO_SOURCE}</span>
              <span className="muted small">
                {group.source ? `${SOURCE_KIND_LABELS[group.source.kind]} · ` : ''}
                {plural(group.hits.length, 'hit')}
              </span>
            </h3>
            <ul className="ev-hit-list">
              {group.hits.map((hit) => {
                const tabStop = !tabStopGiven;
                tabStopGiven = true;
                const where = hitWhere(hit, (cell) => cellLabel(overview, cell));
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
  return (
    <div className="details" data-testid="search-help">
      <h2 className="pane-heading">Searching</h2>
      <dl className="ev-help">
        <dt>Words</dt>
        <dd>All of them, anywhere in a page, excerpt, cell, memo, claim, election, mission, source's details or code: observer commission</dd>
        <dt>Phrases</dt>
        <dd>In quotation marks: "Kazakh path to democracy"</dd>
        <dt>Beginnings</dt>
        <dd>A star after the start of a word: наблюдат* finds наблюдатели and наблюдателей</dd>
        <dt>Either</dt>
        <dd>OR between words: Belarus OR Беларусь</dd>
        <dt>Letters</dt>
        <dd>Upper and lower case and accents do not matter: қазақстан finds ҚАЗАҚСТАН.</dd>
      </dl>
      <p className="muted small">Up/Down move through the results, Enter opens one: a page opens in the reader on the word, an excerpt in its document, a cell in the matrix.</p>
      <p className="muted small ev-help-note">Participants’ real names are in no index: search never shows them.</p>
    </div>
  );
}
