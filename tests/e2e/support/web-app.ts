/**
 * Starts the loopback web transport (dist/web.cjs) for one test and stops it afterwards. Each run gets its own
 * temporary folder, used as user-data folder, HOME and TMPDIR, so the sample copy, the preferences and the recent
 * list never touch the developer's own and disappear with the test.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { SAMPLE_FILE_NAME, writeSampleProject } from '../../../electron/core/sample';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
// COMPARANDA_E2E_WEB_ENTRY runs the suite against another build of the web transport (it serves the renderer
// from the folder `renderer/` next to it).
const WEB_ENTRY = path.resolve(process.env.COMPARANDA_E2E_WEB_ENTRY ?? path.join(REPO_ROOT, 'dist', 'web.cjs'));
const RENDERER_INDEX = path.join(path.dirname(WEB_ENTRY), 'renderer', 'index.html');
const READY_LINE = /^Comparanda is running at (http:\/\/127\.0\.0\.1:\d+\/) \(one-time code: ([A-Za-z0-9_-]+)\)\s*$/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export interface WebApp {
  /** The address the server printed: what a user opens. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The one-time code printed next to the address, which the page asks for once. */
  token: string;
  /** A scratch folder for this run (also the server's HOME and TMPDIR). */
  workDir: string;
  userDataDir: string;
  /** Stops the server (SIGTERM, as Ctrl+C) and removes the scratch folder unless `keepWorkDir` (a restart follows). */
  stop: (options?: { keepWorkDir?: boolean }) => Promise<void>;
}

export interface StartOptions {
  /** A .comparanda file to open; without it the server opens a fresh copy of the sample project. */
  file?: string;
  /**
   * The scratch folder (HOME, TMPDIR, user data) of an earlier run to start in again, as a user restarts the server
   * on the same machine. It is then left in place on stop: the run that made it removes it.
   */
  workDir?: string;
}

let builtSample: string | undefined;

/**
 * The sample project, built once per test worker by the product's own code and copied for each test (building it
 * takes most of a second; copying a file takes nothing).
 */
function sampleCopy(workDir: string): string {
  if (!builtSample || !fs.existsSync(builtSample)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-e2e-sample-'));
    builtSample = path.join(dir, SAMPLE_FILE_NAME);
    writeSampleProject(builtSample);
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  const copy = path.join(workDir, SAMPLE_FILE_NAME);
  fs.copyFileSync(builtSample, copy);
  return copy;
}

export async function startWebApp(options: StartOptions = {}): Promise<WebApp> {
  for (const required of [WEB_ENTRY, RENDERER_INDEX]) {
    if (!fs.existsSync(required)) throw new Error(`${required} is missing. Run "npm run build" first.`);
  }
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-e2e-'));
  const userDataDir = path.join(workDir, 'user-data');
  const file = options.file ?? sampleCopy(workDir);
  const args = [WEB_ENTRY, '--port', '0', '--user-data', userDataDir, file];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, HOME: workDir, TMPDIR: workDir, COMPARANDA_USER_DATA: userDataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (how: { keepWorkDir?: boolean } = {}): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    if (!options.workDir && !how.keepWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout });
      const timer = setTimeout(() => reject(new Error(`The web transport printed no address within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
      lines.on('line', (line) => {
        const found = READY_LINE.exec(line);
        if (!found) return;
        clearTimeout(timer);
        resolve(found);
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The web transport exited (${signal ?? `code ${code}`}) before it was ready.`));
      });
    });
    const url = match[1]!;
    return { url, origin: new URL(url).origin, token: match[2]!, workDir, userDataDir, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}${stderr ? `\n--- stderr ---\n${stderr}` : ''}`);
  }
}
