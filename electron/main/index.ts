/**
 * Electron main process: app lifecycle, the one window, menus and dialogs. Glue only: every decision that can be made
 * without Electron lives in the sibling modules (security, ipc, app-protocol, launch, menu, window-state) and is
 * tested in plain Node; everything about projects goes to the core, through the contract's dispatcher.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  screen,
  session as electronSession,
  shell,
  type FileFilter,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { homepage } from '../../package.json';
import { COMMAND_CHANNEL } from '../contract/commands';
import { ApiError, type Envelope } from '../contract/errors';
import type { Method } from '../contract/methods';
import { createDispatcher, createHandlers, type Dispatch } from '../core/api';
import type { OpenOptions } from '../core/db/project-file';
import type { PdfPrinter } from '../core/export';
import { LOAD_ALL_FONTS, printOnlyHtml } from '../core/export/print-page';
import { defaultDocumentsDir } from '../core/paths';
import { writeSampleProject } from '../core/sample';
import { Session } from '../core/session';
import { resolveRendererFile, responseHeaders } from './app-protocol';
import { registerIpc } from './ipc';
import { PRINT_CONTENT_SECURITY_POLICY, PrintPages } from './print-pages';
import { fileFromSecondInstanceData, projectFileFromArgv, sampleProjectPath, withProjectExtension, PROJECTS_FOLDER_NAME, type SecondInstanceData } from './launch';
import { buildMenuTemplate, type MenuActions } from './menu';
import { leaveZoomKeysToPageViews, listenForPageViews } from './page-zoom';
import { errorText, formatMessage, type MessageValues } from '../contract/i18n/format';
import type { MessageId } from '../contract/i18n/catalogue';
import { languageFromLocales, type Language } from '../contract/i18n/languages';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  webPreferencesFor,
} from './security';
import { debounce, initialBounds, MIN_SIZE, windowStateToSave } from './window-state';

const APP_NAME = 'Comparanda';
const APP_ID = 'org.comparanda.app';
const projectFilter = (): FileFilter => ({ name: t('main.projectFilter'), extensions: ['comparanda'] });
/** Calls from the renderer after which the menu (recent list, enabled items) and the title must follow. */
const PROJECT_CHANGING: ReadonlySet<Method> = new Set<Method>(['project.open', 'project.create', 'project.close']);

