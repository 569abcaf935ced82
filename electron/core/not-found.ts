import { ApiError } from '../contract/errors';

/** The one sentence for a record that was removed meanwhile (another window, an undo). */
export function notFound(what: string): ApiError {
  return new ApiError('NOT_FOUND', `That ${what} no longer exists in this project. Reload and try again.`);
}
