/**
 * The QCA view's data: sets (conditions and the outcome) read from what the project records and calibrated into
 * memberships, and the analysis of one definition (necessity, truth table, solutions). The shapes mirror what
 * `comparanda qca ... --json` prints, so that the view and a script show the same numbers.
 */

export type QcaSetSource =
  | { kind: 'attribute'; attributeId: string }
  | { kind: 'indicator'; indicatorId: string; year?: number | undefined; from?: number | undefined; to?: number | undefined }
  | { kind: 'cell'; normId: string; stageId: string; statuses: string[] }
  | { kind: 'claims'; normId?: string | undefined; assessments?: string[] | undefined }
  | { kind: 'manual' };

export type QcaCalibration =
  | { method: 'crisp'; thresholds: number[] }
  | { method: 'fuzzy'; exclusion: number; crossover: number; inclusion: number; idm?: number | undefined }
  | { method: 'manual'; scores: Record<string, { score: number; reason: string }> }
  | { method: 'direct' };

export interface QcaSetDto {
  id: string;
  name: string;
  role: 'condition' | 'outcome';
  definition: string;
  memo: string;
  source: QcaSetSource;
  calibration: QcaCalibration;
  position: number;
}

export interface QcaSetInput {
  id?: string | undefined;
  name: string;
  role?: 'condition' | 'outcome' | undefined;
  definition?: string | undefined;
  memo?: string | undefined;
  source: QcaSetSource;
  calibration: QcaCalibration;
}

export interface QcaEvidenceDto {
  /** What the raw value was read from, in words (the project's own names, in the language they were recorded in). */
  label: string;
  kind: 'attribute' | 'indicator' | 'cell' | 'claims' | 'manual';
  cellId?: string | undefined;
  claimIds?: string[] | undefined;
  excerptIds?: string[] | undefined;
  sourceIds?: string[] | undefined;
}

export interface QcaCalibratedRowDto {
  caseId: string;
  caseName: string;
  raw: number | null;
  score: number | null;
  reason?: string | undefined;
  evidence: QcaEvidenceDto;
}

/** One analysis: the outcome, its conditions and the truth table's cuts (R's incl.cut, n.cut, pri.cut). */
export interface QcaAnalysisInput {
  outcome: string;
  conditions: string[];
  /** Inclusion cut for a positive row; `inclCut0` (not above it) marks rows between the two as contradictions. */
  inclCut?: number | undefined;
  inclCut0?: number | undefined;
  nCut?: number | undefined;
  priCut?: number | undefined;
}

export interface QcaNecessityRowDto {
  condition: string;
  inclN: number;
  RoN: number;
  covN: number;
}

export interface QcaTruthTableRowDto {
  /** R's row number. */
  id: number;
  values: number[];
  out: '1' | '0' | 'C' | '?';
  n: number;
  incl: number;
  PRI: number;
  cases: string[];
}

export interface QcaTruthTableDto {
  conditions: string[];
  outcome: string;
  levels: number[];
  options: { inclCut: [number, number]; nCut: number; priCut: number; exclude: number[] };
  rows: QcaTruthTableRowDto[];
  remainders: number;
  totalRows: number;
  unassigned: string[];
}

export interface QcaAnalysisDto {
  cases: { id: string; name: string }[];
  necessity: QcaNecessityRowDto[];
  truthTable: QcaTruthTableDto;
}

export type QcaSolutionKind = 'conservative' | 'parsimonious' | 'intermediate';

export interface QcaFitDto {
  inclS: number;
  PRI: number;
  covS: number;
}

export interface QcaTermFitDto extends QcaFitDto {
  covU: number | null;
  /** Cases of the positive rows the term covers, row by row. */
  cases: string[][];
}

export interface QcaModelDto {
  terms: string[];
  fit: QcaFitDto;
  termFits: Record<string, QcaTermFitDto>;
}

export interface QcaCounterfactualsDto {
  count: number;
  rows: number[];
}

export interface QcaSolutionDto {
  kind: QcaSolutionKind;
  from?: string | undefined;
  models: QcaModelDto[];
  truncated: boolean;
  primeImplicants: string[];
  simplifyingAssumptions?: QcaCounterfactualsDto | undefined;
  easyCounterfactuals?: QcaCounterfactualsDto | undefined;
  difficultCounterfactuals?: QcaCounterfactualsDto | undefined;
}

export interface QcaMinimizeInput extends QcaAnalysisInput {
  solution: QcaSolutionKind;
  /** Intermediate: the expected value per condition (1 present, 0 absent, or a level). */
  dirExp?: Record<string, number> | undefined;
}

/** What a finished minimisation job answers: the truth table it minimised and each solution (one per C×P pair). */
export interface QcaMinimizeResultDto {
  outcome: string;
  truthTable: QcaTruthTableDto;
  solutions: QcaSolutionDto[];
}

/** An XY plot: a term (or a literal, or a whole model "A*B + C") against the outcome, in R's notation. */
export interface QcaXyInput extends QcaAnalysisInput {
  expression: string;
}

export interface QcaXyPointDto {
  caseId: string | null;
  caseName: string;
  /** Membership in the expression (fuzzy AND over a term's literals, OR over terms). */
  x: number;
  /** Membership in the outcome (negated when the outcome is ~Y). */
  y: number;
  /** x ≤ y: the case is in the region consistent with sufficiency (on or above the diagonal). */
  consistent: boolean;
}

export interface QcaXyDto {
  expression: string;
  outcome: string;
  points: QcaXyPointDto[];
  /** The expression's fit as sufficient for the outcome: the solution table's inclS, PRI and covS for the same term. */
  fit: QcaFitDto;
}

/** The analysis a publication export reports (default: the project's outcome set and all its condition sets). */
export interface QcaExportDefinition extends QcaAnalysisInput {
  dirExp?: Record<string, number> | undefined;
}
