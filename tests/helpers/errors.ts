import { ApiError } from '../../electron/contract/errors';

/** The ApiError a call throws; fails the test if it throws nothing or something else. */
export function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
