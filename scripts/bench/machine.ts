/** What the figures were measured on. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromiumPath } from './chromium';
import { REPO_ROOT } from './context';

function packageVersion(name: string): string | null {
  try {
    const file = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

function git(args: string[]): string | null {
  const out = spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}

export function machineInfo(): Record<string, unknown> {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  const chromium = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' });
  const chromiumVersion = /Chromium [\d.]+/.exec(chromium.stdout ?? '')?.[0] ?? (chromium.stdout || chromium.stderr || '').trim().split('\n').at(-1) ?? null;
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    chromium: chromiumVersion,
    chromiumPath: chromiumPath(),
    sqlite,
    betterSqlite3: packageVersion('better-sqlite3'),
    pdfjs: packageVersion('pdfjs-dist'),
    playwrightCore: packageVersion('playwright-core'),
    commit: git(['rev-parse', 'HEAD']),
    dirtyFiles: Number(git(['status', '--porcelain'])?.split('\n').filter(Boolean).length ?? 0),
  };
}
