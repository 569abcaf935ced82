import { useId, useState, type Ref } from 'react';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { MessageValues } from '../../../electron/contract/i18n/format';
import { useLanguage } from '../i18n/language-context';
import { Msg } from '../i18n/Msg';
import { useT } from '../i18n/use-t';

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
  const t = useT();
  const { language } = useLanguage();
  // English runs the label into the sentence ("Show passphrase"); Russian and Kazakh set it after a colon as it is.
  const inSentence = language === 'en' ? label.toLowerCase() : label;
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
          aria-label={shown ? t('access.hideField', { field: inSentence }) : t('access.showField', { field: inSentence })}
          onClick={() => setShown((s) => !s)}
          disabled={disabled}
        >
          {shown ? t('access.hide') : t('access.show')}
        </button>
      </div>
    </div>
  );
}

/** A sentence from the catalogue, with its arguments: shown in the interface language where it is displayed. */
export interface Sentence {
  id: MessageId;
  values?: MessageValues;
}

export interface Strength {
  level: 0 | 1 | 2 | 3;
  text: Sentence;
}

/** A plain hint, not a score: length and the number of words are what make a passphrase hard to guess. */
export function passphraseStrength(value: string): Strength {
  const length = [...value].length;
  const words = value.trim() === '' ? 0 : value.trim().split(/[\s\-_.,;]+/).filter(Boolean).length;
  if (length === 0) return { level: 0, text: { id: 'access.strengthEmpty' } };
  if (length < MIN_PASSPHRASE) return { level: 0, text: { id: 'access.strengthShort', values: { min: MIN_PASSPHRASE } } };
  if (words >= 4 && length >= 20) return { level: 3, text: { id: 'access.strengthStrong', values: { words } } };
  if (words >= 3 || length >= 18) return { level: 2, text: { id: 'access.strengthFair' } };
  return { level: 1, text: { id: 'access.strengthWeak' } };
}

export interface NewPassphrase {
  first: string;
  second: string;
}

/** Null when the new passphrase can be used; otherwise why not (shown under the fields). */
export function newPassphraseProblem({ first, second }: NewPassphrase): Sentence | null {
  if ([...first].length < MIN_PASSPHRASE) return { id: 'access.problemShort', values: { min: MIN_PASSPHRASE } };
  if (first !== second) return { id: 'access.problemDiffer' };
  return null;
}

interface NewPassphraseFieldsProps {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  /** Show the mismatch/too-short sentence (after the user tried to submit, or once both fields are filled). */
  showProblem: boolean;
  /** The fields' labels; by default "Passphrase" and "Repeat the passphrase" in the interface language. */
  labels?: { first: string; second: string } | undefined;
  autoFocus?: boolean;
}

/** A new passphrase, typed twice, with a strength hint and the warning that nothing can recover it. */
export function NewPassphraseFields({ value, onChange, showProblem, labels: given, autoFocus }: NewPassphraseFieldsProps) {
  const t = useT();
  const labels = given ?? { first: t('access.passphrase'), second: t('access.repeatPassphrase') };
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
        <span className="strength-text">{t(strength.text.id, strength.text.values)}</span>
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
          {t(visibleProblem.id, visibleProblem.values)}
        </p>
      ) : null}
      <p className="no-recovery">
        <Msg id="access.noRecovery" />
      </p>
    </div>
  );
}
