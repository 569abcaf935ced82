/**
 * The only bridge between the sandboxed renderer and the app: `window.comparanda`, one frozen object with a function
 * per API method that returns the envelope the main process answered with. Bundled into one file (dist/preload.cjs)
 * because a sandboxed preload cannot require the app's modules; keep imports to 'electron' and the method list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ComparandaBridge } from '../contract/client';
import { COMMAND_CHANNEL, isCommand, type Command } from '../contract/commands';
import type { Envelope } from '../contract/errors';
import { METHODS, channelFor } from '../contract/methods';
import { PAGE_ZOOM_CHANNEL } from '../contract/zoom-keys';

const bridge = Object.freeze({
  ...Object.fromEntries(METHODS.map((method) => [method, (input?: unknown): Promise<Envelope> => ipcRenderer.invoke(channelFor(method), input ?? {})])),
  // The menu's commands (undo, redo...); only names from the contract's list reach the page, never the IPC event.
  onCommand: (listener: (command: Command) => void): (() => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (isCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
    };
  },
  // Whether a page view shows: while it does, the View menu leaves its zoom keys to the page.
  pageZoomShown: (shown: boolean): void => {
    ipcRenderer.send(PAGE_ZOOM_CHANNEL, shown === true);
  },
}) as ComparandaBridge;

contextBridge.exposeInMainWorld('comparanda', bridge);
