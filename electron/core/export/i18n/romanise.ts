/**
 * Romanisation of Cyrillic references by the Library of Congress tables (ALA-LC): Russian, and Kazakh by the table
 * for non-Slavic languages in Cyrillic script. Europe-Asia Studies and Post-Soviet Affairs ask for it in references.
 *
 * Two forms:
 * - 'journal' (the default, what those journals print): the ALA-LC letters without the tie bars (ts, iu, ia, not
 *   t͡s, i͡u, i͡a) and, for Russian, without diacritics: й → i, ё → e, э → e, ь → ', ъ → " ("Известия" → "Izvestiia",
 *   "Жизнь" → "Zhizn'", "Новый мир" → "Novyi mir"). Kazakh keeps the diacritics that tell its own vowels apart
 *   (ä, ȯ, ū, u̇): without them ө, ұ and ү would all print "o" or "u". Kazakh і is i (the Library's own headings
 *   print "Mäzhilis" for Мәжіліс); и is i too, as in the table for the other Turkic languages (Kyrgyz, Karakalpak).
 * - 'strict' (a library catalogue's): the tables as printed, ligature ties (U+0361) and primes (ʹ ʺ) included.
 *
 * Tie bars are off by default because journals set them inconsistently (fonts place U+0361 badly) and their style
 * guides print the letters without them.
 */
import type { CslItem } from '../../../contract/api';

export type RomanisationForm = 'journal' | 'strict';
export type RomanisedLanguage = 'ru' | 'kk';

type Table = Record<string, [strict: string, journal: string]>;

/** ALA-LC Russian (lower case; capitals are derived). Pre-1918 letters included: titles of old sources keep them. */
const RUSSIAN: Table = {
  а: ['a', 'a'],
  б: ['b', 'b'],
  в: ['v', 'v'],
  г: ['g', 'g'],
  д: ['d', 'd'],
  е: ['e', 'e'],
  ё: ['ë', 'e'],
  ж: ['zh', 'zh'],
  з: ['z', 'z'],
  и: ['i', 'i'],
  й: ['ĭ', 'i'],
  к: ['k', 'k'],
  л: ['l', 'l'],
  м: ['m', 'm'],
  н: ['n', 'n'],
  о: ['o', 'o'],
  п: ['p', 'p'],
  р: ['r', 'r'],
  с: ['s', 's'],
  т: ['t', 't'],
  у: ['u', 'u'],
  ф: ['f', 'f'],
  х: ['kh', 'kh'],
  ц: ['t͡s', 'ts'],
  ч: ['ch', 'ch'],
  ш: ['sh', 'sh'],
  щ: ['shch', 'shch'],
  ъ: ['ʺ', '"'],
  ы: ['y', 'y'],
  ь: ['ʹ', "'"],
  э: ['ė', 'e'],
  ю: ['i͡u', 'iu'],
  я: ['i͡a', 'ia'],
  і: ['ī', 'i'],
  ѣ: ['i͡e', 'ie'],
  ѳ: ['ḟ', 'f'],
  ѵ: ['ẏ', 'y'],
};

/** ALA-LC non-Slavic languages in Cyrillic script, the letters Kazakh uses. */
const KAZAKH: Table = {
  ...RUSSIAN,
  ә: ['ä', 'ä'],
  ғ: ['gh', 'gh'],
  и: ['i', 'i'],
  й: ['ĭ', 'ĭ'],
  қ: ['q', 'q'],
  ң: ['n͡g', 'ng'],
  ө: ['ȯ', 'ȯ'],
  ұ: ['ū', 'ū'],
  ү: ['u̇', 'u̇'],
  һ: ['ḣ', 'ḣ'],
  і: ['i', 'i'],
  ё: ['ë', 'ë'],
  э: ['ė', 'ė'],
};

const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһ]/u;
const CYRILLIC = /[\u0400-\u04ff]/u;

/** The language of a Cyrillic text for romanisation: Kazakh when it has a letter only Kazakh uses, else Russian. */
export function cyrillicLanguage(text: string): RomanisedLanguage {
  return KAZAKH_LETTERS.test(text) ? 'kk' : 'ru';
}