// dist/main.cjs sits next to dist/preload.cjs and dist/renderer/, in a checkout and inside app.asar alike.
const rendererDir = path.join(__dirname, 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// ---------------------------------------------------------------------------------------------------------------
// Logging: the user sees sentences; the log keeps the stacks.

function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error);
  const line = `${new Date().toISOString()} ${message}${detail ? `\n${detail}` : ''}\n`;
  process.stderr.write(`[comparanda] ${line}`);
  try {
    const dir = app.getPath('logs');
    fs.mkdirSync(dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'main.log'), line);
  } catch {
    // Logging must never take the app down.
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Before ready: scheme privileges, sandbox, single instance, files handed over by the OS.

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

let pendingFile: string | null = projectFileFromArgv(process.argv, process.cwd());
let core: Session | undefined;
let dispatch: Dispatch | undefined;
let mainWindow: BrowserWindow | null = null;
let started = false;

const lockData: SecondInstanceData = { file: pendingFile };
if (!app.requestSingleInstanceLock({ ...lockData })) {
  // Another Comparanda is running: it receives our file through 'second-instance' and we leave.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const file = fileFromSecondInstanceData(additionalData) ?? projectFileFromArgv(argv, workingDirectory);
    if (!started) {
      // Still starting: open it instead of the recent project.
      if (file) pendingFile = file;
      return;
    }
    focusWindow();
    if (file) void openFromOutside(file);
  });

  // macOS: double-click in Finder, drop on the Dock icon. Can arrive before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (!started) {
      pendingFile = file;
      return;
    }
    focusWindow();
    void openFromOutside(file);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (started && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  app.on('will-quit', () => {
    try {
      // Checkpoints the WAL so the project is one self-contained file once the app is gone.
      core?.close();
    } catch (error) {
      log('Closing the project on quit failed', error);
    }
  });

  app
    .whenReady()
    .then(startup)
    .catch((error: unknown) => {
      log('Comparanda failed to start', error);
      dialog.showErrorBox(t('main.couldNotStart'), t('main.detailsInLog', { reason: error instanceof ApiError ? errorText(language(), error) : ((error as Error)?.message ?? String(error)) }));
      app.exit(1);
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Startup

function coreOpenOptions(): OpenOptions {
  if (app.isPackaged) return {};
  // In a checkout, `npm start` builds better-sqlite3 for Electron's ABI here, leaving node_modules' Node build to the tests.
  const binding = path.join(app.getAppPath(), '.cache', 'electron-native', 'better_sqlite3.node');
  return fs.existsSync(binding) ? { nativeBinding: binding } : {};
}

function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return defaultDocumentsDir();
  }
}

async function startup(): Promise<void> {
  // New projects are proposed in the system's documents folder (the core reads it from here).
  process.env.COMPARANDA_DOCUMENTS ??= documentsDir();
  core = new Session(app.getPath('userData'), coreOpenOptions());
  dispatch = createDispatcher(
    createHandlers(core, 'ipc', {
      chooseFile: (input) =>
        input.mode === 'open'
          ? showOpen({ title: input.title, filters: input.filters, properties: ['openFile'] })
          : showSave({ title: input.title, filters: input.filters, defaultPath: input.defaultName, properties: ['createDirectory'] }),
      openPath: async (file) => {
        const problem = await shell.openPath(file);
        if (problem) throw new ApiError('UNSUPPORTED', `The system could not open "${path.basename(file)}": ${problem}`);
      },
      printer: electronPrinter,
    }),
    log,
  );

  hardenSession();
  registerAppProtocol();
  registerIpc(ipcMain, ipcDispatch, isTrustedSender);
  listenForPageViews(ipcMain, isTrustedSender);
  app.setAboutPanelOptions({
    applicationName: APP_NAME,
    applicationVersion: app.getVersion(),
    website: homepage,
    copyright: 'Comparanda contributors · MIT licence',
  });

  const problems = await openInitialProject();
  started = true;
  refreshMenu();
  updateTitle();
  mainWindow = createWindow();

  // A file handed over while the initial project was opening (second instance, Finder) wins over it.
  if (pendingFile) {
    const file = pendingFile;
    pendingFile = null;
    void openFromOutside(file);
  }

  if (problems.length > 0) {
    const win = mainWindow;
    win.once('ready-to-show', () => {
      void (async () => {
        for (const problem of problems) await showError(problem.message, problem.detail);
      })();
    });
  }
}

interface Problem {
  message: string;
  detail: string;
}

/** First run: write and open the sample. Later: the file the OS handed over, else the most recent project. */
async function openInitialProject(): Promise<Problem[]> {
  const problems: Problem[] = [];
  let sample: string | null = null;
  if (!requireCore().prefs.read().firstRunDone) {
    try {
      sample = ensureSampleProject();
    } catch (error) {
      log('Writing the sample project failed', error);
      problems.push({ message: t('main.sampleNotCreated'), detail: errorSentence(error) });
    }
    // Once only: a user who deletes the sample does not get it back on every launch.
    updatePrefs((prefs) => ({ ...prefs, firstRunDone: true }));
  }

  let target = pendingFile ?? sample;
  pendingFile = null;
  if (!target) {
    const latest = requireCore().prefs.recent()[0];
    if (latest?.exists) target = latest.path;
  }
  if (target) {
    const envelope = await requireDispatch()('project.open', { path: target });
    if (!envelope.ok) problems.push({ message: t('main.couldNotOpen'), detail: errorText(language(), envelope.error) });
    else addRecentDocument();
  }
  return problems;
}

function ensureSampleProject(): string {
  const file = sampleProjectPath(documentsDir());
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeSampleProject(file, requireCore().openOptions);
  }
  return file;
}

function requireCore(): Session {
  if (!core) throw new Error('The core session is not started yet.');
  return core;
}

function requireDispatch(): Dispatch {
  if (!dispatch) throw new Error('The dispatcher is not started yet.');
  return dispatch;
}

function updatePrefs(change: Parameters<Session['prefs']['update']>[0]): void {
  try {
    requireCore().prefs.update(change);
  } catch (error) {
    log('Saving preferences failed', error);
  }
}

/** IPC calls go through the same dispatcher; calls that change the project also refresh the menu and the title. */
async function ipcDispatch(method: Method, input: unknown): Promise<Envelope> {
  const envelope = await requireDispatch()(method, input);
  if (envelope.ok && PROJECT_CHANGING.has(method)) projectChanged({ reloadRenderer: false });
  if (envelope.ok && method === 'settings.setLanguage') refreshMenu();
  return envelope;
}

// ---------------------------------------------------------------------------------------------------------------
// Security: session, protocol, web contents

