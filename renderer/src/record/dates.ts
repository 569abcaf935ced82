/**
 * Dates and election titles of the record pages in the interface language. Plain functions without React, so that
 * tests reach them without the renderer; `useFormatDate` in labels.ts binds them to react-intl.
 */
import type { ElectionDto } from '../../../electron/contract/api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { MessageValues } from '../../../electron/contract/i18n/format';

export type Translate = (id: MessageId, values?: MessageValues) => string;

/** A date formatter: react-intl's (the interface language) or, outside React, Intl's British English. */
export interface DateFormatter {
  locale: string;
  formatDate(value: number, options: Intl.DateTimeFormatOptions): string;
}

const ENGLISH_DATES: DateFormatter = {
  locale: 'en-GB',
  formatDate: (value, options) => new Intl.DateTimeFormat('en-GB', options).format(value),
};

/** CLDR's abbreviated Kazakh months, for an ICU built without Kazakh data. */
const KAZAKH_MONTHS = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];
const hasKazakh = new Map<string, boolean>();

/**
 * Whether Intl has Kazakh month names. Chromium's ICU (and so Electron's) ships without Kazakh data and writes
 * "2001 M06 15"; then the dates are written here as CLDR writes them ("2001 ж. 15 мау.").
 */
function intlKnowsKazakh(intl: DateFormatter): boolean {
  let known = hasKazakh.get(intl.locale);
  if (known === undefined) {
    known = /[а-яәіңғүұқөһ]/i.test(intl.formatDate(Date.UTC(2000, 0, 15), { month: 'short', timeZone: 'UTC' }));
    hasKazakh.set(intl.locale, known);
  }
  return known;
}

/** 2012-01-15 -> "15 Jan 2012" (ru "15 янв. 2012 г."); 2012-01 -> "Jan 2012"; 2012 -> "2012"; other text as it is. */
export function formatDate(date: string | null | undefined, intl: DateFormatter = ENGLISH_DATES): string {
  if (!date) return '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return date;
  const [, y, m, d] = match;
  if (!m) return y!;
  const month = Number(m);
  if (month < 1 || month > 12) return date;
  if (intl.locale.startsWith('kk') && !intlKnowsKazakh(intl)) {
    return d ? `${y} ж. ${Number(d)} ${KAZAKH_MONTHS[month - 1]}` : `${y} ж. ${KAZAKH_MONTHS[month - 1]}`;
  }
  const at = Date.UTC(Number(y), month - 1, d ? Number(d) : 1);
  // UTC both ways: a stored calendar date must not move a day in a time zone west of Greenwich.
  return d
    ? intl.formatDate(at, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    : intl.formatDate(at, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "presidential election 15 Jan 2012, round 2", in the interface language. */
export function electionTitle(t: Translate, date: (d: string) => string, election: ElectionDto): string {
  const title = t('record.electionTitle', { type: election.type, date: date(election.date) });
  return election.round ? t('record.electionTitleRound', { title, round: election.round }) : title;
}

