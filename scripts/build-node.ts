/**
 * Bundles the Node side (Electron main, preload, CLI, web transport) into dist/*.cjs with esbuild.
 * The preload must be one self-contained file: a sandboxed preload cannot require the app's modules.
 */
import { build, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  absWorkingDir: root,
};

async function main(): Promise<void> {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main.cjs' }),
    build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload.cjs', target: 'chrome142', platform: 'browser', external: ['electron'] }),
    build({ ...common, entryPoints: ['electron/cli/index.ts'], outfile: 'dist/cli.cjs' }),
    build({ ...common, entryPoints: ['electron/web/index.ts'], outfile: 'dist/web.cjs' }),
    // A minimisation's worker thread (electron/core/qca/api.ts starts it from the bundle's folder).
    build({ ...common, entryPoints: ['electron/core/qca/worker.ts'], outfile: 'dist/qca-worker.cjs' }),
    // A large citation formatting's worker thread (electron/core/export/citations.ts starts it from the bundle's
    // folder), citeproc bundled in: the script is unpacked beside app.asar, where no node_modules are.
    build({ ...common, entryPoints: ['electron/core/export/cite-worker.ts'], outfile: 'dist/cite-worker.cjs', external: ['electron'] }),
    // The worker thread copying an encrypted project and checking a project (electron/core/db/in-worker.ts starts it
    // from the bundle's folder). better-sqlite3 stays outside: unpacked beside app.asar, it is found from there; its
    // addon is named.
    build({ ...common, entryPoints: ['electron/core/db/db-worker.ts'], outfile: 'dist/db-worker.cjs' }),
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
