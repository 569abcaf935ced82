import type { ApiError } from '../contract/errors';
import { localError } from '../contract/i18n/format';

/** The one sentence for a record that was removed meanwhile (another window, an undo). */
export function notFound(what: string): ApiError {
  return localError('NOT_FOUND', 'errors.recordGone', { what, kind: what.replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase()) });
}
