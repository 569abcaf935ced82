import path from 'node:path';
import type { ApiInput, Handlers } from '../contract/api';
import { ApiError, type Envelope } from '../contract/errors';
import { localError } from '../contract/i18n/format';
import { isMethod, type Method } from '../contract/methods';
import { inputSchemas } from '../contract/schemas';
import { APP_NAME, APP_VERSION } from './project';
import { SCHEMA_VERSION } from './db/schema-version';
import { startQdpxExport } from './exchange/export-job';
import { startQdpxImport } from './exchange/import-job';
import { startDocumentImport } from './document-import';
import { startRecognition } from './ocr/job';
import * as audit from './audit';
import { autoCode, codeMatrix, codeMatrixExcerpts } from './code-matrix';
import * as context from './context';
import * as csvData from './csv-data';
import * as edit from './edit';
import { exportQdc, exportQdpx, importQdc, importQdpx, previewQdpx } from './exchange';
import type { PdfPrinter } from './export';
import { listExportKinds, previewExport, startExport } from './export-job';
import * as evidence from './evidence';
import * as record from './record';
import { newProjectDir } from './paths';
import { eraseIdentity } from './privacy/erase';
import { guardOutput, redactMessage, redactPayload } from './privacy/gate';
import { memoOverview } from './memos';
import { METHOD_OUTPUTS } from './privacy/outputs';
import { search } from './search';
import * as team from './team/api';
import type { Session } from './session';
import { FRAMEWORK_TEMPLATES } from './templates';
import * as qca from './qca/project';
import { analyse as qcaAnalyse, startMinimize as startQcaMinimize, xyPlot as qcaXyPlot } from './qca/api';
import { localiseTemplate } from './project-language';
import { inputProblem } from '../contract/input-problem';

/**
 * What only the desktop can do (native dialogs, opening a file in another program). The Electron main process
 * provides it; the web transport has none, and those methods answer UNSUPPORTED there.
 */
export interface Host {
  chooseFile(input: ApiInput<'host.chooseFile'>): Promise<string | null>;
  openPath(path: string): Promise<void>;
  /** Prints export HTML to PDF with the host's own Chromium (Electron's printToPDF). */
  printer?: (() => PdfPrinter) | undefined;
}

function unsupported(what: 'chooseFile' | 'openPath'): ApiError {
  return localError('UNSUPPORTED', 'errorsCore.desktopOnly', { what });
}

/** The implementation of every API method over a session. Transports never call these directly: see `dispatch`. */
export function createHandlers(session: Session, transport: 'ipc' | 'http', host?: Host): Handlers {
  return gateAnswers(session, ungatedHandlers(session, transport, host));
}

/**
 * Answers that the UI offers as a download or copies to the clipboard leave the project: each is checked by the
 * egress gate before it is handed over (privacy/outputs.ts declares which they are).
 */
function gateAnswers(session: Session, handlers: Handlers): Handlers {
  const gated = { ...handlers } as Record<Method, (input: unknown) => unknown>;
  for (const [method, policy] of Object.entries(METHOD_OUTPUTS) as [Method, (typeof METHOD_OUTPUTS)[Method]][]) {
    if (policy.kind !== 'answer') continue;
    const inner = gated[method];
    gated[method] = async (input: unknown) => {
      const result = (await inner(input)) as { text: string };
      guardOutput(session.requireProject().db, policy.what, [result.text]);
      return result;
    };
  }
  return gated as unknown as Handlers;
}

