import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../electron/contract/api';
import type { Envelope } from '../../electron/contract/errors';
import { METHODS, channelFor, type Method } from '../../electron/contract/methods';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/csp';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { registerIpc, type InvokeEventLike } from '../../electron/main/ipc';
import { APP_ENTRY_URL, isTrustedSender } from '../../electron/main/security';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { tempDir } from '../helpers/temp';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<Envelope>;

/** One valid input for every method. Typed over the method list, so a new method cannot be left out. */
function validInputs(dir: string, transport: string): { [M in Method]: ApiInput<M> } {
  return {
    'app.info': {},
    'project.current': {},
    'project.open': { path: path.join(dir, 'sample.comparanda') },
    'project.create': { path: path.join(dir, `new-${transport}.comparanda`), title: 'New' },
    'project.close': {},
    'project.recent': {},
    'project.overview': {},
    'cells.list': {},
  };
}

/** Removes what legitimately differs between the two calls (the transport's name, per-call file names, times). */
function normalise(envelope: Envelope): unknown {
  return JSON.parse(
    JSON.stringify(envelope, (key, value: unknown) => {
      if (key === 'transport') return '<transport>';
      if (key === 'openedAt') return '<time>';
      if (typeof value === 'string' && /new-(ipc|http)\.comparanda/.test(value)) return value.replace(/new-(ipc|http)/, 'new-<transport>');
      return value;
    }),
  );
}

let dir: string;
let session: Session;
let server: WebServer;
const ipcHandlers = new Map<string, Listener>();
const trustedEvent: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL } };

beforeEach(async () => {
  dir = tempDir();
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  session = new Session(path.join(dir, 'user-data'));
  session.open(path.join(dir, 'sample.comparanda'));
  ipcHandlers.clear();
  registerIpc({ handle: (channel, listener) => ipcHandlers.set(channel, listener) }, createDispatcher(createHandlers(session, 'ipc')), isTrustedSender);
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Comparanda</title>');
  server = await startWebServer({ dispatch: createDispatcher(createHandlers(session, 'http')), staticDir });
});

afterEach(async () => {
  await server.close();
  session.close();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so tests control every header (fetch would not let them set Host). */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function callHttp(method: string, input: unknown, token = server.token): Promise<RawResponse> {
  return request({
    path: `/api/${method}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

async function callIpc(method: Method, input: unknown, event = trustedEvent): Promise<Envelope> {
  const listener = ipcHandlers.get(channelFor(method));
  if (!listener) throw new Error(`no IPC handler for ${method}`);
  return listener(event, input);
}

describe('one contract, two transports', () => {
  it('registers an IPC channel for every method and nothing else', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(METHODS.map((m) => `api:${m}`).sort());
  });

  it.each(METHODS)('serves %s identically over IPC and HTTP', async (method) => {
    const ipcInput = validInputs(dir, 'ipc')[method];
    const httpInput = validInputs(dir, 'http')[method];

    const viaIpc = await callIpc(method, ipcInput);
    session.open(path.join(dir, 'sample.comparanda')); // the same starting state for the second call
    const response = await callHttp(method, httpInput);
    expect(response.status).toBe(200);
    const viaHttp = JSON.parse(response.body) as Envelope;

    expect(viaIpc.ok, JSON.stringify(viaIpc)).toBe(true);
    expect(normalise(viaHttp)).toEqual(normalise(viaIpc));
  });

  it('reports the transport that carried the call', async () => {
    expect(await callIpc('app.info', {})).toMatchObject({ ok: true, result: { transport: 'ipc' } });
    expect(JSON.parse((await callHttp('app.info', {})).body)).toMatchObject({ ok: true, result: { transport: 'http' } });
  });

  it('answers the same error envelope for invalid input on both transports', async () => {
    const bad = { path: 42, extra: true };
    const viaIpc = await callIpc('project.open', bad);
    const viaHttp = JSON.parse((await callHttp('project.open', bad)).body) as Envelope;
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(viaHttp).toEqual(viaIpc);
  });
});

describe('the HTTP transport refuses what is not the app', () => {
  it('refuses a call without the token, or with a wrong one, with 401', async () => {
    const none = await request({ path: '/api/project.overview', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await callHttp('project.overview', {}, 'a'.repeat(64))).status).toBe(401);
    expect((await callHttp('project.overview', {}, server.token.slice(0, -1))).status).toBe(401);
  });

  it('refuses another Host header (DNS rebinding) and another Origin with 403', async () => {
    const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    expect((await request({ path: '/api/app.info', headers: { ...headers, host: 'evil.example' }, body: '{}' })).status).toBe(403);
    expect((await request({ path: '/api/app.info', headers: { ...headers, origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await request({ path: '/api/app.info', headers: { ...headers, origin: `http://127.0.0.1:${server.port}` }, body: '{}' })).status).toBe(200);
  });

  it('answers unknown methods, malformed JSON and wrong verbs clearly', async () => {
    expect(JSON.parse((await callHttp('project.format-disk', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const malformed = await request({
      path: '/api/app.info',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: '{"unterminated',
    });
    expect(malformed.status).toBe(400);
    expect((await request({ method: 'GET', path: '/api/app.info', headers: { authorization: `Bearer ${server.token}` } })).status).toBe(405);
  });

  it('serves the UI with the strict CSP and never files outside it', async () => {
    const index = await request({ method: 'GET', path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect((await request({ method: 'GET', path: '/../user-data/preferences.json' })).status).toBe(404);
    expect((await request({ method: 'GET', path: '/%2e%2e/sample.comparanda' })).status).toBe(404);
  });
});

describe('the IPC transport refuses what is not the app', () => {
  it('refuses calls from a frame that is not the app page', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html']) {
      expect(await callIpc('project.overview', {}, { senderFrame: { url } })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(await callIpc('project.overview', {}, { senderFrame: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});