const isUpper = (ch: string | undefined) => !!ch && ch !== ch.toLocaleLowerCase('ru') && ch === ch.toLocaleUpperCase('ru');

/**
 * Text in Latin letters by the ALA-LC table of its language. Capitals: the first letter of a digraph ("Zh", "Shch",
 * "Iu"), all of it in a word written in capitals ("ZHIZN'"). Characters not in the table are kept.
 */
export function romanise(text: string, language: RomanisedLanguage = cyrillicLanguage(text), form: RomanisationForm = 'journal'): string {
  if (!CYRILLIC.test(text)) return text;
  const table = language === 'kk' ? KAZAKH : RUSSIAN;
  const index = form === 'strict' ? 0 : 1;
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  chars.forEach((ch, i) => {
    const lower = ch.toLocaleLowerCase('ru');
    const entry = table[lower];
    if (!entry) {
      out += ch;
      return;
    }
    const latin = entry[index];
    if (!isUpper(ch)) {
      out += latin;
      return;
    }
    // A capital in a word of capitals (its neighbour is a capital too) is all capitals; else only its first letter.
    const allCaps = isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !/\p{L}/u.test(chars[i + 1] ?? ''));
    if (allCaps) out += latin.toLocaleUpperCase('en');
    else {
      const [first, ...rest] = Array.from(latin);
      out += (first ?? '').toLocaleUpperCase('en') + rest.join('');
    }
  });
  return out.normalize('NFC');
}

/** Free-text fields of a reference that are printed as written (titles, names of containers, publishers, places). */
const TEXT_FIELDS = ['title', 'title-short', 'container-title', 'container-title-short', 'collection-title', 'publisher', 'publisher-place', 'event', 'event-title', 'event-place', 'genre', 'medium', 'archive', 'archive-place', 'section'];
const NAME_FIELDS = ['author', 'editor', 'translator', 'interviewer', 'recipient', 'container-author', 'collection-editor', 'editorial-director', 'director', 'illustrator', 'composer'];

/**
 * The item with its Cyrillic romanised (each field by the language of its own text, so that a Kazakh title in a
 * Russian newspaper takes the Kazakh table), and the translated title — CSL-M's `translated-title`, which Juris-M and
 * multilingual Zotero write — in brackets after the romanised title: "Vybory proshli [The elections took place]".
 * The item keeps a language (ru or kk), so that English styles do not title-case the romanised words.
 */
export function romaniseItem(item: CslItem, form: RomanisationForm = 'journal'): CslItem {
  const title = typeof item.title === 'string' ? item.title : '';
  const texts = [title, ...TEXT_FIELDS.map((f) => item[f]).filter((v): v is string => typeof v === 'string')];
  const names = NAME_FIELDS.flatMap((f) => (Array.isArray(item[f]) ? (item[f] as Record<string, unknown>[]) : []));
  const anyCyrillic = texts.some((t) => CYRILLIC.test(t)) || names.some((n) => Object.values(n).some((v) => typeof v === 'string' && CYRILLIC.test(v)));
  if (!anyCyrillic) return item;
  const out: CslItem = { ...item };
  for (const field of TEXT_FIELDS) {
    const value = item[field];
    if (typeof value === 'string') out[field] = romanise(value, cyrillicLanguage(value), form);
  }
  for (const field of NAME_FIELDS) {
    const list = item[field];
    if (!Array.isArray(list)) continue;
    out[field] = list.map((name: Record<string, unknown>) => {
      const copy: Record<string, unknown> = { ...name };
      for (const part of ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix']) {
        const v = name[part];
        if (typeof v === 'string') copy[part] = romanise(v, cyrillicLanguage(v), form);
      }
      return copy;
    });
  }
  const translated = typeof item['translated-title'] === 'string' ? item['translated-title'].trim() : '';
  if (CYRILLIC.test(title) && translated) out.title = `${String(out.title)} [${translated}]`;
  if (!item.language) out.language = texts.some((t) => KAZAKH_LETTERS.test(t)) ? 'kk' : 'ru';
  return out;
}
