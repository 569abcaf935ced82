/** Words and small pure helpers the evidence views share: labels, attribution, locators, languages. */
import type { CslItem, ExcerptDto, ParticipantDto, SourceDto, SourceKind } from '../../../electron/contract/api';
import { SOURCE_KINDS } from '../../../electron/contract/api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';

export const SOURCE_KIND_MESSAGES: Record<SourceKind, MessageId> = {
  'observer-report': 'evidence.kindObserverReport',
  law: 'evidence.kindLaw',
  interview: 'evidence.kindInterview',
  media: 'evidence.kindMedia',
  'leaked-document': 'evidence.kindLeakedDocument',
  dataset: 'evidence.kindDataset',
  speech: 'evidence.kindSpeech',
  academic: 'evidence.kindAcademic',
  other: 'evidence.kindOther',
};

/**
 * The kinds' names in the interface language at the time they are read (components should prefer
 * `t(SOURCE_KIND_MESSAGES[kind])`, which re-renders when the language changes).
 */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = Object.defineProperties(
  {} as Record<SourceKind, string>,
  Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, { enumerable: true, get: () => formatMessage(currentLanguage(), SOURCE_KIND_MESSAGES[kind]) }])),
);

export const SOURCE_KIND_OPTIONS = SOURCE_KINDS.map((kind) => ({ value: kind, labelId: SOURCE_KIND_MESSAGES[kind] }));

/** Languages offered in the excerpt editor (any code may be typed). */
export const LANGUAGE_SUGGESTIONS: { code: string; labelId: MessageId }[] = [
  { code: 'en', labelId: 'evidence.langEnglish' },
  { code: 'ru', labelId: 'evidence.langRussian' },
  { code: 'kk', labelId: 'evidence.langKazakh' },
  { code: 'be', labelId: 'evidence.langBelarusian' },
  { code: 'uk', labelId: 'evidence.langUkrainian' },
  { code: 'ky', labelId: 'evidence.langKyrgyz' },
  { code: 'uz', labelId: 'evidence.langUzbek' },
  { code: 'de', labelId: 'evidence.langGerman' },
  { code: 'fr', labelId: 'evidence.langFrench' },
];

/**
 * A first guess at a text's language from its letters, to prefill the editor: Kazakh has letters Russian lacks,
 * Belarusian has ў and і; otherwise Cyrillic is Russian and Latin is English. The researcher corrects it.
 */
export function guessLanguage(text: string): string {
  if (/[әғқңөұүһӘҒҚҢӨҰҮҺ]/.test(text)) return 'kk';
  if (/[ўЎ]/.test(text)) return 'be';
  if (/[ґєїҐЄЇ]/.test(text)) return 'uk';
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (cyrillic === 0 && latin === 0) return '';
  return cyrillic > latin ? 'ru' : 'en';
}

/** The paragraph (1-based, blank-line separated) that holds `offset`: the same count the back end makes. */
export function paragraphAt(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\n\s*\n/g)?.length ?? 0) + 1;
}

export function suggestLocator(pageText: string, page: number, start: number): string {
  return `p. ${page}, para ${paragraphAt(pageText, start)}`;
}

/** Who speaks in an excerpt: the participant's pseudonym (never a real name) or the public speaker. */
export function attribution(excerpt: Pick<ExcerptDto, 'participantId' | 'speaker'>, participants: readonly ParticipantDto[] | undefined): string {
  if (excerpt.participantId) {
    const who = participants?.find((p) => p.id === excerpt.participantId);
    return who ? who.pseudonym : formatMessage(currentLanguage(), 'evidence.aParticipant');
  }
  return excerpt.speaker;
}

/** The excerpt's text as it is cited: quotes in quotation marks, paraphrases without. */
export function citedText(excerpt: Pick<ExcerptDto, 'text' | 'textKind'>): string {
  return excerpt.textKind === 'quote' ? `“${excerpt.text}”` : excerpt.text;
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

// ---- CSL fields ----------------------------------------------------------------------------------------------

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** "Family, Given; Family, Given" (an institution is one literal name). */
export function cslNamesText(csl: CslItem, field: 'author' | 'editor' = 'author'): string {
  const names = csl[field];
  if (!Array.isArray(names)) return '';
  return (names as CslName[])
    .map((n) => n.literal ?? [n.family, n.given].filter((part) => part && part.trim() !== '').join(', '))
    .filter((n) => n !== '')
    .join('; ');
}

/** The reverse of cslNamesText: "Family, Given" is a person, anything without a comma a literal (institution). */
export function parseCslNames(text: string): CslName[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const comma = part.indexOf(',');
      if (comma < 0) return { literal: part };
      const family = part.slice(0, comma).trim();
      const given = part.slice(comma + 1).trim();
      return given ? { family, given } : { family };
    });
}

/** The issued date as typed: "2016", "2016-03", "2016-03-01", or the literal text. */
export function cslDateText(csl: CslItem): string {
  const issued = csl.issued as { 'date-parts'?: unknown[][]; raw?: string; literal?: string } | undefined;
  const parts = issued?.['date-parts']?.[0];
  if (Array.isArray(parts) && parts.length > 0) {
    return parts
      .map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0')))
      .join('-');
  }
  return issued?.raw ?? issued?.literal ?? '';
}

export function parseCslDate(text: string): CslItem['issued'] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(trimmed);
  if (!match) return { literal: trimmed };
  return { 'date-parts': [[match[1], match[2], match[3]].filter((p): p is string => p !== undefined).map(Number)] };
}

export function cslString(csl: CslItem, field: string): string {
  const value = csl[field];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A web address that may be opened outside the app (http and https only). */
export function safeWebUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function sourceLine(source: Pick<SourceDto, 'authors' | 'year'>): string {
  return [source.authors, source.year ?? ''].filter((p) => p !== '').join(' · ');
}
