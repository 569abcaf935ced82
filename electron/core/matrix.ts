/**
 * The matrix as tables: for each norm, its framework's stages as rows and the chosen cases as columns, the focal
 * case first. Shared by the CLI and the exports; built from four queries whatever the size of the project.
 */
import type { CaseDto, CellDto, FrameworkDto, NormDto, StageDto, StatusLevelDto, ViewDto } from '../contract/api';
import { arrangeCases } from '../contract/columns';
import { localError } from '../contract/i18n/format';
import { matchCase, matchName, matchNorm } from './names';
import type { Project } from './project';

export interface MatrixRow {
  stage: StageDto;
  /** One entry per case, in column order; null where nothing is recorded ("no data"). */
  cells: (CellDto | null)[];
}

export interface MatrixTable {
  norm: NormDto;
  framework: FrameworkDto;
  cases: CaseDto[];
  rows: MatrixRow[];
}

export interface MatrixSelection {
  /** Norm ids or labels; empty or absent = every live norm. */
  norms?: string[] | undefined;
  /** Case ids, names or ISO codes, in column order; absent = every live case. */
  cases?: string[] | undefined;
  /** A saved view's name or id; explicit norms and cases override it. */
  view?: string | undefined;
}

export function resolveNorm(p: Project, query: string, norms: NormDto[] = p.overview().norms): NormDto {
  return matchNorm(query, norms);
}

export function resolveCase(p: Project, query: string, cases: CaseDto[] = p.overview().cases): CaseDto {
  return matchCase(query, cases);
}

export function resolveView(views: ViewDto[], query: string): ViewDto {
  return matchName('view', query, views, (v) => ({ exact: [v.id], names: [v.name] }), (v) => v.name);
}

export function statusLabel(framework: FrameworkDto, key: string): string {
  return framework.statuses.find((s) => s.key === key)?.label ?? key;
}

export function statusLevel(framework: FrameworkDto, key: string): StatusLevelDto | undefined {
  return framework.statuses.find((s) => s.key === key);
}

/** Focal case(s) first, the rest in the given order. */
export function orderCases(cases: CaseDto[]): CaseDto[] {
  return [...cases.filter((c) => c.role === 'focal'), ...cases.filter((c) => c.role !== 'focal')];
}

export function matrixTables(p: Project, selection: MatrixSelection = {}): MatrixTable[] {
  const overview = p.overview();
  const view = selection.view ? resolveView(overview.views, selection.view) : undefined;
  const liveNorms = overview.norms.filter((n) => !n.archived);
  const liveCases = overview.cases.filter((c) => !c.archived);

  let norms: NormDto[];
  if (selection.norms && selection.norms.length > 0) norms = selection.norms.map((q) => resolveNorm(p, q, overview.norms));
  else if (view && view.normIds.length > 0) norms = view.normIds.map((id) => overview.norms.find((n) => n.id === id)).filter((n): n is NormDto => !!n);
  else norms = liveNorms;

  let cases: CaseDto[];
  if (selection.cases && selection.cases.length > 0) cases = selection.cases.map((q) => resolveCase(p, q, overview.cases));
  else if (view && view.caseIds.length > 0) cases = view.caseIds.map((id) => overview.cases.find((c) => c.id === id)).filter((c): c is CaseDto => !!c);
  else cases = liveCases;
  // A view's attribute filters and grouping apply to its cases, as in the app; cases named on the command line are shown as named.
  if (view && !(selection.cases && selection.cases.length > 0)) cases = arrangeCases(cases, view.columns, overview.attributes);
  cases = orderCases([...new Map(cases.map((c) => [c.id, c])).values()]);

  return norms.map((norm) => {
    // Each norm's own cells: a one-norm export of a 20-norm project read all twenty norms' (12,000 cells at XL).
    const byKey = new Map(p.cells(norm.id).map((c) => [`${c.caseId}|${c.stageId}`, c]));
    const framework = overview.frameworks.find((f) => f.id === norm.frameworkId);
    if (!framework) throw localError('PROJECT_CORRUPT', 'errors.frameworkMissing', { norm: norm.label, command: 'comparanda check' });
    return {
      norm,
      framework,
      cases,
      rows: framework.stages.map((stage) => ({ stage, cells: cases.map((c) => byKey.get(`${c.id}|${stage.id}`) ?? null) })),
    };
  });
}
