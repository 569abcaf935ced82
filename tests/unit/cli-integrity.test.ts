/**
 * The command line's writes and crashes (issue 13, findings 7 and 11): an upgrade is never made without a copy of the
 * project as it was; `encrypt` leaves the original untouched; a killed command leaves the project as it was and no
 * stray file that the next command does not remove; a full disk leaves no empty export behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Backups } from '../../electron/core/backups';
import { SCHEMA_VERSION } from '../../electron/core/db/schema-version';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { fingerprint, writeBigProject } from '../helpers/big-project';
import { listDir, sha256, tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'comparanda.cjs');
const fixtures = path.join(root, 'tests', 'fixtures');
const FORMAT_1 = path.join(fixtures, 'projects', 'format-1-sample.comparanda');

function env(cwd: string, extra: Record<string, string> = {}) {
  // English messages whatever the developer's locale: the tests compare sentences.
  return { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(cwd, '.user-data'), ...extra };
}

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: env(cwd) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function backupsOf(cwd: string): Backups {
  return new Backups(path.join(cwd, '.user-data', 'backups'));
}

/** Files in a folder other than the ones named (and the per-test user-data folder). */
function strays(dir: string, expected: string[]): string[] {
  return listDir(dir).filter((f) => f !== '.user-data' && !expected.includes(f));
}

/**
 * Runs the CLI and SIGKILLs it once `when` says so (polled every few ms), or at a pause point. Resolves with whether it
 * was killed before it finished.
 */
function runAndKill(args: string[], cwd: string, when: { poll?: () => boolean; pauseAt?: string; afterMs?: number }): Promise<{ killed: boolean; ms: number; stderr: string }> {
  const started = Date.now();
  const proc = spawn(process.execPath, [bin, ...args], { cwd, env: env(cwd, when.pauseAt ? { COMPARANDA_TEST_PAUSE_AT: when.pauseAt } : {}), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (when.pauseAt && stderr.includes(`paused at ${when.pauseAt}`)) proc.kill('SIGKILL');
  });
  const timer = setInterval(() => {
    if (when.poll?.() || (when.afterMs !== undefined && Date.now() - started >= when.afterMs)) proc.kill('SIGKILL');
  }, 2);
  return new Promise((resolve) => {
    proc.on('exit', (_code, signal) => {
      clearInterval(timer);
      // Killed after it reported success (its commit done) counts as finished.
      resolve({ killed: signal === 'SIGKILL' && stdout === '', ms: Date.now() - started, stderr });
    });
  });
}

function projectState(file: string): string {
  const project = Project.open(file, { readonly: true });
  try {
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(project.db.pragma('foreign_key_check')).toEqual([]);
    return fingerprint(project.db);
  } finally {
    project.close();
  }
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build:node (the CLI runs from dist/).');
});

describe('upgrading an older-format project from the command line (finding 7)', () => {
  it('import keeps a copy of the format-1 project as it was, and says where', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(FORMAT_1, file);
    const before = sha256(file);
    const result = cli(['import', 'old.comparanda', '--from', 'bibtex', path.join(fixtures, 'bibliography', 'zotero.bib')], dir);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported \d+ sources/) });
    const [copy, ...others] = backupsOf(dir).list(file);
    expect(others).toEqual([]);
    expect(copy).toMatchObject({ reason: 'before-migration' });
    expect(sha256(copy!.file)).toBe(before);
    expect(result.stderr).toBe(`Updated old.comparanda from project format 1 to ${SCHEMA_VERSION}; a copy of it as it was is in ${copy!.file}\n`);
    // A second write finds it current: no second copy, no message.
    expect(cli(['import', 'old.comparanda', '--from', 'bibtex', path.join(fixtures, 'bibliography', 'zotero.bib')], dir).stderr).toBe('');
    expect(backupsOf(dir).list(file)).toHaveLength(1);
  });

  it('encrypt leaves a format-1 original exactly as it was, and updates the encrypted copy only', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(FORMAT_1, file);
    const before = sha256(file);
    fs.writeFileSync(path.join(dir, 'pass.txt'), 'a long field passphrase\n');
    const result = cli(['encrypt', 'old.comparanda', '--out', 'e.comparanda', '--new-passphrase-file', 'pass.txt'], dir);
    expect(sha256(file)).toBe(before);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`in project format ${SCHEMA_VERSION}; the original's format 1 is updated in the copy only\\)\\. The original is unchanged`));
    expect(strays(dir, ['old.comparanda', 'e.comparanda', 'pass.txt'])).toEqual([]);
    const encrypted = Project.open(path.join(dir, 'e.comparanda'), { passphrase: 'a long field passphrase' });
    expect(encrypted.summary()).toMatchObject({ schemaVersion: SCHEMA_VERSION, encrypted: true, counts: { cases: 2, norms: 2, stages: 4, cells: 8 } });
    expect(encrypted.cells().every((c) => c.summary.length > 0)).toBe(true);
    expect(encrypted.check().ok).toBe(true);
    encrypted.close();
  });
});

