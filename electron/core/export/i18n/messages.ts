/**
 * The fixed words of publication exports (headings, captions, column headers, status words, table notes), one
 * catalogue per export language: en.ts, ru.ts, kk.ts. Each catalogue is typed `ExportMessages`, so a key missing
 * from one language, or one language's extra key, is a compile error. The domain terms are those of
 * docs/glossary.md, word for word.
 *
 * Shaped for the app-wide message catalogue of issue 18 to take over: flat keys grouped by where they appear,
 * plain strings where a word is fixed, functions only where the words depend on numbers or names (plurals follow
 * each language's CLDR rules through `plural`).
 */
import type { CellMode, ClaimAssessment, Confidence, ElectionType, MissionType, Severity, Verification } from '../../../contract/api';
import type { STATUS_PALETTE } from '../../../contract/palette';
import type { ExportKind } from '../types';

/** The English names of the status colours (contract/palette.ts), which the XLSX legend names. */
export type PaletteName = (typeof STATUS_PALETTE)[number]['name'];

/** What happened to a record in one entry of the record of changes. */
export type ChangeOperation = 'created' | 'changed' | 'deleted';

export const EXPORT_LANGUAGES = ['en', 'ru', 'kk'] as const;
/** The language of an export's own words. */
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** The keys of the default status scale (repos/frameworks.ts DEFAULT_STATUSES). */
export type DefaultStatusKey = 'not-reached' | 'reached' | 'partial' | 'contested' | 'unclear' | 'no-data';

/** CLDR plural forms; languages use those they have (English: one/other; Russian: one/few/many; Kazakh: one/other). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** The form of `forms` for `n` in `language`, with `{n}` replaced by the number. */
export function plural(language: ExportLanguage, n: number, forms: PluralForms): string {
  const rule = new Intl.PluralRules(language).select(n) as keyof PluralForms;
  return (forms[rule] ?? forms.other).replace('{n}', String(n));
}

export interface ExportMessages {
  language: ExportLanguage;
  /** BCP 47 tag of the document (HTML lang, DOCX w:lang of the document's own words). */
  tag: string;

  // Lists and dates
  /** "A", "A and B", "A, B and C". */
  list(names: readonly string[]): string;
  /** A date of the record: "25 Apr 2012", "Apr 2012", "2012" (ru: "25 апреля 2012 г.", "апрель 2012 г."). */
  date(year: number, month?: number, day?: number): string;

  // Tables (every renderer)
  /** "Table 3" or "Table 3 (part 2 of 6)". */
  tableLabel(number: number, part?: { index: number; count: number }): string;
  table: string;
  /** After "Table 3" on a page the table runs on to. */
  continued: string;
  partOf(index: number, count: number): string;
  notes: string;
  bibliography: string;
  references: string;
  statusScale: string;
  colourAndLabel: string;
  original: string;
  translation: string;
  /** "Original (ru) and translation (en)". */
  originalAndTranslation(original: string, translation: string): string;
  paraphrase: string;
  /** The short title of the running head and PDF outline. */
  matrices: string;

  // The matrix
  stage: string;
  case: string;
  status: string;
  assessment: string;
  evidence: string;
  focalCase: string;
  focalCaseRepeated: string;
  comparisonCase: string;
  noData: string;
  /** Labels of the default status scale, used while a framework keeps the default English label. */
  defaultStatuses: Record<DefaultStatusKey, string>;
  /** Stage labels and descriptions of the bundled frameworks, by their English text (used while unchanged). */
  builtInText: Record<string, string>;
  modes: Record<CellMode, string>;
  confidence: Record<Confidence, string>;
  matrixCaption(norm: string, cases: string): string;
  matrixSubject(norms: string, cases: string): string;
  eachCellLabel: string;
  eachCell: string;
  noDataNote: string;
  stagesLabel(framework: string): string;
  normLabel: string;
  diffusingAgent: string;
  partsLabel: string;
  parts(cases: number, parts: number, focal: string | null): string;
  sourcesLabel: string;
  evidenceBelow: string;
  evidenceSeparate: string;
  letteredNotes: string;
  numberedNotes: string;
  /** LaTeX: the notes are footnotes. */
  footnotes: string;
  inParentheses: string;
  /** "the bibliography" / "the reference list" as the notes say where the references are. */
  inTheBibliography: string;
  inTheReferenceList: string;
  matrixSources(how: string, where: string, evidence: string): string;
  matrixNoSources: string;

  // Case profile
  caseProfile(name: string): string;
  caseSubject(name: string, project: string): string;
  archived: string;
  notesHeading: string;
  attributes: string;
  noAttributes: string;
  assessments: string;
  noNorms: string;
  yes: string;
  no: string;
  excerpts(n: number): string;
  quotesAndParaphrases(quotes: number, paraphrases: number): string;
  caseCaption(name: string, norms: number): string;
  evidenceNote: string;
  caseSources(how: string): string;
  caseNoSources: string;

  // Evidence appendix
  evidenceAppendix: string;
  evidenceAppendixOf(project: string): string;
  appendixIntro(tables: number): string;
  evidenceByCell: string;
  noEvidence: string;
  noCellAssessed: string;

