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

interface SampleIds {
  source: string;
  excerpt: string;
  participant: string;
  cell: string;
  kaz: string;
  blr: string;
  obs: string;
  stage1: string;
  stage3: string;
  framework: string;
}

function sampleIds(session: Session): SampleIds {
  const o = session.requireProject().overview();
  const f = o.frameworks[0]!;
  const db = session.requireProject().db;
  const one = (sql: string) => (db.prepare(sql).get() as { id: string }).id;
  return {
    source: one("SELECT id FROM sources WHERE citation_key = 'manuscript'"),
    excerpt: one('SELECT id FROM excerpts ORDER BY created_at, rowid LIMIT 1'),
    participant: one("SELECT id FROM participants WHERE pseudonym = 'CEC member 1'"),
    cell: one('SELECT id FROM cells ORDER BY rowid LIMIT 1'),
    kaz: o.cases[0]!.id, blr: o.cases[1]!.id, obs: o.norms[0]!.id, stage1: f.stages[0]!.id, stage3: f.stages[2]!.id, framework: f.id };
}

/** One valid input for every method. Typed over the method list, so a new method cannot be left out. */
function validInputs(dir: string, transport: string, ids: SampleIds): { [M in Method]: ApiInput<M> } {
  return {
    'app.info': {},
    'project.current': {},
    'project.open': { path: path.join(dir, 'sample.comparanda') },
    'project.create': { path: path.join(dir, `new-${transport}.comparanda`), title: 'New' },
    'project.close': {},
    'project.saveCopy': { path: path.join(dir, `copy-${transport}.comparanda`) },
    'project.changePassphrase': { current: 'not encrypted', next: 'a new passphrase' },
    'project.encryptCopy': { path: path.join(dir, `encrypted-${transport}.comparanda`), passphrase: 'field passphrase 2026' },
    'project.recent': {},
    'settings.get': {},
    'settings.setLanguage': { language: 'ru' },
    'project.overview': {},
    'cells.list': {},
    'cells.evidenceCounts': {},
    'cells.update': { caseId: ids.blr, normId: ids.obs, stageId: ids.stage1, patch: { status: 'reached', summary: 'Қазақстан and Belarus' } },
    'cells.archived': {},
    'cells.restore': { id: 'no-such-cell' },
    'cases.create': { name: 'Russia', isoCode: 'RUS', role: 'comparison' },
    'cases.update': { id: ids.blr, notes: 'Comparator in the double-standards discourse' },
    'cases.reorder': { ids: [ids.blr, ids.kaz] },
    'cases.archive': { id: ids.blr, archived: true },
    'cases.setAttribute': { caseId: ids.kaz, attributeId: 'no-such-attribute', value: 'x' },
    'attributes.create': { name: 'SCO status', type: 'choice', choices: ['member', 'observer', 'none'] },
    'attributes.update': { id: 'no-such-attribute', name: 'x' },
    'attributes.remove': { id: 'no-such-attribute' },
    'norms.create': { label: 'Media freedom', shortLabel: 'Media' },
    'norms.update': { id: ids.obs, paragraph: 'para 8 (8.1)' },
    'norms.reorder': { ids: [ids.obs] },
    'norms.archive': { id: ids.obs, archived: true },
    'norms.frameworkImpact': { id: ids.obs, frameworkId: ids.framework },
    'norms.setFramework': { id: ids.obs, frameworkId: ids.framework },
    'frameworks.templates': {},
    'frameworks.create': { templateId: 'spiral-model' },
    'frameworks.update': { id: ids.framework, description: 'Four stages' },
    'frameworks.setStatuses': {
      id: ids.framework,
      statuses: [
        { key: 'not-reached', label: 'Not reached', palette: 0 },
        { key: 'reached', label: 'Reached', palette: 1 },
        { key: 'partial', label: 'Partial', palette: 2 },
        { key: 'contested', label: 'Contested', palette: 3 },
        { key: 'unclear', label: 'Unclear', palette: 4 },
        { key: 'no-data', label: 'No data', palette: 5 },
        { label: 'Reversed', palette: 6 },
      ],
    },
    'frameworks.remove': { id: ids.framework },
    'stages.add': { frameworkId: ids.framework, label: 'Norm regression', position: 5 },
    'stages.update': { id: ids.stage1, description: 'Diffusion by OSCE/ODIHR' },
    'stages.reorder': { frameworkId: ids.framework, ids: [] },
    'stages.removalImpact': { id: ids.stage3 },
    'stages.remove': { id: ids.stage3 },
    'views.save': { name: 'Article table 1', normIds: [ids.obs], caseIds: [ids.kaz, ids.blr], orientation: 'cases-as-columns', differences: false },
    'views.remove': { id: 'no-such-view' },
    'history.state': {},
    'history.undo': {},
    'history.redo': {},
    'participants.list': {},
    'participants.create': { pseudonym: 'Observer 7', roleCategory: 'Domestic observer', consent: 'given' },
    'participants.update': { id: ids.participant, place: 'Astana' },
    'participants.remove': { id: ids.participant },
    'participants.getIdentity': { id: ids.participant },
    'participants.setIdentity': { id: ids.participant, realName: 'Test Name' },
    'participants.eraseIdentity': { id: ids.participant },
    'sources.list': {},
    'sources.create': { kind: 'media', csl: { type: 'article-newspaper', title: 'Выборы в Казахстане', issued: { 'date-parts': [[2016]] } } },
    'sources.update': { id: ids.source, notes: 'The manuscript the sample is built from' },
    'sources.remove': { id: ids.source },
    'sources.previewBibliography': { format: 'bibtex', path: path.join(FIXTURES, 'bibliography', 'zotero.bib') },
    'sources.importBibliography': { format: 'ris', path: path.join(FIXTURES, 'bibliography', 'sources.ris'), include: [0] },
    'sources.exportBibliography': { format: 'bibtex', sourceIds: [ids.source] },
    'documents.list': {},
    'documents.import': { path: path.join(FIXTURES, 'documents', 'notes.txt') },
    'documents.get': { id: 'no-such-document' },
    'documents.original': { id: 'no-such-document' },
    'documents.remove': { id: 'no-such-document' },
    'documents.saveOriginal': { id: 'no-such-document', path: path.join(dir, `original-${transport}.pdf`) },
    'documents.recognise': { id: 'no-such-document' },
    'jobs.get': { id: 'no-such-job' },
    'jobs.cancel': { id: 'no-such-job' },
    'codes.list': {},
    'codes.create': { name: 'Double standards' },
    'codes.update': { id: 'no-such-code', name: 'x' },
    'codes.remove': { id: 'no-such-code' },
    'excerpts.list': { cellId: ids.cell },
    'excerpts.create': { sourceId: ids.source, text: 'A paraphrase typed by hand', textKind: 'paraphrase', locator: 'p. 3' },
    'excerpts.update': { id: ids.excerpt, translation: 'Перевод' },
    'excerpts.remove': { id: ids.excerpt },
    'excerpts.link': { excerptId: ids.excerpt, caseId: ids.blr, normId: ids.obs, stageId: ids.stage3 },
    'excerpts.unlink': { excerptId: ids.excerpt, cellId: ids.cell },
    'memos.list': { targetType: 'project', targetId: 'project' },
    'memos.create': { targetType: 'case', targetId: ids.kaz, text: 'Focal case' },
    'memos.update': { id: 'no-such-memo', text: 'x' },
    'memos.remove': { id: 'no-such-memo' },
    'memos.overview': {},
    'codes.matrix': { by: 'case', normId: ids.obs },
    'codes.matrixExcerpts': { by: 'stage', codeId: 'no-such-code', columnId: ids.stage1 },
    'codes.autoCode': { codeId: 'no-such-code', q: 'double standards' },
    'search.query': { q: 'double standards' },
    'host.chooseFile': { mode: 'open', title: 'Import a document', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
    'host.openPath': { path: path.join(dir, 'a.pdf') },
    'observation.list': {},
    'dimensions.save': { label: 'Voter intimidation' },
    'dimensions.remove': { id: 'no-such-dimension' },
    'elections.save': { caseId: ids.kaz, date: '2024-10-06', type: 'referendum', label: 'Nuclear power plant referendum' },
    'elections.remove': { id: 'no-such-election' },
    'missions.save': { electionId: 'no-such-election', organisation: 'OSCE/ODIHR', missionType: 'none' },
    'missions.remove': { id: 'no-such-mission' },
    'claims.list': {},
    'claims.save': { claimant: 'A CEC member', statement: 'Observers judge Kyrgyzstan more leniently', focalCaseId: ids.kaz },
    'claims.remove': { id: 'no-such-claim' },
    'context.get': {},
    'organisations.save': { name: 'CSTO', fullName: 'Collective Security Treaty Organization' },
    'organisations.remove': { id: 'no-such-organisation' },
    'regionalNorms.save': { label: 'Regime security', yearFrom: 2005 },
    'regionalNorms.remove': { id: 'no-such-norm' },
    'instruments.save': { title: 'Astana Declaration of the SCO (2005)', date: '2005-07-05' },
    'instruments.remove': { id: 'no-such-instrument' },
    'memberships.save': { caseId: ids.kaz, organisationId: 'no-such-organisation', status: 'member' },
    'memberships.remove': { id: 'no-such-membership' },
    'indicators.list': {},
    'indicators.save': { name: 'RSF World Press Freedom Index', scale: '0–100', minValue: 0, maxValue: 100 },
    'indicators.remove': { id: 'no-such-indicator' },
    'indicators.setValue': { indicatorId: 'no-such-indicator', caseId: ids.kaz, year: 2020, value: 1 },
    'verification.list': {},
    'flags.save': { issue: 'Check the 1995 law text' },
    'flags.remove': { id: 'no-such-flag' },
    'data.previewCsv': { kind: 'elections', text: 'case,date,type\nKAZ,2024,referendum\n' },
    'data.importCsv': { kind: 'elections', text: 'case,date,type\nKAZ,2024,referendum\n' },
    'data.exportCsv': { kind: 'claims' },
    'audit.list': { table: 'cells' },
    'audit.restore': { id: 999_999 },
    'audit.exportCsv': {},
    'audit.saveCsv': { path: path.join(dir, `audit-${transport}.csv`) },
    'backups.list': {},
    'backups.create': {},
    'backups.restore': { file: path.join(dir, 'no-such-backup.comparanda'), dest: path.join(dir, `restored-${transport}.comparanda`) },
    'backups.listFor': { path: path.join(dir, 'gone.comparanda') },
    'backups.restoreFor': { project: path.join(dir, 'gone.comparanda'), file: path.join(dir, 'no-such-backup.comparanda'), dest: path.join(dir, `restored-for-${transport}.comparanda`) },
    'project.check': {},
    'team.status': {},
    'team.members': {},
    'team.sync': {},
    'team.setAutoSync': { enabled: false },
    'team.resolve': { table: 'cells', rowKey: { id: ids.cell }, field: 'summary', value: 'kept' },
    'exchange.previewQdpx': { path: path.join(FIXTURES, 'refi-qda', 'atlasti-standard-project.qdpx') },
    'exchange.importQdpx': { path: path.join(FIXTURES, 'refi-qda', 'forgiving.qdpx') },
    'exchange.startImportQdpx': { path: path.join(FIXTURES, 'refi-qda', 'forgiving.qdpx') },
    'exchange.importQdc': { path: path.join(FIXTURES, 'refi-qda', 'codebook-foreign.qdc') },
    'exchange.exportQdpx': { path: path.join(dir, `exchange-${transport}.qdpx`) },
    'exchange.startExportQdpx': { path: path.join(dir, `exchange-job-${transport}.qdpx`) },
    'exchange.exportQdc': { path: path.join(dir, `codebook-${transport}.qdc`) },
    'export.kinds': {},
    'export.run': { what: 'matrix', format: 'md', norms: ['observation'], path: path.join(dir, `matrix-${transport}.md`) },
    'export.preview': { what: 'matrix', format: 'pdf', norms: ['observation'] },
    'qca.sets': {},
    'qca.saveSet': { name: 'OBS1', source: { kind: 'cell', normId: ids.obs, stageId: ids.stage1, statuses: ['reached'] }, calibration: { method: 'direct' } },
    'qca.removeSet': { id: 'no-such-set' },
    'qca.calibrated': { setId: 'no-such-set' },
    'qca.setScore': { setId: 'no-such-set', caseId: ids.kaz, score: 1, reason: 'r' },
    'qca.analyse': { outcome: 'Y', conditions: ['A'] },
    'qca.minimize': { outcome: 'Y', conditions: ['A'], solution: 'conservative' },
    'qca.xyPlot': { outcome: 'Y', conditions: ['A'], expression: 'A' },
  };
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** Removes what legitimately differs between the two calls: the transport's name, file names, new ids, times. */
function normalise(envelope: Envelope, knownIds: Set<string>): unknown {
  return JSON.parse(
    JSON.stringify(envelope, (key, value: unknown) => {
      if (key === 'transport') return '<transport>';
      // Snapshots live in a folder named after each copy's path; their size varies with page reuse.
      if (key === 'file' || key === 'sizeBytes') return `<${key}>`;
      if (typeof value !== 'string') return value;
      if (UUID.test(value) && !knownIds.has(value)) return '<new id>';
      if (ISO_TIME.test(value)) return '<time>';
      return value.replace(/(ipc|http)(\.comparanda)/g, '<transport>$2').replace(/(new|copy|encrypted|restored|matrix|original|exchange|codebook)-(ipc|http)/g, '$1-<transport>');
    }),
  );
}

let dir: string;
let session: Session;
let server: WebServer;
let staticDir: string;
/** The `cookie` header of the session the one-time code was traded for. */
let sessionCookie: string;
const ipcHandlers = new Map<string, Listener>();
const trustedEvent: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL } };

