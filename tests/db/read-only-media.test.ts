/**
 * Issue 13, finding 9: a project on read-only storage (a write-protected USB stick, a read-only mount) opens read-only
 * for every reading command and in the app, with a banner that says why; `import` says it cannot write there.
 * Tested on a real read-only mount (tmpfs remounted read-only), since root ignores file permissions.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/db/schema-version';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { listDir, sha256, tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'comparanda.cjs');

/** Whether this machine lets the test mount a file system (root in a container that allows it). */
function canMount(): string | null {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return null;
  } catch (error) {
    return `mounting a tmpfs is not possible here (${(error as Error).message.split('\n')[0]})`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const cannotMount = canMount();
if (cannotMount) console.warn(`Skipping the read-only mount tests: ${cannotMount}`);

const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) spawnSync('umount', ['-l', m]);
});

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build:node (the CLI runs from dist/).');
});

/** A fresh tmpfs; `seal` remounts it read-only once the project is in place. */
function mountTmpfs(): { dir: string; seal: () => void } {
  const dir = path.join(tempDir(), 'stick');
  fs.mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]);
  mounts.push(dir);
  return { dir, seal: () => execFileSync('mount', ['-o', 'remount,ro', dir]) };
}

/** The CLI, with a temporary folder of its own (TMPDIR) when given: where its private copies go. */
function cli(args: string[], cwd: string, tmp?: string) {
  const env = { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(cwd, '.user-data'), ...(tmp ? { TMPDIR: tmp } : {}) };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}


