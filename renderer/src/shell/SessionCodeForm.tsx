import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/contract/errors';
import { startWebSession, toApiError } from '../api';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';

/**
 * The browser's first step with `npm run web`: the one-time code printed next to the address. It is typed here, not
 * carried in the address, because a browser keeps every address it visits on disk.
 */
export function SessionCodeForm({ onStarted }: { onStarted: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    startWebSession(code).then(
      () => {
        // Nothing of the code is kept in the page either.
        setCode('');
        setPending(false);
        onStarted();
      },
      (caught: unknown) => {
        setPending(false);
        setError(toApiError(caught));
      },
    );
  };

  return (
    <main className="empty-state" aria-labelledby="session-title">
      <h1 id="session-title" className="empty-title">
        {t('access.sessionTitle')}
      </h1>
      <p className="empty-lede">{t('access.sessionLede', { command: 'npm run web' })}</p>
      <form className="open-form" onSubmit={onSubmit}>
        <label htmlFor="session-code" className="visually-hidden">
          {t('access.sessionCode')}
        </label>
        <input
          id="session-code"
          className="text-input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          autoFocus
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="button" disabled={pending || code.trim() === ''}>
          {t('access.start')}
        </button>
      </form>
      {error ? <InlineAlert message={error.message} /> : null}
    </main>
  );
}
