/**
 * What the record pages (claims, observation, regional context, indicators, verification) know about the open
 * project, next to the matrix's ProjectStore and driven by it: every change of the undo/redo state (an edit made
 * anywhere, an undo, a redo) reloads the record lists someone is looking at, so Ctrl+Z in the workbench reverts a
 * claim edit on screen too. One RecordStore per ProjectStore (a WeakMap), so the shared workbench code needs no
 * new field for it.
 *
 * It also holds what is selected on each record page (shared by the centre view and the right pane) and the way to
 * navigate there from elsewhere (a cell's CLAIMS section opens a claim).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type {
  ApiInput,
  ApiOutput,
  ClaimDto,
  ExcerptDto,
  HistoryState,
  IndicatorDto,
  RegionalContextDto,
  SourceDto,
} from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import type { Method } from '../../../electron/contract/methods';
import { api, toApiError } from '../api';
import type { ProjectStore } from '../project-store';
import { useServices } from '../workbench-context';

export interface RecordData {
  observation: ApiOutput<'observation.list'>;
  claims: ClaimDto[];
  context: RegionalContextDto;
  indicators: IndicatorDto[];
  verification: ApiOutput<'verification.list'>;
  sources: SourceDto[];
  excerpts: ExcerptDto[];
  participants: ApiOutput<'participants.list'>;
}

export type Resource = keyof RecordData;

const RESOURCES: readonly Resource[] = ['observation', 'claims', 'context', 'indicators', 'verification', 'sources', 'excerpts', 'participants'];

const LOADERS: { [R in Resource]: () => Promise<RecordData[R]> } = {
  observation: () => api['observation.list']({}),
  claims: () => api['claims.list']({}),
  context: () => api['context.get']({}),
  indicators: () => api['indicators.list']({}),
  verification: () => api['verification.list']({}),
  sources: () => api['sources.list']({}),
  excerpts: () => api['excerpts.list']({}),
  participants: () => api['participants.list']({}),
};

export interface Slot<T> {
  data: T | undefined;
  error: ApiError | undefined;
}

const EMPTY_SLOT: Slot<never> = { data: undefined, error: undefined };

export type RecordPage = 'claims' | 'observation' | 'context' | 'indicators' | 'verification';

export type ContextSelection = { kind: 'organisation' | 'regional-norm' | 'instrument' | 'membership'; id: string } | null;

/** What is selected on the record pages. */
export interface RecordUi {
  claimId: string | null;
  electionId: string | null;
  /** The cases the observation timeline and the indicator chart compare (null: every live case). */
  caseIds: string[] | null;
  context: ContextSelection;
  indicatorId: string | null;
  indicatorCell: { caseId: string; year: number } | null;
  /** The flag or unverified item selected on the verification page ("type:id"). */
  verificationKey: string | null;
}

const INITIAL_UI: RecordUi = {
  claimId: null,
  electionId: null,
  caseIds: null,
  context: null,
  indicatorId: null,
  indicatorCell: null,
  verificationKey: null,
};

/** Where a record view wants the workbench to go. */
export type NavTarget = { kind: 'page'; page: RecordPage } | { kind: 'cell'; normId: string; caseId: string; stageId: string };

export class RecordStore {
  private slots: Partial<Record<Resource, Slot<unknown>>> = {};
  private readonly watchers: Record<Resource, number> = Object.fromEntries(RESOURCES.map((r) => [r, 0])) as Record<Resource, number>;
  private readonly tickets: Record<Resource, number> = Object.fromEntries(RESOURCES.map((r) => [r, 0])) as Record<Resource, number>;
  private readonly listeners = new Set<() => void>();
  /** Lists held but not on screen when the project changed: loaded again when next shown. */
  private readonly stale = new Set<Resource>();
  private seenHistory: HistoryState;
  private lastReload: Promise<void> = Promise.resolve();
  private ui: RecordUi = INITIAL_UI;
  private navigator: ((target: NavTarget) => void) | undefined;

