/**
 * The one calendar check for every date a user or a file gives (API, CSV, REFI-QDA, the dialogs): a record's date may
 * be a year, a month or a day, and a day must exist. A shape check alone let "2015-02-30" through, and the exports then
 * printed "30 Feb 2015".
 */

import type { CatalogueText } from './errors';
import { formatText, textOf } from './i18n/format';
import type { DisplayLanguage } from './i18n/languages';

export const DATE_FORMAT_MESSAGE = 'A date is YYYY, YYYY-MM or YYYY-MM-DD.';

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// The clause stands in a CSV's list of bad rows as it is, and as a sentence everywhere else.
const sentence = (problem: CatalogueText): CatalogueText => textOf('errorsSchema.dateSentence', { problem });

/**
 * What is wrong with a YYYY, YYYY-MM or YYYY-MM-DD date, as a catalogue message, or null when it is a real date.
 * Surrounding spaces are the caller's business: " 2015" is not a date here.
 */
export function dateProblemText(value: string): CatalogueText | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return textOf('errorsSchema.dateForm');
  const year = Number(m[1]);
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return sentence(textOf('errorsSchema.dateNoMonth', { value, month: m[2] }));
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  const days = daysIn(year, month);
  if (day < 1 || day > days) return sentence(textOf('errorsSchema.dateNoDay', { value, month: String(month), year: String(year), days }));
  return null;
}

/** The same, as an English sentence (files' import reports, logs). */
export function dateProblem(value: string): string | null {
  const text = dateProblemText(value);
  return text ? formatText('en', text) : null;
}

export function isCalendarDate(value: string): boolean {
  return dateProblemText(value) === null;
}

// The dialogs show the problem as they are, in the interface's language: the renderer says which (i18n/current.ts).
let enteredLanguage: () => DisplayLanguage = () => 'en';

/** Where the interface language of `enteredDateProblem`'s sentences comes from. */
export function setDateProblemLanguage(language: () => DisplayLanguage): void {
  enteredLanguage = language;
}

/** The message for a date typed into a field (spaces around it ignored); an empty field is fine unless required. */
export function enteredDateProblem(text: string, required = false): string | null {
  const value = text.trim();
  const problem = value === '' ? (required ? textOf('errorsSchema.dateForm') : null) : dateProblemText(value);
  return problem ? formatText(enteredLanguage(), problem) : null;
}