  // Claims register and comparison card
  claimsRegister: string;
  comparisonCard: string;
  claimAssessments: Record<ClaimAssessment, { label: string; meaning: string }>;
  verification: Record<Verification, { label: string; marker: string }>;
  claimsCaption: string;
  claimsTitle: string;
  claimsSubtitle(project: string): string;
  claimsSubject(project: string, filters: string): string;
  claimsIntro(shown: number, total: number, filters: string, counts: string, flagged: number): string;
  /** The register's filters: "claims about Kazakhstan and Belarus", "on Free and fair voting". */
  claimsAbout(cases: string): string;
  claimsOn(norms: string): string;
  /** One count of the intro's list: "3 supported". */
  claimCount(label: string, n: number): string;
  claimColumns: { claimant: string; claimantNote: string; claim: string; comparison: string; comparisonNote: string; verdicts: string; verdictsNote: string; assessment: string; reasoning: string };
  assessmentScale: string;
  assessmentNoteLabel: string;
  assessmentNote: string;
  daggerLabel: string;
  daggerNote: string;
  claimNoteLabel: string;
  claimNote: string;
  verdictsNoteLabel: string;
  verdictsNote: string;
  claimsSources: string;
  sourcesNote(what: string, how: string, where: string): string;
  sourcesNoneYet(what: string): string;
  undated: string;
  verified: string;
  focalMark: string;
  noFocalCase: string;
  /** A claim's case that is no longer in the project ("Kazakhstan (focal) compared with an unknown case"). */
  unknownCase: string;
  versus: string;
  dimension: string;
  noVerdictToTest: string;
  otherCase: string;
  noVerdictRecorded: string;
  noReasoning: string;
  /** "CEC member 1 (interviewee, pseudonym)": who is quoted, when it is an interviewee. */
  interviewee(pseudonym: string): string;
  card: {
    subtitle(project: string): string;
    subject(claimant: string, project: string): string;
    theClaim: string;
    date: string;
    target: string;
    comparison: string;
    dimension: string;
    normAndStage: string;
    verification: string;
    verifiedExternally: string;
    verdictsCompared: string;
    noVerdictLinked: string;
    /** The claim's comparator is named in words only, not a case of the project. */
    comparatorNotInRecord(comparator: string): string;
    caption(cases: string): string;
    /** Appended to the caption when the comparator is named in words only. */
    captionComparator(comparator: string): string;
    focalOfClaim: string;
    comparator: string;
    noComparator: string;
    eachCell: string;
  };

  // Evidence appendix, section B: the record of changes
  appendixSubject(norms: string, cases: string): string;
  changes: {
    heading: string;
    none: string;
    caption: string;
    when: string;
    action: string;
    record: string;
    change: string;
    /** The time zone after the times ("UTC"). */
    utc: string;
    mostRecent(shown: number, total: number): string;
    all(total: number): string;
    sheetName: string;
    /**
     * The "What was done" column. The stored action is the app's own label, written in English when the change was
     * made ("Edit organisation OSCE/ODIHR"): English shows it; other languages say what happened to the record in
     * their words (the spreadsheet keeps the stored label in its `action` column).
     */
    actionText(stored: string, operation: ChangeOperation): string;
    created: string;
    deleted: string;
    noVisibleChange: string;
    /** The kinds of audited record, by table name. */
    records: Record<string, string>;
    /** A changed field's name by its column (English: the column's name in words, as before). */
    field(column: string): string;
  };

  // Spreadsheets (CSV and XLSX): sheet names, captions and the Notes sheet
  sheets: {
    data: string;
    assessments: string;
    evidence: string;
    claims: string;
    missions: string;
    missionsCaption(cases: string): string;
    sourceColumnsLabel: string;
    sourceColumns: string;
    sourceColumnLabel: string;
    sourceColumn: string;
    formattedWith(style: string): string;
  };
  palette: Record<PaletteName, string>;
  /** The kinds of export, as the DOCX's keywords name them. */
  kinds: Record<ExportKind, string>;

  // Observation record
  observationRecord: string;
  year: string;
  observation: {
    title(cases: string): string;
    subtitle(project: string): string;
    subject(cases: string, project: string): string;
    noElection(cases: string): string;
    intro(elections: number, from: string, to: string, missions: number, organisations: string, sideBySide: boolean): string;
    caption(cases: string): string;
    eachCell: string;
    severityLabel: string;
    severityNote(scale: string): string;
    verificationLabel: string;
    /** "All 34 verdicts and 28 elections shown are verified …" or "30 of the 34 verdicts … ; the others are marked (…)". */
    verification(groups: { noun: 'verdicts' | 'elections'; verified: number; total: number }[], marked: string): string;
    verdictsCited: string;
    findingsCaption(cases: string, part: { index: number; count: number } | null): string;
    dimension: string;
    eachColumnLabel: string;
    eachColumn(list: string): string;
    notCoded: string;
    dimensionsLabel: string;
    notShownLabel: string;
    notShown(missions: number): string;
    noFindings: string;
    severityScale: string;
    severities: Record<Severity, string>;
    missionTypes: Record<MissionType, string>;
    electionTypes: Record<ElectionType, string>;
    /** After the election's label: " (round 2)". */
    round(n: number): string;
    noMission: string;
    noVerdict: string;
    why: string;
    otherDimension: string;
  };
}

/** "A", "A and B", "A, B and C" with the language's conjunction. */
export function joinList(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}
