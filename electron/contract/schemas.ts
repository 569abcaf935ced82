/**
 * Runtime validation of every method's input, at the boundary where calls enter the core.
 * Objects are strict: an unknown field is an error, not something silently ignored.
 */
import { z } from 'zod';
import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  IDENTIFIER_KINDS,
  CLAIM_ASSESSMENTS,
  CSV_KINDS,
  ELECTION_TYPES,
  MEMBERSHIP_STATUSES,
  MISSION_TYPES,
  OCR_LANGUAGES,
  SEARCH_KINDS,
  SEVERITIES,
  SOURCE_KINDS,
  VERIFICATION_STATUSES,
  type ApiInput,
} from './api';
import { dateProblemText } from './dates';
import { formatText } from './i18n/format';
import { LANGUAGES } from './i18n/languages';
import type { Method } from './methods';

const MAX_PATH = 4096;

const filePath = z
  .string()
  .min(1, 'A file path is required.')
  .max(MAX_PATH, 'The file path is too long.')
  .refine((p) => !p.includes('\0'), 'The file path contains a NUL character.');
/** A REFI-QDA project to write. */
const qdpxPath = filePath.refine((p) => p.toLowerCase().endsWith('.qdpx'), 'A REFI-QDA project file name ends in .qdpx.');

const projectPath = filePath.refine(
  (p) => p.toLowerCase().endsWith('.comparanda'),
  'A Comparanda project file name ends in .comparanda.',
);

const id = z.string().min(1).max(64);
const passphrase = z.string().min(1, 'Enter the passphrase.').max(1024);
const newPassphrase = z.string().min(10, 'Use a passphrase of at least 10 characters (several words are best).').max(1024);
const ids = z.array(id).max(10_000);
const empty = z.strictObject({});
const label = z.string().trim().min(1, 'A name is required.').max(300, 'Keep names under 300 characters.');
const text = z.string().max(20_000, 'Keep this under 20,000 characters.');
const longText = z.string().max(500_000, 'This text is too long for one field; split it or attach it as a document.');
const year = z.number().int().min(-5000).max(3000);
const caseRole = z.enum(['focal', 'comparison']);
const isoCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'An ISO code is three capital letters, e.g. KAZ.')
  .nullable();

const caseFields = { name: label, isoCode: isoCode.optional(), role: caseRole.optional(), notes: text.optional() };
const normFields = {
  label,
  shortLabel: z.string().trim().max(80).optional(),
  description: text.optional(),
  instrument: z.string().max(1000).optional(),
  paragraph: z.string().max(200).optional(),
  diffusingAgent: z.string().max(300).optional(),
};
const stageFields = { label, description: text.optional(), asksMode: z.boolean().optional() };

const cellPatch = z
  .strictObject({
    status: z.string().min(1).max(64).optional(),
    mode: z.enum(['discourse', 'practice', 'both']).nullable().optional(),
    periodFrom: year.nullable().optional(),
    periodTo: year.nullable().optional(),
    summary: longText.optional(),
    confidence: z.enum(['low', 'medium', 'high']).nullable().optional(),
    memo: longText.optional(),
  })
  .refine((p) => p.periodFrom == null || p.periodTo == null || p.periodFrom <= p.periodTo, {
    message: 'The period must not end before it starts.',
    path: ['periodTo'],
  });

const sourceKind = z.enum(SOURCE_KINDS);
// Each language once, in the order they are to be tried.
const ocrLanguages = z
  .array(z.enum(OCR_LANGUAGES))
  .min(1)
  .max(OCR_LANGUAGES.length)
  .refine((list) => new Set(list).size === list.length, 'Give each language once.');
