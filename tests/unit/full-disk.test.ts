/**
 * A full disk (issue 13, finding 11), made real: a small tmpfs is mounted and filled to the last byte. Needs root (or
 * CAP_SYS_ADMIN) to mount; elsewhere these tests are skipped and say so.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { fingerprint, writeBigProject } from '../helpers/big-project';
import { listDir, tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');
const mounted: string[] = [];

/** A fresh tmpfs of `size` (mount's syntax: 64k, 32m), or null where mounting is not allowed. */
function smallDisk(size: string): string | null {
  const dir = tempDir('comparanda-disk-');
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  mounted.push(dir);
  return dir;
}

/** Fills the disk of `dir` to the last byte (a file written until the system says ENOSPC). */
function fill(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  // Whatever is left is less than a page: a small write may still fit in it; take it too.
  try {
    fs.appendFileSync(filler, Buffer.alloc(1, 1));
    for (;;) fs.appendFileSync(filler, Buffer.alloc(1, 1));
  } catch {
    // Now full.
  }
  return filler;
}

afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
});

describe('a full disk', () => {
  it('leaves no empty or partial CSV when export --data cannot be written', (context) => {
    const disk = smallDisk('64k');
    if (!disk) return context.skip('mounting a small tmpfs needs root');
    const dir = tempDir();
    writeSampleProject(path.join(dir, 's.comparanda'));
    fill(disk);
    const out = path.join(disk, 'missions.csv');
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'comparanda.cjs'), 'export', 's.comparanda', '--data', 'missions', '--out', out], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(dir, '.user-data') },
    });
    expect(result.status).toBe(1);
    expect(listDir(disk)).toEqual(['filler.bin']);
    expect(result.stderr).toBe(`comparanda export: The disk is full, so "missions.csv" was not written (nothing was left behind). Free some space and try again.\n`);
    // A publication export (the claims table as CSV) leaves nothing either.
    const table = spawnSync(process.execPath, [path.join(root, 'bin', 'comparanda.cjs'), 'export', 's.comparanda', '--what', 'claims', '--format', 'csv', '--out', path.join(disk, 'claims.csv')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(dir, '.user-data') },
    });
    expect(table.status).toBe(1);
    expect(table.stderr).toMatch(/ENOSPC/);
    expect(listDir(disk)).toEqual(['filler.bin']);
  });

  it('closes the web server on SIGTERM with one line, keeping every change for the next open', async (context) => {
    const disk = smallDisk('24m');
    if (!disk) return context.skip('mounting a small tmpfs needs root');
    const dir = tempDir();
    const file = path.join(disk, 'p.comparanda');
    writeSampleProject(file);
    // A document of a few MB: what it adds waits in the WAL (under SQLite's 1000-page automatic checkpoint), and
    // folding it into the project on close needs new space.
    const big = path.join(dir, 'transcript.txt');
    const page = 'Протокол: наблюдатели и комиссии. Transcript of an interview with an election observer.\n'.repeat(40);
    fs.writeFileSync(big, Array.from({ length: 250 }, (_, i) => `Page ${i + 1}\n${page}`).join('\f'));

    const child = spawn(process.execPath, [path.join(root, 'dist', 'web.cjs'), file, '--user-data', path.join(dir, 'user-data')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const { url, code: oneTimeCode } = await new Promise<{ url: URL; code: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/) \(one-time code: ([A-Za-z0-9_-]+)\)/.exec(out);
        if (match) resolve({ url: new URL(match[1]!), code: match[2]! });
      });
      void exited.then(() => reject(new Error(`the server stopped: ${err}`)));
    });
    // The page trades the one-time code for a session cookie; so does this test.
    const started = await fetch(new URL('/session', url), { method: 'POST', headers: { 'content-type': 'application/json', origin: url.origin }, body: JSON.stringify({ token: oneTimeCode }) });
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0]!;
    const call = async (method: string, input: unknown) => {
      const response = await fetch(new URL(`/api/${method}`, url), {
        method: 'POST',
        headers: { cookie, origin: url.origin, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await response.json()) as { result: { id: string; state: string } }).result;
    };
    let job = await call('documents.import', { path: big });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await call('jobs.get', { id: job.id });
    }
    expect(job.state).toBe('done');
    const wal = fs.statSync(`${file}-wal`).size;
    expect(wal).toBeGreaterThan(1024 * 1024);
    const dbBefore = fs.statSync(file).size;
    const filler = fill(disk);
    child.kill('SIGTERM');
    const code = await exited;
    console.log(`SIGTERM on a full disk: ${(wal / 1024 / 1024).toFixed(1)} MB of WAL on a ${(dbBefore / 1024 / 1024).toFixed(1)} MB project; exit ${code}`);
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([
      expect.stringMatching(/^comparanda web: The disk is full, so "p\.comparanda" was closed with its latest changes still in "p\.comparanda-wal" beside it/),
    ]);
    // Its lock went with it: the next open is not refused as "in use".
    expect(listDir(disk).filter((f) => f.endsWith('.lock'))).toEqual([]);
    // With space again, the next open folds them in: the document is there, whole.
    fs.rmSync(filler);
    const project = Project.open(file);
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(project.db.prepare('SELECT file_name AS name, page_count AS pages FROM documents').all()).toEqual([{ name: 'transcript.txt', pages: 250 }]);
    project.close();
    expect(listDir(disk)).toEqual(['p.comparanda']);
  }, 60_000);

  it('refuses a passphrase change that has no room for the re-encrypted copy, leaving the project as it was', (context) => {
    const disk = smallDisk('40m');
    if (!disk) return context.skip('mounting a small tmpfs needs root');
    const file = path.join(disk, 'p.comparanda');
    writeBigProject(file, 6, { passphrase: 'the passphrase before' });
    const project = Project.open(file, { passphrase: 'the passphrase before' });
    const before = fingerprint(project.db);
    fill(disk);
    expect(() => project.changePassphrase('the passphrase before', 'the passphrase after')).toThrow(/The disk is full: changing the passphrase needs room/);
    expect(fingerprint(project.db)).toBe(before);
    project.close();
    expect(listDir(disk)).toEqual(['filler.bin', 'p.comparanda']);
    const again = Project.open(file, { passphrase: 'the passphrase before' });
    expect(fingerprint(again.db)).toBe(before);
    again.close();
  });
});
