import type { Api } from './api';
import type { Command } from './commands';
import { ApiError, isErrorCode, type CatalogueText, type Envelope } from './errors';
import { localError } from './i18n/format';
import { METHODS, type Method } from './methods';

/**
 * What Electron's preload exposes as `window.comparanda`: one function per method, answering with the envelope,
 * and a subscription to the menu's commands (see commands.ts).
 */
export type ComparandaBridge = { readonly [M in Method]: (input?: unknown) => Promise<Envelope> } & {
  readonly onCommand: (listener: (command: Command) => void) => () => void;
  readonly pageZoomShown: (shown: boolean) => void;
};

/** How a transport carries one call: method name and input out, an envelope back. */
export type Transport = (method: Method, input: unknown) => Promise<Envelope>;

/**
 * Builds the typed API object from a transport. Failures arrive as `{ code, message }` and are thrown again as
 * ApiError, whichever transport carried them.
 */
/** A sentence that travels as English `message` plus its catalogue entry `text` (an error, a job's progress). */
type Localize = (said: { message: string; text?: CatalogueText | undefined }) => string;

function isCatalogueText(value: unknown): value is CatalogueText {
  return typeof value === 'object' && value !== null && typeof (value as CatalogueText).id === 'string';
}

/**
 * Sentences inside a result (a job's progress and failure, the team's running sync, an export's warnings) are
 * replaced by the client's language. Only plain objects a few levels down are visited, and of arrays only those
 * named `warnings`, `problems` or `notices` (an export's warnings, a CSV's bad rows and notices): results such as a norm's cells stay untouched and cost nothing.
 */
function localizeResult(value: unknown, localize: Localize, depth = 0): void {
  if (depth > 3 || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  if (typeof record.message === 'string' && isCatalogueText(record.text)) record.message = localize({ message: record.message, text: record.text });
  for (const [key, child] of Object.entries(record)) {
    if (Array.isArray(child)) {
      if (key === 'warnings' || key === 'problems' || key === 'notices') for (const item of child) localizeResult(item, localize, depth + 1);
    } else if (typeof child === 'object' && child !== null) localizeResult(child, localize, depth + 1);
  }
}

export function createClient(transport: Transport, localize?: Localize): Api {
  const entries = METHODS.map((method) => [
    method,
    async (input: unknown) => {
      let envelope: Envelope;
      try {
        envelope = await transport(method, input ?? {});
      } catch (error) {
        const silent = localError('INTERNAL', 'transport.backEndSilent', { detail: (error as Error).message }, { cause: error });
        throw localize ? new ApiError('INTERNAL', localize(silent), { cause: error, text: silent.text }) : silent;
      }
      if (envelope.ok) {
        if (localize) localizeResult(envelope.result, localize);
        return envelope.result;
      }
      const code = isErrorCode(envelope.error.code) ? envelope.error.code : 'INTERNAL';
      const text = envelope.error.text;
      throw new ApiError(code, localize ? localize(envelope.error) : envelope.error.message, { text });
    },
  ]);
  return Object.freeze(Object.fromEntries(entries)) as Api;
}
