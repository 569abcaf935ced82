/**
 * The language of each stretch of text and its hyphenation points, for the page formats (PDF through Chromium, DOCX).
 * Chromium as Debian ships it has no hyphenation dictionaries (`hyphens: auto` does nothing), so the HTML carries
 * soft hyphens (U+00AD) placed by Liang's TeX patterns from the `hyphen` package: en-us for English (its en-gb
 * patterns break "Com-par-is-on"), ru for Russian. Kazakh has no maintained patterns; it is only marked as Kazakh.
 */
import { hyphenateSync as hyphenateEn } from 'hyphen/en-us';
import { hyphenateSync as hyphenateRu } from 'hyphen/ru';

export type TextLanguage = 'en' | 'ru' | 'kk';

export interface LanguageSpan {
  text: string;
  lang: TextLanguage;
}

export const SOFT_HYPHEN = '\u00ad';

/** BCP 47 tags with a region, as Word's proofing tools want them. */
export const WORD_LANGUAGE: Record<TextLanguage, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

const CYRILLIC_WORD = /[\p{Script=Cyrillic}][\p{Script=Cyrillic}\p{M}\-‐’']*/gu;
const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u;

/**
 * Splits text into stretches of Latin (English) and Cyrillic (Russian or Kazakh) words. Spaces and punctuation
 * between two Cyrillic words of a sentence stay in the Cyrillic stretch, so a Russian phrase is one span. A stretch
 * is Kazakh when a word of it has a letter Russian lacks.
 */
export function languageSpans(text: string): LanguageSpan[] {
  const spans: LanguageSpan[] = [];
  let last = 0;
  let open: { start: number; end: number; kazakh: boolean } | null = null;
  const flush = () => {
    if (!open) return;
    if (open.start > last) spans.push({ text: text.slice(last, open.start), lang: 'en' });
    // The stretch keeps the punctuation and spaces after it ("допущены. "), as a sentence keeps its full stop.
    const end = open.end + /^[^\p{L}\p{N}]*/u.exec(text.slice(open.end))![0].length;
    spans.push({ text: text.slice(open.start, end), lang: open.kazakh ? 'kk' : 'ru' });
    last = end;
    open = null;
  };
  for (const match of text.matchAll(CYRILLIC_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const kazakh = KAZAKH_LETTERS.test(match[0]);
    // Joined to the open stretch when only spaces and punctuation within a sentence lie between (a colon or a full
    // stop may end a Russian phrase before a Kazakh one).
    if (open && !/[\p{Script=Latin}\d.:;!?\n]/u.test(text.slice(open.end, start))) {
      open.end = end;
      open.kazakh ||= kazakh;
    } else {
      flush();
      open = { start, end, kazakh };
    }
  }
  flush();
  if (last < text.length) spans.push({ text: text.slice(last), lang: 'en' });
  return spans.filter((s) => s.text !== '');
}

const LEFT_MIN = 2;
const RIGHT_MIN = 3;

/** Keeps the points that leave at least two letters before and three after (TeX's English and Russian minimums). */
function trimPoints(word: string, hyphenated: string, original: string): string {
  const parts = hyphenated.split(SOFT_HYPHEN);
  if (parts.length === 1) return word;
  let out = '';
  let done = 0;
  for (let i = 0; i < parts.length; i++) {
    out += original.slice(done, done + parts[i]!.length);
    done += parts[i]!.length;
    // Not inside an f-ligature (ff, fi, fl): Chromium's PDF text for a ligature split by a soft hyphen loses letters.
    const ligature = word[done - 1] === 'f' && 'fil'.includes(word[done] ?? '');
    if (i < parts.length - 1 && done >= LEFT_MIN && word.length - done >= RIGHT_MIN && !ligature) out += SOFT_HYPHEN;
  }
  return out;
}

const WORD = /[\p{L}\p{M}]+/gu;

/**
 * The capitalised words a text uses as names: those that also appear capitalised in the middle of a sentence (after
 * a lower-case word or a comma). Other capitalised words start a sentence, a quotation or a label ("Notwithstanding",
 * "Undetermined") and may be hyphenated like any word.
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll}\d,)] +)(\p{Lu}[\p{L}\p{M}]*)/gu)) names.add(m[1]!);
  return names;
}

function mayBreak(word: string, names: ReadonlySet<string> | undefined): boolean {
  if (word.length < 7 || word.includes(SOFT_HYPHEN)) return false;
  if (word[0] === word[0]!.toLowerCase()) return true;
  // Capitalised: never a name (house styles do not break names, and the privacy check must find them whole in the
  // printed text), nor an acronym or a word with inner capitals.
  return names !== undefined && !names.has(word) && word.slice(1) === word.slice(1).toLowerCase();
}

/**
 * The text with soft hyphens where words of seven letters or more may break. Names are left whole (see `namesIn`;
 * without the list, every capitalised word is); column widths (columns.ts) make room for the longest of them.
 */
export function hyphenate(text: string, lang: TextLanguage, names?: ReadonlySet<string>): string {
  if (lang === 'kk') return text;
  // Addresses (URLs, DOIs, e-mail) are never hyphenated: a hyphen at a break would read as part of the address.
  // A token shorter than seven characters holds no word that may break (mayBreak): most tokens of a text.
  return text.replace(/\S{7,}/g, (token) => (ADDRESS.test(token) ? token : token.replace(WORD, (word) => (mayBreak(word, names) ? hyphenatedWord(word, lang) : word))));
}

// A word's hyphenation depends on the word and its language only; a matrix repeats its words thousands of times
// (a third of a one-norm export's HTML time went to the patterns). Bounded: cleared when full.
const wordCache = new Map<string, string>();
const WORD_CACHE_SIZE = 50_000;

function hyphenatedWord(word: string, lang: 'en' | 'ru'): string {
  const key = lang === 'ru' ? `r${word}` : `e${word}`;
  let out = wordCache.get(key);
  if (out === undefined) {
    const hyphenator = lang === 'ru' ? hyphenateRu : hyphenateEn;
    out = trimPoints(word, hyphenator(word.toLowerCase(), { hyphenChar: SOFT_HYPHEN }), word);
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    wordCache.set(key, out);
  }
  return out;
}

const ADDRESS = /:\/\/|^www\.|@|^doi:|^10\.\d{4,}\//i;
