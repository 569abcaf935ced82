/** The three sizes of synthetic project (issue #8). */
export type SizeName = 'S' | 'M' | 'L';

export interface SizeSpec {
  name: SizeName;
  cases: number;
  norms: number;
  /** 4: the article's default framework (and, at M, a template framework for half the norms); else a custom framework. */
  stages: number;
  documents: number;
  /** Text per document (UTF-8 bytes), cut into pages of `pageBytes`. */
  documentBytes: number;
  pageBytes: number;
  excerpts: number;
  /** Share of the excerpts coded to a matrix cell (excerpts.link). */
  linkedShare: number;
  /** cells.update calls in all: every live cell filled once, the rest are revisions (see README). */
  cellEdits: number;
  /** Pages of the PDF imported by the import benchmark. */
  pdfPages: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  S: { name: 'S', cases: 5, norms: 2, stages: 4, documents: 100, documentBytes: 30_000, pageBytes: 3_000, excerpts: 2_500, linkedShare: 0.6, cellEdits: 400, pdfPages: 60 },
  M: { name: 'M', cases: 15, norms: 4, stages: 4, documents: 500, documentBytes: 100_000, pageBytes: 3_000, excerpts: 12_500, linkedShare: 0.6, cellEdits: 2_400, pdfPages: 300 },
  L: { name: 'L', cases: 40, norms: 8, stages: 6, documents: 2_000, documentBytes: 100_000, pageBytes: 3_000, excerpts: 50_000, linkedShare: 0.6, cellEdits: 20_000, pdfPages: 300 },
};

export function matrixPositions(spec: SizeSpec): number {
  return spec.cases * spec.norms * spec.stages;
}
