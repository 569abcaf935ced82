/**
 * The interface language outside React: the API client turns an error's catalogue entry into a sentence in it, so
 * every place that shows an error's message shows it in the user's language. The I18nProvider keeps it current.
 */
import { setDateProblemLanguage } from '../../../electron/contract/dates';
import type { DisplayLanguage } from '../../../electron/contract/i18n/languages';
import { installKazakhNumbers } from './numbers';

// Before the first number is formatted: react-intl keeps the formatters it makes.
installKazakhNumbers();

let current: DisplayLanguage = 'en';
// The date fields' own check (contract/dates.ts) speaks the interface's language too.
setDateProblemLanguage(() => current);

export function currentLanguage(): DisplayLanguage {
  return current;
}

export function setCurrentLanguage(language: DisplayLanguage): void {
  current = language;
}
