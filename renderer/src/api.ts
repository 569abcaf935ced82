/**
 * The renderer's one door to the back end. Electron's preload exposes `window.comparanda`; in a plain browser
 * (the loopback web transport used by `npm run web` and the e2e tests) the same calls travel as HTTP POSTs.
 * Either way the rest of the UI sees the typed `Api` and catches one error class, ApiError.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Api, ApiInput, ApiOutput } from '../../electron/contract/api';
import { createClient, type Transport } from '../../electron/contract/client';
import type { Command } from '../../electron/contract/commands';
import { ApiError, type CatalogueText, type Envelope, type ErrorCode } from '../../electron/contract/errors';
import type { Method } from '../../electron/contract/methods';
import { errorText, formatMessage, localText } from '../../electron/contract/i18n/format';

/** The command that serves the web mode, named in its messages. */
const WEB_COMMAND = 'npm run web';
/** Said in the window's language by the client, as every error with a catalogue entry. */
const UNAUTHORIZED = localText({ id: 'transport.noSession', values: { command: WEB_COMMAND } });
import { currentLanguage } from './i18n/current';

/**
 * What the preload puts on window: one function per method name, answering with an envelope, and the menu's
 * commands (undo, redo), and where a page view shows (its zoom keys). Partial: an older preload may lack a method, and the browser has no bridge at all.
 */
type Bridge = Readonly<Partial<Record<Method, (input: unknown) => Promise<Envelope>>>> & {
  readonly onCommand?: (listener: (command: Command) => void) => () => void;
  readonly pageZoomShown?: (shown: boolean) => void;
};

declare global {
  interface Window {
    comparanda?: Bridge;
  }
}

function failure(code: ErrorCode, said: { message: string; text?: CatalogueText }): Envelope {
  return { ok: false, error: { code, ...said } };
}

function ipcTransport(bridge: Bridge): Transport {
  return (method, input) => {
    const call = bridge[method];
    if (typeof call !== 'function') {
      return Promise.resolve(failure('UNKNOWN_METHOD', localText({ id: 'transport.unknownMethod', values: { method } })));
    }
    return call(input);
  };
}


/** Whether this browser has a session: asked once (GET /session), then known from the calls' answers. */
let sessionActive: Promise<boolean> | undefined;

function hasSession(): Promise<boolean> {
  sessionActive ??= fetch('/session', { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(
    async (response) => response.ok && ((await response.json()) as { active?: unknown }).active === true,
    () => false,
  );
  return sessionActive;
}

/** Calls travel with the session cookie (HttpOnly: this script never sees it) that startWebSession obtained. */
function httpTransport(): Transport {
  return async (method, input) => {
    // Without a session the page asks for the code at once, rather than after a refused call.
    if (!(await hasSession())) return failure('UNAUTHORIZED', UNAUTHORIZED);
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON: judged by the status below.
    }
    if (response.status === 401) sessionActive = Promise.resolve(false);
    if (isEnvelope(body)) {
      if (!body.ok && (response.status === 401 || response.status === 403)) return failure('UNAUTHORIZED', UNAUTHORIZED);
      return body;
    }
    if (response.status === 401 || response.status === 403) return failure('UNAUTHORIZED', UNAUTHORIZED);
    return failure('INTERNAL', localText({ id: 'transport.unexpectedAnswer', values: { status: `HTTP ${response.status}` } }));
  };
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'result' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function pickTransport(): { transport: Transport; kind: 'ipc' | 'http' } {
  const bridge = typeof window !== 'undefined' ? window.comparanda : undefined;
  if (bridge) return { transport: ipcTransport(bridge), kind: 'ipc' };
  return { transport: httpTransport(), kind: 'http' };
}

const picked = pickTransport();

/** The typed API. */
export const api: Api = createClient(picked.transport, (error) => errorText(currentLanguage(), error));

/** 'http' when the UI runs in a browser without Electron's menus and dialogs. */
export const transportKind = picked.kind;

/**
 * Web transport only: trades the one-time code printed by `npm run web` for this browser's session cookie. The code
 * travels in a request body, never in an address, so the browser's history and session files never hold it.
 */
export async function startWebSession(code: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token: code.trim() }),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError('INTERNAL', formatMessage(currentLanguage(), 'transport.webSilent', { command: WEB_COMMAND }), { cause: error });
  }
  if (response.ok) {
    sessionActive = Promise.resolve(true);
    return;
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: the status says enough.
  }
  if (isEnvelope(body) && !body.ok) throw new ApiError(body.error.code, errorText(currentLanguage(), body.error), { text: body.error.text });
  throw new ApiError('INTERNAL', formatMessage(currentLanguage(), 'transport.unexpectedAnswer', { status: `HTTP ${response.status}` }));
}

/** Anything thrown by a call, as an ApiError with a message fit to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', formatMessage(currentLanguage(), 'transport.windowError'), { cause: error });
}

function call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  // `api[method]` is a union of every method's signature; this one index is safe because M ties input to output.
  const fn = api[method] as unknown as (input: ApiInput<M>) => Promise<ApiOutput<M>>;
  return fn(input);
}

export interface QueryResult<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Runs the call again (after a change elsewhere). */
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data?: T;
  error?: ApiError;
}

/**
 * Calls a read method and keeps its answer. Pass `null` as input to skip the call. A new input (compared by its
 * JSON) starts a new call; answers to inputs no longer current are dropped.
 */
export function useApiQuery<M extends Method>(method: M, input: ApiInput<M> | null): QueryResult<ApiOutput<M>> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<ApiOutput<M>> | undefined>(undefined);
  const inputJson = input === null ? null : JSON.stringify(input);
  const key = inputJson === null ? null : `${method} ${inputJson} #${version}`;

  useEffect(() => {
    if (key === null || inputJson === null) return undefined;
    let current = true;
    call(method, JSON.parse(inputJson) as ApiInput<M>).then(
      (data) => {
        if (current) setSettled({ key, data });
      },
      (error: unknown) => {
        if (current) setSettled({ key, error: toApiError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, method, inputJson]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const fresh = key !== null && settled?.key === key;
  return {
    data: fresh ? settled.data : undefined,
    error: fresh ? settled.error : undefined,
    loading: key !== null && !fresh,
    reload,
  };
}

export interface ActionState<M extends Method> {
  run: (input: ApiInput<M>) => Promise<ApiOutput<M> | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/** Calls a method that changes something, from an event handler; resolves to undefined when it failed. */
export function useApiAction<M extends Method>(method: M): ActionState<M> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const run = useCallback(
    async (input: ApiInput<M>) => {
      setPending(true);
      setError(undefined);
      try {
        return await call(method, input);
      } catch (caught) {
        setError(toApiError(caught));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [method],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}
