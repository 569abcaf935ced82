/**
 * How the matrix is looked at: which norms (one, or several stacked), which cases in which column order, the
 * orientation and the differences mode. Remembered per project file in this window's storage, and saved by name
 * as a project view (views.save) when the researcher wants to come back to it or share it.
 */
import type { AttributeDto, CaseDto, ColumnArrangement, NormDto, Orientation, ViewDto } from '../../../electron/contract/api';
import { arrangeCases, NO_ARRANGEMENT } from '../../../electron/contract/columns';
import { orderCases } from './matrix-model';

export interface MatrixSettings {
  /** null = the first norm; [] = every live norm, stacked; otherwise these norms (one = one norm at a time). */
  normIds: string[] | null;
  /** Column order chosen by the researcher (cases not listed follow in project order). */
  caseOrder: string[];
  hiddenCaseIds: string[];
  orientation: Orientation;
  differences: boolean;
  /** Columns kept and grouped by case attributes, on top of the cases chosen by hand. */
  columns: ColumnArrangement;
  /** The saved view last applied (or saved), if any. */
  viewId: string | null;
}

export const DEFAULT_SETTINGS: MatrixSettings = {
  normIds: null,
  caseOrder: [],
  hiddenCaseIds: [],
  orientation: 'cases-as-columns',
  differences: false,
  columns: NO_ARRANGEMENT,
  viewId: null,
};

function parseArrangement(value: unknown): ColumnArrangement {
  const raw = (value ?? {}) as Partial<ColumnArrangement>;
  const filters = Array.isArray(raw.filters)
    ? raw.filters
        .filter((f) => typeof f?.attributeId === 'string' && Array.isArray(f.values))
        .map((f) => ({ attributeId: f.attributeId, values: f.values.filter((v): v is string => typeof v === 'string') }))
    : [];
  return { filters, groupBy: typeof raw.groupBy === 'string' ? raw.groupBy : null };
}

const STORAGE_PREFIX = 'comparanda.matrix:';

export function loadSettings(projectPath: string): MatrixSettings {
  try {
    const raw = window.localStorage.getItem(STORAGE_PREFIX + projectPath);
    if (!raw) return DEFAULT_SETTINGS;
    const parsed = JSON.parse(raw) as Partial<MatrixSettings>;
    const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
    return {
      normIds: parsed.normIds === null || parsed.normIds === undefined ? null : strings(parsed.normIds),
      caseOrder: strings(parsed.caseOrder),
      hiddenCaseIds: strings(parsed.hiddenCaseIds),
      orientation: parsed.orientation === 'stages-as-columns' ? 'stages-as-columns' : 'cases-as-columns',
      differences: parsed.differences === true,
      columns: parseArrangement(parsed.columns),
      viewId: typeof parsed.viewId === 'string' ? parsed.viewId : null,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function storeSettings(projectPath: string, settings: MatrixSettings): void {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + projectPath, JSON.stringify(settings));
  } catch {
    // Storage can be full or disabled: the layout is then remembered for this page only.
  }
}

/** The norms the matrix shows, in order. */
export function shownNorms(settings: MatrixSettings, norms: readonly NormDto[]): { norms: NormDto[]; stacked: boolean } {
  const live = norms.filter((n) => !n.archived);
  if (settings.normIds === null) return { norms: live.slice(0, 1), stacked: false };
  if (settings.normIds.length === 0) return { norms: live, stacked: true };
  const chosen = settings.normIds.map((id) => live.find((n) => n.id === id)).filter((n): n is NormDto => n !== undefined);
  if (chosen.length === 0) return { norms: live.slice(0, 1), stacked: false };
  return { norms: chosen, stacked: chosen.length > 1 };
}

/** Every live case in column order (the focal case pinned first), whether shown or not. */
export function casesInColumnOrder(settings: MatrixSettings, cases: readonly CaseDto[]): CaseDto[] {
  const live = cases.filter((c) => !c.archived);
  const rank = new Map(settings.caseOrder.map((id, index) => [id, index]));
  const projectRank = new Map(live.map((c, index) => [c.id, index]));
  const sorted = [...live].sort((a, b) => {
    const ra = rank.get(a.id);
    const rb = rank.get(b.id);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return projectRank.get(a.id)! - projectRank.get(b.id)!;
  });
  return orderCases(sorted);
}

/** The cases the matrix shows, in column order. The focal case cannot be hidden: it is what the others are compared with. */
export function shownCases(settings: MatrixSettings, cases: readonly CaseDto[]): CaseDto[] {
  const hidden = new Set(settings.hiddenCaseIds);
  return casesInColumnOrder(settings, cases).filter((c) => c.role === 'focal' || !hidden.has(c.id));
}

/** The columns the matrix shows: the cases chosen by hand, then kept and grouped by their attribute values. */
export function arrangedCases(settings: MatrixSettings, cases: readonly CaseDto[], attributes: readonly AttributeDto[]): CaseDto[] {
  return arrangeCases(shownCases(settings, cases), settings.columns, attributes);
}

export function settingsFromView(view: ViewDto, cases: readonly CaseDto[]): MatrixSettings {
  const listed = new Set(view.caseIds);
  return {
    normIds: view.normIds.length === 0 ? [] : view.normIds,
    caseOrder: view.caseIds,
    hiddenCaseIds: view.caseIds.length === 0 ? [] : cases.filter((c) => !c.archived && !listed.has(c.id)).map((c) => c.id),
    orientation: view.orientation,
    differences: view.differences,
    columns: view.columns,
    viewId: view.id,
  };
}

/** What views.save stores for the matrix as it is now. */
export function viewFromSettings(settings: MatrixSettings, norms: readonly NormDto[], cases: readonly CaseDto[]): Omit<ViewDto, 'id' | 'name'> {
  const shown = shownNorms(settings, norms);
  return {
    // "All norms" stays all norms: a norm added later appears in the view too.
    normIds: settings.normIds !== null && settings.normIds.length === 0 ? [] : shown.norms.map((n) => n.id),
    caseIds: shownCases(settings, cases).map((c) => c.id),
    orientation: settings.orientation,
    differences: settings.differences,
    columns: settings.columns,
  };
}

/** True when the matrix shows exactly what the view says. */
export function matchesView(settings: MatrixSettings, view: ViewDto, norms: readonly NormDto[], cases: readonly CaseDto[]): boolean {
  const now = viewFromSettings(settings, norms, cases);
  const applied = viewFromSettings(settingsFromView(view, cases), norms, cases);
  return JSON.stringify(now) === JSON.stringify(applied);
}
