/**
 * Issue 22: a CSV import is one transaction however it journals and audits its rows. A command-line import killed
 * (real SIGKILL) with every row of a large file written, journalled for undo, but nothing committed leaves the project
 * exactly as it was, and the next command finds it whole.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { fingerprint } from '../helpers/big-project';
import { tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'comparanda.cjs');

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build:node (the CLI runs from dist/).');
});

/** Runs the import and SIGKILLs it at the pause point (if any); resolves with whether it was killed unfinished. */
function importAndKill(args: string[], cwd: string, when: { pauseAt?: string }): Promise<boolean> {
  const env = { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(cwd, '.user-data'), ...(when.pauseAt ? { COMPARANDA_TEST_PAUSE_AT: when.pauseAt } : {}) };
  const proc = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (when.pauseAt && stderr.includes(`paused at ${when.pauseAt}`)) proc.kill('SIGKILL');
  });
  return new Promise((resolve) => {
    proc.on('exit', (_code, signal) => {
      resolve(signal === 'SIGKILL' && stdout === '');
    });
  });
}

function state(file: string): { fingerprint: string; audit: number; indicators: number } {
  const p = Project.open(file, { readonly: true });
  try {
    expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (table: string) => (p.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { fingerprint: fingerprint(p.db), audit: count('audit_log'), indicators: count('indicators') };
  } finally {
    p.close();
  }
}

describe('issue 22: a killed CSV import leaves the project unchanged', () => {
  it('killed with 20,000 indicator values written and not committed, twice, the project is as it was; the next import writes them all', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.comparanda');
    writeSampleProject(file);
    const lines = ['indicator,case,year,value,min,max'];
    for (let i = 0; i < 20_000; i++) lines.push(`Killed ${i % 20},${i % 2 ? 'KAZ' : 'BLR'},${1000 + Math.floor(i / 20)},${i % 100},0,100`);
    const csv = path.join(dir, 'values.csv');
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);
    const args = ['import', file, '--from', 'csv', '--kind', 'indicators', csv];
    const before = state(file);

    expect(await importAndKill(args, dir, { pauseAt: 'csv:written' })).toBe(true);
    expect(state(file)).toEqual(before);
    // Killed again at the same point: what the first kill left (a hot journal, if any) is rolled back, not built on.
    expect(await importAndKill(args, dir, { pauseAt: 'csv:written' })).toBe(true);
    expect(state(file)).toEqual(before);
    // The next import finds the project whole and writes every row.
    expect(await importAndKill(args, dir, {})).toBe(false);
    expect(state(file).indicators).toBe(before.indicators + 20);
  });
});