function ungatedHandlers(session: Session, transport: 'ipc' | 'http', host?: Host): Handlers {
  return {
    'app.info': () => ({ appName: APP_NAME, appVersion: APP_VERSION, schemaVersion: SCHEMA_VERSION, transport, newProjectDir: newProjectDir() }),
    'project.current': () => session.project?.summary() ?? null,
    'project.open': ({ path, passphrase, readonly }) => session.open(path, passphrase, { readonly }).summary(),
    'project.create': ({ path, title, passphrase, language }) => session.create(path, title, passphrase, language).summary(),
    'project.changePassphrase': async ({ current, next }) => {
      const project = session.requireProject();
      // A snapshot being copied reads the file on a connection of its own, which the change would refuse to swap.
      await session.settleSnapshots();
      project.changePassphrase(current, next);
      return project.summary();
    },
    'project.encryptCopy': ({ path, passphrase }) => ({ path: session.requireProject().encryptCopy(path, passphrase, session.openOptions) }),
    'project.close': () => {
      session.close();
      return null;
    },
    'project.saveCopy': async ({ path }) => ({ path: await session.requireProject().saveCopy(path) }),
    'settings.get': () => ({ language: session.prefs.language() ?? null }),
    'settings.setLanguage': ({ language }) => {
      session.prefs.setLanguage(language);
      return { language: session.prefs.language() ?? null };
    },
    'project.recent': () => session.prefs.recent().map((r) => ({ ...r, backups: r.exists ? 0 : session.backups.list(r.path).length })),
    'project.overview': () => session.requireProject().overview(),
    'cells.list': ({ normId }) => session.requireProject().cells(normId),
    'cells.evidenceCounts': ({ normId }) => session.requireProject().evidenceCounts(normId),
    'cells.update': (input) => edit.updateCell(session.requireProject(), input),
    'cells.archived': (input) => edit.listArchivedCells(session.requireProject(), input),
    'cells.restore': (input) => edit.restoreArchivedCell(session.requireProject(), input),
    'cases.create': (input) => edit.createCase(session.requireProject(), input),
    'cases.update': (input) => edit.updateCase(session.requireProject(), input),
    'cases.reorder': (input) => edit.reorderCases(session.requireProject(), input),
    'cases.archive': (input) => edit.archiveCase(session.requireProject(), input),
    'cases.setAttribute': (input) => edit.setCaseAttribute(session.requireProject(), input),
    'attributes.create': (input) => edit.createAttribute(session.requireProject(), input),
    'attributes.update': (input) => edit.updateAttribute(session.requireProject(), input),
    'attributes.remove': (input) => edit.removeAttribute(session.requireProject(), input),
    'norms.create': (input) => edit.createNorm(session.requireProject(), input),
    'norms.update': (input) => edit.updateNorm(session.requireProject(), input),
    'norms.reorder': (input) => edit.reorderNorms(session.requireProject(), input),
    'norms.archive': (input) => edit.archiveNorm(session.requireProject(), input),
    'norms.frameworkImpact': (input) => edit.normFrameworkImpact(session.requireProject(), input),
    'norms.setFramework': (input) => edit.setNormFramework(session.requireProject(), input),
    'frameworks.templates': ({ language }) => FRAMEWORK_TEMPLATES.map((template) => localiseTemplate(template, language ?? 'en')),
    'frameworks.create': (input) => edit.createFramework(session.requireProject(), input),
    'frameworks.update': (input) => edit.updateFramework(session.requireProject(), input),
    'frameworks.setStatuses': (input) => edit.setStatuses(session.requireProject(), input),
    'frameworks.remove': (input) => edit.removeFramework(session.requireProject(), input),
    'stages.add': (input) => edit.addStage(session.requireProject(), input),
    'stages.update': (input) => edit.updateStage(session.requireProject(), input),
    'stages.reorder': (input) => edit.reorderStages(session.requireProject(), input),
    'stages.removalImpact': (input) => edit.stageRemovalImpact(session.requireProject(), input),
    'stages.remove': (input) => edit.removeStage(session.requireProject(), input),
    'views.save': (input) => edit.saveView(session.requireProject(), input),
    'views.remove': (input) => edit.removeView(session.requireProject(), input),
    'history.state': () => session.requireProject().history.state(),
    'history.undo': () => session.requireProject().history.undo(),
    'history.redo': () => session.requireProject().history.redo(),
    'participants.list': () => evidence.listParticipants(session.requireProject()),
    'participants.create': (input) => evidence.createParticipant(session.requireProject(), input),
    'participants.update': (input) => evidence.updateParticipant(session.requireProject(), input),
    'participants.remove': (input) => evidence.removeParticipant(session.requireProject(), input),
    'participants.getIdentity': (input) => evidence.getIdentity(session.requireProject(), input),
    'participants.setIdentity': (input) => evidence.setIdentity(session.requireProject(), input),
    'participants.eraseIdentity': async (input) => {
      const project = session.requireProject();
      await session.settleSnapshots();
      const report = eraseIdentity(project, input, session.backups);
      // Purged snapshots leave the project without one: a clean snapshot is taken at once.
      if (input.purgeSnapshots) await session.snapshot('manual');
      return report;
    },
    'sources.list': () => evidence.listSources(session.requireProject()),
    'sources.create': (input) => evidence.createSource(session.requireProject(), input),
    'sources.update': (input) => evidence.updateSource(session.requireProject(), input),
    'sources.remove': (input) => evidence.removeSource(session.requireProject(), input),
    'sources.previewBibliography': (input) => evidence.previewBibliography(session.requireProject(), input),
    'sources.importBibliography': (input) => evidence.importBibliography(session.requireProject(), input),
    'sources.exportBibliography': (input) => evidence.exportBibliography(session.requireProject(), input),
    'documents.list': (input) => evidence.listDocuments(session.requireProject(), input),
    'documents.import': (input) => startDocumentImport(session, input),
    'documents.get': (input) => evidence.getDocument(session.requireProject(), input),
    'documents.original': (input) => evidence.readOriginal(session.requireProject(), input),
    'documents.remove': (input) => evidence.removeDocument(session.requireProject(), input),
    'documents.saveOriginal': (input) => evidence.saveOriginal(session.requireProject(), input),
    'documents.recognise': (input) => startRecognition(session, input),
    'jobs.get': ({ id }) => session.jobs.get(id),
    'jobs.cancel': ({ id }) => session.jobs.cancel(id),
    'codes.list': () => evidence.listCodes(session.requireProject()),
    'codes.create': (input) => evidence.createCode(session.requireProject(), input),
    'codes.update': (input) => evidence.updateCode(session.requireProject(), input),
    'codes.remove': (input) => evidence.removeCode(session.requireProject(), input),
    'excerpts.list': (input) => evidence.listExcerpts(session.requireProject(), input),
    'excerpts.create': (input) => evidence.createExcerpt(session.requireProject(), input),
    'excerpts.update': (input) => evidence.updateExcerpt(session.requireProject(), input),
    'excerpts.remove': (input) => evidence.removeExcerpt(session.requireProject(), input),
    'excerpts.link': (input) => evidence.linkExcerpt(session.requireProject(), input),
    'excerpts.unlink': (input) => evidence.unlinkExcerpt(session.requireProject(), input),
    'memos.list': (input) => evidence.listMemos(session.requireProject(), input),
    'memos.create': (input) => evidence.createMemo(session.requireProject(), input),
    'memos.update': (input) => evidence.updateMemo(session.requireProject(), input),
    'memos.remove': (input) => evidence.removeMemo(session.requireProject(), input),
    'memos.overview': () => memoOverview(session.requireProject()),
    'codes.matrix': (input) => codeMatrix(session.requireProject(), input),
    'codes.matrixExcerpts': (input) => codeMatrixExcerpts(session.requireProject(), input),
    'codes.autoCode': (input) => autoCode(session.requireProject(), input),
    'search.query': (input) => search(session.requireProject(), input),
    'observation.list': () => {
      const p = session.requireProject();
      return { dimensions: record.listDimensions(p), elections: record.listElections(p) };
    },
    'dimensions.save': (input) => record.saveDimension(session.requireProject(), input),
    'dimensions.remove': (input) => record.removeDimension(session.requireProject(), input),
    'elections.save': (input) => record.saveElection(session.requireProject(), input),
    'elections.remove': (input) => record.removeElection(session.requireProject(), input),
    'missions.save': (input) => record.saveMission(session.requireProject(), input),
    'missions.remove': (input) => record.removeMission(session.requireProject(), input),
    'claims.list': () => record.listClaims(session.requireProject()),
    'claims.save': (input) => record.saveClaim(session.requireProject(), input),
    'claims.remove': (input) => record.removeClaim(session.requireProject(), input),
    'context.get': () => context.getContext(session.requireProject()),
    'organisations.save': (input) => context.saveOrganisation(session.requireProject(), input),
    'organisations.remove': (input) => context.removeOrganisation(session.requireProject(), input),
    'regionalNorms.save': (input) => context.saveRegionalNorm(session.requireProject(), input),
    'regionalNorms.remove': (input) => context.removeRegionalNorm(session.requireProject(), input),
    'instruments.save': (input) => context.saveInstrument(session.requireProject(), input),
    'instruments.remove': (input) => context.removeInstrument(session.requireProject(), input),
    'memberships.save': (input) => context.saveMembership(session.requireProject(), input),
    'memberships.remove': (input) => context.removeMembership(session.requireProject(), input),
    'indicators.list': () => context.listIndicators(session.requireProject()),
    'indicators.save': (input) => context.saveIndicator(session.requireProject(), input),
    'indicators.remove': (input) => context.removeIndicator(session.requireProject(), input),
    'indicators.setValue': (input) => context.setIndicatorValue(session.requireProject(), input),
    'verification.list': () => context.listUnverified(session.requireProject()),
    'flags.save': (input) => context.saveFlag(session.requireProject(), input),
    'flags.remove': (input) => context.removeFlag(session.requireProject(), input),
    'data.previewCsv': (input) => csvData.previewCsv(session.requireProject(), input),
    'data.importCsv': (input) => csvData.importCsv(session.requireProject(), input),
    'data.exportCsv': (input) => csvData.exportCsv(session.requireProject(), input),
    'audit.list': (input) => audit.listAudit(session.requireProject(), input),
    'audit.restore': (input) => audit.restoreAudit(session.requireProject(), input),
    'audit.exportCsv': () => ({ text: audit.auditCsv(session.requireProject()) }),
    'audit.saveCsv': ({ path }) => {
      const project = session.requireProject();
      return session.jobs.start('audit-export', 'Export the audit trail', async ({ signal, progress }) => {
        const saved = await audit.saveAuditCsv(project, { out: path, signal, onProgress: progress });
        return { files: [{ path: saved.path, bytes: saved.bytes }] };
      });
    },
    'backups.list': () => session.backups.list(session.requireProject().path),
    'backups.create': async () => {
      const project = session.requireProject();
      return session.backups.snapshot(project, 'manual');
    },
    'backups.restore': ({ file, dest }) => ({ path: session.backups.restore(session.requireProject().path, file, dest) }),
    'backups.listFor': ({ path }) => session.backups.list(path),
    'backups.restoreFor': ({ project, file, dest }) => {
      if (session.project && path.resolve(dest) === session.project.path) throw localError('FILE_EXISTS', 'errors.restoreOverOpen');
      return { path: session.backups.restore(project, file, dest, { projectGone: true }) };
    },
    // The whole-file checks in a worker thread: the window's other calls are answered meanwhile.
    'project.check': () => session.requireProject().checkInBackground(),
    'team.status': () => team.status(session.requireProject(), session.autoSync.state()),
    'team.members': () => team.members(session.requireProject()),
    'team.sync': () => session.autoSync.start('manual'),
    'team.setAutoSync': ({ enabled }) => session.setAutoSync(enabled),
    'team.resolve': (input) => team.resolve(session.requireProject(), input),
    'exchange.previewQdpx': ({ path }) => previewQdpx(path),
    'exchange.importQdpx': async ({ path, mapping }) => {
      const project = session.requireProject();
      const { report } = await importQdpx(project, { path, mapping });
      // The import wrote rows beneath the undo history: earlier steps can no longer be undone safely.
      project.history.clear();
      return report;
    },
    'exchange.startImportQdpx': (input) => startQdpxImport(session, input),
    'exchange.startExportQdpx': (input) => startQdpxExport(session, input),
    'exchange.importQdc': async ({ path }) => {
      const project = session.requireProject();
      const { report } = await importQdc(project, { path });
      project.history.clear();
      return report;
    },
    'exchange.exportQdpx': async ({ path }) => {
      const result = await exportQdpx(session.requireProject(), { out: path });
      return { path: result.path, counts: { ...result.counts } };
    },
    'exchange.exportQdc': async ({ path }) => {
      const result = await exportQdc(session.requireProject(), { out: path });
      return { path: result.path, counts: { ...result.counts } };
    },
    'export.kinds': () => listExportKinds(),
    'export.run': (input) => startExport(session, input, host?.printer),
    'export.preview': (input) => previewExport(session, input),
    'qca.sets': () => qca.listSets(session.requireProject()),
    'qca.saveSet': (input) => qca.saveSet(session.requireProject(), input),
    'qca.removeSet': ({ id }) => {
      qca.removeSet(session.requireProject(), id);
      return null;
    },
    'qca.calibrated': ({ setId }) => qca.calibratedTable(session.requireProject(), setId),
    'qca.setScore': (input) => {
      qca.setScore(session.requireProject(), input);
      return null;
    },
    'qca.analyse': (input) => qcaAnalyse(session.requireProject(), input),
    'qca.minimize': (input) => startQcaMinimize(session, input),
    'qca.xyPlot': (input) => qcaXyPlot(session.requireProject(), input),
    'host.chooseFile': async (input) => {
      if (!host) throw unsupported('chooseFile');
      return { path: await host.chooseFile(input) };
    },
    'host.openPath': async ({ path }) => {
      if (!host) throw unsupported('openPath');
      // Only files the app itself wrote out (originals saved by the user) are opened; never an executable.
      if (/\.(exe|bat|cmd|com|msi|sh|app|command|js|jar|vbs|ps1|desktop|appimage)$/i.test(path)) {
        throw localError('VALIDATION_FAILED', 'errors.noPrograms');
      }
      await host.openPath(path);
      return null;
    },
  };
}

