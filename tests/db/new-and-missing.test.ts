/**
 * Issue 17, finding 1: a new project is proposed in Documents/Comparanda (never beside a temporary sample that goes
 * when `npm run web` stops), and a recent project whose file is gone can be restored from its snapshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput } from '../../electron/contract/api';
import type { Method } from '../../electron/contract/methods';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { tempDir } from '../helpers/temp';

let documents: string | undefined;
beforeEach(() => {
  documents = process.env.COMPARANDA_DOCUMENTS;
});
afterEach(() => {
  if (documents === undefined) delete process.env.COMPARANDA_DOCUMENTS;
  else process.env.COMPARANDA_DOCUMENTS = documents;
});

function setup() {
  const dir = tempDir();
  process.env.COMPARANDA_DOCUMENTS = path.join(dir, 'Documents');
  const session = new Session(path.join(dir, 'user-data'));
  const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
  const ok = async <M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const answer = await dispatch(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result as ApiOutput<M>;
  };
  return { dir, session, ok };
}

describe('new and missing projects', () => {
  it('proposes Documents/Comparanda for a new project and makes that folder on first use', async () => {
    const { dir, session, ok } = setup();
    try {
      const info = await ok('app.info', {});
      expect(info.newProjectDir).toBe(path.join(dir, 'Documents', 'Comparanda'));
      expect(fs.existsSync(info.newProjectDir)).toBe(false);
      const created = await ok('project.create', { path: path.join(info.newProjectDir, 'Kyrgyzstan and Russia.comparanda'), title: 'Kyrgyzstan and Russia' });
      expect(created.path).toBe(path.join(dir, 'Documents', 'Comparanda', 'Kyrgyzstan and Russia.comparanda'));
      // Any other missing folder is still refused rather than made.
      const elsewhere = await createIn(session, path.join(dir, 'no-such-folder', 'x.comparanda'));
      expect(elsewhere).toMatch(/does not exist/);
    } finally {
      session.close();
    }
  });

  it('offers a recent project whose file is gone for restoring from its newest snapshot, and opens it again', async () => {
    const { dir, session, ok } = setup();
    const scratch = path.join(dir, 'scratch');
    fs.mkdirSync(scratch);
    const file = path.join(scratch, 'study.comparanda');
    writeSampleProject(file);
    try {
      await ok('project.open', { path: file });
      await ok('backups.create', {});
      await ok('project.close', {});
      // The scratch folder goes, as `npm run web`'s does when it stops.
      fs.rmSync(scratch, { recursive: true, force: true });
      const [missing] = await ok('project.recent', {});
      expect(missing).toMatchObject({ path: file, exists: false });
      expect(missing!.backups).toBeGreaterThan(0);
      const [newest] = await ok('backups.listFor', { path: file });
      fs.mkdirSync(scratch);
      const restored = await ok('backups.restoreFor', { project: file, file: newest!.file, dest: file });
      expect(restored.path).toBe(file);
      const opened = await ok('project.open', { path: file });
      expect(opened.counts.cells).toBe(14);
      const again = await ok('project.recent', {});
      expect(again[0]).toMatchObject({ path: file, exists: true, backups: 0 });
    } finally {
      session.close();
    }
  });
});

async function createIn(session: Session, file: string): Promise<string> {
  try {
    session.create(file);
    return 'created';
  } catch (error) {
    return (error as Error).message;
  }
}