describe('killed command-line writes (findings 8 and 11)', () => {
  it('a killed encrypt leaves a partial file that the next encrypt to that name removes, or a later write once abandoned', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.comparanda');
    writeBigProject(file, 24);
    const size = fs.statSync(file).size;
    fs.writeFileSync(path.join(dir, 'pass.txt'), 'a long field passphrase\n');
    const partial = () => strays(dir, ['big.comparanda', 'pass.txt']).filter((f) => f.startsWith('.e.comparanda.'));
    const args = ['encrypt', 'big.comparanda', '--out', 'e.comparanda', '--new-passphrase-file', 'pass.txt'];
    const { killed, ms } = await runAndKill(args, dir, { poll: () => partial().some((f) => (fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size ?? 0) > size / 4) });
    expect(killed).toBe(true);
    const left = partial().map((f) => fs.statSync(path.join(dir, f)).size);
    expect(left.reduce((a, b) => a + b, 0)).toBeGreaterThan(size / 4);
    console.log(`encrypt of a ${(size / 1024 / 1024).toFixed(1)} MB project killed after ${ms} ms, leaving ${left.map((b) => `${(b / 1024 / 1024).toFixed(1)} MB`).join(' + ')}`);
    expect(cli(args, dir)).toMatchObject({ code: 0 });
    expect(strays(dir, ['big.comparanda', 'pass.txt', 'e.comparanda'])).toEqual([]);

    // Killed again, and the name never used again: the next write to a project in that folder removes the partial
    // file once it has been abandoned for an hour (a younger one may be another process's copy in progress).
    const second = ['encrypt', 'big.comparanda', '--out', 'f.comparanda', '--new-passphrase-file', 'pass.txt'];
    const abandoned = () => strays(dir, ['big.comparanda', 'pass.txt', 'e.comparanda']).filter((f) => f.startsWith('.f.comparanda.'));
    expect((await runAndKill(second, dir, { poll: () => abandoned().length > 0 })).killed).toBe(true);
    expect(abandoned().length).toBeGreaterThan(0);
    const bib = path.join(fixtures, 'bibliography', 'zotero.bib');
    expect(cli(['import', 'big.comparanda', '--from', 'bibtex', bib], dir)).toMatchObject({ code: 0 });
    expect(abandoned().length).toBeGreaterThan(0);
    const anHourAgo = new Date(Date.now() - 61 * 60 * 1000);
    for (const f of abandoned()) fs.utimesSync(path.join(dir, f), anHourAgo, anHourAgo);
    expect(cli(['import', 'big.comparanda', '--from', 'bibtex', bib], dir)).toMatchObject({ code: 0 });
    expect(strays(dir, ['big.comparanda', 'pass.txt', 'e.comparanda'])).toEqual([]);
  }, 60_000);

  it('a migration killed while copying the project aside leaves no partial snapshot once the next command runs', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(FORMAT_1, file);
    const before = sha256(file);
    const args = ['import', 'old.comparanda', '--from', 'bibtex', path.join(fixtures, 'bibliography', 'zotero.bib')];
    const folder = backupsOf(dir).folderFor(file);
    const { killed } = await runAndKill(args, dir, { pauseAt: 'snapshot:copied' });
    expect(killed).toBe(true);
    // The copy was made under a temporary name and not published: not a snapshot, and the project is untouched.
    expect(listDir(folder).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    expect(backupsOf(dir).list(file)).toEqual([]);
    expect(sha256(file)).toBe(before);
    expect(cli(args, dir)).toMatchObject({ code: 0 });
    const snapshots = backupsOf(dir).list(file);
    expect(snapshots.map((b) => b.reason)).toEqual(['before-migration']);
    expect(sha256(snapshots[0]!.file)).toBe(before);
    expect(listDir(folder)).toEqual([path.basename(snapshots[0]!.file)]);
  }, 60_000);

  it('a CSV import or a document import killed mid-transaction leaves the project as it was, openable, with nothing beside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 's.comparanda');
    writeSampleProject(file);
    // 30,000 indicator values: one transaction large enough to spill pages into the WAL before it commits.
    const rows = ['indicator,case,year,value,label'];
    for (let i = 0; i < 30_000; i++) rows.push(`Kill test series ${i % 50},${i % 2 ? 'KAZ' : 'BLR'},${1400 + Math.floor(i / 50)},${i},`);
    fs.writeFileSync(path.join(dir, 'values.csv'), `${rows.join('\n')}\n`);
    const page = 'Протокол: наблюдатели и комиссии. Transcript of an interview with an election observer.\n'.repeat(40);
    fs.writeFileSync(path.join(dir, 'transcript.txt'), Array.from({ length: 800 }, (_, i) => `Page ${i + 1}\n${page}`).join('\f'));
    const csv = ['import', 's.comparanda', '--from', 'csv', '--kind', 'indicators', 'values.csv'];
    const document = ['import', 's.comparanda', '--from', 'document', 'transcript.txt'];
    const walSize = () => fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    // Killed once its transaction has written this much (uncommitted) into the WAL, or after a delay.
    const rounds: { args: string[]; wal?: number; afterMs?: number }[] = [
      { args: csv, wal: 64 * 1024 },
      { args: document, wal: 64 * 1024 },
      { args: csv, wal: 2 * 1024 * 1024 },
      { args: document, wal: 1024 * 1024 },
      { args: csv, afterMs: 300 },
      { args: document, afterMs: 500 },
    ];
    const started = Date.now();
    const log: string[] = [];
    let state = projectState(file);
    let midTransaction = 0;
    for (const round of rounds) {
      const { killed, ms } = await runAndKill(round.args, dir, { poll: round.wal === undefined ? undefined : () => walSize() >= round.wal!, afterMs: round.afterMs });
      // Pages the killed transaction had written without its commit: the next open ignores them.
      const wal = walSize();
      if (killed && wal > 0) midTransaction++;
      const after = projectState(file);
      const label = `${round.args[3]} ${killed ? `killed after ${ms} ms with ${(wal / 1024 / 1024).toFixed(1)} MB uncommitted in the WAL` : `finished in ${ms} ms`}`;
      // Killed, it holds what it held; only a kill in the instant after the commit (before the report) may find the
      // whole import there instead, never a part of it.
      if (killed && after !== state) {
        const count = (fp: string, table: string) => Number(new RegExp(`${table}=(\\d+)`).exec(fp)![1]);
        if (round.args === csv) expect(count(after, 'indicator_values') - count(state, 'indicator_values'), label).toBe(30_000);
        else expect([count(after, 'documents') - count(state, 'documents'), count(after, 'document_pages') - count(state, 'document_pages')], label).toEqual([1, 800]);
        midTransaction--;
      }
      // A killed command leaves its lock, naming a process that no longer runs: the next command takes it over.
      const lock = `${file}.lock`;
      if (fs.existsSync(lock)) expect(isAlive(Number((JSON.parse(fs.readFileSync(lock, 'utf8')) as { pid: number }).pid)), label).toBe(false);
      expect(strays(dir, ['s.comparanda', 'values.csv', 'transcript.txt', 's.comparanda.lock']), label).toEqual([]);
      log.push(label);
      state = after;
    }
    console.log(`CLI write kill test (${Date.now() - started} ms):\n  ${log.join('\n  ')}`);
    expect(midTransaction).toBeGreaterThanOrEqual(3);
  }, 180_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
