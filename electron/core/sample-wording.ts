/**
 * The fact base behind the bundled sample calls the article it was built from "the seed" — the word of the
 * developers who assembled it, meaningless to a researcher opening the sample. The sample's text says "the article"
 * instead, as the researcher citing it would. Enumerated values ("seed-only", "seed-quote") and identifiers
 * ("SRC-SEED") are words of the file format, not prose, and stay as they are.
 */

const REWRITES: [RegExp, string][] = [
  // A locator's "; seed line 493" is the line of the repository's text copy: readerLocator drops it, so it must
  // reach readerLocator unchanged.
  [/;\s*seed line \d+\s*$/i, ''],
  [/ \(seed\)$/, ''],
  [/reported by the seed\b/g, 'reported in the article'],
  [/\(seed\)/g, '(per the article)'],
  [/\(seed: /g, '(the article: '],
  [/\bper seed\b/g, 'per the article'],
  [/\bseed fn\b/g, 'article, fn'],
  [/\bSeed-only\b/g, 'Article-only'],
  [/\bseed-only\b/g, 'article-only'],
  [/\b([Tt])he seed\b/g, '$1he article'],
  [/(^|[.;:!?]\s+|\(\s*)Seed\b/g, '$1The article'],
  [/\bSeed\b/g, 'The article'],
  [/\bseed\b/g, 'the article'],
];

/** A token without spaces is a code of the fact base (an enumerated value or an id), never prose. */
function isCode(text: string): boolean {
  return !/\s/.test(text);
}

export function researcherWording(text: string): string {
  if (isCode(text)) return text;
  return REWRITES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The same JSON with every prose string reworded; keys and codes are left alone. */
export function rewordFacts(value: unknown): unknown {
  if (typeof value === 'string') return researcherWording(value);
  if (Array.isArray(value)) return value.map(rewordFacts);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewordFacts(v)]));
  return value;
}