export type Logger = (message: string, error?: unknown) => void;

/**
 * What SQLite's storage errors mean for the researcher. Every change is one transaction, so a failed write has
 * changed nothing: the sentence says so, and what to do.
 */
export function storageFailure(error: unknown): ApiError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL') return localError('DISK_FULL', 'errors.diskFullNotSaved');
  if (code.startsWith('SQLITE_READONLY')) return localError('READ_ONLY', 'errors.readOnlyNotSaved');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return localError('PROJECT_IN_USE', 'errors.busyNotSaved');
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) return localError('PROJECT_UNREADABLE', 'errors.ioErrorNotSaved');
  if (code === 'SQLITE_CORRUPT') return localError('PROJECT_CORRUPT', 'errors.corruptRestore', { command: 'comparanda check' });
  return null;
}

const defaultLogger: Logger = (message, error) => {
  // A stack or message may quote what the researcher typed: identities are replaced by pseudonyms first.
  console.error(redactMessage(`[comparanda] ${message}`), redactMessage(error instanceof Error ? (error.stack ?? error.message) : String(error ?? '')));
};

/**
 * The single entry point of both transports: validates the method name and the input, runs the handler and
 * answers with an envelope. Nothing thrown escapes; unexpected errors are logged with their stack and reach the
 * client as INTERNAL with a sentence, not a stack trace.
 */
export function createDispatcher(handlers: Handlers, log: Logger = defaultLogger) {
  return async function dispatch(method: unknown, input: unknown): Promise<Envelope> {
    try {
      if (!isMethod(method)) {
        throw localError('UNKNOWN_METHOD', 'errorsCore.unknownMethod', { method: JSON.stringify(String(method)).slice(0, 80) });
      }
      const parsed = inputSchemas[method].safeParse(input === undefined ? {} : input);
      if (!parsed.success) {
        throw localError('VALIDATION_FAILED', 'errorsCore.invalidInput', { method, problem: inputProblem(parsed.error.issues[0]) });
      }
      const handler = handlers[method] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      return { ok: true, result: result ?? null };
    } catch (error) {
      // Messages quote names and values: none of them may carry an identity to the screen or a log.
      if (error instanceof ApiError) return { ok: false, error: redactPayload(error.toPayload()) };
      const storage = storageFailure(error);
      if (storage) {
        log(`Storage failure in ${String(method)}`, error);
        return { ok: false, error: storage.toPayload() };
      }
      log(`Unexpected failure in ${String(method)}`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong inside Comparanda. The details are in the log; please report them.' },
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
export type { Method };
