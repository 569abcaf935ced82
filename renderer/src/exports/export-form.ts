/**
 * The export dialog's choices as plain data: their defaults (what the matrix shows now), which apply to which kind
 * and format, the request they make, and the file name they suggest.
 */
import type { ExportFormatName, ExportKindDto, ExportKindName, ExportRequest, Orientation, ProjectOverview } from '../../../electron/contract/api';
import { extensionOf, safeFileName, siblingPath, withExtension } from '../safety/paths';
import { arrangedCases, loadSettings, matchesView, shownNorms } from '../matrix/view-state';

export type CitationStyle = 'chicago-note' | 'apa' | 'harvard';
export type Paper = 'a4' | 'letter';
export type PageOrientation = 'auto' | 'landscape' | 'portrait';

export interface ExportForm {
  what: ExportKindName;
  format: ExportFormatName;
  /** A saved view's id ('' = none: the norms and cases below). */
  viewId: string;
  normIds: string[];
  caseIds: string[];
  /** The case of a case profile. */
  caseId: string;
  /** One claim as a comparison card ('' = the whole register). */
  claimId: string;
  layout: Orientation;
  shape: 'long' | 'wide';
  style: CitationStyle;
  paper: Paper;
  orientation: PageOrientation;
  /** Notes of note styles: letters per table (Chicago 3.77) or running numbers. */
  noteMarks: 'letters' | 'numbers';
  /** CSV: a byte order mark for Excel. */
  bom: boolean;
  /** The language of the export's headings, captions, labels and notes (citations follow it: ru-RU terms for ru and kk). */
  language: ExportLanguage;
  /** Cyrillic references romanised by ALA-LC (Europe-Asia Studies, Post-Soviet Affairs). */
  romanise: boolean;
}

export type ExportLanguage = 'en' | 'ru' | 'kk';

/** Each language by its own name, as language menus list them. */
export const LANGUAGE_LABELS: Record<ExportLanguage, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

export const FORMAT_LABELS: Record<ExportFormatName, string> = {
  pdf: 'PDF',
  docx: 'Word',
  tex: 'LaTeX',
  csv: 'CSV',
  xlsx: 'Excel',
  md: 'Markdown',
};

export const FORMAT_NOTES: Record<ExportFormatName, string> = {
  pdf: 'For reading and printing: the bundled serif, table notes, page numbers.',
  docx: 'Editable tables and footnotes, as journals ask for.',
  tex: 'A standalone .tex, the tables as a -body.tex to \\input in a journal’s class, and a biblatex .bib of the cited sources.',
  csv: 'One table of plain values, for spreadsheets and statistics.',
  xlsx: 'A workbook: the long table and the wide one on separate sheets.',
  md: 'Plain text with Markdown tables, for notes and repositories.',
};

export const STYLE_LABELS: Record<CitationStyle, string> = {
  'chicago-note': 'Chicago (notes and bibliography)',
  apa: 'APA (author–date)',
  harvard: 'Harvard (Cite Them Right)',
};

/** Landscape for wide tables, portrait for a case profile: as the export itself decides when not told. */
export function defaultOrientation(what: ExportKindName): 'landscape' | 'portrait' {
  return what === 'case' ? 'portrait' : 'landscape';
}

export function usesNormsAndCases(what: ExportKindName): boolean {
  return what === 'matrix' || what === 'appendix';
}

export function usesCases(what: ExportKindName): boolean {
  return usesNormsAndCases(what) || what === 'observation';
}

export function usesPages(format: ExportFormatName): boolean {
  return format === 'pdf' || format === 'docx' || format === 'tex';
}

export function usesCitations(format: ExportFormatName): boolean {
  return format !== 'csv' && format !== 'xlsx';
}

/** The formats whose table notes can be lettered (CSV and XLSX give sources by key, not notes). */
export function usesNoteMarks(format: ExportFormatName): boolean {
  return format === 'pdf' || format === 'docx' || format === 'md' || format === 'tex';
}

export function usesShape(format: ExportFormatName): boolean {
  return format === 'csv' || format === 'xlsx';
}

/** The choices that reproduce what the matrix shows now (norms, cases in column order, orientation, saved view). */
export function initialForm(projectPath: string, overview: ProjectOverview): ExportForm {
  const settings = loadSettings(projectPath);
  const norms = shownNorms(settings, overview.norms).norms;
  const cases = arrangedCases(settings, overview.cases, overview.attributes);
  const view = settings.viewId ? overview.views.find((v) => v.id === settings.viewId) : undefined;
  const viewApplies = view !== undefined && matchesView(settings, view, overview.norms, overview.cases);
  const focal = overview.cases.find((c) => c.role === 'focal' && !c.archived) ?? overview.cases.find((c) => !c.archived);
  return {
    what: 'matrix',
    format: 'pdf',
    viewId: viewApplies ? view.id : '',
    normIds: norms.map((n) => n.id),
    caseIds: cases.map((c) => c.id),
    caseId: focal?.id ?? '',
    claimId: '',
    layout: settings.orientation,
    shape: 'long',
    style: 'chicago-note',
    paper: 'a4',
    orientation: 'auto',
    noteMarks: 'letters',
    bom: true,
    language: 'en',
    romanise: false,
  };
}

