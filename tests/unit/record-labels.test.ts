/**
 * The record pages' dates and election titles in the interface language: Intl's words for English and Russian,
 * stored calendar dates never moved a day by the time zone, partial dates kept partial, and Kazakh written as CLDR
 * writes it when the ICU in use has no Kazakh (Chromium's, so Electron's).
 */
import { describe, expect, it } from 'vitest';
import type { ElectionDto } from '../../electron/contract/api';
import { translator } from '../../electron/contract/i18n/format';
import { electionTitle, formatDate } from '../../renderer/src/record/dates';

const intlOf = (locale: string, known = true) => ({
  locale,
  // An ICU without Kazakh answers with the root locale's pattern ("2001 M06 15"), as Chromium does.
  formatDate: (value: unknown, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(known ? locale : 'und', options).format(value as number),
});

describe('record dates', () => {
  it('are written in the interface language, a partial date kept partial', () => {
    expect(formatDate('2012-01-15')).toBe('15 Jan 2012');
    expect(formatDate('2012-01')).toBe('Jan 2012');
    expect(formatDate('2012')).toBe('2012');
    expect(formatDate('early 2012')).toBe('early 2012');
    expect(formatDate('2012-01-15', intlOf('ru-RU'))).toBe('15 янв. 2012 г.');
    expect(formatDate('2012-06-15', intlOf('kk-KZ'))).toMatch(/^2012 ж\. 15 мау\.$/);
  });

  it('write Kazakh months themselves when Intl has no Kazakh', () => {
    expect(formatDate('2001-06-15', intlOf('kk-QQ', false))).toBe('2001 ж. 15 мау.');
    expect(formatDate('2001-05', intlOf('kk-QQ', false))).toBe('2001 ж. мам.');
  });

  it('name an election in each language, with its round', () => {
    const election = { type: 'presidential', date: '2005-12-04', round: 2 } as ElectionDto;
    expect(electionTitle(translator('en'), (d) => formatDate(d), election)).toBe('presidential election 4 Dec 2005, round 2');
    expect(electionTitle(translator('ru'), (d) => formatDate(d, intlOf('ru-RU')), election)).toBe('президентские выборы 4 дек. 2005 г., тур 2');
    expect(electionTitle(translator('kk'), (d) => d, { ...election, round: null })).toBe('президент сайлауы 2005-12-04');
  });
});
