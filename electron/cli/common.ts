/** What every command shares: argument parsing, usage errors, opening a project (with the app's lock to write). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError, type CatalogueText } from '../contract/errors';
import { localError } from '../contract/i18n/format';
import { acquireLock, type ProjectLock } from '../core/lock';
import { Project } from '../core/project';
import { andList, cliText, say, type CliKey, type CliValues } from './say';

/** A mistake in how the command was called (exit status 2): a catalogue sentence, printed in the run's language. */
export class UsageError extends Error {
  readonly text: CatalogueText;

  constructor(key: CliKey, values?: CliValues) {
    const { message, text } = cliText(key, values);
    super(message);
    this.text = text;
  }
}

/** Node's parseArgs says what is wrong in English only: its error code and the option it quotes make our sentence. */
function parseError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const option = quoted.split(/[ ,]/)[0] ?? quoted;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError('unexpectedArgument', { argument: quoted });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(/argument missing/.test(message) ? 'optionNeedsValue' : 'optionTakesNoValue', { option });
  return new UsageError('unexpected', { said: message.split('\n')[0] ?? message });
}

export type Command = (args: string[]) => void | Promise<void>;

/** Every command that opens a project takes --passphrase-file (never the passphrase itself: it would land in the shell history). */
const COMMON = { 'passphrase-file': { type: 'string' } } as const;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseError(error);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError('unexpectedArgument', { argument: parsed.positionals[positionals] ?? '' });
  }
  return parsed;
}

export function readPassphrase(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError('passphraseUnreadable', { code: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  // One trailing newline (as editors and `echo` write it) is not part of the passphrase.
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new UsageError('passphraseEmpty');
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
      throw localError('PROJECT_IN_USE', 'cli.projectInUse', { file: path.basename(absolute), web: '"npm run web"', readers: andList(['info', 'matrix', 'search', 'check', 'export']) });
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
    process.stderr.write(`${say('migrated', { file: path.basename(project.path), from: migration.from, to: migration.to, backup: migration.backup })}\n`);
  }
  return project;
}

/** A command that writes: on storage that cannot be written, say that nothing was done and what to do instead. */
export function openForWriting(file: string, values: { 'passphrase-file'?: string | boolean | undefined }, done = 'imported'): Project {
  try {
    return openProject(file, values, false);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'READ_ONLY') {
      throw localError('READ_ONLY', 'cli.readOnly', { file: path.basename(file), done, readers: 'info, search, export, check' }, { cause: error });
    }
    throw error;
  }
}

export function requireFile(positionals: string[], what: 'giveProjectFile' | 'giveNewFile' = 'giveProjectFile'): string {
  const file = positionals[0];
  if (!file) throw new UsageError(what, { file: what === 'giveNewFile' ? 'FILE.comparanda' : 'FILE' });
  return file;
}

