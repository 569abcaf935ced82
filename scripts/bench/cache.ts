/**
 * The cache of generated projects and fixtures: $COMPARANDA_BENCH_CACHE, else --cache DIR, else
 * <tmpdir>/comparanda-bench-cache. One file per size + seed + generator version (e.g. L-seed8-v1.comparanda) with a
 * JSON sidecar describing how it was made; `--fresh` deletes and regenerates the one a run needs. A project is built
 * under a hidden temporary name and renamed into place only when complete, so an interrupted run never leaves a
 * half-built project that a later run would reuse.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateProject, projectFileName, type GeneratedProject, type Log } from './generate';
import type { SizeSpec } from './sizes';

export function defaultCacheDir(): string {
  return process.env.COMPARANDA_BENCH_CACHE || path.join(os.tmpdir(), 'comparanda-bench-cache');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes leftovers of interrupted builds (their process is gone). */
function sweep(dir: string): void {
  for (const entry of fs.readdirSync(dir)) {
    const match = /^\.building-(\d+)-/.exec(entry);
    if (match && !alive(Number(match[1]))) fs.rmSync(path.join(dir, entry), { force: true, recursive: true });
  }
}

export interface CachedProject {
  file: string;
  meta: GeneratedProject;
  reused: boolean;
}

export async function ensureProject(spec: SizeSpec, seed: number, options: { dir: string; fresh: boolean; log: Log }): Promise<CachedProject> {
  fs.mkdirSync(options.dir, { recursive: true });
  sweep(options.dir);
  const file = projectFileName(options.dir, spec, seed);
  const metaFile = `${file}.json`;
  if (options.fresh) for (const f of [file, metaFile, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  if (fs.existsSync(file) && fs.existsSync(metaFile)) {
    return { file, meta: JSON.parse(fs.readFileSync(metaFile, 'utf8')) as GeneratedProject, reused: true };
  }
  const building = path.join(options.dir, `.building-${process.pid}-${path.basename(file)}`);
  for (const f of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  options.log(`Generating the ${spec.name} project (seed ${seed}) in ${options.dir} ...`);
  const meta = await generateProject(spec, seed, building, options.log);
  fs.rmSync(file, { force: true });
  fs.renameSync(building, file);
  fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  return { file, meta, reused: false };
}

/** A working copy of a cached project for one run: phases that write (an import, the web server's open) never touch the cache. */
export function workingCopy(cached: string, workDir: string): string {
  const target = path.join(workDir, path.basename(cached));
  fs.copyFileSync(cached, target);
  return target;
}
