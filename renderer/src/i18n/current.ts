/**
 * The interface language outside React: the API client turns an error's catalogue entry into a sentence in it, so
 * every place that shows an error's message shows it in the user's language. The I18nProvider keeps it current.
 */
import type { DisplayLanguage } from '../../../electron/contract/i18n/languages';

let current: DisplayLanguage = 'en';

export function currentLanguage(): DisplayLanguage {
  return current;
}

export function setCurrentLanguage(language: DisplayLanguage): void {
  current = language;
}
