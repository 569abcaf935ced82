/**
 * Fields that save themselves: what is typed lives in the save queue (see save-queue.ts) until the back end has it,
 * so it survives a failed save, a re-render or moving to another cell.
 */
import { useCallback, useId, type ChangeEvent, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useDraft, useFieldError, useServices } from '../workbench-context';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';

export interface AutoSave<T> {
  saveKey: string;
  /** Where the field is, named in the title bar if its save fails. */
  where?: string | undefined;
  /** What the back end holds. */
  value: T;
  send: (value: T) => Promise<unknown>;
  onSaved?: ((result: unknown) => void | Promise<void>) | undefined;
  validate?: ((value: T) => string | null) | undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** The value to show (draft or stored), a setter that queues the save, and `flush` for blur. */
export function useAutoSave<T>({ saveKey, where, value, send, onSaved, validate }: AutoSave<T>) {
  const { queue } = useServices();
  const draft = useDraft<T>(saveKey);
  const error = useFieldError(saveKey);
  const shown = draft !== undefined ? draft : value;
  const set = useCallback(
    (next: T, options: { immediate?: boolean } = {}) => {
      const request = { key: saveKey, where, value: next, send, onSaved, validate };
      if (sameValue(next, value)) queue.revert(request);
      else queue.edit(request, options);
    },
    [queue, saveKey, where, value, send, onSaved, validate],
  );
  const flush = useCallback(() => {
    void queue.flush();
  }, [queue]);
  return { shown, set, flush, error };
}

interface FieldProps<T> extends AutoSave<T> {
  label: string;
  /** Label shown visually (false: only for assistive technology). */
  showLabel?: boolean;
  placeholder?: string;
  className?: string;
  hint?: ReactNode;
}

export function AutoTextField({
  label,
  showLabel = true,
  placeholder,
  className,
  hint,
  inputMode,
  ...save
}: FieldProps<string> & { inputMode?: 'text' | 'numeric' }) {
  const id = useId();
  const { shown, set, flush, error } = useAutoSave(save);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={showLabel ? 'field-label' : 'visually-hidden'}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        type="text"
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        value={shown}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => set(e.target.value)}
        onBlur={flush}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint">{hint}</p>
      ) : null}
    </div>
  );
}

export function AutoTextArea({
  label,
  showLabel = true,
  placeholder,
  className,
  hint,
  rows = 3,
  textareaProps,
  ...save
}: FieldProps<string> & { rows?: number; textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  const id = useId();
  const { shown, set, flush, error } = useAutoSave(save);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={showLabel ? 'field-label' : 'visually-hidden'}>
        {label}
      </label>
      <textarea
        id={id}
        className="text-area"
        rows={rows}
        value={shown}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        onChange={(e) => set(e.target.value)}
        onBlur={flush}
        {...textareaProps}
      />
      {error ? <p className="field-error">{error}</p> : hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}

export const requireText = (what: string) => (value: string) => (value.trim() === '' ? formatMessage(currentLanguage(), 'shell.cannotBeEmpty', { what }) : null);
