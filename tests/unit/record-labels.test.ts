/**
 * The record pages' dates and election titles in the interface language: Intl's words for English and Russian,
 * stored calendar dates never moved a day by the time zone, partial dates kept partial, and Kazakh written as CLDR
 * writes it when the ICU in use has no Kazakh (Chromium's, so Electron's).
 */
import { describe, expect, it } from 'vitest';
import type { ClaimDto, ElectionDto } from '../../electron/contract/api';
import { translator } from '../../electron/contract/i18n/format';
import { versus } from '../../renderer/src/record/versus';
import { electionTitle, formatDate } from '../../renderer/src/record/dates';
import { severityLabel } from '../../renderer/src/record/flag-severity';

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

describe('verification flag severities', () => {
  it('show the fact base’s fixed words in the interface language, joins kept', () => {
    expect(severityLabel(translator('ru'), 'cosmetic')).toBe('косметическая');
    expect(severityLabel(translator('ru'), 'provenance')).toBe('происхождение');
    expect(severityLabel(translator('kk'), 'unverified')).toBe('тексерілмеген');
    expect(severityLabel(translator('ru'), 'factual (date)')).toBe('фактическая (дата)');
    expect(severityLabel(translator('ru'), 'terminology / dating')).toBe('терминология / датировка');
    expect(severityLabel(translator('kk'), 'Citation (uncertain)')).toBe('дәйексөз (анық емес)');
  });

  it('read a word added in another language in this one', () => {
    expect(severityLabel(translator('kk'), 'косметическая')).toBe('сыртқы');
    expect(severityLabel(translator('en'), 'пробел в данных')).toBe('data gap');
  });

  it('leave the researcher’s own text exactly as stored', () => {
    expect(severityLabel(translator('ru'), 'factual (the second round)')).toBe('factual (the second round)');
    expect(severityLabel(translator('ru'), 'urgent!')).toBe('urgent!');
    expect(severityLabel(translator('ru'), ' cosmetic, check ')).toBe(' cosmetic, check ');
  });
});

describe('the comparison of a claim', () => {
  const claim = { focalCaseId: 'kz', comparatorCaseIds: ['by', 'gone'], comparatorNote: '' } as unknown as ClaimDto;
  const byId = new Map([
    ['kz', { name: 'Казахстан' }],
    ['by', { name: 'Беларусь' }],
  ]);

  it('is joined in the interface language, a case no longer in the project named as unknown', () => {
    expect(versus(claim, byId, translator('ru'))).toBe('Казахстан и Беларусь, неизвестный кейс');
    expect(versus(claim, byId, translator('en'))).toBe('Казахстан vs Беларусь, unknown case');
  });
});
