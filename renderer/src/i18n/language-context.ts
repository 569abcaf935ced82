import { createContext, useContext } from 'react';
import type { DisplayLanguage, Language } from '../../../electron/contract/i18n/languages';

export interface LanguageState {
  /** The language the interface shows now. */
  language: DisplayLanguage;
  /** The user's choice; null while the interface follows the system. */
  chosen: Language | null;
  /** The system's language, as the browser or Electron reports it. */
  system: Language;
  choose(language: Language | null): Promise<void>;
}

export const LanguageContext = createContext<LanguageState | null>(null);

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage needs an I18nProvider above it.');
  return state;
}
