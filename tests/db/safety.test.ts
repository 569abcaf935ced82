import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { auditCsv, listAudit, restoreAudit } from '../../electron/core/audit';
import { Backups } from '../../electron/core/backups';
import * as edit from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import * as record from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { listDir, sha256, tempDir } from '../helpers/temp';

function sample() {
  const dir = tempDir();
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file);
  return { dir, file };
}

describe('audit trail', () => {
  it('records every change of a cell (typing merged into one entry), undo included, and restores an earlier version', () => {
    const { file } = sample();
    const p = Project.open(file);
    const o = p.overview();
    const cell = { caseId: o.cases[1]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[0]!.id };
    const original = p.cells().find((c) => c.caseId === cell.caseId && c.normId === cell.normId && c.stageId === cell.stageId)!;
    for (const summary of ['R', 'Re', 'Rev', 'Revised']) edit.updateCell(p, { ...cell, patch: { summary } });
    edit.updateCell(p, { ...cell, patch: { status: 'partial' } });
    p.history.undo();
    const entries = listAudit(p, { table: 'cells', rowId: original.id });
    expect(entries.map((e) => e.action)).toEqual(['Undo: Edit Belarus · Diffusion', 'Edit Belarus · Diffusion', 'Edit Belarus · Diffusion']);
    const typing = entries[2]!;
    expect(typing.before?.summary).toBe(original.summary);
    expect(typing.after?.summary).toBe('Revised');
    edit.updateCell(p, { ...cell, patch: { summary: 'A later rewrite' } });
    restoreAudit(p, { id: typing.id });
    // Restoring "Revised" is itself a change: it is audited and can be undone.
    expect(p.cells().find((c) => c.id === original.id)?.summary).toBe('Revised');
    expect(listAudit(p, { rowId: original.id })[0]?.action).toMatch(/^Restore version of/);
    p.history.undo();
    // The version before the first recorded edit can be restored too.
    restoreAudit(p, { id: typing.id, side: 'before' });
    expect(p.cells().find((c) => c.id === original.id)?.summary).toBe(original.summary);
    const csv = auditCsv(p);
    expect(csv.split('\n')[0]).toBe('id,at,action,table,row,before,after');
    expect(csv).toContain('Revised');
    p.close();
  });

  it('records claims and verification changes, never participants’ identities', () => {
    const { file } = sample();
    const p = Project.open(file);
    const claim = record.listClaims(p)[0]!;
    record.saveClaim(p, { id: claim.id, claimant: claim.claimant, statement: claim.statement, assessment: 'partly-supported' });
    expect(listAudit(p, { table: 'claims' })[0]).toMatchObject({ before: { assessment: 'not-supported' }, after: { assessment: 'partly-supported' } });
    const tables = (p.db.prepare('SELECT DISTINCT table_name FROM audit_log').all() as { table_name: string }[]).map((r) => r.table_name);
    expect(tables).not.toContain('participant_identities');
    expect(() => restoreAudit(p, { id: 987654 })).toThrow(ApiError);
    p.close();
  });
});

