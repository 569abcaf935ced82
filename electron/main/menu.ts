/**
 * The native application menu, built as plain data from the app's state and a set of actions. Imports only types
 * from 'electron'; index.ts turns the template into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../contract/api';
import type { Command } from '../contract/commands';
import { translator } from '../contract/i18n/format';
import type { Language } from '../contract/i18n/languages';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  saveCopy(): void;
  closeProject(): void;
  about(): void;
  website(): void;
  /** Sends a command to the renderer, which knows whether the focus is in a text field or on the matrix. */
  command(command: Command): void;
}

export interface MenuState {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
  hasProject: boolean;
  recent: readonly Omit<RecentProject, 'backups'>[];
  /** The interface language: the menu is rebuilt when it changes. */
  language: Language;
}

/** Windows and Linux read `&` in a label as a mnemonic marker; "Kazakhstan & Belarus" must show its ampersand. */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&');
}

/** A top-level menu's title from the catalogue: its `&` mnemonic marker is kept on Windows and Linux only. */
function titleLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text.replace(/&/g, '') : text;
}

function recentItems(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = translator(state.language);
  if (state.recent.length === 0) return [{ label: t('menu.noRecent'), enabled: false }];
  const titles = new Map<string, number>();
  for (const r of state.recent) titles.set(r.title, (titles.get(r.title) ?? 0) + 1);
  return [
    ...state.recent.map<MenuItemConstructorOptions>((r) => ({
      // Two projects with one title are told apart by their path.
      label: menuLabel((titles.get(r.title) ?? 0) > 1 ? `${r.title} (${r.path})` : r.title, state.platform),
      toolTip: r.path,
      enabled: r.exists,
      click: () => actions.openRecent(r.path),
    })),
    { type: 'separator' },
    { label: t('menu.clearRecent'), click: () => actions.clearRecent() },
  ];
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const t = translator(state.language);
  const title = (text: string): string => titleLabel(text, state.platform);
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: state.appName,
      submenu: [
        { label: t('menu.about', { appName: state.appName }), click: () => actions.about() },
        { type: 'separator' },
        { role: 'services', label: t('menu.services') },
        { type: 'separator' },
        { role: 'hide', label: t('menu.hide', { appName: state.appName }) },
        { role: 'hideOthers', label: t('menu.hideOthers') },
        { role: 'unhide', label: t('menu.unhide') },
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    });
  }

  template.push({
    label: title(t('menu.file')),
    submenu: [
      { label: t('menu.newProject'), accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: t('menu.open'), accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: t('menu.openRecent'), submenu: recentItems(state, actions) },
      { type: 'separator' },
      { label: t('menu.saveCopy'), accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasProject, click: () => actions.saveCopy() },
      { type: 'separator' },
      { label: t('menu.closeProject'), accelerator: 'CmdOrCtrl+W', enabled: state.hasProject, click: () => actions.closeProject() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t('menu.quit') } as const]),
    ],
  });

  template.push({
    label: title(t('menu.edit')),
    submenu: [
      // Not registered as accelerators: the key presses reach the page, where a text field undoes typing and the
      // matrix undoes the last edit. A click on the item sends the same command.
      { label: t('menu.undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.command('undo') },
      { label: t('menu.redo'), accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z', registerAccelerator: false, click: () => actions.command('redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: t('menu.pasteAndMatchStyle') } as const] : []),
      { type: 'separator' },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  });

  template.push({
    label: title(t('menu.view')),
    submenu: [
      { role: 'reload', label: t('menu.reload') },
      { type: 'separator' },
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ...(state.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools', label: t('menu.devTools') } as const]),
    ],
  });

  if (mac) template.push({ role: 'windowMenu', label: t('menu.window') });

  template.push({
    role: 'help',
    label: title(t('menu.help')),
    submenu: [
      ...(mac ? [] : [{ label: t('menu.about', { appName: state.appName }), click: () => actions.about() }]),
      { label: t('menu.website'), click: () => actions.website() },
    ],
  });

  return template;
}
