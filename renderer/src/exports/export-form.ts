/**
 * The export dialog's choices as plain data: their defaults (what the matrix shows now), which apply to which kind
 * and format, the request they make, and the file name they suggest.
 */
import type { ExportFormatName, ExportKindDto, ExportKindName, ExportRequest, Orientation, ProjectOverview } from '../../../electron/contract/api';
import { extensionOf, safeFileName, siblingPath, withExtension } from '../safety/paths';
import { arrangedCases, loadSettings, matchesView, shownNorms } from '../matrix/view-state';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { MessageValues } from '../../../electron/contract/i18n/format';
import type { QcaExportDefinition } from '../../../electron/contract/qca';

/** useT()'s function, for the choices' words outside React. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

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
  /** The QCA analysis a page asked to export (else the project's outcome and all its conditions). */
  qca?: QcaExportDefinition | undefined;
}

/** What a page opening the dialog puts in it: its kind, the analysis on screen, and a line saying which. */
export interface ExportPreset {
  what: ExportKindName;
  qca?: QcaExportDefinition | undefined;
  note?: string | undefined;
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

/** What each format is for, in the interface language (names of files and programs are arguments: never translated). */
export function formatNote(format: ExportFormatName, t: Translate): string {
  switch (format) {
    case 'pdf':
      return t('exports.notePdf');
    case 'docx':
      return t('exports.noteDocx');
    case 'tex':
      return t('exports.noteTex', { tex: '.tex', body: '-body.tex', input: '\\input', biblatex: 'biblatex', bib: '.bib' });
    case 'csv':
      return t('exports.noteCsv');
    case 'xlsx':
      return t('exports.noteXlsx');
    case 'md':
      return t('exports.noteMd', { markdown: 'Markdown' });
  }
}

export const CITATION_STYLES: readonly CitationStyle[] = ['chicago-note', 'apa', 'harvard'];

/** A citation style by its own name (a name, kept) and what it is (translated). */
export function styleLabel(style: CitationStyle, t: Translate): string {
  switch (style) {
    case 'chicago-note':
      return t('exports.styleChicago', { chicago: 'Chicago' });
    case 'apa':
      return t('exports.styleApa', { apa: 'APA' });
    case 'harvard':
      return t('exports.styleHarvard', { harvard: 'Harvard', citeThemRight: 'Cite Them Right' });
  }
}

/** The core's export kinds, said in the interface language; a kind added later shows the core's own words. */
const KIND_WORDS: Record<string, { label: MessageId; description: MessageId }> = {
  matrix: { label: 'exports.kindMatrix', description: 'exports.kindMatrixNote' },
  case: { label: 'exports.kindCase', description: 'exports.kindCaseNote' },
  appendix: { label: 'exports.kindAppendix', description: 'exports.kindAppendixNote' },
  claims: { label: 'exports.kindClaims', description: 'exports.kindClaimsNote' },
  observation: { label: 'exports.kindObservation', description: 'exports.kindObservationNote' },
  qca: { label: 'exports.kindQca', description: 'exports.kindQcaNote' },
};

export function kindLabel(kind: ExportKindDto, t: Translate): string {
  const words = KIND_WORDS[kind.kind];
  return words ? t(words.label) : kind.label;
}

export function kindDescription(kind: ExportKindDto, t: Translate): string {
  const words = KIND_WORDS[kind.kind];
  return words ? t(words.description) : kind.description;
}

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
export function initialForm(projectPath: string, overview: ProjectOverview, preset?: ExportPreset): ExportForm {
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
    ...(preset ? { what: preset.what, qca: preset.qca } : {}),
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
  } else if (form.what === 'qca' && form.qca) {
    request.qca = form.qca;
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
export function formProblem(form: ExportForm, kinds: readonly ExportKindDto[] | undefined, t: Translate): string | null {
  const kind = kinds?.find((k) => k.kind === form.what);
  if (kind?.unavailable) return kind.unavailable;
  if (kind && !kind.formats.includes(form.format)) return t('exports.cannotExportAs', { kind: kindLabel(kind, t), format: FORMAT_LABELS[form.format] });
  if (usesNormsAndCases(form.what) && !form.viewId && form.normIds.length === 0) return t('exports.chooseNorm');
  if (usesCases(form.what) && !form.viewId && form.caseIds.length === 0) return t('exports.chooseCase');
  if (form.what === 'case' && !form.caseId) return t('exports.chooseCaseToProfile');
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
