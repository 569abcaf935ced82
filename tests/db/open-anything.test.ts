/**
 * Opening anything (issue 7, point 3): a file already open elsewhere, a read-only file, a full disk — each gets a
 * sentence and an offer, and the file is never modified by a failed open or write.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import * as edit from '../../electron/core/edit';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { sha256, tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';

const root = path.resolve(__dirname, '../..');

function sample(dir = tempDir()): string {
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file);
  return file;
}


const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) spawnSync('umount', ['-l', m]);
});

describe('a project open elsewhere', () => {
  it('is refused for writing in a second session, with the offer to open it read-only', () => {
    const file = sample();
    const first = new Session(path.join(path.dirname(file), 'ud1'));
    first.open(file);
    const second = new Session(path.join(path.dirname(file), 'ud2'));
    const refused = errorOf(() => second.open(file));
    expect(refused.code).toBe('PROJECT_IN_USE');
    expect(refused.message).toMatch(/already open in another Comparanda window or process.*read-only/);
    const readonly = second.open(file, undefined, { readonly: true });
    expect(readonly.summary()).toMatchObject({ readonly: true, counts: { cells: 14 } });
    const o = readonly.overview();
    const attempt = errorOf(() => edit.updateCell(readonly, { caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[0]!.id, patch: { memo: 'x' } }));
    expect(attempt.code).toBe('READ_ONLY');
    second.close();
    first.close();
    // Once the first window has closed it, it opens for writing again.
    second.open(file);
    second.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over the lock a crashed process left behind', () => {
    const file = sample();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: Number(dead.stdout), app: 'Comparanda' }));
    const session = new Session(path.join(path.dirname(file), 'ud'));
    session.open(file);
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    session.close();
  });
});

describe('storage that refuses writes', () => {
  it('reports a read-only file (opened by an ordinary user) and leaves it unchanged', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const file = sample(dir);
    fs.chmodSync(file, 0o444);
    const before = sha256(file);
    // Root ignores file permissions; the CLI runs as "nobody" for this check.
    const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(root, 'bin', 'comparanda.cjs'), 'import', file, '--from', 'csv', '--kind', 'elections', '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(dir, 'ud') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot be written|read-only/);
    expect(sha256(file)).toBe(before);
  });

  it('reports a full disk, keeps what was saved before, and the project stays usable', async () => {
    const mount = path.join(tempDir(), 'tiny');
    fs.mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount]);
    mounts.push(mount);
    const file = sample(mount);
    const session = new Session(path.join(tempDir(), 'ud'));
    session.open(file);
    const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
    const o = session.requireProject().overview();
    const cell = { caseId: o.cases[1]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[2]!.id };
    expect(await dispatch('cells.update', { ...cell, patch: { summary: 'saved before the disk filled' } })).toMatchObject({ ok: true });
    // Fill the disk, then write a summary too large to fit.
    const filler = path.join(mount, 'filler.bin');
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k', 'count=1000'], { stdio: 'ignore' });
    const full = await dispatch('cells.update', { ...cell, patch: { summary: 'x'.repeat(400_000) } });
    expect(full).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full.*not saved/) } });
    fs.rmSync(filler);
    expect(await dispatch('cells.list', { normId: cell.normId })).toMatchObject({ ok: true });
    const stored = session.requireProject().cells(cell.normId).find((c) => c.caseId === cell.caseId && c.stageId === cell.stageId);
    expect(stored?.summary).toBe('saved before the disk filled');
    session.close();
  });
});
