/**
 * The language of the command line's messages: `--language en|ru|kk` wherever it stands, else the locale the
 * environment asks for (LC_ALL, LC_MESSAGES, LANG, in POSIX order of precedence), else English.
 */
import { isLanguage, LANGUAGES, languageFromLocales, type Language } from '../contract/i18n/languages';
import { UsageError } from './common';
import { orList } from './say';

/**
 * Commands whose own options include `--language` (an export's fixed words, a new project's framework and status
 * names): the flag stays in their arguments.
 */
const OWN_LANGUAGE_OPTION = new Set(['export', 'new']);

export interface LanguageChoice {
  language: Language;
  /** The arguments the command parses: the flag removed unless the command reads it too. */
  args: string[];
}

export function chooseLanguage(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): LanguageChoice {
  let flag: Language | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^--language=(.*)$/.exec(arg);
    if (arg === '--language' || inline) {
      const value = inline ? inline[1] : args[i + 1];
      if (!inline) i++;
      if (!isLanguage(value)) throw new UsageError('languageFlag', { option: '--language', allowed: orList(LANGUAGES), value: JSON.stringify(value ?? '') });
      flag = value;
      if (OWN_LANGUAGE_OPTION.has(command)) rest.push('--language', value);
      continue;
    }
    rest.push(arg);
  }
  return { language: flag ?? environmentLanguage(env), args: rest };
}

/** The language the environment asks for. The first that is set decides, as in POSIX: LC_ALL=C means English even under a Russian LANG. */
export function environmentLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return languageFromLocales([env.LC_ALL || env.LC_MESSAGES || env.LANG]);
}
