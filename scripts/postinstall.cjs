#!/usr/bin/env node
// Runs after `npm install`. package.json sets "allowScripts": {"electron": false}, so npm does not run Electron's own
// download script, whose failure offline would fail the whole install. This script runs it instead and tolerates a
// failure: tests and `npm run web` need no Electron binary; only `npm start` and packaging do.
// Plain CommonJS without dependencies: it runs before anything is built.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const installScript = path.join(root, 'node_modules', 'electron', 'install.js');
const HOW_TO = 'run `node node_modules/electron/install.js` when online.';
// Measured offline: the download fails in about 0.2 s (DNS error). Online, ~100 MB over a slow link can take
// minutes, so only a download that is truly stuck is cut off.
// COMPARANDA_ELECTRON_DOWNLOAD_TIMEOUT_MS overrides it (a CI that wants to give up sooner).
const TIME_LIMIT_MS = Number(process.env.COMPARANDA_ELECTRON_DOWNLOAD_TIMEOUT_MS) > 0 ? Number(process.env.COMPARANDA_ELECTRON_DOWNLOAD_TIMEOUT_MS) : 10 * 60 * 1000;
// Say that something is happening only when the download is real (offline it fails before this).
const ANNOUNCE_AFTER_MS = 3000;

function say(line) {
  process.stdout.write(`comparanda: ${line}\n`);
}

function skipRequested() {
  const value = (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** The most telling line of the download's error output, for the one-line message (e.g. "getaddrinfo ENOTFOUND github.com"). */
function reasonFrom(output) {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error/i.test(l) && !l.startsWith('at ')) || lines[0] || '';
  const reason = line.replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 120);
  return reason ? ` (offline? ${reason})` : ' (offline?)';
}

function main() {
  if (skipRequested()) {
    say(`ELECTRON_SKIP_BINARY_DOWNLOAD is set, so Electron was not downloaded. Tests and \`npm run web\` work without it; \`npm start\` needs it: ${HOW_TO}`);
    return;
  }
  // Installed without dev dependencies (electron is one): nothing to fetch.
  if (!fs.existsSync(installScript)) return;

  let stderr = '';
  let timedOut = false;
  const child = spawn(process.execPath, [installScript], {
    cwd: path.dirname(installScript),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: process.env,
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    // Keep the start (the error line) and stay bounded.
    if (stderr.length < 16384) stderr += chunk;
  });
  const announce = setTimeout(() => say('downloading Electron (about 100 MB; this can take a few minutes)…'), ANNOUNCE_AFTER_MS);
  const limit = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
  }, TIME_LIMIT_MS);

  let done = false;
  const finish = (ok, reason) => {
    if (done) return;
    done = true;
    clearTimeout(announce);
    clearTimeout(limit);
    if (!ok) {
      say(`Electron could not be downloaded${reason}. Tests and \`npm run web\` work without it; \`npm start\` needs it: ${HOW_TO}`);
    }
    // Never fail the install over Electron: everything except `npm start` works without it.
    process.exitCode = 0;
  };

  child.on('error', (error) => finish(false, ` (${error.message})`));
  child.on('close', (code, signal) => {
    if (timedOut) finish(false, ` (no answer within ${Math.round(TIME_LIMIT_MS / 1000)} s)`);
    else if (code === 0) finish(true, '');
    else finish(false, reasonFrom(stderr) || (signal ? ` (stopped by ${signal})` : ''));
  });
}

try {
  main();
} catch (error) {
  say(`Electron could not be downloaded (${error && error.message}). Tests and \`npm run web\` work without it; \`npm start\` needs it: ${HOW_TO}`);
  process.exitCode = 0;
}
