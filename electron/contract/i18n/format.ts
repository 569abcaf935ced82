/**
 * Formats a message outside React (Electron's menus and dialogs, the CLI, error messages made in the core), with
 * the same ICU MessageFormat engine react-intl uses in the renderer.
 */
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { catalogue, type MessageId } from './catalogue';
import { LANGUAGE_TAGS, type DisplayLanguage } from './languages';

export type MessageValues = Record<string, PrimitiveType>;

const formats = new Map<string, IntlMessageFormat>();

export function formatMessage(language: DisplayLanguage, id: MessageId, values?: MessageValues): string {
  const key = `${language}\u0000${id}`;
  let format = formats.get(key);
  if (!format) {
    format = new IntlMessageFormat(catalogue(language)[id], LANGUAGE_TAGS[language]);
    formats.set(key, format);
  }
  return String(format.format(values));
}

/** A formatter bound to one language, for code that formats many messages. */
export function translator(language: DisplayLanguage): (id: MessageId, values?: MessageValues) => string {
  return (id, values) => formatMessage(language, id, values);
}
