import { ApiError } from '../../contract/errors';
import type { MessageId } from '../../contract/i18n/catalogue';
import { formatMessage, localError } from '../../contract/i18n/format';

/** Why a file or a bibliography could not be imported. The UI can branch on it; the message is for the user. */
export type ImportFailureReason =
  | 'empty-file'
  | 'unsupported-type'
  | 'too-large'
  | 'corrupt'
  | 'encrypted'
  | 'no-text'
  | 'malformed-bibliography';

/** The messages an ImportError may carry: the `errorsFiles` area of the catalogue. */
export type FileErrorId = Extract<MessageId, `errorsFiles.${string}`>;

/**
 * An import that failed because of the file itself. Crosses the API as VALIDATION_FAILED; its sentence names the
 * file, says what is wrong and what to do. `message` is the English sentence (logs, tests); `text` carries the
 * catalogue entry and its arguments, so each client writes the sentence in its own language.
 */
export class ImportError extends ApiError {
  readonly reason: ImportFailureReason;
  readonly fileName: string;

  constructor(reason: ImportFailureReason, fileName: string, id: FileErrorId, values: Record<string, string | number>, options?: { cause?: unknown }) {
    super('VALIDATION_FAILED', formatMessage('en', id, values), { cause: options?.cause, text: { id, values } });
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

/**
 * A size in bytes as the `errorsFiles` messages take it: `{name}` the number in its unit, `{nameUnit}` GB, MB, KB
 * or B, so that each language writes the number and the unit its own way ("8.0 MB", "8,0 МБ"). Archives keep one
 * decimal for GB and MB and round KB; documents round both MB and KB to one decimal, which the message drops when
 * it is zero.
 */
export function sizeArgs(name: string, bytes: number, style: 'archive' | 'document'): Record<string, string | number> {
  const unit = style === 'archive' && bytes >= 1024 ** 3 ? 'GB' : bytes >= 1024 ** 2 ? 'MB' : bytes >= 1024 ? 'KB' : 'B';
  const scaled = bytes / 1024 ** { GB: 3, MB: 2, KB: 1, B: 0 }[unit];
  let value: number;
  if (unit === 'B') value = bytes;
  else if (style === 'document') value = Math.round(scaled * 10) / 10;
  else value = unit === 'KB' ? Math.round(scaled) : Number(scaled.toFixed(1));
  return { [name]: value, [`${name}Unit`]: unit };
}
