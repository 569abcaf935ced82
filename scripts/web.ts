/** `npm run web`: builds the app, then starts the loopback transport with the arguments given after `--`. */
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
// The build's chatter goes to stderr so that stdout carries only the address line.
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(process.execPath, [path.join(root, 'dist', 'web.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
const forward = (signal: NodeJS.Signals): void => {
  child.kill(signal);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
