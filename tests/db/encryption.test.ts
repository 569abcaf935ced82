import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, type ErrorCode } from '../../electron/contract/errors';
import * as edit from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { search } from '../../electron/core/search';
import { Session } from '../../electron/core/session';
import { listDir, sha256, tempDir } from '../helpers/temp';

const PASS = 'correct horse battery staple';
/** Words the sample holds in several places (case names, quotes, Kazakh): none may be readable in an encrypted file. */
const SECRETS = ['Kazakhstan', 'Belarus', 'transplanted', 'CEC member', 'Karusel', 'ODIHR', 'Қазақстан'];

function readable(file: string): string[] {
  const bytes = fs.readFileSync(file);
  return SECRETS.filter((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')));
}

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return undefined;
}

function encryptedSample(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'fieldwork.comparanda');
  writeSampleProject(file, { passphrase: PASS });
  return { dir, file };
}

describe('an encrypted project', () => {
  it('holds none of its text in readable form, and a plain project does (the check can fail)', () => {
    const { file } = encryptedSample();
    expect(readable(file)).toEqual([]);
    const plain = path.join(tempDir(), 'plain.comparanda');
    writeSampleProject(plain);
    expect(readable(plain)).toEqual(SECRETS.filter((s) => s !== 'Қазақстан'));
  });

  it('asks for the passphrase, refuses a wrong one, and opens with the right one — changing nothing on refusal', () => {
    const { dir, file } = encryptedSample();
    const before = sha256(file);
    const files = listDir(dir);
    expect(codeOf(() => Project.open(file))).toBe('PASSPHRASE_REQUIRED');
    expect(codeOf(() => Project.open(file, { passphrase: 'wrong passphrase' }))).toBe('WRONG_PASSPHRASE');
    expect(sha256(file)).toBe(before);
    expect(listDir(dir)).toEqual(files);
    const project = Project.open(file, { passphrase: PASS });
    expect(project.summary()).toMatchObject({ encrypted: true, counts: { cases: 2, excerpts: 45 } });
    expect(search(project, { q: 'transplanted' }).total).toBeGreaterThan(0);
    project.close();
    expect(readable(file)).toEqual([]);
  });

  it('keeps its snapshots and saved copies encrypted', async () => {
    const { dir, file } = encryptedSample();
    const session = new Session(path.join(dir, 'user-data'));
    session.open(file, PASS);
    await session.snapshot('manual');
    const copy = path.join(dir, 'copy.comparanda');
    await session.requireProject().saveCopy(copy);
    const backups = session.backups.list(file);
    expect(backups.length).toBeGreaterThanOrEqual(1);
    expect(backups.every((b) => b.encrypted)).toBe(true);
    for (const b of backups) expect(readable(b.file), b.file).toEqual([]);
    expect(readable(copy)).toEqual([]);
    session.close();
    const restored = session.backups.restore(file, backups[0]!.file, path.join(dir, 'restored.comparanda'));
    const reopened = Project.open(restored, { passphrase: PASS });
    expect(reopened.counts().cells).toBe(14);
    reopened.close();
  });

  it('changes its passphrase', () => {
    const { file } = encryptedSample();
    const project = Project.open(file, { passphrase: PASS });
    expect(codeOf(() => project.changePassphrase('not it', 'a brand new passphrase'))).toBe('WRONG_PASSPHRASE');
    project.changePassphrase(PASS, 'a brand new passphrase');
    // The open project goes on working on the swapped file: edits, undo, the search index.
    const o = project.overview();
    const cell = { caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: o.frameworks[0]!.stages[0]!.id };
    edit.updateCell(project, { ...cell, patch: { summary: 'written after the change' } });
    edit.updateCell(project, { ...cell, patch: { memo: 'undone after the change' } });
    project.history.undo();
    expect(search(project, { q: 'written' }).total).toBeGreaterThan(0);
    project.close();
    expect(listDir(path.dirname(file))).toEqual(['fieldwork.comparanda']);
    expect(codeOf(() => Project.open(file, { passphrase: PASS }))).toBe('WRONG_PASSPHRASE');
    const reopened = Project.open(file, { passphrase: 'a brand new passphrase' });
    expect(reopened.cells().find((c) => c.caseId === cell.caseId && c.normId === cell.normId && c.stageId === cell.stageId)).toMatchObject({ summary: 'written after the change', memo: expect.not.stringContaining('undone') });
    reopened.close();
    expect(readable(file)).toEqual([]);
  });

  it('refuses to change the passphrase while another connection reads the project, and goes on with the old one', () => {
    const { dir, file } = encryptedSample();
    const project = Project.open(file, { passphrase: PASS });
    const reader = Project.open(file, { passphrase: PASS, readonly: true });
    expect(reader.counts().cells).toBe(14);
    expect(codeOf(() => project.changePassphrase(PASS, 'a brand new passphrase'))).toBe('PROJECT_IN_USE');
    expect(reader.counts().cells).toBe(14);
    expect(project.counts().cells).toBe(14);
    reader.close();
    project.close();
    expect(listDir(dir)).toEqual(['fieldwork.comparanda']);
    Project.open(file, { passphrase: PASS }).close();
  });

  it('is made from a plain project as an encrypted copy holding everything, searchable', () => {
    const dir = tempDir();
    const plain = path.join(dir, 'plain.comparanda');
    writeSampleProject(plain);
    const project = Project.open(plain);
    const counts = project.counts();
    const target = project.encryptCopy(path.join(dir, 'encrypted.comparanda'), PASS);
    project.close();
    expect(readable(target)).toEqual([]);
    const encrypted = Project.open(target, { passphrase: PASS });
    expect(encrypted.counts()).toEqual(counts);
    expect(encrypted.check().ok).toBe(true);
    expect(search(encrypted, { q: 'Karusel' }).total).toBeGreaterThan(0);
    encrypted.close();
    expect(codeOf(() => Project.open(plain, { passphrase: PASS }))).toBe('VALIDATION_FAILED');
  });
});
