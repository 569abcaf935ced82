/**
 * The native application menu, built as plain data from the app's state and a set of actions. Imports only types
 * from 'electron'; index.ts turns the template into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../contract/api';
import type { Command } from '../contract/commands';

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
}

/** Windows and Linux read `&` in a label as a mnemonic marker; "Kazakhstan & Belarus" must show its ampersand. */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&');
}

function recentItems(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  if (state.recent.length === 0) return [{ label: 'No Recent Projects', enabled: false }];
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
    { label: 'Clear Recent Projects', click: () => actions.clearRecent() },
  ];
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: state.appName,
      submenu: [
        { label: `About ${state.appName}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: mac ? 'File' : '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recentItems(state, actions) },
      { type: 'separator' },
      { label: 'Save a Copy As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasProject, click: () => actions.saveCopy() },
      { type: 'separator' },
      { label: 'Close Project', accelerator: 'CmdOrCtrl+W', enabled: state.hasProject, click: () => actions.closeProject() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  });

  template.push({
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      // Not registered as accelerators: the key presses reach the page, where a text field undoes typing and the
      // matrix undoes the last edit. A click on the item sends the same command.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.command('undo') },
      { label: 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z', registerAccelerator: false, click: () => actions.command('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });

  template.push({
    label: mac ? 'View' : '&View',
    submenu: [
      { role: 'reload' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
    ],
  });

  if (mac) template.push({ role: 'windowMenu' });

  template.push({
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [
      ...(mac ? [] : [{ label: `About ${state.appName}`, click: () => actions.about() }]),
      { label: 'Project Website', click: () => actions.website() },
    ],
  });

  return template;
}
