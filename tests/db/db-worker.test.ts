/**
 * Long whole-file operations in a worker thread (dist/db-worker.cjs, built by `npm run build:node`) with a
 * connection of its own, so that the thread answering the window keeps answering.
 *
 * An encrypted project's copy (its snapshots, `Save a copy`): on the project's connection `VACUUM INTO` held that
 * thread for the whole copy (8.6 s for the benchmark's L project, at every snapshot). Here it keeps turning and
 * editing while the copy is written; the copy is a consistent state of the project, encrypted with the same
 * passphrase; a project closed meanwhile does not wait and is still one file afterwards; a passphrase change waits
 * for the copy; a worker that cannot run leaves the copy to the project's connection.
 *
 * `Check project` (integrity and foreign keys, every page read: 5–10 s at L): the same report as on the project's
 * connection, broken references and a damaged file included, with this thread turning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDbWorker } from '../../electron/core/db/in-worker';
import * as edit from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { sessionOn } from '../helpers/sample-session';
import { countTurns } from '../helpers/seeded';
import { listDir, tempDir } from '../helpers/temp';

const WORKER = path.resolve(__dirname, '../../dist/db-worker.cjs');
const PASS = 'correct horse battery staple';

function encryptedSample(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'fieldwork.comparanda');
  writeSampleProject(file, { passphrase: PASS });
  return { dir, file };
}

/** A cell of the project's first norm, in that norm's framework. */
function firstCell(project: Project) {
  const o = project.overview();
  const norm = o.norms[0]!;
  const stage = o.frameworks.find((f) => f.id === norm.frameworkId)!.stages[0]!;
  return { caseId: o.cases[0]!.id, normId: norm.id, stageId: stage.id };
}

function summaryOf(project: Project, cell: ReturnType<typeof firstCell>): string | null | undefined {
  return project.cells().find((c) => c.caseId === cell.caseId && c.normId === cell.normId && c.stageId === cell.stageId)?.summary;
}

afterEach(() => {
  useDbWorker(undefined);
  vi.restoreAllMocks();
});

describe('an encrypted project copied in a worker thread', () => {
  it('is built next to the bundles', () => {
    expect(fs.existsSync(WORKER), 'run npm run build:node first').toBe(true);
  });

  it('keeps this thread turning and editing while the copy is written; the copy is whole, with the same passphrase', async () => {
    useDbWorker(WORKER);
    const { dir, file } = encryptedSample();
    const project = Project.open(file, { passphrase: PASS });
    const cell = firstCell(project);
    const before = summaryOf(project, cell);
    const copy = path.join(dir, 'copy.comparanda');
    const loop = countTurns();
    const copying = project.copyTo(copy);
    // On the project's connection the copy was over before this line; here it is still being written.
    await new Promise((resolve) => setImmediate(resolve));
    edit.updateCell(project, { ...cell, patch: { summary: 'written while the copy is made' } });
    await copying;
    // The worker derives the key (SQLCipher's 256,000 rounds) and copies meanwhile: hundreds of turns here.
    expect(loop.stop()).toBeGreaterThan(20);
    expect(summaryOf(project, cell)).toBe('written while the copy is made');
    const counts = project.counts();
    project.close();

    expect(() => Project.open(copy)).toThrow(/passphrase/i);
    const reopened = Project.open(copy, { passphrase: PASS });
    expect(reopened.check().ok).toBe(true);
    expect(reopened.counts()).toEqual(counts);
    // A consistent state of the project: before the edit or after it (as the worker's read began), nothing between.
    expect([before, 'written while the copy is made']).toContain(summaryOf(reopened, cell));
    reopened.close();
  });

  it('does not hold a closing project, which is one file again once the copy is written', async () => {
    useDbWorker(WORKER);
    const { dir, file } = encryptedSample();
    const project = Project.open(file, { passphrase: PASS });
    const cell = firstCell(project);
    const copying = project.copyTo(path.join(dir, 'copy.comparanda'));
    await new Promise((resolve) => setImmediate(resolve));
    edit.updateCell(project, { ...cell, patch: { summary: 'the last edit before closing' } });
    project.close();
    await copying;
    // The worker's connection, the last, folded the WAL in as it closed: no -wal or -shm is left beside the file.
    expect(listDir(dir).sort()).toEqual(['copy.comparanda', 'fieldwork.comparanda']);
    const reopened = Project.open(file, { passphrase: PASS });
    expect(summaryOf(reopened, cell)).toBe('the last edit before closing');
    reopened.close();
  });

  it('makes a passphrase change wait for a snapshot being written', async () => {
    useDbWorker(WORKER);
    const { file } = encryptedSample();
    const { session, ok } = await sessionOn(file, PASS);
    const order: string[] = [];
    const project = session.requireProject();
    const change = project.changePassphrase.bind(project);
    vi.spyOn(project, 'changePassphrase').mockImplementation((current, next) => {
      order.push('passphrase changed');
      change(current, next);
    });
    const snapshot = session.snapshot('manual').then(() => order.push('snapshot written'));
    // Changed at once, the swap would find the worker's connection on the file (PROJECT_IN_USE), or the worker the
    // file under a passphrase it was not given.
    await ok('project.changePassphrase', { current: PASS, next: 'a brand new passphrase' });
    await snapshot;
    expect(order).toEqual(['snapshot written', 'passphrase changed']);
    const [taken] = session.backups.list(file);
    session.close();
    expect(taken).toBeDefined();
    // Taken before the change, the snapshot has the old passphrase; the project has the new one.
    Project.open(taken!.file, { passphrase: PASS }).close();
    Project.open(file, { passphrase: 'a brand new passphrase' }).close();
  });

  it('is made on the project’s connection when no worker can run', async () => {
    useDbWorker(path.join(tempDir(), 'no-such-worker.cjs'));
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { dir, file } = encryptedSample();
    const project = Project.open(file, { passphrase: PASS });
    const copy = path.join(dir, 'copy.comparanda');
    await project.copyTo(copy);
    const counts = project.counts();
    project.close();
    expect(said.mock.calls.join(' ')).toMatch(/could not run/);
    const reopened = Project.open(copy, { passphrase: PASS });
    expect(reopened.counts()).toEqual(counts);
    reopened.close();
  });
});

