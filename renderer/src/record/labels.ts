/**
 * The words the record pages use for the contract's codes (every status is shown as a word, never by colour alone):
 * their catalogue ids, and dates in the interface language.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type {
  ClaimAssessment,
  ElectionType,
  MembershipStatus,
  MissionDto,
  MissionType,
  Severity,
  Verification,
} from '../../../electron/contract/api';

import { formatDate, type DateFormatter, type Translate } from './dates';

export { electionTitle, formatDate, type Translate } from './dates';

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

/** Dates in the interface language: `const date = useFormatDate(); date('2012-01-15')`. */
export function useFormatDate(): (date: string | null | undefined) => string {
  const intl = useIntl();
  return useCallback((date: string | null | undefined) => formatDate(date, intl as DateFormatter), [intl]);
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
