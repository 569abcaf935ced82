/**
 * The documents of the observation record and the claims register:
 * - `claims`: the double-standards claims register, one row per claim tested against the observers' verdicts it
 *   compares (Table 1), or, for one chosen claim (`options.claim`), a comparison card: the claim, its assessment and
 *   the focal and comparator verdicts side by side, year by year.
 * - `observation`: the cases side by side on one time axis (a row per year, a column per case, each cell listing the
 *   elections and the missions that watched them), then the findings by dimension (rows = dimensions, columns =
 *   missions with coded findings).
 * Marks (assessment, severity) are colour and text, so that greyscale print keeps the meaning; facts and claims not
 * verified externally carry a text marker ("† contested", "† one source", "† unverified"; the dagger is in every
 * bundled face, unlike ⚠ or △).
 */
import type { CaseDto, ClaimAssessment, ClaimDto, DimensionDto, ElectionDto, MissionDto, MissionType, Severity, Verification } from '../../contract/api';
import { CLAIM_ASSESSMENTS, SEVERITIES } from '../../contract/api';
import { localError } from '../../contract/i18n/format';
import { orderCases, resolveCase, resolveNorm } from '../matrix';
import type { Project } from '../project';
import { listClaims, listDimensions, listElections } from '../record';
import { markdownToPlainText } from '../text';
import type { Draft } from './build-documents';
import { quotedWithCite } from './csl-input';
import { markdownToInline, text, type Inline } from './inline';
import { en } from './i18n/en';
import { formatRecordDate, type ExportMessages } from './i18n';
import { citesIn, listNames, markTallRows, notesLabel, paletteMark, stageText, type Block, type BuildContext, type CellModel, type ColumnModel, type RowModel, type Section, type SheetModel, type SheetValue, type StatusMark, type TableModel } from './model';

// ---------------------------------------------------------------------------------------------------------------
// Words and marks

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2012-01-15" -> "15 Jan 2012"; "2012-01" -> "Jan 2012"; "2012" -> "2012"; anything else as given. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return value.trim();
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

const ASSESSMENT: Record<ClaimAssessment, { label: string; slot: number; meaning: string }> = {
  supported: { label: 'Supported', slot: 3, meaning: 'the verdicts compared bear the claim out' },
  'partly-supported': { label: 'Partly supported', slot: 4, meaning: 'some of the verdicts bear it out, or they bear out part of it' },
  'not-supported': { label: 'Not supported', slot: 6, meaning: 'the verdicts compared contradict it' },
  undetermined: { label: 'Undetermined', slot: 0, meaning: 'the observation record cannot test it (no comparator with recorded verdicts, or a claim that is not about verdicts)' },
};

export function assessmentMark(assessment: ClaimAssessment, m: ExportMessages = en): StatusMark {
  return paletteMark(assessment, m.claimAssessments[assessment].label, ASSESSMENT[assessment].slot);
}

/** Palette slots of the severities, from green (none) through blue, yellow and orange to vermillion (severe). */
const SEVERITY: Record<Severity, { slot: number }> = {
  none: { slot: 3 },
  minor: { slot: 2 },
  moderate: { slot: 4 },
  serious: { slot: 1 },
  severe: { slot: 6 },
};

const capitalise = (value: string) => (value ? value[0]!.toUpperCase() + value.slice(1) : value);

export function severityMark(severity: Severity, m: ExportMessages = en): StatusMark {
  return paletteMark(severity, m.observation.severities[severity], SEVERITY[severity].slot);
}

/** The text marker of a fact or claim that is not verified externally ("† contested"); empty when it is. */
export function verificationMarker(verification: Verification, m: ExportMessages = en): string {
  return m.verification[verification].marker;
}

export function missionTypeLabel(type: MissionType, m: ExportMessages = en): string {
  return m.observation.missionTypes[type];
}

/** Splits at "; " and at sentence ends outside parentheses and quotation marks: [clause, separator, clause, ...]. */
function clauses(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '(' || ch === '“') depth++;
    else if ((ch === ')' || ch === '”') && depth > 0) depth--;
    else if (depth === 0 && ch === ';' && value[i + 1] === ' ') {
      out.push(value.slice(start, i), '; ');
      start = i + 2;
    } else if (depth === 0 && /[.!?]/.test(ch) && value[i + 1] === ' ' && /[A-Z“"‘'(]/.test(value[i + 2] ?? '')) {
      out.push(value.slice(start, i + 1), '.');
      start = i + 2;
      break;
    }
  }
  if (start < value.length && out.at(-1) !== '.') out.push(value.slice(start));
  return out.filter((x, i) => i % 2 === 1 || x.trim() !== '');
}

/**
 * A verdict in short: its first sentence, clause by clause while it stays within `budget` characters (always the
 * first clause, cut at a word with "…" beyond `max`). "Did not meet fundamental principles of democratic elections;
 * several parties blocked, candidates de-registered; …" keeps what fits.
 */
