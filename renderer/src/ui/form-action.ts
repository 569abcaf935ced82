import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/contract/errors';
import { toApiError } from '../api';

/**
 * A dialog's submit: the form's default is prevented, the button shows it is pending, and a failure becomes the
 * ApiError the dialog shows (cleared when it is tried again).
 */
export function useFormAction(): { pending: boolean; error: ApiError | undefined; submit: (action: () => Promise<void>) => (event: FormEvent) => Promise<void> } {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const submit = (action: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };
  return { pending, error, submit };
}
