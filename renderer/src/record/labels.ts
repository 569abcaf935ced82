/** The words the record pages use for the contract's codes: every status is shown as a word, never by colour alone. */
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

export const VERIFICATION_LABELS: Record<Verification, string> = {
  'verified-external': 'verified externally',
  'one-source': 'one source only',
  contested: 'contested',
  unverified: 'unverified',
};

export const ASSESSMENT_LABELS: Record<ClaimAssessment, string> = {
  supported: 'supported',
  'partly-supported': 'partly supported',
  'not-supported': 'not supported',
  undetermined: 'undetermined',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  none: 'none',
  minor: 'minor',
  moderate: 'moderate',
  serious: 'serious',
  severe: 'severe',
};

export const SEVERITY_RANK: Record<Severity, number> = { none: 0, minor: 1, moderate: 2, serious: 3, severe: 4 };

export const ELECTION_TYPE_LABELS: Record<ElectionType, string> = {
  parliamentary: 'parliamentary',
  presidential: 'presidential',
  referendum: 'referendum',
  local: 'local',
  other: 'other',
};

export const ELECTION_TYPE_SHORT: Record<ElectionType, string> = {
  parliamentary: 'parl.',
  presidential: 'pres.',
  referendum: 'ref.',
  local: 'local',
  other: 'other',
};

export const MISSION_TYPE_LABELS: Record<MissionType, string> = {
  'full-eom': 'full observation mission',
  'limited-eom': 'limited observation mission',
  'needs-assessment': 'needs assessment',
  'expert-team': 'expert team',
  'technical-assessment': 'technical assessment',
  none: 'no mission',
  other: 'other mission',
};

export const MEMBERSHIP_LABELS: Record<MembershipStatus, string> = {
  member: 'member',
  'founding-member': 'founding member',
  observer: 'observer',
  'dialogue-partner': 'dialogue partner',
  'participating-state': 'participating State',
  applicant: 'applicant',
  suspended: 'suspended',
  other: 'other',
};

export const UNVERIFIED_TYPE_LABELS: Record<string, string> = {
  election: 'Election',
  mission: 'Mission',
  claim: 'Claim',
  excerpt: 'Excerpt',
  'indicator-value': 'Indicator value',
  'regional-norm': 'Regional norm',
  instrument: 'Instrument',
  membership: 'Membership',
};

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2012-01-15 -> "15 Jan 2012"; 2012-01 -> "Jan 2012"; 2012 -> "2012". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return date;
  const [, y, m, d] = match;
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function electionTitle(election: ElectionDto): string {
  const round = election.round ? `, round ${election.round}` : '';
  return `${ELECTION_TYPE_LABELS[election.type]} election ${formatDate(election.date)}${round}`;
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

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
