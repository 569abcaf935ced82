/** What every command shares: argument parsing, usage errors, opening a project (with the app's lock to write). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError } from '../contract/errors';
import { acquireLock, type ProjectLock } from '../core/lock';
import { Project } from '../core/project';

export class UsageError extends Error {}

export type Command = (args: string[]) => void | Promise<void>;

/** Every command that opens a project takes --passphrase-file (never the passphrase itself: it would land in the shell history). */
const COMMON = { 'passphrase-file': { type: 'string' } } as const;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`);
  }
  return parsed;
}

export function readPassphrase(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`The passphrase file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  // One trailing newline (as editors and `echo` write it) is not part of the passphrase.
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new UsageError('The passphrase file is empty.');
  return passphrase;
}

/** Locks this command took, released when it ends (whatever way it ends). */
export const heldLocks: ProjectLock[] = [];

/**
 * A command that writes takes the same lock as the app and `npm run web`: two writers would each keep their own
 * undo history over rows the other changes. Reading commands need no lock (SQLite's WAL lets them read alongside).
 */
function lockForWriting(file: string): void {
  const absolute = path.resolve(file);
  if (!fs.existsSync(absolute)) return; // opening says what is wrong
  try {
    const lock = acquireLock(absolute);
    if (lock) heldLocks.push(lock);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'PROJECT_IN_USE') {
      throw new ApiError(
        'PROJECT_IN_USE',
        `"${path.basename(absolute)}" is open in Comparanda (a window, "npm run web" or another command), so this command would write beside it. Close it there, then run this command again; info, matrix, search, check and export only read it and work meanwhile.`,
      );
    }
    throw error;
  }
}

export function openProject(file: string, values: { 'passphrase-file'?: string | boolean | undefined }, readonly: boolean, asIs = false): Project {
  const passphraseFile = values['passphrase-file'];
  if (!readonly) lockForWriting(file);
  const project = Project.open(file, { readonly, asIs, passphrase: readPassphrase(typeof passphraseFile === 'string' ? passphraseFile : undefined) });
  // On stderr, so that --json output stays clean: the researcher learns that the file changed format, and where its copy is.
  const migration = project.migration;
  if (migration) {
    process.stderr.write(`Updated ${path.basename(project.path)} from project format ${migration.from} to ${migration.to}; a copy of it as it was is in ${migration.backup}\n`);
  }
  return project;
}

/** A command that writes: on storage that cannot be written, say that nothing was done and what to do instead. */
export function openForWriting(file: string, values: { 'passphrase-file'?: string | boolean | undefined }, done = 'imported'): Project {
  try {
    return openProject(file, values, false);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'READ_ONLY') {
      throw new ApiError(
        'READ_ONLY',
        `"${path.basename(file)}" cannot be written (the file, its folder or the drive is read-only), so nothing was ${done}. Copy it to a folder you can write to and ${done === 'imported' ? 'import' : 'run the command'} there; reading commands (info, search, export, check) work where it is.`,
        { cause: error },
      );
    }
    throw error;
  }
}

export function requireFile(positionals: string[], what = 'a project FILE'): string {
  const file = positionals[0];
  if (!file) throw new UsageError(`Give ${what}.`);
  return file;
}

