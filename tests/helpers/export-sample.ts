import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { playwrightPrinter, type ClosablePdfPrinter } from '../../electron/core/export';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

export interface ExportSample {
  dir: string;
  /** The sample project, open read-only (exports never write). */
  sample: Project;
  /** One Chromium for every PDF of the test file. */
  printer: ClosablePdfPrinter;
}

/** A fresh sample project in a folder of its own and a printer, for a file of export tests (beforeAll). */
export function openExportSample(name: string): ExportSample {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `comparanda-${name}-`));
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  return { dir, sample: Project.open(path.join(dir, 'sample.comparanda'), { readonly: true }), printer: playwrightPrinter() };
}

/** Closes what openExportSample opened and removes its folder (afterAll); parts that were never opened are skipped. */
export async function closeExportSample(opened: Partial<ExportSample>): Promise<void> {
  await opened.printer?.close();
  opened.sample?.close();
  if (opened.dir) fs.rmSync(opened.dir, { recursive: true, force: true });
}