// One calendar check for every date field: "2015-02-30" has the right shape but is no day.
const isoDate = z.string().superRefine((value, ctx) => {
  const problem = dateProblemText(value);
  if (problem) ctx.addIssue({ code: 'custom', message: formatText('en', problem), params: { text: problem } });
});
const participantFields = {
  pseudonym: label,
  roleCategory: z.string().max(200).optional(),
  interviewDate: isoDate.nullable().optional(),
  place: z.string().max(300).optional(),
  language: z.string().max(50).optional(),
  consent: z.enum(['given', 'given-with-restrictions', 'withdrawn', 'unknown']).optional(),
  restrictions: text.optional(),
};
// A CSL-JSON item: an object of JSON values, bounded in size; its fields are checked where it is stored.
const cslItem = z.record(z.string().max(100), z.json()).refine((item) => JSON.stringify(item).length <= 200_000, 'The bibliographic record is too large.');
const bibliographyFormat = z.enum(['bibtex', 'ris', 'csl-json']);
const bibliographySource = {
  path: filePath.optional(),
  text: z.string().max(20_000_000, 'The bibliography is too large; split it.').optional(),
  fileName: z.string().max(300).optional(),
};
const bibliographyInput = z
  .strictObject({ format: bibliographyFormat, ...bibliographySource })
  .refine((b) => (b.path === undefined) !== (b.text === undefined), 'Give either a file path or the text of the bibliography.');
const excerptFields = {
  text: z.string().min(1, 'An excerpt needs its text.').max(100_000),
  textKind: z.enum(['quote', 'paraphrase']).optional(),
  locator: z.string().max(200).optional(),
  language: z.string().max(50).optional(),
  translation: z.string().max(100_000).optional(),
  translationLanguage: z.string().max(50).optional(),
  speaker: z.string().max(300).optional(),
  participantId: id.nullable().optional(),
  verification: z.enum(VERIFICATION_STATUSES).optional(),
  verificationNote: z.string().max(20_000).optional(),
  codeIds: ids.optional(),
};
const offset = z.number().int().min(0).max(1_000_000_000);
/** PDF points; the largest page a PDF allows is 14,400 points a side. */
const coordinate = z.number().finite().min(0).max(14_400);
const pdfRegion = z
  .strictObject({ x1: coordinate, y1: coordinate, x2: coordinate, y2: coordinate })
  .refine((r) => r.x1 < r.x2 && r.y1 < r.y2, 'A region runs from its upper left corner to its lower right: give x1 < x2 and y1 < y2.');
const memoTarget = z.enum(['project', 'case', 'norm', 'cell', 'source', 'excerpt']);

const verification = z.enum(VERIFICATION_STATUSES);
const shortText = z.string().max(2000);
const optionalId = id.optional();
const csvSource = {
  kind: z.enum(CSV_KINDS),
  path: filePath.optional(),
  text: z.string().max(50_000_000, 'The file is too large; split it.').optional(),
};
const exactlyOneSource = (b: { path?: string | undefined; text?: string | undefined }) => (b.path === undefined) !== (b.text === undefined);

const qcaName = z.string().min(1).max(64);
const qcaSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('attribute'), attributeId: id }),
  z.strictObject({ kind: z.literal('indicator'), indicatorId: id, year: z.number().int().optional(), from: z.number().int().optional(), to: z.number().int().optional() }),
  z.strictObject({ kind: z.literal('cell'), normId: id, stageId: id, statuses: z.array(z.string().min(1).max(64)).max(50) }),
  z.strictObject({ kind: z.literal('claims'), normId: id.optional(), assessments: z.array(z.string().min(1).max(64)).max(20).optional() }),
  z.strictObject({ kind: z.literal('manual') }),
]);
const finite = z.number().finite();
const qcaCalibration = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('crisp'), thresholds: z.array(finite).min(1, 'Give at least one threshold.').max(20) }),
  z.strictObject({ method: z.literal('fuzzy'), exclusion: finite, crossover: finite, inclusion: finite, idm: z.number().gt(0.5).lt(1).optional() }),
  z.strictObject({ method: z.literal('manual'), scores: z.record(id, z.strictObject({ score: z.number().min(0).max(1), reason: z.string().max(2000) })) }),
  z.strictObject({ method: z.literal('direct') }),
]);
const unit = z.number().min(0).max(1);
const qcaDirExp = z.record(qcaName, z.number().int().min(0).max(20));
const qcaAnalysis = {
  outcome: z.string().min(1).max(65),
  conditions: z.array(qcaName).min(1, 'Choose at least one condition.').max(30),
  inclCut: unit.optional(),
  inclCut0: unit.optional(),
  nCut: z.number().int().min(1).max(100_000).optional(),
  priCut: unit.optional(),
};