describe('a project checked in a worker thread', () => {
  it('gives the report the project’s connection gives, this thread turning meanwhile', async () => {
    useDbWorker(WORKER);
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    const p = Project.open(file);
    const loop = countTurns();
    const clean = await p.checkInBackground();
    expect(loop.stop()).toBeGreaterThan(20);
    expect(clean).toEqual(p.check());
    expect(clean).toMatchObject({ ok: true, integrity: [], foreignKeys: [], schema: [] });
    // A broken reference, as a file changed outside Comparanda has.
    p.db.pragma('foreign_keys = OFF');
    p.db.prepare("UPDATE cells SET case_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM cells)").run();
    const broken = await p.checkInBackground();
    expect(broken).toMatchObject({ ok: false, foreignKeys: [{ table: 'cells', parent: 'cases' }] });
    expect(broken).toEqual(p.check());
    p.close();
  });

  it('checks an encrypted project with its passphrase', async () => {
    useDbWorker(WORKER);
    const { file } = encryptedSample();
    const p = Project.open(file, { passphrase: PASS });
    const loop = countTurns();
    expect(await p.checkInBackground()).toMatchObject({ ok: true, integrity: [], foreignKeys: [] });
    // SQLCipher's key derivation alone is hundreds of turns of this loop.
    expect(loop.stop()).toBeGreaterThan(20);
    p.close();
  });

  it('reports a damaged page as the project’s connection does', async () => {
    useDbWorker(WORKER);
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    // A page of an index overwritten with noise: the file still opens, the check finds the damage.
    const probe = Project.open(file);
    const page = (probe.db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'excerpts' ORDER BY rootpage DESC LIMIT 1").get() as { rootpage: number }).rootpage;
    const pageSize = probe.db.pragma('page_size', { simple: true }) as number;
    probe.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize - 200, 0x5a), 0, pageSize - 200, (page - 1) * pageSize + 100);
    fs.closeSync(fd);
    const p = Project.open(file);
    const inWorker = await p.checkInBackground();
    expect(inWorker.ok).toBe(false);
    expect(inWorker.integrity.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(p.check());
    p.close();
  });
});