export function shortVerdict(verdict: string, budget = 160, max = 180): string {
  const parts = clauses(verdict.trim());
  let out = parts[0] ?? '';
  for (let i = 1; i + 1 < parts.length; i += 2) {
    if (parts[i] === '.') break;
    const next = parts[i + 1]!.replace(/[\s.;:,]+$/, '');
    if (out.length + 2 + next.length > budget) break;
    out += `; ${next}`;
  }
  out = out.replace(/[\s.;:,]+$/, '');
  if (out.length <= max) return out;
  const cut = out.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The election's own label as the researcher wrote it ("presidential (early)"), else its type in the export's
 * language ("президентские"); a label that only repeats the type is the type. Then its round.
 */
function electionLabel(election: ElectionDto, m: ExportMessages): string {
  const own = election.label.trim();
  const type = m.observation.electionTypes[election.type] ?? election.type;
  return capitalise(own && own !== election.type ? own : type) + (election.round ? m.observation.round(election.round) : '');
}

const yearOf = (date: string) => date.slice(0, 4);

// ---------------------------------------------------------------------------------------------------------------
// The record as loaded once per export

interface MissionEntry {
  mission: MissionDto;
  election: ElectionDto;
  kase: CaseDto | undefined;
}

/** The observation record and the claims' context, loaded once per export. */
class RecordData {
  readonly cases: CaseDto[];
  readonly caseById: Map<string, CaseDto>;
  readonly dimensions: DimensionDto[];
  readonly dimensionById: Map<string, DimensionDto>;
  readonly elections: ElectionDto[];
  readonly missions: Map<string, MissionEntry>;

  constructor(
    readonly project: Project,
    private readonly m: ExportMessages,
  ) {
    const overview = project.overview();
    this.cases = overview.cases;
    this.caseById = new Map(this.cases.map((c) => [c.id, c]));
    this.dimensions = listDimensions(project);
    this.dimensionById = new Map(this.dimensions.map((d) => [d.id, d]));
    this.elections = listElections(project);
    this.missions = new Map(this.elections.flatMap((e) => e.missions.map((m) => [m.id, { mission: m, election: e, kase: this.caseById.get(e.caseId) }] as const)));
  }

  caseName(id: string | null | undefined): string {
    if (!id) return '';
    return this.caseById.get(id)?.name ?? this.m.unknownCase;
  }

  /** "Kazakhstan (focal)", or "no focal case named", in the export's language. */
  focalText(claim: ClaimDto, m: ExportMessages): string {
    return claim.focalCaseId ? `${this.caseName(claim.focalCaseId)}${m.focalMark}` : m.noFocalCase;
  }
}

/** The cite of a mission's verdict (its source, at the verdict excerpt's locator when there is one). */
function verdictCite(ctx: BuildContext, mission: MissionDto): Inline[] {
  if (!mission.verdictSourceId) return [];
  const excerpt = ctx.evidence.excerpt(mission.verdictExcerptId);
  const cite = ctx.citations.cite([{ sourceId: mission.verdictSourceId, locator: excerpt?.sourceId === mission.verdictSourceId ? excerpt.locator : undefined }]);
  return cite ? [{ cite }] : [];
}

function sourceKey(ctx: BuildContext, sourceId: string | null | undefined): string {
  return (sourceId && ctx.evidence.sources.get(sourceId)?.citationKey) || '';
}

function orientationOf(ctx: BuildContext) {
  return ctx.options.orientation ?? 'landscape';
}

function sourcesNote(ctx: BuildContext, any: boolean, what: string): Inline[] {
  const m = ctx.m;
  return [
    text(m.sourcesLabel, { italic: true }),
    text(any ? m.sourcesNote(what, ctx.citations.note ? notesLabel(ctx.options, m) : m.inParentheses, ctx.citations.note ? m.inTheBibliography : m.inTheReferenceList) : m.sourcesNoneYet(what)),
  ];
}

function hasCite(rows: RowModel[]): boolean {
  return rows.some((r) => 'cells' in r && r.cells.some((c) => c.cite || c.content.some((x) => 'cite' in x)));
}

/** The table, its notes and (note styles) the notes of its citations. */
function tableBlocks(ctx: BuildContext, table: TableModel, notes: Block): Block[] {
  const tableBlock: Block = { type: 'table', table };
  const blocks: Block[] = [tableBlock, notes];
  if (ctx.citations.note) {
    const cites = citesIn([tableBlock]);
    if (cites.length > 0) blocks.push({ type: 'notes', cites });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------------
// Observation record

/** One mission in a cell: organisation and type, headline verdict (short, cited), findings with their severity. */
function missionInline(ctx: BuildContext, record: RecordData, mission: MissionDto, options: { quote: boolean }): Inline[] {
  const o = ctx.m.observation;
  const out: Inline[] = [text(mission.organisation, { bold: true }), text(` · ${o.missionTypes[mission.missionType]}`)];
  const marker = verificationMarker(mission.verification, ctx.m);
  if (marker) out.push(text(`  ${marker}`, { bold: true }));
  const verdict = mission.verdict.trim();
  const reason = mission.reason.trim();
  const cite = verdictCite(ctx, mission);
  const lines: Inline[][] = [];
  if (options.quote && mission.verdictQuote.trim()) {
    const only = cite[0];
    lines.push(quotedWithCite(mission.verdictQuote, only && 'cite' in only ? only.cite : null));
  } else if (verdict) {
    lines.push([text(shortVerdict(verdict)), ...cite]);
  } else if (reason) {
    lines.push([text(shortVerdict(reason)), ...cite]);
  } else {
    lines.push([text(o.noVerdict, { italic: true }), ...cite]);
  }
  if (reason && verdict && reason !== verdict && mission.missionType !== 'full-eom') lines.push([text(o.why, { italic: true }), text(shortVerdict(reason))]);
  for (const finding of mission.findings) {
    const dimension = record.dimensionById.get(finding.dimensionId)?.label ?? o.otherDimension;
    lines.push([text(`• ${dimension}: `), text(o.severities[finding.severity].toLocaleLowerCase(ctx.m.tag), { bold: true })]);
  }
  for (const line of lines) out.push({ br: true }, ...line);
  return out;
}

function electionInline(ctx: BuildContext, record: RecordData, election: ElectionDto, missions: MissionDto[], options: { quote: boolean }): Inline[] {
  const out: Inline[] = [text(formatRecordDate(ctx.m, election.date), { bold: true }), text(` · ${electionLabel(election, ctx.m)}`)];
  const marker = verificationMarker(election.verification, ctx.m);
  if (marker) out.push(text(`  ${marker}`, { bold: true }));
  if (missions.length === 0) out.push({ br: true }, text(ctx.m.observation.noMission, { italic: true }));
  for (const mission of missions) out.push({ br: true }, ...missionInline(ctx, record, mission, options));
  return out;
}

/** Cells of elections by year: a row per year (ascending), a column per case. */
function yearRows(ctx: BuildContext, record: RecordData, cases: CaseDto[], entries: { election: ElectionDto; missions: MissionDto[] }[], options: { quote: boolean }): RowModel[] {
  const years = [...new Set(entries.map((e) => yearOf(e.election.date)))].sort();
  return years.map((year) => ({
    cells: [
      { header: true, content: [text(year, { bold: true })] },
      ...cases.map((kase): CellModel => {
        const here = entries.filter((e) => e.election.caseId === kase.id && yearOf(e.election.date) === year);
        const content: Inline[] = [];
        here.forEach((e, i) => {
          if (i > 0) content.push({ br: true }, { br: true });
          content.push(...electionInline(ctx, record, e.election, e.missions, options));
        });
        return { content };
      }),
    ],
  }));
}

function caseColumns(cases: CaseDto[], width: number, m: ExportMessages = en): ColumnModel[] {
  return cases.map((c) => ({ label: c.name, note: c.role === 'focal' ? m.focalCase : undefined, width }));
}

function observationCases(ctx: BuildContext, record: RecordData): CaseDto[] {
  if (ctx.options.cases?.length) {
    const chosen = ctx.options.cases.map((q) => resolveCase(ctx.project, q, record.cases));
    return orderCases([...new Map(chosen.map((c) => [c.id, c])).values()]);
  }
  const withElections = new Set(record.elections.map((e) => e.caseId));
  return orderCases(record.cases.filter((c) => !c.archived && withElections.has(c.id)));
}

function verificationSummary(m: ExportMessages, groups: { noun: 'verdicts' | 'elections'; items: { verification: Verification }[] }[]): string {
  const shown = groups.filter((g) => g.items.length > 0);
  if (shown.length === 0) return '';
  const open = shown.flatMap((g) => g.items).filter((i) => i.verification !== 'verified-external');
  const counts = (['one-source', 'contested', 'unverified'] as const)
    .map((v) => [v, open.filter((i) => i.verification === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} “${m.verification[v].marker}”`);
  return m.observation.verification(
    shown.map((g) => ({ noun: g.noun, verified: g.items.filter((i) => i.verification === 'verified-external').length, total: g.items.length })),
    counts.join(', '),
  );
}

export function buildObservation(ctx: BuildContext): Draft {
  const record = new RecordData(ctx.project, ctx.m);
  const cases = observationCases(ctx, record);
  if (cases.length === 0) throw localError('NOT_FOUND', 'errorsExport.noElections');
  const ids = new Set(cases.map((c) => c.id));
  const elections = record.elections.filter((e) => ids.has(e.caseId));
  const missions = elections.flatMap((e) => e.missions);
  const o = ctx.m.observation;
  const caseNames = listNames(cases.map((c) => c.name), ctx.m);
  const organisations = [...new Set(missions.map((m) => m.organisation))].sort((a, b) => (a.startsWith('OSCE') ? -1 : b.startsWith('OSCE') ? 1 : a.localeCompare(b)));
  const years = elections.map((e) => yearOf(e.date)).sort();

  const blocks: Block[] = [
    { type: 'title', text: ctx.m.observationRecord, subtitle: o.subtitle(ctx.project.title) },
  ];
  if (elections.length === 0) {
    blocks.push({ type: 'paragraph', content: [text(o.noElection(caseNames), { italic: true })] });
  } else {
    blocks.push({
      type: 'paragraph',
      content: [text(o.intro(elections.length, years[0]!, years.at(-1)!, missions.length, listNames(organisations, ctx.m), cases.length > 1))],
    });
    const entries = elections.map((e) => ({ election: e, missions: e.missions }));
    const rows = yearRows(ctx, record, cases, entries, { quote: false });
    const table1: TableModel = {
      number: 1,
      caption: o.caption(caseNames),
      columns: [{ label: ctx.m.year, width: 7 }, ...caseColumns(cases, 93 / cases.length, ctx.m)],
      rows,
    };
    blocks.push(
      ...tableBlocks(ctx, table1, {
        type: 'tableNotes',
        legend: null,
        paragraphs: [
          [text(ctx.m.eachCellLabel, { italic: true }), text(o.eachCell)],
          [text(o.severityLabel, { italic: true }), text(o.severityNote(SEVERITIES.map((v) => o.severities[v].toLocaleLowerCase(ctx.m.tag)).join(' < ')))],
          [text(o.verificationLabel, { italic: true }), text(verificationSummary(ctx.m, [{ noun: 'verdicts', items: missions }, { noun: 'elections', items: elections }]))],
          sourcesNote(ctx, hasCite(rows), o.verdictsCited),
        ],
      }),
    );
    blocks.push(...findingsBlocks(ctx, record, cases, elections));
  }
  return {
    title: o.title(caseNames),
    subject: o.subject(caseNames, ctx.project.title),
    sections: [{ orientation: orientationOf(ctx), blocks }],
    tables: [],
    sheets: [missionSheet(ctx, record, cases, elections)],
  };
}

/** Table 2 (and further tables when there are many missions): rows = dimensions, columns = missions with findings. */
function findingsBlocks(ctx: BuildContext, record: RecordData, cases: CaseDto[], elections: ElectionDto[]): Block[] {
  const coded: MissionEntry[] = [];
  for (const kase of cases) {
    for (const election of elections.filter((e) => e.caseId === kase.id)) {
      for (const mission of election.missions) if (mission.findings.length > 0) coded.push({ mission, election, kase });
    }
  }
  const uncoded = elections.reduce((n, e) => n + e.missions.filter((m) => m.findings.length === 0).length, 0);
  const o = ctx.m.observation;
  if (coded.length === 0) return [{ type: 'paragraph', content: [text(o.noFindings, { italic: true })] }];
  const dimensions = record.dimensions.filter((d) => coded.some((c) => c.mission.findings.some((f) => f.dimensionId === d.id)));
  // At most nine missions to a table on a landscape page; more are split, case by case where possible.
  const MAX = ctx.options.orientation === 'portrait' ? 6 : 9;
  const chunks: MissionEntry[][] = [];
  for (const entry of coded) {
    const last = chunks.at(-1);
    if (last && last.length < MAX && (coded.length <= MAX || last[0]!.kase === entry.kase)) last.push(entry);
    else chunks.push([entry]);
  }
  const blocks: Block[] = [];
  chunks.forEach((chunk, i) => {
    const single = chunk.every((c) => c.kase === chunk[0]!.kase) && cases.length > 1;
    const table: TableModel = {
      number: 2 + i,
      caption: o.findingsCaption(single ? (chunk[0]!.kase?.name ?? '') : listNames([...new Set(chunk.map((c) => c.kase?.name ?? ''))], ctx.m), chunks.length > 1 ? { index: i + 1, count: chunks.length } : null),
      columns: [
        { label: o.dimension, width: 16 },
        ...chunk.map((c) => ({ label: `${c.kase?.name ?? ''} ${yearOf(c.election.date)}`, note: `${c.mission.organisation} · ${ctx.m.observation.electionTypes[c.election.type] ?? c.election.type}`, width: 84 / chunk.length })),
      ],
      rows: dimensions.map((d) => ({
        cells: [
          { header: true, content: [text(d.label, { bold: true })] },
          ...chunk.map((c): CellModel => {
            const finding = c.mission.findings.find((f) => f.dimensionId === d.id);
            return finding ? { status: severityMark(finding.severity, ctx.m), content: [] } : { content: [text('—')] };
          }),
        ],
      })),
    };
    const paragraphs: Inline[][] = [
      [text(o.eachColumnLabel, { italic: true }), text(o.eachColumn(chunk.map((c) => `${c.kase?.name ?? ''} ${formatRecordDate(ctx.m, c.election.date)}`).join('; ')))],
      [text('—: ', { italic: true }), text(o.notCoded)],
      [text(o.dimensionsLabel, { italic: true }), text(dimensions.map((d) => `${d.label}${d.description ? ` (${d.description.replace(/\.$/, '')})` : ''}`).join('; ') + '.')],
    ];
    if (uncoded > 0 && i === chunks.length - 1) paragraphs.push([text(o.notShownLabel, { italic: true }), text(o.notShown(uncoded))]);
    blocks.push(...tableBlocks(ctx, table, { type: 'tableNotes', legend: SEVERITIES.map((v) => severityMark(v, ctx.m)), legendLabel: o.severityScale, paragraphs }));
  });
  return blocks;
}

function missionSheet(ctx: BuildContext, record: RecordData, cases: CaseDto[], elections: ElectionDto[]): SheetModel {
  const rows: SheetValue[][] = [];
  for (const kase of cases) {
    for (const e of elections.filter((x) => x.caseId === kase.id)) {
      for (const m of e.missions) {
        rows.push([
          kase.name,
          kase.isoCode ?? '',
          e.date,
          e.type,
          e.round,
          e.label,
          e.verification,
          m.organisation,
          m.missionType,
          m.reason,
          m.headOfMission,
          m.verdict,
          m.verdictQuote,
          sourceKey(ctx, m.verdictSourceId),
          m.verification,
          m.verificationNote,
          ...record.dimensions.map((d): SheetValue => {
            const finding = m.findings.find((f) => f.dimensionId === d.id);
            return finding ? { status: severityMark(finding.severity) } : null;
          }),
        ]);
      }
    }
  }
  const header: [string, number][] = [
    ['case', 14],
    ['iso_code', 8],
    ['election_date', 12],
    ['election_type', 13],
    ['round', 7],
    ['election', 30],
    ['election_verification', 14],
    ['organisation', 14],
    ['mission_type', 14],
    ['reason', 40],
    ['head_of_mission', 20],
    ['verdict', 70],
    ['verdict_quote', 60],
    ['verdict_source', 20],
    ['verdict_verification', 14],
    ['verification_note', 30],
    ...record.dimensions.map((d): [string, number] => [d.label, 13]),
  ];
  return { name: ctx.m.sheets.missions, shape: 'long', caption: ctx.m.sheets.missionsCaption(listNames(cases.map((c) => c.name), ctx.m)), columns: header.map(([h, width]) => ({ header: h, width })), rows };
}

// ---------------------------------------------------------------------------------------------------------------
// Claims register

function claimCases(claim: ClaimDto): string[] {
  return [claim.focalCaseId, ...claim.comparatorCaseIds].filter((x): x is string => !!x);
}

function selectedClaims(ctx: BuildContext, record: RecordData): { claims: ClaimDto[]; filters: string[] } {
  let claims = listClaims(ctx.project);
  if (claims.length === 0) throw localError('NOT_FOUND', 'errorsExport.noDoubleStandards');
  const filters: string[] = [];
  if (ctx.options.cases?.length) {
    const chosen = ctx.options.cases.map((q) => resolveCase(ctx.project, q, record.cases));
    const ids = new Set(chosen.map((c) => c.id));
    claims = claims.filter((c) => claimCases(c).some((id) => ids.has(id)));
    filters.push(ctx.m.claimsAbout(listNames(chosen.map((c) => c.name), ctx.m)));
  }
  if (ctx.options.norms?.length) {
    const norms = ctx.options.norms.map((q) => resolveNorm(ctx.project, q));
    const ids = new Set(norms.map((n) => n.id));
    claims = claims.filter((c) => c.normId && ids.has(c.normId));
    filters.push(ctx.m.claimsOn(listNames(norms.map((n) => n.shortLabel || n.label), ctx.m)));
  }
  if (claims.length === 0) throw localError('NOT_FOUND', 'errorsExport.noClaimMatchesFilters', { filters: filters.join(', ') });
  return { claims, filters };
}

/** The claim chosen for a comparison card: by id, or by a piece of its claimant or statement that matches it alone. */
export function resolveClaim(claims: ClaimDto[], query: string): ClaimDto {
  const q = query.trim().toLocaleLowerCase();
  const byId = claims.find((c) => c.id.toLocaleLowerCase() === q);
  if (byId) return byId;
  const matches = q ? claims.filter((c) => c.claimant.toLocaleLowerCase().includes(q) || c.statement.toLocaleLowerCase().includes(q)) : [];
  const describe = (c: ClaimDto) => `${c.claimant}: “${c.statement.length > 60 ? `${c.statement.slice(0, 57)}…` : c.statement}”`;
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw localError('NOT_FOUND', 'errorsExport.noClaimMatches', { query });
  throw localError('VALIDATION_FAILED', 'errorsExport.claimMatchesMany', { query, count: matches.length, list: `${matches.slice(0, 5).map(describe).join('; ')}${matches.length > 5 ? '; …' : ''}` });
}

function claimStatement(ctx: BuildContext, claim: ClaimDto): Inline[] {
  const excerpt = ctx.evidence.excerpt(claim.excerptId);
  const cite = excerpt ? ctx.citations.cite([{ sourceId: excerpt.sourceId, locator: excerpt.locator }]) : null;
  return quotedWithCite(claim.statement, cite, claim.statementKind !== 'quote' ? ctx.m.paraphrase : undefined);
}

function comparatorText(record: RecordData, claim: ClaimDto, m: ExportMessages): string {
  const names = claim.comparatorCaseIds.map((id) => record.caseName(id));
  const note = claim.comparatorNote.trim();
  if (names.length && note) return `${listNames(names, m)} (${note})`;
  if (names.length) return listNames(names, m);
  return note || m.card.noComparator;
}

function dimensionText(record: RecordData, claim: ClaimDto): string {
  const label = claim.dimensionId ? record.dimensionById.get(claim.dimensionId)?.label : undefined;
  const note = claim.dimensionNote.trim();
  if (label && note && note.toLocaleLowerCase() !== label.toLocaleLowerCase()) return `${label} (${note})`;
  return label ?? note;
}

function normStageText(ctx: BuildContext, claim: ClaimDto): string {
  const overview = ctx.project.overview();
  const norm = overview.norms.find((n) => n.id === claim.normId);
  const stage = claim.stageId ? overview.frameworks.flatMap((f) => f.stages).find((s) => s.id === claim.stageId) : undefined;
  return [norm ? norm.shortLabel || norm.label : '', stage ? `${stage.position}. ${stageText(ctx.m, stage.label)}` : ''].filter(Boolean).join(' · ');
}

/** The compared missions grouped by their case: focal first, then the comparators, then any other case. */
function comparedMissions(record: RecordData, claim: ClaimDto): { kase: CaseDto | undefined; caseId: string; entries: MissionEntry[] }[] {
  const entries = claim.missionIds.map((id) => record.missions.get(id)).filter((x): x is MissionEntry => !!x);
  entries.sort((a, b) => a.election.date.localeCompare(b.election.date));
  const order = [...new Set([...claimCases(claim), ...entries.map((e) => e.election.caseId)])];
  return order.map((caseId) => ({ kase: record.caseById.get(caseId), caseId, entries: entries.filter((e) => e.election.caseId === caseId) })).filter((g) => g.entries.length > 0);
}

function claimRow(ctx: BuildContext, record: RecordData, claim: ClaimDto): RowModel {
  const m = ctx.m;
  const marker = verificationMarker(claim.verification, m);
  const claimant: Inline[] = [text(claim.claimant, { bold: true })];
  if (claim.claimantRole.trim()) claimant.push({ br: true }, text(claim.claimantRole.trim(), { italic: true }));
  claimant.push({ br: true }, text(claim.date ? formatRecordDate(m, claim.date) : m.undated));

  const statement: Inline[] = [];
  if (marker) statement.push(text(marker, { bold: true }), { br: true });
  statement.push(...claimStatement(ctx, claim));
  const note = claim.verificationNote.trim();
  if (note) statement.push({ br: true }, text(marker ? `${marker.replace(/^† /, '')}: ` : m.verified, { italic: true }), text(note));

  const comparison: Inline[] = [
    ...(claim.focalCaseId ? [text(record.caseName(claim.focalCaseId), { bold: true }), text(m.focalMark)] : [text(m.noFocalCase, { italic: true })]),
    { br: true }, text(m.versus), text(comparatorText(record, claim, m), { bold: claim.comparatorCaseIds.length > 0 })];
  const dimension = dimensionText(record, claim);
  if (dimension) comparison.push({ br: true }, text(m.dimension, { italic: true }), text(dimension));
  const normStage = normStageText(ctx, claim);
  if (normStage) comparison.push({ br: true }, text(normStage, { italic: true }));

  const verdicts: Inline[] = [];
  const groups = comparedMissions(record, claim);
  if (groups.length === 0) verdicts.push(text(m.noVerdictToTest, { italic: true }));
  groups.forEach((group, g) => {
    if (g > 0) verdicts.push({ br: true });
    verdicts.push(text(group.kase?.name ?? m.otherCase, { bold: true }));
    for (const { mission, election } of group.entries) {
      verdicts.push({ br: true }, text(`${formatRecordDate(ctx.m, election.date)}, ${ctx.m.observation.electionTypes[election.type] ?? election.type}, ${mission.organisation}: `, { italic: true }));
      const quote = mission.verdictQuote.trim();
      const cite = verdictCite(ctx, mission)[0];
      const citeOf = cite && 'cite' in cite ? cite.cite : null;
      if (quote) verdicts.push(...quotedWithCite(quote, citeOf));
      else verdicts.push(text(shortVerdict(mission.verdict || mission.reason) || m.noVerdictRecorded), ...(citeOf ? [{ cite: citeOf }] : []));
      const mark = verificationMarker(mission.verification, m);
      if (mark) verdicts.push(text(` ${mark}`, { bold: true }));
    }
  });

  const reasoning: Inline[] = claim.reasoning.trim() ? markdownToInline(claim.reasoning) : [text(m.noReasoning, { italic: true })];

  return {
    cells: [
      { content: claimant },
      { content: statement },
      { content: comparison },
      { content: verdicts },
      { status: assessmentMark(claim.assessment, m), content: [] },
      { content: reasoning },
    ],
  };
}

function assessmentNotes(m: ExportMessages): Inline[] {
  return [text(m.assessmentNoteLabel, { italic: true }), text(`${m.assessmentNote} ${CLAIM_ASSESSMENTS.map((a) => `${m.claimAssessments[a].label}: ${m.claimAssessments[a].meaning}`).join('. ')}.`)];
}

function claimVerificationNotes(m: ExportMessages): Inline[] {
  return [text(m.daggerLabel, { italic: true }), text(m.daggerNote)];
}

export function buildClaims(ctx: BuildContext): Draft {
  const record = new RecordData(ctx.project, ctx.m);
  if (ctx.options.claim?.trim()) return buildClaimCard(ctx, record, resolveClaim(listClaims(ctx.project), ctx.options.claim));
  const { claims, filters } = selectedClaims(ctx, record);
  const total = listClaims(ctx.project).length;
  const m = ctx.m;
  const rows = claims.map((claim) => claimRow(ctx, record, claim));
  const counts = CLAIM_ASSESSMENTS.map((a) => [a, claims.filter((c) => c.assessment === a).length] as const).filter(([, n]) => n > 0);
  const table: TableModel = {
    number: 1,
    caption: m.claimsCaption,
    columns: [
      { label: m.claimColumns.claimant, note: m.claimColumns.claimantNote, width: 11.5 },
      { label: m.claimColumns.claim, width: 19 },
      { label: m.claimColumns.comparison, note: m.claimColumns.comparisonNote, width: 12 },
      { label: m.claimColumns.verdicts, note: m.claimColumns.verdictsNote, width: 30.5 },
      { label: m.claimColumns.assessment, width: 11 },
      { label: m.claimColumns.reasoning, width: 16 },
    ],
    rows,
    fit: 'content',
  };
  markTallRows(table, orientationOf(ctx), ctx.citations.note);
  const flagged = claims.filter((c) => c.verification !== 'verified-external').length;
  const blocks: Block[] = [
    { type: 'title', text: m.claimsRegister, subtitle: m.claimsSubtitle(ctx.project.title) },
    { type: 'paragraph', content: [text(m.claimsIntro(claims.length, total, filters.join(', '), counts.map(([a, n]) => m.claimCount(m.claimAssessments[a].label, n)).join(', '), flagged))] },
    ...tableBlocks(ctx, table, {
      type: 'tableNotes',
      legend: CLAIM_ASSESSMENTS.map((a) => assessmentMark(a, m)),
      legendLabel: m.assessmentScale,
      paragraphs: [
        assessmentNotes(m),
        claimVerificationNotes(m),
        [text(m.claimNoteLabel, { italic: true }), text(m.claimNote)],
        [text(m.verdictsNoteLabel, { italic: true }), text(m.verdictsNote)],
        sourcesNote(ctx, hasCite(rows), m.claimsSources),
      ],
    }),
  ];
  return {
    title: m.claimsTitle,
    subject: m.claimsSubject(ctx.project.title, filters.join(', ')),
    sections: [{ orientation: orientationOf(ctx), blocks }],
    tables: [],
    sheets: [claimSheet(ctx, record, claims)],
  };
}

function buildClaimCard(ctx: BuildContext, record: RecordData, claim: ClaimDto): Draft {
  const m = ctx.m;
  const marker = verificationMarker(claim.verification, m);
  const note = claim.verificationNote.trim();
  const fields = [
    { label: m.claimColumns.claimant, value: [claim.claimant, claim.claimantRole.trim()].filter(Boolean).join(', ') },
    { label: m.card.date, value: claim.date ? formatRecordDate(ctx.m, claim.date) : m.undated },
    { label: m.card.target, value: claim.target || '—' },
    { label: m.card.comparison, value: `${record.focalText(claim, m)} ${m.versus}${comparatorText(record, claim, m)}` },
    { label: m.card.dimension, value: dimensionText(record, claim) || '—' },
    { label: m.card.normAndStage, value: normStageText(ctx, claim) || '—' },
    { label: m.card.verification, value: `${marker || m.card.verifiedExternally}${note ? `: ${note}` : marker ? '' : '.'}` },
  ];
  const blocks: Block[] = [
    { type: 'title', text: `${m.comparisonCard}: ${claim.claimant}`, subtitle: m.card.subtitle(ctx.project.title) },
    { type: 'heading', level: 2, text: m.card.theClaim },
    { type: 'paragraph', content: claimStatement(ctx, claim) },
    { type: 'fields', items: fields },
    { type: 'heading', level: 2, text: m.assessment },
    { type: 'status', status: assessmentMark(claim.assessment, m), meta: '' },
    { type: 'paragraph', content: claim.reasoning.trim() ? markdownToInline(claim.reasoning) : [text(m.noReasoning, { italic: true })] },
  ];
  if (ctx.citations.note) {
    const cites = citesIn(blocks);
    if (cites.length > 0) blocks.push({ type: 'notes', cites });
  }

  const groups = comparedMissions(record, claim);
  const caseIds = [...new Set([...claimCases(claim), ...groups.map((g) => g.caseId)])];
  const cases = caseIds.map((id) => record.caseById.get(id)).filter((c): c is CaseDto => !!c);
  const sections: Section[] = [{ orientation: orientationOf(ctx), blocks }];
  if (groups.length === 0) {
    blocks.push(
      { type: 'heading', level: 2, text: m.card.verdictsCompared },
      {
        type: 'paragraph',
        content: [
          text(
            claim.comparatorCaseIds.length === 0 && claim.comparatorNote.trim() ? m.card.comparatorNotInRecord(claim.comparatorNote.trim()) : m.card.noVerdictLinked,
            { italic: true },
          ),
        ],
      },
    );
  } else {
    const entries = groups.flatMap((g) => g.entries);
    const byElection = new Map<string, { election: ElectionDto; missions: MissionDto[] }>();
    for (const e of entries) {
      const slot = byElection.get(e.election.id) ?? { election: e.election, missions: [] };
      slot.missions.push(e.mission);
      byElection.set(e.election.id, slot);
    }
    const rows = yearRows(ctx, record, cases, [...byElection.values()], { quote: true });
    const table: TableModel = {
      number: 1,
      caption: m.card.caption(listNames(cases.map((c) => c.name), m)),
      columns: [
        { label: m.year, width: 7 },
        ...cases.map((c) => ({ label: c.name, note: c.id === claim.focalCaseId ? m.card.focalOfClaim : claim.comparatorCaseIds.includes(c.id) ? m.card.comparator : undefined, width: 93 / cases.length })),
      ],
      rows,
    };
    if (!claim.comparatorCaseIds.length && claim.comparatorNote.trim()) table.caption += m.card.captionComparator(claim.comparatorNote.trim());
    const tableStart: Block[] = tableBlocks(ctx, table, {
      type: 'tableNotes',
      legend: null,
      paragraphs: [
        [
          text(m.eachCellLabel, { italic: true }),
          text(m.card.eachCell),
        ],
        claimVerificationNotes(m),
        sourcesNote(ctx, hasCite(rows), m.observation.verdictsCited),
      ],
    });
    blocks.push(...tableStart);
  }
  return {
    title: `${m.comparisonCard}: ${claim.claimant}`,
    subject: m.card.subject(claim.claimant, ctx.project.title),
    sections,
    tables: [],
    sheets: [claimSheet(ctx, record, [claim])],
  };
}

function verdictLabel(entry: MissionEntry): string {
  const quote = entry.mission.verdictQuote.trim();
  const words = quote ? `“${quote}”` : shortVerdict(entry.mission.verdict || entry.mission.reason);
  return `${entry.kase?.name ?? ''} ${entry.election.date} ${entry.election.type}, ${entry.mission.organisation}: ${words}`;
}

function claimSheet(ctx: BuildContext, record: RecordData, claims: ClaimDto[]): SheetModel {
  const overview = ctx.project.overview();
  const stages = new Map(overview.frameworks.flatMap((f) => f.stages.map((s) => [s.id, `${s.position}. ${s.label}`] as const)));
  const rows = claims.map((claim): SheetValue[] => {
    const excerpt = ctx.evidence.excerpt(claim.excerptId);
    const entries = comparedMissions(record, claim).flatMap((g) => g.entries);
    const norm = overview.norms.find((n) => n.id === claim.normId);
    return [
      claim.claimant,
      claim.claimantRole,
      claim.date ?? '',
      claim.statement,
      claim.statementKind,
      sourceKey(ctx, excerpt?.sourceId),
      excerpt?.locator ?? '',
      claim.target,
      record.caseName(claim.focalCaseId),
      claim.comparatorCaseIds.map((id) => record.caseName(id)).join('; '),
      claim.comparatorNote,
      claim.dimensionId ? (record.dimensionById.get(claim.dimensionId)?.label ?? '') : '',
      claim.dimensionNote,
      norm ? norm.shortLabel || norm.label : '',
      claim.stageId ? (stages.get(claim.stageId) ?? '') : '',
      claim.assessment,
      { status: assessmentMark(claim.assessment) },
      markdownToPlainText(claim.reasoning),
      claim.verification,
      claim.verificationNote,
      entries.length,
      entries.map(verdictLabel).join('\n'),
      [...new Set(entries.map((e) => sourceKey(ctx, e.mission.verdictSourceId)).filter(Boolean))].join('; '),
      claim.id,
    ];
  });
  const header: [string, number][] = [
    ['claimant', 24],
    ['claimant_role', 24],
    ['date', 11],
    ['statement', 60],
    ['statement_kind', 11],
    ['source', 18],
    ['locator', 22],
    ['target', 12],
    ['focal_case', 13],
    ['comparator_cases', 16],
    ['comparator_note', 24],
    ['dimension', 18],
    ['dimension_note', 24],
    ['norm', 20],
    ['stage', 18],
    ['assessment', 16],
    ['assessment_label', 16],
    ['reasoning', 60],
    ['verification', 16],
    ['verification_note', 40],
    ['verdicts_compared', 9],
    ['verdicts', 80],
    ['verdict_sources', 30],
    ['claim_id', 38],
  ];
  return { name: ctx.m.sheets.claims, shape: 'long', caption: ctx.m.claimsCaption, columns: header.map(([h, width]) => ({ header: h, width })), rows };
}

