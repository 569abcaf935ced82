/**
 * Issue 14: one egress gate. A real name (and a marked phone number) is planted through every input path — typed in
 * the UI (API), a CSV import, a BibTeX import, a REFI-QDA import, a document's text — and every output path declared
 * in privacy/outputs.ts is called: each must refuse (IDENTITY_IN_OUTPUT, saying where and never what) or hold no
 * trace of it, and each must be seen passing the gate.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput, JobDto } from '../../electron/contract/api';
import type { Envelope } from '../../electron/contract/errors';
import { METHODS, type Method } from '../../electron/contract/methods';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { exportQdpx } from '../../electron/core/exchange';
import { traceGate, type GateEvent } from '../../electron/core/privacy/gate';
import { CLI_OUTPUTS, METHOD_OUTPUTS } from '../../electron/core/privacy/outputs';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'comparanda.cjs');
const NAME = 'Zhanar Mukhametzhanova';
const PHONE = '+7 701 555 0199';
const needles = [NAME, NAME.toUpperCase(), 'Mukhametzhanova, Zhanar', '{Zhanar} {Mukhametzhanova}', 'Mukhametzhanova, Z.', 'Z. Mukhametzhanova', PHONE, '7015550199'];

function leaks(text: string): string[] {
  const squashed = text.replace(/\s+/g, '');
  return needles.filter((n) => text.includes(n) || squashed.includes(n.replace(/\s+/g, '')));
}

let dir: string;
let file: string;
let session: Session;
let call: <M extends Method>(method: M, input: ApiInput<M>) => Promise<Envelope<ApiOutput<M>>>;

async function ok<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const answer = await call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.result;
}

function cli(args: string[]) {
  const env = { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(dir, '.user-data') };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function waitForJob(job: JobDto): Promise<JobDto> {
  for (;;) {
    const current = await ok('jobs.get', { id: job.id });
    if (current.state !== 'running') return current;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build (the CLI runs from dist/).');
  // Not tempDir(): that one is emptied after each test, and these tests share one project.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-leak-'));
  file = path.join(dir, 'study.comparanda');
  writeSampleProject(file);

  // A REFI-QDA file from a co-author's project whose memo names the interviewee (no identity recorded there).
  const coauthorFile = path.join(dir, 'coauthor.comparanda');
  writeSampleProject(coauthorFile);
  const coauthor = Project.open(coauthorFile);
  const ex = coauthor.db.prepare('SELECT id FROM excerpts LIMIT 1').get() as { id: string };
  coauthor.db.prepare("INSERT INTO memos (id, target_type, target_id, text, created_at, updated_at) VALUES ('m-coauthor', 'excerpt', ?, ?, '2026-01-01', '2026-01-01')").run(ex.id, `Coded with ${NAME} in mind.`);
  await exportQdpx(coauthor, { out: path.join(dir, 'coauthor.qdpx') });
  coauthor.close();

  session = new Session(path.join(dir, '.user-data'));
  const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
  call = (method, input) => dispatch(method, input) as never;
  await ok('project.open', { path: file });
  const p = session.requireProject();
  const participant = (p.db.prepare("SELECT id FROM participants WHERE pseudonym = 'CEC member 1'").get() as { id: string }).id;
  const excerpt = (p.db.prepare('SELECT id, text FROM excerpts WHERE participant_id = ? LIMIT 1').get(participant) as { id: string; text: string });
  const overview = await ok('project.overview', {});

  // Typed in the UI: an excerpt corrected after a slip (the audit trail keeps the slip), a claim, a cell, a memo.
  await ok('excerpts.update', { id: excerpt.id, text: `${excerpt.text} (${NAME} told us)` });
  await ok('excerpts.update', { id: excerpt.id, text: excerpt.text });
  await ok('claims.save', { claimant: NAME, statement: `The OSCE was lenient with Belarus, said ${NAME} (call ${PHONE}).` });
  await ok('cells.update', { caseId: overview.cases[0]!.id, normId: overview.norms[0]!.id, stageId: overview.frameworks[0]!.stages[3]!.id, patch: { summary: `Contested, as ${NAME} put it.` } });
  await ok('memos.create', { targetType: 'excerpt', targetId: excerpt.id, text: `Check with ${NAME}.` });
  // A spreadsheet.
  await ok('data.importCsv', { kind: 'claims', text: `claimant,statement\n${NAME},Observers judged Kazakhstan more harshly than Belarus.\n` });
  // A Zotero export.
  const bib = `@misc{interview2021,\n  title = {Interview with ${NAME}},\n  year = {2021}\n}\n`;
  const preview = await ok('sources.previewBibliography', { format: 'bibtex', text: bib });
  await ok('sources.importBibliography', { format: 'bibtex', text: bib, include: preview.map((x) => x.index) });
  // RIS and CSL-JSON (the name as an author, family name first).
  const ris = `TY  - GEN\nTI  - Notes from a conversation with ${NAME}\nPY  - 2020\nER  - \n`;
  await ok('sources.importBibliography', { format: 'ris', text: ris, include: (await ok('sources.previewBibliography', { format: 'ris', text: ris })).map((x) => x.index) });
  const csl = JSON.stringify([{ id: 'talk', type: 'interview', title: 'Talk on observers', author: [{ family: 'Mukhametzhanova', given: 'Zhanar' }], issued: { 'date-parts': [[2022]] } }]);
  await ok('sources.importBibliography', { format: 'csl-json', text: csl, include: (await ok('sources.previewBibliography', { format: 'csl-json', text: csl })).map((x) => x.index) });
  // REFI-QDA.
  await ok('exchange.importQdpx', { path: path.join(dir, 'coauthor.qdpx') });
  // A document's text.
  const transcript = path.join(dir, 'transcript.txt');
  fs.writeFileSync(transcript, `Interview transcript.\n\nQ: Your name?\nA: ${NAME}. Phone ${PHONE}.\n`);
  const job = await waitForJob(await ok('documents.import', { path: transcript }));
  expect(job.state, job.error?.message).toBe('done');
  // Finally the identity is recorded, with a marked phone number.
  await ok('participants.setIdentity', { id: participant, realName: NAME, contact: '', identifiers: [{ kind: 'phone', value: PHONE }] });
}, 120_000);

afterAll(() => {
  session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One call per gated method; typed so that a method newly declared as an output must be added here. */
