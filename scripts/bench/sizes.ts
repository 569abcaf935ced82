/** The sizes of synthetic project (issue #8; XL, issue 22). */
export type SizeName = 'S' | 'M' | 'L' | 'XL';

/** What a size is held to (issue #8 set L's; issue 22 XL's). S and M are held to L's: they must be at least as quick. */
export interface SizeTargets {
  openMs: number;
  matrixMs: number;
  searchP95Ms: number;
  /** The first PDF export of one norm in a new process (its citations kept in the project by an earlier export); null: L's 3 s. */
  firstExportMs: number | null;
  rendererMb: number;
}

const L_TARGETS: SizeTargets = { openMs: 500, matrixMs: 150, searchP95Ms: 30, firstExportMs: null, rendererMb: 400 };

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
  targets: SizeTargets;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  S: { name: 'S', cases: 5, norms: 2, stages: 4, documents: 100, documentBytes: 30_000, pageBytes: 3_000, excerpts: 2_500, linkedShare: 0.6, cellEdits: 400, pdfPages: 60, targets: L_TARGETS },
  M: { name: 'M', cases: 15, norms: 4, stages: 4, documents: 500, documentBytes: 100_000, pageBytes: 3_000, excerpts: 12_500, linkedShare: 0.6, cellEdits: 2_400, pdfPages: 300, targets: L_TARGETS },
  L: { name: 'L', cases: 40, norms: 8, stages: 6, documents: 2_000, documentBytes: 100_000, pageBytes: 3_000, excerpts: 50_000, linkedShare: 0.6, cellEdits: 20_000, pdfPages: 300, targets: L_TARGETS },
  // ~1 GB of Latin and Cyrillic text: a media archive, or every ODIHR report of a region. 100 cases x 20 norms x 6
  // stages = 12,000 live cells, filled once and revised into 50,000 cells.update calls.
  XL: {
    name: 'XL',
    cases: 100,
    norms: 20,
    stages: 6,
    documents: 10_000,
    documentBytes: 100_000,
    pageBytes: 3_000,
    excerpts: 250_000,
    linkedShare: 0.6,
    cellEdits: 50_000,
    pdfPages: 300,
    targets: { openMs: 100, matrixMs: 150, searchP95Ms: 50, firstExportMs: 5_000, rendererMb: 400 },
  },
};

export function matrixPositions(spec: SizeSpec): number {
  return spec.cases * spec.norms * spec.stages;
}
