/**
 * The interface language for the whole renderer. On first run it follows the system (Electron's locale reaches the
 * page as navigator.languages; in web mode the browser's); a choice made in the app is kept in the preferences of
 * this installation and applies at once, without a restart.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { catalogue } from '../../../electron/contract/i18n/catalogue';
import {
  isDisplayLanguage,
  languageFromLocales,
  LANGUAGE_TAGS,
  PSEUDO_LANGUAGE,
  type DisplayLanguage,
  type Language,
} from '../../../electron/contract/i18n/languages';
import { api } from '../api';
import { setCurrentLanguage } from './current';
import { LanguageContext, type LanguageState } from './language-context';

function systemLanguage(): Language {
  return languageFromLocales(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** `?lang=en-XA` (or ru, kk) overrides everything: the layout tests' pseudo-locale, never a user setting. */
function forcedLanguage(): DisplayLanguage | null {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return isDisplayLanguage(asked) ? asked : null;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Language | null>(null);
  const forced = useState(forcedLanguage)[0];
  const system = useState(systemLanguage)[0];

  useEffect(() => {
    let live = true;
    // Before a web session starts the call is refused; the system's language holds until then.
    api['settings.get']({}).then(
      (settings) => {
        if (live) setChosen(settings.language);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const choose = useCallback(async (language: Language | null) => {
    const settings = await api['settings.setLanguage']({ language });
    setChosen(settings.language);
  }, []);

  const language: DisplayLanguage = forced ?? chosen ?? system;
  // Set during render, not in an effect: a call failing in a child's first effect already speaks the language.
  setCurrentLanguage(language);
  const state = useMemo<LanguageState>(() => ({ language, chosen, system, choose }), [language, chosen, system, choose]);

  useEffect(() => {
    document.documentElement.lang = language === PSEUDO_LANGUAGE ? 'en' : LANGUAGE_TAGS[language];
  }, [language]);

  return (
    <LanguageContext.Provider value={state}>
      <IntlProvider locale={LANGUAGE_TAGS[language]} defaultLocale="en-GB" messages={catalogue(language)}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}
