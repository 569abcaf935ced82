/**
 * The IPC transport: one `ipcMain.handle('api:<method>')` per method of the contract, all answering through the same
 * dispatcher as the HTTP transport. Imports only types from 'electron' so it is tested in plain Node.
 */
import type { Envelope } from '../contract/errors';
import { METHODS, channelFor, type Method } from '../contract/methods';

/** What a handler needs to know about the caller (a subset of Electron's IpcMainInvokeEvent). */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null;
}

/** The part of Electron's `ipcMain` used here; tests pass a recording object. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<Envelope>): void;
}

export type DispatchFn = (method: Method, input: unknown) => Promise<Envelope>;

const UNAUTHORIZED: Envelope = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'UNAUTHORIZED',
    message: 'This request did not come from the Comparanda window and was refused.',
  }),
}) as Envelope;

function senderUrl(event: InvokeEventLike): string | null {
  // senderFrame is null (or throws on access) when the frame navigated away or was destroyed after sending.
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/**
 * Registers every method of the contract. Calls from a frame that is not the app's own page are refused with
 * UNAUTHORIZED before reaching the core. Returns the channels registered.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: DispatchFn,
  isTrusted: (frameUrl: string | null) => boolean,
): string[] {
  return METHODS.map((method) => {
    const channel = channelFor(method);
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrusted(senderUrl(event))) return UNAUTHORIZED;
      return dispatch(method, input);
    });
    return channel;
  });
}
