import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';
import { useT } from '../i18n/use-t';
import { TitleBar } from '../shell/TitleBar';
import { PassphraseInput } from './PassphraseFields';
import { basename, dirname } from './paths';
import { clearUnlock } from './unlock-request';
import './safety.css';

interface UnlockPageProps {
  path: string;
  /** The project is open now (or the user went back): ask again what is open. */
  onDone: () => void;
}

/** The whole window while it asks for an encrypted project's passphrase. */
export function UnlockPage({ path, onDone }: UnlockPageProps) {
  return (
    <div className="app">
      <TitleBar />
      <UnlockScreen
        key={path}
        path={path}
        onOpened={() => {
          clearUnlock();
          onDone();
        }}
        onCancel={() => {
          clearUnlock();
          onDone();
        }}
      />
    </div>
  );
}

interface UnlockScreenProps {
  path: string;
  onOpened: () => void;
  onCancel: () => void;
}

/**
 * Asks for the passphrase of an encrypted project. A wrong passphrase is said plainly and the field keeps what was
 * typed (selected, to type again); a project open elsewhere can still be opened read-only.
 */
export function UnlockScreen({ path, onOpened, onCancel }: UnlockScreenProps) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const input = useRef<HTMLInputElement | null>(null);

  const open = async (readonly: boolean) => {
    setPending(true);
    setError(undefined);
    try {
      await api['project.open']({ path, passphrase, ...(readonly ? { readonly: true } : {}) });
      onOpened();
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure);
      if (failure.code === 'WRONG_PASSPHRASE' || failure.code === 'VALIDATION_FAILED') {
        window.setTimeout(() => input.current?.select(), 0);
      }
    } finally {
      setPending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== '' && !pending) void open(false);
  };

  const wrong = error?.code === 'WRONG_PASSPHRASE';
  const inUse = error?.code === 'PROJECT_IN_USE';
  const cannotWrite = error?.code === 'READ_ONLY';
  const folder = dirname(path);

  return (
    <main
      className="unlock"
      aria-labelledby="unlock-title"
      data-testid="unlock-screen"
      onKeyDown={(event) => {
        // Escape goes back, as the Back button does.
        if (event.key === 'Escape' && !pending) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="unlock-body">
        <p className="eyebrow">{t('access.encryptedProject')}</p>
        <h1 id="unlock-title" className="unlock-title">
          {t('access.unlockTitle', { file: basename(path) })}
        </h1>
        {folder ? (
          <p className="unlock-path muted" title={path}>
            {t('access.inFolder', { folder })}
          </p>
        ) : null}
        <p className="unlock-lede">{t('access.unlockLede')}</p>
        <form className="unlock-form" onSubmit={submit}>
          <PassphraseInput
            label={t('access.passphrase')}
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value);
              if (wrong) setError(undefined);
            }}
            inputRef={input}
            autoFocus
            invalid={wrong}
            describedBy={error ? 'unlock-error' : undefined}
            disabled={pending}
          />
          {error ? (
            <div className={`unlock-message${wrong ? ' is-wrong' : ''}`} role="alert" id="unlock-error">
              <p>{error.message}</p>
              {inUse || cannotWrite ? (
                <p className="unlock-readonly">
                  <button type="button" className="button" onClick={() => void open(true)} disabled={pending}>
                    {t('access.openReadOnly')}
                  </button>
                  <span className="muted">
                    {inUse ? t('access.readOnlyInUse') : t('access.readOnlyCannotWrite')}
                  </span>
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="unlock-actions">
            <button type="button" className="button" onClick={onCancel} disabled={pending}>
              {t('access.back')}
            </button>
            <button type="submit" className="button button-primary" disabled={pending || passphrase === ''}>
              {pending ? t('access.opening') : t('access.open')}
            </button>
          </div>
        </form>
        <p className="unlock-note muted small">{t('access.caseSensitive')}</p>
      </div>
    </main>
  );
}