function hardenSession(): void {
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  // No remote content: nothing in the app needs the network, so no page may reach it.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) => {
    log(`Blocked a network request to ${details.url.slice(0, 200)}`);
    callback({ cancel: true });
  });
}

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const printPage = printPages.get(new URL(request.url).pathname);
    if (printPage !== null) {
      return new Response(printPage, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY } });
    }
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) {
      const missingBuild = !app.isPackaged && !fs.existsSync(path.join(rendererDir, 'index.html'));
      const body = missingBuild ? 'The renderer is not built yet: run "npm run build" and start Comparanda again.' : 'Not found';
      return new Response(body, {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    }
    const upstream = await net.fetch(pathToFileURL(file).toString());
    if (!upstream.ok) return new Response('Not found', { status: 404, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    return new Response(request.method === 'HEAD' ? null : upstream.body, { status: 200, headers: responseHeaders(file) });
  });
}

function openExternally(url: string): void {
  if (!isSafeExternalUrl(url)) {
    log(`Refused to open ${url.slice(0, 200)} outside the app`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => log(`Opening ${url} in the browser failed`, error));
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    // A link to the web (a source's URL, say) opens in the browser, never inside the app.
    openExternally(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The window

function windowTitle(): string {
  const project = core?.project;
  return project ? `${APP_NAME} — ${path.basename(project.path)}` : APP_NAME;
}

function updateTitle(): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setTitle(windowTitle());
}

function devIcon(): string | undefined {
  if (app.isPackaged || process.platform !== 'linux') return undefined;
  const icon = path.join(app.getAppPath(), 'assets', 'icons', '256x256.png');
  return fs.existsSync(icon) ? icon : undefined;
}

function createWindow(): BrowserWindow {
  const prefs = requireCore().prefs;
  const bounds = initialBounds(
    prefs.read().window,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const icon = devIcon();
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: windowTitle(),
    backgroundColor: '#f6f7f7',
    ...(icon ? { icon } : {}),
    webPreferences: webPreferencesFor(preloadPath),
  });

  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  // Ctrl/Cmd with =, − and 0 zoom a document's pages while they show, the window elsewhere.
  leaveZoomKeysToPageViews(win.webContents);
  // The title names the open project; main keeps it in step with the project, not the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());

  const saveState = debounce(() => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    updatePrefs((p) => ({ ...p, window: windowStateToSave(win.getNormalBounds(), win.isMaximized()) }));
  }, 500);
  win.on('resize', saveState);
  win.on('move', saveState);
  win.on('maximize', saveState);
  win.on('unmaximize', saveState);
  win.on('close', () => saveState.flush());
  win.on('closed', () => {
    saveState.cancel();
    if (mainWindow === win) mainWindow = null;
  });

  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => log('Loading the window failed', error));
  return win;
}

function focusWindow(): BrowserWindow | null {
  if (!started) return null;
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  return mainWindow;
}

function reloadRenderer(): void {
  // The renderer reads project.current when it loads, so a reload shows the newly opened (or no) project.
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
}

// ---------------------------------------------------------------------------------------------------------------
// Dialogs and menu actions

/** The interface language: the one chosen in the app, else the system's. Read at each use, so a change applies at once. */
function language(): Language {
  return core?.prefs.language() ?? languageFromLocales(app.getPreferredSystemLanguages());
}

function t(id: MessageId, values?: MessageValues): string {
  return formatMessage(language(), id, values);
}

function errorSentence(error: unknown): string {
  if (error instanceof ApiError) return errorText(language(), error);
  return t('main.somethingWrong');
}

async function showError(message: string, detail: string): Promise<void> {
  const options: MessageBoxOptions = { type: 'error', title: APP_NAME, message, detail, buttons: [t('common.ok')], noLink: true };
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

async function showSave(options: SaveDialogOptions): Promise<string | null> {
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
  return result.canceled || !result.filePath ? null : withProjectExtension(result.filePath);
}

async function showOpen(options: OpenDialogOptions): Promise<string | null> {
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function addRecentDocument(): void {
  const project = core?.project;
  if (project && process.platform !== 'linux') app.addRecentDocument(project.path);
}

function projectChanged(options: { reloadRenderer: boolean }): void {
  addRecentDocument();
  refreshMenu();
  updateTitle();
  if (options.reloadRenderer) reloadRenderer();
}

/** A folder for new projects: Documents/Comparanda when it exists, else Documents. */
function projectsFolder(): string {
  const docs = documentsDir();
  const folder = path.join(docs, PROJECTS_FOLDER_NAME);
  return fs.existsSync(folder) ? folder : docs;
}

async function openProjectFile(file: string): Promise<void> {
  const envelope = await requireDispatch()('project.open', { path: file });
  if (!envelope.ok) {
    // An encrypted project: the window asks for its passphrase (the page reads the path from its address).
    if (envelope.error.code === 'PASSPHRASE_REQUIRED' && mainWindow && !mainWindow.isDestroyed()) {
      await mainWindow.loadURL(`${APP_ENTRY_URL}?unlock=${encodeURIComponent(file)}`);
      return;
    }
    await showError(t('main.couldNotOpen'), errorText(language(), envelope.error));
    return;
  }
  projectChanged({ reloadRenderer: true });
}

const printPages = new PrintPages();

/**
 * Prints export HTML with Electron's own Chromium: a hidden, sandboxed window without preload loads the page from
 * memory (see print-pages.ts), waits for its fonts, and prints to PDF. Same template, same engine as the CLI.
 */
const electronPrinter = (): PdfPrinter => ({
  async print(html, options) {
    const route = printPages.add(printOnlyHtml(html));
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
    });
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    try {
      await win.loadURL(`${APP_ORIGIN}${route}`);
      await win.webContents.executeJavaScript(LOAD_ALL_FONTS);
      return await win.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        pageSize: options.paper === 'letter' ? 'Letter' : 'A4',
        landscape: options.orientation === 'landscape',
      });
    } finally {
      printPages.release(route);
      win.destroy();
    }
  },
});

