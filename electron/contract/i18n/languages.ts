/**
 * The interface languages. Kazakh is written in Cyrillic (the script of the laws, the press and the observers'
 * Russian-language reports the app's users read; the Latin alphabet of 2021 is not yet in general use).
 */
export const LANGUAGES = ['en', 'ru', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A pseudo-locale for layout tests only: English with accented letters and 40% more length, so clipped or
 * overflowing text shows up without knowing Russian or Kazakh. Never offered to users.
 */
export const PSEUDO_LANGUAGE = 'en-XA';
export type DisplayLanguage = Language | typeof PSEUDO_LANGUAGE;

/** Each language's own name, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

/** The BCP 47 tag Intl and citeproc are given for a language. */
export const LANGUAGE_TAGS: Record<DisplayLanguage, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ', 'en-XA': 'en-XA' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isDisplayLanguage(value: unknown): value is DisplayLanguage {
  return value === PSEUDO_LANGUAGE || isLanguage(value);
}

/**
 * The first of the system's preferred languages that Comparanda has, by primary subtag ("ru-KZ" → ru, "kk" → kk);
 * English when none matches. POSIX values from the environment ("ru_RU.UTF-8", "C") are read too.
 */
export function languageFromLocales(locales: readonly (string | undefined | null)[]): Language {
  for (const locale of locales) {
    if (!locale) continue;
    const primary = locale.trim().toLowerCase().split(/[-_.@]/)[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The language of the words written into a project (a new framework's names): the pseudo-locale writes English. */
export function contentLanguage(language: DisplayLanguage): Language {
  return language === PSEUDO_LANGUAGE ? 'en' : language;
}