/** The norms and cases a saved view stands for (all live ones when it names none). */
export function viewSelection(overview: ProjectOverview, viewId: string): { normIds: string[]; caseIds: string[]; layout: Orientation } | null {
  const view = overview.views.find((v) => v.id === viewId);
  if (!view) return null;
  const liveNorms = overview.norms.filter((n) => !n.archived);
  const liveCases = overview.cases.filter((c) => !c.archived);
  return {
    normIds: view.normIds.length ? view.normIds.filter((id) => liveNorms.some((n) => n.id === id)) : liveNorms.map((n) => n.id),
    caseIds: view.caseIds.length ? view.caseIds.filter((id) => liveCases.some((c) => c.id === id)) : liveCases.map((c) => c.id),
    layout: view.orientation,
  };
}

/** What export.preview and export.run are asked for (without the output path). */
export function requestOf(form: ExportForm): ExportRequest {
  const request: ExportRequest = { what: form.what, format: form.format };
  if (usesNormsAndCases(form.what)) {
    if (form.viewId) request.view = form.viewId;
    else {
      request.norms = form.normIds;
      request.cases = form.caseIds;
    }
    request.layout = form.layout;
  } else if (form.what === 'observation') {
    request.cases = form.caseIds;
  } else if (form.what === 'case') {
    request.case = form.caseId;
  } else if (form.what === 'claims' && form.claimId) {
    request.claim = form.claimId;
  }
  if (usesCitations(form.format)) {
    request.style = form.style;
    if (form.romanise) request.romanise = true;
  }
  if (form.language !== 'en') request.language = form.language;
  if (usesNoteMarks(form.format) && form.style === 'chicago-note') request.noteMarks = form.noteMarks;
  if (usesPages(form.format)) {
    request.paper = form.paper;
    if (form.orientation !== 'auto') request.orientation = form.orientation;
  }
  if (usesShape(form.format) && form.format === 'csv') {
    request.shape = form.shape;
    request.bom = form.bom;
  }
  return request;
}

/** Why the choices cannot be exported yet, or null. */
export function formProblem(form: ExportForm, kinds: readonly ExportKindDto[] | undefined): string | null {
  const kind = kinds?.find((k) => k.kind === form.what);
  if (kind?.unavailable) return kind.unavailable;
  if (kind && !kind.formats.includes(form.format)) return `${kind.label} cannot be exported as ${FORMAT_LABELS[form.format]}.`;
  if (usesNormsAndCases(form.what) && !form.viewId && form.normIds.length === 0) return 'Choose at least one norm.';
  if (usesCases(form.what) && !form.viewId && form.caseIds.length === 0) return 'Choose at least one case.';
  if (form.what === 'case' && !form.caseId) return 'Choose the case to profile.';
  return null;
}

export const EXTENSIONS: Record<ExportFormatName, string> = { pdf: 'pdf', docx: 'docx', tex: 'tex', csv: 'csv', xlsx: 'xlsx', md: 'md' };

/** A file name that says what is in it, beside the project file. */
export function suggestedPath(projectPath: string, projectTitle: string, form: ExportForm, overview: ProjectOverview, kindLabel: string): string {
  let what = kindLabel;
  if (usesNormsAndCases(form.what)) {
    const view = form.viewId ? overview.views.find((v) => v.id === form.viewId) : undefined;
    const norms = form.normIds.map((id) => overview.norms.find((n) => n.id === id)).filter((n) => n !== undefined);
    if (view) what = `${kindLabel}, ${view.name}`;
    else if (norms.length === 1) what = `${kindLabel}, ${norms[0]!.shortLabel || norms[0]!.label}`;
  } else if (form.what === 'case') {
    const kase = overview.cases.find((c) => c.id === form.caseId);
    if (kase) what = `${kindLabel}, ${kase.name}`;
  }
  return siblingPath(projectPath, `${safeFileName(`${projectTitle} — ${what}`)}.${EXTENSIONS[form.format]}`);
}

/** The path with the extension of the format (a typed path keeps its folder and name). */
export function pathForFormat(path: string, format: ExportFormatName): string {
  if (path.trim() === '') return path;
  return extensionOf(path) === EXTENSIONS[format] ? path : withExtension(path, EXTENSIONS[format]);
}
