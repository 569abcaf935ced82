/**
 * Run by tests/db/rekey-crash.test.ts in a child process (node --import tsx): opens an encrypted project and changes
 * its passphrase, saying on stdout when it starts and when it is done, so the test can SIGKILL it in between.
 * Usage: rekey-child.ts FILE CURRENT NEXT
 */
import { Project } from '../../electron/core/project';

const [file, current, next] = process.argv.slice(2) as [string, string, string];
const project = Project.open(file, { passphrase: current });
process.stdout.write('opened\n');
project.changePassphrase(current, next);
process.stdout.write('changed\n');
project.close();
