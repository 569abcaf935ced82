/**
 * `npm start` (after `npm run build`): launches the desktop app from the checkout.
 *
 * 1. Finds the Electron binary (installed by scripts/postinstall.cjs, which needs the network).
 * 2. Makes sure a better-sqlite3 built for Electron's ABI exists at .cache/electron-native/better_sqlite3.node.
 *    It is built in a private copy of the package, so node_modules/better-sqlite3 keeps the Node build the tests
 *    use; electron/main passes the Electron build to the core as `nativeBinding` when it is not packaged.
 * 3. Runs Electron on the repository root; extra arguments (a .comparanda file to open) are passed through.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const nativeDir = path.join(root, '.cache', 'electron-native');
const buildRoot = path.join(nativeDir, 'build-root');
const nativeTarget = path.join(nativeDir, 'better_sqlite3.node');
const stampFile = path.join(nativeDir, 'better_sqlite3.json');
const MODULE = 'better-sqlite3';

function say(line: string): void {
  process.stderr.write(`comparanda: ${line}\n`);
}

function fail(line: string): never {
  say(line);
  process.exit(1);
}

function readVersion(packageDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error(`${packageDir}/package.json has no version.`);
  return pkg.version;
}

/** The Electron executable, or null when its binary was never downloaded. */
function electronBinary(): string | null {
  try {
    // In plain Node, the electron package exports the path of its binary; it throws when the download never happened.
    const exported: unknown = createRequire(path.join(root, 'package.json'))('electron');
    return typeof exported === 'string' && fs.existsSync(exported) ? exported : null;
  } catch {
    return null;
  }
}

/**
 * The NODE_MODULE_VERSION a (non-N-API) addon was compiled for, read from its registration symbol
 * `node_register_module_v<abi>`; null when it has none (N-API addons are ABI-stable).
 */
function addonAbi(file: string): string | null {
  const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
  return match?.[1] ?? null;
}

interface NativeStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

function isUpToDate(wanted: NativeStamp, electronAbi: string): boolean {
  if (!fs.existsSync(nativeTarget)) return false;
  const abi = addonAbi(nativeTarget);
  if (abi !== null && abi !== electronAbi) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Partial<NativeStamp>;
    return (
      stamp.electron === wanted.electron &&
      stamp.betterSqlite3 === wanted.betterSqlite3 &&
      stamp.platform === wanted.platform &&
      stamp.arch === wanted.arch
    );
  } catch {
    return false;
  }
}

/** Builds better-sqlite3 for Electron in .cache/electron-native/build-root and copies the addon next to it. */
async function ensureElectronNativeModule(electronVersion: string, electronAbi: string): Promise<void> {
  const source = path.join(root, 'node_modules', MODULE);
  const wanted: NativeStamp = { electron: electronVersion, betterSqlite3: readVersion(source), platform: process.platform, arch: process.arch };
  if (isUpToDate(wanted, electronAbi)) return;

  say(`building ${MODULE} ${wanted.betterSqlite3} for Electron ${electronVersion} (once; needs the network for Electron's headers)…`);
  // A stale or wrong-ABI addon must not stay behind if this build fails: main would load it.
  for (const stale of [buildRoot, nativeTarget, stampFile]) fs.rmSync(stale, { recursive: true, force: true });
  const copy = path.join(buildRoot, 'node_modules', MODULE);
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  // The package without its Node build: a stale build/ must not be mistaken for the Electron one.
  fs.cpSync(source, copy, {
    recursive: true,
    filter: (from) => {
      const relative = path.relative(source, from);
      return relative !== 'build' && !relative.startsWith(`build${path.sep}`);
    },
  });
  fs.writeFileSync(
    path.join(buildRoot, 'package.json'),
    `${JSON.stringify({ name: 'comparanda-electron-native', version: '0.0.0', private: true, dependencies: { [MODULE]: wanted.betterSqlite3 } }, null, 2)}\n`,
  );

  // An npmrc `nodedir` (set on machines that build addons offline against the system Node) would make node-gyp
  // compile against Node's headers and silently produce a Node-ABI addon; Electron's headers are wanted here.
  for (const key of Object.keys(process.env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  }
  // @electron/rebuild is an ES module.
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: buildRoot,
    // Stops the module search at build-root: the repository's own node_modules is never rebuilt.
    projectRootPath: buildRoot,
    electronVersion,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
  });

  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`the rebuild finished but ${path.relative(root, built)} is missing`);
  const abi = addonAbi(built);
  if (abi !== null && abi !== electronAbi) {
    throw new Error(`the rebuilt addon targets ABI ${abi}, not Electron ${electronVersion}'s ${electronAbi}; check for a nodedir or target setting in your npm config`);
  }
  // Copy then rename, so an interrupted copy never leaves a truncated addon under the final name.
  const temp = `${nativeTarget}.${process.pid}.tmp`;
  fs.copyFileSync(built, temp);
  fs.renameSync(temp, nativeTarget);
  fs.writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
  say(`${path.relative(root, nativeTarget)} is ready.`);
}

/** npm runs scripts in the package folder; a relative file named on `npm start -- file` is relative to where npm was run. */
function passThroughArgs(args: readonly string[]): string[] {
  const base = process.env.INIT_CWD ?? process.cwd();
  return args.map((arg) => (arg.startsWith('-') || path.isAbsolute(arg) ? arg : path.resolve(base, arg)));
}

async function main(): Promise<void> {
  const electron = electronBinary();
  if (!electron) {
    fail('the Electron binary is missing: run `node node_modules/electron/install.js` (needs the network), then `npm start` again.');
  }
  if (!fs.existsSync(path.join(root, 'dist', 'main.cjs'))) fail('dist/main.cjs is missing: run `npm run build` first.');

  const electronDir = path.join(root, 'node_modules', 'electron');
  const electronVersion = readVersion(electronDir);
  const electronAbi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
  try {
    await ensureElectronNativeModule(electronVersion, electronAbi);
  } catch (error) {
    fail(
      `could not build ${MODULE} for Electron ${electronVersion} (${(error as Error).message.split('\n')[0]}). ` +
        'It needs the network (Electron headers or a prebuilt binary) and, without a prebuilt one, a C++ toolchain.',
    );
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  // Inherited from some shells and tools, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [root, ...passThroughArgs(process.argv.slice(2))], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => fail(`Electron could not be started (${error.message}).`));
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((error: unknown) => {
  say(`npm start failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
