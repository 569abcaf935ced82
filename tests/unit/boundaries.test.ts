import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file`, and returns the boundary violations found. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (enforced by npm run lint)', () => {
  it('lets the renderer import contract types and constants', async () => {
    expect(await violations('renderer/src/x.ts', "import type { Api } from '../../electron/contract/api';\nimport { METHODS } from '../../electron/contract/methods';\nimport { paletteColour } from '../../electron/contract/palette';\nexport const a: Api | undefined = undefined; export const m = METHODS; export const c = paletteColour;\n")).toEqual([]);
  });

  it.each([
    ["import { Project } from '../../electron/core/project';", 'core'],
    ["import { inputSchemas } from '../../electron/contract/schemas';", 'schemas'],
    ["import { registerIpc } from '../../electron/main/ipc';", 'main'],
    ["import fs from 'node:fs';", 'node'],
    ["import { ipcRenderer } from 'electron';", 'electron'],
    ["import Database from 'better-sqlite3';", 'sqlite'],
  ])('refuses %s in the renderer', async (line) => {
    expect(await violations('renderer/src/x.ts', `${line}\nexport {};\n`)).toHaveLength(1);
  });

  it('refuses electron in the core, the CLI and the web transport', async () => {
    for (const file of ['electron/core/x.ts', 'electron/cli/x.ts', 'electron/web/x.ts']) {
      expect(await violations(file, "import { app } from 'electron';\nexport const a = app;\n"), file).toHaveLength(1);
    }
  });

  it('refuses transports and UI in the core, and core in the contract', async () => {
    expect(await violations('electron/core/x.ts', "import { startWebServer } from '../web/server';\nexport const s = startWebServer;\n")).toHaveLength(1);
    expect(await violations('electron/contract/x.ts', "import { Project } from '../core/project';\nexport const p = Project;\n")).toHaveLength(1);
  });
});
