import type { Handlers } from '../contract/api';
import { ApiError, type Envelope } from '../contract/errors';
import { isMethod, type Method } from '../contract/methods';
import { inputSchemas } from '../contract/schemas';
import { APP_NAME, APP_VERSION } from './project';
import { SCHEMA_VERSION } from './db/schema-version';
import * as edit from './edit';
import type { Session } from './session';
import { FRAMEWORK_TEMPLATES } from './templates';

/** The implementation of every API method over a session. Transports never call these directly: see `dispatch`. */
export function createHandlers(session: Session, transport: 'ipc' | 'http'): Handlers {
  return {
    'app.info': () => ({ appName: APP_NAME, appVersion: APP_VERSION, schemaVersion: SCHEMA_VERSION, transport }),
    'project.current': () => session.project?.summary() ?? null,
    'project.open': ({ path }) => session.open(path).summary(),
    'project.create': ({ path, title }) => session.create(path, title).summary(),
    'project.close': () => {
      session.close();
      return null;
    },
    'project.saveCopy': async ({ path }) => ({ path: await session.requireProject().saveCopy(path) }),
    'project.recent': () => session.prefs.recent(),
    'project.overview': () => session.requireProject().overview(),
    'cells.list': ({ normId }) => session.requireProject().cells(normId),
    'cells.update': (input) => edit.updateCell(session.requireProject(), input),
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
    'frameworks.templates': () => [...FRAMEWORK_TEMPLATES],
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
  };
}

export type Logger = (message: string, error?: unknown) => void;

const defaultLogger: Logger = (message, error) => {
  console.error(`[comparanda] ${message}`, error instanceof Error ? error.stack : (error ?? ''));
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
        throw new ApiError('UNKNOWN_METHOD', `There is no API method called ${JSON.stringify(String(method)).slice(0, 80)}.`);
      }
      const parsed = inputSchemas[method].safeParse(input === undefined ? {} : input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
        throw new ApiError('VALIDATION_FAILED', `Invalid input for ${method}${where}: ${issue?.message ?? 'malformed'}`);
      }
      const handler = handlers[method] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      return { ok: true, result: result ?? null };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toPayload() };
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
