/**
 * The IPC transport over the real core: registerIpc with a recording ipcMain, the real dispatcher and a real Session
 * on a temporary folder; and the preload bundle, run the way a sandboxed renderer runs it, wired to those handlers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../electron/contract/errors';
import { METHODS, channelFor, type Method } from '../../electron/contract/methods';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { Session } from '../../electron/core/session';
import { registerIpc, type InvokeEventLike, type IpcMainLike } from '../../electron/main/ipc';
import { APP_ENTRY_URL, isTrustedSender } from '../../electron/main/security';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<Envelope>;

class RecordingIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    // Electron throws on a second handler for one channel; so does this.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<Envelope> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

const trusted: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL } };
const root = path.resolve(__dirname, '..', '..');

let dir: string;
let session: Session;
let ipc: RecordingIpcMain;
let registered: string[];
const dispatched: Method[] = [];
const logged: string[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-ipc-'));
  session = new Session(path.join(dir, 'user-data'));
  const dispatch = createDispatcher(createHandlers(session, 'ipc'), (message) => logged.push(message));
  ipc = new RecordingIpcMain();
  registered = registerIpc(
    ipc,
    (method, input) => {
      dispatched.push(method);
      return dispatch(method, input);
    },
    isTrustedSender,
  );
});

afterAll(() => {
  session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('registerIpc', () => {
  it('registers one channel per method of the contract, and nothing else', () => {
    expect(registered).toEqual(METHODS.map((m) => channelFor(m)));
    expect([...ipc.handlers.keys()].sort()).toEqual(METHODS.map((m) => `api:${m}`).sort());
  });

  it("answers app.info from the app's window with transport 'ipc'", async () => {
    const envelope = await ipc.invoke('api:app.info', trusted, {});
    expect(envelope.ok).toBe(true);
    if (!envelope.ok) return;
    expect(envelope.result).toMatchObject({ appName: 'Comparanda', transport: 'ipc' });
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/evil.html' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
    ['a frame that throws', { get senderFrame(): { url: string } { throw new Error('Render frame was disposed'); } }],
  ])('refuses %s with UNAUTHORIZED before reaching the core', async (_name, event: InvokeEventLike) => {
    const before = dispatched.length;
    const envelope = await ipc.invoke('api:project.create', event, { path: path.join(dir, 'evil.comparanda') });
    expect(envelope).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    expect(dispatched.length).toBe(before);
    expect(fs.existsSync(path.join(dir, 'evil.comparanda'))).toBe(false);
  });

  it.each([
    ['a wrong type', 'api:project.open', { path: 42 }],
    ['an unknown field', 'api:app.info', { extra: true }],
    ['a missing field', 'api:project.open', {}],
    ['not an object', 'api:project.open', 'project.comparanda'],
    ['a path with NUL', 'api:project.open', { path: 'a\0b.comparanda' }],
    ['a new project without the extension', 'api:project.create', { path: 'x.sqlite' }],
  ])('answers malformed input (%s) with VALIDATION_FAILED', async (_name, channel, input) => {
    const envelope = await ipc.invoke(channel, trusted, input);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('VALIDATION_FAILED');
    expect(envelope.error.message.length).toBeGreaterThan(10);
  });

  it('treats a missing input as an empty object', async () => {
    expect((await ipc.invoke('api:project.current', trusted)).ok).toBe(true);
  });

  it('carries domain errors as envelopes with the sentence for the user', async () => {
    await ipc.invoke('api:project.close', trusted, {});
    const none = await ipc.invoke('api:project.overview', trusted, {});
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_PROJECT_OPEN' } });
    const missing = await ipc.invoke('api:project.open', trusted, { path: path.join(dir, 'nowhere.comparanda') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });

  it('creates, lists and reopens a project over the real core', async () => {
    const file = path.join(dir, 'Study.comparanda');
    const created = await ipc.invoke('api:project.create', trusted, { path: file });
    expect(created).toMatchObject({ ok: true, result: { path: file, fileName: 'Study.comparanda' } });
    expect(await ipc.invoke('api:project.current', trusted, {})).toMatchObject({ ok: true, result: { path: file } });
    expect((await ipc.invoke('api:cells.list', trusted, {})).ok).toBe(true);
    expect(await ipc.invoke('api:project.recent', trusted, {})).toMatchObject({ ok: true, result: [{ path: file, exists: true }] });
    expect((await ipc.invoke('api:project.close', trusted, {})).ok).toBe(true);
    expect(await ipc.invoke('api:project.open', trusted, { path: file })).toMatchObject({ ok: true, result: { path: file } });
    expect(logged).toEqual([]);
  });

  it('every result crosses IPC intact (structured clone keeps it equal)', async () => {
    const envelope = await ipc.invoke('api:project.overview', trusted, {});
    expect(structuredClone(envelope)).toEqual(envelope);
  });
});

describe('preload bridge', () => {
  interface SandboxRun {
    required: string[];
    exposed: Array<[string, unknown]>;
    listeners: Array<[string, (...args: unknown[]) => void]>;
    sent: unknown[][];
  }

  /** Runs the preload bundle the way Electron runs a sandboxed preload: a wrapper function, `require` for 'electron' only. */
  async function runPreload(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): Promise<SandboxRun> {
    const result = await build({
      entryPoints: [path.join(root, 'electron', 'preload', 'index.ts')],
      bundle: true,
      write: false,
      // The options scripts/build-node.ts uses for dist/preload.cjs.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome142',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const run: SandboxRun = { required: [], exposed: [], listeners: [], sent: [] };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => run.exposed.push([key, api]) },
      ipcRenderer: {
        invoke,
        send: (channel: string, ...args: unknown[]) => run.sent.push([channel, ...args]),
        on: (channel: string, handler: (...args: unknown[]) => void) => run.listeners.push([channel, handler]),
        removeListener: (channel: string, handler: (...args: unknown[]) => void) => {
          run.listeners = run.listeners.filter(([c, h]) => c !== channel || h !== handler);
        },
      },
    };
    const sandboxRequire = (name: string): unknown => {
      run.required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name} (a sandboxed preload can require only a few modules)`);
    };
    const wrapper = vm.runInNewContext(
      `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {\n${code}\n})`,
      {},
    ) as (...args: unknown[]) => void;
    const exportsObject = {};
    wrapper(sandboxRequire, {}, undefined, {}, undefined, undefined, exportsObject, { exports: exportsObject });
    return run;
  }

  it('exposes one frozen object, window.comparanda, with exactly the methods of the contract', async () => {
    const run = await runPreload(async () => ({ ok: true, result: null }));
    expect(run.required).toEqual(['electron']);
    expect(run.exposed.map(([key]) => key)).toEqual(['comparanda']);
    const bridge = run.exposed[0]![1] as Record<string, unknown>;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...METHODS, 'onCommand', 'pageZoomShown'].sort());
    for (const method of METHODS) expect(typeof bridge[method]).toBe('function');
    expect(typeof bridge.onCommand).toBe('function');
  });

  it('passes only the contract\'s menu commands to the page, and unsubscribes', async () => {
    const run = await runPreload(async () => ({ ok: true, result: null }));
    const bridge = run.exposed[0]![1] as { onCommand: (listener: (command: string) => void) => () => void };
    const received: string[] = [];
    const unsubscribe = bridge.onCommand((command) => received.push(command));
    expect(run.listeners.map(([channel]) => channel)).toEqual(['command']);
    for (const [, handler] of run.listeners) {
      handler({ sender: 'event' }, 'undo');
      handler({ sender: 'event' }, 'format-disk');
      handler({ sender: 'event' }, 'redo');
    }
    expect(received).toEqual(['undo', 'redo']);
    unsubscribe();
    expect(run.listeners).toEqual([]);
  });

  it('tells main whether a page view shows, as a boolean on its one channel', async () => {
    const run = await runPreload(async () => ({ ok: true, result: null }));
    const bridge = run.exposed[0]![1] as { pageZoomShown: (shown: unknown) => void };
    bridge.pageZoomShown(true);
    bridge.pageZoomShown(false);
    bridge.pageZoomShown('true');
    expect(run.sent).toEqual([
      ['page-zoom-shown', true],
      ['page-zoom-shown', false],
      ['page-zoom-shown', false],
    ]);
  });

  it('sends each call on its api: channel and returns the envelope as it came', async () => {
    const calls: unknown[][] = [];
    const run = await runPreload(async (channel, ...args) => {
      calls.push([channel, ...args]);
      return { ok: false, error: { code: 'NOT_FOUND', message: 'x' } };
    });
    const bridge = run.exposed[0]![1] as Record<Method, (input?: unknown) => Promise<Envelope>>;
    expect(await bridge['cells.list']({ normId: 'n1' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } });
    await bridge['project.current']();
    expect(calls).toEqual([
      ['api:cells.list', { normId: 'n1' }],
      ['api:project.current', {}],
    ]);
  });

  it('reaches the real handlers end to end', async () => {
    const run = await runPreload((channel, ...args) => ipc.invoke(channel, trusted, ...args));
    const bridge = run.exposed[0]![1] as Record<Method, (input?: unknown) => Promise<Envelope>>;
    expect(await bridge['app.info']({})).toMatchObject({ ok: true, result: { transport: 'ipc' } });
    expect(await bridge['project.open']({ path: 7 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
