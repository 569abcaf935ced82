/**
 * The words the record pages use for the contract's codes (every status is shown as a word, never by colour alone):
 * their catalogue ids, and dates in the interface language.
 */
import { useCallback } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type {
  ClaimAssessment,
  ElectionDto,
  ElectionType,
  MembershipStatus,
  MissionDto,
  MissionType,
  Severity,
  Verification,
} from '../../../electron/contract/api';
import { CLAIM_ASSESSMENTS, VERIFICATION_STATUSES } from '../../../electron/contract/api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { formatMessage, type MessageValues } from '../../../electron/contract/i18n/format';

export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The catalogue ids of the contract's codes: `t(verificationId(v))`; TypeScript checks that every code has one. */
export const verificationId = (v: Verification) => `record.ver.${v}` as const;
export const assessmentId = (a: ClaimAssessment) => `record.assess.${a}` as const;
export const severityId = (s: Severity) => `record.sev.${s}` as const;
export const electionTypeId = (e: ElectionType) => `record.etype.${e}` as const;
export const electionTypeShortId = (e: ElectionType) => `record.etypeShort.${e}` as const;
export const missionTypeId = (m: MissionType) => `record.mtype.${m}` as const;
export const membershipId = (m: MembershipStatus) => `record.member.${m}` as const;

const UNVERIFIED_TYPES = ['election', 'mission', 'claim', 'excerpt', 'indicator-value', 'regional-norm', 'instrument', 'membership'] as const;

/** The word for a kind of record in the verification list; an unknown kind (a newer project) shows as it is stored. */
export function unverifiedTypeLabel(t: Translate, type: string): string {
  return (UNVERIFIED_TYPES as readonly string[]).includes(type) ? t(`record.utype.${type as (typeof UNVERIFIED_TYPES)[number]}`) : type;
}

/** English words, for the screens not yet moved to the catalogue (the claims register). */
export const VERIFICATION_LABELS = Object.fromEntries(VERIFICATION_STATUSES.map((v) => [v, formatMessage('en', verificationId(v))])) as Record<Verification, string>;
export const ASSESSMENT_LABELS = Object.fromEntries(CLAIM_ASSESSMENTS.map((a) => [a, formatMessage('en', assessmentId(a))])) as Record<ClaimAssessment, string>;

export const SEVERITY_RANK: Record<Severity, number> = { none: 0, minor: 1, moderate: 2, serious: 3, severe: 4 };

/** "OSCE/ODIHR" reads as ODIHR on a crowded axis; other organisations keep their name. */
export function shortOrganisation(name: string): string {
  const trimmed = name.trim();
  if (/odihr/i.test(trimmed)) return 'ODIHR';
  return trimmed;
}

export function isOdihr(mission: MissionDto): boolean {
  return /odihr/i.test(mission.organisation);
}

/** The year of a YYYY, YYYY-MM or YYYY-MM-DD date, as a fraction (mid-month/day), for a time axis. */
export function dateToYear(date: string): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 7;
  const day = match[3] ? Number(match[3]) : 15;
  return year + (month - 1) / 12 + (day - 1) / 365;
}

export function yearOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const match = /^(\d{4})/.exec(date.trim());
  return match ? Number(match[1]) : null;
}

/** A date formatter: react-intl's (the interface language) or, outside React, Intl's British English. */
type DateFormatter = Pick<IntlShape, 'formatDate' | 'locale'>;

const ENGLISH_DATES: DateFormatter = {
  locale: 'en-GB',
  formatDate: (value, options) => new Intl.DateTimeFormat('en-GB', options).format(value as number),
};

/** CLDR's abbreviated Kazakh months, for an ICU built without Kazakh data. */
const KAZAKH_MONTHS = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];
const hasKazakh = new Map<string, boolean>();

/**
 * Whether Intl has Kazakh month names. Chromium's ICU (and so Electron's) ships without Kazakh data and writes
 * "2001 M06 15"; then the dates are written here as CLDR writes them ("2001 ж. 15 мау.").
 */
function intlKnowsKazakh(locale: string): boolean {
  let known = hasKazakh.get(locale);
  if (known === undefined) {
    const probe = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 15));
    known = /[а-яәіңғүұқөһ]/i.test(probe);
    hasKazakh.set(locale, known);
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
  if (intl.locale.startsWith('kk') && !intlKnowsKazakh(intl.locale)) {
    return d ? `${y} ж. ${Number(d)} ${KAZAKH_MONTHS[month - 1]}` : `${y} ж. ${KAZAKH_MONTHS[month - 1]}`;
  }
  const at = Date.UTC(Number(y), month - 1, d ? Number(d) : 1);
  // UTC both ways: a stored calendar date must not move a day in a time zone west of Greenwich.
  return d
    ? intl.formatDate(at, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    : intl.formatDate(at, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Dates in the interface language: `const date = useFormatDate(); date('2012-01-15')`. */
export function useFormatDate(): (date: string | null | undefined) => string {
  const intl = useIntl();
  return useCallback((date: string | null | undefined) => formatDate(date, intl), [intl]);
}

/** "presidential election 15 Jan 2012, round 2", in the interface language. */
export function electionTitle(t: Translate, date: (d: string) => string, election: ElectionDto): string {
  const title = t('record.electionTitle', { type: election.type, date: date(election.date) });
  return election.round ? t('record.electionTitleRound', { title, round: election.round }) : title;
}

/** The highest severity among findings (null when nothing is coded). */
export function worstSeverity(severities: readonly Severity[]): Severity | null {
  let worst: Severity | null = null;
  for (const s of severities) if (worst === null || SEVERITY_RANK[s] > SEVERITY_RANK[worst]) worst = s;
  return worst;
}

/** The first sentence (or the first `max` characters) of a text, for a one-line summary. */
export function firstSentence(text: string, max = 140): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const end = t.search(/[.;](\s|$)/);
  const sentence = end > 0 ? t.slice(0, end + 1) : t;
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}
