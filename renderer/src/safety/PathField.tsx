import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { api, toApiError, transportKind } from '../api';
import { useT } from '../i18n/use-t';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface ChooseFileRequest {
  mode: 'open' | 'save';
  title: string;
  filters: FileFilter[];
  defaultName?: string | undefined;
}

/** Whether this window can show the desktop's own file dialogs (the browser cannot: it asks for a path instead). */
export const CAN_CHOOSE_FILES = transportKind === 'ipc';

/** Asks the desktop for a file; null when the user cancelled or the window cannot show a dialog. */
export async function chooseFile(request: ChooseFileRequest): Promise<string | null> {
  if (!CAN_CHOOSE_FILES) return null;
  try {
    const { path } = await api['host.chooseFile'](request);
    return path;
  } catch (error) {
    if (toApiError(error).code === 'UNSUPPORTED') return null;
    throw error;
  }
}

interface PathFieldProps extends ChooseFileRequest {
  label: string;
  value: string;
  onChange: (path: string) => void;
  placeholder?: string | undefined;
  hint?: ReactNode;
  error?: string | null | undefined;
  disabled?: boolean | undefined;
  autoFocus?: boolean | undefined;
}

/**
 * A file's path: typed (the browser has no file dialog, and typing is quicker for those who know where), or picked
 * with the desktop's dialog through "Choose…".
 */
export function PathField({ label, value, onChange, placeholder, hint, error, disabled, autoFocus, ...request }: PathFieldProps) {
  const t = useT();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement | null>(null);

  // A long path shows its end (the file's name) unless the user is editing it.
  useLayoutEffect(() => {
    const element = input.current;
    if (element && document.activeElement !== element) element.scrollLeft = element.scrollWidth;
  }, [value]);

  const choose = async () => {
    setProblem(null);
    try {
      const picked = await chooseFile(request);
      if (picked) onChange(picked);
    } catch (caught) {
      setProblem(toApiError(caught).message);
    }
  };

  const message = error ?? problem;
  return (
    <div className="field path-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="path-row">
        <input
          id={id}
          ref={input}
          className="text-input path-input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          autoFocus={autoFocus}
          aria-invalid={message ? true : undefined}
          aria-describedby={message || hint ? `${id}-note` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {CAN_CHOOSE_FILES ? (
          <button type="button" className="button" onClick={() => void choose()} disabled={disabled}>
            {t('safety.choose')}
          </button>
        ) : null}
      </div>
      {message ? (
        <p id={`${id}-note`} className="field-error">
          {message}
        </p>
      ) : hint ? (
        <p id={`${id}-note`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
