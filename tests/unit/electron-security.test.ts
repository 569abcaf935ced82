/**
 * The desktop app's security settings, exactly as the main process uses them (no Electron needed: the modules under
 * test import only types from 'electron').
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../electron/core/csp';
import { contentTypeFor, resolveRendererFile, responseHeaders } from '../../electron/main/app-protocol';
import { fileFromSecondInstanceData, projectFileFromArgv, sampleProjectPath, withProjectExtension } from '../../electron/main/launch';
import { buildMenuTemplate, menuLabel, type MenuActions } from '../../electron/main/menu';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY as MAIN_CSP,
  denyPermissionCheck,
  denyPermissionRequest,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  webPreferencesFor,
} from '../../electron/main/security';
import { initialBounds, MIN_SIZE } from '../../electron/main/window-state';

const root = path.resolve(__dirname, '..', '..');

describe('webPreferences', () => {
  const prefs = webPreferencesFor('/app/dist/preload.cjs');

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content and webviews', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload and keeps spellcheck', () => {
    expect(prefs.preload).toBe('/app/dist/preload.cjs');
    expect(prefs.spellcheck).toBe(true);
  });

  it('sets nothing that loosens the defaults', () => {
    const loosening = ['enableBlinkFeatures', 'experimentalFeatures', 'additionalArguments', 'disableBlinkFeatures'];
    for (const key of loosening) expect(prefs).not.toHaveProperty(key);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('is the same string for the main process and the core (web transport)', () => {
    expect(MAIN_CSP).toBe(CONTENT_SECURITY_POLICY);
  });

  it("starts from default-src 'none' and allows scripts only from the app itself", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('has no eval and no inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no remote source and locks down base, forms, framing and plugins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|ws:|wss:|blob:/);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    // data: fonts are what the export preview's self-contained HTML carries (see csp.ts).
    expect(directives.get('font-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.size).toBe(Object.keys(CSP_DIRECTIVES).length);
  });
});

describe('navigation', () => {
  it("allows the app's own origin", () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/sources`)).toBe(true);
  });

  it.each([
    'http://evil.example',
    'https://evil.example/index.html',
    'file:///etc/passwd',
    'file:///work/main/dist/renderer/index.html',
    'app://evil.example/index.html',
    'app://comparanda.evil.example/',
    'app://user:pass@comparanda/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'http://127.0.0.1:5173/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('trusts only frames showing the app', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:4000/')).toBe(false);
    expect(isTrustedSender('file:///work/main/dist/renderer/index.html')).toBe(false);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'] as const) {
      const answers: boolean[] = [];
      denyPermissionRequest({} as never, permission, (granted) => answers.push(granted), {} as never);
      expect(answers).toEqual([false]);
    }
  });

  it('answers every permission check with no', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'serial', 'usb'] as const) {
      expect(denyPermissionCheck(null, permission, APP_ORIGIN, {} as never)).toBe(false);
    }
  });
});

describe('links opened outside the app', () => {
  it('accepts plain web addresses only', () => {
    expect(isSafeExternalUrl('https://www.osce.org/odihr/elections')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/report.pdf')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.org/', 'mailto:a@b.c', 'app://comparanda/', 'nonsense']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('app:// protocol', () => {
  let dir: string;
  let rendererDir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), '');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves files of the renderer folder, and index.html for /', () => {
    expect(resolveRendererFile(rendererDir, 'app://comparanda/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveRendererFile(rendererDir, 'app://comparanda/index.html')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveRendererFile(rendererDir, 'app://comparanda/assets/app.js?v=1#x')).toBe(path.join(rendererDir, 'assets', 'app.js'));
  });

  it.each([
    'app://comparanda/../secret.txt',
    'app://comparanda/%2e%2e/secret.txt',
    'app://comparanda/assets/..%2f..%2fsecret.txt',
    'app://comparanda/assets%5c..%5c..%5csecret.txt',
    'app://comparanda/assets/link.txt',
    'app://comparanda/assets',
    'app://comparanda/missing.js',
    'app://comparanda/%00index.html',
    'app://comparanda/%E0%A4%A',
    'app://other/index.html',
    'file:///index.html',
    'https://comparanda/index.html',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(rendererDir, url)).toBeNull();
  });

  it('sends the CSP and nosniff with every file, with a real content type', () => {
    const headers = responseHeaders('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toMatch(/^text\/html/);
    expect(contentTypeFor('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('input from other processes', () => {
  it('takes a .comparanda file from a command line, resolved against its working directory', () => {
    expect(projectFileFromArgv(['/opt/Comparanda/comparanda', 'Study.comparanda'], '/home/ana')).toBe(path.resolve('/home/ana', 'Study.comparanda'));
    expect(projectFileFromArgv(['electron', '/work/main', '--flag', '/data/A.COMPARANDA'], '/')).toBe(path.resolve('/data/A.COMPARANDA'));
    expect(projectFileFromArgv(['comparanda', 'file:///home/ana/My%20Study.comparanda'], '/')).toBe(path.resolve('/home/ana/My Study.comparanda'));
    expect(projectFileFromArgv(['comparanda', '--allow-file-access=x.comparanda', '-psn_0_1234'], '/')).toBeNull();
    expect(projectFileFromArgv(['comparanda', 'https://evil.example/x.comparanda', 'notes.txt'], '/')).toBeNull();
    expect(projectFileFromArgv(['/home/ana/x.comparanda'], '/')).toBeNull();
  });

  it('accepts only an absolute project path from a second instance', () => {
    const file = path.resolve('/home/ana/Study.comparanda');
    expect(fileFromSecondInstanceData({ file })).toBe(file);
    expect(fileFromSecondInstanceData({ file: 'relative.comparanda' })).toBeNull();
    expect(fileFromSecondInstanceData({ file: '/etc/passwd' })).toBeNull();
    expect(fileFromSecondInstanceData({ file: 42 })).toBeNull();
    expect(fileFromSecondInstanceData(null)).toBeNull();
  });

  it('names files the way the product does', () => {
    expect(sampleProjectPath('/home/ana/Documents')).toBe(path.join('/home/ana/Documents', 'Comparanda', 'Kazakhstan & Belarus (sample).comparanda'));
    expect(withProjectExtension('/a/Study')).toBe('/a/Study.comparanda');
    expect(withProjectExtension('/a/Study.Comparanda')).toBe('/a/Study.Comparanda');
  });
});

describe('menu and window', () => {
  const noop = () => undefined;
  const commands: string[] = [];
  const actions: MenuActions = {
    newProject: noop,
    openProject: noop,
    openRecent: noop,
    clearRecent: noop,
    saveCopy: noop,
    closeProject: noop,
    about: noop,
    website: noop,
    command: (c) => {
      commands.push(c);
    },
  };

  it('leaves Undo and Redo keys to the page and sends the menu clicks as commands', () => {
    const edit = buildMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Comparanda', hasProject: true, recent, language: 'en' }, actions).find((m) => m.label === '&Edit')!;
    const items = edit.submenu as { label?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void }[];
    const undo = items.find((i) => i.label === 'Undo')!;
    const redo = items.find((i) => i.label === 'Redo')!;
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'Ctrl+Shift+Z', registerAccelerator: false });
    undo.click!();
    redo.click!();
    expect(commands).toEqual(['undo', 'redo']);
  });
  const recent = [{ path: '/d/Kazakhstan & Belarus (sample).comparanda', title: 'Kazakhstan & Belarus (sample)', openedAt: '2026-01-01T00:00:00Z', exists: true }];

  it('offers devtools only in development', () => {
    const roles = (isPackaged: boolean) =>
      JSON.stringify(buildMenuTemplate({ platform: 'linux', isPackaged, appName: 'Comparanda', hasProject: true, recent, language: 'en' }, actions).map((m) => m.submenu));
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('shows the shortcuts and keeps "&" in project titles on Windows and Linux', () => {
    const file = buildMenuTemplate({ platform: 'win32', isPackaged: true, appName: 'Comparanda', hasProject: false, recent, language: 'en' }, actions)[0]!;
    const items = file.submenu as Array<{ label?: string; accelerator?: string; enabled?: boolean; submenu?: unknown }>;
    expect(items.map((i) => i.accelerator).filter(Boolean)).toEqual(['CmdOrCtrl+N', 'CmdOrCtrl+O', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+W']);
    expect(items.find((i) => i.label === 'Save a Copy As…')?.enabled).toBe(false);
    const recentMenu = items.find((i) => i.label === 'Open Recent')?.submenu as Array<{ label?: string }>;
    expect(recentMenu[0]?.label).toBe('Kazakhstan && Belarus (sample)');
    expect(menuLabel('A & B', 'darwin')).toBe('A & B');
  });

  it('drops a remembered position that is off every display, and clamps the size', () => {
    const screenArea = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(initialBounds({ x: 100, y: 80, width: 1200, height: 800, maximized: true }, [screenArea])).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
    expect(initialBounds({ x: 5000, y: 80, width: 1200, height: 800, maximized: false }, [screenArea])).toEqual({ width: 1200, height: 800, maximized: false });
    expect(initialBounds({ width: 100, height: 9000, maximized: false }, [screenArea])).toEqual({ width: MIN_SIZE.width, height: 1080, maximized: false });
    expect(initialBounds(undefined, [screenArea]).maximized).toBe(false);
  });
});

describe('runtime boundaries', () => {
  it("the testable main-process modules load without the 'electron' runtime", async () => {
    const modules = ['security', 'ipc', 'app-protocol', 'launch', 'menu', 'window-state'];
    const result = await build({
      entryPoints: modules.map((m) => path.join(root, 'electron', 'main', `${m}.ts`)),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      outdir: path.join(os.tmpdir(), 'comparanda-boundary-check'),
      external: ['electron', 'better-sqlite3', 'zod'],
      metafile: true,
      logLevel: 'silent',
    });
    const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imported).not.toContain('electron');
  });
});
