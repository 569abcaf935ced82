/**
 * The reader: a document's text page by page (virtualised: a 300-page report renders only the pages in view), its
 * excerpts marked in the text (background, underline and an outline for the one being edited: never colour alone)
 * and listed beside it. Selecting text on a page and pressing Make excerpt (Ctrl/Cmd+Shift+E) drafts an excerpt
 * with the selection's exact offsets within that page. The selection can be made from the keyboard too (caret
 * browsing, use-caret.ts): focus the text, move with the arrows, extend with Shift, press Enter.
 *
 * The text is the plain text the back end extracted: React renders it as text nodes, so nothing from a document
 * (an HTML clipping's script, a DOCX field) can run or even become markup here.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { DocumentTextDto, ExcerptDto, PageOcrDto, TextKind } from '../../../electron/contract/api';
import { joinHardBreaks } from '../../../electron/contract/quotation';
import { InlineAlert } from '../ui/InlineAlert';
import { MOD } from '../shell/keyboard';
import { Msg } from '../i18n/Msg';
import { useT } from '../i18n/use-t';
import { toApiError } from '../api';
import { openOriginal, SaveOriginalDialog } from './dialogs';
import { attribution, citedText, formatBytes, guessLanguage, shorten, SOURCE_KIND_LABELS, suggestLocator } from './format';
import { segmentText, trimRange, wordsFrom, type MarkRange } from './text-ranges';
import { useEvidenceQuery, useEvidenceState, useEvidenceStore, useList, type ReaderTarget } from './store';
import { Facts, PageJump } from './ui';
import { MachineReadNote, RecogniseControl } from './OcrControls';
import { pointOffset, useReaderCaret } from './use-caret';

// pdf.js is loaded only when a PDF's pages are first shown: the workbench starts without it.
const PdfPageView = lazy(() => import('./PdfPageView').then((m) => ({ default: m.PdfPageView })));

interface PageSelection {
  page: number;
  start: number;
  end: number;
  text: string;
}

type SelectionState = PageSelection | 'across-pages' | null;

/** Between inline parts of a line: no words, so nothing to translate. */
const SPACE = ' ';
const KEYS = MOD === 'Cmd+' ? 'Meta+Shift+E' : 'Control+Shift+E';

export function ReaderView() {
  const t = useT();
  const target = useEvidenceState((s) => s.reader);
  const excerptId = useEvidenceState((s) => s.excerptId);
  if (target) return <DocumentReader key={target.documentId} target={target} />;
  if (excerptId) return <ExcerptAlone excerptId={excerptId} />;
  return (
    <section className="ev-view" aria-label={t('pages.reader')}>
      <p className="muted ev-empty">{t('pages.noDocument')}</p>
    </section>
  );
}

/** An excerpt typed in by hand (no document): shown on its own, with where it comes from. */
function ExcerptAlone({ excerptId }: { excerptId: string }) {
  const t = useT();
  const store = useEvidenceStore();
  const excerpts = useList('excerpts');
  const sources = useList('sources');
  const participants = useList('participants');
  const excerpt = excerpts.data?.find((e) => e.id === excerptId);
  if (!excerpt) return <section className="ev-view" aria-label={t('pages.reader')} />;
  const source = sources.data?.find((s) => s.id === excerpt.sourceId);
  const who = attribution(excerpt, participants.data);
  return (
    <section className="ev-view ev-alone" aria-labelledby="ev-alone-title" data-testid="excerpt-alone">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{source ? t('pages.excerptEyebrowKind', { kind: SOURCE_KIND_LABELS[source.kind] }) : t('pages.excerptEyebrow')}</p>
          <h2 id="ev-alone-title" className="matrix-norm">
            {source?.title ?? t('pages.excerptEyebrow')}
          </h2>
          <p className="muted">{source ? <Facts items={[source.authors, source.year?.toString()]} /> : null}</p>
        </div>
        {source ? (
          <button type="button" className="button" onClick={() => store.selectSource(source.id)}>
            {t('pages.showSource')}
          </button>
        ) : null}
      </header>
      <figure className="ev-alone-card">
        <blockquote className={`ev-alone-text is-${excerpt.textKind}`} lang={excerpt.language || undefined} data-target="true">
          {citedText(excerpt)}
        </blockquote>
        {excerpt.translation ? (
          <p className="ev-alone-translation" lang={excerpt.translationLanguage || undefined}>
            <span className="ev-lang">{excerpt.translationLanguage || t('pages.translation')}</span> {excerpt.translation}
          </p>
        ) : null}
        <figcaption className="muted">
          {excerpt.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('pages.paraphraseTag')}</span> : null}{SPACE}
          <Facts items={[who ? t('pages.byWhom', { who }) : null, excerpt.locator]} />
        </figcaption>
      </figure>
      <p className="muted small">{t('pages.enteredByHand')}</p>
    </section>
  );
}

