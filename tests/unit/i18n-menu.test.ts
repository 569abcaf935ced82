import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';

const noop = (): void => undefined;
const actions: MenuActions = {
  newProject: noop, openProject: noop, openRecent: noop, clearRecent: noop, saveCopy: noop, closeProject: noop, about: noop, website: noop, command: noop,
};

/** Every item's label; an item without one (other than a separator) fails: Electron would name it in English. */
function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.type === 'separator' ? [] : [item.label ?? `(no label: ${item.role ?? '?'})`]),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

describe('the application menu in the chosen language', () => {
  it('is Russian or Kazakh throughout, with Cyrillic mnemonics on Windows and Linux and none on macOS', () => {
    for (const language of ['ru', 'kk'] as const) {
      for (const platform of ['linux', 'darwin'] as const) {
        const template = buildMenuTemplate({ platform, isPackaged: false, appName: 'Comparanda', hasProject: true, recent: [], language }, actions);
        const all = labels(template);
        // Every item has a label of ours (roles too: Electron would label them in the system's language).
        expect(all.length).toBeGreaterThan(20);
        for (const label of all) expect(label.replace(/Comparanda/g, ''), `${language} ${platform}: ${label}`).not.toMatch(/[A-Za-z]{2,}/);
        const file = template.find((m) => Array.isArray(m.submenu) && m.submenu.some((i) => i.accelerator === 'CmdOrCtrl+N'));
        expect(file?.label).toBe(platform === 'darwin' ? 'Файл' : '&Файл');
      }
    }
  });

  it('stays English for English', () => {
    const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Comparanda', hasProject: false, recent: [], language: 'en' }, actions);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });
});
