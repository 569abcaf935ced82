/**
 * The one calendar check for every date a user or a file gives (API, CSV, REFI-QDA, the dialogs): a record's date may
 * be a year, a month or a day, and a day must exist. A shape check alone let "2015-02-30" through, and the exports then
 * printed "30 Feb 2015".
 */

export const DATE_FORMAT_MESSAGE = 'A date is YYYY, YYYY-MM or YYYY-MM-DD.';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is wrong with a YYYY, YYYY-MM or YYYY-MM-DD date, as a sentence, or null when it is a real date.
 * Surrounding spaces are the caller's business: " 2015" is not a date here.
 */
export function dateProblem(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return DATE_FORMAT_MESSAGE;
  const year = Number(m[1]);
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${value}" is not a date: there is no month ${m[2]}.`;
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `"${value}" is not a date: ${MONTHS[month - 1]} ${year} has ${days} days.`;
  return null;
}

export function isCalendarDate(value: string): boolean {
  return dateProblem(value) === null;
}

/** The message for a date typed into a field (spaces around it ignored); an empty field is fine unless required. */
export function enteredDateProblem(text: string, required = false): string | null {
  const value = text.trim();
  if (value === '') return required ? DATE_FORMAT_MESSAGE : null;
  return dateProblem(value);
}
