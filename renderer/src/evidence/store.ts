/**
 * What the evidence views share: the project's sources, documents, excerpts, participants and codes (loaded once,
 * reloaded after every edit), where the researcher is (selected source, the document open in the reader, the
 * excerpt being edited or drafted, the search) and the document imports that are running.
 *
 * One store per open workbench, found through the workbench's services (no provider to add to the workbench). It
 * follows the project store: whenever the overview is reloaded (after any structural edit, undo or redo) the
 * lists loaded so far are reloaded too, and queries made with useEvidenceQuery run again.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type {
  PdfRegion,
  ApiInput,
  ApiOutput,
  CodeDto,
  DocumentDto,
  ExcerptDto,
  JobDto,
  ParticipantDto,
  ProjectOverview,
  SearchKind,
  SourceDto,
  SourceKind,
} from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import type { Method } from '../../../electron/contract/methods';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { api, toApiError } from '../api';
import { currentLanguage } from '../i18n/current';
import type { RefreshPart } from '../project-store';
import { useServices, type WorkbenchServices } from '../workbench-context';
import type { EvidencePage } from './nav';

export interface Lists {
  sources: SourceDto[];
  documents: DocumentDto[];
  excerpts: ExcerptDto[];
  participants: ParticipantDto[];
  codes: CodeDto[];
}
export type ListKey = keyof Lists;

const LIST_METHODS = {
  sources: 'sources.list',
  documents: 'documents.list',
  excerpts: 'excerpts.list',
  participants: 'participants.list',
  codes: 'codes.list',
} as const satisfies Record<ListKey, Method>;

/** Where the reader should go: a page, and a range on it to scroll to and mark. */
export interface ReaderTarget {
  documentId: string;
  page: number | null;
  start: number | null;
  end: number | null;
  /** A search hit: mark this many whole words from `start` (0: mark nothing, start..end is an excerpt). */
  words: number;
  /** Changes with every request, so that asking for the same place again scrolls there again. */
  seq: number;
}

/** A new excerpt being made from a selection in the reader (not stored until saved). */
export interface ExcerptDraft {
  sourceId: string;
  documentId: string;
  page: number;
  start: number;
  end: number;
  /** The page text between start and end, exactly. */
  text: string;
  locator: string;
  language: string;
  /** An area marked on a PDF page; start = end when no text lies under it (a scan). */
  region?: PdfRegion | undefined;
}

export interface SearchFilters {
  q: string;
  kinds: SearchKind[];
  sourceKind: SourceKind | '';
  caseId: string;
  normId: string;
  stageId: string;
}

export interface ImportItem {
  key: string;
  path: string;
  fileName: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  jobId: string | null;
  done: number;
  total: number;
  message: string;
  document: DocumentDto | null;
  error: string | null;
}

export interface CellTarget {
  caseId: string;
  normId: string;
  stageId: string;
}

export interface EvidenceState {
  lists: Partial<Lists>;
  listErrors: Partial<Record<ListKey, ApiError>>;
  /** Grows with every reload, so that queries run again. */
  version: number;
  sourceId: string | null;
  reader: ReaderTarget | null;
  /** The excerpt shown in the editor (reader page). */
  excerptId: string | null;
  draft: ExcerptDraft | null;
  participantId: string | null;
  codeId: string | null;
  search: SearchFilters;
  /** Grows when Ctrl/Cmd+F asks for the search field. */
  searchFocus: number;
  imports: ImportItem[];
}

/** What the workbench lets the evidence views do to it: change the page, show a cell in the matrix. */
export interface EvidenceHost {
  showPage: (page: EvidencePage | 'matrix') => void;
  showCell: (cell: CellTarget) => void;
  /** The norm's matrix, with the norm selected (its editor and memos on the right). */
  showNorm: (normId: string) => void;
  /** The matrix, with the case selected (its editor on the right). */
  showCase: (caseId: string) => void;
}

const INITIAL: EvidenceState = {
  lists: {},
  listErrors: {},
  version: 0,
  sourceId: null,
  reader: null,
  excerptId: null,
  draft: null,
  participantId: null,
  codeId: null,
  search: { q: '', kinds: [], sourceKind: '', caseId: '', normId: '', stageId: '' },
  searchFocus: 0,
  imports: [],
};

const POLL_MS = 150;

/** Edits that may create a cell or change what the matrix's cells hold as evidence. */
const CELL_METHODS: ReadonlySet<Method> = new Set<Method>(['excerpts.link', 'excerpts.unlink', 'excerpts.remove', 'sources.remove']);

