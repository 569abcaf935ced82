/**
 * Electron's View menu zooms the window with Ctrl/Cmd with =, − and 0, the keys the page view zooms its pages with
 * (issue 19), and a menu shortcut fires before the page sees the key. The rule: while a page view shows, those keys
 * are the page view's (as in a PDF reader); elsewhere, and from the menu by mouse, they zoom the window. The decision
 * is plain data here; the glue that applies it (before-input-event, setIgnoreMenuShortcuts) is type-checked against
 * Electron's .d.ts.
 */
import { describe, expect, it } from 'vitest';
import { zoomKey } from '../../electron/contract/zoom-keys';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';
import { leaveToPage, leaveZoomKeysToPageViews, listenForPageViews, PageViews, type ContentsLike, type InputLike, type IpcMainOn } from '../../electron/main/page-zoom';
import { zoomKey as pageViewZoomKey } from '../../renderer/src/evidence/PdfPageView.zoom';

const key = (k: string, code: string, mods: Partial<Pick<InputLike, 'control' | 'meta' | 'alt' | 'shift'>> = { control: true }, type = 'keyDown'): InputLike => ({
  type,
  key: k,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('the zoom keys between the View menu and the page view', () => {
  it('leaves Ctrl/Cmd with =, +, − and 0 (main keys and keypad) to the page while a page view shows', () => {
    for (const input of [
      key('=', 'Equal'),
      key('+', 'Equal', { meta: true, shift: true }),
      key('+', 'NumpadAdd'),
      key('-', 'Minus', { meta: true }),
      key('_', 'Minus', { control: true, shift: true }),
      key('-', 'NumpadSubtract'),
      key('0', 'Digit0', { meta: true }),
      key('0', 'Numpad0'),
      key('=', 'Equal', { control: true }, 'keyUp'),
    ]) {
      expect(leaveToPage(input, true), `${input.key} ${input.code}`).toBe(true);
      // No page view: the menu's window zoom has them.
      expect(leaveToPage(input, false), `${input.key} ${input.code}`).toBe(false);
    }
  });

  it('keeps every other menu shortcut for the menu, page view or not', () => {
    for (const input of [
      key('z', 'KeyZ'),
      key('w', 'KeyW', { meta: true }),
      key('=', 'Equal', {}),
      key('=', 'Equal', { control: true, alt: true }),
      key('0', 'Digit0', {}),
      key('F11', 'F11', {}),
    ]) {
      expect(leaveToPage(input, true), `${input.key} ${input.code}`).toBe(false);
    }
  });

  it('leaves exactly the keys the page view takes: one definition for both sides', () => {
    expect(pageViewZoomKey).toBe(zoomKey);
    const chords = ['=', '+', '-', '_', '0', 'a', 'F5'].flatMap((k) => [
      key(k, k === '0' ? 'Digit0' : 'Equal'),
      key(k, 'Numpad0', { meta: true }),
      key(k, 'KeyA', { control: true, alt: true }),
    ]);
    for (const input of chords) {
      const taken = pageViewZoomKey({ key: input.key, code: input.code, ctrlKey: input.control, metaKey: input.meta, altKey: input.alt, shiftKey: input.shift }) !== null;
      expect(leaveToPage(input, true)).toBe(taken);
    }
  });

  it('knows per window whether a page view shows, counting views that come and go, and forgets on a reload', () => {
    const views = new PageViews<object>();
    const win = {};
    const other = {};
    expect(views.shown(win)).toBe(false);
    views.report(win, true);
    expect(views.shown(win)).toBe(true);
    expect(views.shown(other)).toBe(false);
    views.report(win, false);
    expect(views.shown(win)).toBe(false);
    // Anything but a boolean true (a forged or garbled message) is "not shown": the window's zoom keeps its keys.
    views.report(win, 'yes');
    expect(views.shown(win)).toBe(false);
    views.report(win, true);
    views.navigated(win);
    expect(views.shown(win)).toBe(false);
  });

  it('keeps the View menu’s window zoom as Electron’s own roles, with their usual shortcuts', () => {
    const noop = () => undefined;
    const actions: MenuActions = { newProject: noop, openProject: noop, openRecent: noop, clearRecent: noop, saveCopy: noop, closeProject: noop, about: noop, website: noop, command: noop };
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const template = buildMenuTemplate({ platform, isPackaged: true, appName: 'Comparanda', hasProject: true, recent: [], language: 'en' }, actions);
      const view = template.find((m) => Array.isArray(m.submenu) && m.submenu.some((i) => i.role === 'zoomIn'));
      const roles = (view!.submenu as { role?: string; accelerator?: string }[]).filter((i) => i.role && /zoom/i.test(i.role));
      expect(roles.map((i) => i.role)).toEqual(['resetZoom', 'zoomIn', 'zoomOut']);
      // Left to Electron: the roles' own accelerators (CmdOrCtrl+0, +, −), which leaveToPage() hands over to the page.
      expect(roles.every((i) => i.accelerator === undefined)).toBe(true);
    }
  });

  it('wires it: the app’s page reports, another frame is not heard, each key press sets whether the menu ignores it', () => {
    const views = new PageViews<object>();
    const channels = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const ipcMain = { on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => channels.set(channel, listener) };
    listenForPageViews(ipcMain as unknown as IpcMainOn, (url) => url === 'app://comparanda/index.html', views);
    const ignored: boolean[] = [];
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const contents = { on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener), setIgnoreMenuShortcuts: (ignore: boolean) => ignored.push(ignore) };
    leaveZoomKeysToPageViews(contents as unknown as ContentsLike, views);
    const press = (input: InputLike) => listeners.get('before-input-event')!({}, input);
    const report = (url: string, shown: unknown) => channels.get('page-zoom-shown')!({ sender: contents, senderFrame: { url } }, shown);

    press(key('=', 'Equal'));
    report('https://elsewhere.example/', true);
    press(key('=', 'Equal'));
    report('app://comparanda/index.html', true);
    press(key('=', 'Equal'));
    press(key('z', 'KeyZ'));
    listeners.get('did-start-navigation')!({ isMainFrame: true, isSameDocument: true });
    press(key('0', 'Digit0'));
    listeners.get('did-start-navigation')!({ isMainFrame: true, isSameDocument: false });
    press(key('0', 'Digit0'));
    expect(ignored).toEqual([false, false, true, false, true, false]);
  });
});
