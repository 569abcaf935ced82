/**
 * Finding 6 of issue 13: a second writer. The command line takes the app's lock, and Undo/Redo refuse to write back
 * over a row that someone else changed since the step was recorded (instead of silently discarding that change).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import * as edit from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { sha256, tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';
import { cli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');



beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build (the CLI runs from dist/).');
});

function summaryOf(file: string, cellId: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT summary FROM cells WHERE id = ?').get(cellId) as { summary: string }).summary;
  } finally {
    db.close();
  }
}

describe('a second writer', () => {
  it('the command line refuses to write to a project open in the app, and the project stays as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    const session = new Session(path.join(dir, '.user-data'));
    session.open(file);
    try {
      fs.writeFileSync(path.join(dir, 'values.csv'), 'indicator,case,year,value\nFreedom House: Freedom in the World rating,KAZ,2030,5.5\n');
      const before = session.requireProject().counts().indicators;
      const result = cli(['import', 'study.comparanda', '--from', 'csv', '--kind', 'indicators', 'values.csv'], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/is open in Comparanda/);
      expect(result.stderr).toMatch(/Close it there/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(session.requireProject().counts().indicators).toBe(before);
      // Reading commands still work while the app has it open.
      expect(cli(['info', 'study.comparanda', '--json'], dir).code).toBe(0);
    } finally {
      session.close();
    }
    // Once the app has closed it, the same import goes through.
    const result = cli(['import', 'study.comparanda', '--from', 'csv', '--kind', 'indicators', 'values.csv'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('the app refuses to open for writing a project the command line is writing to', () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    // A lock as the command line leaves it while it writes: its own process id (here a live process: this one's parent).
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, app: 'Comparanda' }));
    const session = new Session(path.join(dir, '.user-data'));
    expect(errorOf(() => session.open(file)).code).toBe('PROJECT_IN_USE');
    session.close();
  });

  it('undo refuses, with a sentence, to discard a change made by another program since the step', () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    const p = Project.open(file);
    try {
      const o = p.overview();
      const [kaz] = o.cases;
      const [obs] = o.norms;
      const stage = o.frameworks[0]!.stages[0]!;
      const cell = edit.updateCell(p, { caseId: kaz!.id, normId: obs!.id, stageId: stage.id, patch: { summary: 'Typed in the app.' } });
      // Another process (a script, a sync tool, an older CLI) changes the same cell afterwards.
      const other = new Database(file);
      other.prepare('UPDATE cells SET summary = ? WHERE id = ?').run('Written by another program.', cell.id);
      other.close();
      const before = sha256(file);
      const error = errorOf(() => p.history.undo());
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/changed since/);
      expect(error.message).toMatch(/another program|another window/);
      expect(summaryOf(file, cell.id)).toBe('Written by another program.');
      expect(sha256(file)).toBe(before);
      // The refused step is dropped: the next undo does not trip over it again.
      expect(p.history.state().undoLabel).not.toBe('Edit Kazakhstan · Diffusion');
    } finally {
      p.close();
    }
  });

  it('redo refuses likewise when the row changed after the undo', () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    const p = Project.open(file);
    try {
      const o = p.overview();
      const stage = o.frameworks[0]!.stages[1]!;
      const cell = edit.updateCell(p, { caseId: o.cases[0]!.id, normId: o.norms[0]!.id, stageId: stage.id, patch: { summary: 'First.' } });
      p.history.undo();
      const restored = summaryOf(file, cell.id);
      const other = new Database(file);
      other.prepare('UPDATE cells SET summary = ? WHERE id = ?').run('Meanwhile elsewhere.', cell.id);
      other.close();
      const error = errorOf(() => p.history.redo());
      expect(error.code).toBe('CONFLICT');
      expect(summaryOf(file, cell.id)).toBe('Meanwhile elsewhere.');
      expect(restored).not.toBe('First.');
      expect(p.history.state().canRedo).toBe(false);
    } finally {
      p.close();
    }
  });

  it('undo and redo still work when nothing else changed the rows', () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    const p = Project.open(file);
    try {
      const o = p.overview();
      const stage = o.frameworks[0]!.stages[2]!;
      const cell = edit.updateCell(p, { caseId: o.cases[1]!.id, normId: o.norms[1]!.id, stageId: stage.id, patch: { summary: 'Mine.' } });
      p.history.undo();
      p.history.redo();
      expect(summaryOf(file, cell.id)).toBe('Mine.');
    } finally {
      p.close();
    }
  });
});