function call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const fn = api[method] as unknown as (input: ApiInput<M>) => Promise<ApiOutput<M>>;
  return fn(input);
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

export class EvidenceStore {
  private state: EvidenceState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly loading = new Map<ListKey, Promise<void>>();
  private lastOverview: ProjectOverview | undefined;
  private reloading: Promise<void> = Promise.resolve();
  private seq = 0;
  private importKey = 0;
  private importing = false;
  private host: EvidenceHost | null = null;

  constructor(private readonly services: WorkbenchServices) {
    this.lastOverview = services.store.getSnapshot().overview;
    services.store.subscribe(() => {
      const { overview } = services.store.getSnapshot();
      if (overview === this.lastOverview) return;
      const first = this.lastOverview === undefined;
      this.lastOverview = overview;
      if (!first) this.reloading = this.reloadAll();
    });
  }

  /** The workbench lends itself; the answer takes it back. */
  setHost(host: EvidenceHost): () => void {
    this.host = host;
    return () => {
      if (this.host === host) this.host = null;
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getState = (): EvidenceState => this.state;

  private set(patch: Partial<EvidenceState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  // ---- Lists -------------------------------------------------------------------------------------------------

  /** Loads a list unless it is loaded or on its way. */
  ensure(key: ListKey): void {
    if (this.state.lists[key] !== undefined || this.loading.has(key)) return;
    void this.load(key);
  }

  private load(key: ListKey): Promise<void> {
    const promise = (async () => {
      try {
        const data = await call(LIST_METHODS[key], {});
        this.set({ lists: { ...this.state.lists, [key]: data }, listErrors: { ...this.state.listErrors, [key]: undefined } });
      } catch (error) {
        this.set({ listErrors: { ...this.state.listErrors, [key]: toApiError(error) } });
      } finally {
        this.loading.delete(key);
      }
    })();
    this.loading.set(key, promise);
    return promise;
  }

  /** Reloads the given lists (those loaded so far) and, unless told not to, lets queries run again. */
  async reload(keys: readonly ListKey[], options: { queries?: boolean } = {}): Promise<void> {
    if (options.queries !== false) this.set({ version: this.state.version + 1 });
    await Promise.all(keys.filter((k) => this.state.lists[k] !== undefined || this.state.listErrors[k] !== undefined).map((k) => this.load(k)));
  }

  private reloadAll(): Promise<void> {
    return this.reload(Object.keys(LIST_METHODS) as ListKey[]);
  }

  /**
   * After an edit: reloads what the workbench shows (the overview's counts, undo) and, through it, every list.
   * Resolves when the lists hold the edit.
   */
  async afterEdit(parts: readonly RefreshPart[] = ['overview', 'history']): Promise<void> {
    await this.services.store.refresh(parts);
    await this.reloading;
  }

  /**
   * After a field saved itself: the list that shows it is reloaded (the field's draft is dropped only then, so it
   * never flashes the old value), and the undo button learns about the edit.
   */
  async afterFieldSave(keys: readonly ListKey[]): Promise<void> {
    await Promise.all([this.reload(keys, { queries: false }), this.services.store.refresh(['history'])]);
  }

  /** Calls a method that changes something: what is typed is sent first, the lists are reloaded after. */
  async run<M extends Method>(method: M, input: ApiInput<M>, parts?: readonly RefreshPart[]): Promise<ApiOutput<M>> {
    await this.services.queue.flush();
    const result = await call(method, input);
    await this.afterEdit(parts ?? (CELL_METHODS.has(method) ? ['overview', 'cells', 'history'] : ['overview', 'history']));
    return result;
  }

  // ---- Navigation --------------------------------------------------------------------------------------------

  selectSource(sourceId: string | null, show = true): void {
    this.set({ sourceId });
    if (show) this.host?.showPage('sources');
  }

  /** Opens a document in the reader, optionally at a page and range. */
  openDocument(documentId: string, at: { page?: number | null; start?: number | null; end?: number | null; words?: number } = {}): void {
    this.set({
      reader: { documentId, page: at.page ?? null, start: at.start ?? null, end: at.end ?? null, words: at.words ?? 0, seq: ++this.seq },
      excerptId: null,
      draft: null,
    });
    this.host?.showPage('reader');
  }

  /** Opens an excerpt: in its document, scrolled to its text, or alone if it has no document. */
  openExcerpt(excerpt: ExcerptDto): void {
    const located = excerpt.documentId !== null;
    this.set({
      reader: located
        ? { documentId: excerpt.documentId!, page: excerpt.page, start: excerpt.startOffset, end: excerpt.endOffset, words: 0, seq: ++this.seq }
        : null,
      excerptId: excerpt.id,
      draft: null,
      sourceId: excerpt.sourceId,
    });
    this.host?.showPage('reader');
  }

  /** Shows an excerpt of the open document in the editor and scrolls the reader to it. */
  focusExcerpt(excerpt: ExcerptDto): void {
    if (excerpt.documentId && this.state.reader?.documentId === excerpt.documentId) {
      this.set({
        excerptId: excerpt.id,
        draft: null,
        reader: { documentId: excerpt.documentId, page: excerpt.page, start: excerpt.startOffset, end: excerpt.endOffset, words: 0, seq: ++this.seq },
      });
    } else {
      this.openExcerpt(excerpt);
    }
  }

  startDraft(draft: ExcerptDraft): void {
    this.set({ draft, excerptId: null });
  }

  /** The draft was saved as this excerpt (or dropped: null). */
  endDraft(excerptId: string | null): void {
    this.set({ draft: null, excerptId });
  }

  closeExcerpt(): void {
    this.set({ excerptId: null, draft: null });
  }

  showCell(cell: CellTarget): void {
    this.host?.showCell(cell);
  }

  showNorm(normId: string): void {
    this.host?.showNorm(normId);
  }

  showCase(caseId: string): void {
    this.host?.showCase(caseId);
  }

  selectParticipant(participantId: string | null): void {
    this.set({ participantId });
  }

  selectCode(codeId: string | null): void {
    this.set({ codeId });
  }

  /** The codebook, with the code selected. */
  showCode(codeId: string): void {
    this.set({ codeId });
    this.host?.showPage('codebook');
  }

  setSearch(patch: Partial<SearchFilters>): void {
    this.set({ search: { ...this.state.search, ...patch } });
  }

  /** Ctrl/Cmd+F: the search page, its field focused. */
  focusSearch(): void {
    this.set({ searchFocus: this.state.searchFocus + 1 });
    this.host?.showPage('search');
  }

  // ---- Document imports --------------------------------------------------------------------------------------

  /** Queues files for import; they are imported one after the other, each as a job with progress. */
  importDocuments(paths: readonly string[], options: { sourceId?: string | undefined; kind?: SourceKind | undefined }): void {
    const items: ImportItem[] = paths.map((path) => ({
      key: `import-${++this.importKey}`,
      path,
      fileName: baseName(path),
      state: 'queued',
      jobId: null,
      done: 0,
      total: 0,
      message: '',
      document: null,
      error: null,
    }));
    this.set({ imports: [...this.state.imports, ...items] });
    void this.pumpImports(options);
  }

  private patchImport(key: string, patch: Partial<ImportItem>): void {
    this.set({ imports: this.state.imports.map((item) => (item.key === key ? { ...item, ...patch } : item)) });
  }

  private async pumpImports(options: { sourceId?: string | undefined; kind?: SourceKind | undefined }): Promise<void> {
    if (this.importing) return;
    this.importing = true;
    try {
      for (;;) {
        const next = this.state.imports.find((item) => item.state === 'queued');
        if (!next) break;
        await this.importOne(next, options);
        await this.afterEdit();
      }
    } finally {
      this.importing = false;
    }
  }

  private async importOne(item: ImportItem, options: { sourceId?: string | undefined; kind?: SourceKind | undefined }): Promise<void> {
    let job: JobDto;
    try {
      job = await api['documents.import']({ path: item.path, sourceId: options.sourceId, kind: options.kind });
    } catch (error) {
      this.patchImport(item.key, { state: 'failed', error: toApiError(error).message });
      return;
    }
    this.patchImport(item.key, { state: 'running', jobId: job.id, message: formatMessage(currentLanguage(), 'jobs.starting') });
    while (job.state === 'running') {
      await wait(POLL_MS);
      try {
        job = await api['jobs.get']({ id: job.id });
      } catch (error) {
        this.patchImport(item.key, { state: 'failed', error: toApiError(error).message });
        return;
      }
      if (job.state === 'running') this.patchImport(item.key, { done: job.done, total: job.total, message: job.message });
    }
    if (job.state === 'done') {
      this.patchImport(item.key, { state: 'done', done: job.total, total: job.total, message: '', document: job.result?.document ?? null });
    } else if (job.state === 'cancelled') {
      this.patchImport(item.key, { state: 'cancelled', error: formatMessage(currentLanguage(), 'evidence.importCancelledNothingAdded') });
    } else {
      this.patchImport(item.key, { state: 'failed', error: job.error?.message ?? formatMessage(currentLanguage(), 'evidence.importFailed') });
    }
  }

  async cancelImport(key: string): Promise<void> {
    const item = this.state.imports.find((i) => i.key === key);
    if (!item) return;
    if (item.state === 'queued') {
      this.patchImport(key, { state: 'cancelled', error: formatMessage(currentLanguage(), 'evidence.importCancelledBeforeStart') });
      return;
    }
    if (item.state === 'running' && item.jobId) {
      this.patchImport(key, { message: formatMessage(currentLanguage(), 'jobs.cancelling') });
      try {
        await api['jobs.cancel']({ id: item.jobId });
      } catch (error) {
        this.patchImport(key, { error: toApiError(error).message });
      }
    }
  }

  clearFinishedImports(): void {
    this.set({ imports: this.state.imports.filter((i) => i.state === 'queued' || i.state === 'running') });
  }
}

const stores = new WeakMap<WorkbenchServices, EvidenceStore>();

/** The evidence store of the open workbench. */
export function useEvidenceStore(): EvidenceStore {
  const services = useServices();
  let store = stores.get(services);
  if (!store) {
    store = new EvidenceStore(services);
    stores.set(services, store);
  }
  return store;
}

/** One part of the evidence state (re-renders when it changes). */
export function useEvidenceState<T>(select: (state: EvidenceState) => T): T {
  const store = useEvidenceStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export interface ListResult<T> {
  data: T | undefined;
  error: ApiError | undefined;
  retry: () => void;
}

/** A list of the project's evidence, loaded on first use. */
export function useList<K extends ListKey>(key: K): ListResult<Lists[K]> {
  const store = useEvidenceStore();
  const data = useEvidenceState((s) => s.lists[key]) as Lists[K] | undefined;
  const error = useEvidenceState((s) => s.listErrors[key]);
  useEffect(() => store.ensure(key), [store, key]);
  const retry = useCallback(() => void store.reload([key]), [store, key]);
  return { data, error, retry };
}

export interface QueryResult<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Answer<T> {
  key: string;
  stamp: string;
  data?: T;
  error?: ApiError;
}

/**
 * Calls a read method and keeps its answer; runs again after every edit (the store's version) and when the input
 * changes. While it runs again for the same input, the previous answer stays on screen. `null` skips the call.
 */
export function useEvidenceQuery<M extends Method>(method: M, input: ApiInput<M> | null, options: { followEdits?: boolean } = {}): QueryResult<ApiOutput<M>> {
  const edits = useEvidenceState((s) => s.version);
  const version = options.followEdits === false ? 0 : edits;
  const [nonce, setNonce] = useState(0);
  const [answer, setAnswer] = useState<Answer<ApiOutput<M>> | undefined>(undefined);
  const inputJson = input === null ? null : JSON.stringify(input);
  const key = inputJson === null ? null : `${method} ${inputJson}`;
  const stamp = `${version}:${nonce}`;

  useEffect(() => {
    if (key === null || inputJson === null) return undefined;
    let current = true;
    call(method, JSON.parse(inputJson) as ApiInput<M>).then(
      (data) => {
        if (current) setAnswer({ key, stamp, data });
      },
      (error: unknown) => {
        if (current) setAnswer({ key, stamp, error: toApiError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, method, inputJson, stamp]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const same = key !== null && answer?.key === key;
  return {
    data: same ? answer.data : undefined,
    error: same ? answer.error : undefined,
    loading: key !== null && (!same || answer.stamp !== stamp),
    reload,
  };
}

export interface Action<M extends Method> {
  run: (input: ApiInput<M>) => Promise<ApiOutput<M> | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/** An edit from an event handler: resolves to undefined when it failed (the sentence is in `error`). */
export function useEvidenceAction<M extends Method>(method: M, parts?: readonly RefreshPart[]): Action<M> {
  const store = useEvidenceStore();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const partsKey = parts?.join(',');
  const run = useCallback(
    async (input: ApiInput<M>) => {
      setPending(true);
      setError(undefined);
      try {
        return await store.run(method, input, partsKey ? (partsKey.split(',') as RefreshPart[]) : undefined);
      } catch (caught) {
        setError(toApiError(caught));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [store, method, partsKey],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}

/** A read from an event handler (no reload after it). */
export function evidenceCall<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return call(method, input);
}
