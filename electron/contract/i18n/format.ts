/**
 * Formats a message outside React (Electron's menus and dialogs, the CLI, error messages made in the core), with
 * the same ICU MessageFormat engine react-intl uses in the renderer.
 */
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { ApiError, type CatalogueText, type ErrorCode, type TextValue } from '../errors';
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
  values?: Record<string, TextValue>;
}

/** The English sentence (logs, the command line) and the catalogue entry (every client's language) of a message. */
export function localText({ id, values }: LocalText): { message: string; text: CatalogueText } {
  const text = textOf(id, values);
  return { message: formatText('en', text), text };
}

/** A message with its arguments, to be formatted later in the reader's language (an argument of another message). */
export function textOf(id: MessageId, values?: Record<string, TextValue>): CatalogueText {
  return values ? { id, values } : { id };
}

/** A catalogue text in a language, its nested messages formatted first; throws on an id the catalogue lacks. */
export function formatText(language: DisplayLanguage, text: CatalogueText): string {
  if (!isMessageId(text.id)) throw new Error(`No message ${text.id} in the catalogue.`);
  if (!text.values) return formatMessage(language, text.id);
  const flat: MessageValues = {};
  for (const [key, value] of Object.entries(text.values)) flat[key] = flatValue(language, value);
  return formatMessage(language, text.id, flat);
}

function flatValue(language: DisplayLanguage, value: TextValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return (value as readonly CatalogueText[]).map((v) => formatText(language, v)).join('; ');
  if ('lines' in value) return value.lines.map((line) => (typeof line === 'string' ? line : formatText(language, line))).join('\n');
  return formatText(language, value as CatalogueText);
}

/**
 * An API error whose sentence comes from the catalogue: its English text is the error's message (logs, old
 * clients), and every client that knows the catalogue shows it in its own language.
 */
export function localError(code: ErrorCode, id: MessageId, values?: Record<string, TextValue>, options?: { cause?: unknown }): ApiError {
  const said = localText({ id, values });
  return new ApiError(code, said.message, { cause: options?.cause, text: said.text });
}

/** The same for a message made elsewhere (a zod issue's, a nested part's). */
export function textError(code: ErrorCode, text: CatalogueText, options?: { cause?: unknown }): ApiError {
  return new ApiError(code, formatText('en', text), { cause: options?.cause, text });
}

/** An error's sentence in a language: from the catalogue when it has an entry there, else the English message. */
export function errorText(language: DisplayLanguage, error: { message: string; text?: CatalogueText | undefined }): string {
  const text = error.text;
  if (!text || !isMessageId(text.id)) return error.message;
  try {
    return formatText(language, text);
  } catch {
    // Arguments an older or newer sender shaped differently: its own English sentence is still right.
    return error.message;
  }
}
