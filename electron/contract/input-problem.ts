/**
 * What is wrong with an input the schemas refuse, as a catalogue message: the field (its path) and the kind of
 * problem (zod's issue code), not zod's English text, so that the sentence reads in the user's language.
 */
import type { z } from 'zod';
import type { CatalogueText } from './errors';
import { catalogue, messageIds, type MessageId } from './i18n/catalogue';
import { textOf } from './i18n/format';

type Issue = z.core.$ZodIssue;

const TYPES = new Set(['string', 'number', 'int', 'boolean', 'array', 'object', 'date']);

function limitOf(value: unknown): number | string {
  return typeof value === 'bigint' ? value.toString() : typeof value === 'number' ? value : String(value);
}

/** The schemas' own sentences (errorsSchema area), by their English text: the catalogue holds each one once. */
let schemaSentences: Map<string, CatalogueText> | undefined;

function schemaSentence(message: string): CatalogueText | undefined {
  if (!schemaSentences) {
    const english = catalogue('en');
    schemaSentences = new Map();
    for (const id of messageIds()) {
      if (id.startsWith('errorsSchema.') && !english[id].includes('{')) schemaSentences.set(english[id], textOf(id));
    }
    const locale: MessageId = 'errorsSchema.locale';
    schemaSentences.set(english[locale].replace('{example}', 'en-GB'), textOf(locale, { example: 'en-GB' }));
  }
  return schemaSentences.get(message);
}

export function inputProblem(issue: Issue | undefined): CatalogueText {
  if (issue?.code === 'custom' && isText(issue.params?.text)) return issue.params.text;
  const known = issue ? schemaSentence(issue.message) : undefined;
  if (known) return known;
  const field: string | CatalogueText = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : textOf('errorsCore.theInput');
  if (!issue) return textOf('errorsCore.fieldInvalid', { field });
  switch (issue.code) {
    case 'invalid_type':
      return textOf('errorsCore.fieldType', { field, expected: TYPES.has(issue.expected) ? issue.expected : 'other' });
    case 'too_big': {
      const origin = issue.origin === 'string' || issue.origin === 'array' ? issue.origin : 'other';
      return textOf('errorsCore.fieldTooLong', { field, origin, limit: limitOf(issue.maximum) });
    }
    case 'too_small': {
      const origin = issue.origin === 'string' || issue.origin === 'array' ? issue.origin : 'other';
      // "at least 1 character" is how a schema says "required": say it so.
      if (origin === 'string' && Number(issue.minimum) === 1) return textOf('errorsCore.fieldEmpty', { field });
      return textOf('errorsCore.fieldTooShort', { field, origin, limit: limitOf(issue.minimum) });
    }
    case 'invalid_format':
      return textOf('errorsCore.fieldFormat', { field, format: issue.format });
    case 'invalid_value':
      return textOf('errorsCore.fieldOneOf', { field, values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'unrecognized_keys':
      return textOf('errorsCore.fieldsUnknown', { field, keys: issue.keys.join(', ') });
    default:
      return textOf('errorsCore.fieldInvalid', { field });
  }
}

function isText(value: unknown): value is CatalogueText {
  return typeof value === 'object' && value !== null && typeof (value as CatalogueText).id === 'string';
}
