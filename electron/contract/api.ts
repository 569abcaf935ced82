/**
 * The API contract: one JSON-safe input object per method and the JSON-safe result it answers with.
 * Types only; the runtime schemas that validate inputs live in `schemas.ts`, the method list in `methods.ts`.
 */
import type { Method } from './methods';

export type CaseRole = 'focal' | 'comparison';
export type CellMode = 'discourse' | 'practice' | 'both';
export type Confidence = 'low' | 'medium' | 'high';

export interface CaseDto {
  id: string;
  name: string;
  isoCode: string | null;
  role: CaseRole;
  notes: string;
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
  stages: StageDto[];
  statuses: StatusLevelDto[];
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

export interface ProjectCounts {
  cases: number;
  norms: number;
  stages: number;
  cells: number;
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
  cases: CaseDto[];
  norms: NormDto[];
  frameworks: FrameworkDto[];
}

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
  'project.recent': { input: Empty; output: RecentProject[] };
  'project.overview': { input: Empty; output: ProjectOverview };
  'cells.list': { input: { normId?: string | undefined }; output: CellDto[] };
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