type Gated = { [M in Method]: (typeof METHOD_OUTPUTS)[M]['kind'] extends 'answer' | 'file' ? M : never }[Method];

describe('the egress gate', () => {
  it('has every API method and every command declared', () => {
    expect(Object.keys(METHOD_OUTPUTS).sort()).toEqual([...METHODS].sort());
    const usage = cli(['help']).stdout;
    const commands = [...usage.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!);
    expect(new Set(commands)).toEqual(new Set(Object.keys(CLI_OUTPUTS)));
  });

  it('refuses, or lets nothing through, on every API output; each passes the gate', async () => {
    const p = session.requireProject();
    const documentId = (p.db.prepare("SELECT id FROM documents WHERE file_name = 'transcript.txt'").get() as { id: string }).id;
    const out = (name: string) => path.join(dir, 'out', name);
    fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
    const callers: Record<Gated, () => Promise<Envelope<unknown>>[]> = {
      'sources.exportBibliography': () => [call('sources.exportBibliography', { format: 'bibtex' }), call('sources.exportBibliography', { format: 'csl-json' })],
      'data.exportCsv': () => (['elections', 'missions', 'claims', 'indicators', 'regional', 'cases', 'cells'] as const).map((kind) => call('data.exportCsv', { kind })),
      'audit.exportCsv': () => [call('audit.exportCsv', {})],
      'audit.saveCsv': () => [
        (async () => {
          const started = await call('audit.saveCsv', { path: out('audit.csv') });
          if (!started.ok) return started;
          const done = await waitForJob(started.result);
          return done.state === 'done' ? { ok: true as const, result: done } : { ok: false as const, error: done.error! };
        })(),
      ],
      'documents.saveOriginal': () => [call('documents.saveOriginal', { id: documentId, path: out('transcript.txt') })],
      'exchange.exportQdpx': () => [call('exchange.exportQdpx', { path: out('p.qdpx') })],
      'exchange.startExportQdpx': () => [
        (async () => {
          const started = await call('exchange.startExportQdpx', { path: out('job.qdpx') });
          if (!started.ok) return started;
          const done = await waitForJob(started.result);
          return done.state === 'done' ? { ok: true as const, result: done } : { ok: false as const, error: done.error! };
        })(),
      ],
      'exchange.exportQdc': () => [call('exchange.exportQdc', { path: out('p.qdc') })],
      'export.run': () =>
        (['matrix', 'claims', 'appendix', 'observation'] as const).flatMap((what) =>
          (['md', 'csv', 'tex'] as const).map(async (format) => {
            const started = await call('export.run', { what, format, path: out(`${what}.${format}`) });
            if (!started.ok) return started;
            const done = await waitForJob(started.result);
            return done.state === 'done' ? { ok: true as const, result: done } : { ok: false as const, error: done.error! };
          }),
        ),
    };
    const gated = (Object.keys(METHOD_OUTPUTS) as Method[]).filter((m) => ['answer', 'file'].includes(METHOD_OUTPUTS[m].kind));
    expect(Object.keys(callers).sort()).toEqual(gated.sort());

    let refusals = 0;
    for (const [method, make] of Object.entries(callers) as [Gated, () => Promise<Envelope<unknown>>[]][]) {
      const events: GateEvent[] = [];
      const stop = traceGate((e) => events.push(e));
      const answers = [];
      for (const pending of make()) answers.push(await pending);
      stop();
      expect(events.length, `${method} did not pass the gate`).toBeGreaterThan(0);
      for (const answer of answers) {
        if (answer.ok) {
          if (process.env.DEBUG_LEAK && leaks(JSON.stringify(answer.result)).length) console.log(method, JSON.stringify(answer.result).slice(0, 3000));
          expect(leaks(JSON.stringify(answer.result)), method).toEqual([]);
        } else {
          expect(answer.error.code, `${method}: ${answer.error.message}`).toBe('IDENTITY_IN_OUTPUT');
          expect(leaks(answer.error.message), method).toEqual([]);
          expect(answer.error.message).toMatch(/recorded for participant “CEC member 1”/);
          refusals++;
        }
      }
    }
    expect(refusals).toBeGreaterThan(5);
    // Whatever was written holds no trace either.
    for (const f of fs.readdirSync(path.join(dir, 'out'))) expect(leaks(fs.readFileSync(path.join(dir, 'out', f), 'latin1')), f).toEqual([]);
  }, 120_000);

  it('saves an original that identifies someone only when told to', async () => {
    const p = session.requireProject();
    const documentId = (p.db.prepare("SELECT id FROM documents WHERE file_name = 'transcript.txt'").get() as { id: string }).id;
    const target = path.join(dir, 'original-confirmed.txt');
    const refused = await call('documents.saveOriginal', { id: documentId, path: target });
    expect(refused.ok).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
    const saved = await call('documents.saveOriginal', { id: documentId, path: target, allowIdentities: true });
    expect(saved.ok).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain(NAME);
  });

  it('redacts error messages of every method', async () => {
    // A message that quotes what was typed: a second participant under a name the first already has as pseudonym.
    const p = session.requireProject();
    p.db.prepare("UPDATE participants SET pseudonym = 'Observer Zhanar Mukhametzhanova' WHERE pseudonym = 'CEC member 2'").run();
    const answer = await call('participants.create', { pseudonym: 'Observer Zhanar Mukhametzhanova' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.message).toMatch(/There is already a participant/);
      expect(leaks(answer.error.message)).toEqual([]);
      expect(answer.error.message).toContain('[CEC member 1]');
    }
  });

  it('on the command line: refuses or redacts every command that prints or writes what a project holds', () => {
    session.close();
    const checks: Record<keyof typeof CLI_OUTPUTS, () => { code: number | null; stdout: string; stderr: string }[]> = {
      sample: () => [cli(['sample', '--out', 'fresh.comparanda'])],
      new: () => [cli(['new', 'fresh-new.comparanda'])],
      case: () => [
        cli(['case', 'add', 'study.comparanda', '--name', `Home region of ${NAME}`]),
        cli(['case', 'list', 'study.comparanda']),
        cli(['case', 'list', 'study.comparanda', '--json']),
      ],
      norm: () => [cli(['norm', 'list', 'study.comparanda']), cli(['norm', 'list', 'study.comparanda', '--json'])],
      framework: () => [cli(['framework', 'list', 'study.comparanda']), cli(['framework', 'list', 'study.comparanda', '--json'])],
      stage: () => [cli(['stage', 'add', 'study.comparanda', '--label', 'Aftermath'])],
      info: () => [cli(['info', 'study.comparanda']), cli(['info', 'study.comparanda', '--json'])],
      matrix: () => [cli(['matrix', 'study.comparanda', '--norm', 'all', '--format', 'md']), cli(['matrix', 'study.comparanda', '--norm', 'all', '--format', 'json'])],
      import: () => {
        const bib = path.join(dir, 'again.bib');
        fs.writeFileSync(bib, `@misc{again,\n  title = {Interview with ${NAME}},\n  year = {2021}\n}\n`);
        return [cli(['import', 'study.comparanda', '--from', 'bibtex', 'again.bib'])];
      },
      search: () => [cli(['search', 'study.comparanda', NAME]), cli(['search', 'study.comparanda', 'Mukhametzhanova', '--json'])],
      export: () => [
        cli(['export', 'study.comparanda', '--data', 'claims']),
        cli(['export', 'study.comparanda', '--what', 'claims', '--format', 'md', '--out', 'cli-claims.md']),
        cli(['export', 'study.comparanda', '--format', 'qdpx', '--out', 'cli.qdpx']),
      ],
      check: () => [cli(['check', 'study.comparanda'])],
      qca: () => [cli(['qca', 'necessity', 'study.comparanda', '--outcome', 'SURV'])],
      encrypt: () => [],
      // No hub in this test: each fails before anything is sent, and its message must not quote an identity.
      hub: () => [cli(['hub', 'init', '--url', 'postgres://nobody@127.0.0.1:1/none'])],
      team: () => [cli(['team', 'create', 'study.comparanda', '--hub', 'postgres://nobody@127.0.0.1:1/none', '--key-out', 'cli-team.key'])],
      sync: () => [cli(['sync', 'study.comparanda'])],
      conflicts: () => [cli(['conflicts', 'study.comparanda']), cli(['conflicts', 'study.comparanda', '--json'])],
      help: () => [cli(['help'])],
      version: () => [cli(['version'])],
    };
    let refused = 0;
    let redacted = 0;
    for (const [command, run] of Object.entries(checks)) {
      for (const result of run()) {
        if (process.env.DEBUG_LEAK) console.log(command, result.code, result.stdout.slice(0, 300), result.stderr.slice(0, 600));
        expect(leaks(result.stdout + result.stderr), `${command}: ${result.stdout}${result.stderr}`).toEqual([]);
        if (/Refused: /.test(result.stderr)) refused++;
        if (result.stdout.includes('[CEC member 1]')) redacted++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(4);
    expect(redacted).toBeGreaterThanOrEqual(2);
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('cli'))) expect(leaks(fs.readFileSync(path.join(dir, f), 'latin1')), f).toEqual([]);
  }, 120_000);
});