function estimatePage(text: string): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 78)), 0);
  return 56 + lines * 23;
}

function readSelection(root: HTMLElement, pages: DocumentTextDto['pages']): SelectionState {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const touched = Array.from(root.querySelectorAll<HTMLElement>('[data-page-text]')).filter((el) => range.intersectsNode(el));
  if (touched.length === 0) return null;
  if (touched.length > 1) return 'across-pages';
  const container = touched[0]!;
  const number = Number(container.dataset.pageText);
  const page = pages.find((p) => p.number === number);
  if (!page) return null;
  const full = document.createRange();
  full.selectNodeContents(container);
  const start = range.compareBoundaryPoints(Range.START_TO_START, full) <= 0 ? 0 : pointOffset(container, range.startContainer, range.startOffset);
  const end = range.compareBoundaryPoints(Range.END_TO_END, full) >= 0 ? page.text.length : pointOffset(container, range.endContainer, range.endOffset);
  const trimmed = trimRange(page.text, start, end);
  if (trimmed.end <= trimmed.start) return null;
  return { page: number, start: trimmed.start, end: trimmed.end, text: page.text.slice(trimmed.start, trimmed.end) };
}

function sameSelection(a: SelectionState, b: SelectionState): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return false;
  return a.page === b.page && a.start === b.start && a.end === b.end;
}