  constructor(readonly project: ProjectStore) {
    this.seenHistory = project.getSnapshot().history;
    project.subscribe(() => {
      const { history } = project.getSnapshot();
      if (history === this.seenHistory) return;
      this.seenHistory = history;
      // Anything may have changed (an undo of a claim edit, an import, a cell edit a regional norm is linked to):
      // what is on screen is asked for again now, the rest when it is shown next.
      for (const r of RESOURCES) if (this.watchers[r] === 0 && this.slots[r] !== undefined) this.stale.add(r);
      this.lastReload = this.reload(RESOURCES.filter((r) => this.watchers[r] > 0));
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  slot<R extends Resource>(resource: R): Slot<RecordData[R]> {
    return (this.slots[resource] as Slot<RecordData[R]> | undefined) ?? EMPTY_SLOT;
  }

  /** Someone shows this list: load it if it is not held yet. Returns the matching "stops showing it". */
  watch(resource: Resource): () => void {
    this.watchers[resource]++;
    if (this.slots[resource] === undefined || this.stale.has(resource)) void this.reload([resource]);
    return () => {
      this.watchers[resource]--;
    };
  }

  /** Loads the given lists again; answers to older requests than the latest are dropped. */
  async reload(resources: readonly Resource[]): Promise<void> {
    await Promise.all(resources.map((r) => this.load(r)));
  }

  private async load(resource: Resource): Promise<void> {
    const ticket = ++this.tickets[resource];
    this.stale.delete(resource);
    try {
      const data = await LOADERS[resource]();
      if (ticket !== this.tickets[resource]) return;
      this.slots = { ...this.slots, [resource]: { data, error: undefined } };
    } catch (error) {
      if (ticket !== this.tickets[resource]) return;
      const before = this.slots[resource];
      this.slots = { ...this.slots, [resource]: { data: before?.data, error: toApiError(error) } };
    }
    this.emit();
  }

  /**
   * After an edit made from a record page: the undo state is asked for again, which (see the constructor) reloads
   * every record list held; resolves once they are fresh, so a field's draft is dropped only when its new value is
   * there to replace it.
   */
  /** `matrix`: the edit may have changed cases or cells too (a cases or cells CSV import), so the matrix reloads them. */
  async afterEdit(matrix = false): Promise<void> {
    await this.project.refresh(matrix ? ['overview', 'cells', 'history'] : ['history']);
    await this.lastReload;
  }

  // --- Selection and navigation ---------------------------------------------------------------------------------

  readonly getUi = (): RecordUi => this.ui;

  setUi(patch: Partial<RecordUi>): void {
    this.ui = { ...this.ui, ...patch };
    this.emit();
  }

  setNavigator(navigator: ((target: NavTarget) => void) | undefined): void {
    this.navigator = navigator;
  }

  navigate(target: NavTarget): void {
    this.navigator?.(target);
  }
}

const stores = new WeakMap<ProjectStore, RecordStore>();

export function recordStoreFor(project: ProjectStore): RecordStore {
  let store = stores.get(project);
  if (!store) {
    store = new RecordStore(project);
    stores.set(project, store);
  }
  return store;
}

export function useRecordStore(): RecordStore {
  const { store } = useServices();
  return recordStoreFor(store);
}

/** One record list, loaded while the component shows it and kept fresh across edits, undo and redo. */
export function useRecord<R extends Resource>(resource: R): Slot<RecordData[R]> & { reload: () => void } {
  const store = useRecordStore();
  useEffect(() => store.watch(resource), [store, resource]);
  const slot = useSyncExternalStore(store.subscribe, () => store.slot(resource));
  const reload = useCallback(() => void store.reload([resource]), [store, resource]);
  return { ...slot, reload };
}

export function useRecordUi(): [RecordUi, (patch: Partial<RecordUi>) => void] {
  const store = useRecordStore();
  const ui = useSyncExternalStore(store.subscribe, store.getUi);
  const set = useCallback((patch: Partial<RecordUi>) => store.setUi(patch), [store]);
  return [ui, set];
}

function call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const fn = api[method] as unknown as (input: ApiInput<M>) => Promise<ApiOutput<M>>;
  return fn(input);
}

export interface RecordEdit<M extends Method> {
  run: (input: ApiInput<M>) => Promise<ApiOutput<M> | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/**
 * An edit of the record (save, remove, import): sends what is typed first, so the back end sees the edits in order,
 * then reloads the undo state and the record lists. Resolves to undefined when it failed (see `error`).
 */
export function useRecordEdit<M extends Method>(method: M): RecordEdit<M> {
  const { queue } = useServices();
  const store = useRecordStore();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const run = useCallback(
    async (input: ApiInput<M>) => {
      setPending(true);
      setError(undefined);
      try {
        await queue.flush();
        const result = await call(method, input);
        await store.afterEdit(method === 'data.importCsv');
        return result;
      } catch (caught) {
        setError(toApiError(caught));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [method, queue, store],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}

/** A save for a field that saves itself (see fields.tsx): the call, then the reload that shows its result. */
export function useRecordSender(): <M extends Method>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>> {
  const store = useRecordStore();
  return useCallback(
    async <M extends Method>(method: M, input: ApiInput<M>) => {
      const result = await call(method, input);
      await store.afterEdit();
      return result;
    },
    [store],
  );
}
