/**
 * The API contract: one JSON-safe input object per method and the JSON-safe result it answers with.
 * Types only; the runtime schemas that validate inputs live in `schemas.ts`, the method list in `methods.ts`.
 */
import type { Method } from './methods';

export type CaseRole = 'focal' | 'comparison';
export type CellMode = 'discourse' | 'practice' | 'both';
export type Confidence = 'low' | 'medium' | 'high';

export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'choice';
export type AttributeValue = string | number | boolean;

export interface CaseDto {
  id: string;
  name: string;
  isoCode: string | null;
  role: CaseRole;
  notes: string;
  position: number;
  archived: boolean;
  /** Typed attribute values by attribute id (absent = not set). */
  attributes: Record<string, AttributeValue>;
}

export interface AttributeDto {
  id: string;
  name: string;
  type: AttributeType;
  /** Allowed values, for type 'choice'. */
  choices: string[];
  position: number;
}

export interface NormDto {
  id: string;
  label: string;
  shortLabel: string;
  description: string;
  instrument: string;
  paragraph: string;
  diffusingAgent: string;
  frameworkId: string;
  position: number;
  archived: boolean;
  /** What each stage means for this norm, by stage id. */
  stageNotes: Record<string, string>;
}

export interface StageDto {
  id: string;
  position: number;
  label: string;
  description: string;
  asksMode: boolean;
}

export interface StatusLevelDto {
  key: string;
  label: string;
  position: number;
  palette: number;
}

export interface FrameworkDto {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
  /** The template it was made from, if any. */
  template: string | null;
  /** Live stages in order (archived stages are not listed). */
  stages: StageDto[];
  statuses: StatusLevelDto[];
}

export interface FrameworkTemplateDto {
  id: string;
  name: string;
  description: string;
  citation: string;
  stages: { label: string; description: string; asksMode: boolean }[];
}

export interface CellDto {
  id: string;
  caseId: string;
  normId: string;
  stageId: string;
  status: string;
  mode: CellMode | null;
  periodFrom: number | null;
  periodTo: number | null;
  summary: string;
  confidence: Confidence | null;
  memo: string;
  createdAt: string;
  updatedAt: string;
}

export type CellPatch = Partial<Pick<CellDto, 'status' | 'mode' | 'periodFrom' | 'periodTo' | 'summary' | 'confidence' | 'memo'>>;

/** A cell that a structural change would leave without a place in the matrix. */
export interface OrphanCellDto {
  cellId: string;
  caseName: string;
  normLabel: string;
  stageId: string;
  stageLabel: string;
  status: string;
  summary: string;
}

/** What the researcher decides for orphaned cells: nothing is dropped without this choice. */
export type OrphanChoice =
  | { action: 'move'; stageMap: Record<string, string> }
  | { action: 'archive' }
  | { action: 'delete' };

export type Orientation = 'cases-as-columns' | 'stages-as-columns';

export interface ViewDto {
  id: string;
  name: string;
  /** The norms shown, in order; empty = all norms, stacked. */
  normIds: string[];
  /** The cases shown, in column order; empty = all live cases in project order. */
  caseIds: string[];
  orientation: Orientation;
  differences: boolean;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface ProjectCounts {
  cases: number;
  norms: number;
  stages: number;
  cells: number;
  frameworks: number;
  views: number;
}

export interface ProjectSummary {
  path: string;
  fileName: string;
  title: string;
  schemaVersion: number;
  counts: ProjectCounts;
}

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
  exists: boolean;
}

export interface ProjectOverview {
  project: ProjectSummary;
  /** Live cases (focal first, then in order), then archived ones. */
  cases: CaseDto[];
  norms: NormDto[];
  frameworks: FrameworkDto[];
  attributes: AttributeDto[];
  views: ViewDto[];
}

type NormFields = {
  label: string;
  shortLabel?: string | undefined;
  description?: string | undefined;
  instrument?: string | undefined;
  paragraph?: string | undefined;
  diffusingAgent?: string | undefined;
};

type CaseFields = { name: string; isoCode?: string | null | undefined; role?: CaseRole | undefined; notes?: string | undefined };
type StageFields = { label: string; description?: string | undefined; asksMode?: boolean | undefined };

export interface AppInfo {
  appName: string;
  appVersion: string;
  schemaVersion: number;
  transport: 'ipc' | 'http';
}

type Empty = Record<string, never>;