function DocumentReader({ target }: { target: ReaderTarget }) {
  const t = useT();
  const store = useEvidenceStore();
  const doc = useEvidenceQuery('documents.get', { id: target.documentId }, { followEdits: false });
  const sources = useList('sources');
  const excerptsAll = useList('excerpts');
  const participants = useList('participants');
  const activeId = useEvidenceState((s) => s.excerptId);
  const draft = useEvidenceState((s) => s.draft);
  const [selection, setSelection] = useState<SelectionState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [original, setOriginal] = useState(false);
  const [originalError, setOriginalError] = useState<string | null>(null);
  const [goTo, setGoTo] = useState('');
  // The PDF's pages instead of the text: from the page the text was showing when the switch was made.
  const [pagesFrom, setPagesFrom] = useState<number | null>(null);
  const asPages = pagesFrom !== null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const selectionRef = useRef<SelectionState>(null);

  const data = doc.data;
  const pages = useMemo(() => data?.pages ?? [], [data]);
  const source = data ? sources.data?.find((s) => s.id === data.sourceId) : undefined;

  const excerpts = useMemo(
    () =>
      (excerptsAll.data ?? [])
        .filter((e) => e.documentId === target.documentId)
        .sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || (a.startOffset ?? 0) - (b.startOffset ?? 0)),
    [excerptsAll.data, target.documentId],
  );
  const numbers = useMemo(() => new Map(excerpts.map((e, i) => [e.id, i + 1])), [excerpts]);
  const kinds = useMemo(() => new Map<string, TextKind>(excerpts.map((e) => [e.id, e.textKind])), [excerpts]);

  // The match a search asked for: the whole word (or phrase) at the hit's offset.
  const match = useMemo(() => {
    if (target.words === 0 || target.page === null || target.start === null) return null;
    const page = pages.find((p) => p.number === target.page);
    return page ? wordsFrom(page.text, target.start, target.words) : null;
  }, [target, pages]);

  const rangesByPage = useMemo(() => {
    const byPage = new Map<number, MarkRange[]>();
    const add = (page: number, range: MarkRange) => byPage.set(page, [...(byPage.get(page) ?? []), range]);
    for (const e of excerpts) {
      if (e.page !== null && e.startOffset !== null && e.endOffset !== null) add(e.page, { start: e.startOffset, end: e.endOffset, kind: 'excerpt', id: e.id });
    }
    if (draft && draft.documentId === target.documentId) add(draft.page, { start: draft.start, end: draft.end, kind: 'draft' });
    if (match && target.page !== null) add(target.page, { start: match.start, end: match.end, kind: 'match' });
    return byPage;
  }, [excerpts, draft, match, target.documentId, target.page]);

  // The range to scroll to (its first segment carries data-target).
  const targetStart = target.page !== null && target.start !== null ? { page: target.page, start: match ? match.start : target.start } : null;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, never memoised
  const virtualizer = useVirtualizer({
    count: pages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimatePage(pages[index]?.text ?? ''),
    overscan: 2,
    getItemKey: (index) => pages[index]?.number ?? index,
  });

  // Go to the page and range asked for, once the text is here: the page first (it may not be rendered yet), then
  // the marked text to the middle of the view, again for a few frames while pages above it are measured.
  const loaded = data !== undefined;
  const { seq, page: targetPage, start: wantedStart } = target;
  useEffect(() => {
    if (!loaded) return undefined;
    const root = scrollRef.current;
    const index = targetPage !== null ? pages.findIndex((p) => p.number === targetPage) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
    if (wantedStart === null || !root) return undefined;
    let frames = 0;
    let centred = 0;
    let handle = 0;
    const settle = () => {
      const mark = root.querySelector<HTMLElement>('[data-target="true"]');
      if (mark) {
        const box = mark.getBoundingClientRect();
        const view = root.getBoundingClientRect();
        const delta = box.top - view.top - view.height / 2 + box.height / 2;
        if (Math.abs(delta) > 2) root.scrollTop += delta;
        centred++;
      }
      if (centred < 4 && ++frames < 120) handle = requestAnimationFrame(settle);
    };
    handle = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(handle);
  }, [seq, loaded, targetPage, wantedStart, pages, virtualizer]);

  // Follow the text selection: which page, which offsets.
  useEffect(() => {
    if (!loaded) return undefined;
    const onChange = () => {
      const root = scrollRef.current;
      const next = root ? readSelection(root, pages) : null;
      if (sameSelection(next, selectionRef.current)) return;
      selectionRef.current = next;
      setSelection(next);
      if (next !== null) setNotice(null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [loaded, pages]);

  const makeExcerpt = useCallback(() => {
    // Read now, not from the last selectionchange event: a keyboard selection may be a keystroke newer.
    const root = scrollRef.current;
    const current = root ? readSelection(root, data?.pages ?? []) : selectionRef.current;
    if (!data) return;
    if (current === null) {
      setNotice(t('pages.selectFirst'));
      return;
    }
    if (current === 'across-pages') {
      setNotice(t('pages.onePageOnlyLonger'));
      return;
    }
    const page = data.pages.find((p) => p.number === current.page)!;
    store.startDraft({
      sourceId: data.sourceId,
      documentId: data.id,
      page: current.page,
      start: current.start,
      end: current.end,
      // As it will be stored: the page's line breaks inside a paragraph joined (the offsets still mark the page text).
      text: joinHardBreaks(current.text, page.text),
      locator: suggestLocator(page.text, current.page, current.start),
      language: guessLanguage(current.text),
    });
    document.getSelection()?.removeAllRanges();
    setNotice(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="excerpt-editor"] [data-autofocus]')?.focus());
  }, [data, store, t]);

  // Ctrl/Cmd+Shift+E makes an excerpt of the selection, wherever the focus is.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'e') return;
      event.preventDefault();
      makeExcerpt();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [makeExcerpt]);

  const onMarkClick = (event: MouseEvent<HTMLDivElement>) => {
    const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-excerpts]');
    if (!mark || !document.getSelection()?.isCollapsed) return;
    const ids = mark.dataset.excerpts!.split(' ');
    // Overlapping excerpts: each click moves to the next one under the pointer.
    const next = ids[(ids.indexOf(activeId ?? '') + 1) % ids.length]!;
    const excerpt = excerpts.find((e) => e.id === next);
    if (excerpt) store.focusExcerpt(excerpt);
  };

  const visible = virtualizer.getVirtualItems();
  const currentPage = visible.find((item) => item.end > (virtualizer.scrollOffset ?? 0) + 8) ?? visible[0];
  const shownPage = currentPage ? pages[currentPage.index]?.number : undefined;

  const goToPage = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const number = Number(goTo);
    const index = pages.findIndex((p) => p.number === number);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'start' });
      setGoTo('');
    }
  };

  // Between the views, the same page: the text opens where the pages were, and the pages where the text was.
  const pageInPages = useRef<number | null>(null);
  const onPageShown = useCallback((page: number) => {
    pageInPages.current = page;
  }, []);
  const [textFrom, setTextFrom] = useState<{ page: number } | null>(null);
  const switchView = () => {
    if (!asPages) {
      setPagesFrom(shownPage ?? target.page ?? 1);
      return;
    }
    setPagesFrom(null);
    if (pageInPages.current !== null) setTextFrom({ page: pageInPages.current });
  };
  useEffect(() => {
    if (!textFrom) return;
    const index = pages.findIndex((p) => p.number === textFrom.page);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
  }, [textFrom, pages, virtualizer]);

  const caret = useReaderCaret({
    scrollRef,
    contentRef,
    pages,
    shownPage,
    scrollToPage: (index) => virtualizer.scrollToIndex(index, { align: 'start' }),
    makeExcerpt,
  });

  if (doc.error) {
    return (
      <section className="ev-view" aria-label={t('pages.reader')}>
        <InlineAlert message={doc.error.message} actionLabel={t('pages.tryAgain')} onAction={doc.reload} />
      </section>
    );
  }

  const selectionNote =
    selection === 'across-pages'
      ? t('pages.selectionAcross')
      : selection
        ? t('pages.selectedOnPage', { count: selection.text.length, page: selection.page })
        : t('pages.selectToExcerpt');

  return (
    <section className="ev-view ev-reader" aria-labelledby="ev-reader-title" data-testid="reader" data-document-id={target.documentId} data-view={asPages ? 'pages' : 'text'}>
      <header className="ev-reader-head">
        <div className="ev-reader-titles">
          <p className="eyebrow">
            <button type="button" className="ev-link-button ev-crumb" onClick={() => source && store.selectSource(source.id)}>
              {t('pages.sourcesCrumb')}
            </button>{SPACE}
            {t('pages.readerCrumb')}
          </p>
          <h2 id="ev-reader-title" className="matrix-norm ev-reader-title">
            {source?.title ?? data?.fileName ?? t('pages.loading')}
          </h2>
          {data ? (
            <p className="muted small">
              <Facts items={[data.fileName, t('pages.pageCount', { count: data.pageCount }), formatBytes(data.byteSize), t('pages.formatNote', { format: data.format })]} />
            </p>
          ) : null}
        </div>
      </header>
      <div className="ev-reader-toolbar" role="toolbar" aria-label={t('pages.readerToolbar')}>
        <button
          type="button"
          className="button button-primary"
          disabled={!selection || selection === 'across-pages'}
          // Keeps the selection: the click must not move it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={makeExcerpt}
          title={t('pages.makeExcerptHint', { shortcut: `${MOD}Shift+E` })}
          aria-keyshortcuts={KEYS}
        >
          {t('pages.makeExcerpt')}
        </button>
        <span className="muted small ev-selection-note" role="status">
          {selectionNote}
        </span>
        <span className="toolbar-spacer" />
        <PageJump label={t('pages.goToPageText')} placeholder={shownPage?.toString() ?? ''} value={goTo} onChange={setGoTo} onKeyDown={goToPage} count={data?.pageCount} />
        {data ? <RecogniseControl document={data} onDone={doc.reload} /> : null}
        <button
          type="button"
          className="button"
          disabled={!data}
          onClick={() => {
            if (!data) return;
            setOriginalError(null);
            // The desktop asks where with its own dialog, saves and opens; the browser asks for a path in a dialog.
            void openOriginal(data).then(
              (outcome) => {
                if (outcome === 'ask') setOriginal(true);
              },
              (error: unknown) => setOriginalError(toApiError(error).message),
            );
          }}
        >
          {t('pages.openOriginal')}
        </button>
        {data?.format === 'pdf' ? (
          <button type="button" className="button" aria-pressed={asPages} onClick={switchView} title={t('pages.showPagesHint')}>
            {asPages ? t('pages.showText') : t('pages.showPages')}
          </button>
        ) : null}
      </div>
      {notice ? <InlineAlert message={notice} actionLabel={t('pages.dismiss')} onAction={() => setNotice(null)} /> : null}
      {originalError ? <InlineAlert message={originalError} actionLabel={t('pages.dismiss')} onAction={() => setOriginalError(null)} /> : null}

      <div className="ev-reader-body">
        {asPages && data ? (
          <Suspense fallback={<p className="muted ev-empty">{t('pages.opening')}</p>}>
            <PdfPageView document={data} excerpts={excerpts} initialPage={pagesFrom} onPageShown={onPageShown} />
          </Suspense>
        ) : null}
        <div
          ref={scrollRef}
          className="ev-reader-scroll"
          tabIndex={0}
          role="document"
          aria-label={data ? t('pages.textOf', { file: data.fileName }) : t('pages.textOfDocument')}
          aria-busy={!loaded}
          onClick={onMarkClick}
          onKeyDown={caret.onKeyDown}
          onMouseDown={caret.hide}
          aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Shift+ArrowRight Enter"
          data-testid="reader-text"
        >
          {!loaded ? (
            <p className="muted ev-empty" role="status">
              {t('pages.loadingText')}
            </p>
          ) : pages.length === 0 ? (
            <p className="muted ev-empty">{t('pages.noText')}</p>
          ) : null}
          <div ref={contentRef} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {caret.box ? <span className="ev-caret" aria-hidden="true" data-testid="reader-caret" style={{ top: caret.box.top, left: caret.box.left, height: caret.box.height }} /> : null}
            {visible.map((item) => {
              const page = pages[item.index]!;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="ev-page-slot"
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
                >
                  <ReaderPage
                    number={page.number}
                    of={pages.length}
                    text={page.text}
                    ocr={page.ocr}
                    ranges={rangesByPage.get(page.number)}
                    activeId={activeId}
                    kinds={kinds}
                    numbers={numbers}
                    targetStart={targetStart && targetStart.page === page.number ? targetStart.start : null}
                  />
                </div>
              );
            })}
          </div>
        </div>
        <ExcerptSidebar excerpts={excerpts} activeId={activeId} participants={participants.data} onOpen={(e) => store.focusExcerpt(e)} />
      </div>
      {original && data ? <SaveOriginalDialog document={data} onClose={() => setOriginal(false)} /> : null}
    </section>
  );
}