describe.skipIf(cannotMount !== null)('a project on a read-only drive', () => {
  it('is read by info, check, search, matrix and both exports; import says it cannot write there; nothing is changed', () => {
    const { dir, seal } = mountTmpfs();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    seal();
    const before = sha256(file);
    const work = tempDir();
    const tmp = tempDir();
    const run = (args: string[]) => cli(args, work, tmp);

    const info = run(['info', file]);
    expect(info.stderr).toBe('');
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/Kazakhstan & Belarus \(sample\)/);
    expect(info.stdout).toMatch(/read-only drive, folder or file: read through a private temporary copy/);
    expect(JSON.parse(run(['info', file, '--json']).stdout)).toMatchObject({ counts: { cells: 14, elections: 28 } });

    const check = run(['check', file]);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toMatch(/no problems found/);

    const search = run(['search', file, 'commissions', '--json']);
    expect(search).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(search.stdout).total).toBeGreaterThan(0);

    const matrix = run(['matrix', file, '--norm', 'all', '--format', 'csv']);
    expect(matrix).toMatchObject({ code: 0, stderr: '' });
    expect(matrix.stdout).toMatch(/Kazakhstan/);

    const data = run(['export', file, '--data', 'elections']);
    expect(data).toMatchObject({ code: 0, stderr: '' });
    expect(data.stdout.split('\n').length).toBeGreaterThan(28);

    const out = path.join(work, 'matrix.md');
    const publication = run(['export', file, '--what', 'matrix', '--format', 'md', '--out', out]);
    expect(publication).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/Kazakhstan/);

    const csv = path.join(work, 'e.csv');
    fs.writeFileSync(csv, 'case,date,type\nKAZ,2030-01-01,presidential\n');
    const refused = run(['import', file, '--from', 'csv', '--kind', 'elections', csv]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot be written \(the file, its folder or the drive is read-only\), so nothing was imported\. Copy it to a folder you can write to/);

    expect(sha256(file)).toBe(before);
    expect(listDir(dir)).toEqual(['sample.comparanda']);
    // Every private copy was made in the commands' temporary folder, and removed when its command finished.
    expect(listDir(tmp)).toEqual([]);
  }, 120_000);

  it('reads the changes a -wal on the drive still holds, through a private copy', () => {
    const { dir, seal } = mountTmpfs();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    // A project carried away from a machine that crashed: its last edit is committed, but only in the -wal.
    const writer = new Database(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare('UPDATE project SET title = ? WHERE id = 1').run('Edited before the crash');
    const held = path.join(tempDir(), 'held');
    fs.mkdirSync(held);
    for (const f of ['sample.comparanda', 'sample.comparanda-wal']) fs.copyFileSync(path.join(dir, f), path.join(held, f));
    writer.close();
    fs.rmSync(path.join(dir, 'sample.comparanda-wal'), { force: true });
    fs.rmSync(path.join(dir, 'sample.comparanda-shm'), { force: true });
    for (const f of ['sample.comparanda', 'sample.comparanda-wal']) fs.copyFileSync(path.join(held, f), path.join(dir, f));
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    seal();

    const info = cli(['info', file], tempDir());
    expect(info).toMatchObject({ code: 0, stderr: '' });
    expect(info.stdout.split('\n')[0]).toBe('Edited before the crash');
  });

  it('reads an encrypted project there with its passphrase, and says so plainly when the passphrase is wrong', () => {
    const { dir, seal } = mountTmpfs();
    const file = path.join(dir, 'fieldwork.comparanda');
    writeSampleProject(file, { passphrase: 'correct horse battery staple' });
    seal();
    const work = tempDir();
    fs.writeFileSync(path.join(work, 'right.txt'), 'correct horse battery staple\n');
    fs.writeFileSync(path.join(work, 'wrong.txt'), 'wrong horse\n');
    const info = cli(['info', file, '--json', '--passphrase-file', 'right.txt'], work);
    expect(info.stderr).toBe('');
    expect(JSON.parse(info.stdout)).toMatchObject({ encrypted: true, counts: { cells: 14 } });
    expect(cli(['search', file, 'commissions', '--passphrase-file', 'right.txt'], work).code).toBe(0);
    const wrong = cli(['info', file, '--passphrase-file', 'wrong.txt'], work);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/The passphrase does not open "fieldwork\.comparanda"/);
    expect(listDir(dir)).toEqual(['fieldwork.comparanda']);
  });

  it('leaves no private copy behind a process killed while reading (the next open removes it)', async () => {
    const { dir, seal } = mountTmpfs();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    seal();
    const tmp = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests', 'helpers', 'hold-read-only.ts'), file], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmp },
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const ready = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before it was ready`)));
    });
    expect(ready).toMatch(/^ready read-only-storage /);
    child.kill('SIGKILL');
    await exited;
    const abandoned = ready.split(' ')[2]!.split(',');
    expect(abandoned).toHaveLength(1);
    // (tsx keeps its own cache in the same temporary folder.)
    const copies = () => listDir(tmp).filter((f) => f.startsWith('comparanda-readonly-'));
    expect(copies()).toEqual(abandoned);
    // The next read-only open sweeps the folders of processes that no longer run (and removes its own on exit).
    expect(cli(['info', file, '--json'], tempDir(), tmp).code).toBe(0);
    expect(copies()).toEqual([]);
  });

  it('opens read-only in the app, with the reason for its banner; opening for editing offers read-only', () => {
    const { dir, seal } = mountTmpfs();
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    seal();
    const session = new Session(path.join(tempDir(), 'ud'));
    const refused = errorOf(() => session.open(file));
    expect(refused.code).toBe('READ_ONLY');
    expect(refused.message).toMatch(/Open it read-only/);
    const project = session.open(file, undefined, { readonly: true });
    expect(project.summary()).toMatchObject({ readonly: true, readonlyReason: 'read-only-storage', schemaVersion: SCHEMA_VERSION, counts: { cells: 14 } });
    session.close();
    expect(listDir(dir)).toEqual(['sample.comparanda']);
  });
});

describe('a read-only project file in a read-only folder', () => {
  it('is read by an ordinary user (file 0444, folder 0555), and import says it cannot write there', () => {
    const parent = tempDir();
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, 'shared');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    const before = sha256(file);
    const work = path.join(parent, 'work');
    fs.mkdirSync(work, { mode: 0o777 });
    fs.chmodSync(work, 0o777);
    // Root ignores permissions: the CLI runs as "nobody", as a researcher's own account would.
    const asNobody = (args: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, COMPARANDA_USER_DATA: path.join(work, '.user-data') },
      });
    const info = asNobody(['info', file, '--json']);
    expect(info.stderr).toBe('');
    expect(JSON.parse(info.stdout)).toMatchObject({ counts: { cells: 14 } });
    expect(asNobody(['search', file, 'commissions']).status).toBe(0);
    expect(asNobody(['check', file]).status).toBe(0);
    const refused = asNobody(['import', file, '--from', 'csv', '--kind', 'elections', '/dev/null']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/cannot be written/);
    fs.chmodSync(dir, 0o755);
    expect(sha256(file)).toBe(before);
    expect(listDir(dir)).toEqual(['sample.comparanda']);
  });
});