beforeEach(async () => {
  dir = tempDir();
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  session = new Session(path.join(dir, 'user-data'));
  session.open(path.join(dir, 'sample.comparanda'));
  ipcHandlers.clear();
  registerIpc({ handle: (channel, listener) => ipcHandlers.set(channel, listener) }, createDispatcher(createHandlers(session, 'ipc')), isTrustedSender);
  staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Comparanda</title>');
  server = await startWebServer({ dispatch: createDispatcher(createHandlers(session, 'http')), staticDir });
  const started = await startSession();
  expect(started.status).toBe(204);
  sessionCookie = cookieOf(started);
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

/** What the page does once: trades the one-time code for a session cookie. */
function startSession(token = server.token): Promise<RawResponse> {
  return request({ path: '/session', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
}

/** The `cookie` header a browser would send back after this response. */
function cookieOf(response: RawResponse): string {
  const setCookie = response.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0]!;
}

async function callHttp(method: string, input: unknown, cookie = sessionCookie): Promise<RawResponse> {
  return request({
    path: `/api/${method}`,
    headers: { cookie, 'content-type': 'application/json' },
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
    // Each transport works on its own copy of the same project, so both calls start from the same state.
    const sample = path.join(dir, 'sample.comparanda');
    session.close();
    fs.copyFileSync(sample, path.join(dir, 'ipc.comparanda'));
    fs.copyFileSync(sample, path.join(dir, 'http.comparanda'));
    const forgetRecent = () => session.prefs.update((prefs) => ({ ...prefs, recent: [] }));
    forgetRecent();
    session.open(path.join(dir, 'ipc.comparanda'));
    const ids = sampleIds(session);
    const known = new Set(JSON.stringify(session.requireProject().overview()).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g));
    const viaIpc = await callIpc(method, validInputs(dir, 'ipc', ids)[method]);
    forgetRecent();
    session.open(path.join(dir, 'http.comparanda'));
    const response = await callHttp(method, validInputs(dir, 'http', ids)[method]);
    expect(response.status).toBe(200);
    const viaHttp = JSON.parse(response.body) as Envelope;

    // Some inputs are refused on purpose (unknown ids, orphaned cells): then both must refuse alike.
    expect(normalise(viaHttp, known)).toEqual(normalise(viaIpc, known));
  });

  it('served most methods successfully in the comparison above (the inputs are meaningful)', async () => {
    session.open(path.join(dir, 'sample.comparanda'));
    const ids = sampleIds(session);
    const refusedOnPurpose = new Set<Method>([
      'cases.setAttribute',
      'cells.restore',
      'attributes.update',
      'attributes.remove',
      'views.remove',
      'stages.reorder',
      'stages.remove',
      'frameworks.remove',
      'history.undo',
      'history.redo',
      'participants.remove',
      'participants.eraseIdentity',
      'sources.remove',
      'documents.original',
      'documents.get',
      'documents.remove',
      'documents.saveOriginal',
      'documents.recognise',
      'jobs.get',
      'jobs.cancel',
      'codes.update',
      'codes.remove',
      'memos.update',
      'memos.remove',
      'codes.matrixExcerpts',
      'codes.autoCode',
      'host.chooseFile',
      'host.openPath',
      'dimensions.remove',
      'elections.remove',
      'missions.save',
      'missions.remove',
      'claims.remove',
      'organisations.remove',
      'regionalNorms.remove',
      'instruments.remove',
      'memberships.save',
      'memberships.remove',
      'indicators.remove',
      'indicators.setValue',
      'flags.remove',
      'audit.restore',
      'backups.restore',
      'backups.restoreFor',
      'project.changePassphrase',
      // The sample is not in a team.
      'team.members',
      'team.sync',
      'team.setAutoSync',
      'team.resolve',
      // The sample has no QCA sets yet.
      'qca.removeSet',
      'qca.calibrated',
      'qca.setScore',
      'qca.analyse',
      'qca.minimize',
      'qca.xyPlot',
    ]);
    for (const method of METHODS) {
      const fresh = path.join(dir, `fresh-${method}.comparanda`);
      session.close();
      fs.copyFileSync(path.join(dir, 'sample.comparanda'), fresh);
      session.open(fresh);
      const envelope = await callIpc(method, validInputs(dir, 'ipc', ids)[method]);
      expect(envelope.ok, `${method}: ${JSON.stringify(envelope).slice(0, 200)}`).toBe(!refusedOnPurpose.has(method));
    }
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
  it('refuses a call without the session, or with a wrong one, with 401', async () => {
    const none = await request({ path: '/api/project.overview', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await callHttp('project.overview', {}, `comparanda_session_${server.port}=${'a'.repeat(64)}`)).status).toBe(401);
    expect((await callHttp('project.overview', {}, sessionCookie.slice(0, -1))).status).toBe(401);
    expect((await callHttp('project.overview', {})).status).toBe(200);
  });

  it('hands out the session as an HttpOnly SameSite=Strict cookie, for the one-time code and only once', async () => {
    const fresh = await startWebServer({ dispatch: createDispatcher(createHandlers(session, 'http')), staticDir });
    try {
      expect(fresh.url).toBe(`http://127.0.0.1:${fresh.port}/`);
      const post = (token: string) =>
        new Promise<RawResponse>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port: fresh.port, method: 'POST', path: '/session', headers: { 'content-type': 'application/json' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          });
          req.on('error', reject);
          req.end(JSON.stringify({ token }));
        });
      expect((await post(fresh.token.slice(0, -1))).status).toBe(401);
      const first = await post(fresh.token);
      expect(first.status).toBe(204);
      expect(first.headers['set-cookie']?.[0]).toBe(`comparanda_session_${fresh.port}=${/=([0-9a-f]{64});/.exec(first.headers['set-cookie']?.[0] ?? '')?.[1]}; HttpOnly; SameSite=Strict; Path=/`);
      expect(first.headers['set-cookie']?.[0]).not.toContain(fresh.token);
      const second = await post(fresh.token);
      expect(second.status).toBe(401);
      expect(JSON.parse(second.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('already started a session') } });
    } finally {
      await fresh.close();
    }
    // The used code is no bearer token either.
    const bearer = await request({ path: '/api/app.info', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(bearer.status).toBe(401);
  });

  it('refuses another Host header (DNS rebinding) and another Origin with 403', async () => {
    const headers = { cookie: sessionCookie, 'content-type': 'application/json' };
    expect((await request({ path: '/api/app.info', headers: { ...headers, host: 'evil.example' }, body: '{}' })).status).toBe(403);
    expect((await request({ path: '/api/app.info', headers: { ...headers, origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await request({ path: '/api/app.info', headers: { ...headers, origin: `http://127.0.0.1:${server.port}` }, body: '{}' })).status).toBe(200);
  });

  it('answers unknown methods, malformed JSON and wrong verbs clearly', async () => {
    expect(JSON.parse((await callHttp('project.format-disk', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const malformed = await request({
      path: '/api/app.info',
      headers: { cookie: sessionCookie, 'content-type': 'application/json' },
      body: '{"unterminated',
    });
    expect(malformed.status).toBe(400);
    expect((await request({ method: 'GET', path: '/api/app.info', headers: { cookie: sessionCookie } })).status).toBe(405);
  });

  it('serves the UI with the strict CSP and never files outside it', async () => {
    const index = await request({ method: 'GET', path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect((await request({ method: 'GET', path: '/../user-data/preferences.json' })).status).toBe(404);
    expect((await request({ method: 'GET', path: '/%2e%2e/sample.comparanda' })).status).toBe(404);
    // A malformed escape is a bad request, not a crash: the server still answers afterwards.
    expect((await request({ method: 'GET', path: '/%E0%A4%A' })).status).toBe(400);
    expect((await request({ method: 'GET', path: '/' })).status).toBe(200);
  });

  it('never follows a link out of its folder, nor climbs out with .. in any spelling', async () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'not for the browser');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(staticDir, 'leak.txt'));
    fs.symlinkSync(outside, path.join(staticDir, 'assets'));
    fs.mkdirSync(path.join(staticDir, 'inner'));
    fs.writeFileSync(path.join(staticDir, 'inner', 'app.js'), 'console.log(1);');
    // A link that stays inside the folder is served like the file itself.
    fs.symlinkSync(path.join(staticDir, 'inner', 'app.js'), path.join(staticDir, 'alias.js'));

    for (const attempt of [
      '/leak.txt',
      '/assets/secret.txt',
      '/inner/../leak.txt',
      '/%2e%2e/outside/secret.txt',
      '/%2E%2E%2Foutside%2Fsecret.txt',
      '/inner/%2e%2e/%2e%2e/outside/secret.txt',
      '/..%5coutside%5csecret.txt',
      `/${encodeURIComponent(path.join(outside, 'secret.txt'))}`,
      '/index.html%00.js',
    ]) {
      const response = await request({ method: 'GET', path: attempt });
      expect([attempt, response.status]).toEqual([attempt, 404]);
      expect(response.body).not.toContain('not for the browser');
    }
    expect((await request({ method: 'GET', path: '/inner/app.js' })).body).toBe('console.log(1);');
    expect((await request({ method: 'GET', path: '/alias.js' })).body).toBe('console.log(1);');
    expect((await request({ method: 'GET', path: '/' })).status).toBe(200);
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