describe('backups', () => {
  it('snapshots a project when it opens, outside the project’s folder, and restores into a new file only', async () => {
    const { dir, file } = sample();
    const session = new Session(path.join(dir, 'user-data'));
    session.open(file);
    await session.snapshot('manual');
    const backups = session.backups.list(file);
    expect(backups.map((b) => b.reason)).toContain('manual');
    expect(backups.every((b) => b.file.startsWith(path.join(dir, 'user-data', 'backups')))).toBe(true);
    expect(listDir(dir).filter((f) => f.endsWith('.comparanda'))).toEqual(['sample.comparanda']);
    expect(() => session.backups.restore(file, backups[0]!.file, file)).toThrow(/never over the open project/);
    const restored = session.backups.restore(file, backups[0]!.file, path.join(dir, 'restored.comparanda'));
    const copy = Project.open(restored);
    expect(copy.counts().cells).toBe(14);
    copy.close();
    session.close();
  });

  it('takes a snapshot after a few minutes of edits', async () => {
    const { dir, file } = sample();
    const session = new Session(path.join(dir, 'user-data'), {}, 50);
    session.open(file);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const p = session.requireProject();
    const o = p.overview();
    edit.updateCell(p, { caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[0]!.id, patch: { memo: 'checked' } });
    for (let i = 0; i < 50 && !session.backups.list(file).some((b) => b.reason === 'edits'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.backups.list(file).map((b) => b.reason)).toContain('edits');
    session.close();
  });

  it('keeps the newest ten and the newest of each recent day', () => {
    const dir = tempDir();
    const backups = new Backups(path.join(dir, 'backups'));
    const project = path.join(dir, 'p.comparanda');
    const folder = backups.folderFor(project);
    fs.mkdirSync(folder, { recursive: true });
    const day = 24 * 3600 * 1000;
    const names: string[] = [];
    // 15 snapshots today (a minute apart, or closer just after midnight: all of them today), one on each of the 40
    // previous days.
    const now = Date.now();
    const sinceMidnight = now - new Date(now).setUTCHours(0, 0, 0, 0);
    const step = Math.max(1, Math.min(60_000, Math.floor(sinceMidnight / 15)));
    for (let i = 0; i < 15; i++) names.push(new Date(now - i * step).toISOString());
    for (let d = 1; d <= 40; d++) names.push(new Date(Date.now() - d * day).toISOString());
    for (const at of names) fs.writeFileSync(path.join(folder, `${at.replace(/[-:]/g, '').replace('.', '')}-edits.comparanda`), 'x');
    backups.rotate(project);
    const kept = backups.list(project);
    // 10 newest (all today) + one for each of the previous 29-30 days inside the 30-day window.
    expect(kept.length).toBeGreaterThanOrEqual(39);
    expect(kept.length).toBeLessThanOrEqual(40);
    expect(kept.every((b) => Date.now() - Date.parse(b.createdAt) <= 30 * day + 60_000)).toBe(true);
  });

  it('lists snapshots by their first bytes, never reading one whole (a large project’s are hundreds of MB)', () => {
    const dir = tempDir();
    const backups = new Backups(path.join(dir, 'backups'));
    const project = path.join(dir, 'p.comparanda');
    const folder = backups.folderFor(project);
    fs.mkdirSync(folder, { recursive: true });
    // A sparse 3 GB file (no disk used): reading it whole would fail (over Node's 2 GiB buffer limit) or take seconds.
    const big = path.join(folder, `${new Date().toISOString().replace(/[-:]/g, '').replace('.', '')}-open.comparanda`);
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 3 * 1024 ** 3);
    const [listed] = backups.list(project);
    expect(listed).toMatchObject({ file: big, reason: 'open', sizeBytes: 3 * 1024 ** 3, encrypted: true });
  });

  it('snapshots a project shortly after it opens, but not again while that snapshot holds it as it is', async () => {
    const { dir, file } = sample();
    const userData = path.join(dir, 'user-data');
    const openSnapshots = (session: Session) => session.backups.list(file).filter((b) => b.reason === 'open');
    const first = new Session(userData);
    first.open(file);
    // Nothing is decided or copied while the open runs: the first screen is served first.
    expect(fs.existsSync(first.backups.folderFor(file))).toBe(false);
    const deadline = Date.now() + 20_000;
    while (openSnapshots(first).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(openSnapshots(first)).toHaveLength(1);
    first.close();
    // Reopened unchanged: the snapshot just taken holds it, and no second copy competes with the first screen.
    const second = new Session(userData);
    second.open(file);
    await new Promise((r) => setTimeout(r, 4_000));
    expect(openSnapshots(second)).toHaveLength(1);
    second.close();
  });

  it('decides on the open snapshot from the names alone: an entry that cannot be read does not fail the open', () => {
    const { dir, file } = sample();
    const session = new Session(path.join(dir, 'user-data'));
    const folder = session.backups.folderFor(file);
    fs.mkdirSync(folder, { recursive: true });
    // A snapshot removed between listing and reading (another window rotating them) looks like a dangling link.
    const newest = new Date(Date.now() + 60_000).toISOString();
    fs.symlinkSync(path.join(dir, 'gone'), path.join(folder, `${newest.replace(/[-:]/g, '').replace('.', '')}-open.comparanda`));
    fs.writeFileSync(path.join(folder, '20200101T000000000Z-edits.comparanda'), 'x');
    expect(session.backups.latestCreatedAt(file)).toBe(newest);
    const project = session.open(file);
    expect(project.summary().counts.cases).toBeGreaterThan(0);
    session.close();
  });

  it('copies an older-format project aside before migrating it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.comparanda');
    fs.copyFileSync(path.join(__dirname, '../fixtures/projects/format-1-sample.comparanda'), file);
    const before = sha256(file);
    const session = new Session(path.join(dir, 'user-data'));
    session.open(file);
    const copy = session.backups.list(file).find((b) => b.reason === 'before-migration')!;
    expect(sha256(copy.file)).toBe(before);
    session.close();
  });
});

describe('check', () => {
  it('opens a project without reading all of it for broken references (that is what check is for)', () => {
    const { file } = sample();
    const p = Project.open(file);
    p.db.pragma('foreign_keys = OFF');
    p.db.prepare("UPDATE cells SET case_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM cells)").run();
    p.close();
    const again = Project.open(file);
    expect(again.check()).toMatchObject({ ok: false, foreignKeys: [{ table: 'cells', parent: 'cases' }] });
    again.close();
  });

  it('finds broken references and damaged pages', () => {
    const { file } = sample();
    const p = Project.open(file);
    expect(p.check()).toMatchObject({ ok: true, integrity: [], foreignKeys: [] });
    p.db.pragma('foreign_keys = OFF');
    p.db.prepare("UPDATE cells SET case_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM cells)").run();
    expect(p.check()).toMatchObject({ ok: false, foreignKeys: [{ table: 'cells', parent: 'cases' }] });
    p.close();
  });
});
