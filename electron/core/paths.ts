import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the app's read-only resources (migrations/, assets/) are. Packaged builds put them in Electron's
 * resources folder; from a checkout they sit at the repository root, found by walking up from this file
 * (which may be a bundle in dist/ or a source file under electron/core/).
 */
export function resourcesDir(): string {
  const fromEnv = process.env.COMPARANDA_RESOURCES;
  if (fromEnv) return fromEnv;
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, 'migrations'))) return packaged;
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'migrations', '0001_init.sql'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the migrations folder above ${__dirname}.`);
    dir = parent;
  }
}

/**
 * A worker thread's script built next to the bundles (dist/qca-worker.cjs, dist/cite-worker.cjs); null when running
 * from the sources, where none is built. In the packaged app it is unpacked beside app.asar (electron-builder.yml),
 * since a worker thread is started from a file on disk. (Every module of a bundle has the bundle's folder as
 * `__dirname`.)
 */
export function builtWorkerScript(name: string): string | null {
  const file = path.join(__dirname, name);
  const unpacked = file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return [unpacked, file].find((f) => fs.existsSync(f)) ?? null;
}

export function migrationsDir(): string {
  return path.join(resourcesDir(), 'migrations');
}

export function assetsDir(): string {
  return path.join(resourcesDir(), 'assets');
}

/**
 * The OS user-data folder Electron would use for an app named Comparanda (preferences, recent projects,
 * later backups). The web transport and the CLI use the same folder so all three agree.
 */
export function defaultUserDataDir(): string {
  const fromEnv = process.env.COMPARANDA_USER_DATA;
  if (fromEnv) return fromEnv;
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '.';
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Comparanda');
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Comparanda');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Comparanda');
  }
}

/** Where a new project is proposed: Documents/Comparanda (COMPARANDA_DOCUMENTS overrides the documents folder). */
export function newProjectDir(): string {
  return path.join(process.env.COMPARANDA_DOCUMENTS ?? defaultDocumentsDir(), 'Comparanda');
}

/** The documents folder, where the sample project is copied on first launch. */
export function defaultDocumentsDir(): string {
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '.';
  const docs = path.join(home, 'Documents');
  return docs;
}
