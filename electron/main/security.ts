/**
 * The security model of the desktop app, as data and pure functions so that tests check exactly what users get.
 * Runs in Electron's main process but imports only types from 'electron': it loads in plain Node.
 */
import type { PermissionCheckHandlerHandlerDetails, Session, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/csp';

export { CONTENT_SECURITY_POLICY };

/** The privileged scheme the renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'comparanda';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The preferences of every window: the renderer is a sandboxed web page that reaches the app only through the preload. */
export function webPreferencesFor(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for a URL on the app's own origin: `app://comparanda/...`. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** Whether the window may navigate (or be redirected) to `url`: only within the app itself, never to the web or to files. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Whether an IPC call comes from a frame showing the app itself (not a page that somehow got into a window). */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/**
 * Links the user may open in the system browser: plain http(s) web addresses without credentials. Everything else
 * (file:, javascript:, custom schemes that launch other programs) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;

/** The app needs no web permission (camera, notifications, geolocation...): every request is refused. */
export const denyPermissionRequest: PermissionRequestHandler = (_webContents, _permission, callback) => {
  callback(false);
};

export const denyPermissionCheck: PermissionCheckHandler = (
  _webContents,
  _permission,
  _requestingOrigin,
  _details: PermissionCheckHandlerHandlerDetails,
) => false;
