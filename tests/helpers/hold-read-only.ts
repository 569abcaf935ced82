/**
 * A child process for kill tests: opens the project given as its argument read-only, says "ready <reason> <the copy folder
 * it made>" on stdout, and holds it open until it is killed.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Project } from '../../electron/core/project';

const copyFolders = () => fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith('comparanda-readonly-'));
const before = new Set(copyFolders());
const project = Project.open(process.argv[2]!, { readonly: true });
// Only the folder this open made (other processes may hold copies of their own).
const copies = copyFolders().filter((e) => !before.has(e));
process.stdout.write(`ready ${project.summary().readonlyReason ?? 'none'} ${copies.join(',')}\n`);
setInterval(() => undefined, 60_000);
