/**
 * What the workbench knows about the open project: the overview, every live cell (one query, all norms) and the
 * undo/redo state. An external store rather than component state so that a cell saved by the editor replaces one
 * entry and keeps every other cell object as it was: the matrix's memoised cells then re-render only where
 * something changed, also after a full reload (answers are reconciled against what is already held).
 */
import type { Api, CellDto, CellEvidenceCount, HistoryState, ProjectOverview } from '../../electron/contract/api';
import type { ApiError } from '../../electron/contract/errors';
import { toApiError } from './api';
import { cellKey } from './matrix/matrix-model';

export interface ProjectSnapshot {
  overview: ProjectOverview | undefined;
  overviewError: ApiError | undefined;
  /** Live cells by cellKey(normId, caseId, stageId); undefined until the first answer. */
  cells: ReadonlyMap<string, CellDto> | undefined;
  cellsError: ApiError | undefined;
  /**
   * While the first full list of cells is on its way: the cells of the norms the matrix opens on, asked for first
   * (one norm's 240 cells answer in a tenth of the time of all 1,920), and which norms they are.
   */
  early: { cells: ReadonlyMap<string, CellDto>; normIds: ReadonlySet<string> } | undefined;
  /** Excerpts linked to each cell (by cell id; absent = none), loaded with the cells; undefined until answered. */
  evidence: ReadonlyMap<string, number> | undefined;
  history: HistoryState;
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

function sameCell(a: CellDto, b: CellDto): boolean {
  return (
    a.id === b.id &&
    a.updatedAt === b.updatedAt &&
    a.status === b.status &&
    a.mode === b.mode &&
    a.periodFrom === b.periodFrom &&
    a.periodTo === b.periodTo &&
    a.summary === b.summary &&
    a.confidence === b.confidence &&
    a.memo === b.memo &&
    a.stageId === b.stageId &&
    a.normId === b.normId &&
    a.caseId === b.caseId
  );
}

/** A new index of `next`, reusing the objects of `previous` that did not change (so memoised views can skip them). */
export function reconcileCells(previous: ReadonlyMap<string, CellDto> | undefined, next: readonly CellDto[]): Map<string, CellDto> {
  const index = new Map<string, CellDto>();
  for (const cell of next) {
    const key = cellKey(cell.normId, cell.caseId, cell.stageId);
    const before = previous?.get(key);
    index.set(key, before && sameCell(before, cell) ? before : cell);
  }
  return index;
}

/** The counts as a map, or the previous map itself when nothing changed (so the matrix's rows need not re-render). */
export function reconcileCounts(previous: ReadonlyMap<string, number> | undefined, next: readonly CellEvidenceCount[]): ReadonlyMap<string, number> {
  if (previous && previous.size === next.length && next.every((c) => previous.get(c.cellId) === c.excerpts)) return previous;
  return new Map(next.map((c) => [c.cellId, c.excerpts]));
}

export type RefreshPart = 'overview' | 'cells' | 'history';

/** Longest wait for a frame: a hidden or minimised window draws none, and the cells must still be asked for. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the window has drawn what the last change of the store rendered (the frame after it), or after
 * FRAME_WAIT_MS if no frame comes.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export class ProjectStore {
  private snapshot: ProjectSnapshot = { overview: undefined, overviewError: undefined, cells: undefined, cellsError: undefined, early: undefined, evidence: undefined, history: NO_HISTORY };
  private readonly listeners = new Set<() => void>();
  // Each load has a ticket: an answer to an older request than the latest one is dropped.
  private readonly tickets: Record<RefreshPart, number> = { overview: 0, cells: 0, history: 0 };

  constructor(private readonly api: Api) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): ProjectSnapshot => this.snapshot;

  private set(patch: Partial<ProjectSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Loads the given parts again (all three by default); resolves when they have answered. */
  async refresh(parts: readonly RefreshPart[] = ['overview', 'cells', 'history']): Promise<void> {
    await Promise.all(parts.map((part) => this.load(part)));
  }

