import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrefsStore } from '../../electron/core/prefs';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { tempDir } from '../helpers/temp';

const PASS = 'correct horse battery staple';
/** A title no file name, path or default contains, in Latin and Kazakh: any trace of it is a leak. */
const TITLE = 'Interviews Almaty Қазақстан witness';
const FRAGMENTS = ['Interviews Almaty', 'Қазақстан', 'witness'];

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The files under a folder that hold a fragment of the title, in UTF-8 or UTF-16. */
function leaks(dir: string): string[] {
  return filesUnder(dir).filter((file) => {
    const bytes = fs.readFileSync(file);
    return FRAGMENTS.some((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')));
  });
}

describe('the recent-projects list', () => {
  it('keeps only the file name of an encrypted project: no byte of its title reaches the user-data folder', async () => {
    const dir = tempDir();
    const userData = path.join(dir, 'user-data');
    const file = path.join(dir, 'fieldwork.comparanda');
    const session = new Session(userData);
    session.create(file, TITLE, PASS);
    await session.snapshot('manual');
    session.close();
    session.open(file, PASS);
    await session.snapshot('manual');
    session.close();

    expect(fs.existsSync(path.join(userData, 'preferences.json'))).toBe(true);
    expect(leaks(userData)).toEqual([]);
    expect(new PrefsStore(userData).recent()).toEqual([expect.objectContaining({ path: file, title: 'fieldwork', exists: true })]);
  });

  it('keeps the title of a plain project (the check can fail)', () => {
    const dir = tempDir();
    const userData = path.join(dir, 'user-data');
    const file = path.join(dir, 'plain.comparanda');
    const session = new Session(userData);
    session.create(file, TITLE);
    session.close();
    expect(leaks(userData)).toEqual([path.join(userData, 'preferences.json')]);
    expect(new PrefsStore(userData).recent()[0]?.title).toBe(TITLE);
  });

  it('drops, on load, a title an older version wrote for an encrypted project', () => {
    const dir = tempDir();
    const userData = path.join(dir, 'user-data');
    const encrypted = path.join(dir, 'fieldwork.comparanda');
    const plain = path.join(dir, 'sample.comparanda');
    const moved = path.join(dir, 'moved-away.comparanda');
    writeSampleProject(encrypted, { passphrase: PASS });
    writeSampleProject(plain);
    fs.mkdirSync(userData);
    const openedAt = '2026-01-01T00:00:00.000Z';
    fs.writeFileSync(
      path.join(userData, 'preferences.json'),
      JSON.stringify({
        firstRunDone: true,
        recent: [
          { path: encrypted, title: TITLE, openedAt },
          { path: plain, title: 'A plain sample', openedAt },
          // A file that cannot be read cannot be shown to be plain: its title goes too.
          { path: moved, title: `${TITLE} (old)`, openedAt },
        ],
      }),
    );

    const recent = new PrefsStore(userData).recent();
    expect(recent.map((r) => [r.title, r.exists])).toEqual([
      ['fieldwork', true],
      ['A plain sample', true],
      ['moved-away', false],
    ]);
    expect(leaks(userData)).toEqual([]);
    expect(fs.readFileSync(path.join(userData, 'preferences.json'), 'utf8')).toContain('A plain sample');
  });
});

describe('the recent-projects list, written after the open', () => {
  it('is not written while a project opens (no wait for the disk), and is written at close, or at exit at the latest', () => {
    const dir = tempDir();
    const userData = path.join(dir, 'user-data');
    const prefsFile = path.join(userData, 'preferences.json');
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const session = new Session(userData);
    session.open(file);
    // Read in the meantime, the list already holds the project.
    expect(session.prefs.recent()[0]?.path).toBe(file);
    expect(fs.existsSync(prefsFile)).toBe(false);
    session.close();
    expect(JSON.parse(fs.readFileSync(prefsFile, 'utf8')).recent[0].path).toBe(file);

    // A process that ends right after the open (a command-line run) still leaves the entry behind.
    const other = path.join(dir, 'other.comparanda');
    writeSampleProject(other);
    const session2 = path.join(__dirname, '../../electron/core/session.ts');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', `const { Session } = require(${JSON.stringify(session2)}); new Session(${JSON.stringify(userData)}).open(${JSON.stringify(other)}); process.exit(0);`],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(prefsFile, 'utf8')).recent.map((r: { path: string }) => r.path)).toEqual([other, file]);
  });
});