interface ReaderPageProps {
  number: number;
  of: number;
  text: string;
  ocr: PageOcrDto | null;
  ranges: MarkRange[] | undefined;
  activeId: string | null;
  kinds: ReadonlyMap<string, TextKind>;
  numbers: ReadonlyMap<string, number>;
  targetStart: number | null;
}

const NO_RANGES: MarkRange[] = [];

/** One page: its number, then its exact text with the marks. The text container holds nothing but the text. */
const ReaderPage = memo(function ReaderPage({ number, of, text, ocr, ranges = NO_RANGES, activeId, kinds, numbers, targetStart }: ReaderPageProps) {
  const t = useT();
  const segments = useMemo(() => segmentText(text, ranges), [text, ranges]);
  return (
    <article className="ev-page" aria-label={t('pages.pageLabel', { number })} data-page={number}>
      <p className="ev-page-number">
        <Msg id="pages.pageOf" values={{ number, of }} />
        {ocr ? <MachineReadNote ocr={ocr} /> : null}
      </p>
      <div className="ev-page-text" data-page-text={number}>
        {segments.map((seg) => {
          if (seg.excerptIds.length === 0 && !seg.draft && !seg.match) return <span key={seg.start}>{seg.text}</span>;
          const active = activeId !== null && seg.excerptIds.includes(activeId);
          const paraphrase = seg.excerptIds.length > 0 && seg.excerptIds.every((id) => kinds.get(id) === 'paraphrase');
          const classes = [
            'ev-mark',
            seg.excerptIds.length > 0 ? 'is-excerpt' : '',
            seg.excerptIds.length > 1 ? 'is-overlap' : '',
            paraphrase ? 'is-paraphrase' : '',
            active ? 'is-active' : '',
            seg.draft ? 'is-draft' : '',
            seg.match ? 'is-match' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const label = [
            ...seg.excerptIds.map((id) => t('pages.excerptMark', { number: numbers.get(id) ?? '', kind: kinds.get(id) ?? 'quote' })),
            seg.draft ? t('pages.newExcerpt') : '',
            seg.match ? t('pages.searchMatch') : '',
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <mark
              key={seg.start}
              className={classes}
              data-excerpts={seg.excerptIds.length > 0 ? seg.excerptIds.join(' ') : undefined}
              data-active={active ? 'true' : undefined}
              data-match={seg.match ? 'true' : undefined}
              data-target={targetStart !== null && seg.start === targetStart ? 'true' : undefined}
              title={label}
            >
              {seg.text}
            </mark>
          );
        })}
      </div>
    </article>
  );
});

function ExcerptSidebar({
  excerpts,
  activeId,
  participants,
  onOpen,
}: {
  excerpts: ExcerptDto[];
  activeId: string | null;
  participants: Parameters<typeof attribution>[1];
  onOpen: (excerpt: ExcerptDto) => void;
}) {
  const t = useT();
  return (
    <aside className="ev-reader-side" aria-labelledby="ev-reader-side-title" data-testid="reader-excerpts">
      <h3 id="ev-reader-side-title" className="section-heading">
        {t('pages.excerptsCount', { count: excerpts.length })}
      </h3>
      {excerpts.length === 0 ? (
        <p className="muted small">{t('pages.noExcerpts', { shortcut: `${MOD}Shift+E` })}</p>
      ) : (
        <ol className="ev-side-list">
          {excerpts.map((e, i) => {
            const who = attribution(e, participants);
            return (
              <li key={e.id}>
                <button type="button" className={`ev-side-item${e.id === activeId ? ' is-active' : ''}`} aria-current={e.id === activeId ? 'true' : undefined} onClick={() => onOpen(e)}>
                  <span className="ev-side-number numeric">{i + 1}</span>
                  <span className="ev-side-body">
                    <span className={`ev-excerpt-text is-${e.textKind}`}>{shorten(citedText(e), 110)}</span>
                    <span className="ev-excerpt-meta">
                      {e.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('pages.paraphraseTag')}</span> : null}
                      <Facts items={[e.locator, who ? t('pages.byWhom', { who }) : null, e.cellIds.length ? t('pages.cellCount', { count: e.cellIds.length }) : null]} />
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
