import { useId, useState, type Ref } from 'react';

export const MIN_PASSPHRASE = 10;

interface PassphraseInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean | undefined;
  invalid?: boolean | undefined;
  describedBy?: string | undefined;
  autoComplete?: 'current-password' | 'new-password';
  inputRef?: Ref<HTMLInputElement> | undefined;
  disabled?: boolean | undefined;
}

/** A masked passphrase field with a Show/Hide toggle (for checking a long passphrase before pressing Enter). */
export function PassphraseInput({ label, value, onChange, autoFocus, invalid, describedBy, autoComplete = 'current-password', inputRef, disabled }: PassphraseInputProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="passphrase-row">
        <input
          id={id}
          ref={inputRef}
          className="text-input passphrase-input"
          type={shown ? 'text' : 'password'}
          value={value}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          disabled={disabled}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        <button
          type="button"
          className="button passphrase-toggle"
          aria-pressed={shown}
          aria-label={shown ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
          onClick={() => setShown((s) => !s)}
          disabled={disabled}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
    </div>
  );
}

export interface Strength {
  level: 0 | 1 | 2 | 3;
  text: string;
}

/** A plain hint, not a score: length and the number of words are what make a passphrase hard to guess. */
export function passphraseStrength(value: string): Strength {
  const length = [...value].length;
  const words = value.trim() === '' ? 0 : value.trim().split(/[\s\-_.,;]+/).filter(Boolean).length;
  if (length === 0) return { level: 0, text: 'Several words are best: four or more unrelated words, easy to type, hard to guess.' };
  if (length < MIN_PASSPHRASE) return { level: 0, text: `Too short: at least ${MIN_PASSPHRASE} characters. Several words are best.` };
  if (words >= 4 && length >= 20) return { level: 3, text: `Strong: ${words} words.` };
  if (words >= 3 || length >= 18) return { level: 2, text: 'Fair. Another word or two makes it much stronger.' };
  return { level: 1, text: 'Weak. Several words are best, e.g. four unrelated words.' };
}

export interface NewPassphrase {
  first: string;
  second: string;
}

/** Null when the new passphrase can be used; otherwise why not (shown under the fields). */
export function newPassphraseProblem({ first, second }: NewPassphrase): string | null {
  if ([...first].length < MIN_PASSPHRASE) return `Use a passphrase of at least ${MIN_PASSPHRASE} characters (several words are best).`;
  if (first !== second) return 'The two passphrases differ. Type the same one twice.';
  return null;
}

interface NewPassphraseFieldsProps {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  /** Show the mismatch/too-short sentence (after the user tried to submit, or once both fields are filled). */
  showProblem: boolean;
  labels?: { first: string; second: string };
  autoFocus?: boolean;
}

/** A new passphrase, typed twice, with a strength hint and the warning that nothing can recover it. */
export function NewPassphraseFields({ value, onChange, showProblem, labels = { first: 'Passphrase', second: 'Repeat the passphrase' }, autoFocus }: NewPassphraseFieldsProps) {
  const id = useId();
  const strength = passphraseStrength(value.first);
  const problem = newPassphraseProblem(value);
  const visibleProblem = showProblem || (value.second.length >= value.first.length && value.second.length > 0) ? problem : null;
  return (
    <div className="new-passphrase">
      <PassphraseInput
        label={labels.first}
        value={value.first}
        onChange={(first) => onChange({ ...value, first })}
        autoComplete="new-password"
        autoFocus={autoFocus}
        describedBy={`${id}-strength`}
        invalid={visibleProblem !== null && [...value.first].length < MIN_PASSPHRASE}
      />
      <div className="strength" id={`${id}-strength`} data-level={strength.level}>
        <span className="strength-meter" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span className="strength-text">{strength.text}</span>
      </div>
      <PassphraseInput
        label={labels.second}
        value={value.second}
        onChange={(second) => onChange({ ...value, second })}
        autoComplete="new-password"
        invalid={visibleProblem !== null && value.first !== value.second}
      />
      {visibleProblem ? (
        <p className="field-error" role="status">
          {visibleProblem}
        </p>
      ) : null}
      <p className="no-recovery">
        <strong>There is no recovery.</strong> If the passphrase is lost, nothing in the project can be read again — not by you, not by
        Comparanda. Write it down somewhere safe, apart from the laptop.
      </p>
    </div>
  );
}
