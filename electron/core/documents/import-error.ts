import { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';

/** Why a file or a bibliography could not be imported. The UI can branch on it; the message is for the user. */
export type ImportFailureReason =
  | 'empty-file'
  | 'unsupported-type'
  | 'too-large'
  | 'corrupt'
  | 'encrypted'
  | 'no-text'
  | 'malformed-bibliography';

/**
 * An import that failed because of the file itself. Crosses the API as VALIDATION_FAILED; `message` is one sentence
 * that names the file, says what is wrong and what to do.
 */
export class ImportError extends ApiError {
  readonly reason: ImportFailureReason;
  readonly fileName: string;

  constructor(reason: ImportFailureReason, fileName: string, message: string, options?: { cause?: unknown }) {
    super('VALIDATION_FAILED', message, options);
    this.name = 'ImportError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

/** The name shown to the user: the last path segment, whichever separator the caller used. */
export function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.trim() === '' ? 'unnamed file' : base;
}

/** The error thrown when the caller's AbortSignal fires. */
export function cancelledError(fileName: string): ApiError {
  return localError('CONFLICT', 'errorsImport.importCancelledShort', { file: displayName(fileName) });
}
