/**
 * Ctrl/Cmd with =, − and 0 belong to two zooms: the View menu's (the whole window, Electron's zoom roles) and the page
 * view's (a document's pages, as a PDF reader zooms them). A menu shortcut fires before the page sees the key, so
 * without this the page view's keys would zoom the window instead. The rule: while a page view shows, those keys go
 * to the page (the menu's shortcuts are ignored for that key press); elsewhere, and from the menu by mouse, they zoom
 * the window. The renderer says when a page view comes and goes (PAGE_ZOOM_CHANNEL). Imports only types from
 * 'electron' so the decision is tested in plain Node.
 */
import type { Input, IpcMain, IpcMainEvent, WebContents } from 'electron';
import { PAGE_ZOOM_CHANNEL, zoomKey } from '../contract/zoom-keys';

/** The parts of Electron's before-input-event Input read here. */
export type InputLike = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

/** Whether this key press goes to the page rather than to the menu's shortcuts: a zoom key while a page view shows. */
export function leaveToPage(input: InputLike, pageViewShown: boolean): boolean {
  if (!pageViewShown) return false;
  return zoomKey({ key: input.key, code: input.code, ctrlKey: input.control, metaKey: input.meta, altKey: input.alt, shiftKey: input.shift }) !== null;
}

/** Per window (its web contents): whether its page shows a page view now. */
export class PageViews<K extends object> {
  private readonly showing = new WeakMap<K, boolean>();

  shown(contents: K): boolean {
    return this.showing.get(contents) === true;
  }

  /** What the page said; anything but `true` reads as "no page view", so the window's zoom keeps its keys. */
  report(contents: K, shown: unknown): void {
    this.showing.set(contents, shown === true);
  }

  /** A new document in the window (a reload): its page views say again when they show. */
  navigated(contents: K): void {
    this.showing.delete(contents);
  }
}

const windows = new PageViews<object>();

/** The parts of Electron's ipcMain and its event used here (tests pass recording objects, as for the IPC transport). */
export type IpcMainOn = Pick<IpcMain, 'on'>;
/** The parts of a window's web contents used here. */
export type ContentsLike = Pick<WebContents, 'on' | 'setIgnoreMenuShortcuts'>;

/** Hears the app's page about its page views; a message from any other frame is ignored. */
export function listenForPageViews(ipcMain: IpcMainOn, isTrusted: (frameUrl: string | null) => boolean, views: PageViews<object> = windows): void {
  ipcMain.on(PAGE_ZOOM_CHANNEL, (event: IpcMainEvent, shown: unknown) => {
    let url: string | null = null;
    try {
      url = event.senderFrame?.url ?? null;
    } catch {
      // The frame is gone: nothing to decide for it.
    }
    if (isTrusted(url)) views.report(event.sender, shown);
  });
}

/** Applies the rule to one window's web contents, key press by key press. */
export function leaveZoomKeysToPageViews(contents: ContentsLike, views: PageViews<object> = windows): void {
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) views.navigated(contents);
  });
  contents.on('before-input-event', (_event, input) => {
    contents.setIgnoreMenuShortcuts(leaveToPage(input, views.shown(contents)));
  });
}