async function openFromOutside(file: string): Promise<void> {
  try {
    await openProjectFile(file);
  } catch (error) {
    log(`Opening ${file} failed`, error);
  }
}

const actions: MenuActions = {
  newProject: () =>
    run('menu.newProject', async () => {
      const file = await showSave({
        title: t('main.newProjectTitle'),
        buttonLabel: t('main.create'),
        defaultPath: path.join(projectsFolder(), `${t('main.untitled')}.comparanda`),
        filters: [projectFilter()],
        properties: ['createDirectory'],
      });
      if (!file) return;
      const envelope = await requireDispatch()('project.create', { path: file, language: language() });
      if (!envelope.ok) return showError(t('main.notCreated'), errorText(language(), envelope.error));
      projectChanged({ reloadRenderer: true });
    }),
  openProject: () =>
    run('menu.open', async () => {
      const file = await showOpen({
        title: t('main.openTitle'),
        defaultPath: projectsFolder(),
        filters: [projectFilter(), { name: t('main.allFiles'), extensions: ['*'] }],
        properties: ['openFile'],
      });
      if (file) await openProjectFile(file);
    }),
  openRecent: (file) => run('menu.openRecent', () => openProjectFile(file)),
  clearRecent: () =>
    run('menu.clearRecent', async () => {
      updatePrefs((prefs) => ({ ...prefs, recent: [] }));
      if (process.platform !== 'linux') app.clearRecentDocuments();
      refreshMenu();
    }),
  saveCopy: () =>
    run('menu.saveCopy', async () => {
      const project = core?.project;
      if (!project) return;
      const base = path.basename(project.path).replace(/\.comparanda$/i, '');
      const file = await showSave({
        title: t('main.saveCopyTitle'),
        buttonLabel: t('main.saveCopyButton'),
        defaultPath: path.join(path.dirname(project.path), `${t('main.copySuffix', { name: base })}.comparanda`),
        filters: [projectFilter()],
        properties: ['createDirectory'],
      });
      if (!file) return;
      try {
        await project.saveCopy(file);
      } catch (error) {
        if (!(error instanceof ApiError)) log('Saving a copy failed', error);
        await showError(t('main.copyNotSaved'), errorSentence(error));
      }
    }),
  closeProject: () =>
    run('menu.closeProject', async () => {
      const envelope = await requireDispatch()('project.close', {});
      if (!envelope.ok) return showError(t('main.notClosed'), errorText(language(), envelope.error));
      projectChanged({ reloadRenderer: true });
    }),
  about: () => app.showAboutPanel(),
  website: () => openExternally(homepage),
  command: (command) => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    target?.webContents.send(COMMAND_CHANNEL, command);
  },
};

/** A menu item's label as a sentence names it: without its mnemonic marker and ellipsis. */
function menuItemName(label: string): string {
  return label.replace(/&/g, '').replace(/…$/, '');
}

/** Runs a menu action; anything unexpected is logged and told to the user in a sentence. */
function run(item: MessageId, action: () => Promise<void>): void {
  action().catch(async (error: unknown) => {
    // The log in English, whatever the interface speaks: it is read by whoever fixes the fault.
    log(`Menu action "${menuItemName(formatMessage('en', item))}" failed`, error);
    try {
      await showError(t('main.actionFailed', { action: menuItemName(t(item)) }), errorSentence(error));
    } catch (dialogError) {
      log('Showing an error failed', dialogError);
    }
  });
}

function refreshMenu(): void {
  const template = buildMenuTemplate(
    {
      platform: process.platform,
      isPackaged: app.isPackaged,
      appName: APP_NAME,
      hasProject: core?.project !== undefined,
      recent: core?.prefs.recent() ?? [],
      language: language(),
    },
    actions,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
