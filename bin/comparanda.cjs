#!/usr/bin/env node
// The `comparanda` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('comparanda: the CLI is not built yet. Run "npm run build" in the Comparanda folder first.\n');
  process.exit(2);
}
require(cli)
  .run(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`comparanda: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
