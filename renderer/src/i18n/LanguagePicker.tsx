import { useId } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../electron/contract/i18n/languages';
import { useLanguage } from './language-context';
import { useT } from './use-t';

/**
 * The interface language: the system's, or one of the three. Each language is named in itself (a Kazakh assistant
 * on an English system finds "Қазақша"), and the choice applies at once.
 */
export function LanguagePicker() {
  const t = useT();
  const { chosen, system, choose } = useLanguage();
  const id = useId();
  return (
    <span className="language-picker">
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        className="native-select"
        value={chosen ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          void choose(value === '' ? null : (value as Language));
        }}
      >
        <option value="">{t('common.followSystem', { language: LANGUAGE_NAMES[system] })}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