const exportRequest = {
  what: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  norms: z.array(z.string().min(1).max(300)).max(100).optional(),
  cases: z.array(z.string().min(1).max(300)).max(200).optional(),
  view: z.string().max(300).optional(),
  case: z.string().max(300).optional(),
  claim: z.string().max(300).optional(),
  layout: z.enum(['cases-as-columns', 'stages-as-columns']).optional(),
  shape: z.enum(['long', 'wide']).optional(),
  style: z.string().max(4096).optional(),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'A locale looks like en-GB.').optional(),
  paper: z.enum(['a4', 'letter']).optional(),
  orientation: z.enum(['landscape', 'portrait']).optional(),
  author: z.string().max(300).optional(),
  noteMarks: z.enum(['letters', 'numbers']).optional(),
  bom: z.boolean().optional(),
  language: z.enum(['en', 'ru', 'kk']).optional(),
  romanise: z.boolean().optional(),
  qca: z.strictObject({ ...qcaAnalysis, dirExp: qcaDirExp.optional() }).optional(),
};

const orphanChoice = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('move'), stageMap: z.record(id, id) }),
  z.strictObject({ action: z.literal('archive') }),
  z.strictObject({ action: z.literal('delete') }),
]);

export const inputSchemas = {
  'app.info': empty,
  'project.current': empty,
  'project.open': z.strictObject({ path: filePath, passphrase: passphrase.optional(), readonly: z.boolean().optional() }),
  'project.create': z.strictObject({
    path: projectPath,
    title: z.string().trim().min(1).max(300).optional(),
    passphrase: newPassphrase.optional(),
    language: z.enum(LANGUAGES).optional(),
  }),
  'project.changePassphrase': z.strictObject({ current: passphrase, next: newPassphrase }),
  'project.encryptCopy': z.strictObject({ path: projectPath, passphrase: newPassphrase }),
  'project.close': empty,
  'project.saveCopy': z.strictObject({ path: projectPath }),
  'project.recent': empty,
  'settings.get': empty,
  'settings.setLanguage': z.strictObject({ language: z.enum(LANGUAGES).nullable() }),
  'project.overview': empty,
  'cells.list': z.strictObject({ normId: id.optional() }),
  'cells.evidenceCounts': z.strictObject({ normId: id.optional() }),
  'cells.archived': z.strictObject({ normId: id.optional() }),
  'cells.restore': z.strictObject({ id, stageId: id.optional() }),
  'cells.update': z.strictObject({ caseId: id, normId: id, stageId: id, patch: cellPatch }),
  'cases.create': z.strictObject(caseFields),
  'cases.update': z.strictObject({ id, ...caseFields, name: label.optional() }),
  'cases.reorder': z.strictObject({ ids }),
  'cases.archive': z.strictObject({ id, archived: z.boolean() }),
  'cases.setAttribute': z.strictObject({ caseId: id, attributeId: id, value: z.union([z.string().max(20_000), z.number().finite(), z.boolean()]).nullable() }),
  'attributes.create': z.strictObject({
    name: label,
    type: z.enum(['text', 'number', 'date', 'boolean', 'choice']),
    choices: z.array(label).max(200).optional(),
  }),
  'attributes.update': z.strictObject({ id, name: label.optional(), choices: z.array(label).max(200).optional() }),
  'attributes.remove': z.strictObject({ id }),
  'norms.create': z.strictObject({ ...normFields, frameworkId: id.optional() }),
  'norms.update': z.strictObject({ id, ...normFields, label: label.optional(), stageNotes: z.record(id, text).optional() }),
  'norms.reorder': z.strictObject({ ids }),
  'norms.archive': z.strictObject({ id, archived: z.boolean() }),
  'norms.frameworkImpact': z.strictObject({ id, frameworkId: id }),
  'norms.setFramework': z.strictObject({ id, frameworkId: id, orphans: orphanChoice.optional() }),
  'frameworks.templates': z.strictObject({ language: z.enum(LANGUAGES).optional() }),
  'frameworks.create': z.union([
    z.strictObject({ templateId: id, name: label.optional(), language: z.enum(LANGUAGES).optional() }),
    z.strictObject({ name: label, description: text.optional(), stages: z.array(z.strictObject(stageFields)).min(1, 'A framework needs at least one stage.').max(30) }),
  ]),
  'frameworks.update': z.strictObject({ id, name: label.optional(), description: text.optional(), isDefault: z.literal(true).optional() }),
  'frameworks.setStatuses': z.strictObject({
    id,
    statuses: z
      .array(z.strictObject({ key: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(), label, palette: z.number().int().min(0).max(7) }))
      .min(1, 'A status scale needs at least one status.')
      .max(20),
  }),
  'frameworks.remove': z.strictObject({ id }),
  'stages.add': z.strictObject({ frameworkId: id, position: z.number().int().min(1).max(100).optional(), ...stageFields }),
  'stages.update': z.strictObject({ id, ...stageFields, label: label.optional() }),
  'stages.reorder': z.strictObject({ frameworkId: id, ids }),
  'stages.removalImpact': z.strictObject({ id }),
  'stages.remove': z.strictObject({
    id,
    orphans: z
      .discriminatedUnion('action', [
        z.strictObject({ action: z.literal('move'), toStageId: id }),
        z.strictObject({ action: z.literal('archive') }),
        z.strictObject({ action: z.literal('delete') }),
      ])
      .optional(),
  }),
  'views.save': z.strictObject({
    id: id.optional(),
    name: label,
    normIds: ids,
    caseIds: ids,
    orientation: z.enum(['cases-as-columns', 'stages-as-columns']),
    differences: z.boolean(),
    columns: z
      .strictObject({
        filters: z.array(z.strictObject({ attributeId: id, values: z.array(z.string().max(300)).max(1000) })).max(50),
        groupBy: id.nullable(),
      })
      .optional(),
  }),
  'views.remove': z.strictObject({ id }),
  'history.state': empty,
  'history.undo': empty,
  'history.redo': empty,
  'participants.list': empty,
  'participants.create': z.strictObject(participantFields),
  'participants.update': z.strictObject({ id, ...participantFields, pseudonym: label.optional() }),
  'participants.remove': z.strictObject({ id }),
  'participants.getIdentity': z.strictObject({ id }),
  'participants.setIdentity': z.strictObject({
    id,
    realName: z.string().trim().min(1).max(300).nullable(),
    contact: z.string().max(1000).optional(),
    identifiers: z
      .array(z.strictObject({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().trim().min(3, 'An identifier needs at least 3 characters.').max(300) }))
      .max(50)
      .optional(),
  }),
  'participants.eraseIdentity': z.strictObject({ id, purgeSnapshots: z.boolean().optional(), historyOnly: z.boolean().optional() }),
  'sources.list': empty,
  'sources.create': z.strictObject({ kind: sourceKind, csl: cslItem, participantId: id.nullable().optional(), notes: text.optional() }),
  'sources.update': z.strictObject({ id, kind: sourceKind.optional(), csl: cslItem.optional(), participantId: id.nullable().optional(), notes: text.optional(), citationKey: z.string().max(1000).optional() }),
  'sources.remove': z.strictObject({ id }),
  'sources.previewBibliography': bibliographyInput,
  'sources.importBibliography': z
    .strictObject({ format: bibliographyFormat, ...bibliographySource, include: z.array(z.number().int().min(0)).max(100_000), kind: sourceKind.optional() })
    .refine((b) => (b.path === undefined) !== (b.text === undefined), 'Give either a file path or the text of the bibliography.'),
  'sources.exportBibliography': z.strictObject({ format: z.enum(['bibtex', 'csl-json']), sourceIds: ids.optional() }),
  'documents.list': z.strictObject({ sourceId: id.optional() }),
  'documents.import': z.strictObject({ path: filePath, sourceId: id.optional(), kind: sourceKind.optional(), languages: ocrLanguages.optional() }),
  'documents.get': z.strictObject({ id }),
  'documents.original': z.strictObject({ id }),
  'documents.remove': z.strictObject({ id }),
  'documents.saveOriginal': z.strictObject({ id, path: filePath, allowIdentities: z.boolean().optional() }),
  'documents.recognise': z.strictObject({ id, languages: ocrLanguages.optional(), pages: z.array(z.number().int().min(1)).min(1).max(100_000).optional() }),
  'jobs.get': z.strictObject({ id }),
  'jobs.cancel': z.strictObject({ id }),
  'codes.list': empty,
  'codes.create': z.strictObject({ name: label, parentId: id.nullable().optional(), description: text.optional(), palette: z.number().int().min(0).max(7).optional() }),
  'codes.update': z.strictObject({ id, name: label.optional(), parentId: id.nullable().optional(), description: text.optional(), palette: z.number().int().min(0).max(7).optional() }),
  'codes.remove': z.strictObject({ id }),
  'excerpts.list': z.strictObject({ sourceId: id.optional(), documentId: id.optional(), cellId: id.optional() }),
  'excerpts.create': z
    .strictObject({ ...excerptFields, sourceId: id, documentId: id.optional(), page: z.number().int().min(1).optional(), startOffset: offset.optional(), endOffset: offset.optional(), paragraph: z.number().int().min(1).optional(), region: pdfRegion.optional() })
    .refine((e) => e.region === undefined || e.page !== undefined, { message: 'A region is drawn on a page: give its page.', path: ['region'] })
    .refine((e) => e.startOffset === undefined || e.endOffset === undefined || e.startOffset <= e.endOffset, { message: 'The excerpt must not end before it starts.', path: ['endOffset'] }),
  'excerpts.update': z.strictObject({ id, ...excerptFields, text: excerptFields.text.optional() }),
  'excerpts.remove': z.strictObject({ id }),
  'excerpts.link': z.strictObject({ excerptId: id, caseId: id, normId: id, stageId: id }),
  'excerpts.unlink': z.strictObject({ excerptId: id, cellId: id }),
  'memos.list': z.strictObject({ targetType: memoTarget, targetId: id }),
  'memos.create': z.strictObject({ targetType: memoTarget, targetId: id, text: longText.min(1, 'A memo needs some text.') }),
  'memos.update': z.strictObject({ id, text: longText.min(1, 'A memo needs some text.') }),
  'memos.remove': z.strictObject({ id }),
  'memos.overview': empty,
  'codes.matrix': z.strictObject({ by: z.enum(['case', 'stage']), normId: id.optional() }),
  'codes.matrixExcerpts': z.strictObject({ by: z.enum(['case', 'stage']), codeId: id, columnId: id.nullable(), normId: id.optional() }),
  'codes.autoCode': z.strictObject({ codeId: id, q: z.string().trim().min(1, 'Type what to search for.').max(1000, 'Keep the search under 1,000 characters.') }),
  'host.chooseFile': z.strictObject({
    mode: z.enum(['open', 'save']),
    title: z.string().max(200),
    filters: z.array(z.strictObject({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/)).max(20) })).max(10),
    defaultName: z.string().max(300).optional(),
  }),
  'host.openPath': z.strictObject({ path: filePath }),
  'observation.list': empty,
  'dimensions.save': z.strictObject({ id: optionalId, label, description: text.optional() }),
  'dimensions.remove': z.strictObject({ id }),
  'elections.save': z.strictObject({
    id: optionalId,
    caseId: id,
    date: isoDate,
    type: z.enum(ELECTION_TYPES),
    round: z.number().int().min(1).max(10).nullable().optional(),
    label: shortText.optional(),
    officialResult: text.optional(),
    notes: text.optional(),
    verification: verification.optional(),
    verificationNote: text.optional(),
  }),
  'elections.remove': z.strictObject({ id }),
  'missions.save': z.strictObject({
    id: optionalId,
    electionId: id,
    organisation: label,
    missionType: z.enum(MISSION_TYPES),
    reason: text.optional(),
    headOfMission: shortText.optional(),
    verdict: text.optional(),
    verdictQuote: text.optional(),
    verdictSourceId: id.nullable().optional(),
    verdictExcerptId: id.nullable().optional(),
    verification: verification.optional(),
    verificationNote: text.optional(),
    findings: z.array(z.strictObject({ dimensionId: id, severity: z.enum(SEVERITIES), note: text.optional() })).max(100).optional(),
  }),
  'missions.remove': z.strictObject({ id }),
  'claims.list': empty,
  'claims.save': z.strictObject({
    id: optionalId,
    claimant: label,
    claimantRole: shortText.optional(),
    claimantCaseId: id.nullable().optional(),
    date: isoDate.nullable().optional(),
    statement: text.min(1, 'A claim needs its statement.'),
    statementKind: z.enum(['quote', 'paraphrase']).optional(),
    excerptId: id.nullable().optional(),
    target: shortText.optional(),
    focalCaseId: id.nullable().optional(),
    comparatorCaseIds: ids.optional(),
    comparatorNote: shortText.optional(),
    dimensionId: id.nullable().optional(),
    dimensionNote: shortText.optional(),
    normId: id.nullable().optional(),
    stageId: id.nullable().optional(),
    assessment: z.enum(CLAIM_ASSESSMENTS).optional(),
    reasoning: longText.optional(),
    verification: verification.optional(),
    verificationNote: text.optional(),
    missionIds: ids.optional(),
  }),
  'claims.remove': z.strictObject({ id }),
  'context.get': empty,
  'organisations.save': z.strictObject({ id: optionalId, name: label, fullName: shortText.optional(), description: text.optional() }),
  'organisations.remove': z.strictObject({ id }),
  'regionalNorms.save': z
    .strictObject({
      id: optionalId,
      label,
      description: text.optional(),
      organisationId: id.nullable().optional(),
      entrepreneurs: shortText.optional(),
      yearFrom: year.nullable().optional(),
      yearTo: year.nullable().optional(),
      verification: verification.optional(),
      verificationNote: text.optional(),
      instrumentIds: ids.optional(),
      cellIds: ids.optional(),
    })
    .refine((n) => n.yearFrom == null || n.yearTo == null || n.yearFrom <= n.yearTo, { message: 'The period must not end before it starts.', path: ['yearTo'] }),
  'regionalNorms.remove': z.strictObject({ id }),
  'instruments.save': z.strictObject({
    id: optionalId,
    title: z.string().trim().min(1).max(1000),
    organisationId: id.nullable().optional(),
    date: isoDate.nullable().optional(),
    description: text.optional(),
    sourceId: id.nullable().optional(),
    verification: verification.optional(),
    verificationNote: text.optional(),
  }),
  'instruments.remove': z.strictObject({ id }),
  'memberships.save': z.strictObject({
    id: optionalId,
    caseId: id,
    organisationId: id,
    status: z.enum(MEMBERSHIP_STATUSES),
    dateFrom: isoDate.nullable().optional(),
    dateTo: isoDate.nullable().optional(),
    note: text.optional(),
    verification: verification.optional(),
  }),
  'memberships.remove': z.strictObject({ id }),
  'indicators.list': empty,
  'indicators.save': z.strictObject({
    id: optionalId,
    name: label,
    scale: shortText.optional(),
    minValue: z.number().finite().nullable().optional(),
    maxValue: z.number().finite().nullable().optional(),
    higherIs: z.enum(['better', 'worse', 'neither']).optional(),
    sourceId: id.nullable().optional(),
    description: text.optional(),
  }),
  'indicators.remove': z.strictObject({ id }),
  'indicators.setValue': z.strictObject({
    indicatorId: id,
    caseId: id,
    year: year,
    value: z.number().finite().nullable(),
    label: z.string().max(200).optional(),
    sourceId: id.nullable().optional(),
    verification: verification.optional(),
    note: text.optional(),
  }),
  'verification.list': empty,
  'flags.save': z.strictObject({
    id: optionalId,
    issue: text.min(1),
    severity: z.string().max(100).optional(),
    targetType: z.enum(['election', 'mission', 'claim', 'excerpt', 'indicator-value', 'regional-norm', 'instrument', 'source', 'cell']).nullable().optional(),
    targetId: z.string().max(200).nullable().optional(),
    resolved: z.boolean().optional(),
  }),
  'flags.remove': z.strictObject({ id }),
  'data.previewCsv': z.strictObject({ ...csvSource, createMissing: z.boolean().optional() }).refine(exactlyOneSource, 'Give either a file path or the text of the CSV.'),
  'data.importCsv': z
    .strictObject({ ...csvSource, skipBadRows: z.boolean().optional(), createMissing: z.boolean().optional() })
    .refine(exactlyOneSource, 'Give either a file path or the text of the CSV.'),
  'data.exportCsv': z.strictObject({ kind: z.enum(CSV_KINDS) }),
  'audit.list': z.strictObject({ table: z.string().max(64).optional(), rowId: id.optional(), limit: z.number().int().min(1).max(10_000).optional() }),
  'audit.restore': z.strictObject({ id: z.number().int().min(1), index: z.number().int().min(0).optional(), side: z.enum(['before', 'after']).optional() }),
  'audit.exportCsv': empty,
  'audit.saveCsv': z.strictObject({ path: filePath }),
  'backups.list': empty,
  'backups.create': empty,
  'backups.restore': z.strictObject({ file: filePath, dest: projectPath }),
  'backups.listFor': z.strictObject({ path: projectPath }),
  'backups.restoreFor': z.strictObject({ project: projectPath, file: filePath, dest: projectPath }),
  'project.check': empty,
  'team.status': empty,
  'team.members': empty,
  'team.sync': empty,
  'team.setAutoSync': z.strictObject({ enabled: z.boolean() }),
  'team.resolve': z.strictObject({
    table: z.string().min(1).max(64),
    rowKey: z.record(z.string().max(64), z.union([z.string().max(200), z.number()])),
    field: z.string().min(1).max(64),
    value: z.union([z.string().max(1_000_000), z.number(), z.null()]),
  }),
  'exchange.previewQdpx': z.strictObject({ path: filePath }),
  'exchange.importQdpx': z.strictObject({ path: filePath, mapping: z.record(z.string().min(1).max(80), z.strictObject({ normId: id, stageId: id })).optional() }),
  'exchange.startImportQdpx': z.strictObject({ path: filePath, mapping: z.record(z.string().min(1).max(80), z.strictObject({ normId: id, stageId: id })).optional() }),
  'exchange.importQdc': z.strictObject({ path: filePath }),
  'exchange.exportQdpx': z.strictObject({ path: qdpxPath }),
  'exchange.startExportQdpx': z.strictObject({ path: qdpxPath }),
  'exchange.exportQdc': z.strictObject({ path: filePath.refine((p) => p.toLowerCase().endsWith('.qdc'), 'A REFI-QDA codebook file name ends in .qdc.') }),
  'export.kinds': empty,
  'export.run': z.strictObject({ ...exportRequest, path: filePath }),
  'export.preview': z.strictObject(exportRequest),
  'search.query': z.strictObject({
    q: z.string().max(1000, 'Keep the search under 1,000 characters.'),
    kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
    sourceKinds: z.array(sourceKind).max(20).optional(),
    caseIds: ids.optional(),
    normIds: ids.optional(),
    stageIds: ids.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  'qca.sets': empty,
  'qca.saveSet': z.strictObject({
    id: id.optional(),
    name: qcaName,
    role: z.enum(['condition', 'outcome']).optional(),
    definition: z.string().max(10_000).optional(),
    memo: z.string().max(100_000).optional(),
    source: qcaSource,
    calibration: qcaCalibration,
  }),
  'qca.removeSet': z.strictObject({ id }),
  'qca.calibrated': z.strictObject({ setId: id }),
  'qca.setScore': z.strictObject({ setId: id, caseId: id, score: unit.nullable(), reason: z.string().max(2000).optional(), excerptId: id.nullable().optional() }),
  'qca.analyse': z.strictObject(qcaAnalysis),
  'qca.minimize': z.strictObject({
    ...qcaAnalysis,
    solution: z.enum(['conservative', 'parsimonious', 'intermediate']),
    dirExp: qcaDirExp.optional(),
  }),
  'qca.xyPlot': z.strictObject({ ...qcaAnalysis, expression: z.string().trim().min(1).max(2000) }),
} satisfies { [M in Method]: z.ZodType<ApiInput<M>> };
