import type { Api } from './api';
import type { Command } from './commands';
import { ApiError, isErrorCode, type Envelope, type ErrorPayload } from './errors';
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
export function createClient(transport: Transport, localize?: (error: ErrorPayload) => string): Api {
  const entries = METHODS.map((method) => [
    method,
    async (input: unknown) => {
      let envelope: Envelope;
      try {
        envelope = await transport(method, input ?? {});
      } catch (error) {
        throw new ApiError('INTERNAL', `Comparanda's back end did not answer (${(error as Error).message}).`, { cause: error });
      }
      if (envelope.ok) return envelope.result;
      const code = isErrorCode(envelope.error.code) ? envelope.error.code : 'INTERNAL';
      const text = envelope.error.text;
      throw new ApiError(code, localize ? localize(envelope.error) : envelope.error.message, { text });
    },
  ]);
  return Object.freeze(Object.fromEntries(entries)) as Api;
}
