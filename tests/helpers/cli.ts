import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(__dirname, '../../bin/comparanda.cjs');

/** Runs the built `comparanda` command in `cwd`, with a user-data folder of its own there (never the developer's). */
export function cli(args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  // English messages whatever the developer's locale (unless a test asks for one): the tests compare sentences.
  const env = { ...process.env, LC_ALL: 'C.UTF-8', COMPARANDA_USER_DATA: path.join(cwd, '.user-data'), ...extraEnv };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
