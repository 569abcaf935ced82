/**
 * Kill test for changing an encrypted project's passphrase: a child process changes it and is SIGKILLed at several
 * moments (as soon as it starts, while the re-encrypted copy is being written, and at the named points around the
 * swap). After each kill the project must open with exactly one of the two passphrases, hold exactly what it held,
 * and the next open must leave no temporary file or journal beside it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { Project } from '../../electron/core/project';
import { fingerprint, writeBigProject } from '../helpers/big-project';
import { listDir, tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');
const child = path.join(root, 'tests', 'helpers', 'rekey-child.ts');
const OLD = 'the passphrase before the change';
const NEW = 'the passphrase after the change';

type Kill =
  | { kind: 'delay'; ms: number }
  /** As soon as a new file beside the project (the re-encrypted copy, a journal) holds `share` of its size: mid-copy. */
  | { kind: 'new-file'; share: number }
  /** At a named point of changePassphrase (COMPARANDA_TEST_PAUSE_AT, test-only). */
  | { kind: 'pause'; point: string };

/** Runs the change in a child process and kills it as `kill` says. Returns whether the kill came before it finished. */
function changeAndKill(file: string, current: string, next: string, kill: Kill): Promise<{ killed: boolean; ms: number }> {
  const dir = path.dirname(file);
  const before = new Set(listDir(dir));
  const size = fs.statSync(file).size;
  const env = { ...process.env, ...(kill.kind === 'pause' ? { COMPARANDA_TEST_PAUSE_AT: kill.point } : {}) };
  const proc = spawn(process.execPath, ['--import', 'tsx', child, file, current, next], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let started = 0;
  let watcher: fs.FSWatcher | undefined;
  const stop = () => {
    watcher?.close();
    proc.kill('SIGKILL');
  };
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('opened') && started === 0) {
      started = Date.now();
      if (kill.kind === 'delay') setTimeout(stop, kill.ms);
      if (kill.kind === 'new-file') {
        watcher = fs.watch(dir, () => {
          const grown = listDir(dir).filter((f) => !before.has(f) && !f.endsWith('-wal') && !f.endsWith('-shm'));
          if (grown.some((f) => (fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size ?? 0) >= kill.share * size)) stop();
        });
      }
    }
  });
  proc.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    if (kill.kind === 'pause' && err.includes(`paused at ${kill.point}`)) stop();
  });
  return new Promise((resolve, reject) => {
    proc.on('exit', (code, signal) => {
      watcher?.close();
      if (signal === 'SIGKILL') resolve({ killed: !out.includes('changed'), ms: Date.now() - started });
      else if (code === 0) resolve({ killed: false, ms: Date.now() - started });
      else reject(new Error(`the child failed (${code}): ${err}`));
    });
  });
}

function opensWith(file: string, passphrase: string): string | null {
  try {
    const project = Project.open(file, { passphrase });
    try {
      expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
      return fingerprint(project.db);
    } finally {
      project.close();
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'WRONG_PASSPHRASE') return null;
    throw error;
  }
}

describe('changing the passphrase', () => {
  it('survives a SIGKILL at any moment: one of the two passphrases opens it, with all its data, and no leftovers', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fieldwork.comparanda');
    // Larger than SQLite's page cache, so that re-keying in place (the old way) had overwritten pages when killed.
    writeBigProject(file, 24, { passphrase: OLD });
    const size = fs.statSync(file).size;
    const expected = opensWith(file, OLD)!;
    expect(expected).toMatch(/documents=1 /);

    const kills: Kill[] = [
      { kind: 'new-file', share: 0.8 },
      { kind: 'new-file', share: 0.3 },
      { kind: 'delay', ms: 0 },
      { kind: 'pause', point: 'rekey:copied' },
      { kind: 'pause', point: 'rekey:rekeyed' },
      { kind: 'pause', point: 'rekey:closed' },
      { kind: 'pause', point: 'rekey:renamed' },
      { kind: 'delay', ms: 40 },
      { kind: 'new-file', share: 0.01 },
      { kind: 'delay', ms: 120 },
      { kind: 'delay', ms: 60_000 },
    ];
    let current = OLD;
    const log: string[] = [];
    for (const kill of kills) {
      const next = current === OLD ? NEW : OLD;
      const { killed, ms } = await changeAndKill(file, current, next, kill);
      const withCurrent = opensWith(file, current);
      const withNext = opensWith(file, next);
      const label = `${JSON.stringify(kill)} (killed ${killed} after ${ms} ms)`;
      // Exactly one passphrase opens it, and it holds what it held.
      expect([withCurrent, withNext].filter((f) => f !== null), label).toEqual([expected]);
      if (!killed) expect(withNext, label).toBe(expected);
      if (withNext !== null) current = next;
      // The opens above cleaned up after the killed change: nothing but the project (and its lock-free WAL) remains.
      expect(listDir(dir), label).toEqual(['fieldwork.comparanda']);
      log.push(`${label} -> opens with the ${withNext !== null ? 'new' : 'old'} passphrase`);
    }
    console.log(`rekey kill test on a ${(size / 1024 / 1024).toFixed(1)} MB project:\n  ${log.join('\n  ')}`);
  }, 300_000);

  it('opens a project that an interrupted in-place re-key (earlier versions) left with a hot journal, with its old passphrase', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fieldwork.comparanda');
    writeBigProject(file, 24, { passphrase: OLD });
    const expected = opensWith(file, OLD)!;
    const size = fs.statSync(file).size;
    // What earlier versions did: PRAGMA rekey on the project itself, killed once most pages were rewritten.
    const script = `const Database = require('better-sqlite3'); const db = new Database(process.argv[1]);
      db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma("key = '${OLD}'");
      db.pragma('journal_mode = DELETE'); process.stdout.write('rekeying\\n'); db.pragma("rekey = '${NEW}'");`;
    const proc = spawn(process.execPath, ['-e', script, file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const journal = `${file}-journal`;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if ((fs.statSync(journal, { throwIfNoEntry: false })?.size ?? 0) > size * 0.8) proc.kill('SIGKILL');
      }, 2);
      proc.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
    });
    expect(fs.statSync(journal).size).toBeGreaterThan(size * 0.8);
    // Read-only first, as `comparanda check` and the app's "open read-only" do: the new passphrase is refused (and
    // rolls nothing back), the old one rolls the journal back and reads the project whole.
    expect(() => Project.open(file, { passphrase: NEW, readonly: true })).toThrow(/passphrase does not open/);
    const reader = Project.open(file, { passphrase: OLD, readonly: true });
    expect(reader.check().ok).toBe(true);
    expect(fingerprint(reader.db)).toBe(expected);
    reader.close();
    expect(opensWith(file, OLD)).toBe(expected);
    expect(listDir(dir)).toEqual(['fieldwork.comparanda']);
  }, 60_000);
});
