import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../electron/contract/methods';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { sha256, tempDir } from '../helpers/temp';

const MALFORMED: unknown[] = [
  null,
  42,
  'project.open',
  [],
  [{}],
  { unknownField: true },
  { path: 42 },
  { path: '' },
  { path: `/tmp/${'x'.repeat(10_000)}.comparanda` },
  { path: '/tmp/a\0b.comparanda' },
  { normId: { $gt: '' } },
  { normId: 'x'.repeat(1000) },
  { title: 7, path: '/tmp/x.comparanda' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
];

describe('dispatch', () => {
  it('answers every malformed input to every method with a validation error and changes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const session = new Session(path.join(dir, 'user-data'));
    session.open(file);
    const logged: string[] = [];
    const dispatch = createDispatcher(createHandlers(session, 'http'), (message) => logged.push(message));
    session.project!.close();
    session.close();
    const before = sha256(file);
    session.open(file);

    for (const method of METHODS) {
      for (const input of MALFORMED) {
        const envelope = await dispatch(method, input);
        // Inputs that happen to be valid for a method (e.g. {} for a method without input) are not malformed for it.
        if (envelope.ok) continue;
        expect(envelope.error.code, `${method} ${JSON.stringify(input)?.slice(0, 60)}`).toMatch(/VALIDATION_FAILED|NO_PROJECT_OPEN|FILE_NOT_FOUND|NOT_FOUND/);
        expect(envelope.error.message.length).toBeLessThan(400);
      }
      // A method without input fields must still refuse unknown fields.
      const unknown = await dispatch(method, { unknownField: true });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(logged).toEqual([]);
    session.close();
    expect(sha256(file)).toBe(before);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const session = new Session(tempDir());
    const dispatch = createDispatcher(createHandlers(session, 'ipc'));
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch(undefined, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers NO_PROJECT_OPEN, not a crash, when no project is open', async () => {
    const session = new Session(tempDir());
    const dispatch = createDispatcher(createHandlers(session, 'ipc'));
    expect(await dispatch('project.overview', {})).toMatchObject({ ok: false, error: { code: 'NO_PROJECT_OPEN' } });
    expect(await dispatch('project.current', {})).toEqual({ ok: true, result: null });
  });

  it('logs an unexpected failure with its stack but answers the client with a sentence', async () => {
    const session = new Session(tempDir());
    const handlers = createHandlers(session, 'ipc');
    handlers['project.recent'] = () => {
      throw new TypeError('boom at line 3');
    };
    const logged: unknown[] = [];
    const dispatch = createDispatcher(handlers, (_message, error) => logged.push(error));
    const envelope = await dispatch('project.recent', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(envelope)).not.toMatch(/boom|line 3/);
    expect(logged).toHaveLength(1);
  });
});

describe('host capabilities', () => {
  it('are served by the desktop host and refused in a browser', async () => {
    const session = new Session(tempDir());
    const opened: string[] = [];
    const host = {
      chooseFile: async () => '/home/ana/report.pdf',
      openPath: async (file: string) => {
        opened.push(file);
      },
    };
    const desktop = createDispatcher(createHandlers(session, 'ipc', host));
    const browser = createDispatcher(createHandlers(session, 'http'));
    const choose = { mode: 'open', title: 'Import', filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    expect(await desktop('host.chooseFile', choose)).toEqual({ ok: true, result: { path: '/home/ana/report.pdf' } });
    expect(await browser('host.chooseFile', choose)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/type the file's path/) } });
    expect(await desktop('host.openPath', { path: '/tmp/original.pdf' })).toEqual({ ok: true, result: null });
    expect(await desktop('host.openPath', { path: '/tmp/evil.exe' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await desktop('host.openPath', { path: '/tmp/run.SH' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(opened).toEqual(['/tmp/original.pdf']);
  });
});