  /**
   * The first load of an open project: the overview, then (if the matrix opens on some norms, not all) those norms'
   * cells, shown with the overview; every cell is asked for once they are on screen. A back end answers one request
   * at a time, and the full list is the largest answer it makes (XL: 12.9 MB for 12,000 cells, a third of a second to
   * make and as long for the window to read): asked for with the first norms', it took the second core from the
   * window's processes while they drew the first screen, or arrived in the middle of it.
   */
  async open(firstNorms: (overview: ProjectOverview) => readonly string[] | null): Promise<void> {
    const history = this.load('history');
    const ticket = ++this.tickets.overview;
    let overview: ProjectOverview | undefined;
    try {
      overview = await this.api['project.overview']({});
    } catch (error) {
      if (ticket === this.tickets.overview) this.set({ overviewError: toApiError(error) });
    }
    // The cells are asked for before the overview is shown (showing it renders the window, and the requests would
    // wait for that); the overview is shown with the first norms' cells, in one render rather than two.
    const first = overview ? firstNorms(overview) : null;
    const early = first && first.length > 0 ? Promise.all(first.map((normId) => this.fetchEarly(normId))) : null;
    // With no first norms (all norms stacked, or no overview) every cell is what the matrix waits for.
    const cells = early ? null : this.load('cells');
    const lists = (await early) ?? [];
    const patch: Partial<ProjectSnapshot> = {};
    if (overview && ticket === this.tickets.overview) Object.assign(patch, { overview, overviewError: undefined });
    if (this.snapshot.cells === undefined && first && lists.every((list) => list !== null)) {
      const index = new Map<string, CellDto>();
      for (const list of lists) for (const cell of list!) index.set(cellKey(cell.normId, cell.caseId, cell.stageId), cell);
      patch.early = { cells: index, normIds: new Set(first) };
    }
    this.set(patch);
    await Promise.all([cells ?? afterNextPaint().then(() => this.load('cells')), history]);
  }

  private async fetchEarly(normId: string): Promise<CellDto[] | null> {
    try {
      return await this.api['cells.list']({ normId });
    } catch {
      return null; // The full list reports any failure.
    }
  }

  private async load(part: RefreshPart): Promise<void> {
    const ticket = ++this.tickets[part];
    try {
      if (part === 'overview') {
        const overview = await this.api['project.overview']({});
        if (ticket === this.tickets.overview) this.set({ overview, overviewError: undefined });
      } else if (part === 'cells') {
        // The evidence counts come with the cells; without them the matrix simply shows no evidence marks.
        const listed = this.api['cells.list']({});
        const counts = this.api['cells.evidenceCounts']({}).catch(() => null);
        const list = await listed;
        // The cells are shown as soon as they are in; their evidence counts follow.
        if (ticket === this.tickets.cells) this.set({ cells: reconcileCells(this.snapshot.cells ?? this.snapshot.early?.cells, list), cellsError: undefined, early: undefined });
        const evidence = await counts;
        if (evidence && ticket === this.tickets.cells) this.set({ evidence: reconcileCounts(this.snapshot.evidence, evidence) });
      } else {
        const history = await this.api['history.state']({});
        if (ticket === this.tickets.history) this.set({ history });
      }
    } catch (error) {
      if (ticket !== this.tickets[part]) return;
      if (part === 'overview') this.set({ overviewError: toApiError(error) });
      else if (part === 'cells') this.set({ cellsError: toApiError(error) });
      // A failed history answer leaves the buttons as they were; the next edit asks again.
    }
  }

  /** One cell as the back end answered after saving it. */
  putCell(cell: CellDto): void {
    const key = cellKey(cell.normId, cell.caseId, cell.stageId);
    if (this.snapshot.cells === undefined && this.snapshot.early) {
      // Saved before every cell was in: into the cells the matrix shows meanwhile.
      const cells = new Map(this.snapshot.early.cells);
      cells.set(key, cell);
      this.set({ early: { ...this.snapshot.early, cells } });
      return;
    }
    const before = this.snapshot.cells?.get(key);
    if (before && sameCell(before, cell)) return;
    const cells = new Map(this.snapshot.cells ?? []);
    cells.set(key, cell);
    this.set({ cells });
  }

  setHistory(history: HistoryState): void {
    this.set({ history });
  }
}
