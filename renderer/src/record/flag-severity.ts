/**
 * A verification flag's severity is free text, but mostly the fact base's fixed words ("cosmetic", "factual (date)",
 * "terminology / dating"), written in whichever language the flag was added in. Those words are shown in the
 * interface language; any other text is the researcher's own and is shown exactly as it was stored.
 */
import { catalogue, type MessageId } from '../../../electron/contract/i18n/catalogue';
import { LANGUAGES } from '../../../electron/contract/i18n/languages';
import type { Translate } from './dates';

/** The terms a severity is made of; the first five are offered when a flag is added. */
export const SEVERITY_TERMS = [
  'verification.suggest.cosmetic',
  'verification.suggest.factual',
  'verification.suggest.citation',
  'verification.suggest.claimNotSupported',
  'verification.suggest.dataGap',
  'verification.suggest.context',
  'verification.suggest.dating',
  'verification.suggest.provenance',
  'verification.suggest.terminology',
  'verification.suggest.unverified',
  'verification.qualifier.date',
  'verification.qualifier.dated',
  'verification.qualifier.nuance',
  'verification.qualifier.uncertain',
] as const satisfies readonly MessageId[];

let known: Map<string, MessageId> | undefined;

/** Every language's word for every term, lower-cased, to its id: a flag added in Russian reads in Kazakh too. */
function knownTerms(): Map<string, MessageId> {
  if (!known) {
    known = new Map();
    for (const language of LANGUAGES) for (const id of SEVERITY_TERMS) known.set(catalogue(language)[id].toLocaleLowerCase(), id);
  }
  return known;
}

/** Terms are joined by a slash, a comma or a parenthesised qualifier; the joins are kept as written. */
const JOINS = /(\s*[/,()]\s*)/;

/** The severity in the interface language when every part of it is a known term, else as it was stored. */
export function severityLabel(t: Translate, severity: string): string {
  const parts = severity.trim().split(JOINS);
  const terms = knownTerms();
  const out: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1 || part === '') {
      out.push(part);
      continue;
    }
    const id = terms.get(part.toLocaleLowerCase());
    if (!id) return severity;
    out.push(t(id));
  }
  return out.join('');
}
