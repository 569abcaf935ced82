/**
 * What the app opens at launch: a project named on the command line (double-click in a file manager, a second
 * instance), the sample on first run, or the most recent project. Pure Node: no 'electron' import.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_FILE_NAME } from '../core/sample';

export const PROJECT_EXTENSION = '.comparanda';
export const PROJECTS_FOLDER_NAME = 'Comparanda';

export function hasProjectExtension(file: string): boolean {
  return file.toLowerCase().endsWith(PROJECT_EXTENSION);
}

/** Adds `.comparanda` when a save dialog returned a name without it (GTK dialogs do not add it). */
export function withProjectExtension(file: string): string {
  return hasProjectExtension(file) ? file : `${file}${PROJECT_EXTENSION}`;
}

/**
 * The project file named in a command line, resolved against the working directory of the process that received it.
 * Switches (`--foo`, `-psn_0_123` on macOS) and the app path are ignored; Linux desktop entries may pass `file://` URIs.
 * The last matching argument wins.
 */
export function projectFileFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  let found: string | null = null;
  for (const arg of argv.slice(1)) {
    if (!arg || arg.startsWith('-')) continue;
    let candidate = arg;
    if (/^file:\/\//i.test(candidate)) {
      try {
        candidate = fileURLToPath(candidate);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(candidate)) {
      continue;
    }
    if (!hasProjectExtension(candidate)) continue;
    found = path.resolve(workingDirectory, candidate);
  }
  return found;
}

/** Where the bundled sample project is written on first launch. */
export function sampleProjectPath(documentsDir: string): string {
  return path.join(documentsDir, PROJECTS_FOLDER_NAME, SAMPLE_FILE_NAME);
}

/** The data a second instance hands to the first (requestSingleInstanceLock's additionalData). */
export interface SecondInstanceData {
  file: string | null;
}

export function fileFromSecondInstanceData(data: unknown): string | null {
  if (data && typeof data === 'object' && 'file' in data) {
    const file = (data as { file: unknown }).file;
    if (typeof file === 'string' && path.isAbsolute(file) && hasProjectExtension(file)) return file;
  }
  return null;
}
