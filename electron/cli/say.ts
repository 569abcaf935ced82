/**
 * The words the command line writes itself, in the language chosen for the run (catalogue area `cli`). `run()` sets
 * the language once, before the command starts; everything below reads it from here, so that no command looks at
 * the environment again and a run never mixes two languages.
 */
import type { CatalogueText } from '../contract/errors';
import type { MessageId } from '../contract/i18n/catalogue';
import { formatMessage, localText, type MessageValues } from '../contract/i18n/format';
import { LANGUAGE_TAGS, type Language } from '../contract/i18n/languages';

type CliKeyOf<T> = T extends `cli.${infer K}` ? K : never;
export type CliKey = CliKeyOf<MessageId>;
export type CliValues = Record<string, string | number>;

let current: Language = 'en';

export function setCliLanguage(language: Language): void {
  current = language;
}

export function cliLanguage(): Language {
  return current;
}

export function say(key: CliKey, values?: MessageValues): string {
  return formatMessage(current, `cli.${key}`, values);
}

/** One line on stdout. */
export function print(key: CliKey, values?: MessageValues): void {
  process.stdout.write(`${say(key, values)}\n`);
}

/** "a, b or c" in the run's language (option values stay as typed; only the joining word is translated). */
export function orList(items: readonly string[]): string {
  return new Intl.ListFormat(LANGUAGE_TAGS[current], { type: 'disjunction' }).format(items);
}

/** "a, b and c" in the run's language. */
export function andList(items: readonly string[]): string {
  return new Intl.ListFormat(LANGUAGE_TAGS[current], { type: 'conjunction' }).format(items);
}

/** A number in the run's language ("12 345" in Russian). */
export function count(n: number): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[current]).format(n);
}

/**
 * A catalogue sentence for an error: its English text is the message (what a script or a log sees), and `run()`
 * prints it in the run's language.
 */
export function cliText(key: CliKey, values?: CliValues): { message: string; text: CatalogueText } {
  return localText({ id: `cli.${key}`, values });
}