/** Inputs and outputs of every method. */
export interface ApiSpec {
  'app.info': { input: Empty; output: AppInfo };
  'project.current': { input: Empty; output: ProjectSummary | null };
  'project.open': { input: { path: string }; output: ProjectSummary };
  'project.create': { input: { path: string; title?: string | undefined }; output: ProjectSummary };
  'project.close': { input: Empty; output: null };
  /** Writes a consistent copy of the open project to a new file; answers the copy's path. */
  'project.saveCopy': { input: { path: string }; output: { path: string } };
  'project.recent': { input: Empty; output: RecentProject[] };
  'project.overview': { input: Empty; output: ProjectOverview };
  'cells.list': { input: { normId?: string | undefined }; output: CellDto[] };
  /** Creates the cell if it does not exist yet. */
  'cells.update': { input: { caseId: string; normId: string; stageId: string; patch: CellPatch }; output: CellDto };
  'cases.create': { input: CaseFields; output: CaseDto };
  'cases.update': { input: { id: string } & Partial<CaseFields>; output: CaseDto };
  'cases.reorder': { input: { ids: string[] }; output: CaseDto[] };
  'cases.archive': { input: { id: string; archived: boolean }; output: CaseDto };
  'cases.setAttribute': { input: { caseId: string; attributeId: string; value: AttributeValue | null }; output: CaseDto };
  'attributes.create': { input: { name: string; type: AttributeType; choices?: string[] | undefined }; output: AttributeDto };
  'attributes.update': { input: { id: string; name?: string | undefined; choices?: string[] | undefined }; output: AttributeDto };
  'attributes.remove': { input: { id: string }; output: null };
  'norms.create': { input: NormFields & { frameworkId?: string | undefined }; output: NormDto };
  'norms.update': { input: { id: string } & Partial<NormFields> & { stageNotes?: Record<string, string> | undefined }; output: NormDto };
  'norms.reorder': { input: { ids: string[] }; output: NormDto[] };
  'norms.archive': { input: { id: string; archived: boolean }; output: NormDto };
  /** The cells that moving a norm to another framework would orphan. */
  'norms.frameworkImpact': { input: { id: string; frameworkId: string }; output: OrphanCellDto[] };
  /** Refused with CONFLICT when cells would be orphaned and no choice is given. */
  'norms.setFramework': { input: { id: string; frameworkId: string; orphans?: OrphanChoice | undefined }; output: NormDto };
  'frameworks.templates': { input: Empty; output: FrameworkTemplateDto[] };
  'frameworks.create': {
    input: { templateId: string; name?: string | undefined } | { templateId?: undefined; name: string; description?: string | undefined; stages: StageFields[] };
    output: FrameworkDto;
  };
  'frameworks.update': { input: { id: string; name?: string | undefined; description?: string | undefined; isDefault?: true | undefined }; output: FrameworkDto };
  /** Replaces the status scale; refused with CONFLICT if a removed status is still used by a cell. */
  'frameworks.setStatuses': {
    input: { id: string; statuses: { key?: string | undefined; label: string; palette: number }[] };
    output: FrameworkDto;
  };
  'frameworks.remove': { input: { id: string }; output: null };
  'stages.add': { input: { frameworkId: string; position?: number | undefined } & StageFields; output: FrameworkDto };
  'stages.update': { input: { id: string } & Partial<StageFields>; output: FrameworkDto };
  'stages.reorder': { input: { frameworkId: string; ids: string[] }; output: FrameworkDto };
  'stages.removalImpact': { input: { id: string }; output: OrphanCellDto[] };
  /** Refused with CONFLICT when the stage holds cells and no choice is given. */
  'stages.remove': {
    input: { id: string; orphans?: { action: 'move'; toStageId: string } | { action: 'archive' } | { action: 'delete' } | undefined };
    output: FrameworkDto;
  };
  'views.save': { input: { id?: string | undefined; name: string; normIds: string[]; caseIds: string[]; orientation: Orientation; differences: boolean }; output: ViewDto };
  'views.remove': { input: { id: string }; output: null };
  'history.state': { input: Empty; output: HistoryState };
  'history.undo': { input: Empty; output: HistoryState };
  'history.redo': { input: Empty; output: HistoryState };
}

// Compile-time guarantee that the method list and the spec name the same methods.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const methodListMatchesSpec: Exact<Method, keyof ApiSpec> = true;

export type ApiInput<M extends Method> = ApiSpec[M]['input'];
export type ApiOutput<M extends Method> = ApiSpec[M]['output'];

/** What a client of the API looks like: every method, returning a promise of its result. */
export type Api = { [M in Method]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** What the server side implements: the same methods, sync or async. */
export type Handlers = { [M in Method]: (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>> };
