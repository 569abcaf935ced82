/**
 * Formats a message outside React (Electron's menus and dialogs, the CLI, error messages made in the core), with
 * the same ICU MessageFormat engine react-intl uses in the renderer.
 */
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { ApiError, type CatalogueText, type ErrorCode } from '../errors';
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

function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(catalogue('en'), id);
}

/** A catalogue message with its arguments, to travel to a client that shows it in its own language (jobs' progress). */
export interface LocalText {
  id: MessageId;
  values?: Record<string, string | number>;
}

/** The English sentence (logs, the command line) and the catalogue entry (every client's language) of a message. */
export function localText(text: LocalText): { message: string; text: CatalogueText } {
  return { message: formatMessage('en', text.id, text.values), text: text.values ? { id: text.id, values: text.values } : { id: text.id } };
}

/**
 * An API error whose sentence comes from the catalogue: its English text is the error's message (logs, old
 * clients), and every client that knows the catalogue shows it in its own language.
 */
export function localError(code: ErrorCode, id: MessageId, values?: Record<string, string | number>, options?: { cause?: unknown }): ApiError {
  return new ApiError(code, formatMessage('en', id, values), { cause: options?.cause, text: values ? { id, values } : { id } });
}

/** An error's sentence in a language: from the catalogue when it has an entry there, else the English message. */
export function errorText(language: DisplayLanguage, error: { message: string; text?: CatalogueText | undefined }): string {
  const text = error.text;
  if (!text || !isMessageId(text.id)) return error.message;
  try {
    return formatMessage(language, text.id, text.values);
  } catch {
    // Arguments an older or newer sender shaped differently: its own English sentence is still right.
    return error.message;
  }
}
