/**
 * Opening a project by path, safely: an encrypted file leads to the unlock screen (never a bare error), and a file
 * open in another window or process, or on a drive or folder that cannot be written, is offered read-only.
 */
import { useCallback, useRef, useState } from 'react';
import type { ApiInput, ProjectSummary } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';
import { requestUnlock } from './unlock-request';

export interface OpenProject {
  /** Resolves to the opened project, or undefined (see `error`; an encrypted file shows the unlock screen). */
  run: (input: ApiInput<'project.open'>) => Promise<ProjectSummary | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
  /** For the error's alert: "Open read-only" when the file is in use elsewhere or cannot be written where it is. */
  errorAction: { actionLabel?: string; onAction?: () => void };
}

/** project.open for the empty state and the recent list; `onOpened` runs after an open that needed a second step. */
export function useOpenProject(onOpened: () => void): OpenProject {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const last = useRef<ApiInput<'project.open'> | null>(null);

  const attempt = useCallback(async (input: ApiInput<'project.open'>) => {
    last.current = input;
    setPending(true);
    setError(undefined);
    try {
      return await api['project.open'](input);
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.code === 'PASSPHRASE_REQUIRED') requestUnlock(input.path);
      else setError(failure);
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);

  const openReadOnly = useCallback(async () => {
    if (!last.current) return;
    const opened = await attempt({ ...last.current, readonly: true });
    if (opened) onOpened();
  }, [attempt, onOpened]);

  const clearError = useCallback(() => setError(undefined), []);
  const errorAction = error?.code === 'PROJECT_IN_USE' || error?.code === 'READ_ONLY' ? { actionLabel: 'Open read-only', onAction: () => void openReadOnly() } : {};
  return { run: attempt, pending, error, clearError, errorAction };
}
