/**
 * `npm run web [-- FILE] [--port N] [--user-data DIR]`: serves the app to a browser on 127.0.0.1 over the same
 * API as Electron's IPC. Without FILE it opens a fresh copy of the sample project in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../contract/errors';
import { createDispatcher, createHandlers } from '../core/api';
import { defaultUserDataDir } from '../core/paths';
import { SAMPLE_FILE_NAME, writeSampleProject } from '../core/sample';
import { Session } from '../core/session';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '0' },
      'user-data': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run web -- [FILE.comparanda] [--port N] [--user-data DIR]\n');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);

  const session = new Session(values['user-data'] ?? defaultUserDataDir());
  let file = positionals[0];
  let scratch: string | undefined;
  if (!file) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-web-'));
    file = path.join(scratch, SAMPLE_FILE_NAME);
    writeSampleProject(file);
  }
  session.open(file);

  const server = await startWebServer({
    dispatch: createDispatcher(createHandlers(session, 'http')),
    staticDir: path.join(__dirname, 'renderer'),
    port,
  });
  // The code stays out of the address: browsers keep every address they visit, and the code is a secret.
  process.stdout.write(`Comparanda is running at ${server.url} (one-time code: ${server.token})\n`);
  if (scratch) process.stderr.write(`(a fresh copy of the sample project in ${scratch}, removed when this stops; press Ctrl+C to stop)\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    let code = 0;
    try {
      session.close();
    } catch (error) {
      // A full disk at the last moment: one line that says where the changes are, not a stack trace.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`comparanda web: ${message}\n`);
      code = 1;
    }
    // The fresh sample copy was only for this run; a project the user named is theirs and stays.
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    void server.close().then(() => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`comparanda web: ${message}\n`);
  process.exit(1);
});
